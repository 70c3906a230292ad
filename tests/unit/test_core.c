/* Unit tests of libkpage's pure parts: VMCOREINFO parsing, the page decoder
 * under each era's buddy/order rule, and the JSON writer. Prints "ok NAME" or
 * "FAIL NAME why" per check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "output.h"

static int failures;

#define CHECK(name, cond) do { \
	if (cond) printf("ok %s\n", name); \
	else { printf("FAIL %s %s:%d: %s\n", name, __FILE__, __LINE__, #cond); failures++; } \
} while (0)

static void test_vmcoreinfo(void)
{
	const char *v = "OSRELEASE=6.1.0-56-cloud-amd64\nPAGESIZE=4096\n"
			"NUMBER(phys_base)=-262144000\nKERNELOFFSET=19c00000\n"
			"SYMBOL(init_top_pgt)=ffffffff9c610000\nNUMBER(bad)=12x\nEMPTY=\nLAST=7";
	char buf[64];
	int64_t n;
	uint64_t h;
	CHECK("vmcoreinfo_get", kp_vmcoreinfo_get(v, "OSRELEASE", buf, sizeof(buf)) &&
	      !strcmp(buf, "6.1.0-56-cloud-amd64"));
	CHECK("vmcoreinfo_prefix_is_not_a_match", !kp_vmcoreinfo_get(v, "OSREL", buf, sizeof(buf)));
	CHECK("vmcoreinfo_negative_number", kp_vmcoreinfo_number(v, "NUMBER(phys_base)", &n) &&
	      n == -262144000);
	CHECK("vmcoreinfo_hex", kp_vmcoreinfo_hex(v, "KERNELOFFSET", &h) && h == 0x19c00000);
	CHECK("vmcoreinfo_symbol", kp_vmcoreinfo_hex(v, "SYMBOL(init_top_pgt)", &h) &&
	      h == 0xffffffff9c610000ull);
	CHECK("vmcoreinfo_garbage_number", !kp_vmcoreinfo_number(v, "NUMBER(bad)", &n));
	CHECK("vmcoreinfo_empty_value", !kp_vmcoreinfo_number(v, "EMPTY", &n));
	CHECK("vmcoreinfo_last_line_without_newline", kp_vmcoreinfo_number(v, "LAST", &n) && n == 7);
	CHECK("vmcoreinfo_null_text", !kp_vmcoreinfo_get(NULL, "LAST", buf, sizeof(buf)));
	CHECK("vmcoreinfo_truncates", kp_vmcoreinfo_get(v, "OSRELEASE", buf, 4) && !strcmp(buf, "6.1"));
}

static struct kp_field F(uint32_t off, uint32_t size)
{
	return (struct kp_field){ .present = true, .offset = off, .size = size };
}

/* A 6.1-like layout: 64-byte struct page. */
static void layout_61(struct kp_layout *l)
{
	memset(l, 0, sizeof(*l));
	l->page_size = 64;
	l->pg_flags = F(0, 8); l->pg_lru = F(8, 16); l->pg_list = F(8, 16);
	l->pg_mapping = F(24, 8); l->pg_index = F(32, 8); l->pg_private = F(40, 8);
	l->pg_compound_head = F(8, 8); l->pg_compound_order = F(17, 1);
	l->pg_compound_dtor = F(16, 1);
	l->pg_mapcount = F(48, 4); l->pg_page_type = F(48, 4); l->pg_refcount = F(52, 4);
	l->lh_next = F(0, 8); l->lh_prev = F(8, 8);
	l->nr_pageflags = 24;
	l->pg_head = 16; l->pg_slab = 9; l->pg_reserved = 10; l->pg_buddy = -1; l->pg_tail = -1;
	l->pg_compound = -1; l->pg_swapbacked = 19; l->pg_swapcache = 8; l->pg_reclaim = 18;
	l->pg_reported = 3; l->pg_anon_exclusive = 17;
	l->pg_movable_ops = l->pg_movable_ops_isolated = -1;
	l->pg_has_hwpoisoned = l->pg_large_rmappable = l->pg_partially_mapped = -1;
	l->mapping_movable_bit = true;
	l->buddy_rule = KP_BUDDY_TYPE_BITS;
	l->type_base = 0xf0000000; l->type_buddy = 0x80; l->type_offline = 0x100;
	l->type_table = 0x200; l->type_guard = 0x400;
	l->order_rule = KP_ORDER_MEMBER;
	l->hugetlb_dtor = 2;
	l->zones_width = 2; l->nodes_width = 10; l->nodes_shift_pos = 54; l->zones_shift = 52;
}

static void put(uint8_t *raw, uint32_t off, uint64_t v, int size)
{
	for (int i = 0; i < size; i++)
		raw[off + i] = (uint8_t)(v >> (8 * i));
}

static bool same_page(const struct kp_page *a, const struct kp_page *b)
{
	return a->pfn == b->pfn && a->flags == b->flags && a->refcount == b->refcount &&
	       a->mapcount_raw == b->mapcount_raw && a->page_type_raw == b->page_type_raw &&
	       a->private_ == b->private_ && a->mapping == b->mapping && a->index == b->index &&
	       a->compound_head_addr == b->compound_head_addr && a->head_pfn == b->head_pfn &&
	       a->node == b->node && a->zone == b->zone && a->type == b->type &&
	       a->compound == b->compound && a->mapping_kind == b->mapping_kind &&
	       a->order == b->order && a->hugetlb == b->hugetlb && a->in_dump == b->in_dump;
}

static void test_decode(void)
{
	struct kp_layout l;
	struct kp_page p;
	uint8_t raw[128];

	layout_61(&l);
	memset(raw, 0, sizeof(raw));
	put(raw, 0, (3ull << 54) | (1ull << 52), 8);    /* node 3, zone 1 */
	put(raw, 48, 0xffffff7f, 4);                     /* buddy */
	put(raw, 40, 4, 8);
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_buddy_bits", p.type == KP_TYPE_BUDDY && p.order == 4);
	CHECK("decode_node_zone", p.node == 3 && p.zone == 1 && p.pfn == 7);

	put(raw, 48, 0xffffffff, 4);                     /* _mapcount -1 */
	put(raw, 52, 1, 4);
	put(raw, 24, 0xffff888012345001ull, 8);          /* anon */
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_unmapped_is_not_typed", p.type == KP_TYPE_NONE && p.mapcount_raw == -1);
	CHECK("decode_anon", p.mapping_kind == KP_MAP_ANON && p.refcount == 1);
	put(raw, 24, 0xffff888012345003ull, 8);
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_ksm", p.mapping_kind == KP_MAP_KSM);
	put(raw, 24, 0xffff888012345002ull, 8);
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_movable", p.mapping_kind == KP_MAP_MOVABLE);

	put(raw, 48, 0xfffffdff, 4);                     /* PG_table cleared */
	put(raw, 24, 0, 8);
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_table", p.type == KP_TYPE_TABLE);
	put(raw, 48, 0x000000ff, 4);                     /* a big mapcount is no type */
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_mapcount_not_type", p.type == KP_TYPE_NONE && p.mapcount_raw == 255);

	/* compound head with order and hugetlb dtor in the first tail */
	put(raw, 48, 0xffffffff, 4);
	put(raw, 0, 1ull << 16, 8);
	put(raw, 64 + 8, 0xffffea0000001001ull, 8);
	put(raw, 64 + 16, 2, 1);
	put(raw, 64 + 17, 9, 1);
	kp_page_decode(&l, raw, raw + 64, 7, 0, &p);
	CHECK("decode_head_order", p.compound == KP_COMPOUND_HEAD && p.order == 9 && p.hugetlb);
	kp_page_decode(&l, raw + 64, NULL, 8, 0, &p);
	CHECK("decode_tail", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0xffffea0000001000ull);
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_head_without_next", p.compound == KP_COMPOUND_HEAD && p.order == -1);

	/* 7.1+: compound_info a mask of the tail's own address (order 9 of
	 * 64-byte struct pages: GENMASK(63, 15) | 1), or by the value's form */
	CHECK("compound_info_mask_form", kp_compound_info_is_mask(0xffffffffffff8001ull) &&
	      kp_compound_info_is_mask(0xffffffffffffff81ull) &&
	      !kp_compound_info_is_mask(0xffffffffffffffc1ull) &&
	      !kp_compound_info_is_mask(0xffffea0000001001ull) && !kp_compound_info_is_mask(1) &&
	      !kp_compound_info_is_mask(0xffffffffffff8000ull));
	l.compound_rule = KP_COMPOUND_MASK;
	put(raw, 64 + 8, 0xffffffffffff8001ull, 8);
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0xffffea0000048040ull, &p);
	CHECK("decode_tail_mask", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0xffffea0000048000ull);
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0, &p);
	CHECK("decode_tail_mask_no_address", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0);
	l.compound_rule = KP_COMPOUND_BY_VALUE;
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0xffffea0000048fc0ull, &p);
	CHECK("decode_tail_by_value_mask", p.compound_head_addr == 0xffffea0000048000ull);
	put(raw, 64 + 8, 0xffffea0000001001ull, 8);
	kp_page_decode(&l, raw + 64, NULL, 0x41, 0xffffea0000001040ull, &p);
	CHECK("decode_tail_by_value_pointer", p.compound_head_addr == 0xffffea0000001000ull);
	l.compound_rule = KP_COMPOUND_POINTER;

	/* 6.17+: mapping bit 1 alone is no movable page */
	put(raw, 0, 0, 8);
	put(raw, 64 + 8, 0, 8);
	put(raw, 24, 0xffff888012345002ull, 8);
	l.mapping_movable_bit = false;
	kp_page_decode(&l, raw, NULL, 7, 0, &p);
	CHECK("decode_no_movable_bit", p.mapping_kind == KP_MAP_NONE);
	l.mapping_movable_bit = true;
	put(raw, 24, 0, 8);

	/* a folio's first tail: the low byte of its flags is the order, and its
	 * flags are the folio's (PG_workingset there is large_rmappable) */
	{
		static const char *const nm[24] = { "locked", "error", "referenced", "uptodate",
			[9] = "workingset", [16] = "head" };
		char names[256];
		memcpy(l.flag_name, nm, sizeof(nm));
		l.order_rule = KP_ORDER_FLAGS_1;
		l.pg_large_rmappable = 9;
		memset(raw, 0, sizeof(raw));
		put(raw, 0, 0x09 | 1ull << 9, 8);
		put(raw, 8, 0xffffea0000000001ull, 8);
		put(raw, 48, 0xffffffff, 4);
		kp_page_decode(&l, raw, NULL, 8, 0, &p);
		p.head_pfn = 7;
		kp_page_flag_names(&l, &p, names, sizeof(names));
		CHECK("flags_first_tail", !strcmp(names, "large_rmappable"));
		p.head_pfn = 6;
		kp_page_flag_names(&l, &p, names, sizeof(names));
		CHECK("flags_other_tail", !strcmp(names, "locked,uptodate,workingset"));
		l.order_rule = KP_ORDER_MEMBER;
		l.pg_large_rmappable = -1;
		memset(l.flag_name, 0, sizeof(l.flag_name));
	}

	/* 6.12+: the type in the top byte */
	l.buddy_rule = KP_BUDDY_TYPE_BYTE;
	l.type_buddy = 0xf0; l.type_slab = 0xf5; l.type_table = 0xf2; l.type_offline = 0xf1;
	memset(raw, 0, sizeof(raw));
	put(raw, 48, 0xf0000000, 4);
	put(raw, 40, 10, 8);
	kp_page_decode(&l, raw, NULL, 1, 0, &p);
	CHECK("decode_type_byte_buddy", p.type == KP_TYPE_BUDDY && p.order == 10);
	put(raw, 48, 0xf5000000, 4);
	kp_page_decode(&l, raw, NULL, 1, 0, &p);
	CHECK("decode_type_byte_slab", p.type == KP_TYPE_SLAB);
	put(raw, 48, 0xffffffff, 4);
	kp_page_decode(&l, raw, NULL, 1, 0, &p);
	CHECK("decode_type_byte_none", p.type == KP_TYPE_NONE);
	put(raw, 48, 0xfa000000, 4);
	kp_page_decode(&l, raw, NULL, 1, 0, &p);
	CHECK("decode_type_byte_unknown", p.type == KP_TYPE_UNKNOWN);

	/* 2.6: PG_buddy flag, PG_tail and first_page, order in page[1].lru.prev */
	layout_61(&l);
	l.buddy_rule = KP_BUDDY_FLAG; l.pg_buddy = 19; l.pg_tail = 15; l.pg_head = 14;
	l.pg_compound_head.present = false; l.pg_first_page = F(24, 8);
	l.order_rule = KP_ORDER_LRU_PREV; l.pg_lru = F(40, 16); l.pg_page_type.present = false;
	memset(raw, 0, sizeof(raw));
	put(raw, 0, 1ull << 19, 8);
	put(raw, 16, 3, 8);
	l.pg_private = F(16, 8);
	kp_page_decode(&l, raw, NULL, 2, 0, &p);
	CHECK("decode_pg_buddy_flag", p.type == KP_TYPE_BUDDY && p.order == 3);
	put(raw, 0, 1ull << 14, 8);
	put(raw, 64, 1ull << 15, 8);
	put(raw, 64 + 24, 0xffffe20000000080ull, 8);
	put(raw, 64 + 40 + 8, 5, 8);
	kp_page_decode(&l, raw, raw + 64, 2, 0, &p);
	CHECK("decode_old_head_order", p.compound == KP_COMPOUND_HEAD && p.order == 5);
	kp_page_decode(&l, raw + 64, NULL, 3, 0, &p);
	CHECK("decode_old_tail", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0xffffe20000000080ull);

	/* random bytes never crash the decoder, and the scans' decoder (the
	 * layout checked once, loads unrolled) says what it says */
	srand(1);
	int differ = 0;
	for (int i = 0; i < 100000; i++) {
		struct kp_decoder d;
		struct kp_page q;
		for (size_t j = 0; j < sizeof(raw); j++)
			raw[j] = (uint8_t)rand();
		/* page_type bits set in a quarter of the pages: typed pages too */
		if (i % 4 == 0)
			put(raw, 48, 0xf0000000u | (uint32_t)rand(), 4);
		l.buddy_rule = (enum kp_buddy_rule)(i % 4);
		l.order_rule = (enum kp_order_rule)(i % 3);
		l.compound_rule = (enum kp_compound_rule)(i % 3);
		l.mapping_movable_bit = i % 5 != 0;
		uint64_t va = 0xffffea0000000000ull + (uint64_t)i * 64;
		kp_page_decode(&l, raw, raw + 64, (uint64_t)i, va, &p);
		kp_decoder_init(&d, &l);
		kp_decoder_page(&d, raw, raw + 64, (uint64_t)i, va, &q);
		differ += !d.fast || !same_page(&p, &q);
		char names[512];
		kp_page_flag_names(&l, &p, names, sizeof(names));
	}
	CHECK("decode_random_bytes", 1);
	CHECK("decoder_equals_decode", differ == 0);
}

static void test_json(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct kp_out o;
	kp_out_init(&o, f, true);
	kp_json_object_begin(&o);
	kp_json_kstr(&o, "a", "q\"\\\n");
	kp_json_key(&o, "l");
	kp_json_array_begin(&o);
	kp_json_int(&o, -1);
	kp_json_uint(&o, 2);
	kp_json_array_end(&o);
	kp_json_khex(&o, "h", 255);
	kp_json_object_end(&o);
	fclose(f);
	CHECK("json_writer", !strcmp(buf, "{\"a\":\"q\\\"\\\\\\u000a\",\"l\":[-1,2],\"h\":\"0xff\"}\n"));
	free(buf);
}

int main(void)
{
	test_vmcoreinfo();
	test_decode();
	test_json();
	return failures ? 1 : 0;
}
