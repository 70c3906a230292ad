/* The resolved layout table: every offset, size and constant kpage uses,
 * filled once from DWARF. Members renamed across eras are chosen by what the
 * DWARF contains. Constants the kernel keeps in macros come from VMCOREINFO
 * NUMBER() lines when present, else from the rule of the era that the DWARF
 * shows (never from a version string). */
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "target.h"
#include "types.h"
#include "layout.h"
#include "layout_facts.h"

static int enum_bit(struct kp_types *ty, const char *name)
{
	int64_t v;
	return kp_types_enumerator(ty, name, &v) && v >= 0 && v < KP_MAX_FLAGS ? (int)v : -1;
}

static kp_error *layout_pageflags(struct kp_types *ty, struct kp_layout *l)
{
	const struct kp_enumerator *e;
	size_t n;
	kp_error *err = kp_types_enum(ty, "pageflags", &e, &n);

	if (err)
		return err;
	if (!n)
		return kp_errorf(KP_EXIT_INPUT, "%s: no enum pageflags in the debuginfo",
				 kp_types_path(ty));
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].name, "__NR_PAGEFLAGS") == 0)
			l->nr_pageflags = (int)e[i].value;
		/* The first name of a value is its own; later ones are aliases
		 * (PG_swapcache = PG_owner_priv_1 ...). */
		if (e[i].value >= 0 && e[i].value < KP_MAX_FLAGS &&
		    strncmp(e[i].name, "PG_", 3) == 0 && !l->flag_name[e[i].value])
			l->flag_name[e[i].value] = e[i].name + 3;
	}
	kp_facts_fill_flags(ty, l);
	kp_layout_mapping_kinds(ty, l, enum_bit(ty, "PG_isolated") >= 0);
	if (l->nr_pageflags <= 0 || l->nr_pageflags > KP_MAX_FLAGS)
		l->nr_pageflags = 0;
	return NULL;
}

/* CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP in the debuginfo: zone->vmemmap_tails
 * (include/linux/mmzone.h, 7.1+) or the variable vmemmap_optimize_enabled
 * (mm/hugetlb_vmemmap.c, built only with it); NULL when neither is there. */
static const char *hvo_evidence(struct kp_types *ty, struct kp_layout *l)
{
	struct kp_field f;
	uint32_t len;
	int depth;
	kp_error *err = kp_facts_fill(ty, KP_FACTS_HVO, l, &f);

	if (!err && f.present)
		return "zone.vmemmap_tails";
	kp_error_free(err);
	if (kp_types_var(ty, "vmemmap_optimize_enabled", &len, &depth))
		return "variable vmemmap_optimize_enabled";
	return NULL;
}

/* How a tail names its head: compound_head (4.x - 7.0) is the head's address
 * + 1; compound_info (7.1+) too, unless compound_info_has_mask()
 * (include/linux/page-flags.h): HUGETLB_PAGE_OPTIMIZE_VMEMMAP and a struct
 * page whose size is a power of two, when it is a mask of the tail's own
 * address; before both, PG_tail (or PG_compound|PG_reclaim) and first_page. */
static kp_error *layout_compound(struct kp_types *ty, struct kp_layout *l)
{
	char *src = l->compound_rule_source;
	size_t n = sizeof(l->compound_rule_source);
	kp_error *err = kp_facts_fill(ty, KP_FACTS_COMPOUND, l, NULL);
	bool pow2 = l->page_size && !(l->page_size & (l->page_size - 1));
	const char *hvo;

	if (err)
		return err;
	if (!l->pg_compound_head.present) {
		if (!l->pg_first_page.present ||
		    (l->pg_tail < 0 && (l->pg_compound < 0 || l->pg_reclaim < 0)))
			return kp_errorf(KP_EXIT_INPUT, "%s: struct page has neither compound_info nor "
					 "compound_head, nor PG_tail and first_page: kpage cannot tell "
					 "compound tails", kp_types_path(ty));
		l->compound_rule = &kp_compound_rule_flags;
		l->compound_member = "first_page";
		snprintf(src, n, "DWARF: %s in enum pageflags, the head in page.first_page",
			 l->pg_tail >= 0 ? "PG_tail" : "PG_compound|PG_reclaim");
		return NULL;
	}
	l->compound_rule = &kp_compound_rule_pointer;
	if (strcmp(l->compound_member, "compound_info") != 0) {
		snprintf(src, n, "%s: page.compound_head = head + 1", kp_types_source(ty));
	} else if (!pow2) {
		snprintf(src, n, "%s: page.compound_info = head + 1 (sizeof(struct page) = %u, "
			 "not a power of two)", kp_types_source(ty), l->page_size);
	} else if (!strcmp(kp_types_source(ty), "VMCOREINFO")) {
		l->compound_rule = &kp_compound_rule_by_value;
		snprintf(src, n, "VMCOREINFO: OFFSET(page.compound_info), SIZE(page)=%u, but not "
			 "whether HUGETLB_PAGE_OPTIMIZE_VMEMMAP is set: each tail's value tells "
			 "(GENMASK(63, n)|1: a mask of its own address, else head + 1)", l->page_size);
	} else if ((hvo = hvo_evidence(ty, l))) {
		l->compound_rule = &kp_compound_rule_mask;
		snprintf(src, n, "%s: page.compound_info = GENMASK(63, order + %d) | 1, head = page "
			 "& it (%s: HUGETLB_PAGE_OPTIMIZE_VMEMMAP; sizeof(struct page) = %u)",
			 kp_types_source(ty), __builtin_ctz(l->page_size), hvo, l->page_size);
	} else {
		snprintf(src, n, "%s: page.compound_info = head + 1 (no zone.vmemmap_tails nor "
			 "vmemmap_optimize_enabled: no HUGETLB_PAGE_OPTIMIZE_VMEMMAP)",
			 kp_types_source(ty));
	}
	return NULL;
}

static kp_error *layout_page(struct kp_types *ty, const char *vmci, struct kp_layout *l)
{
	struct kp_field flags_1;
	kp_error *err;

	if ((err = kp_facts_fill(ty, KP_FACTS_PAGE, l, NULL)))
		return err;
	if (!l->pg_flags.present || !l->pg_refcount.present || !l->pg_list.present)
		return kp_errorf(KP_EXIT_INPUT, "%s: struct page lacks flags, _refcount/_count "
				 "or lru in the debuginfo", kp_types_path(ty));
	if ((err = layout_pageflags(ty, l)) || (err = layout_compound(ty, l)))
		return err;
	kp_layout_page_types(ty, vmci, l);

	if ((err = kp_facts_fill(ty, KP_FACTS_FOLIO, l, &flags_1)))
		return err;
	/* A compound_head without compound_order (VMCOREINFO, which names no
	 * folio): the order moved into the first tail's flags (6.6). */
	if (l->pg_compound_order.present)
		l->order_rule = &kp_order_rule_member;
	else if (flags_1.present || l->pg_compound_head.present)
		l->order_rule = &kp_order_rule_flags_1;
	else
		l->order_rule = &kp_order_rule_lru_prev;
	return kp_facts_fill(ty, KP_FACTS_PAGE_ENUMS, l, NULL);
}

/* Where the per-cpu vm_stat deltas are: zone->per_cpu_zonestats (5.14+) or
 * zone->pageset, both __percpu pointers, each with s8 vm_stat_diff[]. */
static kp_error *layout_zone_stat_diff(struct kp_types *ty, struct kp_layout *l)
{
	static const struct { const char *member, *type; } at[] = {
		{ "per_cpu_zonestats", "struct per_cpu_zonestat" },
		{ "pageset", "struct per_cpu_pageset" },
	};
	for (size_t i = 0; i < KP_ARRAY_SIZE(at); i++) {
		struct kp_field diff;
		kp_error *err = kp_types_field(ty, "struct zone", at[i].member, &l->zone_pcp_stats);
		if (err)
			return err;
		if (!l->zone_pcp_stats.present || l->zone_pcp_stats.count || l->zone_pcp_stats.size != 8 ||
		    !kp_types_has(ty, at[i].type))
			continue;
		if ((err = kp_types_field(ty, at[i].type, "vm_stat_diff", &diff)))
			return err;
		l->vm_stat_diff_known = diff.present && diff.elem_size == 1;
		l->vm_stat_diff_offset = diff.offset;
		return NULL;
	}
	return NULL;
}

/* The per-cpu lists: struct per_cpu_pages directly (5.14+) or inside
 * struct per_cpu_pageset as pcp (2.6.3x - 5.13). */
static kp_error *layout_zone_pcp(struct kp_types *ty, struct kp_layout *l)
{
	const char *Z = "struct zone";
	struct kp_field count;
	kp_error *err;

	if ((err = kp_types_field(ty, Z, "per_cpu_pageset", &l->zone_pcp)))
		return err;
	if (l->zone_pcp.present && kp_types_has(ty, "struct per_cpu_pages")) {
		if ((err = kp_types_field(ty, "struct per_cpu_pages", "count", &count)))
			return err;
		l->pcp_known = count.present;
		l->pcp_count_offset = count.offset;
	} else if (!(err = kp_types_field(ty, Z, "pageset", &l->zone_pcp)) &&
		   l->zone_pcp.present && !l->zone_pcp.count &&
		   kp_types_has(ty, "struct per_cpu_pageset")) {
		if ((err = kp_types_field(ty, "struct per_cpu_pageset", "pcp.count", &count)))
			return err;
		l->pcp_known = count.present;
		l->pcp_count_offset = count.offset;
	}
	return err;
}

static kp_error *layout_zone(struct kp_types *ty, struct kp_layout *l)
{
	kp_error *err;
	int64_t v;

	if ((err = kp_facts_fill(ty, KP_FACTS_ZONE, l, NULL)) ||
	    (err = kp_facts_fill(ty, KP_FACTS_FREE_AREA, l, NULL)))
		return err;
	/* zone_start_pfn may be unknown (VMCOREINFO lacks it): zone spans are
	 * then unknown and pages are placed by their flags alone. */
	if (!l->zone_free_area.present || !l->fa_free_list.present)
		return kp_errorf(KP_EXIT_INPUT, "%s: struct zone lacks free_area in the types",
				 kp_types_path(ty));
	l->nr_orders = l->zone_free_area.count;
	/* 2.6.2x before migratetypes had a single list per order. */
	l->nr_migratetypes = l->fa_free_list.count ? l->fa_free_list.count : 1;
	if (l->nr_orders > KP_MAX_ORDERS || l->nr_migratetypes > KP_MAX_MIGRATETYPES)
		return kp_errorf(KP_EXIT_INPUT, "%s: free_area has %u orders and %u lists, "
				 "more than kpage handles", kp_types_path(ty), l->nr_orders,
				 l->nr_migratetypes);
	if ((err = kp_facts_fill(ty, KP_FACTS_ZONE_ENUMS, l, NULL)) ||
	    (err = kp_facts_fill(ty, KP_FACTS_ZONE_RESERVE, l, NULL)))
		return err;
	if ((err = layout_zone_pcp(ty, l)) || (err = layout_zone_stat_diff(ty, l)))
		return err;
	l->nr_zones_max = kp_types_enumerator(ty, "__MAX_NR_ZONES", &v) ? (uint32_t)v : 0;
	if (!l->nr_zones_max)
		l->nr_zones_max = l->zone_lowmem_reserve.count;
	return NULL;
}

/* SECTION_HAS_MEM_MAP (include/linux/mmzone.h): 1 << SECTION_HAS_MEM_MAP_BIT,
 * an enumerator since 5.18 (measured: in 6.1, 6.12 and 7.3's DWARF, not in
 * 5.10's); before, a #define of bit 1 that no debuginfo holds. */
static kp_error *layout_section_has_mem_map(struct kp_types *ty, struct kp_layout *l)
{
	int64_t v;

	if (!kp_types_enumerator(ty, "SECTION_HAS_MEM_MAP_BIT", &v)) {
		l->section_has_mem_map = 1u << 1;
		snprintf(l->section_source, sizeof(l->section_source), "SECTION_HAS_MEM_MAP "
			 "bit 1 (era rule: a #define before 5.18, no SECTION_HAS_MEM_MAP_BIT in the "
			 "types from %s), the encoded mem_map from bit %u", kp_types_source(ty),
			 l->section_map_mask_bits);
		return NULL;
	}
	if (v < 0 || v >= (int64_t)l->section_map_mask_bits)
		return kp_errorf(KP_EXIT_INPUT, "%s: SECTION_HAS_MEM_MAP_BIT is %lld, not one of "
				 "the %u flag bits below a mem_section's encoded mem_map",
				 kp_types_path(ty), (long long)v, l->section_map_mask_bits);
	l->section_has_mem_map = 1u << v;
	snprintf(l->section_source, sizeof(l->section_source), "SECTION_HAS_MEM_MAP bit %lld "
		 "(%s: SECTION_HAS_MEM_MAP_BIT), the encoded mem_map from bit %u", (long long)v,
		 kp_types_source(ty), l->section_map_mask_bits);
	return NULL;
}

static kp_error *layout_pgdat(struct kp_types *ty, struct kp_layout *l)
{
	kp_error *err;
	int64_t v;

	if ((err = kp_facts_fill(ty, KP_FACTS_PGDAT, l, NULL)) ||
	    (err = kp_facts_fill(ty, KP_FACTS_ZONELIST, l, NULL)) ||
	    (err = kp_facts_fill(ty, KP_FACTS_MEM_SECTION, l, NULL)) ||
	    (err = kp_facts_fill(ty, KP_FACTS_MEM_SECTION_USAGE, l, NULL)))
		return err;
	if (!kp_types_has(ty, "struct mem_section"))
		return NULL;
	/* The flag bits below the encoded mem_map pointer: an enum in 6.x;
	 * earlier a macro of at most 5 bits. The encoded pointer is 64-byte
	 * aligned, so masking 6 bits is right for every era. */
	l->section_map_mask_bits = kp_types_enumerator(ty, "SECTION_MAP_LAST_BIT", &v) &&
		v > 0 && v < 12 ? (uint32_t)v : 6;
	return layout_section_has_mem_map(ty, l);
}

/* A bit count from VMCOREINFO when it is there and within [lo, hi]; an
 * absurd one (damaged VMCOREINFO) is noted in l->vmci_ignored, and the
 * x86_64 default stays. */
static bool layout_vmci_bits(struct kp_layout *l, const char *vmci, const char *key, int64_t lo,
			     int64_t hi, int64_t *v)
{
	char raw[24];
	size_t used = strlen(l->vmci_ignored);

	if (!kp_vmcoreinfo_get(vmci, key, raw, sizeof(raw)))
		return false;
	if (kp_vmcoreinfo_number(vmci, key, v) && *v >= lo && *v <= hi)
		return true;
	snprintf(l->vmci_ignored + used, sizeof(l->vmci_ignored) - used, "%s%s=%s", used ? ", " : "",
		 key, raw);
	return false;
}

kp_error *kp_layout_build(struct kp_types *ty, const char *vmci, struct kp_layout *l)
{
	kp_error *err;
	int64_t v;

	memset(l, 0, sizeof(*l));
	/* Every read, table walk and order kpage computes is for 4 KiB pages,
	 * x86_64's only base page size: VMCOREINFO's PAGESIZE must say so. */
	if (kp_vmcoreinfo_get(vmci, "PAGESIZE", (char[2]){ 0 }, 2) &&
	    (!kp_vmcoreinfo_number(vmci, "PAGESIZE", &v) || v != KP_PAGE_SIZE)) {
		char raw[24] = "";
		kp_vmcoreinfo_get(vmci, "PAGESIZE", raw, sizeof(raw));
		return kp_errorf(KP_EXIT_INPUT, "VMCOREINFO says PAGESIZE=%s: kpage reads kernels "
				 "with pages of %u bytes (x86_64)", raw, KP_PAGE_SIZE);
	}
	if ((err = layout_page(ty, vmci, l)) || (err = layout_zone(ty, l)) ||
	    (err = layout_pgdat(ty, l)) || (err = kp_layout_check(ty, l)) ||
	    (err = kp_layout_pageblock(ty, l)))
		return err;
	l->section_size_bits = 27;     /* x86_64 */
	l->max_physmem_bits = 46;
	if (layout_vmci_bits(l, vmci, "NUMBER(SECTION_SIZE_BITS)", 13, 39, &v))
		l->section_size_bits = (uint32_t)v;
	if (layout_vmci_bits(l, vmci, "NUMBER(MAX_PHYSMEM_BITS)", l->section_size_bits + 1, 64, &v)) {
		l->max_physmem_bits = (uint32_t)v;
	} else {
		/* Kernels before 4.x do not export it, but a static root array
		 * mem_section[NR_SECTION_ROOTS] (SPARSEMEM_EXTREME, 2.6 - 4.14)
		 * tells: NR_MEM_SECTIONS = roots * (PAGE_SIZE / sizeof(struct
		 * mem_section)) = 1 << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS). */
		uint32_t roots = 0;
		int depth = 0;
		if (l->mem_section_size && kp_types_var(ty, "mem_section", &roots, &depth) &&
		    roots && depth == 1) {
			uint64_t sections = (uint64_t)roots * (KP_PAGE_SIZE / l->mem_section_size);
			uint32_t bits = 0;
			while ((1ull << bits) < sections && bits < 40)
				bits++;
			if (bits + l->section_size_bits > 30 && bits + l->section_size_bits <= 64)
				l->max_physmem_bits = bits + l->section_size_bits;
		}
	}
	return NULL;
}

/* page->flags holds | SECTION | NODE | ZONE | ... | FLAGS | from the top
 * (include/linux/page-flags-layout.h). Widths come from DWARF facts:
 * __MAX_NR_ZONES, the length of node_data[] and the memory model. */
void kp_layout_set_flags_fields(struct kp_layout *l, uint32_t max_numnodes,
				bool sections_in_flags)
{
	uint32_t z = l->nr_zones_max, nodes_shift = 0;

	l->zones_width = z <= 1 ? 0 : z <= 2 ? 1 : z <= 4 ? 2 : 3;
	while ((1u << nodes_shift) < max_numnodes)
		nodes_shift++;
	l->sections_width = sections_in_flags ? l->max_physmem_bits - l->section_size_bits : 0;
	l->nodes_width = nodes_shift;
	if (l->sections_width + l->nodes_width + l->zones_width > 64u - (uint32_t)l->nr_pageflags)
		l->nodes_width = 0;   /* NODE_NOT_IN_PAGE_FLAGS */
	l->sections_shift_pos = 64 - l->sections_width;
	l->nodes_shift_pos = l->sections_shift_pos - l->nodes_width;
	l->zones_shift = l->nodes_shift_pos - l->zones_width;
}
