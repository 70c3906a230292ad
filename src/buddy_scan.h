/* The buddy cross-check's side of the mem_map scan (kp_buddy_scan.c): free
 * block heads counted per zone and order on the scan's threads, and, when
 * the scan runs before the walk, an index of every PageBuddy page with its
 * list links, so that the walk takes its entries from the batch-read
 * mem_map instead of one small read per entry. */
#ifndef KPAGE_BUDDY_SCAN_H
#define KPAGE_BUDDY_SCAN_H

#include "buddy.h"

/* A PageBuddy page as the scan read it. Links are coded as the pfn whose
 * link they point at, or (BUDDY_WIDE bit set) as an index into the wide
 * values of the record's segment (list heads, wild pointers). */
struct buddy_rec {
	uint32_t pfn, next, prev;
	int8_t order;
	uint8_t flags;
};
#define BUDDY_REC_IN_DUMP 1
#define BUDDY_REC_SEEN 2           /* the walk met it */
#define BUDDY_WIDE 0x80000000u
#define BUDDY_MAX_PFN 0x80000000u  /* the index serves pfns below this */

/* One part of the scan's records, in pfn order; segments in pfn order. */
struct buddy_seg {
	struct buddy_rec *rec;
	size_t n, cap;
	uint64_t *wide;
	size_t nwide, wide_cap;
};

struct buddy_index {
	struct buddy_seg *seg;
	size_t nseg;
	size_t hint_seg, hint;   /* the last one found: lists run mostly upwards */
	bool overflow;           /* over budget (or unencodable): not usable */
};

/* Issues into a report, the first KP_MAX_ISSUES kept (buddy.c). */
void kp_buddy_issue(struct kp_free_report *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The scan: counts r->zones[].scanned; with SEEN (the walk's bitmap),
 * reports the free block heads on no list; with IX, fills the index (at
 * most BUDGET records, else IX->overflow). */
kp_error *kp_buddy_scan(struct kp_mm *mm, struct kp_free_report *r, const uint8_t *seen,
		     struct buddy_index *ix, uint64_t budget);
/* The record of PFN (and its segment), NULL when PFN is not indexed. */
struct buddy_rec *kp_buddy_index_find(struct buddy_index *ix, uint64_t pfn,
				   const struct buddy_seg **seg);
/* A link's value (an address) from its code. */
uint64_t kp_buddy_index_link(struct kp_mm *mm, const struct buddy_seg *seg, uint32_t code);
/* After the walk: the indexed free block heads it did not meet. */
void kp_buddy_index_report(struct kp_mm *mm, struct kp_free_report *r, const struct buddy_index *ix);
void kp_buddy_index_free(struct buddy_index *ix);

#endif
