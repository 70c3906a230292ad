/* Type layouts from BTF through libbpf: the .BTF section of a vmlinux (which
 * distribution kernels carry even without a -dbg package) or the running
 * kernel's /sys/kernel/btf/vmlinux. It answers the same questions as the
 * DWARF side. BTF keeps no global variables but per-cpu ones, so
 * kp_btf_var() says "unknown" and the memory model then goes by VMCOREINFO. */
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "dwarf_index.h"
#include "types_btf.h"
#include "types_walk.h"
#include "types.h"

static int kpbtf_find(struct btf_types *bt, const char *type_name);

struct btf_types {
	char *path;
	struct btf *btf;
	/* every name by kind (kp_btf_name_known), built on first use */
	struct btf_name { uint32_t name_off; uint8_t kind; } *names;   /* name_off 0: empty */
	size_t names_mask;
	/* the encoder marks signed enums with kflag (pahole 1.24+: an ENUM64 or
	 * a kflag anywhere shows it); -1 not looked yet */
	int kflag_signs;
};

/* libbpf 1.1 copies an ELF's .BTF section without checking that the file
 * holds its bytes (SIGSEGV on a .BTF of type NOBITS, found by the DWARF
 * fuzzer); such a section is refused here first. */
static kp_error *btf_check_elf(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	kp_error *err = NULL;
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (fd < 0)
		return NULL;        /* libbpf says why */
	elf_version(EV_CURRENT);
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	while (!err && e && elf_kind(e) == ELF_K_ELF && elf_getshdrstrndx(e, &shstrndx) == 0 &&
	       (scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		const char *n = gelf_getshdr(scn, &sh) ? elf_strptr(e, shstrndx, sh.sh_name) : NULL;
		if (!n || strncmp(n, ".BTF", 4) || (n[4] && strcmp(n + 4, ".ext")))
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		if (sh.sh_type == SHT_NOBITS || !d || !d->d_buf || d->d_size != sh.sh_size)
			err = kp_errorf(KP_EXIT_INPUT, "%s: its %s section holds no data (damaged)",
					path, n);
	}
	if (e)
		elf_end(e);
	close(fd);
	return err;
}

kp_error *kp_btf_types_open(const char *path, struct btf_types **out)
{
	struct btf_types *bt = calloc(1, sizeof(*bt));
	if (!bt)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	bt->path = strdup(path);
	bt->kflag_signs = -1;
	kp_error *err = kp_input_check(path, -1, "BTF or a vmlinux");
	if (!err)
		err = btf_check_elf(path);
	if (err) {
		kp_btf_types_close(bt);
		return err;
	}
	/* libbpf prints its own warnings; kpage reports one line itself. */
	libbpf_set_print(NULL);
	bt->btf = btf__parse(path, NULL);
	if (!bt->btf) {
		char why[128] = "an ELF file without a .BTF section";
		if (errno != ENOENT)     /* the file is there: its .BTF is not */
			libbpf_strerror(errno, why, sizeof(why));
		err = kp_errorf(KP_EXIT_INPUT, "%s: no BTF type information (%s)", path, why);
		kp_btf_types_close(bt);
		return err;
	}
	*out = bt;
	return NULL;
}

kp_error *kp_btf_types_open_mem(const char *label, const void *data, size_t size,
			       struct btf_types **out)
{
	struct btf_types *bt = calloc(1, sizeof(*bt));
	if (!bt || !(bt->path = strdup(label))) {
		free(bt);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	bt->kflag_signs = -1;
	libbpf_set_print(NULL);
	bt->btf = btf__new(data, (uint32_t)size);
	if (!bt->btf || size > UINT32_MAX) {
		kp_btf_types_close(bt);
		return kp_errorf(KP_EXIT_INPUT, "%s: its .BTF cannot be read", label);
	}
	*out = bt;
	return NULL;
}

void kp_btf_types_close(struct btf_types *bt)
{
	if (!bt)
		return;
	free(bt->names);
	btf__free(bt->btf);
	free(bt->path);
	free(bt);
}

/* "struct page" / "union x" / "enum y" / a typedef or bare struct name. */
int kp_btf_find_type(struct btf_types *bt, const char *type_name)
{
	return kpbtf_find(bt, type_name);
}

const struct btf *kp_btf_btf(const struct btf_types *bt) { return bt->btf; }

static int kpbtf_find(struct btf_types *bt, const char *type_name)
{
	uint8_t kinds[3];
	const char *name;
	size_t n = kp_type_name_kinds(type_name, &name, kinds);
	int id = -1;

	for (size_t i = 0; i < n && id <= 0; i++) {
		switch (kinds[i]) {
		case DWARF_NAME_STRUCT: id = btf__find_by_name_kind(bt->btf, name, BTF_KIND_STRUCT); break;
		case DWARF_NAME_UNION: id = btf__find_by_name_kind(bt->btf, name, BTF_KIND_UNION); break;
		case DWARF_NAME_TYPEDEF: id = btf__find_by_name_kind(bt->btf, name, BTF_KIND_TYPEDEF); break;
		case DWARF_NAME_ENUM:
			id = btf__find_by_name_kind(bt->btf, name, BTF_KIND_ENUM);
			if (id <= 0)
				id = btf__find_by_name_kind(bt->btf, name, BTF_KIND_ENUM64);
			break;
		}
	}
	return id;
}

bool kp_btf_has(struct btf_types *bt, const char *type_name)
{
	return kpbtf_find(bt, type_name) > 0;
}

kp_error *kp_btf_sizeof(struct btf_types *bt, const char *type_name, uint32_t *size)
{
	int id = kpbtf_find(bt, type_name);
	long s = id > 0 ? btf__resolve_size(bt->btf, id) : -1;
	if (s <= 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: no definition of %s in the BTF", bt->path, type_name);
	*size = (uint32_t)s;
	return NULL;
}

/* The BTF's side of the member walk (types_walk.c). */
static bool bt_aggregate(void *ctx, const struct kp_tref *t, struct kp_tref *out)
{
	struct btf_types *bt = ctx;
	int id = t->u.id > 0 ? btf__resolve_type(bt->btf, (uint32_t)t->u.id) : -1;
	const struct btf_type *bt_t = id > 0 ? btf__type_by_id(bt->btf, (uint32_t)id) : NULL;
	out->u.id = id;
	return bt_t && btf_is_composite(bt_t);
}

static void bt_members(void *ctx, const struct kp_tref *agg, kp_member_fn *fn, void *arg)
{
	struct btf_types *bt = ctx;
	const struct btf_type *t = btf__type_by_id(bt->btf, (uint32_t)agg->u.id);
	if (!t || !btf_is_composite(t))
		return;
	const struct btf_member *m = btf_members(t);
	for (uint16_t i = 0; i < btf_vlen(t); i++, m++) {
		struct kp_member_view v = {
			.name = btf__name_by_offset(bt->btf, m->name_off),
			.bit_offset = btf_member_bit_offset(t, i),
			.bit_size = btf_member_bitfield_size(t, i),
			.has_type = true,
			.type.u.id = (int32_t)m->type,
		};
		if (fn(arg, &v))
			return;
	}
}

static uint32_t bt_size(void *ctx, const struct kp_tref *t)
{
	struct btf_types *bt = ctx;
	long size = btf__resolve_size(bt->btf, (uint32_t)t->u.id);
	return size > 0 ? (uint32_t)size : 0;
}

static uint32_t bt_count(void *ctx, const struct kp_tref *t)
{
	struct btf_types *bt = ctx;
	int r = btf__resolve_type(bt->btf, (uint32_t)t->u.id);
	const struct btf_type *a = r > 0 ? btf__type_by_id(bt->btf, (uint32_t)r) : NULL;
	return a && btf_is_array(a) ? btf_array(a)->nelems : 0;
}

kp_error *kp_btf_field(struct btf_types *bt, const char *type_name, const char *path,
		    struct kp_field *out)
{
	const struct kp_type_loader ld = { bt, "BTF", bt->path, bt_aggregate, bt_members, bt_size,
					   bt_count };
	struct kp_tref root = { .u.id = kpbtf_find(bt, type_name) };

	memset(out, 0, sizeof(*out));
	if (root.u.id <= 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: no definition of %s in the BTF", bt->path, type_name);
	return kp_types_walk_field(&ld, &root, type_name, path, out);
}

/* Whether this BTF's encoder says an enum's signedness with kflag: pahole
 * 1.24+ does (and writes ENUM64 kinds); before, no enum had the kflag and
 * every value was written signed. Looked up once. */
static bool btf_kflag_signs(struct btf_types *bt)
{
	if (bt->kflag_signs < 0) {
		uint32_t n = btf__type_cnt(bt->btf);
		bt->kflag_signs = 0;
		for (uint32_t id = 1; id < n && !bt->kflag_signs; id++) {
			const struct btf_type *t = btf__type_by_id(bt->btf, id);
			bt->kflag_signs = btf_is_enum64(t) || (btf_is_enum(t) && btf_kflag(t));
		}
	}
	return bt->kflag_signs;
}

/* Enumerator I of the enum type T (ENUM or ENUM64), one rule for every
 * caller, as the DWARF reads it: signed when kflag says so (or the encoder
 * predates kflag, whose values are all signed), else unsigned. */
static int64_t btf_enum_value(struct btf_types *bt, const struct btf_type *t, uint16_t i,
			      const char **name)
{
	bool is_signed = btf_kflag(t) || !btf_kflag_signs(bt);
	if (btf_is_enum64(t)) {
		const struct btf_enum64 *e = btf_enum64(t) + i;
		*name = btf__name_by_offset(bt->btf, e->name_off);
		return (int64_t)btf_enum64_value(e);
	}
	const struct btf_enum *e = btf_enum(t) + i;
	*name = btf__name_by_offset(bt->btf, e->name_off);
	return is_signed ? (int64_t)e->val : (int64_t)(uint32_t)e->val;
}

bool kp_btf_enumerator(struct btf_types *bt, const char *name, int64_t *val)
{
	uint32_t n = btf__type_cnt(bt->btf);
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(bt->btf, id);
		if (!btf_is_any_enum(t))
			continue;
		for (uint16_t i = 0; i < btf_vlen(t); i++) {
			const char *en;
			int64_t v = btf_enum_value(bt, t, i, &en);
			if (en && !strcmp(en, name)) {
				*val = v;
				return true;
			}
		}
	}
	return false;
}

kp_error *kp_btf_enum_list(struct btf_types *bt, const char *enum_name,
			struct kp_enumerator **list, size_t *n)
{
	char full[256];
	*list = NULL;
	*n = 0;
	snprintf(full, sizeof(full), "enum %s", enum_name);
	int id = kpbtf_find(bt, full);
	const struct btf_type *t = id > 0 ? btf__type_by_id(bt->btf, (uint32_t)id) : NULL;
	if (!t || !btf_is_any_enum(t) || !btf_vlen(t))
		return NULL;
	if (!(*list = calloc(btf_vlen(t), sizeof(**list))))
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	for (uint16_t i = 0; i < btf_vlen(t); i++) {
		const char *en;
		(*list)[i].value = btf_enum_value(bt, t, i, &en);
		if (!((*list)[i].name = strdup(en ? en : ""))) {
			kp_enumerators_free(*list, i);
			*list = NULL;
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
		}
	}
	*n = btf_vlen(t);
	return NULL;
}

bool kp_btf_var(struct btf_types *bt, const char *name, uint32_t *array_len, int *pointer_depth)
{
	(void)bt; (void)name; (void)array_len; (void)pointer_depth;
	return false;   /* BTF has per-cpu variables only */
}

static size_t btf_name_slot(const struct btf_types *bt, const char *name, uint8_t kind)
{
	size_t i = kp_hash_name(name, kind) & bt->names_mask;
	while (bt->names[i].name_off &&
	       (bt->names[i].kind != kind ||
		strcmp(btf__name_by_offset(bt->btf, bt->names[i].name_off), name) != 0))
		i = (i + 1) & bt->names_mask;
	return i;
}

static void btf_name_add(struct btf_types *bt, uint32_t name_off, uint8_t kind)
{
	const char *name = btf__name_by_offset(bt->btf, name_off);
	if (!name_off || !name || !*name)
		return;
	size_t i = btf_name_slot(bt, name, kind);
	bt->names[i].name_off = name_off;
	bt->names[i].kind = kind;
}

/* Indexes the names of every struct, union, enum, typedef and enumerator. */
static bool btf_names_build(struct btf_types *bt)
{
	uint32_t n = btf__type_cnt(bt->btf);
	size_t count = 0, size = 1024;

	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(bt->btf, id);
		count += 1 + (btf_is_any_enum(t) ? btf_vlen(t) : 0);
	}
	while (size < count + count / 2)
		size *= 2;
	if (!(bt->names = calloc(size, sizeof(*bt->names))))
		return false;
	bt->names_mask = size - 1;
	for (uint32_t id = 1; id < n; id++) {
		const struct btf_type *t = btf__type_by_id(bt->btf, id);
		if (btf_is_struct(t))
			btf_name_add(bt, t->name_off, DWARF_NAME_STRUCT);
		else if (btf_is_union(t))
			btf_name_add(bt, t->name_off, DWARF_NAME_UNION);
		else if (btf_is_typedef(t))
			btf_name_add(bt, t->name_off, DWARF_NAME_TYPEDEF);
		else if (btf_is_any_enum(t))
			btf_name_add(bt, t->name_off, DWARF_NAME_ENUM);
		for (uint16_t i = 0; btf_is_enum(t) && i < btf_vlen(t); i++)
			btf_name_add(bt, btf_enum(t)[i].name_off, DWARF_NAME_ENUMERATOR);
		for (uint16_t i = 0; btf_is_enum64(t) && i < btf_vlen(t); i++)
			btf_name_add(bt, btf_enum64(t)[i].name_off, DWARF_NAME_ENUMERATOR);
	}
	return true;
}

bool kp_btf_name_known(struct btf_types *bt, int kind, const char *name)
{
	if (kind == DWARF_NAME_VAR)
		return true;      /* BTF has per-cpu variables only: it cannot say */
	if (!bt->names && !btf_names_build(bt))
		return true;
	return bt->names[btf_name_slot(bt, name, (uint8_t)kind)].name_off != 0;
}
