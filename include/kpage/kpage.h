/* libkpage: read the physical pages of a Linux kernel from a vmcore or /proc/kcore.
 *
 * Data flows one way: target (dump bytes) -> types + symbols -> memory model
 * -> page decoder -> scan -> commands. Every fallible function returns a
 * kp_error * (NULL on success). */
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

/* ---- target: the dump's bytes ------------------------------------------ */
struct kp_target;
kp_error *kp_target_open(const char *path, struct kp_target **out);
void kp_target_close(struct kp_target *t);
/* A dump held in memory (tests, fuzzing): MEM is physical memory from
 * address 0, LEN bytes; what lies beyond is not in the dump. MEM is not
 * copied and must outlive the target. LABEL stands for the path. */
kp_error *kp_target_open_memory(const char *label, const void *mem, size_t len,
				const char *vmcoreinfo, struct kp_target **out);
/* A second handle on the same dump for another thread: the same file
 * opened again with its own libkdumpfile context (contexts, and in 0.5.1
 * even kdump_clone'd ones, must not be read by two threads at once); the
 * ELF segment table is shared (pread only). Close it with kp_target_close
 * before the original. */
kp_error *kp_target_clone(struct kp_target *t, struct kp_target **out);
const char *kp_target_path(const struct kp_target *t);
const char *kp_target_format(const struct kp_target *t);
/* Bytes the dump's segments say it holds but its file does not (an ELF
 * dump cut short); 0 when whole, or when the format cannot tell. */
uint64_t kp_target_truncated(const struct kp_target *t);
/* The VMCOREINFO text, or NULL when the dump has none. */
const char *kp_target_vmcoreinfo(const struct kp_target *t);
/* Reads physical memory. Pages the dump does not hold are zero-filled and
 * counted in *missing (4 KiB units); other failures are errors. */
kp_error *kp_target_read_phys(struct kp_target *t, uint64_t paddr, void *buf,
			      size_t len, size_t *missing);

/* ---- VMCOREINFO parsing (pure) ----------------------------------------- */
/* Copies the value of KEY (e.g. "OSRELEASE", "NUMBER(phys_base)") into buf.
 * Returns false when absent. */
bool kp_vmcoreinfo_get(const char *text, const char *key, char *buf, size_t len);
bool kp_vmcoreinfo_number(const char *text, const char *key, int64_t *val);
bool kp_vmcoreinfo_hex(const char *text, const char *key, uint64_t *val);

/* ---- types: layouts from DWARF ------------------------------------------ */
struct kp_types;
kp_error *kp_types_open(const char *path, struct kp_types **out);
/* Types from BTF only: a raw BTF file (/sys/kernel/btf/vmlinux) or an ELF
 * with a .BTF section. */
kp_error *kp_types_open_btf(const char *path, struct kp_types **out);
/* Types from the dump's VMCOREINFO alone (OFFSET/SIZE/LENGTH/NUMBER lines):
 * what it does not say is absent. LABEL names the source in messages. */
kp_error *kp_types_open_vmcoreinfo(const char *vmcoreinfo, const char *label,
				   struct kp_types **out);
/* "DWARF", "DWARF (types memo)", "BTF" or "VMCOREINFO": where the answers
 * come from. */
const char *kp_types_source(const struct kp_types *ty);
void kp_types_close(struct kp_types *ty);
const char *kp_types_path(const struct kp_types *ty);

/* A member of a structure as the debuginfo has it. Bitfields have
 * bit_size != 0, and bit_offset counts from the start of the structure. */
struct kp_field {
	bool present;
	uint32_t offset;   /* bytes from the start of the outer struct */
	uint32_t size;     /* bytes */
	uint32_t bit_offset, bit_size;
	uint32_t count;    /* array length, 0 if not an array */
	uint32_t elem_size;
};

/* Resolves "a.b.c" inside "struct NAME" (anonymous unions/structs are
 * searched through). Absent members come back with present == false. */
kp_error *kp_types_field(struct kp_types *ty, const char *type_name,
			 const char *path, struct kp_field *out);
kp_error *kp_types_sizeof(struct kp_types *ty, const char *type_name,
			  uint32_t *size);
bool kp_types_has(struct kp_types *ty, const char *type_name);
/* Value of an enumerator (any enum), false when absent. */
bool kp_types_enumerator(struct kp_types *ty, const char *name, int64_t *val);
struct kp_enumerator { const char *name; int64_t value; };
/* Enumerators of "enum NAME" in declaration order; *n = 0 when absent. */
kp_error *kp_types_enum(struct kp_types *ty, const char *enum_name,
			const struct kp_enumerator **list, size_t *n);
/* Whether function FUNC (in the unit whose name ends with UNIT) has a local
 * variable LOCAL in the DWARF: 1 yes, 0 no, -1 cannot tell (no DWARF, no
 * such function). */
int kp_types_function_local(struct kp_types *ty, const char *unit, const char *func,
			    const char *local);
/* Array length of the type of global variable NAME (0 if not an array),
 * and whether its type is a pointer-to-pointer (e.g. mem_section). */
bool kp_types_var(struct kp_types *ty, const char *name, uint32_t *array_len,
		  int *pointer_depth);
/* Prints the layout of TYPE like pahole to FILE. */
struct kp_out;
kp_error *kp_types_print_layout(struct kp_types *ty, const char *type_name,
				struct kp_out *out);

/* ---- symbols ---------------------------------------------------------- */
struct kp_symbols;
kp_error *kp_symbols_open(const char *vmlinux, struct kp_symbols **out);
void kp_symbols_close(struct kp_symbols *s);
/* Link-time address of the variable (or untyped symbol) NAME, false when
 * absent. Functions are not indexed: kpage reads data, never code, and
 * they are over half of a vmlinux's 230,000 symbols. */
bool kp_symbols_lookup(const struct kp_symbols *s, const char *name, uint64_t *addr);
/* Copies the NUL-terminated string at symbol NAME from the file itself. */
bool kp_symbols_read_string(const struct kp_symbols *s, const char *name, char *buf,
			    size_t len);
const char *kp_symbols_build_id(const struct kp_symbols *s, size_t *len);
/* Why the symtab could not be read (damaged, no memory), or NULL: a lookup
 * that failed for that reason must not be reported as a missing symbol. */
const char *kp_symbols_load_error(const struct kp_symbols *s);
/* Keeps lookups' answers in TY's memo (same vmlinux, same build-id): later
 * runs then never read the symtab (150,000 names, most of a small dump's
 * start-up time). */
void kp_symbols_set_memo(struct kp_symbols *s, struct kp_types *ty);
/* Lets TY's DWARF lookups ask S whether a variable exists at all, so that
 * proving one absent does not take a walk through every unit. */
void kp_types_set_symbols(struct kp_types *ty, const struct kp_symbols *s);

/* ---- the resolved layout table ---------------------------------------- */
enum kp_buddy_rule {
	KP_BUDDY_FLAG,      /* PG_buddy is a page flag (2.6.x) */
	KP_BUDDY_MAPCOUNT,  /* _mapcount == PAGE_BUDDY_MAPCOUNT_VALUE (3.x - 4.17) */
	KP_BUDDY_TYPE_BITS, /* page_type with inverted bits (4.18 - 6.11) */
	KP_BUDDY_TYPE_BYTE, /* enum pagetype in the top byte (6.12+) */
};

/* How a tail names its head (chosen by what the debuginfo contains). */
enum kp_compound_rule {
	KP_COMPOUND_POINTER,  /* compound_head / compound_info = head address | 1 */
	KP_COMPOUND_MASK,     /* compound_info = GENMASK(63, order + log2(sizeof(struct
				 page))) | 1, head = the tail's own address & it (7.1+,
				 HUGETLB_PAGE_OPTIMIZE_VMEMMAP, power-of-two struct page) */
	KP_COMPOUND_BY_VALUE, /* unknown which (VMCOREINFO only): each value's form tells */
	KP_COMPOUND_FLAGS,    /* PG_tail (or PG_compound|PG_reclaim), head in first_page */
};

enum kp_order_rule {
	KP_ORDER_LRU_PREV,      /* page[1].lru.prev (2.6.x - 4.3) */
	KP_ORDER_MEMBER,        /* page[1].compound_order */
	KP_ORDER_FLAGS_1,       /* low byte of page[1].flags (folio _flags_1) */
};

#define KP_MAX_FLAGS 64
#define KP_MAX_MIGRATETYPES 8
#define KP_MAX_ORDERS 16

struct kp_layout {
	/* struct page */
	uint32_t page_size;
	struct kp_field pg_flags, pg_refcount, pg_mapcount, pg_page_type;
	struct kp_field pg_private, pg_mapping, pg_index, pg_lru, pg_freelist;
	/* pg_compound_head: the member compound_head (4.x-7.0) or compound_info
	 * (7.1+), named by compound_member; compound_rule says how to read it */
	struct kp_field pg_compound_head, pg_first_page, pg_compound_order;
	const char *compound_member;
	enum kp_compound_rule compound_rule;
	char compound_rule_source[200];
	struct kp_field pg_compound_dtor, pg_slab_cache, pg_pp_magic;
	const char *refcount_name;       /* "_refcount" or "_count" */
	const char *list_member;         /* "buddy_list" or "lru" */
	struct kp_field pg_list;         /* the member linking free pages */

	/* enum pageflags: bit -> primary name (without PG_), NULL if none */
	int nr_pageflags;
	const char *flag_name[KP_MAX_FLAGS];
	int pg_locked, pg_reserved, pg_slab, pg_buddy, pg_head, pg_tail,
	    pg_compound, pg_lru_bit, pg_swapbacked, pg_swapcache, pg_private_bit,
	    pg_hwpoison, pg_reclaim, pg_uptodate, pg_reported, pg_anon_exclusive;
	/* 6.17+: movable_ops pages (a flag; page->mapping bit 1 no longer
	 * means movable) */
	int pg_movable_ops, pg_movable_ops_isolated;
	bool mapping_movable_bit;        /* mapping & 3 == 2 is PAGE_MAPPING_MOVABLE */
	/* how a KSM page is told: mapping & 3 == 3 (PAGE_MAPPING_KSM, 2.6.33+),
	 * mapping == PAGE_MAPPING_ANON exactly (2.6.32), or not at all */
	enum { KP_KSM_BIT, KP_KSM_ANON_ONLY, KP_KSM_NONE } mapping_ksm;
	char mapping_source[200];
	/* folio flags kept in the first tail's flags word (the order is its
	 * low byte): PG_has_hwpoisoned, PG_large_rmappable, PG_partially_mapped */
	int pg_has_hwpoisoned, pg_large_rmappable, pg_partially_mapped;

	/* page types */
	enum kp_buddy_rule buddy_rule;
	const char *buddy_rule_source;
	uint32_t type_base, type_buddy, type_offline, type_table, type_guard,
		 type_slab, type_hugetlb, type_zsmalloc, type_unaccepted,
		 type_large_kmalloc;
	int32_t buddy_mapcount;          /* KP_BUDDY_MAPCOUNT */
	enum kp_order_rule order_rule;
	int64_t hugetlb_dtor;            /* compound_dtor value of hugetlb, -1 */

	/* page->flags: node and zone fields */
	uint32_t zones_width, nodes_width, sections_width;
	uint32_t zones_shift, nodes_shift_pos, sections_shift_pos;

	/* zones */
	uint32_t zone_size, nr_zones_max;
	struct kp_field zone_free_area, zone_name, zone_start_pfn, zone_spanned,
			zone_present, zone_managed, zone_vm_stat, zone_watermark,
			zone_lowmem_reserve, zone_pgdat, zone_watermark_boost,
			zone_pageblock_flags;
	uint32_t free_area_size;
	struct kp_field fa_free_list, fa_nr_free;
	uint32_t nr_orders, nr_migratetypes;
	int64_t nr_free_pages_item;      /* enum zone_stat_item NR_FREE_PAGES */
	int64_t nr_free_cma_item;        /* NR_FREE_CMA_PAGES, -1 without CMA */
	struct kp_field zone_reserved_highatomic;
	/* per-cpu lists: zone->per_cpu_pageset (5.14+) or zone->pageset,
	 * a __percpu pointer; count_offset is where the count is in it */
	struct kp_field zone_pcp;
	uint32_t pcp_count_offset;
	bool pcp_known;
	/* the per-cpu deltas of vm_stat not yet folded into it: s8
	 * vm_stat_diff[] in zone->per_cpu_zonestats (5.14+) or zone->pageset */
	struct kp_field zone_pcp_stats;
	uint32_t vm_stat_diff_offset;
	bool vm_stat_diff_known;
	int64_t mt_pcptypes, mt_highatomic, mt_cma;   /* enum migratetype, -1 */
	/* pglist_data.node_zonelists[ZONELIST_FALLBACK]._zonerefs[] */
	struct kp_field pgdat_zonelists, zonelist_zonerefs, zoneref_zone, zoneref_idx;
	uint32_t zonelist_size;

	/* pglist_data */
	uint32_t pgdat_size;
	struct kp_field pgdat_node_zones, pgdat_nr_zones, pgdat_start_pfn,
			pgdat_present, pgdat_spanned, pgdat_node_id,
			pgdat_node_mem_map;

	/* mem_section */
	uint32_t mem_section_size;
	struct kp_field ms_section_mem_map;
	struct kp_field ms_usage, ms_pageblock_flags, msu_pageblock_flags;
	/* pageblock_order and what said it (mm_pageblock.c, at kp_mm_open) */
	uint32_t pageblock_order;
	char pageblock_order_source[200];
	/* enum pageblock_bits: bits per pageblock in the bitmap, where the
	 * migratetype is (mt_shift, mt_bits), the isolate bit (-1: none) and
	 * MIGRATE_ISOLATE, which it reads as; pb_error: a shape kpage does not
	 * know (then no pageblock is read) */
	uint32_t pb_stride, pb_mt_shift, pb_mt_bits;
	int32_t pb_isolate_bit;
	int64_t mt_isolate;
	char pb_source[160], pb_error[200];
	uint32_t section_map_mask_bits;
	uint32_t section_has_mem_map;      /* SECTION_HAS_MEM_MAP, a mask */
	char section_source[160];
	uint32_t section_size_bits, max_physmem_bits;

	/* list_head */
	struct kp_field lh_next, lh_prev;

	/* VMCOREINFO values found absurd and not used ("" if none), for a
	 * warning: "NUMBER(SECTION_SIZE_BITS)=99 (27 used)" */
	char vmci_ignored[160];
};

/* Fills the table from DWARF (and VMCOREINFO NUMBER() lines for the macro
 * constants). vmcoreinfo may be NULL. */
kp_error *kp_layout_build(struct kp_types *ty, const char *vmcoreinfo,
			  struct kp_layout *out);

/* Places the node and zone fields of page->flags; called by the memory model
 * once it knows MAX_NUMNODES and whether sections live in page->flags. */
void kp_layout_set_flags_fields(struct kp_layout *l, uint32_t max_numnodes,
				bool sections_in_flags);

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

/* Decodes one struct page. next may point to the following struct page's
 * bytes (for the compound order kept in the first tail), or be NULL.
 * page_va is the struct page's own address (a tail's compound_info may be
 * a mask of it, KP_COMPOUND_MASK), 0 when unknown. */
void kp_page_decode(const struct kp_layout *l, const uint8_t *raw,
		    const uint8_t *next, uint64_t pfn, uint64_t page_va,
		    struct kp_page *out);
/* Whether a compound_info value has the form of a mask: GENMASK(63, n) | 1
 * for n from 7 (an order-1 page of 64-byte struct pages) to 40. */
bool kp_compound_info_is_mask(uint64_t info);
bool kp_page_flag(const struct kp_layout *l, const struct kp_page *p, int bit);
/* page_mapcount(): _mapcount + 1, or 0 when _mapcount holds a page type. */
int64_t kp_page_mapcount(const struct kp_page *p);
const char *kp_page_type_name(enum kp_page_type t);
/* Writes the names of the set flags, comma-separated, resolving aliases by
 * context (swapcache, reported, isolated). */
void kp_page_flag_names(const struct kp_layout *l, const struct kp_page *p,
			char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
