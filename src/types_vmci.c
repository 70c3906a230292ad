/* Types from VMCOREINFO alone: the OFFSET(), SIZE(), LENGTH() and NUMBER()
 * lines the kernel writes for makedumpfile (kernel/crash_core.c, since 6.4
 * kernel/vmcore_info.c), turned into the answers the types layer gives.
 *
 * VMCOREINFO says where a member is, not how big it is. The members read and
 * their sizes come from the caller (the layout layer derives them from its
 * facts table, layout_facts.c): the C types those members
 * have had in every kernel that exports them (page.flags has been an
 * unsigned long since 1.x, _refcount/_count an atomic_t, ...); a member
 * whose type kpage does not know this way is left out, so the layout treats
 * it as unknown rather than guess its width.
 * Everything VMCOREINFO does not carry (zone_start_pfn, watermarks,
 * free_area.nr_free, zone and migratetype names, most page flags) stays
 * absent, and the commands print it as unknown. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "types_impl.h"
#include "types_vmci.h"
#include "types.h"

/* More than the facts table's names of exported members ever are. */
#define MAX_MEMBERS 64

struct parsed_field {
	const struct kp_vmci_member *m;
	uint32_t offset, count;
	bool seen;
};

struct vmci_members {
	const struct kp_vmci_member *m;
	size_t n;
};

static const struct kp_vmci_member *member_find(const struct vmci_members *ms, const char *type,
					     const char *member)
{
	for (size_t i = 0; i < ms->n; i++)
		if (!strcmp(ms->m[i].type, type) && !strcmp(ms->m[i].member, member))
			return &ms->m[i];
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

/* Members, with the element sizes of arrays from their SIZE() lines, in
 * the order VMCOREINFO has their OFFSET() lines (the kernel's order, which
 * layout's refusal repeats: "flags, _refcount, mapping, lru, ..."). */
static void emit_members(struct kp_types *ty, const struct parsed_field *fields,
			 const size_t *order, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct parsed_field *f = &fields[order[i]];
		char type[128];
		uint32_t elem = f->m->elem_size, size = f->m->size;
		/* an absent SIZE() line leaves 0: the array is then left out */
		if (f->m->elem_sizeof)
			kp_error_free(kp_types_sizeof(ty, f->m->elem_sizeof, &elem));
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

void kp_vmci_types_fill(struct kp_types *ty, const char *vmci, const struct kp_vmci_member *members,
			size_t nmembers)
{
	struct vmci_members ms = { members, nmembers < MAX_MEMBERS ? nmembers : MAX_MEMBERS };
	struct parsed_field fields[MAX_MEMBERS];
	size_t order[MAX_MEMBERS], n_order = 0;
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
				const struct kp_vmci_member *m = member_find(&ms, type, member);
				struct parsed_field *f = m ? &fields[m - ms.m] : NULL;
				if (f && !f->seen)
					order[n_order++] = (size_t)(m - ms.m);
				if (f) {
					f->m = m;
					f->offset = (uint32_t)v;
					f->seen = true;
				}
			} else if (split_entry(buf, "LENGTH", type, member, sizeof(type), &v) &&
				   member[0] && v > 0 && v < (1 << 16)) {
				const struct kp_vmci_member *m = member_find(&ms, type, member);
				if (m)
					fields[m - ms.m].count = (uint32_t)v;
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
	emit_members(ty, fields, order, n_order);
	if (nflags)
		kp_answer_put_enum(ty, "pageflags", flags, nflags, false);
}
