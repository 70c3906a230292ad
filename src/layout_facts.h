/* layout_facts.c: the one declaration of the facts kpage reads from the
 * kernel's types (members, struct sizes, page flag bits, enumerators), each
 * with where it lands in struct kp_layout. layout.c fills kp_layout from it,
 * types_vmci.c derives from it the VMCOREINFO OFFSET() lines it reads, and
 * `layout --facts` reports it. */
#ifndef KPAGE_LAYOUT_FACTS_H
#define KPAGE_LAYOUT_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* The groups layout.c fills, each at the point of its walk where the lookups
 * were made before the table existed: the order of the type lookups (and so
 * which error a damaged debuginfo gives first) is the table's order within a
 * group and this enum's order between groups as layout.c calls them. Within
 * a group the struct sizes are read first, then the members, then the
 * enumerators. */
enum kp_fact_group {
	KP_FACTS_PAGE,            /* sizeof(struct page), its plain members */
	KP_FACTS_COMPOUND,        /* how a tail names its head */
	KP_FACTS_HVO,             /* evidence of HUGETLB_PAGE_OPTIMIZE_VMEMMAP */
	KP_FACTS_PAGE_TYPE,       /* page types: memcg_data says the era */
	KP_FACTS_FOLIO,           /* struct folio, where the types have it */
	KP_FACTS_PAGE_ENUMS,      /* compound_dtor of hugetlb */
	KP_FACTS_ZONE,            /* sizeof(struct zone), its members */
	KP_FACTS_FREE_AREA,       /* sizeof(struct free_area), its members */
	KP_FACTS_ZONE_ENUMS,      /* zone_stat_item and migratetype values */
	KP_FACTS_ZONE_RESERVE,    /* zone.nr_reserved_highatomic */
	KP_FACTS_PGDAT,           /* pglist_data, list_head */
	KP_FACTS_ZONELIST,        /* zonelists, when the types have them */
	KP_FACTS_MEM_SECTION,     /* SPARSEMEM's struct mem_section */
	KP_FACTS_MEM_SECTION_USAGE,
};

#define KP_FACT_MAX_PATHS 3
/* A fact's at or name_at when the answer is not kept in struct kp_layout:
 * it only decides a rule (kp_facts_fill hands it back in UNKEPT). */
#define KP_FACT_NOT_KEPT ((size_t)-1)

/* What VMCOREINFO says of a member is its offset (OFFSET(type.member)) and,
 * for arrays, its count (LENGTH()); its width is the C type's, which has
 * been the same in every kernel exporting it. An array of structs takes its
 * element size from the SIZE() line of ELEM_SIZEOF. All zero: VMCOREINFO
 * does not export the member (or kpage does not read it from there). */
struct kp_vmci_width {
	uint32_t size, elem_size;
	const char *elem_sizeof;
};

/* One name a member has had, with its width in VMCOREINFO. A path may be
 * dotted ("pcp.count"). */
struct kp_fact_path {
	const char *path;
	struct kp_vmci_width vmci;
};

struct kp_member_fact {
	enum kp_fact_group group;
	const char *type;                 /* "struct page" */
	/* the names it has had: the first the types have wins */
	struct kp_fact_path paths[KP_FACT_MAX_PATHS];
	size_t at;                        /* offsetof a struct kp_field, or NOT_KEPT */
	size_t name_at;                   /* offsetof a const char * for the chosen path */
	/* looked up only when the types have these types (NULL: always) */
	const char *guard[2];
	bool required;                    /* layout.c refuses the types without it */
	const char *use;
};

struct kp_size_fact {
	enum kp_fact_group group;
	const char *type;
	size_t at;                        /* offsetof a uint32_t */
	const char *guard;
	const char *use;
};

/* A bit of enum pageflags: the int at AT gets it, -1 when absent. */
struct kp_flag_fact {
	const char *name;                 /* "PG_locked" */
	size_t at;
	const char *use;
};

/* An enumerator's value: the int64_t at AT gets it, DEFAULT_VALUE when the
 * types lack it. */
struct kp_enum_fact {
	enum kp_fact_group group;
	const char *name;
	int64_t default_value;
	size_t at;
	const char *use;
};

extern const struct kp_member_fact kp_member_facts[];
extern const size_t kp_member_facts_n;
extern const struct kp_size_fact kp_size_facts[];
extern const size_t kp_size_facts_n;
extern const struct kp_flag_fact kp_flag_facts[];
extern const size_t kp_flag_facts_n;
extern const struct kp_enum_fact kp_enum_facts[];
extern const size_t kp_enum_facts_n;

/* Fills GROUP's facts into L: its struct sizes, members and enumerators, in
 * table order. Members not kept in L go to UNKEPT[0..], in table order (it
 * may be NULL when the group has none). A guarded member whose guard type
 * is missing is not looked up: it reads as absent. */
kp_error *kp_facts_fill(struct kp_types *ty, enum kp_fact_group group, struct kp_layout *l,
			struct kp_field *unkept);
/* The pageflag bits of kp_flag_facts into L (-1 for each the types lack). */
void kp_facts_fill_flags(struct kp_types *ty, struct kp_layout *l);

/* FACT looked up as kp_facts_fill does: *guarded is false when a guard type
 * is missing (the member is then not looked up); *found is the chosen
 * candidate, or NULL when the types have none of them. */
kp_error *kp_fact_lookup(struct kp_types *ty, const struct kp_member_fact *fact,
			 struct kp_field *f, const struct kp_fact_path **found, bool *guarded);

/* "struct page" -> "page": the type as VMCOREINFO's OFFSET() lines name it. */
const char *kp_fact_vmci_type(const char *type);

/* The members VMCOREINFO exports, derived from the table: every name of a
 * member fact that carries a VMCOREINFO width, in table order (a name two
 * facts share is taken once, with the first's width). At most MAX. */
size_t kp_facts_vmci_members(struct kp_vmci_member *out, size_t max);
/* Types from VMCOREINFO alone for the members the table names
 * (kp_types_open_vmcoreinfo with kp_facts_vmci_members). */
kp_error *kp_layout_vmcoreinfo_types(const char *vmcoreinfo, const char *label,
				     struct kp_types **out);

#endif
