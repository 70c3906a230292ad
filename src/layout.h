/* The resolved layout table: every offset, size, constant and era rule
 * kpage reads the kernel by, filled once from the types (layout.c). */
#ifndef KPAGE_LAYOUT_H
#define KPAGE_LAYOUT_H

#include "types.h"

/* ---- the resolved layout table ---------------------------------------- */
struct kp_layout;

/* An era's rule for a page's type (buddy, table, slab ...): one object per
 * rule (layout_rules.c), chosen by what the types show (layout_pagetype.c),
 * called by the decoder for every page. A new era's rule is one more
 * object beside these; nothing else switches on it. */
struct kp_type_rule {
	const char *name;
	/* the rule tells page-table, offline and guard pages from the rest */
	bool names_types;
	/* non-LRU movable pages are told only once the zsmalloc type's value
	 * is known (the top byte names every type by value) */
	bool movable_needs_zsmalloc;
	/* The page_type values (_mapcount's where there is no page_type) that
	 * can hold a type under this rule in layout L: outside [*lo, *hi] a
	 * page has none, and the scan does not call type_of. */
	void (*typed_range)(const struct kp_layout *l, uint32_t *lo, uint32_t *hi);
	/* The type from the loaded fields (flags, mapcount_raw, page_type_raw);
	 * TYPE_ALL: every page_type bit of the era, 0 when unknown. */
	enum kp_page_type (*type_of)(const struct kp_layout *l, const struct kp_page *p,
				     uint32_t type_all);
};
extern const struct kp_type_rule kp_type_rule_flag,     /* PG_buddy is a page flag (2.6.x) */
	kp_type_rule_mapcount,  /* _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE (2.6.38 - 4.17) */
	kp_type_rule_bits,      /* page_type with inverted bits (4.18 - 6.11) */
	kp_type_rule_byte;      /* enum pagetype in the top byte (6.12+) */

/* How a tail names its head (layout_rules.c; chosen in layout.c by what
 * the debuginfo contains): the head's struct page address from a tail's
 * compound_head / compound_info value CH and the tail's own address VA (0
 * when unknown). The flags rule has no such value: PG_tail (or
 * PG_compound|PG_reclaim) says a tail, page.first_page its head. */
struct kp_compound_rule {
	const char *name;
	uint64_t (*head_of)(uint64_t ch, uint64_t va);
};
extern const struct kp_compound_rule kp_compound_rule_pointer, /* CH = head address | 1 */
	kp_compound_rule_mask,      /* CH = GENMASK(63, order + log2(sizeof(struct page))) | 1,
				       head = VA & CH (7.1+, HUGETLB_PAGE_OPTIMIZE_VMEMMAP,
				       power-of-two struct page) */
	kp_compound_rule_by_value,  /* unknown which (VMCOREINFO only): each value's form tells */
	kp_compound_rule_flags;     /* PG_tail (or PG_compound|PG_reclaim), head in first_page */
/* Whether a compound_info value has the form of a mask: GENMASK(63, n) | 1
 * for n from 7 (an order-1 page of 64-byte struct pages) to 40. */
bool kp_compound_info_is_mask(uint64_t info);

/* An era's rule for a compound head's order, read from the first tail's
 * bytes NEXT (layout_rules.c; chosen in layout.c). */
struct kp_order_rule {
	const char *source;     /* for --verbose */
	/* the first tail's flags word holds folio flags, the order in its
	 * low byte (folio->_flags_1) */
	bool folio_flags;
	int (*order_of)(const struct kp_layout *l, const uint8_t *next);
};
extern const struct kp_order_rule kp_order_rule_lru_prev, /* page[1].lru.prev (2.6.x - 4.3) */
	kp_order_rule_member,   /* page[1].compound_order */
	kp_order_rule_flags_1;  /* low byte of page[1].flags (folio _flags_1) */

#define KP_MAX_MIGRATETYPES 8
#define KP_MAX_ORDERS 16

struct kp_layout {
	/* struct page */
	uint32_t page_size;
	struct kp_field pg_flags, pg_refcount, pg_mapcount, pg_page_type;
	struct kp_field pg_private, pg_mapping, pg_index, pg_lru, pg_freelist;
	/* pg_compound_head: the member compound_head (4.x-7.0) or compound_info
	 * (7.1+), named by compound_member; compound_rule says how to read it */
	struct kp_field pg_compound_head, pg_first_page, pg_compound_order;
	const char *compound_member;
	const struct kp_compound_rule *compound_rule;
	char compound_rule_source[200];
	struct kp_field pg_compound_dtor, pg_slab_cache, pg_pp_magic;
	const char *refcount_name;       /* "_refcount" or "_count" */
	const char *list_member;         /* "buddy_list" or "lru" */
	struct kp_field pg_list;         /* the member linking free pages */

	/* enum pageflags: bit -> primary name (without PG_), NULL if none */
	int nr_pageflags;
	const char *flag_name[KP_MAX_FLAGS];
	int pg_locked, pg_reserved, pg_slab, pg_buddy, pg_head, pg_tail,
	    pg_compound, pg_lru_bit, pg_swapbacked, pg_swapcache, pg_private_bit,
	    pg_hwpoison, pg_reclaim, pg_uptodate, pg_reported, pg_anon_exclusive;
	/* 6.17+: movable_ops pages (a flag; page->mapping bit 1 no longer
	 * means movable) */
	int pg_movable_ops, pg_movable_ops_isolated;
	bool mapping_movable_bit;        /* mapping & 3 == 2 is PAGE_MAPPING_MOVABLE */
	/* how a KSM page is told: mapping & 3 == 3 (PAGE_MAPPING_KSM, 2.6.33+),
	 * mapping == PAGE_MAPPING_ANON exactly (2.6.32), or not at all */
	enum { KP_KSM_BIT, KP_KSM_ANON_ONLY, KP_KSM_NONE } mapping_ksm;
	char mapping_source[200];
	/* folio flags kept in the first tail's flags word (the order is its
	 * low byte): PG_has_hwpoisoned, PG_large_rmappable, PG_partially_mapped */
	int pg_has_hwpoisoned, pg_large_rmappable, pg_partially_mapped;

	/* page types */
	const struct kp_type_rule *buddy_rule;
	const char *buddy_rule_source;
	uint32_t type_base, type_buddy, type_offline, type_table, type_guard,
		 type_slab, type_hugetlb, type_zsmalloc, type_unaccepted,
		 type_large_kmalloc;
	int32_t buddy_mapcount;          /* kp_type_rule_mapcount */
	const struct kp_order_rule *order_rule;
	int64_t hugetlb_dtor;            /* compound_dtor value of hugetlb, -1 */

	/* page->flags: node and zone fields */
	uint32_t zones_width, nodes_width, sections_width;
	uint32_t zones_shift, nodes_shift_pos, sections_shift_pos;

	/* zones */
	uint32_t zone_size, nr_zones_max;
	struct kp_field zone_free_area, zone_name, zone_start_pfn, zone_spanned,
			zone_present, zone_managed, zone_vm_stat, zone_watermark,
			zone_lowmem_reserve, zone_pgdat, zone_watermark_boost,
			zone_pageblock_flags;
	uint32_t free_area_size;
	struct kp_field fa_free_list, fa_nr_free;
	uint32_t nr_orders, nr_migratetypes;
	int64_t nr_free_pages_item;      /* enum zone_stat_item NR_FREE_PAGES */
	int64_t nr_free_cma_item;        /* NR_FREE_CMA_PAGES, -1 without CMA */
	struct kp_field zone_reserved_highatomic;
	/* per-cpu lists: zone->per_cpu_pageset (5.14+) or zone->pageset,
	 * a __percpu pointer; count_offset is where the count is in it */
	struct kp_field zone_pcp;
	uint32_t pcp_count_offset;
	bool pcp_known;
	/* the per-cpu deltas of vm_stat not yet folded into it: s8
	 * vm_stat_diff[] in zone->per_cpu_zonestats (5.14+) or zone->pageset */
	struct kp_field zone_pcp_stats;
	uint32_t vm_stat_diff_offset;
	bool vm_stat_diff_known;
	int64_t mt_pcptypes, mt_highatomic, mt_cma;   /* enum migratetype, -1 */
	/* pglist_data.node_zonelists[ZONELIST_FALLBACK]._zonerefs[] */
	struct kp_field pgdat_zonelists, zonelist_zonerefs, zoneref_zone, zoneref_idx;
	uint32_t zonelist_size;

	/* pglist_data */
	uint32_t pgdat_size;
	struct kp_field pgdat_node_zones, pgdat_nr_zones, pgdat_start_pfn,
			pgdat_present, pgdat_spanned, pgdat_node_id,
			pgdat_node_mem_map;

	/* mem_section */
	uint32_t mem_section_size;
	struct kp_field ms_section_mem_map;
	struct kp_field ms_usage, ms_pageblock_flags, msu_pageblock_flags;
	/* pageblock_order and what said it (mm_pageblock.c, at kp_mm_open) */
	uint32_t pageblock_order;
	char pageblock_order_source[200];
	/* enum pageblock_bits: bits per pageblock in the bitmap, where the
	 * migratetype is (mt_shift, mt_bits), the isolate bit (-1: none) and
	 * MIGRATE_ISOLATE, which it reads as; pb_error: a shape kpage does not
	 * know (then no pageblock is read) */
	uint32_t pb_stride, pb_mt_shift, pb_mt_bits;
	int32_t pb_isolate_bit;
	int64_t mt_isolate;
	char pb_source[160], pb_error[200];
	uint32_t section_map_mask_bits;
	uint32_t section_has_mem_map;      /* SECTION_HAS_MEM_MAP, a mask */
	char section_source[160];
	uint32_t section_size_bits, max_physmem_bits;

	/* list_head */
	struct kp_field lh_next, lh_prev;

	/* VMCOREINFO values found absurd and not used ("" if none), for a
	 * warning: "NUMBER(SECTION_SIZE_BITS)=99 (27 used)" */
	char vmci_ignored[160];
};

/* Fills the table from DWARF (and VMCOREINFO NUMBER() lines for the macro
 * constants). vmcoreinfo may be NULL. */
kp_error *kp_layout_build(struct kp_types *ty, const char *vmcoreinfo,
			  struct kp_layout *out);

/* Places the node and zone fields of page->flags; called by the memory model
 * once it knows MAX_NUMNODES and whether sections live in page->flags. */
void kp_layout_set_flags_fields(struct kp_layout *l, uint32_t max_numnodes,
				bool sections_in_flags);

/* layout_check.c: the built layout's members inside their structs, its
 * sizes within kpage's buffers (an error naming the value, exit 2). */
kp_error *kp_layout_check(struct kp_types *ty, const struct kp_layout *l);

/* layout_pageblock.c: the pageblock bitmap's shape from enum pageblock_bits
 * (pb_* of the layout); an unknown shape is noted in l->pb_error. */
kp_error *kp_layout_pageblock(struct kp_types *ty, struct kp_layout *l);
/* The page type rule and values (layout_pagetype.c), after the page flags. */
void kp_layout_page_types(struct kp_types *ty, const char *vmci, struct kp_layout *l);
/* What page->mapping's low bits mean in this era (layout_pagetype.c). */
void kp_layout_mapping_kinds(struct kp_types *ty, struct kp_layout *l, bool pg_isolated);

#endif
