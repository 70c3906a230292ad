/* Page decoding: raw struct page bytes + layout -> a decoded record. A pure
 * function (no I/O), so it can be tested and fuzzed on arbitrary bytes. The
 * rule for each fact was chosen at start-up by what the DWARF contains
 * (the era rules: layout_rules.c). */
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "types.h"
#include "layout.h"
#include "page_decode.h"

static const char *const type_names[KP_TYPE__COUNT] = {
	[KP_TYPE_NONE] = "none", [KP_TYPE_BUDDY] = "buddy", [KP_TYPE_OFFLINE] = "offline",
	[KP_TYPE_TABLE] = "table", [KP_TYPE_GUARD] = "guard", [KP_TYPE_SLAB] = "slab",
	[KP_TYPE_HUGETLB] = "hugetlb", [KP_TYPE_ZSMALLOC] = "zsmalloc",
	[KP_TYPE_UNACCEPTED] = "unaccepted", [KP_TYPE_LARGE_KMALLOC] = "large_kmalloc",
	[KP_TYPE_UNKNOWN] = "unknown",
};

const char *kp_page_type_name(enum kp_page_type t)
{
	return t < KP_TYPE__COUNT ? type_names[t] : "unknown";
}

int64_t kp_page_mapcount(const struct kp_page *p)
{
	/* As page_mapcount(): a typed page (or one whose _mapcount is below
	 * PAGE_MAPCOUNT_RESERVE) is mapped 0 times. */
	int64_t m = (int64_t)p->mapcount_raw + 1;
	return p->type != KP_TYPE_NONE || m < -127 ? 0 : m;
}

bool kp_page_flag(const struct kp_layout *l, const struct kp_page *p, int bit)
{
	(void)l;
	return bit >= 0 && bit < 64 && (p->flags >> bit) & 1;
}


/* CH: compound_head's (compound_info's) value, when the layout has it; VA
 * the struct page's address. */
static void decode_compound(const struct kp_layout *l, const uint8_t *raw,
			    const uint8_t *next, struct kp_page *p, uint64_t ch, uint64_t va)
{
	if (l->pg_compound_head.present) {
		if (ch & 1) {
			p->compound = KP_COMPOUND_TAIL;
			p->compound_head_addr = l->compound_rule->head_of(ch, va);
			return;
		}
	} else if (kp_page_flag(l, p, l->pg_tail) ||
		   (kp_page_flag(l, p, l->pg_compound) && kp_page_flag(l, p, l->pg_reclaim))) {
		/* 2.6.x: PG_tail (or PG_compound|PG_reclaim), head in first_page */
		p->compound = KP_COMPOUND_TAIL;
		p->compound_head_addr = kp_field_load(raw, &l->pg_first_page);
		return;
	}
	if (!kp_page_flag(l, p, l->pg_head) && !kp_page_flag(l, p, l->pg_compound))
		return;
	p->compound = KP_COMPOUND_HEAD;
	if (!next)
		return;
	p->order = l->order_rule->order_of(l, next);
	if (p->order < 0 || p->order > 63)
		p->order = -1;
	if (l->hugetlb_dtor >= 0 && l->pg_compound_dtor.present &&
	    (int64_t)kp_field_load(next, &l->pg_compound_dtor) == l->hugetlb_dtor)
		p->hugetlb = true;
}

/* The record before any field is read: every field set, no memset (this
 * runs for every page). */
static inline void decode_init(struct kp_page *p, uint64_t pfn)
{
	p->pfn = pfn;
	p->in_dump = true;
	p->order = -1;
	p->compound_head_addr = 0;
	p->head_pfn = 0;
	p->node = p->zone = 0;
	p->type = KP_TYPE_NONE;
	p->compound = KP_COMPOUND_NONE;
	p->mapping_kind = KP_MAP_NONE;
	p->hugetlb = false;
}

/* Everything after the loads: CH is compound_head's value, VA the struct
 * page's address, TYPE_ALL every page_type bit of the era (0: unknown),
 * [TYPED_LO, TYPED_HI] the page_type values that can hold a type. */
static inline void decode_rest(const struct kp_layout *l, const uint8_t *raw, const uint8_t *next,
			       struct kp_page *p, uint64_t ch, uint64_t va, uint32_t type_all,
			       uint32_t typed_lo, uint32_t typed_hi)
{
	if (l->nodes_width)
		p->node = (uint32_t)((p->flags >> l->nodes_shift_pos) & ((1ull << l->nodes_width) - 1));
	if (l->zones_width)
		p->zone = (uint32_t)((p->flags >> l->zones_shift) & ((1ull << l->zones_width) - 1));

	/* Most pages hold no type: their page_type value is outside the
	 * rule's typed range [TYPED_LO, TYPED_HI], and the rule is not called
	 * (the scan's inner loop). */
	if (p->page_type_raw >= typed_lo && p->page_type_raw <= typed_hi)
		p->type = l->buddy_rule->type_of(l, p, type_all);
	if (p->type == KP_TYPE_NONE && kp_page_flag(l, p, l->pg_slab))
		p->type = KP_TYPE_SLAB;
	if (p->type == KP_TYPE_BUDDY) {
		p->order = p->private_ < 64 ? (int)p->private_ : -1;
		return;   /* a free page: the other fields are stale */
	}
	decode_compound(l, raw, next, p, ch, va);
	if (p->type == KP_TYPE_HUGETLB)
		p->hugetlb = true;
	/* A hugetlb folio (a page type from 6.9) keeps its mapping: anon_vma
	 * or the hugetlbfs file. */
	if (p->compound == KP_COMPOUND_TAIL || (p->type != KP_TYPE_NONE && p->type != KP_TYPE_HUGETLB) ||
	    !p->mapping)
		return;
	switch (p->mapping & 3) {
	case 0: p->mapping_kind = KP_MAP_FILE; break;
	case 1:   /* 2.6.32: a KSM page is anon without an anon_vma */
		p->mapping_kind = l->mapping_ksm == KP_KSM_ANON_ONLY && p->mapping == 1 ?
			KP_MAP_KSM : KP_MAP_ANON;
		break;
	/* 6.17+: FOLIO_MAPPING_ANON_KSM alone names nothing */
	case 2: p->mapping_kind = l->mapping_movable_bit ? KP_MAP_MOVABLE : KP_MAP_NONE; break;
	case 3: p->mapping_kind = l->mapping_ksm == KP_KSM_BIT ? KP_MAP_KSM : KP_MAP_ANON; break;
	}
}

void kp_page_decode(const struct kp_layout *l, const uint8_t *raw, const uint8_t *next,
		    uint64_t pfn, uint64_t page_va, struct kp_page *p)
{
	decode_init(p, pfn);
	p->flags = kp_field_load(raw, &l->pg_flags);
	p->refcount = kp_load_signed(raw + l->pg_refcount.offset, 4);
	p->mapcount_raw = (int32_t)kp_load_signed(raw + l->pg_mapcount.offset, 4);
	p->page_type_raw = l->pg_page_type.present ?
		(uint32_t)kp_field_load(raw, &l->pg_page_type) : (uint32_t)p->mapcount_raw;
	p->private_ = kp_field_load(raw, &l->pg_private);
	p->mapping = kp_field_load(raw, &l->pg_mapping);
	p->index = kp_field_load(raw, &l->pg_index);
	decode_rest(l, raw, next, p, kp_field_load(raw, &l->pg_compound_head), page_va, 0, 0,
		    UINT32_MAX);
}

static bool plain(const struct kp_field *f, uint32_t size)
{
	return !f->present || (!f->bit_size && f->size == size);
}

void kp_decoder_init(struct kp_decoder *d, const struct kp_layout *l)
{
	memset(d, 0, sizeof(*d));
	d->l = l;
	d->fast = l->pg_flags.present && plain(&l->pg_flags, 8) && plain(&l->pg_page_type, 4) &&
		  plain(&l->pg_private, 8) && plain(&l->pg_mapping, 8) && plain(&l->pg_index, 8) &&
		  plain(&l->pg_compound_head, 8);
	l->buddy_rule->typed_range(l, &d->typed_lo, &d->typed_hi);
	d->type_all = l->type_buddy | l->type_offline | l->type_table | l->type_guard |
		      l->type_slab | l->type_hugetlb | l->type_unaccepted;
	if (d->type_all & l->type_base)
		d->type_all = 0;   /* a type bit inside the base: no shortcut */
}

/* The same as kp_page_decode, the loads of the common layout unrolled. */
void kp_decoder_page(const struct kp_decoder *d, const uint8_t *raw, const uint8_t *next,
		     uint64_t pfn, uint64_t page_va, struct kp_page *p)
{
	const struct kp_layout *l = d->l;
	if (!d->fast) {
		kp_page_decode(l, raw, next, pfn, page_va, p);
		return;
	}
	decode_init(p, pfn);
	p->flags = kp_load(raw + l->pg_flags.offset, 8);
	p->refcount = kp_load_signed(raw + l->pg_refcount.offset, 4);
	p->mapcount_raw = (int32_t)kp_load_signed(raw + l->pg_mapcount.offset, 4);
	p->page_type_raw = l->pg_page_type.present ? (uint32_t)kp_load(raw + l->pg_page_type.offset, 4)
						    : (uint32_t)p->mapcount_raw;
	p->private_ = l->pg_private.present ? kp_load(raw + l->pg_private.offset, 8) : 0;
	p->mapping = l->pg_mapping.present ? kp_load(raw + l->pg_mapping.offset, 8) : 0;
	p->index = l->pg_index.present ? kp_load(raw + l->pg_index.offset, 8) : 0;
	decode_rest(l, raw, next, p, l->pg_compound_head.present ?
		    kp_load(raw + l->pg_compound_head.offset, 8) : 0, page_va, d->type_all,
		    d->typed_lo, d->typed_hi);
}

/* A folio's first tail (the scan named its head): its flags word holds the
 * folio's own flags (folio->_flags_1), the order in its low byte. */
static bool first_tail(const struct kp_layout *l, const struct kp_page *p)
{
	return l->order_rule->folio_flags && p->compound == KP_COMPOUND_TAIL &&
	       p->head_pfn && p->head_pfn + 1 == p->pfn;
}

/* The name of flag BIT for this page: the enum's own name, or an alias that
 * the page's state selects. */
static const char *flag_name_in_context(const struct kp_layout *l, const struct kp_page *p,
					int bit)
{
	if (first_tail(l, p)) {
		if (bit == l->pg_has_hwpoisoned)
			return "has_hwpoisoned";
		if (bit == l->pg_large_rmappable)
			return "large_rmappable";
		if (bit == l->pg_partially_mapped)
			return "partially_mapped";
	}
	/* 6.17+: movable_ops typed pages (page_has_movable_ops()) */
	bool mops = l->pg_movable_ops >= 0 && kp_page_flag(l, p, l->pg_movable_ops) &&
		    (p->type == KP_TYPE_OFFLINE || p->type == KP_TYPE_ZSMALLOC);
	if (mops && bit == l->pg_movable_ops)
		return "movable_ops";
	if (mops && bit == l->pg_movable_ops_isolated)
		return "movable_ops_isolated";
	if (bit == l->pg_swapcache && bit != l->pg_swapbacked &&
	    kp_page_flag(l, p, l->pg_swapbacked))
		return "swapcache";
	if (bit == l->pg_reported && p->type == KP_TYPE_BUDDY)
		return "reported";
	if (bit == l->pg_reclaim && p->mapping_kind == KP_MAP_MOVABLE)
		return "isolated";
	if (bit == l->pg_anon_exclusive && p->mapping_kind == KP_MAP_ANON)
		return "anon_exclusive";
	return l->flag_name[bit];
}

void kp_page_flag_names(const struct kp_layout *l, const struct kp_page *p, char *buf,
			size_t len)
{
	size_t used = 0;
	/* Without __NR_PAGEFLAGS (VMCOREINFO names a few flags only), the
	 * bits below the node/zone fields that have no name are flags, CPU
	 * ids or tags: they are shown together as unknown, not as flags. */
	int n = l->nr_pageflags ? l->nr_pageflags : (int)l->zones_shift;
	uint64_t unknown = 0;
	/* a first tail's low byte is the folio order, no flags */
	int from = first_tail(l, p) ? 8 : 0;

	buf[0] = '\0';
	for (int bit = from; bit <= n && bit < KP_MAX_FLAGS; bit++) {
		char tmp[40];
		const char *name;
		if (bit == n) {
			if (l->nr_pageflags || !unknown)
				break;
			snprintf(tmp, sizeof(tmp), "unknown:0x%llx", (unsigned long long)unknown);
			name = tmp;
		} else if (!kp_page_flag(l, p, bit)) {
			continue;
		} else if (!(name = flag_name_in_context(l, p, bit))) {
			if (!l->nr_pageflags) {
				unknown |= 1ull << bit;
				continue;
			}
			snprintf(tmp, sizeof(tmp), "bit%d", bit);
			name = tmp;
		}
		int w = snprintf(buf + used, len - used, "%s%s", used ? "," : "", name);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
	}
}
