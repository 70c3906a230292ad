/* The lookups of the types layer written once for DWARF and BTF
 * (types_walk.h): how a type name reads, and the member path walk: a name is looked for among an aggregate's members and, failing that,
 * inside its anonymous structs and unions (no deeper than KP_MAX_NESTING:
 * damaged types can nest a type in itself); offsets add up in bits. */
#include <string.h>

#include "internal.h"
#include "types_walk.h"

struct member_search {
	const struct kp_type_loader *ld;
	const char *name;
	size_t nlen;
	int depth;
	bool found;
	uint64_t bits;             /* from the start of the aggregate searched */
	struct kp_member_view m;
};

static bool search_in(const struct kp_type_loader *ld, const struct kp_tref *agg, const char *name,
		      size_t nlen, int depth, struct member_search *out);

static bool search_member(void *arg, const struct kp_member_view *m)
{
	struct member_search *s = arg;
	if (m->name && *m->name) {
		if (strlen(m->name) != s->nlen || strncmp(m->name, s->name, s->nlen))
			return false;
		s->found = true;
		s->bits = m->bit_offset;
		s->m = *m;
		return true;
	}
	struct kp_tref inner;
	struct member_search sub;
	if (!m->has_type || !s->ld->aggregate(s->ld->ctx, &m->type, &inner) ||
	    !search_in(s->ld, &inner, s->name, s->nlen, s->depth + 1, &sub))
		return false;
	*s = (struct member_search){ s->ld, s->name, s->nlen, s->depth, true,
				     m->bit_offset + sub.bits, sub.m };
	return true;
}

static bool search_in(const struct kp_type_loader *ld, const struct kp_tref *agg, const char *name,
		      size_t nlen, int depth, struct member_search *out)
{
	*out = (struct member_search){ ld, name, nlen, depth, false, 0, { 0 } };
	if (depth > KP_MAX_NESTING)
		return false;
	ld->members(ld->ctx, agg, search_member, out);
	return out->found;
}

kp_error *kp_types_walk_field(const struct kp_type_loader *ld, const struct kp_tref *root,
			      const char *type_name, const char *path, struct kp_field *out)
{
	struct kp_tref agg;
	struct member_search s;
	uint64_t total = 0;

	memset(out, 0, sizeof(*out));
	if (!ld->aggregate(ld->ctx, root, &agg))
		return NULL;       /* not a struct or union: no members */
	for (const char *p = path;;) {
		const char *dot = strchr(p, '.');
		size_t nlen = dot ? (size_t)(dot - p) : strlen(p);
		if (!search_in(ld, &agg, p, nlen, 0, &s))
			return NULL;       /* absent in this kernel */
		total += s.bits;
		if (!s.m.has_type)
			return kp_errorf(KP_EXIT_INPUT, "%s: %s.%s has no type", ld->path, type_name,
					 path);
		if (!dot)
			break;
		if (!ld->aggregate(ld->ctx, &s.m.type, &agg))
			return NULL;
		p = dot + 1;
	}
	out->present = true;
	out->offset = (uint32_t)(total / 8);
	out->size = ld->size(ld->ctx, &s.m.type);
	if (s.m.bit_size) {
		out->bit_size = s.m.bit_size;
		out->bit_offset = (uint32_t)total;
	}
	out->count = ld->count(ld->ctx, &s.m.type);
	out->elem_size = out->count ? out->size / out->count : out->size;
	return NULL;
}

size_t kp_type_name_kinds(const char *type_name, const char **bare, uint8_t kinds[3])
{
	static const struct { const char *word; uint8_t kind; } words[] = {
		{ "struct ", DWARF_NAME_STRUCT }, { "union ", DWARF_NAME_UNION },
		{ "enum ", DWARF_NAME_ENUM },
	};
	for (size_t i = 0; i < KP_ARRAY_SIZE(words); i++) {
		size_t len = strlen(words[i].word);
		if (!strncmp(type_name, words[i].word, len)) {
			*bare = type_name + len;
			kinds[0] = words[i].kind;
			return 1;
		}
	}
	*bare = type_name;
	kinds[0] = DWARF_NAME_TYPEDEF;
	kinds[1] = DWARF_NAME_STRUCT;
	kinds[2] = DWARF_NAME_UNION;
	return 3;
}
