/* libFuzzer: the buddy free-list walker and validator (buddy.c, unchanged)
 * over fuzzed zone free areas, mem_map and list pointers. Each input builds
 * a small machine in memory (tests/fuzz/freelist_input.h): physical memory
 * behind an in-memory target, kernel page tables mapping the header's
 * virtual addresses onto the input's bytes, and a memory model with one or
 * two zones over a window of 256 struct pages. The walk must end (bounded,
 * cycles caught), never read out of bounds, and what it reports must hold
 * together: every block within the machine, each pfn walked once, and with
 * no issue reported, the lists equal the free block heads the scan finds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "buddy.h"
#include "memmodel.h"
#include "scan.h"
#include "fuzz_layouts.h"
#include "freelist_input.h"
#include "target.h"
#include "layout.h"

#define PG 4096u
#define IMG_POOL 0x1000u          /* page-table pages (the PGD is at 0) */
#define IMG_POOL_PAGES 16u
#define IMG_AREA 0x11000u         /* 2 pages: free_area[] at its offset in a page */
#define IMG_MEMMAP 0x13000u       /* 5 pages: the mem_map window */
#define IMG_MISC 0x18000u         /* scratch: nr_cpu_ids, __per_cpu_offset, pageblocks */
#define IMG_NAMES 0x19000u        /* migratetype_names[] and its strings */
#define IMG_SIZE 0x1a000u
#define DIRECT 0xffff888000000000ull
#define PTE_FLAGS 0x63ull

struct machine {
	uint8_t img[IMG_SIZE];
	uint32_t pool_used;
};

static void map_page(struct machine *m, uint64_t va, uint64_t pa)
{
	uint64_t table = 0;
	for (int level = 4; level > 1; level--) {
		uint8_t *slot = m->img + table + ((va >> (12 + 9 * (level - 1))) & 511) * 8;
		uint64_t e;
		memcpy(&e, slot, 8);
		if (!(e & 1)) {
			if (m->pool_used == IMG_POOL_PAGES)
				return;         /* out of table pages: left unmapped */
			e = (IMG_POOL + (uint64_t)m->pool_used++ * PG) | PTE_FLAGS;
			memcpy(slot, &e, 8);
		}
		table = e & 0x000ffffffffff000ull;
	}
	uint64_t pte = pa | PTE_FLAGS;
	memcpy(m->img + table + ((va >> 12) & 511) * 8, &pte, 8);
}

/* Places LEN bytes at virtual VA: in the image from PA + (VA % 4 KiB),
 * mapped page by page. */
static void place(struct machine *m, uint64_t va, uint64_t pa, const uint8_t *src, size_t len)
{
	uint64_t first = va & ~(uint64_t)(PG - 1);
	memcpy(m->img + pa + (va - first), src, len);
	for (uint64_t off = 0; off < (va - first) + len; off += PG)
		map_page(m, first + off, pa + off);
}

static uint64_t get_u64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

struct oracle {
	uint64_t max_pfn;
	uint32_t nr_orders, nr_mt;
	uint64_t blocks;
};

static void on_block(void *arg, const struct kp_free_block *b)
{
	struct oracle *o = arg;
	o->blocks++;
	if (b->pfn >= o->max_pfn || b->order >= o->nr_orders || b->migratetype >= o->nr_mt ||
	    (b->pageblock_mt != ~0u && b->pageblock_mt >= 8) || !b->zone)
		abort();
}

static void check_report(const struct kp_mm *mm, const struct kp_free_report *r,
			 const struct oracle *o, bool clean)
{
	uint64_t total = 0;
	if (r->nissues > KP_MAX_ISSUES || r->nissues > r->total_issues || r->nr_zones != mm->nr_zones)
		abort();
	for (size_t i = 0; i < r->nissues; i++)
		if (!r->issues[i] || strlen(r->issues[i]) >= 256)
			abort();
	for (uint32_t z = 0; z < r->nr_zones; z++) {
		const struct kp_zone_free *zf = &r->zones[z];
		for (uint32_t ord = 0; ord < o->nr_orders; ord++) {
			uint64_t walked = 0;
			for (uint32_t mt = 0; mt < o->nr_mt; mt++) {
				if (zf->walked[ord][mt] > zf->zone->spanned + 1)
					abort();
				walked += zf->walked[ord][mt];
			}
			total += walked;
			/* Nothing reported: every list entry is a free block head of
			 * this order in this zone, and every head is on a list. */
			if (clean && r->scanned && walked != zf->scanned[ord])
				abort();
			(void)kp_unusable_index(zf, o->nr_orders, ord);
			(void)kp_extfrag_index(zf, o->nr_orders, ord);
		}
	}
	if (total > o->max_pfn || total != o->blocks)
		abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct machine m;
	uint8_t in[FL_INPUT_BYTES] = { 0 };
	struct fl_header h;
	struct kp_layout l;
	struct kp_mm mm;
	struct kp_zone zones[2];
	char vmci[256];

	if (size < sizeof(h))
		return 0;
	memcpy(in, data, size < sizeof(in) ? size : sizeof(in));
	memcpy(&h, in, sizeof(h));
	const uint8_t *area = in + sizeof(h), *memmap = area + FL_AREA_BYTES;
	const uint8_t *misc = memmap + FL_MEMMAP_BYTES;
	uint64_t start = (h.start_pfn % FL_MAX_START_PFN) & ~63ull;

	/* The layout: struct page by era, free_area as the header says. */
	layout_for(h.rules & FL_ERA_MASK, &l);
	l.nr_orders = 1 + h.nr_orders % KP_MAX_ORDERS;
	l.nr_migratetypes = 1 + h.nr_mt % KP_MAX_MIGRATETYPES;
	l.zone_free_area = F(0, 8);
	l.free_area_size = h.fa_size;
	l.fa_free_list = F(0, 16 * l.nr_migratetypes);
	l.fa_free_list.count = l.nr_migratetypes;
	l.fa_free_list.elem_size = 16;
	if (!(h.rules & FL_NO_NR_FREE))
		l.fa_nr_free = F(h.nr_free_off, 8);
	l.zone_pcp = F(FL_AREA_BYTES - 8, 8);
	l.pcp_known = h.rules & FL_PCP;
	l.pageblock_order = 3;

	/* Physical memory and page tables. */
	memset(&m, 0, sizeof(m));
	place(&m, h.area_va, IMG_AREA, area, FL_AREA_BYTES);
	place(&m, h.vmemmap + start * FL_PAGE_SIZE, IMG_MEMMAP, memmap, FL_MEMMAP_BYTES);
	place(&m, DIRECT + IMG_MISC, IMG_MISC, misc, FL_MISC_BYTES);
	static const char *const names[] = { "Unmovable", "Movable", "Reclaimable", "HighAtomic",
					     "CMA", "Isolate" };
	uint8_t nb[PG] = { 0 };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		uint64_t p = DIRECT + IMG_NAMES + 256 + i * 32;
		memcpy(nb + i * 8, &p, 8);
		memcpy(nb + 256 + i * 32, names[i], strlen(names[i]) + 1);
	}
	place(&m, DIRECT + IMG_NAMES, IMG_NAMES, nb, sizeof(nb));
	int n = snprintf(vmci, sizeof(vmci), "SYMBOL(migratetype_names)=%llx\n",
			 DIRECT + IMG_NAMES);
	if (h.rules & FL_PCP)
		snprintf(vmci + n, sizeof(vmci) - (size_t)n,
			 "SYMBOL(nr_cpu_ids)=%llx\nSYMBOL(__per_cpu_offset)=%llx\n",
			 DIRECT + IMG_MISC, DIRECT + IMG_MISC + 8);

	/* The memory model: vmemmap, sections of 64 pfns with struct pages
	 * only over the window, one or two zones splitting it. */
	struct kp_target *t;
	kp_error *err = kp_target_open_memory("fuzz", m.img, sizeof(m.img), vmci, &t);
	if (err) {
		kp_error_free(err);
		return 0;
	}
	memset(&mm, 0, sizeof(mm));
	mm.t = t;
	mm.l = &l;
	mm.vmci = kp_target_vmcoreinfo(t);
	mm.pte_mask = 0x000ffffffffff000ull;
	mm.model = KP_MODEL_VMEMMAP;
	mm.model_source = "fuzz";
	mm.vmemmap_base = h.vmemmap;
	mm.max_pfn = start + FL_NPFN;
	mm.pfn_section_shift = 6;
	mm.nr_sections = mm.max_pfn >> 6;
	mm.section_map = calloc(mm.nr_sections, 8);
	mm.section_pb = calloc(mm.nr_sections, 8);
	if (!mm.section_map || !mm.section_pb)
		abort();
	for (uint64_t s = start >> 6; s < mm.nr_sections; s++) {
		mm.section_map[s] = h.vmemmap;
		if (h.rules & FL_PAGEBLOCKS)
			mm.section_pb[s] = DIRECT + IMG_MISC + 128;
	}
	bool two = h.rules & FL_TWO_ZONES;
	uint64_t span = two ? FL_NPFN / 2 : FL_NPFN;
	for (int i = 0; i < (two ? 2 : 1); i++) {
		struct kp_zone *z = &zones[i];
		memset(z, 0, sizeof(*z));
		z->node = 0;
		z->index = 1 + (uint32_t)i;
		snprintf(z->name, sizeof(z->name), "%s", i ? "Normal" : "DMA32");
		z->addr = h.area_va + (uint64_t)i * l.nr_orders * l.free_area_size;
		z->start_pfn = start + (uint64_t)i * span;
		z->spanned = z->present = z->managed = span;
		z->span_known = !(h.rules & FL_SPAN_UNKNOWN);
	}
	mm.zones = zones;
	mm.nr_zones = two ? 2 : 1;
	mm.nr_nodes = 1;
	mm.nodes[0] = (struct kp_node){ 0, 0, start, FL_NPFN, FL_NPFN };

	struct oracle o = { mm.max_pfn, l.nr_orders, l.nr_migratetypes, 0 };
	struct kp_free_report r;
	err = kp_buddy_walk(&mm, h.rules & FL_SCAN, on_block, &o, &r);
	if (err && (!kp_error_message(err) || !*kp_error_message(err)))
		abort();
	if (!err)
		check_report(&mm, &r, &o, r.total_issues == 0);
	if (getenv("KPAGE_FUZZ_VERBOSE")) {     /* what an input does, for its regression test */
		fprintf(stderr, "%s; %llu blocks walked, %zu issues%s\n", err ? kp_error_message(err) : "walked",
			(unsigned long long)o.blocks, r.total_issues, r.scanned ? ", scanned" : "");
		for (size_t i = 0; i < r.nissues; i++)
			fprintf(stderr, "  %s\n", r.issues[i]);
	}
	kp_error_free(err);
	kp_free_report_release(&r);
	free(mm.section_map);
	free(mm.section_pb);
	kp_target_close(t);
	return 0;
}
