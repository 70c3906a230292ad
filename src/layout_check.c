/* The layout's sanity checks, before anything is read through it: sizes
 * within kpage's buffers and within what any kernel has, and the indexes it
 * reads arrays by within them. DWARF guarantees most of it; types from
 * VMCOREINFO (or a damaged memo) do not. (Members within their structs are
 * checked as they are resolved: types_cache.c.) */
#include <stdio.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "types.h"
#include "layout.h"

/* The struct sizes the readers size their buffers by. Every member lies
 * within its struct by construction: kp_types_field holds it there as it
 * resolves the member, whatever the types come from (types_cache.c). */
static kp_error *layout_check_bounds(struct kp_types *ty, const struct kp_layout *l)
{
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
