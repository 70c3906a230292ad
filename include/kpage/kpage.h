/* libkpage: read the physical pages of a Linux kernel from a vmcore or /proc/kcore.
 *
 * A library user opens a dump (kp_dump_open), walks its pages as decoded
 * records (kp_dump_pages), its zones and its free lists. Every fallible
 * function returns a kp_error * (NULL on success), whose message names the
 * file, address or member at fault. The layers behind it (target, types,
 * layout, memory model, decoder, scan) are kpage's own, under src/. */
#ifndef KPAGE_KPAGE_H
#define KPAGE_KPAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exit codes of the command-line tool, documented in kpage(1). */
enum {
	KP_EXIT_OK = 0,
	KP_EXIT_USAGE = 1,
	KP_EXIT_INPUT = 2,        /* input unreadable or unusable */
	KP_EXIT_INCONSISTENT = 3, /* finished, but found inconsistencies */
};

typedef struct kp_error kp_error;
kp_error *kp_errorf(int exit_code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Adds "PREFIX: " in front of the message; returns err. */
kp_error *kp_error_prefix(kp_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Adds text at the end of the message (a hint); returns err. */
kp_error *kp_error_append(kp_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
const char *kp_error_message(const kp_error *err);
int kp_error_exit_code(const kp_error *err);
void kp_error_free(kp_error *err);

/* ---- decoded page ------------------------------------------------------ */
enum kp_compound { KP_COMPOUND_NONE, KP_COMPOUND_HEAD, KP_COMPOUND_TAIL };
enum kp_mapping_kind {
	KP_MAP_NONE, KP_MAP_ANON, KP_MAP_KSM, KP_MAP_MOVABLE, KP_MAP_FILE,
};
enum kp_page_type {
	KP_TYPE_NONE, KP_TYPE_BUDDY, KP_TYPE_OFFLINE, KP_TYPE_TABLE,
	KP_TYPE_GUARD, KP_TYPE_SLAB, KP_TYPE_HUGETLB, KP_TYPE_ZSMALLOC,
	KP_TYPE_UNACCEPTED, KP_TYPE_LARGE_KMALLOC, KP_TYPE_UNKNOWN,
	KP_TYPE__COUNT,
};

struct kp_page {
	uint64_t pfn;
	uint64_t flags;            /* the whole flags word */
	int64_t refcount;
	int32_t mapcount_raw;      /* _mapcount as stored (-1 = unmapped) */
	uint32_t page_type_raw;
	uint64_t private_, mapping, index;
	uint64_t compound_head_addr;  /* struct page address of the head, 0 */
	uint64_t head_pfn;         /* filled by the scan for tails */
	uint32_t node, zone;
	enum kp_page_type type;
	enum kp_compound compound;
	enum kp_mapping_kind mapping_kind;
	int order;                 /* buddy order for buddy, compound order for
				      heads, -1 otherwise */
	bool hugetlb;
	bool in_dump;              /* false: "not in dump" */
};

/* page_mapcount(): _mapcount + 1, or 0 when _mapcount holds a page type. */
int64_t kp_page_mapcount(const struct kp_page *p);
const char *kp_page_type_name(enum kp_page_type t);

/* ---- page classes: the census ------------------------------------------ */
enum kp_class {
	KP_CLASS_FREE,       /* in a buddy free block (head or the rest) */
	KP_CLASS_SLAB,
	KP_CLASS_ANON,
	KP_CLASS_KSM,
	KP_CLASS_FILE,
	KP_CLASS_MOVABLE,    /* non-LRU movable (zsmalloc, balloon ...) */
	KP_CLASS_PAGETABLE,
	KP_CLASS_HUGETLB,
	KP_CLASS_RESERVED,
	KP_CLASS_OFFLINE,
	KP_CLASS_GUARD,
	KP_CLASS_UNREFERENCED, /* refcount 0, not free: per-cpu lists, in flux */
	KP_CLASS_KERNEL,     /* allocated, no mapping: kernel allocations */
	KP_CLASS_MISSING,    /* struct page not in the dump */
	KP_CLASS__COUNT,
};
/* "free", "slab", ... as kpage(1)'s stat prints them. */
const char *kp_class_name(enum kp_class c);
bool kp_class_by_name(const char *name, enum kp_class *out);

/* ---- a dump, opened with its types -------------------------------------- */
/* A vmcore (ELF, kdump-compressed, flattened, makedumpfile-filtered, QEMU)
 * or /proc/kcore, with the kernel's types: what `kpage --core ... --vmlinux
 * ...` opens, with the same checks (the vmlinux must be the dump's). */
struct kp_dump;
struct kp_dump_options {
	const char *core;         /* NULL: /proc/kcore */
	const char *vmlinux;      /* NULL: found by release and build-id */
	const char *btf;          /* types from BTF (raw, or an ELF's .BTF) */
	bool vmcoreinfo_only;     /* types from the dump's VMCOREINFO alone */
	bool force;               /* read on when the vmlinux's release differs */
};
kp_error *kp_dump_open(const struct kp_dump_options *opts, struct kp_dump **out);
void kp_dump_close(struct kp_dump *d);
/* "DWARF", "DWARF (types memo)", "BTF" or "VMCOREINFO". */
const char *kp_dump_types_source(const struct kp_dump *d);
/* One past the highest pfn a node spans. */
uint64_t kp_dump_max_pfn(const struct kp_dump *d);

/* The populated zones, node by node. */
struct kp_zone_info {
	uint32_t node, index;      /* index: the zone's number in its node */
	const char *name;          /* "DMA32", or "zoneN" when the dump does not say */
	uint64_t start_pfn, spanned, present, managed;
	bool span_known;           /* false: start_pfn and spanned unknown */
};
size_t kp_dump_nr_zones(const struct kp_dump *d);
bool kp_dump_zone(const struct kp_dump *d, size_t i, struct kp_zone_info *out);

/* What the walk of every page checks on the way (heads and tails agree,
 * free blocks are free): a broken one means a damaged dump or a layout
 * kpage misreads; its census is then not to be trusted. */
struct kp_walk_stats {
	uint64_t pages;            /* decoded (missing included) */
	uint64_t missing;          /* struct pages not in the dump */
	uint64_t broken;           /* pages that break an invariant */
	uint64_t first_broken_pfn;
	const char *first_broken;  /* the invariant, in words; NULL */
};
/* Called for each page in pfn order, with the page's class (in the context
 * of its head and free block) and its struct page's bytes. Non-zero stops
 * the walk. */
typedef int (*kp_page_fn)(void *arg, const struct kp_page *p, enum kp_class cls,
			  const uint8_t *raw);
/* Walks the pfns in [start, end) that have a struct page, reading mem_map
 * in large batches. STATS may be NULL. */
kp_error *kp_dump_pages(struct kp_dump *d, uint64_t start, uint64_t end, kp_page_fn fn,
			void *arg, struct kp_walk_stats *stats);
/* One page, with its context (head, free block). */
kp_error *kp_dump_page(struct kp_dump *d, uint64_t pfn, struct kp_page *p, enum kp_class *cls);
/* The names of P's set flags, comma-separated, aliases resolved by context. */
void kp_dump_page_flags(const struct kp_dump *d, const struct kp_page *p, char *buf, size_t len);
/* False when this kernel's types give no means to tell class C (its pages
 * are then counted as kernel: unknown, not zero). */
bool kp_dump_class_known(const struct kp_dump *d, enum kp_class c);

/* The buddy free lists: zone->free_area[order].free_list[migratetype]. */
struct kp_free_block_info {
	uint64_t pfn;
	uint32_t order, migratetype;
	size_t zone;               /* as kp_dump_zone numbers it */
};
typedef void (*kp_free_block_fn)(void *arg, const struct kp_free_block_info *b);
/* Walks every free list (each entry checked: a struct page of a free block
 * of that order, links that agree, no cycle); a list that breaks is an
 * error of exit code KP_EXIT_INCONSISTENT naming it, after the blocks that
 * could be read. */
kp_error *kp_dump_free_blocks(struct kp_dump *d, kp_free_block_fn fn, void *arg);
/* The migratetype's name ("Unmovable", ...), "mtN" when the dump does not say. */
const char *kp_dump_migratetype_name(const struct kp_dump *d, uint32_t mt);

#ifdef __cplusplus
}
#endif
#endif
