/* The era rules, one object each, side by side: how a page's type is told
 * (kp_type_rule), how a tail names its head (kp_compound_rule) and where a
 * compound head's order is (kp_order_rule). The
 * layout chooses one of each by what the types show (layout_pagetype.c,
 * layout.c); the decoder calls it (page_decode.c). A new era's rule is a new
 * function and object here, and its choice where its siblings are chosen. */
#include "internal.h"
#include "layout.h"

static bool flag_set(const struct kp_page *p, int bit)
{
	return bit >= 0 && bit < 64 && (p->flags >> bit) & 1;
}

/* 2.6.x: PG_buddy is a page flag. */
static enum kp_page_type type_by_flag(const struct kp_layout *l, const struct kp_page *p,
				      uint32_t type_all)
{
	(void)type_all;
	return flag_set(p, l->pg_buddy) ? KP_TYPE_BUDDY : KP_TYPE_NONE;
}

/* 2.6.38 - 4.17: _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE. Below
 * PAGE_MAPCOUNT_RESERVE (-128) _mapcount holds a type this rule cannot name
 * (balloon, kmemcg; with types from VMCOREINFO also table, guard ...). */
static enum kp_page_type type_by_mapcount(const struct kp_layout *l, const struct kp_page *p,
					  uint32_t type_all)
{
	(void)type_all;
	if (p->mapcount_raw == l->buddy_mapcount)
		return KP_TYPE_BUDDY;
	return p->mapcount_raw < -127 ? KP_TYPE_UNKNOWN : KP_TYPE_NONE;
}

/* 4.18 - 6.11: a type is set when its bit is CLEAR and the top nibble is
 * PAGE_TYPE_BASE (include/linux/page-flags.h, PageType()), tested one by
 * one in this order. */
static enum kp_page_type type_by_bits(const struct kp_layout *l, const struct kp_page *p,
				      uint32_t all)
{
	uint32_t base = l->type_base, pt = p->page_type_raw;
#define KP_TYPE_BIT(bit, t) \
	if ((bit) && (pt & (base | (bit))) == base) \
		return (t)
	if ((pt & base) != base || (all && !(~pt & all)))
		return KP_TYPE_NONE;   /* no base, or (ALL known) no type bit clear */
	KP_TYPE_BIT(l->type_buddy, KP_TYPE_BUDDY);
	KP_TYPE_BIT(l->type_offline, KP_TYPE_OFFLINE);
	KP_TYPE_BIT(l->type_table, KP_TYPE_TABLE);
	KP_TYPE_BIT(l->type_guard, KP_TYPE_GUARD);
	KP_TYPE_BIT(l->type_slab, KP_TYPE_SLAB);
	KP_TYPE_BIT(l->type_hugetlb, KP_TYPE_HUGETLB);
	KP_TYPE_BIT(l->type_unaccepted, KP_TYPE_UNACCEPTED);
#undef KP_TYPE_BIT
	return KP_TYPE_NONE;
}

/* 6.12+: enum pagetype in the top byte; 0xff and below 0xf0 mean no type. */
static enum kp_page_type type_by_byte(const struct kp_layout *l, const struct kp_page *p,
				      uint32_t type_all)
{
	uint32_t b = p->page_type_raw >> 24;
	(void)type_all;
	if (b < 0xf0 || b == 0xff)
		return KP_TYPE_NONE;
	if (b == l->type_buddy) return KP_TYPE_BUDDY;
	if (b == l->type_offline) return KP_TYPE_OFFLINE;
	if (b == l->type_table) return KP_TYPE_TABLE;
	if (b == l->type_guard) return KP_TYPE_GUARD;
	if (b == l->type_hugetlb) return KP_TYPE_HUGETLB;
	if (b == l->type_slab) return KP_TYPE_SLAB;
	if (b == l->type_zsmalloc) return KP_TYPE_ZSMALLOC;
	if (b == l->type_unaccepted) return KP_TYPE_UNACCEPTED;
	if (b == l->type_large_kmalloc) return KP_TYPE_LARGE_KMALLOC;
	return KP_TYPE_UNKNOWN;
}

/* The flags word tells, whatever page_type holds: every value. */
static void range_any(const struct kp_layout *l, uint32_t *lo, uint32_t *hi)
{
	(void)l;
	*lo = 0;
	*hi = UINT32_MAX;
}

/* _mapcount below -127 (PAGE_MAPCOUNT_RESERVE), and the buddy value
 * VMCOREINFO gave wherever it lies. */
static void range_mapcount(const struct kp_layout *l, uint32_t *lo, uint32_t *hi)
{
	uint32_t buddy = (uint32_t)l->buddy_mapcount;
	*lo = buddy < 0x80000000u ? buddy : 0x80000000u;
	*hi = buddy > (uint32_t)-128 ? buddy : (uint32_t)-128;
}

/* The base nibble set (PAGE_TYPE_BASE 0xf0000000), not every bit (-1 is
 * an unmapped page); any value with another base. */
static void range_bits(const struct kp_layout *l, uint32_t *lo, uint32_t *hi)
{
	*lo = l->type_base == 0xf0000000u ? 0xf0000000u : 0;
	*hi = 0xfffffffeu;
}

/* A top byte from 0xf0 to 0xfe. */
static void range_byte(const struct kp_layout *l, uint32_t *lo, uint32_t *hi)
{
	(void)l;
	*lo = 0xf0000000u;
	*hi = 0xfeffffffu;
}

const struct kp_type_rule kp_type_rule_flag = { "flag", false, false, range_any, type_by_flag };
const struct kp_type_rule kp_type_rule_mapcount = {
	"mapcount", false, false, range_mapcount, type_by_mapcount,
};
const struct kp_type_rule kp_type_rule_bits = { "type bits", true, false, range_bits, type_by_bits };
const struct kp_type_rule kp_type_rule_byte = { "type byte", true, true, range_byte, type_by_byte };

/* 2.6.x - 4.3: the order in page[1].lru.prev. */
static int order_by_lru_prev(const struct kp_layout *l, const uint8_t *next)
{
	return (int)kp_load(next + l->pg_lru.offset + l->lh_prev.offset, 8);
}

static int order_by_member(const struct kp_layout *l, const uint8_t *next)
{
	return (int)kp_field_load(next, &l->pg_compound_order);
}

/* 6.6+: the low byte of the first tail's flags (folio->_flags_1). */
static int order_by_flags_1(const struct kp_layout *l, const uint8_t *next)
{
	return (int)(kp_field_load(next, &l->pg_flags) & 0xff);
}

const struct kp_order_rule kp_order_rule_lru_prev = {
	"page[1].lru.prev (no compound_order member, no folio)", false, order_by_lru_prev,
};
const struct kp_order_rule kp_order_rule_member = {
	"page[1].compound_order (a member in the types)", false, order_by_member,
};
const struct kp_order_rule kp_order_rule_flags_1 = {
	"low byte of page[1].flags (folio._flags_1 in the types)", true, order_by_flags_1,
};

bool kp_compound_info_is_mask(uint64_t info)
{
	uint64_t low = ~(info & ~UINT64_C(1));   /* GENMASK(63, n) -> 2^n - 1 */
	return (info & 1) && !(low & (low + 1)) && low >= 0x7f && low < (UINT64_C(1) << 40);
}

/* compound_head (4.x - 7.0), compound_info without the mask: head + 1. */
static uint64_t head_by_pointer(uint64_t ch, uint64_t va)
{
	(void)va;
	return ch - 1;
}

/* compound_info_has_mask() (include/linux/page-flags.h, 7.1+): a mask of
 * the tail's own address. */
static uint64_t head_by_mask(uint64_t ch, uint64_t va)
{
	return va & ch & ~UINT64_C(1);
}

static uint64_t head_by_value(uint64_t ch, uint64_t va)
{
	return kp_compound_info_is_mask(ch) ? head_by_mask(ch, va) : head_by_pointer(ch, va);
}

/* 2.6.x: no value names the head (page.first_page does). */
static uint64_t head_by_flags(uint64_t ch, uint64_t va)
{
	(void)ch; (void)va;
	return 0;
}

const struct kp_compound_rule kp_compound_rule_pointer = { "pointer", head_by_pointer };
const struct kp_compound_rule kp_compound_rule_mask = { "mask", head_by_mask };
const struct kp_compound_rule kp_compound_rule_by_value = { "by value", head_by_value };
const struct kp_compound_rule kp_compound_rule_flags = { "flags", head_by_flags };
