/* The mem_map scan: reads struct pages in large batches over every node's
 * span and hands each decoded page, with its census class, to a consumer. */
#ifndef KPAGE_SCAN_H
#define KPAGE_SCAN_H

#include "memmodel.h"
#include "page_decode.h"
#include "layout.h"

/* False for a class the layout has no means to recognise (no PG_reserved,
 * no page-table type ...): its pages are counted as kernel, so its count
 * is unknown rather than zero. */
bool kp_class_known(const struct kp_layout *l, enum kp_class c);
/* The class of a page on its own (without the context of its head). */
enum kp_class kp_page_class(const struct kp_layout *l, const struct kp_page *p);


/* What every kernel's mem_map keeps, whatever the era: checked on each page
 * the scan decodes, in pfn order. A broken one means the dump is damaged or
 * kpage misreads the layout: never a quiet census (kp_invariants_report). */
enum kp_invariant {
	KP_INV_TAIL_COVERED,   /* a tail names a head whose order covers it */
	KP_INV_HEAD_TAILS,     /* a head of order N: the 2^N - 1 pages after it are its tails */
	KP_INV_FREE_UNUSED,    /* the pages of a free block are not in use */
	KP_INV__SCAN,
};
const char *kp_invariant_name(enum kp_invariant i);
const char *kp_invariant_text(enum kp_invariant i);

struct kp_scan_stats {
	uint64_t pages, missing, batches, bytes;
	uint64_t unreadable;   /* of the missing: struct pages not even mapped */
	uint64_t broken[KP_INV__SCAN];      /* pages that break each invariant */
	uint64_t broken_pfn[KP_INV__SCAN];  /* the first of them (if broken) */
};
/* Adds S to TO (the parts of a threaded scan, in pfn order). */
void kp_scan_stats_add(struct kp_scan_stats *to, const struct kp_scan_stats *s);

/* Scans pfns in [start, end) that have a struct page, in pfn order. */
kp_error *kp_scan(struct kp_mm *mm, uint64_t start, uint64_t end, kp_page_fn fn, void *arg,
		  struct kp_scan_stats *stats);
/* A consumer that may run on several threads. The pfn range is cut into
 * parts (pfn ranges); each part has its own state (part_new, told the
 * part's range), sees its pages in pfn order (page, called with that
 * state), and the parts are then
 * merged into ARG one by one in pfn order (part_merge), so what ARG ends
 * with is what the serial scan gives. A part's state is freed by part_free
 * (also when it is dropped unmerged). */
struct kp_scan_ops {
	void *(*part_new)(void *arg, uint64_t start, uint64_t end);   /* NULL: no memory */
	kp_page_fn page;
	void (*part_merge)(void *arg, void *part);
	void (*part_free)(void *part);
};

/* As kp_scan, with parts on kp_scan_threads() threads (one: the serial
 * scan, a single part). The result, stats included, equals the serial
 * scan's; a page function that stops the scan drops the parts after its. */
kp_error *kp_scan_parts(struct kp_mm *mm, uint64_t start, uint64_t end,
			const struct kp_scan_ops *ops, void *arg, struct kp_scan_stats *stats);
/* Scan threads: $KPAGE_THREADS when set (1: serial), else the online CPUs. */
unsigned kp_scan_threads(void);

/* Decodes the single page PFN (with its context: head, free block). */
kp_error *kp_scan_one(struct kp_mm *mm, uint64_t pfn, struct kp_page *p, enum kp_class *cls,
		      uint8_t *raw_out);

#endif
