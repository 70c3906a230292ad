/* libFuzzer: any bytes as two struct pages, under every era's rules (the
 * first input byte picks the rules), decode without a crash, and the
 * decoded record keeps its invariants. */
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "scan.h"

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
	l->hugetlb_dtor = 2;
	l->zones_width = 3; l->nodes_width = 10; l->nodes_shift_pos = 54; l->zones_shift = 51;
	switch (sel % 4) {
	case 0:   /* 2.6: PG_buddy flag, PG_tail + first_page, order in lru.prev */
		l->buddy_rule = KP_BUDDY_FLAG; l->pg_buddy = 19; l->pg_tail = 15; l->pg_head = 14;
		l->pg_first_page = F(16, 8); l->order_rule = KP_ORDER_LRU_PREV;
		break;
	case 1:   /* 3.x - 4.17 */
		l->buddy_rule = KP_BUDDY_MAPCOUNT; l->buddy_mapcount = -128;
		l->pg_compound_head = F(8, 8); l->pg_compound_order = F(17, 1);
		l->order_rule = KP_ORDER_MEMBER;
		break;
	case 2:   /* 4.18 - 6.11 */
		l->buddy_rule = KP_BUDDY_TYPE_BITS; l->pg_page_type = F(48, 4);
		l->type_base = 0xf0000000; l->type_buddy = 0x80; l->type_offline = 0x100;
		l->type_table = 0x200; l->type_guard = 0x400;
		l->pg_compound_head = F(8, 8); l->pg_compound_order = F(17, 1);
		l->pg_compound_dtor = F(16, 1); l->order_rule = KP_ORDER_MEMBER;
		break;
	default:  /* 6.12+ */
		l->buddy_rule = KP_BUDDY_TYPE_BYTE; l->pg_page_type = F(48, 4);
		l->type_buddy = 0xf0; l->type_offline = 0xf1; l->type_table = 0xf2;
		l->type_guard = 0xf3; l->type_hugetlb = 0xf4; l->type_slab = 0xf5;
		l->type_zsmalloc = 0xf6; l->type_unaccepted = 0xf7; l->type_large_kmalloc = 0xf8;
		l->pg_compound_head = F(8, 8); l->order_rule = KP_ORDER_FLAGS_1;
		break;
	}
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char raw[128] = { 0 };
	struct kp_layout l;
	struct kp_page p;
	char names[1024];

	if (size < 1)
		return 0;
	layout_for(data[0], &l);
	memcpy(raw, data + 1, size - 1 < sizeof(raw) ? size - 1 : sizeof(raw));
	kp_page_decode(&l, raw, size > 65 ? raw + 64 : NULL, 42, &p);
	kp_page_flag_names(&l, &p, names, sizeof(names));
	if (strlen(names) >= sizeof(names) || p.pfn != 42 || p.type >= KP_TYPE__COUNT ||
	    p.order < -1 || p.order > 63 || p.node >= (1u << 10) || p.zone >= 8)
		abort();
	if (kp_page_class(&l, &p) >= KP_CLASS__COUNT || kp_page_mapcount(&p) < -127)
		abort();
	/* The scans' decoder (loads unrolled) says the same. */
	struct kp_decoder d;
	struct kp_page q;
	kp_decoder_init(&d, &l);
	kp_decoder_page(&d, raw, size > 65 ? raw + 64 : NULL, 42, &q);
	if (q.flags != p.flags || q.refcount != p.refcount || q.mapcount_raw != p.mapcount_raw ||
	    q.page_type_raw != p.page_type_raw || q.private_ != p.private_ || q.mapping != p.mapping ||
	    q.index != p.index || q.compound_head_addr != p.compound_head_addr || q.node != p.node ||
	    q.zone != p.zone || q.type != p.type || q.compound != p.compound ||
	    q.mapping_kind != p.mapping_kind || q.order != p.order || q.hugetlb != p.hugetlb)
		abort();
	return 0;
}
