/* The page type rule and values (how a free, table, guard, offline, hugetlb,
 * slab ... page is told), by what the debuginfo and VMCOREINFO show: PG_buddy
 * (2.6.2x), _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE (2.6.38 - 4.17), page_type
 * bits (4.18 - 6.11), enum pagetype in the top byte (6.12+). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "target.h"
#include "types.h"
#include "layout.h"
#include "layout_facts.h"

/* A page type value from VMCOREINFO: NUMBER(PAGE_X_MAPCOUNT_VALUE) = ~bit. */
static bool vmci_type_bit(const char *vmci, const char *key, uint32_t *bit)
{
	int64_t v;
	if (!kp_vmcoreinfo_number(vmci, key, &v))
		return false;
	*bit = (uint32_t)~v;
	return true;
}

/* 6.12+ VMCOREINFO: NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE) is PGTY_buddy << 24 (the
 * low 24 bits clear), where earlier kernels wrote ~bit (-129). The type byte
 * of each page type VMCOREINFO names; table and guard no kernel up to 7.3
 * names (they stay unknown), but a line for them is read. */
static bool vmci_type_byte(const char *vmci, struct kp_layout *l)
{
	static const struct { const char *key; size_t off; } t[] = {
		{ "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_buddy) },
		{ "NUMBER(PAGE_OFFLINE_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_offline) },
		{ "NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_hugetlb) },
		{ "NUMBER(PAGE_SLAB_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_slab) },
		{ "NUMBER(PAGE_UNACCEPTED_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_unaccepted) },
		{ "NUMBER(PAGE_TABLE_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_table) },
		{ "NUMBER(PAGE_GUARD_MAPCOUNT_VALUE)", offsetof(struct kp_layout, type_guard) },
	};
	int64_t v;
	if (!kp_vmcoreinfo_number(vmci, t[0].key, &v) || ((uint32_t)v & 0xffffff) ||
	    ((uint32_t)v >> 24) < 0xf0)
		return false;
	l->buddy_rule = &kp_type_rule_byte;
	l->buddy_rule_source = "VMCOREINFO NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE) (type in the top byte)";
	for (size_t i = 0; i < KP_ARRAY_SIZE(t); i++)
		if (kp_vmcoreinfo_number(vmci, t[i].key, &v) && !((uint32_t)v & 0xffffff))
			*(uint32_t *)((char *)l + t[i].off) = (uint32_t)v >> 24;
	return true;
}

void kp_layout_page_types(struct kp_types *ty, const char *vmci, struct kp_layout *l)
{
	int64_t v;

	if (l->pg_buddy >= 0) {
		l->buddy_rule = &kp_type_rule_flag;
		l->buddy_rule_source = "DWARF: PG_buddy in enum pageflags";
		return;
	}
	if (kp_types_enumerator(ty, "PGTY_buddy", &v)) {
		l->buddy_rule = &kp_type_rule_byte;
		l->buddy_rule_source = "DWARF: enum pagetype (type in the top byte)";
		static const struct { const char *n; size_t off; } t[] = {
			{ "PGTY_buddy", offsetof(struct kp_layout, type_buddy) },
			{ "PGTY_offline", offsetof(struct kp_layout, type_offline) },
			{ "PGTY_table", offsetof(struct kp_layout, type_table) },
			{ "PGTY_guard", offsetof(struct kp_layout, type_guard) },
			{ "PGTY_hugetlb", offsetof(struct kp_layout, type_hugetlb) },
			{ "PGTY_slab", offsetof(struct kp_layout, type_slab) },
			{ "PGTY_zsmalloc", offsetof(struct kp_layout, type_zsmalloc) },
			{ "PGTY_unaccepted", offsetof(struct kp_layout, type_unaccepted) },
			{ "PGTY_large_kmalloc", offsetof(struct kp_layout, type_large_kmalloc) },
		};
		for (size_t i = 0; i < KP_ARRAY_SIZE(t); i++) {
			uint32_t *dst = (uint32_t *)((char *)l + t[i].off);
			*dst = kp_types_enumerator(ty, t[i].n, &v) ? (uint32_t)v : 0;
		}
		return;
	}
	if (!l->pg_page_type.present && vmci_type_byte(vmci, l))
		return;
	if (l->pg_page_type.present) {
		l->buddy_rule = &kp_type_rule_bits;
		l->type_base = 0xf0000000u;
		/* Era rule (include/linux/page-flags.h, 4.18 - 6.11): PG_kmemcg
		 * took 0x200 until page->memcg_data replaced it (5.11). */
		struct kp_field memcg;
		kp_error *err = kp_facts_fill(ty, KP_FACTS_PAGE_TYPE, l, &memcg);
		bool kmemcg = !err && !memcg.present;
		kp_error_free(err);
		l->type_buddy = 0x80;
		l->type_offline = 0x100;
		l->type_table = kmemcg ? 0x400 : 0x200;
		l->type_guard = kmemcg ? 0x800 : 0x400;
		l->buddy_rule_source = "era rule: page_type bits (4.18-6.11)";
		if (vmci_type_bit(vmci, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", &l->type_buddy))
			l->buddy_rule_source = "VMCOREINFO NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)";
		vmci_type_bit(vmci, "NUMBER(PAGE_OFFLINE_MAPCOUNT_VALUE)", &l->type_offline);
		vmci_type_bit(vmci, "NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE)", &l->type_hugetlb);
		vmci_type_bit(vmci, "NUMBER(PAGE_SLAB_MAPCOUNT_VALUE)", &l->type_slab);
		vmci_type_bit(vmci, "NUMBER(PAGE_UNACCEPTED_MAPCOUNT_VALUE)", &l->type_unaccepted);
		/* (no kernel up to 7.3 writes these two; the era rule stays) */
		vmci_type_bit(vmci, "NUMBER(PAGE_TABLE_MAPCOUNT_VALUE)", &l->type_table);
		vmci_type_bit(vmci, "NUMBER(PAGE_GUARD_MAPCOUNT_VALUE)", &l->type_guard);
		return;
	}
	l->buddy_rule = &kp_type_rule_mapcount;
	l->buddy_mapcount = -128;
	l->buddy_rule_source = "era rule: _mapcount == -128 (2.6.38-4.17)";
	if (kp_vmcoreinfo_number(vmci, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", &v)) {
		l->buddy_mapcount = (int32_t)v;
		l->buddy_rule_source = "VMCOREINFO NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)";
	}
}


/* page->mapping's low bits (include/linux/page-flags.h, mm/ksm.c): bit 0 is
 * PAGE_MAPPING_ANON in every era. KSM (2.6.32+, mm/ksm.c, built only with
 * CONFIG_KSM) marked its pages by mapping == PAGE_MAPPING_ANON in 2.6.32, by
 * PAGE_MAPPING_KSM (bit 1 beside bit 0) from 2.6.33, when mm/ksm.c got struct
 * stable_node (struct ksm_stable_node from 6.1). Without mm/ksm.c's types
 * (no CONFIG_KSM, or before 2.6.32) PageKsm() is false: bits 0 and 1 are
 * anon. PAGE_MAPPING_MOVABLE (bit 1 alone) went with PG_isolated in 6.17,
 * when movable_ops pages got a flag of their own (PG_movable_ops). */
void kp_layout_mapping_kinds(struct kp_types *ty, struct kp_layout *l, bool pg_isolated)
{
	const char *src = kp_types_source(ty), *ksm = NULL;

	l->mapping_movable_bit = !(l->pg_movable_ops >= 0 && !pg_isolated);
	if (kp_types_has(ty, "struct ksm_stable_node"))
		ksm = "struct ksm_stable_node";
	else if (kp_types_has(ty, "struct stable_node"))
		ksm = "struct stable_node";
	if (ksm) {
		l->mapping_ksm = KP_KSM_BIT;
		snprintf(l->mapping_source, sizeof(l->mapping_source), "KSM: mapping & 3 == 3 "
			 "(PAGE_MAPPING_KSM, 2.6.33+; %s: %s)", src, ksm);
	} else if (kp_types_has(ty, "struct rmap_item")) {
		l->mapping_ksm = KP_KSM_ANON_ONLY;
		snprintf(l->mapping_source, sizeof(l->mapping_source), "KSM: mapping == "
			 "PAGE_MAPPING_ANON (2.6.32; %s: struct rmap_item, no struct stable_node)", src);
	} else if (!strcmp(src, "VMCOREINFO")) {
		l->mapping_ksm = KP_KSM_BIT;
		snprintf(l->mapping_source, sizeof(l->mapping_source), "KSM: mapping & 3 == 3 "
			 "(PAGE_MAPPING_KSM, 2.6.33+, assumed: VMCOREINFO has no types of mm/ksm.c)");
	} else {
		l->mapping_ksm = KP_KSM_NONE;
		snprintf(l->mapping_source, sizeof(l->mapping_source), "KSM: none (no CONFIG_KSM "
			 "or before 2.6.32: %s has no struct stable_node or rmap_item); mapping & 1 "
			 "is anon", src);
	}
	size_t n = strlen(l->mapping_source);
	snprintf(l->mapping_source + n, sizeof(l->mapping_source) - n, "; movable: %s",
		 l->mapping_movable_bit ? "mapping & 3 == 2 (PAGE_MAPPING_MOVABLE)" :
		 "PG_movable_ops (no PAGE_MAPPING_MOVABLE)");
}
