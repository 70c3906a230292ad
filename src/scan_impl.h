/* Shared by scan.c (the walk over a pfn range, in pfn order) and
 * scan_parts.c (the same walk cut into parts that run on several threads). */
#ifndef KPAGE_SCAN_IMPL_H
#define KPAGE_SCAN_IMPL_H

#include "progress.h"
#include "scan.h"
#include "page_decode.h"

#define SCAN_BATCH_PAGES 16384u   /* 1 MiB of 64-byte struct pages */

/* The context a page's class depends on, carried from page to page in pfn
 * order: the pages after a free block's head are free, and a compound tail
 * takes its head's class. */
struct scan_state {
	uint64_t free_end;             /* pfns below it are in a free block */
	uint64_t head_pfn, head_end;   /* the current compound page */
	enum kp_class head_class;
	bool head_unsized;             /* its order is not in the dump */
};

struct scan_ctx {
	struct kp_mm *mm;
	struct scan_state st;
	uint8_t *buf;                  /* SCAN_BATCH_PAGES + 1 struct pages */
	struct kp_decoder dec;
	struct kp_progress *prog;      /* told of each batch done; may be NULL */
	/* tails in a row name the same head: its pfn, worked out once */
	bool tail_valid, tail_ok;
	uint64_t tail_addr, tail_sec, tail_hp;
	/* A part (scan_parts.c) starts before its predecessor has told the
	 * state at its first pfn. What its pages took from the state it
	 * started with (in) is noted, to be checked against the predecessor's
	 * end state once known; a tail whose head lies before the part makes it
	 * guess in's compound head from that head's own struct page. */
	bool part, guessed;
	uint64_t part_start;
	struct scan_state in;
	bool head_set, free_set;       /* the part's own pages set that state */
	bool head_used;                /* a tail was classed with in's head */
	uint64_t free_probe;           /* lowest pfn classed with in's free_end */
};

/* A context for a walk from START with the empty state (a serial scan). */
void kp_scan_ctx_init(struct scan_ctx *sc, struct kp_mm *mm, uint8_t *buf);
/* Makes SC a part starting at START from state IN. */
void kp_scan_ctx_part(struct scan_ctx *sc, uint64_t start, const struct scan_state *in);
/* Walks [start, end) in batches, adding to *st; *stop when FN asked. */
kp_error *kp_scan_range(struct scan_ctx *sc, uint64_t start, uint64_t end, kp_page_fn fn,
		     void *arg, struct kp_scan_stats *st, bool *stop);
/* Whether a part classed its pages as it would have from state ACTUAL. */
bool kp_scan_part_agrees(const struct scan_ctx *sc, const struct scan_state *actual);

#endif
