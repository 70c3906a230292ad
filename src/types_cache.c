/* The types layer's public face: every question kpage asks of the DWARF
 * (a member's offset, a type's size, an enumerator) is answered from a memo
 * when one exists for this vmlinux, else from DWARF, and the answers are kept
 * in $XDG_CACHE_HOME/kpage/types/BUILD-ID (types_memo.c). A first run reads the DWARF only
 * as far as its questions need (dwarf_index.c: 0.1-0.3 s and under 64 MB on
 * Debian's vmlinux); with the memo, kpage does not open the DWARF at all.
 * The memo is keyed by the vmlinux's build-id (no build-id, no memo) and by
 * this file's format version; `layout` reads the DWARF, the same directed
 * way. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "types_btf.h"
#include "types_impl.h"
#include "types_dwarf.h"
#include "types_print.h"
#include "types_vmci.h"
#include "types.h"
#include "symbols.h"

static kp_error *types_source(struct kp_types *ty, struct dwarf_types **dw,
			      struct btf_types **bt);

kp_error *kp_types_open_btf(const char *path, struct kp_types **out)
{
	struct kp_types *ty = calloc(1, sizeof(*ty));
	if (!ty)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ty->path = strdup(path);
	ty->btf_only = true;
	kp_error *err = kp_btf_types_open(path, &ty->bt);
	if (err) {
		kp_types_close(ty);
		return err;
	}
	*out = ty;
	return NULL;
}

const char *kp_types_memo_get(struct kp_types *ty, const char *key)
{
	return kp_answer_get_word(ty, key);
}

void kp_types_memo_note(struct kp_types *ty, const char *key, const char *val)
{
	/* Only a memo that will be saved (a build-id) is worth the entry. */
	if (ty->memo_path[0])
		kp_answer_put_word(ty, key, val, true);
}

kp_error *kp_types_open_vmcoreinfo(const char *vmci, const char *label,
				   const struct kp_vmci_member *members, size_t nmembers,
				   struct kp_types **out)
{
	struct kp_types *ty = calloc(1, sizeof(*ty));
	if (!ty)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ty->path = strdup(label);
	ty->vmci_only = true;
	kp_vmci_types_fill(ty, vmci ? vmci : "", members, nmembers);
	struct kp_field flags;
	uint32_t size;
	kp_error *err = NULL;
	if (!kp_answer_get_size(ty, "struct page", &size, &err) ||
	    !kp_answer_get_field(ty, "struct page", "flags", &flags, &err) || err) {
		kp_error_free(err);
		kp_types_close(ty);
		return kp_errorf(KP_EXIT_INPUT, "%s: VMCOREINFO has no SIZE(page) and "
				 "OFFSET(page.flags): it cannot stand in for the debuginfo", label);
	}
	*out = ty;
	return NULL;
}

kp_error *kp_types_open(const char *path, struct kp_types **out)
{
	struct kp_types *ty = calloc(1, sizeof(*ty));
	const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	kp_error *err = NULL;

	if (!ty)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ty->path = strdup(path);
	if (getenv("KPAGE_NO_TYPES_CACHE") == NULL &&
	    kp_memo_read_build_id(path, ty->build_id, sizeof(ty->build_id)) &&
	    ((cache && *cache) || home)) {
		if (cache && *cache)
			snprintf(ty->memo_path, sizeof(ty->memo_path), "%s/kpage/types/%s", cache, ty->build_id);
		else
			snprintf(ty->memo_path, sizeof(ty->memo_path), "%s/.cache/kpage/types/%s", home,
				 ty->build_id);
		kp_memo_load(ty);
	}
	/* Without a memo the DWARF is needed right away; this also reports a
	 * vmlinux without debug info at once, unless it has BTF to go by. */
	if (ty->n == 0) {
		struct dwarf_types *dw;
		struct btf_types *bt;
		err = types_source(ty, &dw, &bt);
	}
	if (err) {
		kp_types_close(ty);
		return err;
	}
	*out = ty;
	return NULL;
}

void kp_types_close(struct kp_types *ty)
{
	if (!ty)
		return;
	kp_memo_save(ty);
	for (size_t i = 0; i < ty->n; i++) {
		free(ty->m[i].key);
		free(ty->m[i].val);
	}
	free(ty->m);
	for (size_t i = 0; i < ty->nenums; i++) {
		for (size_t j = 0; j < ty->enums[i].n; j++)
			free((char *)ty->enums[i].e[j].name);
		free(ty->enums[i].e);
		free(ty->enums[i].name);
	}
	free(ty->enums);
	kp_dwarf_types_close(ty->dw);
	kp_btf_types_close(ty->bt);
	kp_btf_types_close(ty->oracle_btf);
	free(ty->path);
	free(ty);
}

const char *kp_types_path(const struct kp_types *ty) { return ty->path; }

/* The DWARF index's oracle (dwarf_index.c): whether this kernel has NAME at
 * all. Types and enumerators: the vmlinux's own .BTF, which pahole made from
 * this DWARF (every named struct, union, enum, typedef and enumerator of
 * every unit); variables: its symtab. Without them (no .BTF: the eras before
 * 5.2, stripped files) the index walks on, which takes longer and answers
 * the same. */
static bool types_oracle(void *ctx, enum dwarf_name_kind kind, const char *name)
{
	struct kp_types *ty = ctx;
	uint64_t addr;

	if (kind == DWARF_NAME_VAR)
		return !ty->syms || kp_symbols_lookup(ty->syms, name, &addr) ||
		       kp_symbols_load_error(ty->syms);   /* cannot tell: walk on */
	if (!ty->oracle_btf_tried) {
		const void *data;
		size_t size;
		ty->oracle_btf_tried = true;
		if (ty->dw && kp_dwarf_types_section(ty->dw, ".BTF", &data, &size)) {
			kp_error_free(kp_btf_types_open_mem(ty->path, data, size, &ty->oracle_btf));
			kp_dwarf_index_section_done(data, size);
		}
	}
	return !ty->oracle_btf || kp_btf_name_known(ty->oracle_btf, kind, name);
}

void kp_types_set_symbols(struct kp_types *ty, const struct kp_symbols *s)
{
	ty->syms = s;
}

kp_error *kp_types_dwarf(struct kp_types *ty, struct dwarf_types **out)
{
	if (!ty->dw) {
		kp_error *err = kp_dwarf_types_open(ty->path, &ty->dw);
		if (err)
			return err;
		const char *full = getenv("KPAGE_DWARF_FULL");
		if (!full || !*full)
			kp_dwarf_types_set_oracle(ty->dw, types_oracle, ty);
	}
	*out = ty->dw;
	return NULL;
}

/* The source of answers a miss goes to: DWARF, or BTF when the types were
 * opened from BTF or the file has no DWARF but a .BTF section. */
static kp_error *types_source(struct kp_types *ty, struct dwarf_types **dw,
			      struct btf_types **bt)
{
	*dw = NULL;
	*bt = ty->bt;
	if (ty->bt)
		return NULL;
	if (ty->vmci_only)
		return kp_errorf(KP_EXIT_INPUT, "%s: not in VMCOREINFO", ty->path);
	kp_error *err = ty->btf_only ? NULL : kp_types_dwarf(ty, dw);
	if (!err && *dw)
		return NULL;
	kp_error *berr = kp_btf_types_open(ty->path, &ty->bt);
	if (berr) {
		kp_error_free(berr);
		return err ? err : kp_errorf(KP_EXIT_INPUT, "%s: no BTF", ty->path);
	}
	kp_error_free(err);
	*bt = ty->bt;
	return NULL;
}

/* layout with --vmcoreinfo-only: VMCOREINFO has offsets of some members and
 * sizes of some types, not a layout; say which, in one line. */
kp_error *kp_types_vmci_layout_refusal(struct kp_types *ty, const char *type_name)
{
	char type[128], list[256] = "", size[32] = "";
	const char *names[7];
	uint32_t sz = 0;
	kp_error *err = NULL;
	const char *tag = strncmp(type_name, "struct ", 7) ? type_name : type_name + 7;

	snprintf(type, sizeof(type), "struct %s", tag);
	size_t n = kp_answer_members(ty, type, names, KP_ARRAY_SIZE(names));
	for (size_t i = 0; i < n && i < 6; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
			 names[i]);
	bool has_size = kp_answer_get_size(ty, type, &sz, &err) && !err;
	kp_error_free(err);
	if (has_size)
		snprintf(size, sizeof(size), "SIZE(%s) = %u and ", tag, sz);
	if (!n && !has_size)
		return kp_errorf(KP_EXIT_USAGE, "%s: VMCOREINFO says nothing of %s; layout needs the "
				 "types of a vmlinux (--vmlinux) or BTF (--btf)", ty->path, type);
	return kp_errorf(KP_EXIT_USAGE, "%s: VMCOREINFO has no type layouts, only %sthe offsets of "
			 "%zu members of %s (%s%s); layout needs the types of a vmlinux (--vmlinux) or "
			 "BTF (--btf)", ty->path, size, n, type, list, n > 6 ? ", ..." : "");
}

kp_error *kp_types_btf(struct kp_types *ty, struct btf_types **out)
{
	if (!ty->bt)
		return kp_errorf(KP_EXIT_INPUT, "%s: the types are not from BTF", ty->path);
	*out = ty->bt;
	return NULL;
}

const char *kp_types_source(const struct kp_types *ty)
{
	/* The memo holds answers the DWARF gave: its source is the DWARF. */
	return ty->vmci_only ? "VMCOREINFO" : ty->bt ? "BTF" : ty->dw || ty->n ? "DWARF" : "none";
}

#define NEED_SOURCE(ty, dw, bt)                                \
	struct dwarf_types *dw;                                \
	struct btf_types *bt;                                  \
	kp_error *srcerr_ = types_source(ty, &dw, &bt);        \
	if (srcerr_)                                           \
		return srcerr_

static kp_error *types_field_miss(struct kp_types *ty, const char *type, const char *path,
				  struct kp_field *f)
{
	if (ty->vmci_only)
		return NULL;       /* VMCOREINFO does not say: absent */
	NEED_SOURCE(ty, dw, bt);
	kp_error *err = bt ? kp_btf_field(bt, type, path, f) : kp_dwarf_field(dw, type, path, f);
	kp_answer_put_field(ty, type, path, f, err, true);
	return err;
}

/* Every member kpage reads lies within its struct: checked here, where every
 * member is resolved (DWARF, BTF, VMCOREINFO or the memo), so that a buffer
 * sized from the struct holds whatever is read through it. A damaged
 * VMCOREINFO (OFFSET(zone.vm_stat)=9999) or debuginfo stops here. */
static kp_error *field_within(struct kp_types *ty, const char *type_name, const char *path,
			      struct kp_field *f)
{
	uint32_t size = 0;
	if (!f->present)
		return NULL;
	uint64_t end = f->bit_size ? ((uint64_t)f->bit_offset + f->bit_size + 7) / 8 :
		       (uint64_t)f->offset + f->size;
	kp_error *err = kp_types_sizeof(ty, type_name, &size);
	if (err) {
		kp_error_free(err);    /* no size to hold it to (a member of no known struct) */
		return end > KP_MAX_STRUCT_BYTES ? kp_errorf(KP_EXIT_INPUT, "%s: %s member %s ends at "
			"byte %llu, past any kernel struct", ty->path, type_name, path,
			(unsigned long long)end) : NULL;
	}
	if (end <= size)
		return NULL;
	memset(f, 0, sizeof(*f));
	return kp_errorf(KP_EXIT_INPUT, "%s: %s member %s ends at byte %llu, past the struct's "
			 "size %u", ty->path, type_name, path, (unsigned long long)end, size);
}

kp_error *kp_types_field(struct kp_types *ty, const char *type_name, const char *path,
			 struct kp_field *f)
{
	kp_error *err;

	memset(f, 0, sizeof(*f));
	if (!kp_answer_get_field(ty, type_name, path, f, &err))
		err = types_field_miss(ty, type_name, path, f);
	return err ? err : field_within(ty, type_name, path, f);
}

kp_error *kp_types_sizeof(struct kp_types *ty, const char *type_name, uint32_t *size)
{
	kp_error *err;

	if (kp_answer_get_size(ty, type_name, size, &err))
		return err;
	NEED_SOURCE(ty, dw, bt);
	err = bt ? kp_btf_sizeof(bt, type_name, size) : kp_dwarf_sizeof(dw, type_name, size);
	kp_answer_put_size(ty, type_name, *size, err, true);
	return err;
}

/* A yes/no question with a number (KIND 'H' or 'N'). */
static bool memo_number(struct kp_types *ty, char kind,
			bool (*ask)(struct dwarf_types *, const char *, int64_t *),
			bool (*ask_btf)(struct btf_types *, const char *, int64_t *),
			const char *name, int64_t *val)
{
	int known = kp_answer_get_number(ty, kind, name, val);
	if (known >= 0)
		return known == 1;
	struct dwarf_types *dw;
	struct btf_types *bt;
	kp_error *err = types_source(ty, &dw, &bt);
	if (err) {
		kp_error_free(err);
		return false;
	}
	bool ok = bt ? ask_btf(bt, name, val) : ask(dw, name, val);
	kp_answer_put_number(ty, kind, name, ok, ok ? *val : 0, true);
	return ok;
}

static bool ask_has(struct dwarf_types *dw, const char *name, int64_t *val)
{
	*val = 1;
	return kp_dwarf_has(dw, name);
}

static bool ask_has_btf(struct btf_types *bt, const char *name, int64_t *val)
{
	*val = 1;
	return kp_btf_has(bt, name);
}

bool kp_types_has(struct kp_types *ty, const char *type_name)
{
	int64_t v;
	return memo_number(ty, 'H', ask_has, ask_has_btf, type_name, &v);
}

bool kp_types_enumerator(struct kp_types *ty, const char *name, int64_t *val)
{
	return memo_number(ty, 'N', kp_dwarf_enumerator, kp_btf_enumerator, name, val);
}

bool kp_types_var(struct kp_types *ty, const char *name, uint32_t *array_len, int *pointer_depth)
{
	int known = kp_answer_get_var(ty, name, array_len, pointer_depth);
	if (known >= 0)
		return known == 1;
	struct dwarf_types *dw;
	struct btf_types *bt;
	kp_error *err = types_source(ty, &dw, &bt);
	if (err) {
		kp_error_free(err);
		return false;
	}
	bool ok = bt ? kp_btf_var(bt, name, array_len, pointer_depth)
		     : kp_dwarf_var(dw, name, array_len, pointer_depth);
	kp_answer_put_var(ty, name, ok, ok ? *array_len : 0, ok ? *pointer_depth : 0, true);
	return ok;
}

void kp_enumerators_free(struct kp_enumerator *list, size_t n)
{
	for (size_t i = 0; list && i < n; i++)
		free((char *)list[i].name);
	free(list);
}

/* Enumerator lists, one cache: a loader's list goes into the model's
 * answers and is freed; what is handed out is always the model's (kept in
 * ty->enums until close), whichever loader or memo gave it. */
kp_error *kp_types_enum(struct kp_types *ty, const char *enum_name,
			const struct kp_enumerator **list, size_t *n)
{
	struct enum_list got;

	*list = NULL;
	*n = 0;
	for (size_t i = 0; i < ty->nenums; i++)
		if (!strcmp(ty->enums[i].name, enum_name)) {
			*list = ty->enums[i].e;
			*n = ty->enums[i].n;
			return NULL;
		}
	if (!kp_answer_get_enum(ty, enum_name, &got)) {
		if (ty->vmci_only)
			return NULL;
		NEED_SOURCE(ty, dw, bt);
		struct kp_enumerator *e;
		size_t ne;
		kp_error *err = bt ? kp_btf_enum_list(bt, enum_name, &e, &ne) : kp_dwarf_enum(dw, enum_name, &e, &ne);
		if (err)
			return err;
		bool put = kp_answer_put_enum(ty, enum_name, e, ne, true);
		kp_enumerators_free(e, ne);
		if (!put || !kp_answer_get_enum(ty, enum_name, &got))
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	struct enum_list *el = realloc(ty->enums, (ty->nenums + 1) * sizeof(*el));
	if (!el) {
		kp_enumerators_free(got.e, got.n);
		free(got.name);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	ty->enums = el;
	ty->enums[ty->nenums++] = got;
	*list = got.e;
	*n = got.n;
	return NULL;
}
