/* The layout's sanity checks, before anything is read through it: every
 * member inside its struct, sizes within kpage's buffers and within what
 * any kernel has. DWARF guarantees most of it; types from VMCOREINFO (or a
 * damaged memo) do not. */
#include <stddef.h>
#include <stdio.h>

#include "kpage/kpage.h"
#include "internal.h"

/* Every member must lie inside its struct: DWARF guarantees it, but types
 * from VMCOREINFO (or a damaged memo) could send the decoder past a buffer. */
static kp_error *layout_check_bounds(struct kp_types *ty, const struct kp_layout *l)
{
	static const struct { size_t off; const char *name; int outer; } f[] = {
#define F(m, outer) { offsetof(struct kp_layout, m), #m, outer }
		F(pg_flags, 0), F(pg_refcount, 0), F(pg_mapcount, 0), F(pg_page_type, 0),
		F(pg_private, 0), F(pg_mapping, 0), F(pg_index, 0), F(pg_lru, 0),
		F(pg_freelist, 0), F(pg_compound_head, 0), F(pg_first_page, 0),
		F(pg_compound_order, 0), F(pg_compound_dtor, 0), F(pg_slab_cache, 0),
		F(pg_pp_magic, 0), F(pg_list, 0),
		F(zone_free_area, 1), F(zone_name, 1), F(zone_start_pfn, 1), F(zone_spanned, 1),
		F(zone_present, 1), F(zone_managed, 1), F(zone_watermark, 1),
		F(zone_lowmem_reserve, 1), F(zone_pgdat, 1), F(zone_watermark_boost, 1),
		F(zone_pageblock_flags, 1), F(zone_reserved_highatomic, 1), F(zone_pcp, 1),
		F(zone_pcp_stats, 1), F(zone_vm_stat, 1),
		F(fa_free_list, 2), F(fa_nr_free, 2),
		F(pgdat_node_zones, 3), F(pgdat_nr_zones, 3), F(pgdat_start_pfn, 3),
		F(pgdat_present, 3), F(pgdat_spanned, 3), F(pgdat_node_id, 3),
		F(pgdat_node_mem_map, 3), F(pgdat_zonelists, 3),
		F(ms_section_mem_map, 4),
#undef F
	};
	const uint32_t outer[] = { l->page_size, l->zone_size, l->free_area_size, l->pgdat_size,
				   l->mem_section_size };
	static const char *const outer_name[] = { "page", "zone", "free_area", "pglist_data",
						  "mem_section" };
	for (size_t i = 0; i < KP_ARRAY_SIZE(f); i++) {
		const struct kp_field *m = (const struct kp_field *)((const char *)l + f[i].off);
		uint64_t end = m->bit_size ? ((uint64_t)m->bit_offset + m->bit_size + 7) / 8 :
			(uint64_t)m->offset + m->size;
		/* bitfields are loaded as a 64-bit word from their first byte */
		if (m->bit_size)
			end = m->bit_offset / 8 + 8;
		if (m->present && (end > outer[f[i].outer] || m->size > 8 * 1024 * 1024))
			return kp_errorf(KP_EXIT_INPUT, "%s: %s member %s ends at byte %llu, past the "
					 "struct's size %u", kp_types_path(ty), outer_name[f[i].outer],
					 f[i].name, (unsigned long long)end, outer[f[i].outer]);
	}
	/* A root of sections is one page of them (SPARSEMEM_EXTREME). */
	if (l->mem_section_size > KP_PAGE_SIZE)
		return kp_errorf(KP_EXIT_INPUT, "%s: struct mem_section of %u bytes: larger than the "
				 "page that holds a root of them", kp_types_path(ty),
				 l->mem_section_size);
	if (l->page_size > KP_PAGE_STRUCT_MAX)
		return kp_errorf(KP_EXIT_INPUT, "%s: struct page of %u bytes: larger than any "
				 "kernel's (kpage reads up to %u)", kp_types_path(ty), l->page_size,
				 KP_PAGE_STRUCT_MAX);
	if (l->page_size < 16 || l->list_member == NULL ||
	    l->lh_next.offset + 8 > 16 || l->lh_prev.offset + 8 > 16)
		return kp_errorf(KP_EXIT_INPUT, "%s: struct page of %u bytes or list_head "
				 "members out of place", kp_types_path(ty), l->page_size);
	return NULL;
}

/* The zone_stat_items kpage reads (NR_FREE_PAGES, NR_FREE_CMA_PAGES) must
 * name entries of zone->vm_stat[] inside struct zone: a damaged VMCOREINFO
 * NUMBER(NR_FREE_PAGES) sent zones' read past its copy of the zone. */
static kp_error *layout_check_stat_items(struct kp_types *ty, const struct kp_layout *l)
{
	const struct { const char *name; int64_t item; } items[] = {
		{ "NR_FREE_PAGES", l->nr_free_pages_item }, { "NR_FREE_CMA_PAGES", l->nr_free_cma_item },
	};
	const struct kp_field *vs = &l->zone_vm_stat;

	for (size_t i = 0; vs->present && i < KP_ARRAY_SIZE(items); i++) {
		uint64_t item = (uint64_t)items[i].item;
		if (items[i].item < 0 || ((!vs->count || item < vs->count) &&
		    item <= (l->zone_size - vs->offset) / 8 &&
		    vs->offset + item * vs->elem_size + 8 <= l->zone_size))
			continue;
		char len[32] = "";
		if (vs->count)
			snprintf(len, sizeof(len), " (%u entries)", vs->count);
		return kp_errorf(KP_EXIT_INPUT, "%s: zone_stat_item %s is %lld, past zone.vm_stat%s at "
				 "byte %u of the %u-byte struct zone", kp_types_path(ty), items[i].name,
				 (long long)items[i].item, len, vs->offset, l->zone_size);
	}
	return NULL;
}

kp_error *kp_layout_check(struct kp_types *ty, const struct kp_layout *l)
{
	kp_error *err = layout_check_bounds(ty, l);
	return err ? err : layout_check_stat_items(ty, l);
}
