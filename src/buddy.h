/* Buddy free lists: the walk of every zone->free_area[order].free_list[mt],
 * each entry validated, and the cross-check with nr_free and with the free
 * block heads that the mem_map scan finds. */
#ifndef KPAGE_BUDDY_H
#define KPAGE_BUDDY_H

#include "memmodel.h"
#include "scan.h"
#include "layout.h"

struct kp_zone_free {
	const struct kp_zone *zone;
	uint64_t nr_free[KP_MAX_ORDERS];                     /* free_area.nr_free */
	bool nr_free_known;            /* false: nr_free[] is the walked count */
	uint64_t walked[KP_MAX_ORDERS][KP_MAX_MIGRATETYPES]; /* entries on the list */
	uint64_t scanned[KP_MAX_ORDERS];                     /* heads in mem_map */
	bool broken[KP_MAX_ORDERS][KP_MAX_MIGRATETYPES];     /* walk cut short */
	uint64_t pageblock_mismatch;   /* entries whose pageblock has another mt */
	uint64_t pcp_pages;            /* on the per-cpu lists */
	bool pcp_known;
};

struct kp_free_block {
	uint64_t pfn;
	uint32_t order, migratetype, pageblock_mt;  /* pageblock_mt: ~0u unknown */
	const struct kp_zone *zone;
};

typedef void (*kp_block_fn)(void *arg, const struct kp_free_block *b);

#define KP_MAX_ISSUES 200

struct kp_free_report {
	struct kp_zone_free *zones;     /* one per mm->zones[] */
	uint32_t nr_zones;
	char *issues[KP_MAX_ISSUES];    /* the first ones, one line each */
	size_t nissues, total_issues;
	char mt_names[KP_MAX_MIGRATETYPES][32];
	uint32_t nr_mt;
	bool scanned;
	struct kp_scan_stats scan_stats;   /* of the cross-check's scan */
};

/* The migratetypes' names, the kernel's own (migratetype_names[]) where
 * the dump has them, else from enum migratetype; "mtN" when neither says. */
void kp_buddy_migratetype_names(struct kp_mm *mm, char names[][32], uint32_t *nr_mt);

/* Walks every free list (calling FN per block when given) and, when SCAN is
 * set, cross-checks with a full mem_map scan. */
kp_error *kp_buddy_walk(struct kp_mm *mm, bool scan, kp_block_fn fn, void *arg,
			struct kp_free_report *out);
void kp_free_report_release(struct kp_free_report *r);

/* Fragmentation indices of one zone (mm/vmstat.c), in thousandths:
 * unusable free space index and extfrag index (-1000: a block of the order
 * is free). */
int64_t kp_unusable_index(const struct kp_zone_free *z, uint32_t nr_orders, uint32_t order);
int64_t kp_extfrag_index(const struct kp_zone_free *z, uint32_t nr_orders, uint32_t order);

#endif
