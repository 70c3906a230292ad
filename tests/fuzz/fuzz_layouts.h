/* Layouts of struct page under each era's rules for the fuzz targets: one
 * 64-byte struct page (flags, lru at 8, mapping, index, private, _mapcount,
 * _refcount at the offsets of 6.1), SEL % 5 picks the rules. */
#ifndef KPAGE_FUZZ_LAYOUTS_H
#define KPAGE_FUZZ_LAYOUTS_H

#include <string.h>

#include "kpage/kpage.h"
#include "types.h"
#include "layout.h"

static struct kp_field F(uint32_t off, uint32_t size)
{
	return (struct kp_field){ .present = true, .offset = off, .size = size };
}

static void layout_for(unsigned sel, struct kp_layout *l)
{
	memset(l, 0, sizeof(*l));
	l->page_size = 64;
	l->pg_flags = F(0, 8); l->pg_lru = F(8, 16); l->pg_list = F(8, 16);
	l->pg_mapping = F(24, 8); l->pg_index = F(32, 8); l->pg_private = F(40, 8);
	l->pg_mapcount = F(48, 4); l->pg_refcount = F(52, 4);
	l->lh_next = F(0, 8); l->lh_prev = F(8, 8);
	l->nr_pageflags = 24;
	for (int b = 0; b < 24; b++)
		l->flag_name[b] = "flag";
	l->pg_head = 16; l->pg_slab = 9; l->pg_reserved = 12; l->pg_swapbacked = 19;
	l->pg_swapcache = 10; l->pg_reclaim = 18; l->pg_reported = 2; l->pg_anon_exclusive = 17;
	l->pg_buddy = l->pg_tail = l->pg_compound = -1;
	l->pg_movable_ops = l->pg_movable_ops_isolated = -1;
	l->pg_has_hwpoisoned = l->pg_large_rmappable = l->pg_partially_mapped = -1;
	l->mapping_movable_bit = sel % 5 != 4;
	l->hugetlb_dtor = 2;
	l->zones_width = 3; l->nodes_width = 10; l->nodes_shift_pos = 54; l->zones_shift = 51;
	l->compound_rule = &kp_compound_rule_pointer;
	switch (sel % 5) {
	case 0:   /* 2.6: PG_buddy flag, PG_tail + first_page, order in lru.prev */
		l->buddy_rule = &kp_type_rule_flag; l->pg_buddy = 19; l->pg_tail = 15; l->pg_head = 14;
		l->pg_first_page = F(16, 8); l->order_rule = &kp_order_rule_lru_prev;
		l->compound_rule = &kp_compound_rule_flags;
		break;
	case 1:   /* 3.x - 4.17 */
		l->buddy_rule = &kp_type_rule_mapcount; l->buddy_mapcount = -128;
		l->pg_compound_head = F(8, 8); l->pg_compound_order = F(17, 1);
		l->order_rule = &kp_order_rule_member;
		break;
	case 2:   /* 4.18 - 6.11 */
		l->buddy_rule = &kp_type_rule_bits; l->pg_page_type = F(48, 4);
		l->type_base = 0xf0000000; l->type_buddy = 0x80; l->type_offline = 0x100;
		l->type_table = 0x200; l->type_guard = 0x400;
		l->pg_compound_head = F(8, 8); l->pg_compound_order = F(17, 1);
		l->pg_compound_dtor = F(16, 1); l->order_rule = &kp_order_rule_member;
		break;
	default:  /* 6.12+; 7.1+: compound_info a mask, movable_ops a flag */
		l->buddy_rule = &kp_type_rule_byte; l->pg_page_type = F(48, 4);
		if (sel % 5 == 4) {
			l->compound_rule = sel % 10 == 4 ? &kp_compound_rule_mask : &kp_compound_rule_by_value;
			l->pg_movable_ops = 2; l->pg_movable_ops_isolated = 18;
			l->pg_has_hwpoisoned = 8; l->pg_large_rmappable = 9;
			l->pg_partially_mapped = 18;
		}
		l->type_buddy = 0xf0; l->type_offline = 0xf1; l->type_table = 0xf2;
		l->type_guard = 0xf3; l->type_hugetlb = 0xf4; l->type_slab = 0xf5;
		l->type_zsmalloc = 0xf6; l->type_unaccepted = 0xf7; l->type_large_kmalloc = 0xf8;
		l->pg_compound_head = F(8, 8); l->order_rule = &kp_order_rule_flags_1;
		break;
	}
}

#endif
