/* Symbols from the kernel's own kallsyms tables in the dump, found through
 * the VMCOREINFO lines that name them (SYMBOL(kallsyms_names) and the
 * others, which Debian's 6.1 and later kernels write): what kpage has for
 * symbols in BTF mode and with --vmcoreinfo-only, where there is no symtab
 * (migratetype_names, __per_cpu_offset).
 *
 * The tables: kallsyms_names holds each name as a length and that many
 * token numbers (a length with its top bit set takes a second byte, for the
 * long names of 6.1+), kallsyms_token_index[] and kallsyms_token_table the
 * tokens' text, whose first character is the symbol's type letter;
 * kallsyms_offsets[] a 32-bit offset per symbol. How an offset makes an
 * address has changed over the eras (from kallsyms_relative_base, or from
 * _text; x86-64 before 6.15 also kept per-cpu symbols as absolute values),
 * so it is not assumed: every VMCOREINFO SYMBOL() line that kallsyms also
 * has is a check, and the one reading that meets all of them (at least two)
 * is taken; none, and kallsyms is not used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kallsyms.h"
#include "memmodel.h"
#include "target.h"

#define KALLSYMS_MAX 4000000u     /* a vmlinux has some 200,000 */
#define NAME_MAX_LEN 512

struct kp_kallsyms {
	uint32_t n;
	char *names;              /* each name, NUL-terminated, type letter first */
	uint32_t *name_at;        /* where symbol i's name starts in names */
	int32_t *offsets;
	uint32_t *slot;           /* by name: index + 1, 0 empty */
	size_t mask;
	/* how an offset makes an address (decided by VMCOREINFO, rule_decide) */
	enum { FROM_BASE, ABSOLUTE_PERCPU, PLACE_RELATIVE } form;
	uint64_t base;            /* FROM_BASE, ABSOLUTE_PERCPU */
	uint64_t offsets_va;      /* PLACE_RELATIVE: where kallsyms_offsets[] is */
	char rule[160];
};

static uint32_t *name_slot(const struct kp_kallsyms *ks, const char *name)
{
	size_t i = kp_hash_name(name, 0) & ks->mask;
	while (ks->slot[i] && strcmp(ks->names + ks->name_at[ks->slot[i] - 1] + 1, name))
		i = (i + 1) & ks->mask;
	return &ks->slot[i];
}

/* Of equal names the first global one (an upper-case type letter) wins. */
static bool kallsyms_index(struct kp_kallsyms *ks)
{
	size_t size = 1024;
	while (size < 2 * (size_t)ks->n)
		size *= 2;
	if (!(ks->slot = calloc(size, sizeof(*ks->slot))))
		return false;
	ks->mask = size - 1;
	for (uint32_t i = 0; i < ks->n; i++) {
		const char *nm = ks->names + ks->name_at[i];
		uint32_t *s = name_slot(ks, nm + 1);
		bool global = nm[0] >= 'A' && nm[0] <= 'Z';
		if (!*s || (global && !(ks->names[ks->name_at[*s - 1]] >= 'A' &&
					 ks->names[ks->name_at[*s - 1]] <= 'Z')))
			*s = i + 1;
	}
	return true;
}

static kp_error *read_all(struct kp_mm *mm, uint64_t va, void *buf, size_t len, const char *what)
{
	size_t missing = 0;
	kp_error *err = kp_mm_read(mm, va, buf, len, &missing);
	if (!err && missing)
		err = kp_errorf(KP_EXIT_INPUT, "%s: %s at 0x%llx is not in the dump",
				kp_target_path(mm->t), what, (unsigned long long)va);
	return err;
}

struct names_reader {
	struct kp_mm *mm;
	uint64_t va;              /* of buf[0] */
	uint8_t buf[1 << 20];
	size_t len, pos;
};

/* Keeps at least NEED bytes ahead of the reader's position in its buffer. */
static kp_error *names_fill(struct names_reader *r, size_t need)
{
	if (r->len - r->pos >= need)
		return NULL;
	memmove(r->buf, r->buf + r->pos, r->len - r->pos);
	r->va += r->pos;
	r->len -= r->pos;
	r->pos = 0;
	size_t missing = 0, want = sizeof(r->buf) - r->len;
	kp_error *err = kp_mm_read(r->mm, r->va + r->len, r->buf + r->len, want, &missing);
	if (err)
		return err;
	r->len += want - missing;   /* the tail may run past the image: fine */
	if (r->len - r->pos < need)
		return kp_errorf(KP_EXIT_INPUT, "%s: kallsyms_names at 0x%llx is not in the dump",
				 kp_target_path(r->mm->t), (unsigned long long)(r->va + r->len));
	return NULL;
}

struct tokens { uint16_t index[256]; char *table; size_t size; };

/* Expands every name into ks->names. */
static kp_error *names_decode(struct kp_mm *mm, uint64_t names_va, const struct tokens *tk,
			      struct kp_kallsyms *ks)
{
	struct names_reader *r = calloc(1, sizeof(*r));
	size_t cap = 0, used = 0;
	kp_error *err = NULL;

	if (!r || !(ks->name_at = calloc(ks->n, sizeof(*ks->name_at)))) {
		free(r);
		return kp_errorf(KP_EXIT_INPUT, "out of memory reading kallsyms");
	}
	r->mm = mm;
	r->va = names_va;
	for (uint32_t i = 0; i < ks->n && !err; i++) {
		if ((err = names_fill(r, 2)))
			break;
		size_t len = r->buf[r->pos++];
		if (len & 0x80)
			len = (len & 0x7f) | ((size_t)r->buf[r->pos++] << 7);
		if ((err = names_fill(r, len)))
			break;
		if (!kp_grow((void **)&ks->names, &cap, used + NAME_MAX_LEN + 1, 1, 1 << 22)) {
			err = kp_errorf(KP_EXIT_INPUT, "out of memory reading kallsyms");
			break;
		}
		ks->name_at[i] = (uint32_t)used;
		size_t start = used;
		for (size_t t = 0; t < len; t++) {
			uint16_t at = tk->index[r->buf[r->pos++]];
			for (size_t c = at; c < tk->size && tk->table[c] && used - start < NAME_MAX_LEN; c++)
				ks->names[used++] = tk->table[c];
		}
		ks->names[used++] = '\0';
		if (used - start < 2)
			err = kp_errorf(KP_EXIT_INPUT, "%s: kallsyms_names is damaged at symbol %u",
					kp_target_path(mm->t), i);
	}
	free(r);
	return err;
}

static uint64_t kallsyms_address(const struct kp_kallsyms *ks, uint32_t i)
{
	int32_t off = ks->offsets[i];
	switch (ks->form) {
	case ABSOLUTE_PERCPU:     /* x86-64 before 6.15: per-cpu symbols absolute */
		return off >= 0 ? (uint64_t)(uint32_t)off : ks->base - 1 - (uint64_t)(int64_t)off;
	case PLACE_RELATIVE:      /* 7.x: from the offset's own place */
		return ks->offsets_va + 4ull * i + (uint64_t)(int64_t)off;
	default:
		return ks->base + (uint32_t)off;
	}
}

/* The VMCOREINFO SYMBOL() lines kallsyms also has, read under one reading
 * of the offsets: how many agree, how many do not. */
static void rule_check(const struct kp_kallsyms *ks, const char *vmci, unsigned *agree,
		       unsigned *disagree)
{
	*agree = *disagree = 0;
	for (const char *p = vmci; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		char name[128];
		unsigned long long want;
		/* SYMBOL(mem_section) holds the pointer's value since 4.15,
		 * not the variable's address. */
		if (sscanf(p, "SYMBOL(%127[^)])=%llx", name, &want) != 2 || !strcmp(name, "mem_section"))
			continue;
		uint32_t at = *name_slot(ks, name);
		if (!at)
			continue;
		if (kallsyms_address(ks, at - 1) == want)
			(*agree)++;
		else
			(*disagree)++;
	}
}

static bool rule_holds(struct kp_kallsyms *ks, const char *vmci, unsigned *best)
{
	static const char *const names[] = { "base + offset", "base - 1 - offset (absolute per-cpu)",
					     "the offset's own address + offset" };
	unsigned agree, disagree;
	rule_check(ks, vmci, &agree, &disagree);
	if (agree > *best)
		*best = agree;
	if (disagree || agree < 2)
		return false;
	snprintf(ks->rule, sizeof(ks->rule), "the dump's kallsyms (address = %s, as %u "
		 "VMCOREINFO SYMBOL() lines bear out)", names[ks->form], agree);
	return true;
}

/* Which reading of the offsets the VMCOREINFO lines bear out: from a base
 * (the one a SYMBOL() line implies: SYMBOL(_stext) where there), with or
 * without absolute per-cpu symbols, or from each offset's own place. The
 * reading must then meet every line. */
static kp_error *rule_decide(struct kp_mm *mm, struct kp_kallsyms *ks)
{
	static const char *const anchors[] = { "_stext", "_text", "init_top_pgt", "swapper_pg_dir" };
	unsigned best = 0;

	ks->form = PLACE_RELATIVE;
	if (rule_holds(ks, mm->vmci, &best))
		return NULL;
	for (size_t a = 0; a < sizeof(anchors) / sizeof(anchors[0]); a++) {
		char key[64];
		uint64_t want;
		uint32_t at;
		snprintf(key, sizeof(key), "SYMBOL(%s)", anchors[a]);
		if (!kp_vmcoreinfo_hex(mm->vmci, key, &want) || !(at = *name_slot(ks, anchors[a])))
			continue;
		int32_t off = ks->offsets[at - 1];
		ks->form = FROM_BASE;
		ks->base = want - (uint32_t)off;
		if (rule_holds(ks, mm->vmci, &best))
			return NULL;
		ks->form = ABSOLUTE_PERCPU;
		ks->base = want + 1 + (uint64_t)(int64_t)off;
		if (off < 0 && rule_holds(ks, mm->vmci, &best))
			return NULL;
	}
	return kp_errorf(KP_EXIT_INPUT, "%s: the kallsyms tables in the dump do not agree with "
			 "VMCOREINFO's SYMBOL() lines (at best %u of them), so kpage does not use them",
			 kp_target_path(mm->t), best);
}

static kp_error *tokens_read(struct kp_mm *mm, struct tokens *tk)
{
	uint64_t index_va, table_va;
	kp_error *err;
	if (!kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(kallsyms_token_index)", &index_va) ||
	    !kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(kallsyms_token_table)", &table_va))
		return kp_errorf(KP_EXIT_INPUT, "no kallsyms token tables in VMCOREINFO");
	if ((err = read_all(mm, index_va, tk->index, sizeof(tk->index), "kallsyms_token_index")))
		return err;
	size_t last = 0;
	for (int i = 0; i < 256; i++)
		if (tk->index[i] > last)
			last = tk->index[i];
	tk->size = last + NAME_MAX_LEN;      /* the last token and its NUL */
	if (!(tk->table = calloc(1, tk->size + 1)))
		return kp_errorf(KP_EXIT_INPUT, "out of memory reading kallsyms");
	size_t missing = 0;
	if ((err = kp_mm_read(mm, table_va, tk->table, tk->size, &missing)))
		return err;
	if (missing > NAME_MAX_LEN)
		return kp_errorf(KP_EXIT_INPUT, "%s: kallsyms_token_table at 0x%llx is not in the dump",
				 kp_target_path(mm->t), (unsigned long long)table_va);
	return NULL;
}

static kp_error *kallsyms_read(struct kp_mm *mm, struct kp_kallsyms *ks)
{
	uint64_t num_va, names_va, offsets_va;
	uint32_t n;
	struct tokens tk = { .table = NULL };
	kp_error *err;

	if (!mm->vmci || !kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(kallsyms_num_syms)", &num_va) ||
	    !kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(kallsyms_names)", &names_va) ||
	    !kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(kallsyms_offsets)", &offsets_va))
		return kp_errorf(KP_EXIT_INPUT, "this kernel's VMCOREINFO names no kallsyms tables");
	if ((err = read_all(mm, num_va, &n, 4, "kallsyms_num_syms")))
		return err;
	if (!n || n > KALLSYMS_MAX)
		return kp_errorf(KP_EXIT_INPUT, "%s: kallsyms_num_syms is %u", kp_target_path(mm->t), n);
	ks->n = n;
	if (!(ks->offsets = calloc(n, sizeof(*ks->offsets))))
		return kp_errorf(KP_EXIT_INPUT, "out of memory reading kallsyms");
	ks->offsets_va = offsets_va;
	if (!(err = read_all(mm, offsets_va, ks->offsets, (size_t)n * 4, "kallsyms_offsets")) &&
	    !(err = tokens_read(mm, &tk)) && !(err = names_decode(mm, names_va, &tk, ks)) &&
	    !kallsyms_index(ks))
		err = kp_errorf(KP_EXIT_INPUT, "out of memory reading kallsyms");
	free(tk.table);
	return err ? err : rule_decide(mm, ks);
}

kp_error *kp_kallsyms_load(struct kp_mm *mm, struct kp_kallsyms **out)
{
	struct kp_kallsyms *ks = calloc(1, sizeof(*ks));
	if (!ks)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	kp_error *err = kallsyms_read(mm, ks);
	if (err) {
		kp_kallsyms_free(ks);
		return err;
	}
	*out = ks;
	return NULL;
}

bool kp_kallsyms_lookup(const struct kp_kallsyms *ks, const char *name, uint64_t *addr)
{
	uint32_t at = ks ? *name_slot(ks, name) : 0;
	if (at)
		*addr = kallsyms_address(ks, at - 1);
	return at != 0;
}

const char *kp_kallsyms_rule(const struct kp_kallsyms *ks) { return ks->rule; }

uint32_t kp_kallsyms_count(const struct kp_kallsyms *ks) { return ks->n; }

void kp_kallsyms_free(struct kp_kallsyms *ks)
{
	if (!ks)
		return;
	free(ks->names);
	free(ks->name_at);
	free(ks->offsets);
	free(ks->slot);
	free(ks);
}
