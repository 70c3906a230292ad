/* Types from VMCOREINFO alone: the OFFSET(), SIZE(), LENGTH() and NUMBER()
 * lines the kernel writes for makedumpfile (kernel/crash_core.c, since 6.4
 * kernel/vmcore_info.c), turned into the answers the types layer gives.
 *
 * VMCOREINFO says where a member is, not how big it is. The sizes below are
 * the C types those members have had in every kernel that exports them
 * (page.flags has been an unsigned long since 1.x, _refcount/_count an
 * atomic_t, ...); a member whose type kpage does not know this way is left
 * out, so the layout treats it as unknown rather than guess its width.
 * Everything VMCOREINFO does not carry (zone_start_pfn, watermarks,
 * free_area.nr_free, zone and migratetype names, most page flags) stays
 * absent, and the commands print it as unknown. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "types_impl.h"
#include "types_vmci.h"
#include "types.h"

struct member_type {
	const char *type, *member;
	uint32_t size, elem_size;  /* elem_size: for arrays, LENGTH() gives the count */
};

/* Widths from the kernel's declarations (include/linux/mm_types.h,
 * mmzone.h, types.h). */
static const struct member_type members[] = {
	{ "page", "flags", 8, 0 },
	{ "page", "_refcount", 4, 0 },          /* atomic_t */
	{ "page", "_count", 4, 0 },             /* atomic_t (before 4.6) */
	{ "page", "mapping", 8, 0 },
	{ "page", "lru", 16, 0 },               /* struct list_head */
	{ "page", "_mapcount", 4, 0 },          /* atomic_t */
	{ "page", "private", 8, 0 },
	{ "page", "compound_dtor", 1, 0 },      /* unsigned char */
	{ "page", "compound_order", 1, 0 },     /* unsigned char */
	{ "page", "compound_head", 8, 0 },
	{ "page", "compound_info", 8, 0 },      /* unsigned long (7.1+) */
	{ "pglist_data", "node_zones", 0, 0 },  /* struct zone[]: SIZE(zone) each */
	{ "pglist_data", "nr_zones", 4, 0 },    /* int */
	{ "pglist_data", "node_mem_map", 8, 0 },
	{ "pglist_data", "node_start_pfn", 8, 0 },
	{ "pglist_data", "node_spanned_pages", 8, 0 },
	{ "pglist_data", "node_id", 4, 0 },
	{ "zone", "free_area", 0, 0 },          /* struct free_area[]: SIZE(free_area) */
	{ "zone", "vm_stat", 0, 8 },            /* atomic_long_t[] */
	{ "zone", "spanned_pages", 8, 0 },
	{ "free_area", "free_list", 0, 16 },    /* struct list_head[] */
	{ "list_head", "next", 8, 0 },
	{ "list_head", "prev", 8, 0 },
	{ "mem_section", "section_mem_map", 8, 0 },
};

struct parsed_field {
	const struct member_type *m;
	uint32_t offset, count;
	bool seen;
};

static const struct member_type *member_find(const char *type, const char *member)
{
	for (size_t i = 0; i < KP_ARRAY_SIZE(members); i++)
		if (!strcmp(members[i].type, type) && !strcmp(members[i].member, member))
			return &members[i];
	return NULL;
}

/* "KIND(type.member)=value" -> type, member, value; false if malformed. */
static bool split_entry(const char *line, const char *kind, char *type, char *member,
			size_t len, int64_t *value)
{
	size_t k = strlen(kind);
	const char *open = line + k, *close, *dot;
	char *end;

	if (strncmp(line, kind, k) || *open != '(' || !(close = strchr(open, ')')) ||
	    close[1] != '=')
		return false;
	dot = memchr(open, '.', (size_t)(close - open));
	const char *tend = dot ? dot : close;
	if ((size_t)(tend - open - 1) >= len || (dot && (size_t)(close - dot - 1) >= len))
		return false;
	memcpy(type, open + 1, (size_t)(tend - open - 1));
	type[tend - open - 1] = '\0';
	member[0] = '\0';
	if (dot) {
		memcpy(member, dot + 1, (size_t)(close - dot - 1));
		member[close - dot - 1] = '\0';
	}
	long long v = strtoll(close + 2, &end, 10);
	if (end == close + 2 || (*end && *end != '\n'))
		return false;
	*value = v;
	return true;
}

static void put_number(struct kp_types *ty, char kind, const char *name, int64_t v)
{
	kp_answer_put_number(ty, kind, name, true, v, false);
}

/* Members, with the element sizes of arrays from their SIZE() lines. */
static void emit_members(struct kp_types *ty, const struct parsed_field *fields)
{
	uint32_t size_zone = 0, size_fa = 0;
	/* absent SIZE() lines leave 0: those arrays are then left out */
	kp_error_free(kp_types_sizeof(ty, "struct zone", &size_zone));
	kp_error_free(kp_types_sizeof(ty, "struct free_area", &size_fa));
	for (size_t i = 0; i < KP_ARRAY_SIZE(members); i++) {
		const struct parsed_field *f = &fields[i];
		char type[128];
		if (!f->seen)
			continue;
		uint32_t elem = f->m->elem_size, size = f->m->size;
		if (!strcmp(f->m->member, "node_zones"))
			elem = size_zone;
		else if (!strcmp(f->m->member, "free_area"))
			elem = size_fa;
		if (!size && elem)
			size = elem * f->count;
		if (!elem && !size)
			continue;       /* an array of a type whose size VMCOREINFO lacks */
		struct kp_field field = {
			.present = true, .offset = f->offset, .size = size,
			.count = elem ? f->count : 0, .elem_size = elem,
		};
		snprintf(type, sizeof(type), "struct %s", f->m->type);
		kp_answer_put_field(ty, type, f->m->member, &field, NULL, false);
	}
}

void kp_vmci_types_fill(struct kp_types *ty, const char *vmci)
{
	struct parsed_field fields[KP_ARRAY_SIZE(members)];
	/* the PG_ numbers, as enum pageflags' enumerators */
	char flag_names[KP_MAX_FLAGS][48];
	struct kp_enumerator flags[KP_MAX_FLAGS];
	size_t nflags = 0;
	const char *line = vmci;

	memset(fields, 0, sizeof(fields));
	while (line && *line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		char buf[256], type[96], member[96], key[256];
		int64_t v;

		if (n < sizeof(buf)) {
			memcpy(buf, line, n);
			buf[n] = '\0';
			if (split_entry(buf, "SIZE", type, member, sizeof(type), &v) && !member[0] &&
			    v > 0 && v < (1 << 24)) {
				snprintf(key, sizeof(key), "struct %s", type);
				kp_answer_put_size(ty, key, (uint32_t)v, NULL, false);
				put_number(ty, 'H', key, 1);
			} else if (split_entry(buf, "OFFSET", type, member, sizeof(type), &v) &&
				   member[0] && v >= 0 && v < (1 << 24)) {
				const struct member_type *m = member_find(type, member);
				if (m) {
					fields[m - members].m = m;
					fields[m - members].offset = (uint32_t)v;
					fields[m - members].seen = true;
				}
			} else if (split_entry(buf, "LENGTH", type, member, sizeof(type), &v) &&
				   member[0] && v > 0 && v < (1 << 16)) {
				const struct member_type *m = member_find(type, member);
				if (m)
					fields[m - members].count = (uint32_t)v;
			} else if (split_entry(buf, "NUMBER", type, member, sizeof(type), &v) &&
				   !member[0]) {
				/* PG_head_mask is 1UL << PG_head. */
				if (!strcmp(type, "PG_head_mask") && v > 0 && !(v & (v - 1))) {
					int bit = __builtin_ctzll((unsigned long long)v);
					put_number(ty, 'N', "PG_head", bit);
					snprintf(type, sizeof(type), "PG_head");
					v = bit;
				} else if (strncmp(type, "PG_", 3) &&
					   strcmp(type, "NR_FREE_PAGES") &&
					   strcmp(type, "HUGETLB_PAGE_DTOR")) {
					goto next;
				}
				put_number(ty, 'N', type, v);
				if (!strncmp(type, "PG_", 3) && v >= 0 && v < KP_MAX_FLAGS &&
				    nflags < KP_MAX_FLAGS) {
					snprintf(flag_names[nflags], sizeof(flag_names[nflags]), "%s", type);
					flags[nflags] = (struct kp_enumerator){ flag_names[nflags], v };
					nflags++;
				}
			}
		}
next:
		line = nl ? nl + 1 : NULL;
	}
	emit_members(ty, fields);
	if (nflags)
		kp_answer_put_enum(ty, "pageflags", flags, nflags, false);
}
