/* Unit tests of libkpage's pure parts: VMCOREINFO parsing, the page decoder
 * under each era's buddy/order rule, and the JSON writer. Prints "ok NAME" or
 * "FAIL NAME why" per check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "output.h"
#include "target.h"
#include "types.h"
#include "layout.h"
#include "page_decode.h"
#include "layout_facts.h"

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

/* The OFFSET() keys VMCOREINFO types are read from, with their widths, come
 * from the facts table (layout_facts.c): exactly these, each with the C
 * width of its member; others VMCOREINFO may carry (page.index) stay absent. */
static void test_vmci_widths(void)
{
	static const struct { const char *type, *member; uint32_t off, size, count, elem; } want[] = {
		{ "page", "flags", 0, 8, 0, 0 }, { "page", "_refcount", 52, 4, 0, 0 },
		{ "page", "_count", 48, 4, 0, 0 }, { "page", "mapping", 24, 8, 0, 0 },
		{ "page", "lru", 8, 16, 0, 0 }, { "page", "_mapcount", 56, 4, 0, 0 },
		{ "page", "private", 40, 8, 0, 0 }, { "page", "compound_dtor", 16, 1, 0, 0 },
		{ "page", "compound_order", 17, 1, 0, 0 }, { "page", "compound_head", 8, 8, 0, 0 },
		{ "page", "compound_info", 32, 8, 0, 0 },
		{ "pglist_data", "node_zones", 0, 6400, 4, 1600 },
		{ "pglist_data", "nr_zones", 6400, 4, 0, 0 },
		{ "pglist_data", "node_mem_map", 6408, 8, 0, 0 },
		{ "pglist_data", "node_start_pfn", 6416, 8, 0, 0 },
		{ "pglist_data", "node_spanned_pages", 6424, 8, 0, 0 },
		{ "pglist_data", "node_id", 6432, 4, 0, 0 },
		{ "zone", "free_area", 192, 968, 11, 88 }, { "zone", "vm_stat", 1200, 80, 10, 8 },
		{ "zone", "spanned_pages", 96, 8, 0, 0 }, { "free_area", "free_list", 0, 80, 5, 16 },
		{ "list_head", "next", 0, 8, 0, 0 }, { "list_head", "prev", 8, 8, 0, 0 },
		{ "mem_section", "section_mem_map", 0, 8, 0, 0 },
	};
	static const char *const not_read[][2] = {
		{ "page", "index" }, { "page", "buddy_list" }, { "zone", "name" },
	};
	char vmci[4096] = "PAGESIZE=4096\nSIZE(page)=64\nSIZE(pglist_data)=8000\nSIZE(zone)=1600\n"
			  "SIZE(free_area)=88\nSIZE(list_head)=16\nSIZE(mem_section)=16\n"
			  "OFFSET(page.index)=24\nOFFSET(page.buddy_list)=8\nOFFSET(zone.name)=0\n";
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		size_t n = strlen(vmci);
		snprintf(vmci + n, sizeof(vmci) - n, "OFFSET(%s.%s)=%u\n", want[i].type, want[i].member,
			 want[i].off);
		n = strlen(vmci);
		if (want[i].count)
			snprintf(vmci + n, sizeof(vmci) - n, "LENGTH(%s.%s)=%u\n", want[i].type,
				 want[i].member, want[i].count);
	}
	struct kp_types *ty;
	kp_error *err = kp_layout_vmcoreinfo_types(vmci, "unit", &ty);
	CHECK("vmci_widths_open", !err);
	if (err) {
		kp_error_free(err);
		return;
	}
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		char type[64], name[96];
		struct kp_field f;
		snprintf(type, sizeof(type), "struct %s", want[i].type);
		snprintf(name, sizeof(name), "vmci_width_%s.%s", want[i].type, want[i].member);
		err = kp_types_field(ty, type, want[i].member, &f);
		CHECK(name, !err && f.present && f.offset == want[i].off && f.size == want[i].size &&
		      f.count == want[i].count && f.elem_size == want[i].elem);
		kp_error_free(err);
	}
	for (size_t i = 0; i < sizeof(not_read) / sizeof(not_read[0]); i++) {
		char type[64], name[96];
		struct kp_field f;
		snprintf(type, sizeof(type), "struct %s", not_read[i][0]);
		snprintf(name, sizeof(name), "vmci_not_read_%s.%s", not_read[i][0], not_read[i][1]);
		err = kp_types_field(ty, type, not_read[i][1], &f);
		CHECK(name, !err && !f.present);
		kp_error_free(err);
	}
	kp_types_close(ty);
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
	l->buddy_rule = &kp_type_rule_bits;
	l->type_base = 0xf0000000; l->type_buddy = 0x80; l->type_offline = 0x100;
	l->type_table = 0x200; l->type_guard = 0x400;
	l->order_rule = &kp_order_rule_member;
	l->compound_rule = &kp_compound_rule_pointer;
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
	l.compound_rule = &kp_compound_rule_mask;
	put(raw, 64 + 8, 0xffffffffffff8001ull, 8);
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0xffffea0000048040ull, &p);
	CHECK("decode_tail_mask", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0xffffea0000048000ull);
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0, &p);
	CHECK("decode_tail_mask_no_address", p.compound == KP_COMPOUND_TAIL &&
	      p.compound_head_addr == 0);
	l.compound_rule = &kp_compound_rule_by_value;
	kp_page_decode(&l, raw + 64, NULL, 0x1201, 0xffffea0000048fc0ull, &p);
	CHECK("decode_tail_by_value_mask", p.compound_head_addr == 0xffffea0000048000ull);
	put(raw, 64 + 8, 0xffffea0000001001ull, 8);
	kp_page_decode(&l, raw + 64, NULL, 0x41, 0xffffea0000001040ull, &p);
	CHECK("decode_tail_by_value_pointer", p.compound_head_addr == 0xffffea0000001000ull);
	l.compound_rule = &kp_compound_rule_pointer;

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
		l.order_rule = &kp_order_rule_flags_1;
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
		l.order_rule = &kp_order_rule_member;
		l.pg_large_rmappable = -1;
		memset(l.flag_name, 0, sizeof(l.flag_name));
	}

	/* 6.12+: the type in the top byte */
	l.buddy_rule = &kp_type_rule_byte;
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
	l.buddy_rule = &kp_type_rule_flag; l.pg_buddy = 19; l.pg_tail = 15; l.pg_head = 14;
	l.pg_compound_head.present = false; l.pg_first_page = F(24, 8);
	l.order_rule = &kp_order_rule_lru_prev; l.pg_lru = F(40, 16); l.pg_page_type.present = false;
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
}

/* A layout for random page I of the era rules it cycles through: each
 * PageBuddy() rule with its own constants, each compound rule (pointer,
 * mask, PG_tail with first_page), each order rule. */
static void random_layout(struct kp_layout *l, int i)
{
	layout_61(l);
	static const char *const names[24] = { [0] = "locked", [9] = "slab", [10] = "reserved",
					       [16] = "head", [19] = "swapbacked" };
	memcpy(l->flag_name, names, sizeof(names));
	static const struct kp_type_rule *const type_rules[] = {
		&kp_type_rule_flag, &kp_type_rule_mapcount, &kp_type_rule_bits, &kp_type_rule_byte,
	};
	static const struct kp_order_rule *const order_rules[] = {
		&kp_order_rule_lru_prev, &kp_order_rule_member, &kp_order_rule_flags_1,
	};
	l->buddy_rule = type_rules[i % 4];
	if (l->buddy_rule == &kp_type_rule_flag)
		l->pg_buddy = 19;
	l->buddy_mapcount = -128;
	if (l->buddy_rule == &kp_type_rule_byte) {
		l->type_buddy = 0xf0; l->type_offline = 0xf1; l->type_table = 0xf2;
		l->type_guard = 0xf3; l->type_hugetlb = 0xf4; l->type_slab = 0xf5;
	}
	static const struct kp_compound_rule *const compound_rules[] = {
		&kp_compound_rule_pointer, &kp_compound_rule_mask, &kp_compound_rule_by_value,
	};
	l->compound_rule = compound_rules[i / 4 % 3];
	if (l->compound_rule == &kp_compound_rule_by_value) {   /* here: the 2.6 flags */
		l->compound_rule = &kp_compound_rule_flags;
		l->pg_compound_head.present = false;
		l->pg_tail = 15; l->pg_first_page = F(24, 8);
	}
	l->order_rule = order_rules[i / 12 % 3];
	l->mapping_movable_bit = i % 5 != 0;
}

/* Whether PageBuddy() holds for RAW under L's rule, as the kernel of that
 * era tests it (the record must say buddy exactly then). */
static bool kernel_page_buddy(const struct kp_layout *l, const uint8_t *raw)
{
	uint32_t pt = (uint32_t)kp_load(raw + 48, 4);
	if (l->buddy_rule == &kp_type_rule_flag)
		return kp_load(raw, 8) >> 19 & 1;
	if (l->buddy_rule == &kp_type_rule_mapcount)
		return (int32_t)pt == -128;
	if (l->buddy_rule == &kp_type_rule_bits)
		return (pt & 0xf0000080u) == 0xf0000000u;
	return pt >> 24 == 0xf0;
}

/* The first invariant of the decoded record P of RAW (page I) that fails,
 * or NULL: every field read as stored, enums in range, a free page has no
 * compound or mapping state, only heads (and free pages) have an order,
 * mapping kinds as the low bits of the mapping say. */
static const char *record_broken(const struct kp_layout *l, const uint8_t *raw,
				 const struct kp_page *p, uint64_t i)
{
	bool buddy = p->type == KP_TYPE_BUDDY;
	if (p->pfn != i || !p->in_dump || p->head_pfn)
		return "pfn, in_dump, head_pfn";
	if (p->flags != kp_load(raw, 8) || p->refcount != (int32_t)kp_load(raw + 52, 4) ||
	    p->mapcount_raw != (int32_t)kp_load(raw + 48, 4) || p->private_ != kp_load(raw + 40, 8) ||
	    p->mapping != kp_load(raw + 24, 8) || p->index != kp_load(raw + 32, 8))
		return "a field not as stored";
	if (p->node != (p->flags >> 54 & 1023) || p->zone != (p->flags >> 52 & 3))
		return "node or zone not from the flags";
	if ((unsigned)p->type >= KP_TYPE__COUNT || (unsigned)p->compound > KP_COMPOUND_TAIL ||
	    (unsigned)p->mapping_kind > KP_MAP_FILE || p->order < -1 || p->order > 63)
		return "an enum or the order out of range";
	if (buddy != kernel_page_buddy(l, raw))
		return "buddy where PageBuddy() says not, or not where it says so";
	if (buddy && (p->compound != KP_COMPOUND_NONE || p->mapping_kind != KP_MAP_NONE ||
		      p->hugetlb || p->order != (p->private_ < 64 ? (int)p->private_ : -1)))
		return "a free page with compound or mapping state, or its order not private";
	if (!buddy && p->compound != KP_COMPOUND_HEAD && p->order != -1)
		return "an order on a page that is neither free nor a head";
	if ((p->compound == KP_COMPOUND_TAIL) != (p->compound_head_addr != 0) &&
	    !(p->compound == KP_COMPOUND_TAIL && l->compound_rule == &kp_compound_rule_mask))
		return "a head address without a tail, or a tail without one";
	if (p->hugetlb && p->type != KP_TYPE_HUGETLB && p->compound != KP_COMPOUND_HEAD)
		return "hugetlb on a page that is no hugetlb head";
	if (p->type == KP_TYPE_SLAB && !(p->flags >> 9 & 1) &&
	    !(l->buddy_rule == &kp_type_rule_byte && p->page_type_raw >> 24 == 0xf5))
		return "slab without PG_slab or the slab type";
	static const enum kp_mapping_kind by_low_bits[2][4] = {
		{ KP_MAP_FILE, KP_MAP_ANON, KP_MAP_NONE, KP_MAP_KSM },
		{ KP_MAP_FILE, KP_MAP_ANON, KP_MAP_MOVABLE, KP_MAP_KSM } };
	bool mapped = p->mapping && p->compound != KP_COMPOUND_TAIL &&
		      (p->type == KP_TYPE_NONE || p->type == KP_TYPE_HUGETLB);
	enum kp_mapping_kind want = mapped ? by_low_bits[l->mapping_movable_bit][p->mapping & 3]
					   : KP_MAP_NONE;
	if (p->mapping_kind != want)
		return "the mapping kind not the mapping's low bits";
	if (p->type != KP_TYPE_UNKNOWN && !strcmp(kp_page_type_name(p->type), "unknown"))
		return "a known type without a name";
	return NULL;
}

/* The first invariant of P's flag names that fails, or NULL: one name per
 * set flag below nr_pageflags, each the flag's own name, bitN of a set bit
 * N or one of its aliases; into a short buffer, cut but never past it. */
static const char *flag_names_broken(const struct kp_layout *l, const struct kp_page *p,
				     size_t short_len)
{
	static const char *const aliases[] = { "swapcache", "reported", "isolated",
					       "anon_exclusive" };
	char names[512], *save = NULL;
	kp_page_flag_names(l, p, names, sizeof(names));
	int want = __builtin_popcountll(p->flags & ((1ull << l->nr_pageflags) - 1)), got = 0;
	for (char *t = strtok_r(names, ",", &save); t; t = strtok_r(NULL, ",", &save), got++) {
		int bit = -1, known = 0;
		if (sscanf(t, "bit%d", &bit) == 1)
			known = bit >= 0 && bit < 64 && !l->flag_name[bit] && (p->flags >> bit & 1);
		for (int b = 0; b < l->nr_pageflags && !known; b++)
			known = l->flag_name[b] && !strcmp(t, l->flag_name[b]) && (p->flags >> b & 1);
		for (size_t a = 0; a < sizeof(aliases) / sizeof(*aliases) && !known; a++)
			known = !strcmp(t, aliases[a]);
		if (!known)
			return "a name of no set flag";
	}
	if (got != want)
		return "not one name per set flag";
	memset(names, 0x55, sizeof(names));
	kp_page_flag_names(l, p, names, short_len);
	if (strnlen(names, short_len) >= short_len)
		return "names not ended within a short buffer";
	for (size_t k = short_len; k < sizeof(names); k++)
		if (names[k] != 0x55)
			return "names written past a short buffer";
	return NULL;
}

/* Random bytes under every era's rules: the record keeps its invariants,
 * and the scans' decoder (the layout checked once, loads unrolled) says
 * what kp_page_decode says. */
static void test_decode_random(void)
{
	struct kp_layout l;
	struct kp_page p, q;
	uint8_t raw[128];
	int differ = 0, broken = 0, buddies = 0, heads = 0, tails = 0;
	const char *why = NULL;
	srand(1);
	for (int i = 0; i < 100000; i++) {
		struct kp_decoder d;
		for (size_t j = 0; j < sizeof(raw); j++)
			raw[j] = (uint8_t)rand();
		/* typed pages too: a quarter with the type base, some with
		 * the 2.6 buddy _mapcount */
		if (i % 4 == 0)
			put(raw, 48, 0xf0000000u | (uint32_t)rand(), 4);
		if (i % 8 == 1)
			put(raw, 48, 0xffffff80u, 4);
		random_layout(&l, i);
		uint64_t va = 0xffffea0000000000ull + (uint64_t)i * 64;
		kp_page_decode(&l, raw, raw + 64, (uint64_t)i, va, &p);
		kp_decoder_init(&d, &l);
		kp_decoder_page(&d, raw, raw + 64, (uint64_t)i, va, &q);
		differ += !d.fast || !same_page(&p, &q);
		const char *w = record_broken(&l, raw, &p, (uint64_t)i);
		if (!w)
			w = flag_names_broken(&l, &p, 1 + (size_t)i % 48);
		if (w && !broken++)
			why = w, printf("# page %d: %s\n", i, w);
		buddies += p.type == KP_TYPE_BUDDY;
		heads += p.compound == KP_COMPOUND_HEAD;
		tails += p.compound == KP_COMPOUND_TAIL;
	}
	printf("# random pages: %d free, %d heads, %d tails, %d broken%s%s\n", buddies, heads,
	       tails, broken, why ? ": " : "", why ? why : "");
	CHECK("decode_random_bytes", broken == 0);
	/* every kind of record was made (else the invariants tested little) */
	CHECK("decode_random_bytes_cover", buddies > 1000 && heads > 1000 && tails > 1000);
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
	test_vmci_widths();
	test_decode();
	test_decode_random();
	test_json();
	return failures ? 1 : 0;
}
