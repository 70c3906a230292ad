/* The input of fuzz_freelist: a header, then the bytes of one zone's
 * free_area[] array, of a window of mem_map and of a scratch area (pageblock
 * bitmap, per-cpu counts), each copied into the fuzzed machine's memory
 * where the header's virtual addresses say. A short input leaves the rest
 * zero. seed_freelist writes such inputs from fixture dumps, with the
 * fixture's own addresses, so that its list pointers stay valid. */
#ifndef KPAGE_FREELIST_INPUT_H
#define KPAGE_FREELIST_INPUT_H

#include <stdint.h>

#define FL_AREA_BYTES 2048u      /* free_area[] of the zone(s), then zone->pcp */
#define FL_NPFN 256u             /* struct pages in the mem_map window */
#define FL_PAGE_SIZE 64u         /* sizeof(struct page) in fuzz_layouts.h */
#define FL_MEMMAP_BYTES (FL_NPFN * FL_PAGE_SIZE)
#define FL_MISC_BYTES 256u
#define FL_MAX_START_PFN (1ull << 21)

/* rules bits */
#define FL_ERA_MASK 3u           /* layout_for() selector */
#define FL_SCAN 0x04u            /* cross-check with a mem_map scan */
#define FL_SPAN_UNKNOWN 0x08u    /* zone spans unknown (VMCOREINFO only) */
#define FL_TWO_ZONES 0x10u       /* the window split between two zones */
#define FL_PCP 0x20u             /* count the per-cpu lists */
#define FL_PAGEBLOCKS 0x40u      /* a pageblock bitmap in the scratch area */
#define FL_NO_NR_FREE 0x80u      /* free_area has no nr_free (VMCOREINFO) */

struct fl_header {               /* little-endian, 32 bytes */
	uint8_t rules;
	uint8_t nr_orders;           /* 1 + value % KP_MAX_ORDERS */
	uint8_t nr_mt;               /* 1 + value % KP_MAX_MIGRATETYPES */
	uint8_t pad;
	uint16_t fa_size;            /* sizeof(struct free_area) */
	uint16_t nr_free_off;        /* offsetof(struct free_area, nr_free) */
	uint64_t area_va;            /* &zone->free_area[0] */
	uint64_t start_pfn;          /* first pfn of the window, 64-aligned */
	uint64_t vmemmap;            /* struct page of pfn P at vmemmap + P * 64 */
} __attribute__((packed));

#define FL_INPUT_BYTES (sizeof(struct fl_header) + FL_AREA_BYTES + FL_MEMMAP_BYTES + FL_MISC_BYTES)

#endif
