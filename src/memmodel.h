/* The memory model: kernel virtual -> physical translation (x86_64), pfn <->
 * struct page address for SPARSEMEM_VMEMMAP, classic SPARSEMEM and FLATMEM,
 * and the nodes and zones with their pfn spans. */
#ifndef KPAGE_MEMMODEL_H
#define KPAGE_MEMMODEL_H

#include "layout.h"
#include "symbols.h"
#include "target.h"
#include "types.h"

#define KP_MAX_NODES 1024
#define KP_MAX_ZONES_PER_NODE 8

enum kp_model { KP_MODEL_VMEMMAP, KP_MODEL_SPARSE, KP_MODEL_FLAT };

struct kp_zone {
	uint32_t node, index;
	char name[32];
	bool name_known;           /* read from zone->name (else "zoneN") */
	uint64_t addr;             /* struct zone address */
	uint64_t pageblock_flags;  /* zone->pageblock_flags (FLATMEM), 0 */
	uint64_t start_pfn, spanned, present, managed;
	bool span_known;           /* start_pfn known (not in VMCOREINFO) */
};

struct kp_node {
	uint32_t id;
	uint64_t pgdat;
	uint64_t start_pfn, spanned, present;
};

struct kp_mm {
	struct kp_target *t;
	struct kp_symbols *syms;
	struct kp_types *ty;
	struct kp_layout *l;
	const char *vmci;

	uint64_t kaslr_offset, phys_base, pgd_phys, pte_mask;
	bool l5;
	/* last leaf translation */
	uint64_t tlb_va, tlb_size, tlb_pa;

	enum kp_model model;
	const char *model_source;
	uint64_t vmemmap_base;     /* KP_MODEL_VMEMMAP */
	uint64_t flat_mem_map;     /* KP_MODEL_FLAT */
	uint64_t *section_map;     /* decoded mem_map base per section, 0: none */
	uint64_t *section_pb;      /* pageblock_flags address per section, 0 */
	uint64_t nr_sections;
	uint32_t pfn_section_shift;
	uint64_t *sec_by_addr;     /* SPARSE: present sections by mem_map address */
	uint64_t nr_sec_by_addr;

	uint64_t pb_cache_addr, pb_cache_word;   /* last pageblock word read */

	struct kp_node nodes[KP_MAX_NODES];
	uint32_t nr_nodes;
	struct kp_zone *zones;
	uint32_t nr_zones;
	uint64_t max_pfn;          /* one past the highest spanned pfn */

	/* without a symtab: the dump's kallsyms, read on the first symbol
	 * VMCOREINFO does not name (kallsyms.c) */
	bool kallsyms_tried;
	struct kp_kallsyms *kallsyms;
	char kallsyms_why[256];    /* why there is none */

	/* __per_cpu_offset[] of the nr_cpu_ids possible CPUs, read once */
	bool cpu_tried;
	uint64_t *cpu_off;
	uint32_t ncpu;
};

/* Where zone Z's free_area[ORDER] is, and its free list of migratetype MT:
 * the one place that arithmetic is written. */
static inline uint64_t kp_zone_free_area(const struct kp_layout *l, const struct kp_zone *z,
					 uint32_t order)
{
	return z->addr + l->zone_free_area.offset + (uint64_t)order * l->free_area_size;
}

static inline uint64_t kp_zone_free_list(const struct kp_layout *l, const struct kp_zone *z,
					 uint32_t order, uint32_t mt)
{
	return kp_zone_free_area(l, z, order) + l->fa_free_list.offset +
	       (uint64_t)mt * l->fa_free_list.elem_size;
}

kp_error *kp_mm_open(struct kp_mm *mm, struct kp_target *t, struct kp_symbols *syms,
		     struct kp_types *ty, struct kp_layout *l);
void kp_mm_close(struct kp_mm *mm);

/* Runtime address of a kernel symbol (KASLR applied). */
bool kp_mm_symbol(struct kp_mm *mm, const char *name, uint64_t *addr);
/* Why the vmlinux's symtab could not be read, as a new error (NULL when it
 * could): said where a symbol it should hold was not found. */
kp_error *kp_mm_symtab_error(const struct kp_mm *mm);
/* Sets l->pageblock_order and its source (mm_pageblock.c); a value that
 * cannot be read sets pb_error, and no pageblock is read. */
void kp_mm_pageblock_order(struct kp_mm *mm);
kp_error *kp_mm_vtop(struct kp_mm *mm, uint64_t va, uint64_t *pa, uint64_t *leaf_left);
/* Reads kernel virtual memory; *missing counts 4 KiB pages not in the dump. */
kp_error *kp_mm_read(struct kp_mm *mm, uint64_t va, void *buf, size_t len, size_t *missing);
kp_error *kp_mm_read_u64(struct kp_mm *mm, uint64_t va, uint64_t *v);
/* The sum over every possible CPU (nr_cpu_ids, __per_cpu_offset[]) of the
 * SIZE-byte value at OFF in the __percpu object PTR, read as signed when
 * SIGNED. False when the per-cpu areas cannot be read. */
/* The per-CPU offsets (__per_cpu_offset[], nr_cpu_ids of them), read once;
 * false when they cannot be read. */
bool kp_mm_cpu_offsets(struct kp_mm *mm, const uint64_t **off, uint32_t *n);
bool kp_mm_percpu_sum(struct kp_mm *mm, uint64_t ptr, uint32_t off, uint32_t size, bool is_signed,
		      int64_t *sum);
kp_error *kp_mm_read_string(struct kp_mm *mm, uint64_t va, char *buf, size_t len);

/* struct page address of PFN and how many following pfns (including it)
 * have contiguous struct pages; false when PFN has no struct page. */
bool kp_mm_pfn_to_page(struct kp_mm *mm, uint64_t pfn, uint64_t *page, uint64_t *run);
/* pfn of the struct page at ADDR; HINT_PFN picks the section (classic
 * sparse). False for an address that is not a struct page. */
bool kp_mm_page_to_pfn(struct kp_mm *mm, uint64_t addr, uint64_t hint_pfn, uint64_t *pfn);
/* The zone spanning PFN by zone spans, NULL if none. */
const struct kp_zone *kp_mm_zone_of_pfn(const struct kp_mm *mm, uint64_t pfn);
/* The same, and in *until the first pfn above PFN whose answer may differ
 * (for callers going through pfns in order). */
const struct kp_zone *kp_mm_zone_run(const struct kp_mm *mm, uint64_t pfn, uint64_t *until);
const char *kp_mm_model_name(enum kp_model m);
/* The migratetype recorded for PFN's pageblock; false when unknown. */
bool kp_mm_pageblock_migratetype(struct kp_mm *mm, uint64_t pfn, uint32_t *mt);

/* mm_nodes.c: reads the nodes and their populated zones into MM (at open);
 * *MAX_NUMNODES is the length of node_data (1 for contig_page_data). */
kp_error *kp_mm_read_nodes(struct kp_mm *mm, uint32_t *max_numnodes);

#endif
