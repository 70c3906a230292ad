/* The buddy free lists, walked the way the kernel links them and checked
 * against everything else the dump says. Walks are bounded (never more
 * entries than the zone has pages) and detect cycles and repeats with a
 * bitmap of the pfns seen; a bad entry ends that list with an issue, the
 * other lists go on. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buddy_scan.h"
#include "internal.h"
#include "progress.h"
#include "scan.h"
#include "types.h"
#include "layout.h"
#include "page_decode.h"

/* Free list entries the index may hold (16 bytes each, 48 MiB): with a
 * scan, the walk takes its entries from the batch-read mem_map when the
 * lists (nr_free) are no longer than this; else one read per entry. */
#define BUDDY_INDEX_BUDGET (3u << 20)

struct walk {
	struct kp_mm *mm;
	struct kp_free_report *r;
	uint8_t *seen;                  /* bitmap over [0, max_pfn) */
	struct kp_progress *prog;
	struct buddy_index *ix;         /* the scan's PageBuddy pages, or NULL */
	/* cache of one 4 KiB page of struct pages */
	uint64_t cache_va;
	uint8_t cache[KP_PAGE_SIZE];
	bool cache_valid;
};

void kp_buddy_issue(struct kp_free_report *r, const char *fmt, ...)
{
	va_list ap;
	r->total_issues++;
	if (r->nissues >= KP_MAX_ISSUES)
		return;
	char *s = malloc(256);
	if (!s)
		return;
	va_start(ap, fmt);
	vsnprintf(s, 256, fmt, ap);
	va_end(ap);
	r->issues[r->nissues++] = s;
}

void kp_free_report_release(struct kp_free_report *r)
{
	for (size_t i = 0; i < r->nissues; i++)
		free(r->issues[i]);
	free(r->zones);
	memset(r, 0, sizeof(*r));
}

/* Reads the struct page at VA (through the cache when it lies in one page). */
static kp_error *walk_read_page(struct walk *w, uint64_t va, uint8_t *buf)
{
	uint32_t size = w->mm->l->page_size;
	uint64_t page = va & ~(uint64_t)(KP_PAGE_SIZE - 1);
	size_t missing = 0;

	if ((va & (KP_PAGE_SIZE - 1)) + size > KP_PAGE_SIZE) {
		kp_error *err = kp_mm_read(w->mm, va, buf, size, &missing);
		return err ? err : missing ? kp_errorf(KP_EXIT_INPUT, "not in the dump") : NULL;
	}
	if (!w->cache_valid || w->cache_va != page) {
		kp_error *err = kp_mm_read(w->mm, page, w->cache, KP_PAGE_SIZE, &missing);
		if (err)
			return err;
		if (missing)
			return kp_errorf(KP_EXIT_INPUT, "not in the dump");
		w->cache_va = page;
		w->cache_valid = true;
	}
	memcpy(buf, w->cache + (va - page), size);
	return NULL;
}

/* A list entry's struct page: as the scan's index has it (no read), or read. */
static kp_error *walk_entry(struct walk *w, const struct buddy_rec *rec, const struct buddy_seg *seg,
			    uint64_t page_va, uint64_t pfn, struct kp_page *p, uint64_t *prev,
			    uint64_t *next)
{
	const struct kp_layout *l = w->mm->l;
	uint8_t raw[KP_PAGE_STRUCT_MAX];
	kp_error *err;

	if (rec && (rec->flags & BUDDY_REC_IN_DUMP)) {
		p->type = KP_TYPE_BUDDY;
		p->order = rec->order;
		*prev = kp_buddy_index_link(w->mm, seg, rec->prev);
		*next = kp_buddy_index_link(w->mm, seg, rec->next);
		return NULL;
	}
	if ((err = walk_read_page(w, page_va, raw)))
		return err;
	kp_page_decode(l, raw, NULL, pfn, page_va, p);
	*prev = kp_load(raw + l->pg_list.offset + l->lh_prev.offset, 8);
	*next = kp_load(raw + l->pg_list.offset + l->lh_next.offset, 8);
	return NULL;
}

static void walk_list(struct walk *w, struct kp_zone_free *zf, uint32_t order, uint32_t mt,
		      kp_block_fn fn, void *arg)
{
	struct kp_mm *mm = w->mm;
	const struct kp_layout *l = mm->l;
	const struct kp_zone *z = zf->zone;
	uint64_t head = kp_zone_free_list(l, z, order, mt);
	uint64_t link_off = l->pg_list.offset;
	uint64_t next, prev_expected = head, steps = 0;
	const char *zn = z->name;
	kp_error *err = kp_mm_read_u64(mm, head, &next);

	if (err) {
		kp_buddy_issue(w->r, "node %u %s order %u mt %u: list head unreadable: %s", z->node, zn,
		      order, mt, kp_error_message(err));
		kp_error_free(err);
		zf->broken[order][mt] = true;
		return;
	}
	while (next != head) {
		uint64_t pfn, page_va = next - link_off;
		if (++steps > z->spanned + 1) {
			kp_buddy_issue(w->r, "node %u %s order %u mt %u: longer than the zone (a cycle not "
			      "through the head)", z->node, zn, order, mt);
			goto broken;
		}
		if (!kp_mm_page_to_pfn(mm, page_va, z->start_pfn, &pfn)) {
			kp_buddy_issue(w->r, "node %u %s order %u mt %u: entry 0x%llx is outside mem_map or "
			      "inside a struct page", z->node, zn, order, mt, (unsigned long long)next);
			goto broken;
		}
		/* Seen: the record's flag for a page the scan indexed, else the bitmap. */
		const struct buddy_seg *seg = NULL;
		struct buddy_rec *rec = w->ix ? kp_buddy_index_find(w->ix, pfn, &seg) : NULL;
		if (rec ? rec->flags & BUDDY_REC_SEEN : w->seen[pfn / 8] & (1u << (pfn % 8))) {
			kp_buddy_issue(w->r, "node %u %s order %u mt %u: pfn %llu seen before (a cycle, or on "
			      "two lists)", z->node, zn, order, mt, (unsigned long long)pfn);
			goto broken;
		}
		if (rec)
			rec->flags |= BUDDY_REC_SEEN;
		else
			w->seen[pfn / 8] |= (uint8_t)(1u << (pfn % 8));
		struct kp_page p;
		uint64_t prev, link_next;
		if ((err = walk_entry(w, rec, seg, page_va, pfn, &p, &prev, &link_next))) {
			kp_buddy_issue(w->r, "node %u %s order %u mt %u: struct page of pfn %llu unreadable: %s",
			      z->node, zn, order, mt, (unsigned long long)pfn, kp_error_message(err));
			kp_error_free(err);
			goto broken;
		}
		if (p.type != KP_TYPE_BUDDY)
			kp_buddy_issue(w->r, "pfn %llu is on the order-%u free list of node %u %s but is not "
			      "PageBuddy", (unsigned long long)pfn, order, z->node, zn);
		else if (p.order != (int)order)
			kp_buddy_issue(w->r, "pfn %llu has order %d but is on the order-%u list of node %u %s",
			      (unsigned long long)pfn, p.order, order, z->node, zn);
		if (z->span_known ? pfn < z->start_pfn || pfn - z->start_pfn >= z->spanned
				  : p.node != z->node || p.zone != z->index)
			kp_buddy_issue(w->r, "pfn %llu on a free list of node %u %s lies outside the zone",
			      (unsigned long long)pfn, z->node, zn);
		if (prev != prev_expected)
			kp_buddy_issue(w->r, "pfn %llu: prev link 0x%llx, expected 0x%llx (node %u %s order %u)",
			      (unsigned long long)pfn, (unsigned long long)prev,
			      (unsigned long long)prev_expected, z->node, zn, order);
		uint32_t pb = ~0u;
		if (kp_mm_pageblock_migratetype(mm, pfn, &pb) && pb != mt)
			zf->pageblock_mismatch++;
		zf->walked[order][mt]++;
		kp_progress_add(w->prog, 1ull << order);
		if (fn) {
			struct kp_free_block b = { pfn, order, mt, pb, z };
			fn(arg, &b);
		}
		prev_expected = next;
		next = link_next;
	}
	return;
broken:
	zf->broken[order][mt] = true;
}

static void buddy_read_mt_names(struct kp_mm *mm, struct kp_free_report *r)
{
	kp_buddy_migratetype_names(mm, r->mt_names, &r->nr_mt);
}

void kp_buddy_migratetype_names(struct kp_mm *mm, char names[][32], uint32_t *nr_mt)
{
	uint32_t nr = *nr_mt = mm->l->nr_migratetypes;
	uint64_t addr;

	for (uint32_t i = 0; i < nr; i++)
		snprintf(names[i], 32, "mt%u", i);
	/* The kernel's own names, from migratetype_names[] in the dump; with no
	 * symbol for it (a raw BTF file on a kernel whose VMCOREINFO names no
	 * kallsyms), from enum migratetype: MIGRATE_UNMOVABLE is shown as
	 * Unmovable (the kernel's own spelling differs only in case, e.g.
	 * HighAtomic). */
	if (!kp_mm_symbol(mm, "migratetype_names", &addr)) {
		const struct kp_enumerator *e;
		size_t n = 0;
		kp_error *err = kp_types_enum(mm->ty, "migratetype", &e, &n);
		kp_error_free(err);
		for (size_t i = 0; !err && i < n; i++) {
			if (strncmp(e[i].name, "MIGRATE_", 8) || e[i].value < 0 ||
			    e[i].value >= (int64_t)nr || strcmp(e[i].name, "MIGRATE_PCPTYPES") == 0)
				continue;
			char *dst = names[e[i].value];
			snprintf(dst, 32, "%s", e[i].name + 8);
			for (char *c = dst + 1; *c; c++)
				*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
		}
		return;
	}
	for (uint32_t i = 0; i < nr; i++) {
		uint64_t p;
		kp_error *err = kp_mm_read_u64(mm, addr + i * 8ull, &p);
		if (!err && p)
			err = kp_mm_read_string(mm, p, names[i], 32);
		if (err || !names[i][0])
			snprintf(names[i], 32, "mt%u", i);
		kp_error_free(err);
	}
}

/* Pages on the per-cpu lists of every possible CPU: __per_cpu_offset[cpu]
 * added to the zone's __percpu pointer. */
static void buddy_count_pcp(struct kp_mm *mm, struct kp_zone_free *zf)
{
	const struct kp_layout *l = mm->l;
	uint64_t pcp;
	int64_t sum;
	kp_error *err;

	if (!l->pcp_known)
		return;
	if ((err = kp_mm_read_u64(mm, zf->zone->addr + l->zone_pcp.offset, &pcp))) {
		kp_error_free(err);
		return;
	}
	if (kp_mm_percpu_sum(mm, pcp, l->pcp_count_offset, 4, false, &sum)) {
		zf->pcp_pages = (uint64_t)sum;
		zf->pcp_known = true;
	}
}

/* The pages the free lists hold by their nr_free counts (0: not known), the
 * total of the progress indicator. */
static uint64_t buddy_listed_pages(struct kp_mm *mm)
{
	const struct kp_layout *l = mm->l;
	uint64_t total = 0, nr;

	for (uint32_t i = 0; l->fa_nr_free.present && i < mm->nr_zones; i++)
		for (uint32_t o = 0; o < l->nr_orders; o++) {
			kp_error *err = kp_mm_read_u64(mm, kp_zone_free_area(l, &mm->zones[i], o) +
						       l->fa_nr_free.offset, &nr);
			if (err) {
				kp_error_free(err);
				return 0;
			}
			total += nr << o;
		}
	return total;
}

/* Whether the scan should index the PageBuddy pages before the walk: the
 * free lists' entries (nr_free) fit the budget. KPAGE_FREE_INDEX_MAX sets
 * the budget (0: never; for the tests). */
static bool buddy_index_wanted(struct kp_mm *mm, uint64_t *budget)
{
	const struct kp_layout *l = mm->l;
	const char *env = getenv("KPAGE_FREE_INDEX_MAX");
	uint64_t total = 0;

	*budget = env && *env ? strtoull(env, NULL, 10) : BUDDY_INDEX_BUDGET;
	if (!*budget || mm->max_pfn > BUDDY_MAX_PFN || !l->fa_nr_free.present)
		return false;
	/* Zone spans unknown (VMCOREINFO only): the index's report of blocks
	 * on no list could not tell their zone. */
	for (uint32_t i = 0; i < mm->nr_zones; i++)
		if (!mm->zones[i].span_known)
			return false;
	for (uint32_t i = 0; i < mm->nr_zones; i++)
		for (uint32_t o = 0; o < l->nr_orders; o++) {
			uint64_t nr, fa = kp_zone_free_area(l, &mm->zones[i], o);
			kp_error *err = kp_mm_read_u64(mm, fa + l->fa_nr_free.offset, &nr);
			if (err) {
				kp_error_free(err);
				return false;
			}
			total += nr;
		}
	return total <= *budget;
}

kp_error *kp_buddy_walk(struct kp_mm *mm, bool scan, kp_block_fn fn, void *arg,
			struct kp_free_report *r)
{
	struct buddy_index ix = { 0 };
	uint64_t budget;
	const struct kp_layout *l = mm->l;
	struct walk *w = calloc(1, sizeof(*w));
	kp_error *err = NULL;

	memset(r, 0, sizeof(*r));
	r->zones = calloc(mm->nr_zones, sizeof(*r->zones));
	if (w)
		w->seen = calloc(mm->max_pfn / 8 + 1, 1);
	if (!w || !r->zones || !w->seen) {
		if (w)
			free(w->seen);
		free(w);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	w->mm = mm;
	w->r = r;
	r->nr_zones = mm->nr_zones;
	buddy_read_mt_names(mm, r);
	/* The scan first, when its index of PageBuddy pages fits: the walk
	 * then reads nothing more (on overflow: walk, then scan again). */
	if (scan && buddy_index_wanted(mm, &budget) &&
	    !(err = kp_buddy_scan(mm, r, NULL, &ix, budget))) {
		if (!ix.overflow)
			w->ix = &ix;
		for (uint32_t i = 0; !w->ix && i < mm->nr_zones; i++)
			memset(r->zones[i].scanned, 0, sizeof(r->zones[i].scanned));
	}
	w->prog = kp_progress_begin("free lists", buddy_listed_pages(mm));
	for (uint32_t i = 0; !err && i < mm->nr_zones; i++) {
		struct kp_zone_free *zf = &r->zones[i];
		zf->zone = &mm->zones[i];
		buddy_count_pcp(mm, zf);
		for (uint32_t o = 0; o < l->nr_orders; o++) {
			uint64_t nr;
			uint64_t fa = kp_zone_free_area(l, zf->zone, o);
			zf->nr_free_known = l->fa_nr_free.present;
			if (zf->nr_free_known &&
			    !(err = kp_mm_read_u64(mm, fa + l->fa_nr_free.offset, &nr)))
				zf->nr_free[o] = nr;
			if (err)
				break;
			for (uint32_t mt = 0; mt < l->nr_migratetypes; mt++) {
				walk_list(w, zf, o, mt, fn, arg);
				/* Without nr_free (VMCOREINFO), the lists are the count. */
				if (!zf->nr_free_known)
					zf->nr_free[o] += zf->walked[o][mt];
			}
			if (kp_interrupted)
				err = kp_errorf(KP_EXIT_USAGE, "interrupted");
		}
		if (err)
			break;
	}
	kp_progress_end(w->prog);
	if (!err && scan) {
		if (w->ix)
			kp_buddy_index_report(mm, r, w->ix);
		else
			err = kp_buddy_scan(mm, r, w->seen, NULL, 0);
		r->scanned = !err;
	}
	kp_buddy_index_free(&ix);
	free(w->seen);
	free(w);
	return err;
}

int64_t kp_unusable_index(const struct kp_zone_free *z, uint32_t nr_orders, uint32_t order)
{
	uint64_t free_pages = 0, suitable = 0;
	for (uint32_t o = 0; o < nr_orders; o++) {
		free_pages += z->nr_free[o] << o;
		if (o >= order)
			suitable += z->nr_free[o] << (o - order);
	}
	if (!free_pages)
		return 0;
	return (int64_t)(((free_pages - (suitable << order)) * 1000) / free_pages);
}

int64_t kp_extfrag_index(const struct kp_zone_free *z, uint32_t nr_orders, uint32_t order)
{
	uint64_t free_pages = 0, total = 0, suitable = 0;
	for (uint32_t o = 0; o < nr_orders; o++) {
		total += z->nr_free[o];
		free_pages += z->nr_free[o] << o;
		if (o >= order)
			suitable += z->nr_free[o] << (o - order);
	}
	if (!total)
		return 0;
	if (suitable)
		return -1000;
	return 1000 - (int64_t)((1000 + (free_pages * 1000) / (1ull << order)) / total);
}
