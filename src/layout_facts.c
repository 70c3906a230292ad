/* Every fact kpage reads from the kernel's types, declared once: the struct
 * members (with the names each has had, and the widths VMCOREINFO implies),
 * the struct sizes, the page flag bits and the enumerators with the value
 * kpage takes when the types lack them. layout.c fills struct kp_layout from
 * these tables group by group; types_vmci.c reads VMCOREINFO's OFFSET() lines
 * of the members that carry a width here; `layout --facts` reports them. The
 * rules that need logic (compound tails, page types, pageblocks, per-cpu
 * lists, the pageflags walk) stay in layout*.c and read their members here. */
#include <string.h>

#include "internal.h"
#include "layout_facts.h"

#define AT(member) offsetof(struct kp_layout, member)
#define NOT_KEPT KP_FACT_NOT_KEPT
/* A member VMCOREINFO does not export (NO_VMCI), or does: of SIZE bytes, an
 * array of ELEM-byte entries (LENGTH() gives the count) or of TYPEs. */
#define NO_VMCI { 0, 0, NULL }
#define VMCI(size) { (size), 0, NULL }
#define VMCI_ARRAY(elem) { 0, (elem), NULL }
#define VMCI_ARRAY_OF(type) { 0, 0, (type) }

#define P "struct page"
#define Z "struct zone"
#define FA "struct free_area"
#define PG "struct pglist_data"
#define MS "struct mem_section"

/* Widths from the kernel's declarations (include/linux/mm_types.h, mmzone.h,
 * types.h): page.flags has been an unsigned long since 1.x, _refcount (and
 * _count before 4.6) an atomic_t, lru a struct list_head ... */
const struct kp_member_fact kp_member_facts[] = {
	{ KP_FACTS_PAGE, P, { { "flags", VMCI(8) } }, AT(pg_flags), NOT_KEPT, { 0 }, true,
	  "page flags: PG_ bits, and the section, node and zone fields at the top" },
	{ KP_FACTS_PAGE, P, { { "_refcount", VMCI(4) }, { "_count", VMCI(4) } }, AT(pg_refcount),
	  AT(refcount_name), { 0 }, true, "the reference count (_count before 4.6)" },
	{ KP_FACTS_PAGE, P, { { "_mapcount", VMCI(4) } }, AT(pg_mapcount), NOT_KEPT, { 0 }, false,
	  "mappings; the buddy marker of 2.6.38 - 4.17" },
	{ KP_FACTS_PAGE, P, { { "page_type", NO_VMCI } }, AT(pg_page_type), NOT_KEPT, { 0 }, false,
	  "page types (4.18+): buddy, table, guard, slab ..." },
	{ KP_FACTS_PAGE, P, { { "private", VMCI(8) } }, AT(pg_private), NOT_KEPT, { 0 }, false,
	  "a free block's order" },
	{ KP_FACTS_PAGE, P, { { "mapping", VMCI(8) } }, AT(pg_mapping), NOT_KEPT, { 0 }, false,
	  "anon, KSM, movable or file owner, by its low bits" },
	{ KP_FACTS_PAGE, P, { { "index", NO_VMCI }, { "__folio_index", NO_VMCI } }, AT(pg_index), NOT_KEPT, { 0 },
	  false, "the offset in the owner (__folio_index in 7.x)" },
	{ KP_FACTS_PAGE, P, { { "lru", VMCI(16) } }, AT(pg_lru), NOT_KEPT, { 0 }, false,
	  "LRU links; lru.prev held the order of 2.6.2x compound pages" },
	{ KP_FACTS_PAGE, P, { { "freelist", NO_VMCI } }, AT(pg_freelist), NOT_KEPT, { 0 }, false,
	  "a slab page's free objects" },
	{ KP_FACTS_PAGE, P, { { "first_page", NO_VMCI } }, AT(pg_first_page), NOT_KEPT, { 0 }, false,
	  "a tail's head before compound_head (2.6.2x - 3.x)" },
	{ KP_FACTS_PAGE, P, { { "compound_order", VMCI(1) } }, AT(pg_compound_order), NOT_KEPT,
	  { 0 }, false, "a compound page's order, in its first tail (before 6.6)" },
	{ KP_FACTS_PAGE, P, { { "compound_dtor", VMCI(1) } }, AT(pg_compound_dtor), NOT_KEPT,
	  { 0 }, false, "a compound page's destructor: hugetlb or not (before 6.6)" },
	{ KP_FACTS_PAGE, P, { { "slab_cache", NO_VMCI } }, AT(pg_slab_cache), NOT_KEPT, { 0 }, false,
	  "a slab page's cache" },
	{ KP_FACTS_PAGE, P, { { "pp_magic", NO_VMCI } }, AT(pg_pp_magic), NOT_KEPT, { 0 }, false,
	  "page_pool pages (network buffers)" },
	/* lru's width is the lru fact's: one OFFSET(page.lru) line */
	{ KP_FACTS_PAGE, P, { { "buddy_list", NO_VMCI }, { "lru", NO_VMCI } }, AT(pg_list), AT(list_member), { 0 },
	  true, "the link of a free block in its free list (buddy_list in 5.19+)" },
	{ KP_FACTS_COMPOUND, P, { { "compound_info", VMCI(8) }, { "compound_head", VMCI(8) } },
	  AT(pg_compound_head), AT(compound_member), { 0 }, false,
	  "a tail's head: compound_head (4.x - 7.0), compound_info (7.1+)" },
	{ KP_FACTS_HVO, Z, { { "vmemmap_tails", NO_VMCI } }, NOT_KEPT, NOT_KEPT, { 0 }, false,
	  "HUGETLB_PAGE_OPTIMIZE_VMEMMAP (7.1+): compound_info may be a mask" },
	{ KP_FACTS_PAGE_TYPE, P, { { "memcg_data", NO_VMCI } }, NOT_KEPT, NOT_KEPT, { 0 }, false,
	  "5.11+: the page_type bits without PG_kmemcg" },
	{ KP_FACTS_FOLIO, "struct folio", { { "_flags_1", NO_VMCI } }, NOT_KEPT, NOT_KEPT,
	  { "struct folio" }, false, "the order in the first tail's flags (6.6+)" },

	{ KP_FACTS_ZONE, Z, { { "free_area", VMCI_ARRAY_OF(FA) } }, AT(zone_free_area), NOT_KEPT,
	  { 0 }, true, "the free lists, one free_area an order" },
	{ KP_FACTS_ZONE, Z, { { "name", NO_VMCI } }, AT(zone_name), NOT_KEPT, { 0 }, false,
	  "the zone's name" },
	{ KP_FACTS_ZONE, Z, { { "zone_start_pfn", NO_VMCI } }, AT(zone_start_pfn), NOT_KEPT, { 0 }, false,
	  "the zone's span" },
	{ KP_FACTS_ZONE, Z, { { "spanned_pages", VMCI(8) } }, AT(zone_spanned), NOT_KEPT, { 0 },
	  false, "the zone's span" },
	{ KP_FACTS_ZONE, Z, { { "present_pages", NO_VMCI } }, AT(zone_present), NOT_KEPT, { 0 }, false,
	  "pages present in the span" },
	{ KP_FACTS_ZONE, Z, { { "managed_pages", NO_VMCI } }, AT(zone_managed), NOT_KEPT, { 0 }, false,
	  "pages the buddy allocator manages (the managed invariant)" },
	{ KP_FACTS_ZONE, Z, { { "vm_stat", VMCI_ARRAY(8) } }, AT(zone_vm_stat), NOT_KEPT, { 0 },
	  false, "the counters: NR_FREE_PAGES, NR_FREE_CMA_PAGES" },
	{ KP_FACTS_ZONE, Z, { { "_watermark", NO_VMCI }, { "watermark", NO_VMCI }, { "pages_min", NO_VMCI } },
	  AT(zone_watermark), NOT_KEPT, { 0 }, false, "the watermarks min, low, high" },
	{ KP_FACTS_ZONE, Z, { { "watermark_boost", NO_VMCI } }, AT(zone_watermark_boost), NOT_KEPT, { 0 },
	  false, "the watermarks' boost (5.0+)" },
	{ KP_FACTS_ZONE, Z, { { "lowmem_reserve", NO_VMCI } }, AT(zone_lowmem_reserve), NOT_KEPT, { 0 },
	  false, "pages kept from allocations of higher zones; its length, the zones" },
	{ KP_FACTS_ZONE, Z, { { "zone_pgdat", NO_VMCI } }, AT(zone_pgdat), NOT_KEPT, { 0 }, false,
	  "the zone's node" },
	{ KP_FACTS_ZONE, Z, { { "pageblock_flags", NO_VMCI } }, AT(zone_pageblock_flags), NOT_KEPT, { 0 },
	  false, "the pageblock bitmap without SPARSEMEM" },
	{ KP_FACTS_FREE_AREA, FA, { { "free_list", VMCI_ARRAY(16) } }, AT(fa_free_list),
	  NOT_KEPT, { 0 }, true, "the free lists of an order, one a migratetype" },
	{ KP_FACTS_FREE_AREA, FA, { { "nr_free", NO_VMCI } }, AT(fa_nr_free), NOT_KEPT, { 0 }, false,
	  "the free blocks of an order, as counted by the kernel" },
	{ KP_FACTS_ZONE_RESERVE, Z, { { "nr_reserved_highatomic", NO_VMCI } }, AT(zone_reserved_highatomic),
	  NOT_KEPT, { 0 }, false, "pageblocks reserved for high-order atomic allocations" },

	{ KP_FACTS_PGDAT, PG, { { "node_zones", VMCI_ARRAY_OF(Z) } }, AT(pgdat_node_zones),
	  NOT_KEPT, { 0 }, false, "the node's zones" },
	{ KP_FACTS_PGDAT, PG, { { "nr_zones", VMCI(4) } }, AT(pgdat_nr_zones), NOT_KEPT, { 0 },
	  false, "how many of them are populated" },
	{ KP_FACTS_PGDAT, PG, { { "node_start_pfn", VMCI(8) } }, AT(pgdat_start_pfn), NOT_KEPT,
	  { 0 }, false, "the node's span" },
	{ KP_FACTS_PGDAT, PG, { { "node_present_pages", NO_VMCI } }, AT(pgdat_present), NOT_KEPT, { 0 },
	  false, "pages present in the node" },
	{ KP_FACTS_PGDAT, PG, { { "node_spanned_pages", VMCI(8) } }, AT(pgdat_spanned), NOT_KEPT,
	  { 0 }, false, "the node's span" },
	{ KP_FACTS_PGDAT, PG, { { "node_id", VMCI(4) } }, AT(pgdat_node_id), NOT_KEPT, { 0 },
	  false, "the node's number" },
	{ KP_FACTS_PGDAT, PG, { { "node_mem_map", VMCI(8) } }, AT(pgdat_node_mem_map), NOT_KEPT,
	  { 0 }, false, "the node's struct pages (FLATMEM)" },
	{ KP_FACTS_PGDAT, PG, { { "node_zonelists", NO_VMCI } }, AT(pgdat_zonelists), NOT_KEPT, { 0 },
	  false, "the zones an allocation falls back to (alloc-check)" },
	{ KP_FACTS_PGDAT, "struct list_head", { { "next", VMCI(8) } }, AT(lh_next), NOT_KEPT,
	  { 0 }, false, "free list walks" },
	{ KP_FACTS_PGDAT, "struct list_head", { { "prev", VMCI(8) } }, AT(lh_prev), NOT_KEPT,
	  { 0 }, false, "free list walks" },
	{ KP_FACTS_ZONELIST, "struct zonelist", { { "_zonerefs", NO_VMCI } }, AT(zonelist_zonerefs),
	  NOT_KEPT, { "struct zonelist" }, false, "a zonelist's zones (2.6.26+)" },
	{ KP_FACTS_ZONELIST, "struct zoneref", { { "zone", NO_VMCI } }, AT(zoneref_zone), NOT_KEPT,
	  { "struct zonelist" }, false, "a zonelist entry's zone" },
	{ KP_FACTS_ZONELIST, "struct zoneref", { { "zone_idx", NO_VMCI } }, AT(zoneref_idx), NOT_KEPT,
	  { "struct zonelist" }, false, "a zonelist entry's zone index" },
	{ KP_FACTS_MEM_SECTION, MS, { { "section_mem_map", VMCI(8) } }, AT(ms_section_mem_map),
	  NOT_KEPT, { MS }, false, "a section's encoded struct pages (SPARSEMEM)" },
	{ KP_FACTS_MEM_SECTION, MS, { { "usage", NO_VMCI } }, AT(ms_usage), NOT_KEPT, { MS }, false,
	  "a section's mem_section_usage (5.3+: its pageblock bitmap)" },
	{ KP_FACTS_MEM_SECTION, MS, { { "pageblock_flags", NO_VMCI } }, AT(ms_pageblock_flags), NOT_KEPT,
	  { MS }, false, "a section's pageblock bitmap (before 5.3)" },
	{ KP_FACTS_MEM_SECTION_USAGE, "struct mem_section_usage", { { "pageblock_flags", NO_VMCI } },
	  AT(msu_pageblock_flags), NOT_KEPT, { MS, "struct mem_section_usage" }, false,
	  "a section's pageblock bitmap (5.3+)" },
};
const size_t kp_member_facts_n = KP_ARRAY_SIZE(kp_member_facts);

const struct kp_size_fact kp_size_facts[] = {
	{ KP_FACTS_PAGE, P, AT(page_size), NULL, "the struct pages' stride" },
	{ KP_FACTS_ZONE, Z, AT(zone_size), NULL, "a node's zones' stride" },
	{ KP_FACTS_FREE_AREA, FA, AT(free_area_size), NULL, "a zone's free_area stride" },
	{ KP_FACTS_PGDAT, PG, AT(pgdat_size), NULL, "a node's struct" },
	{ KP_FACTS_ZONELIST, "struct zonelist", AT(zonelist_size), "struct zonelist",
	  "a node's zonelists' stride" },
	{ KP_FACTS_MEM_SECTION, MS, AT(mem_section_size), MS, "the sections' stride" },
};
const size_t kp_size_facts_n = KP_ARRAY_SIZE(kp_size_facts);

const struct kp_flag_fact kp_flag_facts[] = {
	{ "PG_locked", AT(pg_locked), "flag names" },
	{ "PG_reserved", AT(pg_reserved), "reserved pages (the managed invariant)" },
	{ "PG_slab", AT(pg_slab), "slab pages before the slab page type" },
	{ "PG_buddy", AT(pg_buddy), "free pages (2.6.2x)" },
	{ "PG_head", AT(pg_head), "compound heads" },
	{ "PG_tail", AT(pg_tail), "compound tails (2.6.2x - 3.x)" },
	{ "PG_compound", AT(pg_compound), "compound pages before PG_head" },
	{ "PG_lru", AT(pg_lru_bit), "pages on an LRU" },
	{ "PG_swapbacked", AT(pg_swapbacked), "anon and shmem pages" },
	{ "PG_swapcache", AT(pg_swapcache), "pages in the swap cache" },
	{ "PG_private", AT(pg_private_bit), "pages with private data" },
	{ "PG_hwpoison", AT(pg_hwpoison), "poisoned pages" },
	{ "PG_reclaim", AT(pg_reclaim), "tails before PG_tail (with PG_compound)" },
	{ "PG_uptodate", AT(pg_uptodate), "flag names" },
	{ "PG_reported", AT(pg_reported), "free pages reported to the host" },
	{ "PG_anon_exclusive", AT(pg_anon_exclusive), "exclusive anon pages" },
	{ "PG_movable_ops", AT(pg_movable_ops), "movable_ops pages (6.17+)" },
	{ "PG_movable_ops_isolated", AT(pg_movable_ops_isolated), "isolated movable_ops pages" },
	{ "PG_has_hwpoisoned", AT(pg_has_hwpoisoned), "folio flags of the first tail" },
	{ "PG_large_rmappable", AT(pg_large_rmappable), "folio flags of the first tail" },
	{ "PG_partially_mapped", AT(pg_partially_mapped), "folio flags of the first tail" },
};
const size_t kp_flag_facts_n = KP_ARRAY_SIZE(kp_flag_facts);

const struct kp_enum_fact kp_enum_facts[] = {
	{ KP_FACTS_PAGE_ENUMS, "HUGETLB_PAGE_DTOR", -1, AT(hugetlb_dtor),
	  "compound_dtor of a hugetlb page (before 6.6)" },
	{ KP_FACTS_ZONE_ENUMS, "NR_FREE_PAGES", -1, AT(nr_free_pages_item),
	  "zone.vm_stat[] index of the free pages" },
	{ KP_FACTS_ZONE_ENUMS, "NR_FREE_CMA_PAGES", -1, AT(nr_free_cma_item),
	  "zone.vm_stat[] index of the free CMA pages" },
	/* MIGRATE_UNMOVABLE, MOVABLE, RECLAIMABLE before it was an enumerator */
	{ KP_FACTS_ZONE_ENUMS, "MIGRATE_PCPTYPES", 3, AT(mt_pcptypes),
	  "migratetypes with per-cpu lists" },
	{ KP_FACTS_ZONE_ENUMS, "MIGRATE_HIGHATOMIC", -1, AT(mt_highatomic),
	  "the high-order atomic reserve's migratetype" },
	{ KP_FACTS_ZONE_ENUMS, "MIGRATE_CMA", -1, AT(mt_cma), "CMA's migratetype" },
};
const size_t kp_enum_facts_n = KP_ARRAY_SIZE(kp_enum_facts);

const char *kp_fact_vmci_type(const char *type)
{
	return strncmp(type, "struct ", 7) ? type : type + 7;
}

kp_error *kp_fact_lookup(struct kp_types *ty, const struct kp_member_fact *fact,
			 struct kp_field *f, const struct kp_fact_path **found, bool *guarded)
{
	memset(f, 0, sizeof(*f));
	*found = NULL;
	*guarded = true;
	for (size_t g = 0; g < KP_ARRAY_SIZE(fact->guard); g++)
		if (fact->guard[g] && !kp_types_has(ty, fact->guard[g])) {
			*guarded = false;
			return NULL;
		}
	for (size_t i = 0; i < KP_FACT_MAX_PATHS && fact->paths[i].path; i++) {
		kp_error *err = kp_types_field(ty, fact->type, fact->paths[i].path, f);
		if (err || f->present) {
			*found = &fact->paths[i];
			return err;
		}
	}
	return NULL;
}

static kp_error *fill_members(struct kp_types *ty, enum kp_fact_group group, char *base,
			      struct kp_field *unkept)
{
	for (size_t i = 0; i < kp_member_facts_n; i++) {
		const struct kp_member_fact *m = &kp_member_facts[i];
		const struct kp_fact_path *found;
		struct kp_field f;
		bool guarded;

		if (m->group != group)
			continue;
		kp_error *err = kp_fact_lookup(ty, m, &f, &found, &guarded);
		if (m->at != NOT_KEPT)
			*(struct kp_field *)(base + m->at) = f;
		else if (unkept)
			*unkept++ = f;
		if (err)
			return err;
		if (found && m->name_at != NOT_KEPT)
			*(const char **)(base + m->name_at) = found->path;
	}
	return NULL;
}

kp_error *kp_facts_fill(struct kp_types *ty, enum kp_fact_group group, struct kp_layout *l,
			struct kp_field *unkept)
{
	char *base = (char *)l;
	kp_error *err;
	int64_t v;

	for (size_t i = 0; i < kp_size_facts_n; i++) {
		const struct kp_size_fact *s = &kp_size_facts[i];
		if (s->group != group || (s->guard && !kp_types_has(ty, s->guard)))
			continue;
		if ((err = kp_types_sizeof(ty, s->type, (uint32_t *)(base + s->at))))
			return err;
	}
	if ((err = fill_members(ty, group, base, unkept)))
		return err;
	for (size_t i = 0; i < kp_enum_facts_n; i++) {
		const struct kp_enum_fact *e = &kp_enum_facts[i];
		if (e->group == group)
			*(int64_t *)(base + e->at) = kp_types_enumerator(ty, e->name, &v) ? v :
						      e->default_value;
	}
	return NULL;
}

void kp_facts_fill_flags(struct kp_types *ty, struct kp_layout *l)
{
	for (size_t i = 0; i < kp_flag_facts_n; i++) {
		int64_t v;
		int *bit = (int *)((char *)l + kp_flag_facts[i].at);
		*bit = kp_types_enumerator(ty, kp_flag_facts[i].name, &v) && v >= 0 &&
		       v < KP_MAX_FLAGS ? (int)v : -1;
	}
}

static bool vmci_exported(const struct kp_vmci_width *w)
{
	return w->size || w->elem_size || w->elem_sizeof;
}

size_t kp_facts_vmci_members(struct kp_vmci_member *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < kp_member_facts_n; i++) {
		const struct kp_member_fact *f = &kp_member_facts[i];
		for (size_t p = 0; p < KP_FACT_MAX_PATHS && f->paths[p].path; p++) {
			const struct kp_vmci_width *w = &f->paths[p].vmci;
			const char *type = kp_fact_vmci_type(f->type);
			size_t j = 0;
			while (j < n && (strcmp(out[j].type, type) || strcmp(out[j].member, f->paths[p].path)))
				j++;
			if (!vmci_exported(w) || j < n || n == max)
				continue;
			out[n++] = (struct kp_vmci_member){ type, f->paths[p].path, w->size, w->elem_size,
							    w->elem_sizeof };
		}
	}
	return n;
}

kp_error *kp_layout_vmcoreinfo_types(const char *vmcoreinfo, const char *label,
				     struct kp_types **out)
{
	struct kp_vmci_member members[64];
	size_t n = kp_facts_vmci_members(members, KP_ARRAY_SIZE(members));
	return kp_types_open_vmcoreinfo(vmcoreinfo, label, members, n, out);
}
