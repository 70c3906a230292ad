/* The buddy cross-check's side of the mem_map scan, run on the scan's
 * threads (kp_scan_parts): each part counts the free block heads it meets
 * per zone and order, reports those on no free list (when the walk came
 * first) or records every PageBuddy page with its links (when the scan
 * comes first, for the walk to read its entries from); parts are merged in
 * pfn order, so counts, issues and their order are the serial scan's. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buddy_scan.h"
#include "internal.h"
#include "scan.h"
#include "types.h"
#include "layout.h"

struct kp_buddy_scan {
	struct kp_mm *mm;
	struct kp_free_report *r;
	const uint8_t *seen;           /* the walk's bitmap (check after the walk) */
	struct buddy_index *ix;        /* the index to fill (walk after the scan) */
	uint64_t budget;               /* records at most */
	atomic_uint_fast64_t used;
	atomic_bool overflow;
};

struct buddy_part {
	struct kp_buddy_scan *bs;
	struct kp_free_report rep;     /* this part's issues */
	struct buddy_seg seg;          /* this part's records */
	const struct kp_zone *span;    /* the zone of the last pfn, valid below span_end */
	uint64_t span_lo, span_end;
	uint64_t scanned[];            /* [zone][order] */
};

static void no_list_issue(struct kp_free_report *r, uint64_t pfn, int order, const struct kp_zone *z)
{
	kp_buddy_issue(r, "pfn %llu is a free order-%d block head (PageBuddy) on no free list "
		    "(node %u %s)", (unsigned long long)pfn, order, z->node, z->name);
}

static void *part_new(void *arg, uint64_t start, uint64_t end)
{
	struct kp_buddy_scan *bs = arg;
	(void)start; (void)end;
	struct buddy_part *bp = calloc(1, sizeof(*bp) +
				       sizeof(uint64_t) * bs->mm->nr_zones * KP_MAX_ORDERS);
	if (bp)
		bp->bs = bs;
	return bp;
}

static void part_free(void *part)
{
	struct buddy_part *bp = part;
	for (size_t i = 0; i < bp->rep.nissues; i++)
		free(bp->rep.issues[i]);
	free(bp->seg.rec);
	free(bp->seg.wide);
	free(bp);
}

/* A link value coded for the index; false when it cannot be. */
static bool link_code(struct buddy_part *bp, uint64_t v, uint64_t hint, uint32_t *code)
{
	struct kp_mm *mm = bp->bs->mm;
	uint64_t pfn;
	if (kp_mm_page_to_pfn(mm, v - mm->l->pg_list.offset, hint, &pfn) && pfn < BUDDY_MAX_PFN) {
		*code = (uint32_t)pfn;
		return true;
	}
	struct buddy_seg *s = &bp->seg;
	if (s->nwide >= BUDDY_MAX_PFN || !kp_grow((void **)&s->wide, &s->wide_cap, s->nwide, 8, 1024))
		return false;
	s->wide[s->nwide] = v;
	*code = BUDDY_WIDE | (uint32_t)s->nwide++;
	return true;
}

static void record(struct buddy_part *bp, const struct kp_page *p, const uint8_t *raw)
{
	struct kp_buddy_scan *bs = bp->bs;
	const struct kp_layout *l = bs->mm->l;
	struct buddy_seg *s = &bp->seg;
	const uint8_t *link = raw + l->pg_list.offset;
	struct buddy_rec rec = { .pfn = (uint32_t)p->pfn, .order = (int8_t)p->order,
				 .flags = p->in_dump ? BUDDY_REC_IN_DUMP : 0 };

	if (atomic_load(&bs->overflow))
		return;
	if (atomic_fetch_add(&bs->used, 1) >= bs->budget || p->pfn >= BUDDY_MAX_PFN ||
	    !kp_grow((void **)&s->rec, &s->cap, s->n, sizeof(rec), 1024) ||
	    !link_code(bp, kp_load(link + l->lh_next.offset, 8), p->pfn, &rec.next) ||
	    !link_code(bp, kp_load(link + l->lh_prev.offset, 8), p->pfn, &rec.prev)) {
		atomic_store(&bs->overflow, true);
		return;
	}
	s->rec[s->n++] = rec;
}

static int part_page(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct buddy_part *bp = arg;
	struct kp_buddy_scan *bs = bp->bs;
	(void)c;
	if (p->type != KP_TYPE_BUDDY)
		return 0;
	if (bs->ix)
		record(bp, p, raw);
	if (p->order < 0 || p->order >= KP_MAX_ORDERS)
		return 0;
	if (p->pfn < bp->span_lo || p->pfn >= bp->span_end) {
		bp->span = kp_mm_zone_run(bs->mm, p->pfn, &bp->span_end);
		bp->span_lo = p->pfn;
	}
	const struct kp_zone *z = bp->span;
	/* Zone spans unknown (VMCOREINFO only): the zone the flags name. */
	for (uint32_t i = 0; !z && i < bs->mm->nr_zones; i++)
		if (!bs->mm->zones[i].span_known && bs->mm->zones[i].node == p->node &&
		    bs->mm->zones[i].index == p->zone)
			z = &bs->mm->zones[i];
	if (!z)
		return 0;
	bp->scanned[(size_t)(z - bs->mm->zones) * KP_MAX_ORDERS + (size_t)p->order]++;
	if (bs->seen && !(bs->seen[p->pfn / 8] & (1u << (p->pfn % 8))))
		no_list_issue(&bp->rep, p->pfn, p->order, z);
	return 0;
}

static void part_merge(void *arg, void *part)
{
	struct kp_buddy_scan *bs = arg;
	struct buddy_part *bp = part;
	struct kp_free_report *r = bs->r;

	for (uint32_t z = 0; z < bs->mm->nr_zones; z++)
		for (int o = 0; o < KP_MAX_ORDERS; o++)
			r->zones[z].scanned[o] += bp->scanned[z * KP_MAX_ORDERS + o];
	for (size_t i = 0; i < bp->rep.nissues; i++)
		if (r->nissues < KP_MAX_ISSUES)
			r->issues[r->nissues++] = bp->rep.issues[i];
		else
			free(bp->rep.issues[i]);
	r->total_issues += bp->rep.total_issues;
	bp->rep.nissues = 0;
	if (bs->ix && bp->seg.n) {
		struct buddy_index *ix = bs->ix;
		struct buddy_seg *seg = realloc(ix->seg, (ix->nseg + 1) * sizeof(*seg));
		if (!seg) {
			ix->overflow = true;
			return;
		}
		ix->seg = seg;
		ix->seg[ix->nseg++] = bp->seg;
		memset(&bp->seg, 0, sizeof(bp->seg));
	}
}

static const struct kp_scan_ops buddy_scan_ops = { part_new, part_page, part_merge, part_free };

kp_error *kp_buddy_scan(struct kp_mm *mm, struct kp_free_report *r, const uint8_t *seen,
		     struct buddy_index *ix, uint64_t budget)
{
	struct kp_buddy_scan bs = { .mm = mm, .r = r, .seen = seen, .ix = ix, .budget = budget };
	atomic_init(&bs.used, 0);
	atomic_init(&bs.overflow, false);
	memset(&r->scan_stats, 0, sizeof(r->scan_stats));   /* it may run twice */
	kp_error *err = kp_scan_parts(mm, 0, mm->max_pfn, &buddy_scan_ops, &bs, &r->scan_stats);
	if (ix && atomic_load(&bs.overflow))
		ix->overflow = true;
	return err;
}

static struct buddy_rec *seg_find(struct buddy_seg *s, uint64_t pfn, size_t *at)
{
	size_t lo = 0, hi = s->n;
	if (!s->n || pfn < s->rec[0].pfn || pfn > s->rec[s->n - 1].pfn)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->rec[mid].pfn < pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->n || s->rec[lo].pfn != pfn)
		return NULL;
	*at = lo;
	return &s->rec[lo];
}

struct buddy_rec *kp_buddy_index_find(struct buddy_index *ix, uint64_t pfn,
				   const struct buddy_seg **segp)
{
	size_t lo = 0, hi = ix->nseg, at;
	struct buddy_rec *rec;

	if (!ix->nseg)
		return NULL;
	/* The entry after the last one found, first. */
	struct buddy_seg *s = &ix->seg[ix->hint_seg];
	if (ix->hint + 1 < s->n && s->rec[ix->hint + 1].pfn == pfn) {
		*segp = s;
		return &s->rec[++ix->hint];
	}
	while (lo < hi) {            /* the last segment starting at or below pfn */
		size_t mid = lo + (hi - lo) / 2;
		if (ix->seg[mid].rec[0].pfn <= pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || !(rec = seg_find(&ix->seg[lo - 1], pfn, &at)))
		return NULL;
	ix->hint_seg = lo - 1;
	ix->hint = at;
	*segp = &ix->seg[lo - 1];
	return rec;
}

uint64_t kp_buddy_index_link(struct kp_mm *mm, const struct buddy_seg *seg, uint32_t code)
{
	uint64_t va, run;
	if (code & BUDDY_WIDE)
		return seg->wide[code & ~BUDDY_WIDE];
	if (!kp_mm_pfn_to_page(mm, code, &va, &run))
		return 0;   /* cannot be: coded from an address that was one */
	return va + mm->l->pg_list.offset;
}

void kp_buddy_index_report(struct kp_mm *mm, struct kp_free_report *r, const struct buddy_index *ix)
{
	const struct kp_zone *span = NULL;
	uint64_t lo = 0, end = 0;

	for (size_t s = 0; s < ix->nseg; s++)
		for (size_t i = 0; i < ix->seg[s].n; i++) {
			const struct buddy_rec *rec = &ix->seg[s].rec[i];
			if (rec->order < 0 || rec->order >= KP_MAX_ORDERS || (rec->flags & BUDDY_REC_SEEN))
				continue;
			if (rec->pfn < lo || rec->pfn >= end) {
				span = kp_mm_zone_run(mm, rec->pfn, &end);
				lo = rec->pfn;
			}
			if (span)
				no_list_issue(r, rec->pfn, rec->order, span);
		}
}

void kp_buddy_index_free(struct buddy_index *ix)
{
	for (size_t s = 0; s < ix->nseg; s++) {
		free(ix->seg[s].rec);
		free(ix->seg[s].wide);
	}
	free(ix->seg);
	memset(ix, 0, sizeof(*ix));
}
