/* Linux 6.1 types, x86_64, as Debian's linux-image-6.1.0-*-cloud-amd64 builds them
 * (the kernel of kpage's real-kernel test tier).
 *
 * Source: struct page, folio, free_area, zoneref, zonelist, per_cpu_pages,
 * zone, mem_section_usage, mem_section and pglist_data as the DWARF of
 * /usr/lib/debug/boot/vmlinux-6.1.0-56-cloud-amd64 has them (pahole -C),
 * which is include/linux/mm_types.h and include/linux/mmzone.h of 6.1 built
 * with Debian's config (SPARSEMEM_VMEMMAP, NUMA with NODES_SHIFT=10, MEMCG,
 * LRU_GEN, no CMA, no MEMORY_FAILURE). Enums are the DWARF's enumerators.
 * Types kpage never looks inside (lruvec, mutex, wait queues ...) keep their
 * kernel names but are opaque, with the kernel's size and alignment.
 * tests/cli/layout.sh checks the compiled file against pahole on the real
 * vmlinux when it is installed.
 *
 * Config by macro: KP_MEMMODEL_FLATMEM | KP_MEMMODEL_SPARSEMEM |
 * KP_MEMMODEL_VMEMMAP (default), KP_NUMA (default 1). */
#if !defined(KP_MEMMODEL_FLATMEM) && !defined(KP_MEMMODEL_SPARSEMEM) && !defined(KP_MEMMODEL_VMEMMAP)
#define KP_MEMMODEL_VMEMMAP 1
#endif
#ifndef KP_NUMA
#define KP_NUMA 1
#endif

#define KP_ERA_NAME "v6_1"
#define KP_ERA_RELEASE "6.1.0"
#define SECTION_SIZE_BITS 27
#define MAX_PHYSMEM_BITS 46
#define MAX_ORDER 11
#if KP_NUMA
#define NODES_SHIFT 10
#else
#define NODES_SHIFT 0
#endif
#define MAX_NUMNODES (1 << NODES_SHIFT)
#define PAGES_PER_SECTION_ (1UL << (SECTION_SIZE_BITS - 12))
#define NR_MEM_SECTIONS (1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
#define SECTIONS_PER_ROOT (4096 / sizeof(struct mem_section))
#define NR_SECTION_ROOTS ((NR_MEM_SECTIONS + SECTIONS_PER_ROOT - 1) / SECTIONS_PER_ROOT)
/* Macro-only constants (include/linux/page-flags.h, 6.1): page_type bits are
 * set when clear; VMCOREINFO has PAGE_BUDDY_MAPCOUNT_VALUE = ~PG_buddy. */
#define PAGE_TYPE_BASE 0xf0000000u
#define PG_buddy_type 0x00000080u
#define PG_offline_type 0x00000100u
#define PG_table_type 0x00000200u
#define PG_guard_type 0x00000400u
#define PAGE_MAPPING_ANON 0x1
#define PAGE_MAPPING_MOVABLE 0x2
#define PAGE_MAPPING_KSM 0x3
/* The compound order lives in page[1].compound_order (folio->_folio_order). */

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
#ifndef __bool_true_false_are_defined
typedef _Bool bool;
#endif
typedef unsigned long pgoff_t;
typedef unsigned long long dma_addr_t;
typedef struct { int counter; } atomic_t;
typedef struct { long long counter; } atomic64_t;
typedef atomic64_t atomic_long_t;
struct list_head { struct list_head *next, *prev; };
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *);
} __attribute__((__aligned__(8)));
struct qspinlock { union { atomic_t val; struct { u8 locked; u8 pending; }; struct { u16 locked_pending; u16 tail; }; }; };
typedef struct qspinlock arch_spinlock_t;
struct raw_spinlock { arch_spinlock_t raw_lock; };
struct spinlock { union { struct raw_spinlock rlock; }; };
typedef struct spinlock spinlock_t;
struct seqcount { unsigned int sequence; };
struct seqcount_spinlock { struct seqcount seqcount; };
typedef struct seqcount_spinlock seqcount_spinlock_t;
typedef struct { seqcount_spinlock_t seqcount; spinlock_t lock; } seqlock_t;
struct wait_queue_head { spinlock_t lock; struct list_head head; };
typedef struct wait_queue_head wait_queue_head_t;
struct cacheline_padding { char x[0]; } __attribute__((__aligned__(64)));
struct page;
typedef struct page *pgtable_t;
struct address_space;
struct page_pool;
struct mm_struct;
struct dev_pagemap;
struct task_struct;
struct memory_tier;
struct per_cpu_zonestat;
struct per_cpu_nodestat;
/* Opaque here, with the kernel's size and alignment. */
struct mutex { unsigned long opaque[4]; };
struct deferred_split { unsigned long opaque[4]; };
struct lruvec { unsigned long opaque[199]; };
struct lru_gen_mm_walk { unsigned long opaque[27]; };

enum pageflags {
	PG_locked = 0,
	PG_referenced = 1,
	PG_uptodate = 2,
	PG_dirty = 3,
	PG_lru = 4,
	PG_active = 5,
	PG_workingset = 6,
	PG_waiters = 7,
	PG_error = 8,
	PG_slab = 9,
	PG_owner_priv_1 = 10,
	PG_arch_1 = 11,
	PG_reserved = 12,
	PG_private = 13,
	PG_private_2 = 14,
	PG_writeback = 15,
	PG_head = 16,
	PG_mappedtodisk = 17,
	PG_reclaim = 18,
	PG_swapbacked = 19,
	PG_unevictable = 20,
	PG_mlocked = 21,
	PG_uncached = 22,
	PG_arch_2 = 23,
	__NR_PAGEFLAGS = 24,
	PG_readahead = 18,
	PG_anon_exclusive = 17,
	PG_checked = 10,
	PG_swapcache = 10,
	PG_fscache = 14,
	PG_pinned = 10,
	PG_savepinned = 3,
	PG_foreign = 10,
	PG_xen_remapped = 10,
	PG_slob_free = 13,
	PG_double_map = 6,
	PG_isolated = 18,
	PG_reported = 2,
	PG_vmemmap_self_hosted = 10,
};

enum zone_type {
	ZONE_DMA = 0,
	ZONE_DMA32 = 1,
	ZONE_NORMAL = 2,
	ZONE_MOVABLE = 3,
	ZONE_DEVICE = 4,
	__MAX_NR_ZONES = 5,
};

enum migratetype {
	MIGRATE_UNMOVABLE = 0,
	MIGRATE_MOVABLE = 1,
	MIGRATE_RECLAIMABLE = 2,
	MIGRATE_PCPTYPES = 3,
	MIGRATE_HIGHATOMIC = 3,
	MIGRATE_ISOLATE = 4,
	MIGRATE_TYPES = 5,
};

enum zone_stat_item {
	NR_FREE_PAGES = 0,
	NR_ZONE_LRU_BASE = 1,
	NR_ZONE_INACTIVE_ANON = 1,
	NR_ZONE_ACTIVE_ANON = 2,
	NR_ZONE_INACTIVE_FILE = 3,
	NR_ZONE_ACTIVE_FILE = 4,
	NR_ZONE_UNEVICTABLE = 5,
	NR_ZONE_WRITE_PENDING = 6,
	NR_MLOCK = 7,
	NR_BOUNCE = 8,
	NR_ZSPAGES = 9,
	NR_FREE_CMA_PAGES = 10,
	NR_VM_ZONE_STAT_ITEMS = 11,
};

enum zone_watermarks {
	WMARK_MIN = 0,
	WMARK_LOW = 1,
	WMARK_HIGH = 2,
	WMARK_PROMO = 3,
	NR_WMARK = 4,
};

enum compound_dtor_id {
	NULL_COMPOUND_DTOR = 0,
	COMPOUND_PAGE_DTOR = 1,
	HUGETLB_PAGE_DTOR = 2,
	TRANSHUGE_PAGE_DTOR = 3,
	NR_COMPOUND_DTORS = 4,
};


struct page {
	long unsigned int          flags;
	union {
		struct {
			union {
				struct list_head lru;
				struct {
					void * __filler;
					unsigned int mlock_count;
				};
				struct list_head buddy_list;
				struct list_head pcp_list;
			};
			struct address_space * mapping;
			long unsigned int index;
			long unsigned int private;
		};
		struct {
			long unsigned int pp_magic;
			struct page_pool * pp;
			long unsigned int _pp_mapping_pad;
			long unsigned int dma_addr;
			union {
				long unsigned int dma_addr_upper;
				atomic_long_t pp_frag_count;
			};
		};
		struct {
			long unsigned int compound_head;
			unsigned char compound_dtor;
			unsigned char compound_order;
			atomic_t   compound_mapcount;
			atomic_t   compound_pincount;
			unsigned int compound_nr;
			long unsigned int _private_1;
		};
		struct {
			long unsigned int _compound_pad_1;
			long unsigned int _compound_pad_2;
			struct list_head deferred_list;
		};
		struct {
			long unsigned int _pt_pad_1;
			pgtable_t  pmd_huge_pte;
			long unsigned int _pt_pad_2;
			union {
				struct mm_struct * pt_mm;
				atomic_t pt_frag_refcount;
				atomic_t pt_share_count;
			};
			spinlock_t ptl;
		};
		struct {
			struct dev_pagemap * pgmap;
			void *     zone_device_data;
		};
		struct callback_head callback_head __attribute__((__aligned__(8)));
	} __attribute__((__aligned__(8)));
	union {
		atomic_t           _mapcount;
		unsigned int       page_type;
	};
	atomic_t                   _refcount;
	long unsigned int          memcg_data;
} __attribute__((__aligned__(16)));
struct folio {
	union {
		struct {
			long unsigned int flags;
			union {
				struct list_head lru;
				struct {
					void * __filler;
					unsigned int mlock_count;
				};
			};
			struct address_space * mapping;
			long unsigned int index;
			void *     private;
			atomic_t   _mapcount;
			atomic_t   _refcount;
			long unsigned int memcg_data;
		};
		struct page        page __attribute__((__aligned__(16)));
	} __attribute__((__aligned__(16)));
	long unsigned int          _flags_1;
	long unsigned int          __head;
	unsigned char              _folio_dtor;
	unsigned char              _folio_order;
	atomic_t                   _total_mapcount;
	atomic_t                   _pincount;
	unsigned int               _folio_nr_pages;
	long unsigned int          _private_1;
} __attribute__((__aligned__(16)));
struct free_area {
	struct list_head           free_list[5];
	long unsigned int          nr_free;
};
struct zoneref {
	struct zone *              zone;
	int                        zone_idx;
};
struct zonelist {
	struct zoneref             _zonerefs[5121];
};
struct per_cpu_pages {
	spinlock_t                 lock;
	int                        count;
	int                        high;
	int                        batch;
	short int                  free_factor;
	short int                  expire;
	struct list_head           lists[14];
} __attribute__((__aligned__(64)));
struct zone {
	long unsigned int          _watermark[4];
	long unsigned int          watermark_boost;
	long unsigned int          nr_reserved_highatomic;
	long int                   lowmem_reserve[5];
	int                        node;
	struct pglist_data *       zone_pgdat;
	struct per_cpu_pages *     per_cpu_pageset;
	struct per_cpu_zonestat *  per_cpu_zonestats;
	int                        pageset_high;
	int                        pageset_batch;
	long unsigned int          zone_start_pfn;
	atomic_long_t              managed_pages;
	long unsigned int          spanned_pages;
	long unsigned int          present_pages;
	long unsigned int          present_early_pages;
	const char  *              name;
	long unsigned int          nr_isolate_pageblock;
	seqlock_t                  span_seqlock;
	int                        initialized;
	struct cacheline_padding   _pad1_ __attribute__((__aligned__(64)));
	struct free_area           free_area[11];
	long unsigned int          flags;
	spinlock_t                 lock;
	struct cacheline_padding   _pad2_ __attribute__((__aligned__(64)));
	long unsigned int          percpu_drift_mark;
	long unsigned int          compact_cached_free_pfn;
	long unsigned int          compact_cached_migrate_pfn[2];
	long unsigned int          compact_init_migrate_pfn;
	long unsigned int          compact_init_free_pfn;
	unsigned int               compact_considered;
	unsigned int               compact_defer_shift;
	int                        compact_order_failed;
	bool                       compact_blockskip_flush;
	bool                       contiguous;
	struct cacheline_padding   _pad3_ __attribute__((__aligned__(64)));
	atomic_long_t              vm_stat[11];
	atomic_long_t              vm_numa_event[6];
} __attribute__((__aligned__(64)));
struct mem_section_usage {
	struct callback_head       rcu __attribute__((__aligned__(8)));
	long unsigned int          subsection_map[1];
	long unsigned int          pageblock_flags[];
} __attribute__((__aligned__(8)));
struct mem_section {
	long unsigned int          section_mem_map;
	struct mem_section_usage * usage;
};
struct pglist_data {
	struct zone                node_zones[5] __attribute__((__aligned__(64)));
	struct zonelist            node_zonelists[2];
	int                        nr_zones;
#ifdef KP_MEMMODEL_FLATMEM
	struct page *              node_mem_map;
#endif
	spinlock_t                 node_size_lock;
	long unsigned int          node_start_pfn;
	long unsigned int          node_present_pages;
	long unsigned int          node_spanned_pages;
	int                        node_id;
	wait_queue_head_t          kswapd_wait;
	wait_queue_head_t          pfmemalloc_wait;
	wait_queue_head_t          reclaim_wait[4];
	atomic_t                   nr_writeback_throttled;
	long unsigned int          nr_reclaim_start;
	struct mutex               kswapd_lock;
	struct task_struct *       kswapd;
	int                        kswapd_order;
	enum zone_type             kswapd_highest_zoneidx;
	int                        kswapd_failures;
	int                        kcompactd_max_order;
	enum zone_type             kcompactd_highest_zoneidx;
	wait_queue_head_t          kcompactd_wait;
	struct task_struct *       kcompactd;
	bool                       proactive_compact_trigger;
	long unsigned int          totalreserve_pages;
	long unsigned int          min_unmapped_pages;
	long unsigned int          min_slab_pages;
	struct cacheline_padding   _pad1_ __attribute__((__aligned__(64)));
	long unsigned int          first_deferred_pfn;
	struct deferred_split      deferred_split_queue;
	unsigned int               nbp_rl_start;
	long unsigned int          nbp_rl_nr_cand;
	unsigned int               nbp_threshold;
	unsigned int               nbp_th_start;
	long unsigned int          nbp_th_nr_cand;
	struct lruvec              __lruvec;
	long unsigned int          flags;
	struct lru_gen_mm_walk     mm_walk;
	struct cacheline_padding   _pad2_ __attribute__((__aligned__(64)));
	struct per_cpu_nodestat *  per_cpu_nodestats;
	atomic_long_t              vm_stat[43];
	struct memory_tier *       memtier;
} __attribute__((__aligned__(64)));


/* The kernel's globals that kpage reads, as this config has them. */
#if KP_NUMA
struct pglist_data *node_data[MAX_NUMNODES];
#else
struct pglist_data contig_page_data;
#endif
#if defined(KP_MEMMODEL_FLATMEM)
struct page *mem_map;
#else
struct mem_section **mem_section;
#endif
unsigned long vmemmap_base;
unsigned long page_offset_base;
atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS];
atomic_long_t _totalram_pages;
const char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable", "Movable", "Reclaimable", "HighAtomic", "Isolate",
};
const char linux_banner[] = "Linux version " KP_ERA_RELEASE "-kpage-fixture (kpage@fixture) #1 SMP\n";
unsigned long init_top_pgt[512] __attribute__((aligned(4096)));

_Static_assert(sizeof(struct page) == 64, "struct page");
_Static_assert(__builtin_offsetof(struct page, _refcount) == 52, "_refcount");
_Static_assert(__builtin_offsetof(struct page, _mapcount) == 48, "_mapcount");
_Static_assert(__builtin_offsetof(struct page, mapping) == 24, "mapping");
_Static_assert(__builtin_offsetof(struct page, private) == 40, "private");
