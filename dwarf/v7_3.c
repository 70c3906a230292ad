/* kpage era file: Linux 7.3, x86_64, the configuration of Debian's
 * 7.3.4+deb13-cloud-amd64 kernel (trixie-backports) where it touches these
 * types (see "Config" below).
 *
 * The kernel's own type definitions re-typed, with the kernel's #ifdefs, so that
 * `gcc -g -c` gives DWARF equivalent to a 7.3 vmlinux for these types (test
 * fixtures are linked from this file, and the fixture generator #includes it).
 *
 * Sources:
 *  [H] the 7.3.4 headers of Debian's linux-headers-7.3.4+deb13-common:
 *      include/linux/mm_types.h (struct page, folio, ptdesc, memdesc_flags_t),
 *      page-flags.h (enum pageflags, enum pagetype, compound_info_has_mask(),
 *      FOLIO_MAPPING_*), page-flags-layout.h, pageblock-flags.h (enum
 *      pageblock_bits), mmzone.h (migratetype, free_area, the stat items,
 *      lruvec, per_cpu_pages, zone, pglist_data, mem_section), mutex_types.h,
 *      workqueue_types.h.
 *  [D] the DWARF of that kernel's vmlinux (pahole -C, Debian's
 *      linux-image-7.3.4+deb13-cloud-amd64-dbg) for what the headers package
 *      does not hold: struct slab and struct freelist_counters (mm/slab.h),
 *      and the config's choices below (its /boot/config).
 *  [E] Linux 6.1 / the 6.15 era file for what is unchanged since (spinlock,
 *      seqlock, wait queue, lru_gen_*, zoneref/zonelist, mem_section bits).
 * tests/cli/era_real.sh compares the members kpage reads of struct page,
 * folio, zone, free_area, pglist_data and mem_section with that vmlinux.
 *
 * What 7.x changed for kpage (against 6.15):
 *  - page->flags and folio->flags are memdesc_flags_t { unsigned long f; }
 *    (6.18); page->index is __folio_index (6.16).
 *  - page->compound_head is compound_info (7.1): with HUGETLB_PAGE_OPTIMIZE_
 *    VMEMMAP and a power-of-two struct page (compound_info_has_mask()) a
 *    tail holds GENMASK(63, order + log2(sizeof(struct page))) | 1 and its
 *    head is its own address & that; else the head's address | 1. The
 *    config shows in zone->vmemmap_tails[] and in mm/hugetlb_vmemmap.c's
 *    vmemmap_optimize_enabled.
 *  - enum pageblock_bits: PB_migrate_0..2, PB_compact_skip, PB_migrate_isolate
 *    (6.16): 8 bits a pageblock; an isolated pageblock keeps its migratetype.
 *  - PG_movable_ops / PG_movable_ops_isolated, no PG_isolated, and
 *    page->mapping bit 1 is FOLIO_MAPPING_ANON_KSM, no longer
 *    PAGE_MAPPING_MOVABLE (6.17). PG_uncached is gone.
 *  - zone_stat_item lost NR_BOUNCE; pglist_data lost deferred_split_queue
 *    and PGDAT_DIRTY; lruvec has lru_cost; mutex has first_waiter.
 *
 * Config (Debian's where it matters): 64BIT, SMP, NR_CPUS=8192, NUMA with
 * NODES_SHIFT=10, MEMCG (so SLAB_OBJ_EXT), SPARSEMEM_EXTREME +
 * SPARSEMEM_VMEMMAP (+ VMEMMAP_PREINIT), HUGETLB_PAGE_OPTIMIZE_VMEMMAP (it
 * needs SPARSEMEM_VMEMMAP), HAVE_GIGANTIC_FOLIOS, MEMORY_HOTPLUG,
 * DEFERRED_STRUCT_PAGE_INIT, ZONE_DMA/DMA32, ZONE_DEVICE, UNACCEPTED_MEMORY,
 * TRANSPARENT_HUGEPAGE (MM_ID), HUGETLB_PAGE, HUGETLB_PMD_PAGE_TABLE_SHARING,
 * COMPACTION, CMA, MEMORY_ISOLATION, MIGRATION, MEMORY_FAILURE,
 * PAGE_IDLE_FLAG, ARCH_USES_PG_ARCH_2, NUMA_BALANCING, LRU_GEN (+
 * LRU_GEN_WALKS_MMU), SWAP, ZSWAP, ZSMALLOC, IOMMU_SUPPORT,
 * MUTEX_SPIN_ON_OWNER, HAVE_ALIGNED_STRUCT_PAGE, RANDOMIZE_MEMORY; no
 * PAGE_EXTENSION, KASAN, KMSAN, DEBUG_MUTEXES, LOCKDEP, SHADOW_CALL_STACK,
 * LRU_GEN_STATS.  spinlock_t is 4 bytes.  MAX_PHYSMEM_BITS taken as 46
 * (5-level paging built in, 4-level at run time).
 *
 * Memory model by macro (exactly one; default KP_MEMMODEL_VMEMMAP):
 *   KP_MEMMODEL_VMEMMAP   SPARSEMEM + SPARSEMEM_EXTREME + SPARSEMEM_VMEMMAP:
 *                         Debian's; compound_info is a mask.
 *   KP_MEMMODEL_SPARSEMEM SPARSEMEM + SPARSEMEM_EXTREME: no ZONE_DEVICE, no
 *                         VMEMMAP_PREINIT, no HUGETLB_PAGE_OPTIMIZE_VMEMMAP
 *                         (so compound_info is head + 1); the section number
 *                         goes into page->flags, the last cpupid no longer
 *                         fits (LAST_CPUPID_NOT_IN_PAGE_FLAGS): struct page
 *                         grows _last_cpupid and is 80 bytes.
 *   KP_MEMMODEL_FLATMEM   FLATMEM: no MEMORY_HOTPLUG, DEFERRED_STRUCT_PAGE_INIT,
 *                         ZONE_DEVICE, HUGETLB_PAGE_OPTIMIZE_VMEMMAP;
 *                         zone->pageblock_flags, pgdat->node_mem_map, mem_map.
 * KP_NUMA (default 1): 0 drops NUMA and NUMA_BALANCING.
 * Negative variants (tests/cli/era_variants.sh), by macro:
 *   KP_VARIANT_compound_renamed  page->compound_info renamed to a name kpage
 *                                does not know (compound_mystery).
 *   KP_VARIANT_pageblock_bits    enum pageblock_bits with a fourth
 *                                migratetype bit (PB_migrate_3).
 *   KP_VARIANT_section_bits      SECTION_HAS_MEM_MAP_BIT moved to 3 (bit 1 is
 *                                SECTION_IS_EARLY_BIT, which no section has).
 *   KP_VARIANT_no_hugetlb        no hstates[] (CONFIG_HUGETLB_PAGE off as far
 *                                as pageblock_order goes): pageblock_order is
 *                                the largest buddy order, 10.
 *   KP_VARIANT_pageblock_variable  pageblock_order a variable
 *                                (CONFIG_HUGETLB_PAGE_SIZE_VARIABLE), 8 in the
 *                                dump.
 *
 * Page types: the type is the top byte of page->page_type (enum pagetype);
 * an untyped page has page_type UINT_MAX.  Buddy order in page->private.
 * Compound order: folio->_flags_1 & 0xff, the low byte of page[1].flags.
 */
#if !defined(KP_MEMMODEL_FLATMEM) && !defined(KP_MEMMODEL_SPARSEMEM) && !defined(KP_MEMMODEL_VMEMMAP)
#define KP_MEMMODEL_VMEMMAP 1
#endif
#if defined(KP_MEMMODEL_FLATMEM) + defined(KP_MEMMODEL_SPARSEMEM) + defined(KP_MEMMODEL_VMEMMAP) != 1
#error "define exactly one of KP_MEMMODEL_FLATMEM, KP_MEMMODEL_SPARSEMEM, KP_MEMMODEL_VMEMMAP"
#endif
#ifndef KP_NUMA
#define KP_NUMA 1
#endif
#ifdef KP_VARIANT_compound_renamed
#define compound_info compound_mystery
#endif

#define KP_ERA_NAME "v7_3"
#define KP_ERA_RELEASE "7.3.4"

/* ---- the kernel config these definitions are built with ---------------- */
#define CONFIG_64BIT 1
#define CONFIG_SMP 1
#define CONFIG_MMU 1
#define CONFIG_NR_CPUS 8192
#define CONFIG_MEMCG 1
#define CONFIG_SLAB_OBJ_EXT 1
#define CONFIG_SLUB_CPU_PARTIAL 1
#define CONFIG_ZONE_DMA 1
#define CONFIG_ZONE_DMA32 1
#define CONFIG_UNACCEPTED_MEMORY 1
#define CONFIG_TRANSPARENT_HUGEPAGE 1
#define CONFIG_MM_ID 1
#define CONFIG_HUGETLB_PAGE 1
#define CONFIG_HUGETLB_PMD_PAGE_TABLE_SHARING 1
#define CONFIG_HAVE_GIGANTIC_FOLIOS 1
#define CONFIG_COMPACTION 1
#define CONFIG_CMA 1
#define CONFIG_MEMORY_ISOLATION 1
#define CONFIG_MIGRATION 1
#define CONFIG_MEMORY_FAILURE 1
#define CONFIG_PAGE_IDLE_FLAG 1
#define CONFIG_ARCH_USES_PG_ARCH_2 1
#define CONFIG_LRU_GEN 1
#define CONFIG_LRU_GEN_WALKS_MMU 1
#define CONFIG_SWAP 1
#define CONFIG_ZSWAP 1
#define CONFIG_ZSMALLOC 1
#define CONFIG_IOMMU_SUPPORT 1
#define CONFIG_MUTEX_SPIN_ON_OWNER 1
#define CONFIG_HAVE_ALIGNED_STRUCT_PAGE 1
#if KP_NUMA
#define CONFIG_NUMA 1
#define CONFIG_NUMA_BALANCING 1
#define CONFIG_NODES_SHIFT 10
#endif
#ifdef KP_MEMMODEL_FLATMEM
#define CONFIG_FLATMEM 1
#else
#define CONFIG_SPARSEMEM 1
#define CONFIG_SPARSEMEM_EXTREME 1
#define CONFIG_MEMORY_HOTPLUG 1
#define CONFIG_DEFERRED_STRUCT_PAGE_INIT 1
#ifdef KP_MEMMODEL_VMEMMAP
#define CONFIG_SPARSEMEM_VMEMMAP 1
#define CONFIG_SPARSEMEM_VMEMMAP_PREINIT 1
#define CONFIG_ZONE_DEVICE 1
#define CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP 1	/* depends on SPARSEMEM_VMEMMAP */
#endif
#endif

/* ---- basic types (include/linux/types.h, asm-generic/int-ll64.h) -------- */
typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;
typedef unsigned __int128 u128;
#ifndef __bool_true_false_are_defined
typedef _Bool bool;
#endif
#define pgoff_t unsigned long				/* include/linux/types.h: a macro */
typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef atomic64_t atomic_long_t;
struct list_head { struct list_head *next, *prev; };
struct hlist_nulls_node { struct hlist_nulls_node *next, **pprev; };
struct hlist_nulls_head { struct hlist_nulls_node *first; };
struct llist_node { struct llist_node *next; };
struct llist_head { struct llist_node *first; };
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef struct qspinlock {
	union {
		atomic_t val;
		struct {
			u8 locked;
			u8 pending;
		};
		struct {
			u16 locked_pending;
			u16 tail;
		};
	};
} arch_spinlock_t;
typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
} raw_spinlock_t;
typedef struct spinlock {
	union {
		struct raw_spinlock rlock;
	};
} spinlock_t;
#define SPINLOCK_SIZE 4
typedef struct seqcount {
	unsigned sequence;
} seqcount_t;
typedef struct seqcount_spinlock {
	seqcount_t seqcount;
} seqcount_spinlock_t;
typedef struct {
	seqcount_spinlock_t seqcount;
	spinlock_t lock;
} seqlock_t;
struct optimistic_spin_queue {
	atomic_t tail;
};
struct mutex_waiter;
struct mutex {						/* include/linux/mutex_types.h (7.x) */
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
#ifdef CONFIG_MUTEX_SPIN_ON_OWNER
	struct optimistic_spin_queue osq; /* Spinner MCS lock */
#endif
	struct mutex_waiter *first_waiter;
};
struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {					/* include/linux/workqueue_types.h */
	atomic_long_t data;
	struct list_head entry;
	work_func_t func;
};
struct cacheline_padding {
	char x[0];
} __attribute__((__aligned__(64)));
#define CACHELINE_PADDING(name) struct cacheline_padding name
#define ____cacheline_aligned_in_smp __attribute__((__aligned__(64)))
#define ____cacheline_internodealigned_in_smp __attribute__((__aligned__(64)))

struct page;
typedef struct page *pgtable_t;
struct address_space;
struct page_pool;
struct mm_struct;
struct dev_pagemap;
struct task_struct;
struct memory_tier;
struct kmem_cache;
struct pglist_data;
struct zone;
struct lruvec;

/* ---- constants ---------------------------------------------------------- */
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define BITS_PER_LONG 64
#define USE_SPLIT_PTE_PTLOCKS (CONFIG_NR_CPUS >= 4)	/* include/linux/mm_types_task.h */
#define ALLOC_SPLIT_PTLOCKS (SPINLOCK_SIZE > BITS_PER_LONG / 8)
#ifdef CONFIG_NODES_SHIFT				/* include/linux/numa.h */
#define NODES_SHIFT CONFIG_NODES_SHIFT
#else
#define NODES_SHIFT 0
#endif
#define MAX_NUMNODES (1 << NODES_SHIFT)
#define SECTION_SIZE_BITS 27				/* arch/x86/include/asm/sparsemem.h */
#define MAX_PHYSMEM_BITS 46
/* include/linux/mmzone.h (MAX_PAGE_ORDER = 10, free_area[] has
 * NR_PAGE_ORDERS = 11 entries) */
#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES (1 << MAX_PAGE_ORDER)
#define PAGE_ALLOC_COSTLY_ORDER 3
#define ANON_AND_FILE 2
#define MIN_NR_GENS 2U
#define MAX_NR_GENS 4U
#define MAX_NR_TIERS 4U
#define NR_HIST_GENS 1U					/* !CONFIG_LRU_GEN_STATS */
#define NR_BLOOM_FILTERS 2
#define MEMCG_NR_GENS 3
#define MEMCG_NR_BINS 8
#define ASYNC_AND_SYNC 2
#define PFN_SECTION_SHIFT (SECTION_SIZE_BITS - PAGE_SHIFT)
/* include/linux/mmzone.h (7.x): the largest folio, and the tails of the
 * vmemmap that HVO shares per zone (zone->vmemmap_tails[]) */
#if !defined(CONFIG_HAVE_GIGANTIC_FOLIOS)
#define MAX_FOLIO_ORDER MAX_PAGE_ORDER
#elif defined(CONFIG_SPARSEMEM) && !defined(CONFIG_SPARSEMEM_VMEMMAP)
#define MAX_FOLIO_ORDER PFN_SECTION_SHIFT
#elif defined(CONFIG_HUGETLB_PAGE)
#define MAX_FOLIO_ORDER (34 - PAGE_SHIFT)		/* ilog2(SZ_16G) - PAGE_SHIFT */
#endif
#define KP_ILOG2(n) (63 - __builtin_clzl(n))
#define VMEMMAP_TAIL_MIN_ORDER (KP_ILOG2(2 * PAGE_SIZE / sizeof(struct page)))
#define __NR_VMEMMAP_TAILS (MAX_FOLIO_ORDER - VMEMMAP_TAIL_MIN_ORDER + 1)
#define NR_VMEMMAP_TAILS (__NR_VMEMMAP_TAILS > 0 ? __NR_VMEMMAP_TAILS : 0)

/* ---- include/linux/page-flags.h [H] ------------------------------------- */
enum pageflags {
	PG_locked,		/* Page is locked. Don't touch. */
	PG_writeback,		/* Page is under writeback */
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_head,		/* Must be in bit 6 */
	PG_waiters,		/* Page has waiters, check its waitqueue. Must be bit #7 and in the same byte as "PG_locked" */
	PG_active,
	PG_workingset,
	PG_owner_priv_1,	/* Owner use. If pagecache, fs may use */
	PG_owner_2,		/* Owner use. If pagecache, fs may use */
	PG_arch_1,
	PG_reserved,
	PG_private,		/* If pagecache, has fs-private data */
	PG_private_2,		/* If pagecache, has fs aux data */
	PG_reclaim,		/* To be reclaimed asap */
	PG_swapbacked,		/* Page is backed by RAM/swap */
	PG_unevictable,		/* Page is "unevictable"  */
	PG_dropbehind,		/* drop pages on IO completion */
#ifdef CONFIG_MMU
	PG_mlocked,		/* Page is vma mlocked */
#endif
#ifdef CONFIG_MEMORY_FAILURE
	PG_hwpoison,		/* hardware poisoned page. Don't touch */
#endif
#if defined(CONFIG_PAGE_IDLE_FLAG) && defined(CONFIG_64BIT)
	PG_young,
	PG_idle,
#endif
#ifdef CONFIG_ARCH_USES_PG_ARCH_2
	PG_arch_2,
#endif
#ifdef CONFIG_ARCH_USES_PG_ARCH_3
	PG_arch_3,
#endif
	__NR_PAGEFLAGS,

	PG_readahead = PG_reclaim,

	/* Anonymous memory (and shmem) */
	PG_swapcache = PG_owner_priv_1, /* Swap page: swp_entry_t in private */
	/* Some filesystems */
	PG_checked = PG_owner_priv_1,

	/*
	 * Depending on the way an anonymous folio can be mapped into a page
	 * table (e.g., single PMD/PUD/CONT of the head page vs. PTE-mapped
	 * THP), PG_anon_exclusive may be set only for the head page or for
	 * tail pages of an anonymous folio. For now, we only expect it to be
	 * set on tail pages for PTE-mapped THP.
	 */
	PG_anon_exclusive = PG_owner_2,

	/*
	 * Set if all buffer heads in the folio are mapped.
	 * Filesystems which do not use BHs can use it for their own purpose.
	 */
	PG_mappedtodisk = PG_owner_2,

	/* Two page bits are conscripted by FS-Cache to maintain local caching
	 * state.  These bits are set on pages belonging to the netfs's inodes
	 * when those inodes are being locally cached.
	 */
	PG_fscache = PG_private_2,	/* page backed by cache */

	/* XEN */
	/* Pinned in Xen as a read-only pagetable page. */
	PG_pinned = PG_owner_priv_1,
	/* Pinned as part of domain save (see xen_mm_pin_all()). */
	PG_savepinned = PG_dirty,
	/* Has a grant mapping of another (foreign) domain's page. */
	PG_foreign = PG_owner_priv_1,
	/* Remapped by swiotlb-xen. */
	PG_xen_remapped = PG_owner_priv_1,

#ifdef CONFIG_MIGRATION
	/* movable_ops page that is isolated for migration */
	PG_movable_ops_isolated = PG_reclaim,
	/* this is a movable_ops page (for selected typed pages only) */
	PG_movable_ops = PG_uptodate,
#endif

	/* Only valid for buddy pages. Used to track pages that are reported */
	PG_reported = PG_uptodate,

#ifdef CONFIG_MEMORY_HOTPLUG
	/* For self-hosted memmap pages */
	PG_vmemmap_self_hosted = PG_owner_priv_1,
#endif

	/*
	 * Flags only valid for compound pages.  Stored in first tail page's
	 * flags word.  Cannot use the first 8 flags or any flag marked as
	 * PF_ANY.
	 */

	/* At least one page in this folio has the hwpoison flag set */
	PG_has_hwpoisoned = PG_active,
	PG_large_rmappable = PG_workingset, /* anon or file-backed */
	PG_partially_mapped = PG_reclaim, /* was identified to be partially mapped */
};
#define NR_PAGEFLAGS __NR_PAGEFLAGS
#define NR_PAGEFLAGS_CPP 25	/* __NR_PAGEFLAGS of this config (kernel/bounds.c), for #if */

/*
 * For pages that do not use mapcount, page_type may be used.
 * The low 24 bits of pagetype may be used for your own purposes, as long
 * as you are careful to not affect the top 8 bits.  The low bits of
 * pagetype will be overwritten when you clear the page_type from the page.
 */
enum pagetype {
	/* 0x00-0x7f are positive numbers, ie mapcount */
	/* Reserve 0x80-0xef for mapcount overflow. */
	PGTY_buddy		= 0xf0,
	PGTY_offline		= 0xf1,
	PGTY_table		= 0xf2,
	PGTY_guard		= 0xf3,
	PGTY_hugetlb		= 0xf4,
	PGTY_slab		= 0xf5,
	PGTY_zsmalloc		= 0xf6,
	PGTY_unaccepted		= 0xf7,
	PGTY_large_kmalloc	= 0xf8,

	PGTY_mapcount_underflow = 0xff
};
/* kernel/vmcore_info.c exports the typed values as VMCOREINFO numbers */
#define PAGE_BUDDY_MAPCOUNT_VALUE	(PGTY_buddy << 24)
#define PAGE_HUGETLB_MAPCOUNT_VALUE	(PGTY_hugetlb << 24)
#define PAGE_OFFLINE_MAPCOUNT_VALUE	(PGTY_offline << 24)
#define PAGE_SLAB_MAPCOUNT_VALUE	(PGTY_slab << 24)
/* folio->mapping low bits (include/linux/page-flags.h, 6.17+: no
 * PAGE_MAPPING_MOVABLE; movable_ops pages have PG_movable_ops instead) */
#define FOLIO_MAPPING_ANON	0x1
#define FOLIO_MAPPING_ANON_KSM	0x2
#define FOLIO_MAPPING_KSM	(FOLIO_MAPPING_ANON | FOLIO_MAPPING_ANON_KSM)
#define FOLIO_MAPPING_FLAGS	(FOLIO_MAPPING_ANON | FOLIO_MAPPING_ANON_KSM)
/* Compound pages: folio_large_order() is folio->_flags_1 & 0xff (include/linux/mm.h) */
#define FOLIO_ORDER_MASK 0xff

/* ---- include/linux/page-flags-layout.h (+ kernel/bounds.c values) ------- */
#if defined(CONFIG_ZONE_DEVICE)
#define MAX_NR_ZONES 5
#else
#define MAX_NR_ZONES 4
#endif
#ifdef CONFIG_LRU_GEN
#define LRU_GEN_WIDTH 3			/* order_base_2(MAX_NR_GENS + 1) */
#define __LRU_REFS_WIDTH 2		/* MAX_NR_TIERS - 2 */
#else
#define LRU_GEN_WIDTH 0
#define __LRU_REFS_WIDTH 0
#endif
#define NR_CPUS_BITS 13			/* ilog2(CONFIG_NR_CPUS) */
#if MAX_NR_ZONES < 2
#define ZONES_SHIFT 0
#elif MAX_NR_ZONES <= 2
#define ZONES_SHIFT 1
#elif MAX_NR_ZONES <= 4
#define ZONES_SHIFT 2
#elif MAX_NR_ZONES <= 8
#define ZONES_SHIFT 3
#endif
#define ZONES_WIDTH ZONES_SHIFT
#ifdef CONFIG_SPARSEMEM
#define SECTIONS_SHIFT (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS)
#else
#define SECTIONS_SHIFT 0
#endif
#if defined(CONFIG_SPARSEMEM) && !defined(CONFIG_SPARSEMEM_VMEMMAP)
#define SECTIONS_WIDTH SECTIONS_SHIFT
#else
#define SECTIONS_WIDTH 0
#endif
#if ZONES_WIDTH + LRU_GEN_WIDTH + SECTIONS_WIDTH + NODES_SHIFT <= BITS_PER_LONG - NR_PAGEFLAGS_CPP
#define NODES_WIDTH NODES_SHIFT
#elif defined(CONFIG_SPARSEMEM_VMEMMAP)
#error "Vmemmap: No space for nodes field in page flags"
#else
#define NODES_WIDTH 0
#endif
#if NODES_SHIFT != 0 && NODES_WIDTH == 0
#define NODE_NOT_IN_PAGE_FLAGS 1
#endif
#define KASAN_TAG_WIDTH 0
#ifdef CONFIG_NUMA_BALANCING
#define LAST__PID_SHIFT 8
#define LAST__CPU_SHIFT NR_CPUS_BITS
#define LAST_CPUPID_SHIFT (LAST__PID_SHIFT + LAST__CPU_SHIFT)
#else
#define LAST_CPUPID_SHIFT 0
#endif
#if ZONES_WIDTH + LRU_GEN_WIDTH + SECTIONS_WIDTH + NODES_WIDTH + KASAN_TAG_WIDTH + LAST_CPUPID_SHIFT <= BITS_PER_LONG - NR_PAGEFLAGS_CPP
#define LAST_CPUPID_WIDTH LAST_CPUPID_SHIFT
#else
#define LAST_CPUPID_WIDTH 0
#endif
#if LAST_CPUPID_SHIFT != 0 && LAST_CPUPID_WIDTH == 0
#define LAST_CPUPID_NOT_IN_PAGE_FLAGS
#endif
#define LRU_REFS_WIDTH (__LRU_REFS_WIDTH < BITS_PER_LONG - NR_PAGEFLAGS_CPP - ZONES_WIDTH - LRU_GEN_WIDTH - SECTIONS_WIDTH - NODES_WIDTH - KASAN_TAG_WIDTH - LAST_CPUPID_WIDTH ? __LRU_REFS_WIDTH : BITS_PER_LONG - NR_PAGEFLAGS_CPP - ZONES_WIDTH - LRU_GEN_WIDTH - SECTIONS_WIDTH - NODES_WIDTH - KASAN_TAG_WIDTH - LAST_CPUPID_WIDTH)
/* include/linux/mmzone.h: page->flags from bit 63 down:
 * | SECTION | NODE | ZONE | LAST_CPUPID | KASAN_TAG | LRU_GEN | LRU_REFS | ... | FLAGS | */
#define SECTIONS_PGOFF ((sizeof(unsigned long) * 8) - SECTIONS_WIDTH)
#define NODES_PGOFF (SECTIONS_PGOFF - NODES_WIDTH)
#define ZONES_PGOFF (NODES_PGOFF - ZONES_WIDTH)
#define LAST_CPUPID_PGOFF (ZONES_PGOFF - LAST_CPUPID_WIDTH)
#define KASAN_TAG_PGOFF (LAST_CPUPID_PGOFF - KASAN_TAG_WIDTH)
#define LRU_GEN_PGOFF (KASAN_TAG_PGOFF - LRU_GEN_WIDTH)
#define LRU_REFS_PGOFF (LRU_GEN_PGOFF - LRU_REFS_WIDTH)
#define SECTIONS_PGSHIFT (SECTIONS_PGOFF * (SECTIONS_WIDTH != 0))
#define NODES_PGSHIFT (NODES_PGOFF * (NODES_WIDTH != 0))
#define ZONES_PGSHIFT (ZONES_PGOFF * (ZONES_WIDTH != 0))
#define LAST_CPUPID_PGSHIFT (LAST_CPUPID_PGOFF * (LAST_CPUPID_WIDTH != 0))
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)
#define NODES_MASK ((1UL << NODES_WIDTH) - 1)
#define SECTIONS_MASK ((1UL << SECTIONS_WIDTH) - 1)

/* ---- include/linux/mm_types.h [H] --------------------------------------- */
typedef struct {
	unsigned long f;
} memdesc_flags_t;

#ifdef CONFIG_HAVE_ALIGNED_STRUCT_PAGE
#define _struct_page_alignment	__attribute__((__aligned__(2 * sizeof(unsigned long))))
#else
#define _struct_page_alignment	__attribute__((__aligned__(sizeof(unsigned long))))
#endif

struct page {
	memdesc_flags_t flags;		/* Atomic flags, some possibly
					 * updated asynchronously */
	/*
	 * Five words (20/40 bytes) are available in this union.
	 * WARNING: bit 0 of the first word is used for PageTail(). That
	 * means the other users of this union MUST NOT use the bit to
	 * avoid collision and false-positive PageTail().
	 */
	union {
		struct {	/* Page cache and anonymous pages */
			/**
			 * @lru: Pageout list, eg. active_list protected by
			 * lruvec->lru_lock.  Sometimes used as a generic list
			 * by the page owner.
			 */
			union {
				struct list_head lru;

				/* Or, free page */
				struct list_head buddy_list;
				struct list_head pcp_list;
				struct llist_node pcp_llist;
			};
			struct address_space *mapping;
			union {
				pgoff_t __folio_index;		/* Our offset within mapping. */
				unsigned long share;	/* share count for fsdax */
			};
			/**
			 * @private: Mapping-private opaque data.
			 * Usually used for buffer_heads if PagePrivate.
			 * Used for swp_entry_t if swapcache flag set.
			 * Indicates order in the buddy system if PageBuddy
			 * or on pcp_llist.
			 */
			unsigned long private;
		};
		struct {	/* page_pool used by netstack */
			/**
			 * @pp_magic: magic value to avoid recycling non
			 * page_pool allocated pages.
			 */
			unsigned long pp_magic;
			struct page_pool *pp;
			unsigned long _pp_mapping_pad;
			unsigned long dma_addr;
			atomic_long_t pp_ref_count;
		};
		struct {	/* Tail pages of compound page */
			unsigned long compound_info;	/* Bit zero is set */
		};
		struct {	/* ZONE_DEVICE pages */
			/*
			 * The first word is used for compound_info or folio
			 * pgmap
			 */
			void *_unused_pgmap_compound_info;
			void *zone_device_data;
			/*
			 * ZONE_DEVICE private pages are counted as being
			 * mapped so the next 3 words hold the mapping, index,
			 * and private fields from the source anonymous or
			 * page cache page while the page is migrated to device
			 * private memory.
			 * ZONE_DEVICE MEMORY_DEVICE_FS_DAX pages also
			 * use the mapping, index, and private fields when
			 * pmem backed DAX files are mapped.
			 */
		};

		/** @rcu_head: You can use this to free a page by RCU. */
		struct rcu_head rcu_head;
	};

	union {		/* This union is 4 bytes in size. */
		/*
		 * For head pages of typed folios, the value stored here
		 * allows for determining what this page is used for. The
		 * tail pages of typed folios will not store a type
		 * (page_type == _mapcount == -1).
		 *
		 * See page-flags.h for a list of page types which are currently
		 * stored here.
		 *
		 * Owners of typed folios may reuse the lower 16 bit of the
		 * head page page_type field after setting the page type,
		 * but must reset these 16 bit to -1 before clearing the
		 * page type.
		 */
		unsigned int page_type;

		/*
		 * For pages that are part of non-typed folios for which mappings
		 * are tracked via the RMAP, encodes the number of times this page
		 * is directly referenced by a page table.
		 *
		 * Note that the mapcount is always initialized to -1, so that
		 * transitions both from it and to it can be tracked, using
		 * atomic_inc_and_test() and atomic_add_negative(-1).
		 */
		atomic_t _mapcount;
	};

	/* Usage count. *DO NOT USE DIRECTLY*. See page_ref.h */
	atomic_t _refcount;

#ifdef CONFIG_MEMCG
	unsigned long memcg_data;
#elif defined(CONFIG_SLAB_OBJ_EXT)
	unsigned long _unused_slab_obj_exts;
#endif

	/*
	 * On machines where all RAM is mapped into kernel address space,
	 * we can simply calculate the virtual address. On machines with
	 * highmem some memory is mapped into kernel virtual memory
	 * dynamically, so we need a place to store that address.
	 * Note that this field could be 16 bits on x86 ... ;)
	 *
	 * Architectures with slow multiplication can define
	 * WANT_PAGE_VIRTUAL in asm/page.h
	 */
#if defined(WANT_PAGE_VIRTUAL)
	void *virtual;			/* Kernel virtual address (NULL if
					   not kmapped, ie. highmem) */
#endif /* WANT_PAGE_VIRTUAL */

#ifdef LAST_CPUPID_NOT_IN_PAGE_FLAGS
	int _last_cpupid;
#endif

#ifdef CONFIG_KMSAN
	/*
	 * KMSAN metadata for this page:
	 *  - shadow page: every bit indicates whether the corresponding
	 *    bit of the original page is initialized (0) or not (1);
	 *  - origin page: every 4 bytes contain an id of the stack trace
	 *    where the uninitialized value was created.
	 */
	struct page *kmsan_shadow;
	struct page *kmsan_origin;
#endif
} _struct_page_alignment;

/*
 * A swap entry has to fit into a "unsigned long", as the entry is hidden
 * in the "index" field of the swapper address space.
 */
typedef struct {
	unsigned long val;
} swp_entry_t;

#if defined(CONFIG_MEMCG) || defined(CONFIG_SLAB_OBJ_EXT)
/* We have some extra room after the refcount in tail pages. */
#define NR_PAGES_IN_LARGE_FOLIO
#endif

#ifdef CONFIG_64BIT
typedef int mm_id_mapcount_t;
typedef unsigned int mm_id_t;
#else /* !CONFIG_64BIT */
typedef short mm_id_mapcount_t;
typedef unsigned short mm_id_t;
#endif /* CONFIG_64BIT */

struct folio {
	/* private: don't document the anon union */
	union {
		struct {
	/* public: */
			memdesc_flags_t flags;
			union {
				struct list_head lru;
	/* private: avoid cluttering the output */
				/* For the Unevictable "LRU list" slot */
				struct {
					/* Avoid compound_info */
					void *__filler;
	/* public: */
					unsigned int mlock_count;
	/* private: */
				};
	/* public: */
				struct dev_pagemap *pgmap;
			};
			struct address_space *mapping;
			union {
				pgoff_t index;
				unsigned long share;
			};
			union {
				void *private;
				swp_entry_t swap;
				unsigned long migrate_info;
			};
			atomic_t _mapcount;
			atomic_t _refcount;
#ifdef CONFIG_MEMCG
			unsigned long memcg_data;
#elif defined(CONFIG_SLAB_OBJ_EXT)
			unsigned long _unused_slab_obj_exts;
#endif
#if defined(WANT_PAGE_VIRTUAL)
			void *virtual;
#endif
#ifdef LAST_CPUPID_NOT_IN_PAGE_FLAGS
			int _last_cpupid;
#endif
	/* private: the union with struct page is transitional */
		};
		struct page page;
	};
	union {
		struct {
			unsigned long _flags_1;
			unsigned long _head_1;
			union {
				struct {
	/* public: */
					atomic_t _large_mapcount;
					atomic_t _nr_pages_mapped;
#ifdef CONFIG_64BIT
					atomic_t _entire_mapcount;
					atomic_t _pincount;
#endif /* CONFIG_64BIT */
					mm_id_mapcount_t _mm_id_mapcount[2];
					union {
						mm_id_t _mm_id[2];
						unsigned long _mm_ids;
					};
	/* private: the union with struct page is transitional */
				};
				unsigned long _usable_1[4];
			};
			atomic_t _mapcount_1;
			atomic_t _refcount_1;
	/* public: */
#ifdef NR_PAGES_IN_LARGE_FOLIO
			unsigned int _nr_pages;
#endif /* NR_PAGES_IN_LARGE_FOLIO */
	/* private: the union with struct page is transitional */
		};
		struct page __page_1;
	};
	union {
		struct {
			unsigned long _flags_2;
			unsigned long _head_2;
	/* public: */
			struct list_head _deferred_list;
#ifndef CONFIG_64BIT
			atomic_t _entire_mapcount;
			atomic_t _pincount;
#endif /* !CONFIG_64BIT */
	/* private: the union with struct page is transitional */
		};
		struct page __page_2;
	};
	union {
		struct {
			unsigned long _flags_3;
			unsigned long _head_3;
	/* public: */
			void *_hugetlb_subpool;
			void *_hugetlb_cgroup;
			void *_hugetlb_cgroup_rsvd;
			void *_hugetlb_hwpoison;
	/* private: the union with struct page is transitional */
		};
		struct page __page_3;
	};
};

/**
 * struct ptdesc -    Memory descriptor for page tables.
 */
struct ptdesc {
	memdesc_flags_t pt_flags;

	union {
		struct rcu_head pt_rcu_head;
		struct list_head pt_list;
		struct {
			unsigned long _pt_pad_1;
			pgtable_t pmd_huge_pte;
		};
	};
	unsigned long __page_mapping;

	union {
		pgoff_t pt_index;
		struct mm_struct *pt_mm;
		atomic_t pt_frag_refcount;
#ifdef CONFIG_HUGETLB_PMD_PAGE_TABLE_SHARING
		atomic_t pt_share_count;
#endif
	};

	union {
		unsigned long _pt_pad_2;
#if ALLOC_SPLIT_PTLOCKS
		spinlock_t *ptl;
#else
		spinlock_t ptl;
#endif
	};
	unsigned int __page_type;
	atomic_t __page_refcount;
#ifdef CONFIG_MEMCG
	unsigned long pt_memcg_data;
#endif
};

/* ---- mm/slab.h [D] (not in the headers package: as the 7.3.4 DWARF has
 * it; SLUB is the only allocator) ------------------------------------------ */
typedef u128 freelist_full_t;
struct freelist_counters {
	union {
		struct {
			void *freelist;
			union {
				unsigned long counters;
				struct {
					unsigned inuse:16;
					unsigned objects:15;
					unsigned frozen:1;
					unsigned obj_exts_in_object:1;
					unsigned obj_exts_needs_objcg:1;
				};
			};
		};
		freelist_full_t freelist_counters;
	};
};

/* Reuses the bits in struct page */
struct slab {
	memdesc_flags_t flags;

	struct kmem_cache *slab_cache;
	union {
		struct {
			struct list_head slab_list;
			/* Double-word boundary */
			struct freelist_counters;
		};
		struct rcu_head callback_head;
	};

	unsigned int __page_type;
	atomic_t __page_refcount;
#ifdef CONFIG_SLAB_OBJ_EXT
	unsigned long obj_exts;
#endif
};

/* ---- include/linux/mmzone.h [H] ----------------------------------------- */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,	/* the number of types on the pcp lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
#ifdef CONFIG_CMA
	/*
	 * MIGRATE_CMA migration type is designed to mimic the way
	 * ZONE_MOVABLE works.  Only movable pages can be allocated
	 * from MIGRATE_CMA pageblocks and page allocator never
	 * implicitly change migration type of MIGRATE_CMA pageblock.
	 *
	 * The way to use it is to change migratetype of a range of
	 * pageblocks to MIGRATE_CMA which can be done by
	 * __free_pageblock_cma() function.
	 */
	MIGRATE_CMA,
	__MIGRATE_TYPE_END = MIGRATE_CMA,
#else
	__MIGRATE_TYPE_END = MIGRATE_HIGHATOMIC,
#endif
#ifdef CONFIG_MEMORY_ISOLATION
	MIGRATE_ISOLATE,	/* can't allocate from here */
#endif
	MIGRATE_TYPES
};

struct free_area {
	struct list_head	free_list[MIGRATE_TYPES];
	unsigned long		nr_free;
};

#ifdef CONFIG_NUMA
enum numa_stat_item {
	NUMA_HIT,		/* allocated in intended node */
	NUMA_MISS,		/* allocated in non intended node */
	NUMA_FOREIGN,		/* was intended here, hit elsewhere */
	NUMA_INTERLEAVE_HIT,	/* interleaver preferred this zone */
	NUMA_LOCAL,		/* allocation from local node */
	NUMA_OTHER,		/* allocation from other node */
	NR_VM_NUMA_EVENT_ITEMS
};
#else
#define NR_VM_NUMA_EVENT_ITEMS 0
#endif

enum zone_stat_item {
	/* First 128 byte cacheline (assuming 64 bit words) */
	NR_FREE_PAGES,
	NR_FREE_PAGES_BLOCKS,
	NR_ZONE_LRU_BASE, /* Used only for compaction and reclaim retry */
	NR_ZONE_INACTIVE_ANON = NR_ZONE_LRU_BASE,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,	/* Count of dirty, writeback and unstable pages */
	NR_MLOCK,		/* mlock()ed pages found and moved off LRU */
#if defined(CONFIG_ZSMALLOC)
	NR_ZSPAGES,		/* allocated in zsmalloc */
#endif
	NR_FREE_CMA_PAGES,
#ifdef CONFIG_UNACCEPTED_MEMORY
	NR_UNACCEPTED,
#endif
	NR_VM_ZONE_STAT_ITEMS };

enum node_stat_item {
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE, /* must match order of LRU_[IN]ACTIVE */
	NR_ACTIVE_ANON,		/*  "     "     "   "       "         */
	NR_INACTIVE_FILE,	/*  "     "     "   "       "         */
	NR_ACTIVE_FILE,		/*  "     "     "   "       "         */
	NR_UNEVICTABLE,		/*  "     "     "   "       "         */
	NR_SLAB_RECLAIMABLE_B,
	NR_SLAB_UNRECLAIMABLE_B,
	NR_ISOLATED_ANON,	/* Temporary isolated pages from anon lru */
	NR_ISOLATED_FILE,	/* Temporary isolated pages from file lru */
	WORKINGSET_NODES,
	WORKINGSET_REFAULT_BASE,
	WORKINGSET_REFAULT_ANON = WORKINGSET_REFAULT_BASE,
	WORKINGSET_REFAULT_FILE,
	WORKINGSET_ACTIVATE_BASE,
	WORKINGSET_ACTIVATE_ANON = WORKINGSET_ACTIVATE_BASE,
	WORKINGSET_ACTIVATE_FILE,
	WORKINGSET_RESTORE_BASE,
	WORKINGSET_RESTORE_ANON = WORKINGSET_RESTORE_BASE,
	WORKINGSET_RESTORE_FILE,
	WORKINGSET_NODERECLAIM,
	NR_ANON_MAPPED,	/* Mapped anonymous pages */
	NR_FILE_MAPPED,	/* pagecache pages mapped into pagetables.
			   only modified from process context */
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SHMEM,		/* shmem pages (included tmpfs/GEM pages) */
	NR_SHMEM_THPS,
	NR_SHMEM_PMDMAPPED,
	NR_FILE_THPS,
	NR_FILE_PMDMAPPED,
	NR_ANON_THPS,
	NR_VMSCAN_WRITE,
	NR_VMSCAN_IMMEDIATE,	/* Prioritise for reclaim when writeback ends */
	NR_DIRTIED,		/* page dirtyings since bootup */
	NR_WRITTEN,		/* page writings since bootup */
	NR_THROTTLED_WRITTEN,	/* NR_WRITTEN while reclaim throttled */
	NR_KERNEL_MISC_RECLAIMABLE,	/* reclaimable non-slab kernel pages */
	NR_FOLL_PIN_ACQUIRED,	/* via: pin_user_page(), gup flag: FOLL_PIN */
	NR_FOLL_PIN_RELEASED,	/* pages returned via unpin_user_page() */
	NR_VMALLOC,
	NR_KERNEL_STACK_KB,	/* measured in KiB */
#if defined(CONFIG_SHADOW_CALL_STACK)
	NR_KERNEL_SCS_KB,	/* measured in KiB */
#endif
	NR_PAGETABLE,		/* used for pagetables */
	NR_SECONDARY_PAGETABLE, /* secondary pagetables, KVM & IOMMU */
#ifdef CONFIG_IOMMU_SUPPORT
	NR_IOMMU_PAGES,		/* # of pages allocated by IOMMU */
#endif
#ifdef CONFIG_SWAP
	NR_SWAPCACHE,
#endif
#ifdef CONFIG_NUMA_BALANCING
	PGPROMOTE_SUCCESS,	/* promote successfully */
	PGPROMOTE_CANDIDATE,	/* candidate pages to promote */
	PGPROMOTE_CANDIDATE_NRL,	/* candidate pages without hitting the rate limit */
#endif
	/* PGDEMOTE_*: pages demoted */
	PGDEMOTE_KSWAPD,
	PGDEMOTE_DIRECT,
	PGDEMOTE_KHUGEPAGED,
	PGDEMOTE_PROACTIVE,
	PGSTEAL_KSWAPD,
	PGSTEAL_DIRECT,
	PGSTEAL_KHUGEPAGED,
	PGSTEAL_PROACTIVE,
	PGSTEAL_ANON,
	PGSTEAL_FILE,
	PGSCAN_KSWAPD,
	PGSCAN_DIRECT,
	PGSCAN_KHUGEPAGED,
	PGSCAN_PROACTIVE,
	PGSCAN_ANON,
	PGSCAN_FILE,
	PGROTATE_ANON,
	PGROTATE_FILE,
	PGREFILL,
#ifdef CONFIG_HUGETLB_PAGE
	NR_HUGETLB,
#endif
	NR_BALLOON_PAGES,
	NR_KERNEL_FILE_PAGES,
	NR_GPU_ACTIVE,		/* Pages assigned to GPU objects */
	NR_GPU_RECLAIM,		/* Pages in shrinkable GPU pools */
	NR_VM_NODE_STAT_ITEMS
};

#define LRU_BASE 0
#define LRU_ACTIVE 1
#define LRU_FILE 2

enum lru_list {
	LRU_INACTIVE_ANON = LRU_BASE,
	LRU_ACTIVE_ANON = LRU_BASE + LRU_ACTIVE,
	LRU_INACTIVE_FILE = LRU_BASE + LRU_FILE,
	LRU_ACTIVE_FILE = LRU_BASE + LRU_FILE + LRU_ACTIVE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};

enum vmscan_throttle_state {
	VMSCAN_THROTTLE_WRITEBACK,
	VMSCAN_THROTTLE_ISOLATED,
	VMSCAN_THROTTLE_NOPROGRESS,
	VMSCAN_THROTTLE_CONGESTED,
	NR_VMSCAN_THROTTLE,
};

enum zone_type {
#ifdef CONFIG_ZONE_DMA
	ZONE_DMA,
#endif
#ifdef CONFIG_ZONE_DMA32
	ZONE_DMA32,
#endif
	ZONE_NORMAL,
#ifdef CONFIG_HIGHMEM
	ZONE_HIGHMEM,
#endif
	ZONE_MOVABLE,
#ifdef CONFIG_ZONE_DEVICE
	ZONE_DEVICE,
#endif
	__MAX_NR_ZONES
};

#ifdef CONFIG_LRU_GEN
struct lru_gen_folio {
	/* the aging increments the youngest generation number */
	unsigned long max_seq;
	/* the eviction increments the oldest generation numbers */
	unsigned long min_seq[ANON_AND_FILE];
	/* the birth time of each generation in jiffies */
	unsigned long timestamps[MAX_NR_GENS];
	/* the multi-gen LRU lists, lazily sorted on eviction */
	struct list_head folios[MAX_NR_GENS][ANON_AND_FILE][MAX_NR_ZONES];
	/* the multi-gen LRU sizes, eventually consistent */
	long nr_pages[MAX_NR_GENS][ANON_AND_FILE][MAX_NR_ZONES];
	/* the exponential moving average of refaulted */
	unsigned long avg_refaulted[ANON_AND_FILE][MAX_NR_TIERS];
	/* the exponential moving average of evicted+protected */
	unsigned long avg_total[ANON_AND_FILE][MAX_NR_TIERS];
	/* can only be modified under the LRU lock */
	unsigned long protected[NR_HIST_GENS][ANON_AND_FILE][MAX_NR_TIERS];
	/* can be modified without holding the LRU lock */
	atomic_long_t evicted[NR_HIST_GENS][ANON_AND_FILE][MAX_NR_TIERS];
	atomic_long_t refaulted[NR_HIST_GENS][ANON_AND_FILE][MAX_NR_TIERS];
	/* whether the multi-gen LRU is enabled */
	bool enabled;
	/* the memcg generation this lru_gen_folio belongs to */
	u8 gen;
	/* the list segment this lru_gen_folio belongs to */
	u8 seg;
	/* per-node lru_gen_folio list for global reclaim */
	struct hlist_nulls_node list;
};

enum {
	MM_LEAF_TOTAL,		/* total leaf entries */
	MM_LEAF_YOUNG,		/* young leaf entries */
	MM_NONLEAF_FOUND,	/* non-leaf entries found in Bloom filters */
	MM_NONLEAF_ADDED,	/* non-leaf entries added to Bloom filters */
	NR_MM_STATS
};

struct lru_gen_mm_state {
	/* synced with max_seq after each iteration */
	unsigned long seq;
	/* where the current iteration continues after */
	struct list_head *head;
	/* where the last iteration ended before */
	struct list_head *tail;
	/* Bloom filters flip after each iteration */
	unsigned long *filters[NR_BLOOM_FILTERS];
	/* the mm stats for debugging */
	unsigned long stats[NR_HIST_GENS][NR_MM_STATS];
};

struct lru_gen_mm_walk {
	/* the lruvec under reclaim */
	struct lruvec *lruvec;
	/* max_seq from lru_gen_folio: can be out of date */
	unsigned long seq;
	/* the next address within an mm to scan */
	unsigned long next_addr;
	/* to batch promoted pages */
	int nr_pages[MAX_NR_GENS][ANON_AND_FILE][MAX_NR_ZONES];
	/* to batch the mm stats */
	int mm_stats[NR_MM_STATS];
	/* total batched items */
	int batched;
	int swappiness;
	bool force_scan;
};

struct lru_gen_memcg {
	/* the per-node memcg generation counter */
	unsigned long seq;
	/* each memcg has one lru_gen_folio per node */
	unsigned long nr_memcgs[MEMCG_NR_GENS];
	/* per-node lru_gen_folio list for global reclaim */
	struct hlist_nulls_head	fifo[MEMCG_NR_GENS][MEMCG_NR_BINS];
	/* protects the above */
	spinlock_t lock;
};
#endif /* CONFIG_LRU_GEN */

/* include/linux/zswap.h [E] */
struct zswap_lruvec_state {
#ifdef CONFIG_ZSWAP
	/*
	 * Number of swapped in pages from disk, i.e not found in the zswap pool.
	 *
	 * This is consumed and subtracted from the lru size in
	 * zswap_shrinker_count() to penalize past overshrinking that led to disk
	 * swapins. The idea is that had we considered this many more pages in the
	 * LRU active/protected and not written them back, we would not have had to
	 * swapped them in.
	 */
	atomic_long_t nr_disk_swapins;
#endif
};

/* 7.x: the reclaim cost per LRU type */
struct lru_cost {
	unsigned long		count;
	unsigned long		last_rotated;
	unsigned long		last_io;
};

struct lruvec {
	struct list_head		lists[NR_LRU_LISTS];
	/* per lruvec lru_lock for memcg */
	spinlock_t			lru_lock;
	/*
	 * These track the cost of reclaiming one LRU - file or anon -
	 * over the other. As the observed cost of reclaiming one LRU
	 * increases, the reclaim scan balance tips toward the other.
	 */
	struct lru_cost			cost[ANON_AND_FILE];
	spinlock_t			cost_lock;
	/* Non-resident age, driven by LRU movement */
	atomic_long_t			nonresident_age;
	/* Refaults at the time of last reclaim cycle */
	unsigned long			refaults[ANON_AND_FILE];
	/* Various lruvec state flags (enum lruvec_flags) */
	unsigned long			flags;
#ifdef CONFIG_LRU_GEN
	/* evictable pages divided into generations */
	struct lru_gen_folio		lrugen;
#ifdef CONFIG_LRU_GEN_WALKS_MMU
	/* to concurrently iterate lru_gen_mm_list */
	struct lru_gen_mm_state		mm_state;
#endif
#endif /* CONFIG_LRU_GEN */
#ifdef CONFIG_MEMCG
	struct pglist_data *pgdat;
#endif
	struct zswap_lruvec_state zswap_lruvec_state;
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	WMARK_PROMO,
	NR_WMARK
};

/*
 * One per migratetype for each PAGE_ALLOC_COSTLY_ORDER. Two additional lists
 * are added for THP. One PCP list is used by GPF_MOVABLE, and the other PCP list
 * is used by GFP_UNMOVABLE and GFP_RECLAIMABLE.
 */
#ifdef CONFIG_TRANSPARENT_HUGEPAGE
#define NR_PCP_THP 2
#else
#define NR_PCP_THP 0
#endif
#define NR_LOWORDER_PCP_LISTS (MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1))
#define NR_PCP_LISTS (NR_LOWORDER_PCP_LISTS + NR_PCP_THP)

struct per_cpu_pages {
	spinlock_t lock;	/* Protects lists field */
	int count;		/* number of pages in the list */
	int high;		/* high watermark, emptying needed */
	int high_min;		/* min high watermark */
	int high_max;		/* max high watermark */
	int batch;		/* chunk size for buddy add/remove */
	u8 flags;		/* protected by pcp->lock */
	u8 alloc_factor;	/* batch scaling factor during allocate */
#ifdef CONFIG_NUMA
	u8 expire;		/* When 0, remote pagesets are drained */
#endif
	short free_count;	/* consecutive free count */

	/* Lists of pages, one per migrate type stored on the pcp-lists */
	struct list_head lists[NR_PCP_LISTS];
} ____cacheline_aligned_in_smp;

struct per_cpu_zonestat {
#ifdef CONFIG_SMP
	s8 vm_stat_diff[NR_VM_ZONE_STAT_ITEMS];
	s8 stat_threshold;
#endif
#ifdef CONFIG_NUMA
	/*
	 * Low priority inaccurate counters that are only folded
	 * on demand. Use a large type to avoid the overhead of
	 * folding during refresh_cpu_vm_stats.
	 */
	unsigned long vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];
#endif
};

struct per_cpu_nodestat {
	s8 stat_threshold;
	s8 vm_node_stat_diff[NR_VM_NODE_STAT_ITEMS];
};

struct zone {
	/* Read-mostly fields */

	/* zone watermarks, access with *_wmark_pages(zone) macros */
	unsigned long _watermark[NR_WMARK];
	unsigned long watermark_boost;

	unsigned long nr_reserved_highatomic;
	unsigned long nr_free_highatomic;

	/*
	 * We don't know if the memory that we're going to allocate will be
	 * freeable or/and it will be released eventually, so to avoid totally
	 * wasting several GB of ram we must reserve some of the lower zone
	 * memory (otherwise we risk to run OOM on the lower zones despite
	 * there being tons of freeable ram on the higher zones).  This array is
	 * recalculated at runtime if the sysctl_lowmem_reserve_ratio sysctl
	 * changes.
	 */
	long lowmem_reserve[MAX_NR_ZONES];

#ifdef CONFIG_NUMA
	int node;
#endif
	struct pglist_data	*zone_pgdat;
	struct per_cpu_pages	/* __percpu */ *per_cpu_pageset;
	struct per_cpu_zonestat	/* __percpu */ *per_cpu_zonestats;
	/*
	 * the high and batch values are copied to individual pagesets for
	 * faster access
	 */
	int pageset_high_min;
	int pageset_high_max;
	int pageset_batch;

#ifndef CONFIG_SPARSEMEM
	/*
	 * Flags for a pageblock_nr_pages block. See pageblock-flags.h.
	 * In SPARSEMEM, this map is stored in struct mem_section
	 */
	unsigned long		*pageblock_flags;
#endif /* CONFIG_SPARSEMEM */

	/* zone_start_pfn == zone_start_paddr >> PAGE_SHIFT */
	unsigned long		zone_start_pfn;

	/*
	 * spanned_pages is the total pages spanned by the zone, including
	 * holes, which is calculated as:
	 * 	spanned_pages = zone_end_pfn - zone_start_pfn;
	 *
	 * present_pages is physical pages existing within the zone, which
	 * is calculated as:
	 *	present_pages = spanned_pages - absent_pages(pages in holes);
	 *
	 * present_early_pages is present pages existing within the zone
	 * located on memory available since early boot, excluding hotplugged
	 * memory.
	 *
	 * managed_pages is present pages managed by the buddy system, which
	 * is calculated as (reserved_pages includes pages allocated by the
	 * bootmem allocator):
	 *	managed_pages = present_pages - reserved_pages;
	 *
	 * cma pages is present pages that are assigned for CMA use
	 * (MIGRATE_CMA).
	 */
	atomic_long_t		managed_pages;
	unsigned long		spanned_pages;
	unsigned long		present_pages;
#if defined(CONFIG_MEMORY_HOTPLUG)
	unsigned long		present_early_pages;
#endif
#ifdef CONFIG_CMA
	unsigned long		cma_pages;
#endif

	const char		*name;

#ifdef CONFIG_MEMORY_ISOLATION
	/*
	 * Number of isolated pageblock. It is used to solve incorrect
	 * freepage counting problem due to racy retrieving migratetype
	 * of pageblock. Protected by zone->lock.
	 */
	unsigned long		nr_isolate_pageblock;
#endif

#ifdef CONFIG_MEMORY_HOTPLUG
	/* see spanned/present_pages for more description */
	seqlock_t		span_seqlock;
#endif

	int initialized;

	/* Write-intensive fields used from the page allocator */
	CACHELINE_PADDING(_pad1_);

	/* free areas of different sizes */
	struct free_area	free_area[NR_PAGE_ORDERS];

#ifdef CONFIG_UNACCEPTED_MEMORY
	/* Pages to be accepted. All pages on the list are MAX_PAGE_ORDER */
	struct list_head	unaccepted_pages;

	/* To be called once the last page in the zone is accepted */
	struct work_struct	unaccepted_cleanup;
#endif

	/* zone flags, see below */
	unsigned long		flags;

	/* Primarily protects free_area */
	spinlock_t		lock;

	/* Pages to be freed when next trylock succeeds */
	struct llist_head	trylock_free_pages;

	/* Write-intensive fields used by compaction and vmstats. */
	CACHELINE_PADDING(_pad2_);

	/*
	 * When free pages are below this point, additional steps are taken
	 * when reading the number of free pages to avoid per-cpu counter
	 * drift allowing watermarks to be breached
	 */
	unsigned long percpu_drift_mark;

#if defined CONFIG_COMPACTION || defined CONFIG_CMA
	/* pfn where compaction free scanner should start */
	unsigned long		compact_cached_free_pfn;
	/* pfn where compaction migration scanner should start */
	unsigned long		compact_cached_migrate_pfn[ASYNC_AND_SYNC];
	unsigned long		compact_init_migrate_pfn;
	unsigned long		compact_init_free_pfn;
#endif

#ifdef CONFIG_COMPACTION
	/*
	 * On compaction failure, 1<<compact_defer_shift compactions
	 * are skipped before trying again. The number attempted since
	 * last failure is tracked with compact_considered.
	 * compact_order_failed is the minimum compaction failed order.
	 */
	unsigned int		compact_considered;
	unsigned int		compact_defer_shift;
	int			compact_order_failed;
#endif

#if defined CONFIG_COMPACTION || defined CONFIG_CMA
	/* Set to true when the PG_migrate_skip bits should be cleared */
	bool			compact_blockskip_flush;
#endif

	bool			contiguous;

	CACHELINE_PADDING(_pad3_);
	/* Zone statistics */
	atomic_long_t		vm_stat[NR_VM_ZONE_STAT_ITEMS];
	atomic_long_t		vm_numa_event[NR_VM_NUMA_EVENT_ITEMS];
#ifdef CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP
	struct page *vmemmap_tails[NR_VMEMMAP_TAILS];
#endif
} ____cacheline_internodealigned_in_smp;

enum pgdat_flags {
	PGDAT_WRITEBACK,		/* reclaim scanning has recently found
					 * many pages under writeback
					 */
	PGDAT_RECLAIM_LOCKED,		/* prevents concurrent reclaim */
};

enum zone_flags {
	ZONE_BOOSTED_WATERMARK,		/* zone recently boosted watermarks.
					 * Cleared when kswapd is woken.
					 */
	ZONE_RECLAIM_ACTIVE,		/* kswapd may be scanning the zone. */
	ZONE_BELOW_HIGH,		/* zone is below high watermark. */
};

#define MAX_ZONES_PER_ZONELIST (MAX_NUMNODES * MAX_NR_ZONES)

enum {
	ZONELIST_FALLBACK,	/* zonelist with fallback */
#ifdef CONFIG_NUMA
	/*
	 * The NUMA zonelists are doubled because we need zonelists that
	 * restrict the allocations to a single node for __GFP_THISNODE.
	 */
	ZONELIST_NOFALLBACK,	/* zonelist without fallback (__GFP_THISNODE) */
#endif
	MAX_ZONELISTS
};

/*
 * This struct contains information about a zone in a zonelist. It is stored
 * here to avoid dereferences into large structures and lookups of tables
 */
struct zoneref {
	struct zone *zone;	/* Pointer to actual zone */
	int zone_idx;		/* zone_idx(zoneref->zone) */
};

struct zonelist {
	struct zoneref _zonerefs[MAX_ZONES_PER_ZONELIST + 1];
};


#ifdef CONFIG_MEMORY_FAILURE
/*
 * Per NUMA node memory failure handling statistics.
 */
struct memory_failure_stats {
	/*
	 * Number of raw pages poisoned.
	 * Cases not accounted: memory outside kernel control, offline page,
	 * arch-specific memory_failure (SGX), hwpoison_filter() filtered
	 * error events, and unpoison actions from hwpoison_unpoison.
	 */
	unsigned long total;
	/*
	 * Recovery results of poisoned raw pages.
	 * Sum of them equals total.
	 */
	unsigned long ignored;
	unsigned long failed;
	unsigned long delayed;
	unsigned long recovered;
};
#endif

typedef struct pglist_data {
	/*
	 * node_zones contains just the zones for THIS node. Not all of the
	 * zones may be populated, but it is the full list. It is referenced by
	 * this node's node_zonelists as well as other node's node_zonelists.
	 */
	struct zone node_zones[MAX_NR_ZONES];

	/*
	 * node_zonelists contains references to all zones in all nodes.
	 * Generally the first zones will be references to this node's
	 * node_zones.
	 */
	struct zonelist node_zonelists[MAX_ZONELISTS];

	int nr_zones; /* number of populated zones in this node */
#ifdef CONFIG_FLATMEM	/* means !SPARSEMEM */
	struct page *node_mem_map;
#ifdef CONFIG_PAGE_EXTENSION
	struct page_ext *node_page_ext;
#endif
#endif
#if defined(CONFIG_MEMORY_HOTPLUG) || defined(CONFIG_DEFERRED_STRUCT_PAGE_INIT)
	/*
	 * Must be held any time you expect node_start_pfn,
	 * node_present_pages, node_spanned_pages or nr_zones to stay constant.
	 * Also synchronizes pgdat->first_deferred_pfn during deferred page
	 * init.
	 */
	spinlock_t node_size_lock;
#endif
	unsigned long node_start_pfn;
	unsigned long node_present_pages; /* total number of physical pages */
	unsigned long node_spanned_pages; /* total size of physical page
					     range, including holes */
	int node_id;
	wait_queue_head_t kswapd_wait;
	wait_queue_head_t pfmemalloc_wait;

	/* workqueues for throttling reclaim for different reasons. */
	wait_queue_head_t reclaim_wait[NR_VMSCAN_THROTTLE];

	atomic_t nr_writeback_throttled;/* nr of writeback-throttled tasks */
	unsigned long nr_reclaim_start;	/* nr pages written while throttled
					 * when throttling started. */
#ifdef CONFIG_MEMORY_HOTPLUG
	struct mutex kswapd_lock;
#endif
	struct task_struct *kswapd;	/* Protected by kswapd_lock */
	int kswapd_order;
	enum zone_type kswapd_highest_zoneidx;

	atomic_t kswapd_failures;	/* Number of 'reclaimed == 0' runs */

#ifdef CONFIG_COMPACTION
	int kcompactd_max_order;
	enum zone_type kcompactd_highest_zoneidx;
	wait_queue_head_t kcompactd_wait;
	struct task_struct *kcompactd;
	bool proactive_compact_trigger;
#endif
	/*
	 * This is a per-node reserve of pages that are not available
	 * to userspace allocations.
	 */
	unsigned long		totalreserve_pages;

#ifdef CONFIG_NUMA
	/*
	 * node reclaim becomes active if more unmapped pages exist.
	 */
	unsigned long		min_unmapped_pages;
	unsigned long		min_slab_pages;
#endif /* CONFIG_NUMA */

	/* Write-intensive fields used by page reclaim */
	CACHELINE_PADDING(_pad1_);

#ifdef CONFIG_DEFERRED_STRUCT_PAGE_INIT
	/*
	 * If memory initialisation on large machines is deferred then this
	 * is the first PFN that needs to be initialised.
	 */
	unsigned long first_deferred_pfn;
#endif /* CONFIG_DEFERRED_STRUCT_PAGE_INIT */


#ifdef CONFIG_NUMA_BALANCING
	/* start time in ms of current promote rate limit period */
	unsigned int nbp_rl_start;
	/* number of promote candidate pages at start time of current rate limit period */
	unsigned long nbp_rl_nr_cand;
	/* promote threshold in ms */
	unsigned int nbp_threshold;
	/* start time in ms of current promote threshold adjustment period */
	unsigned int nbp_th_start;
	/*
	 * number of promote candidate pages at start time of current promote
	 * threshold adjustment period
	 */
	unsigned long nbp_th_nr_cand;
#endif
	/* Fields commonly accessed by the page reclaim scanner */

	/*
	 * NOTE: THIS IS UNUSED IF MEMCG IS ENABLED.
	 *
	 * Use mem_cgroup_lruvec() to look up lruvecs.
	 */
	struct lruvec		__lruvec;

	unsigned long		flags;

#ifdef CONFIG_LRU_GEN
	/* kswap mm walk data */
	struct lru_gen_mm_walk mm_walk;
	/* lru_gen_folio list */
	struct lru_gen_memcg memcg_lru;
#endif

	CACHELINE_PADDING(_pad2_);

	/* Per-node vmstats */
	struct per_cpu_nodestat /* __percpu */ *per_cpu_nodestats;
	atomic_long_t		vm_stat[NR_VM_NODE_STAT_ITEMS];
#ifdef CONFIG_NUMA
	struct memory_tier /* __rcu */ *memtier;
#endif
#ifdef CONFIG_MEMORY_FAILURE
	struct memory_failure_stats mf_stats;
#endif
} pg_data_t;

/* Sparse memory */
#define PAGES_PER_SECTION (1UL << PFN_SECTION_SHIFT)
#define NR_MEM_SECTIONS (1UL << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS))
#define SUBSECTION_SHIFT 21
#define PFN_SUBSECTION_SHIFT (SUBSECTION_SHIFT - PAGE_SHIFT)
#define PAGES_PER_SUBSECTION (1UL << PFN_SUBSECTION_SHIFT)
#define SUBSECTIONS_PER_SECTION (1UL << (SECTION_SIZE_BITS - SUBSECTION_SHIFT))
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

struct mem_section_usage {
	struct rcu_head rcu;
#ifdef CONFIG_SPARSEMEM_VMEMMAP
	DECLARE_BITMAP(subsection_map, SUBSECTIONS_PER_SECTION);
#endif
	/* See declaration of similar field in struct zone */
	unsigned long pageblock_flags[0];
};

struct page_ext;
struct mem_section {
	/*
	 * This is, logically, a pointer to an array of struct
	 * pages.  However, it is stored with some other magic.
	 * (see sparse.c::sparse_init_one_section())
	 *
	 * Additionally during early boot we encode node id of
	 * the location of the section here to guide allocation.
	 * (see sparse.c::memory_present())
	 *
	 * Making it a UL at least makes someone do a cast
	 * before using it wrong.
	 */
	unsigned long section_mem_map;

	struct mem_section_usage *usage;
#ifdef CONFIG_PAGE_EXTENSION
	/*
	 * If SPARSEMEM, pgdat doesn't have page_ext pointer. We use
	 * section. (see page_ext.h about this.)
	 */
	struct page_ext *page_ext;
	unsigned long pad;
#endif
	/*
	 * WARNING: mem_section must be a power-of-2 in size for the
	 * calculation and use of SECTION_ROOT_MASK to make sense.
	 */
};

#ifdef CONFIG_SPARSEMEM_EXTREME
#define SECTIONS_PER_ROOT       (PAGE_SIZE / sizeof (struct mem_section))
#else
#define SECTIONS_PER_ROOT	1
#endif
#define SECTION_NR_TO_ROOT(sec)	((sec) / SECTIONS_PER_ROOT)
#define NR_SECTION_ROOTS	((NR_MEM_SECTIONS + SECTIONS_PER_ROOT - 1) / SECTIONS_PER_ROOT)
#define SECTION_ROOT_MASK	(SECTIONS_PER_ROOT - 1)

/*
 * Section bits use the lower unused bits of the mem_map pointer
 */
enum {
	SECTION_MARKED_PRESENT_BIT,
#ifdef KP_VARIANT_section_bits	/* (a kernel that moved the bit: kpage must follow) */
	SECTION_IS_EARLY_BIT,
	SECTION_IS_ONLINE_BIT,
	SECTION_HAS_MEM_MAP_BIT,
#else
	SECTION_HAS_MEM_MAP_BIT,
	SECTION_IS_ONLINE_BIT,
	SECTION_IS_EARLY_BIT,
#endif
#ifdef CONFIG_ZONE_DEVICE
	SECTION_TAINT_ZONE_DEVICE_BIT,
#endif
#ifdef CONFIG_SPARSEMEM_VMEMMAP_PREINIT
	SECTION_IS_VMEMMAP_PREINIT_BIT,
#endif
	SECTION_MAP_LAST_BIT,
};
#define SECTION_MARKED_PRESENT		(1UL << SECTION_MARKED_PRESENT_BIT)
#define SECTION_HAS_MEM_MAP		(1UL << SECTION_HAS_MEM_MAP_BIT)
#define SECTION_IS_ONLINE		(1UL << SECTION_IS_ONLINE_BIT)
#define SECTION_IS_EARLY		(1UL << SECTION_IS_EARLY_BIT)
#define SECTION_MAP_MASK		(~((1UL << SECTION_MAP_LAST_BIT) - 1))
#define SECTION_NID_SHIFT		SECTION_MAP_LAST_BIT

/* ---- include/linux/pageblock-flags.h [H] -------------------------------- */
#ifndef KP_VARIANT_pageblock_bits
enum pageblock_bits {
	PB_migrate_0,
	PB_migrate_1,
	PB_migrate_2,
	PB_compact_skip,/* If set the block is skipped by compaction */

#ifdef CONFIG_MEMORY_ISOLATION
	/*
	 * Pageblock isolation is represented with a separate bit, so that
	 * the migratetype of a block is not overwritten by isolation.
	 */
	PB_migrate_isolate, /* If set the block is isolated */
#endif
	/*
	 * Assume the bits will always align on a word. If this assumption
	 * changes then get/set pageblock needs updating.
	 */
	__NR_PAGEBLOCK_BITS
};
#else	/* negative variant: a shape kpage must refuse, not read as 8 bits */
enum pageblock_bits {
	PB_migrate_0,
	PB_migrate_1,
	PB_migrate_2,
	PB_migrate_3,
	PB_compact_skip,
	PB_migrate_isolate,
	__NR_PAGEBLOCK_BITS
};
#endif
/* roundup_pow_of_two(__NR_PAGEBLOCK_BITS), for the bitmap's size */
#define NR_PAGEBLOCK_BITS (__NR_PAGEBLOCK_BITS <= 4 ? 4 : __NR_PAGEBLOCK_BITS <= 8 ? 8 : 16)
#define PAGEBLOCK_MIGRATETYPE_MASK ((1UL << PB_migrate_0) | (1UL << PB_migrate_1) | (1UL << PB_migrate_2))
#if defined(KP_VARIANT_no_hugetlb)
/* no HUGETLB_PAGE: PAGE_BLOCK_MAX_ORDER (its default, MAX_PAGE_ORDER) */
#define pageblock_order 10
#elif !defined(KP_VARIANT_pageblock_variable)
/* HUGETLB_PAGE: MIN(HUGETLB_PAGE_ORDER, PAGE_BLOCK_MAX_ORDER) = MIN(9, 10) */
#define pageblock_order 9
#endif   /* (HUGETLB_PAGE_SIZE_VARIABLE: the variable, with the globals) */
#define pageblock_nr_pages (1UL << pageblock_order)
#define SECTION_BLOCKFLAGS_BITS ((1UL << (PFN_SECTION_SHIFT - pageblock_order)) * NR_PAGEBLOCK_BITS)

/* ---- owners: slab caches, files, memory cgroups ------------------------- *
 * What kpage follows from a page to its owner, as this kernel has it:
 *   struct kmem_cache (mm/slab.h: slub_def.h folded in), slabobj_ext
 *     (include/linux/memcontrol.h, 6.10+: the slab's obj_exts vector)
 *   address_space, inode, super_block, file_system_type (include/linux/fs.h)
 *   qstr, dentry (include/linux/dcache.h; d_u is anonymous in 7.x)
 *   mem_cgroup, obj_cgroup, enum page_memcg_data_flags (memcontrol.h);
 *   cgroup, cgroup_subsys_state (cgroup-defs.h); kernfs_node (kernfs.h,
 *   parent is __parent since 6.15)
 * Members kpage reads and their neighbours are the kernel's; long stretches
 * no reader looks at are byte arrays named after the members they stand
 * for, so offsets and sizes equal the Debian 7.3.4 DWARF (asserted below). */
/* Included by the fixture generator after the C library's headers, which
 * have these names too: there they are spelled kp_*. */
#ifdef FX_IMAGE_H
#define dev_t kp_dev_t
#define loff_t kp_loff_t
#define blkcnt_t kp_blkcnt_t
#endif
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef long long loff_t;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef u32 errseq_t;
typedef u64 blkcnt_t;
typedef long long time64_t;
typedef struct { unsigned int val; } kuid_t;
typedef struct { unsigned int val; } kgid_t;
typedef struct { u8 b[16]; } uuid_t;
typedef struct { atomic_t refs; } refcount_t;
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_bl_node { struct hlist_bl_node *next, **pprev; };
struct rb_node { unsigned long __rb_parent_color; struct rb_node *rb_right, *rb_left; } __attribute__((aligned(sizeof(long))));
struct rb_root { struct rb_node *rb_node; };
struct rb_root_cached { struct rb_root rb_root; struct rb_node *rb_leftmost; };
struct rwsem_waiter;
struct rw_semaphore { atomic_long_t count; atomic_long_t owner; struct optimistic_spin_queue osq;
	raw_spinlock_t wait_lock; struct rwsem_waiter *first_waiter; };
struct xarray { spinlock_t xa_lock; gfp_t xa_flags; void *xa_head; };
struct lockref { union { u64 lock_count; struct { spinlock_t lock; int count; }; }; };
struct percpu_ref_data;
struct percpu_ref { unsigned long percpu_count_ptr; struct percpu_ref_data *data; };
struct workqueue_struct;
struct rcu_work { struct work_struct work; struct rcu_head rcu; struct workqueue_struct *wq; };
struct kref { refcount_t refcount; };
struct kset;
struct kobj_type;
struct kernfs_node;
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	struct kernfs_node *sd;
	struct kref kref;
	unsigned int state_initialized:1, state_in_sysfs:1, state_add_uevent_sent:1,
		state_remove_uevent_sent:1, uevent_suppress:1;
};

/* mm/slab.h */
struct slub_percpu_sheaves;
struct kmem_cache_node;
struct node_barn;
struct reciprocal_value { u32 m; u8 sh1, sh2; };
struct kmem_cache_order_objects { unsigned int x; };
struct kmem_cache_per_node_ptrs { struct node_barn *barn; struct kmem_cache_node *node; };
struct kmem_cache {
	struct slub_percpu_sheaves *cpu_sheaves;
	/* Used for retrieving partial slabs, etc. */
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned int size;		/* Object size including metadata */
	unsigned int object_size;	/* Object size without metadata */
	struct reciprocal_value reciprocal_size;
	unsigned int offset;		/* Free pointer offset */
	unsigned int sheaf_capacity;
	struct kmem_cache_order_objects oo;
	/* Allocation and freeing of slabs */
	struct kmem_cache_order_objects min;
	gfp_t allocflags;		/* gfp flags to use on each alloc */
	int refcount;			/* Refcount for slab cache destroy */
	void (*ctor)(void *object);	/* Object constructor */
	unsigned int inuse;		/* Offset to metadata */
	unsigned int align;		/* Alignment */
	unsigned int red_left_pad;	/* Left redzone padding size */
	const char *name;		/* Name (only for display!) */
	struct list_head list;		/* List of slab caches */
	struct kobject kobj;		/* For sysfs */
	unsigned long random;
#ifdef CONFIG_NUMA
	unsigned int remote_node_defrag_ratio;
#endif
	unsigned int *random_seq;
	unsigned int useroffset;	/* Usercopy region offset */
	unsigned int usersize;		/* Usercopy region size */
	struct kmem_cache_per_node_ptrs per_node[MAX_NUMNODES];
};

/* include/linux/memcontrol.h */
enum page_memcg_data_flags {
	/* page->memcg_data is a pointer to an slabobj_ext vector */
	MEMCG_DATA_OBJEXTS = (1UL << 0),
	/* page has been accounted as a non-slab kernel page */
	MEMCG_DATA_KMEM = (1UL << 1),
	/* the next bit after the last actual flag */
	__NR_MEMCG_DATA_FLAGS  = (1UL << 2),
};
struct obj_cgroup;
/* Extended information for slab objects stored as an array in page->memcg_data
 * if MEMCG_DATA_OBJEXTS is set (7.x: the objcg behind an accessor). */
struct slabobj_ext {
	union {
		struct obj_cgroup *_objcg;
	};
} __attribute__((aligned(8)));

/* include/linux/dcache.h */
struct qstr {
	union {
		struct {
			u32 hash;
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};
struct inode;
struct super_block;
struct dentry_operations;
struct completion_list;
#define DNAME_INLINE_WORDS 5
#define DNAME_INLINE_LEN (DNAME_INLINE_WORDS * sizeof(unsigned long))
union shortname_store {
	unsigned char string[DNAME_INLINE_LEN];
	unsigned long words[DNAME_INLINE_WORDS];
};
struct dentry {
	/* RCU lookup touched fields */
	unsigned int d_flags;		/* protected by d_lock */
	seqcount_spinlock_t d_seq;	/* per dentry seqlock */
	struct hlist_bl_node d_hash;	/* lookup hash list */
	struct dentry *d_parent;	/* parent directory */
	union {
		struct qstr __d_name;	/* for use ONLY in fs/dcache.c */
		const struct qstr d_name;
	};
	struct inode *d_inode;		/* Where the name belongs to - NULL is negative */
	union shortname_store d_shortname;
	/* --- cacheline 1 boundary (64 bytes) was 32 bytes ago --- */
	/* Ref lookup also touches following */
	const struct dentry_operations *d_op;
	struct super_block *d_sb;	/* The root of the dentry tree */
	unsigned long d_time;		/* used by d_revalidate */
	void *d_fsdata;			/* fs-specific data */
	/* --- cacheline 2 boundary (128 bytes) --- */
	struct lockref d_lockref;	/* per-dentry lock and refcount */
	struct list_head d_lru;		/* LRU list */
	struct hlist_node d_sib;	/* child of parent list */
	struct hlist_head d_children;	/* our children */
	/*
	 * d_alias and d_rcu can share memory
	 */
	union {
		struct hlist_node d_alias;	/* inode alias list */
		struct hlist_bl_node d_in_lookup_hash;	/* only for in-lookup ones */
		struct rcu_head d_rcu;
		struct completion_list *waiters;
	};
};

/* include/linux/fs.h */
struct address_space_operations;
struct address_space {
	struct inode *host;
	struct xarray i_pages;
	struct rw_semaphore invalidate_lock;
	gfp_t gfp_mask;
	atomic_t i_mmap_writable;
	struct rb_root_cached i_mmap;
	unsigned long nrpages;
	pgoff_t writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	errseq_t wb_err;
	spinlock_t i_private_lock;
	struct rw_semaphore i_mmap_rwsem;
} __attribute__((aligned(sizeof(long))));

struct posix_acl;
struct inode_operations;
struct file_operations;
struct file_lock_context;
struct bdi_writeback;
struct fsnotify_mark_connector;
struct inode_state_flags { unsigned int __state; };
struct inode {
	umode_t i_mode;
	unsigned short i_opflags;
	unsigned int i_flags;
	struct posix_acl *i_acl;
	struct posix_acl *i_default_acl;
	kuid_t i_uid;
	kgid_t i_gid;
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	void *i_security;
	/* Stat data, not accessed from path walking */
	u64 i_ino;
	union {
		const unsigned int i_nlink;
		unsigned int __i_nlink;
	};
	dev_t i_rdev;
	loff_t i_size;
	time64_t i_atime_sec;
	time64_t i_mtime_sec;
	time64_t i_ctime_sec;
	u32 i_atime_nsec;
	u32 i_mtime_nsec;
	u32 i_ctime_nsec;
	u32 i_generation;
	spinlock_t i_lock;	/* i_blocks, i_bytes, maybe i_size */
	unsigned short i_bytes;
	u8 i_blkbits;
	u8 i_write_hint;	/* enum rw_hint, a byte */
	blkcnt_t i_blocks;
	struct inode_state_flags i_state;
	struct rw_semaphore i_rwsem;
	unsigned long dirtied_when;	/* jiffies of first dirtying */
	unsigned long dirtied_time_when;
	struct hlist_node i_hash;
	struct list_head i_io_list;	/* backing dev IO list */
	struct bdi_writeback *i_wb;	/* the associated cgroup wb */
	int i_wb_frn_winner;
	u16 i_wb_frn_avg_time;
	u16 i_wb_frn_history;
	struct list_head i_lru;		/* inode LRU list */
	struct list_head i_sb_list;
	struct list_head i_wb_list;	/* backing dev writeback list */
	union {
		struct hlist_head i_dentry;
		struct rcu_head i_rcu;
	};
	atomic64_t i_version;
	atomic64_t i_sequence;		/* see futex */
	atomic_t i_count;
	atomic_t i_dio_count;
	atomic_t i_writecount;
	atomic_t i_readcount;		/* struct files open RO */
	union {
		const struct file_operations *i_fop;	/* former ->i_op->default_file_ops */
		void (*free_inode)(struct inode *);
	};
	struct file_lock_context *i_flctx;
	struct address_space i_data;
	union {
		struct list_head i_devices;
		int i_linklen;
	};
	union {
		struct pipe_inode_info *i_pipe;
		struct cdev *i_cdev;
		char *i_link;
		unsigned i_dir_seq;
	};
	u32 i_fsnotify_mask;		/* all events this inode cares about */
	struct fsnotify_mark_connector *i_fsnotify_marks;
	void *i_private;		/* fs or device private pointer */
};

struct fs_context;
struct fs_parameter_spec;
struct module;
struct lock_class_key { };
struct file_system_type {
	const char *name;
	int fs_flags;
	int (*init_fs_context)(struct fs_context *);
	const struct fs_parameter_spec *parameters;
	void (*kill_sb) (struct super_block *);
	struct module *owner;
	struct hlist_node list;
	struct hlist_head fs_supers;
	struct lock_class_key s_lock_key;
	struct lock_class_key s_umount_key;
	struct lock_class_key s_vfs_rename_key;
	struct lock_class_key s_writers_key[3];
	struct lock_class_key i_lock_key;
	struct lock_class_key i_mutex_key;
	struct lock_class_key invalidate_lock_key;
	struct lock_class_key i_mutex_dir_key;
};

struct super_dev;
struct super_operations;
struct dquot_operations;
struct quotactl_ops;
struct export_operations;
struct fsnotify_sb_info;
struct super_block {
	struct list_head s_list;	/* Keep this first */
	dev_t s_dev;			/* search index; _not_ kdev_t */
	struct super_dev *s_super_dev;
	unsigned char s_blocksize_bits;
	unsigned long s_blocksize;
	loff_t s_maxbytes;		/* Max file size */
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	const struct dquot_operations *dq_op;
	const struct quotactl_ops *s_qcop;
	const struct export_operations *s_export_op;
	unsigned long s_flags;
	unsigned long s_iflags;		/* internal SB_I_* flags */
	unsigned long s_magic;
	struct dentry *s_root;
	struct rw_semaphore s_umount;
	refcount_t s_passive;
	atomic_t s_active;
	/* s_security .. s_instances, s_quota_types, s_dquot, s_writers */
	unsigned char __kp_s_security_to_s_writers[920 - 168];
	void *s_fs_info;		/* Filesystem private info */
	u32 s_time_gran;
	time64_t s_time_min;
	time64_t s_time_max;
	u32 s_fsnotify_mask;
	struct fsnotify_sb_info *s_fsnotify_info;
	char s_id[32];			/* Informational name */
	uuid_t s_uuid;			/* UUID */
	u8 s_uuid_len;
	char s_sysfs_name[36 + 1];
	unsigned int s_max_links;
	unsigned int s_d_flags;		/* default d_flags for dentries */
	struct mutex s_vfs_rename_mutex;	/* Kludge */
	const char *s_subtype;
	const struct dentry_operations *__s_d_op;	/* default d_op for dentries */
	/* s_shrink .. s_isw_nr_in_flight */
	unsigned char __kp_s_shrink_to_s_isw_nr_in_flight[1408 - 1104];
} __attribute__((aligned(64)));

/* include/linux/kernfs.h */
struct kernfs_root;
struct kernfs_ops;
struct kernfs_open_node;
struct kernfs_iattrs;
struct ns_common;
struct kernfs_elem_dir { unsigned long subdirs; struct rb_root children; struct kernfs_root *root; unsigned long rev; };
struct kernfs_elem_symlink { struct kernfs_node *target_kn; };
struct kernfs_elem_attr { const struct kernfs_ops *ops; struct kernfs_open_node *open; loff_t size; struct kernfs_node *notify_next; };
struct kernfs_node {
	atomic_t count;
	atomic_t active;
	/*
	 * Use kernfs_get_parent() and kernfs_name/path() instead of
	 * accessing the following two fields directly.
	 */
	struct kernfs_node *__parent;
	const char *name;
	struct rb_node rb;
	const struct ns_common *ns;	/* namespace tag */
	unsigned int hash;		/* ns + name hash */
	unsigned short flags;
	umode_t mode;
	union {
		struct kernfs_elem_dir dir;
		struct kernfs_elem_symlink symlink;
		struct kernfs_elem_attr attr;
	};
	u64 id;
	void *priv;
	struct kernfs_iattrs *iattr;
	struct rcu_head rcu;
};

/* include/linux/cgroup-defs.h */
struct cgroup;
struct cgroup_subsys;
struct css_rstat_cpu;
struct cgroup_subsys_state {
	struct cgroup *cgroup;
	struct cgroup_subsys *ss;
	struct percpu_ref refcnt;
	struct css_rstat_cpu *rstat_cpu;
	struct list_head sibling;
	struct list_head children;
	int id;
	unsigned int flags;
	u64 serial_nr;
	atomic_t online_cnt;
	struct work_struct destroy_work;
	struct rcu_work destroy_rwork;
	struct cgroup_subsys_state *parent;
	int nr_descendants;
	int nr_populated_csets;
	int nr_populated_children;
	struct work_struct kill_finish_work;
	struct cgroup_subsys_state *rstat_flush_next;
};
struct cgroup {
	struct cgroup_subsys_state self;
	unsigned long flags;		/* "unsigned long" so bitops work */
	int level;
	int max_depth;
	int nr_descendants;
	int nr_dying_descendants;
	int max_descendants;
	int nr_populated_domain_children;
	int nr_populated_threaded_children;
	int nr_threaded_children;
	unsigned int kill_seq;
	struct kernfs_node *kn;		/* cgroup kernfs entry */
	/* procs_file .. freezer, then the ancestors (flexible) */
	unsigned char __kp_procs_file_to_ancestors[2352 - 304];
	struct cgroup *ancestors[];
} __attribute__((aligned(64)));

/* include/linux/memcontrol.h */
struct mem_cgroup;
struct obj_cgroup {
	struct percpu_ref refcnt;
	struct mem_cgroup *memcg;
	atomic_t nr_charged_bytes;
	union {
		struct list_head list;	/* protected by objcg_lock */
		struct rcu_head rcu;
	};
	bool is_root;
};
struct mem_cgroup_private_id { int id; refcount_t ref; };
struct mem_cgroup {
	struct cgroup_subsys_state css;
	/* Private memcg ID. Used to ID objects that outlive the cgroup */
	struct mem_cgroup_private_id id;
	/* memory .. mm_list (page counters, events, vmstats, writeback) */
	unsigned char __kp_memory_to_mm_list[1528 - 256] __attribute__((aligned(64)));
	struct mem_cgroup_per_node *nodeinfo[];
};

/* The Debian 7.3.4 DWARF's offsets and sizes (pahole). */
_Static_assert((KP_NUMA ? sizeof(struct kmem_cache) == 16592 : 1) && __builtin_offsetof(struct kmem_cache, name) == 88 &&
	       __builtin_offsetof(struct kmem_cache, object_size) == 28, "kmem_cache");
_Static_assert(sizeof(struct slabobj_ext) == 8, "slabobj_ext");
_Static_assert(sizeof(struct dentry) == 192 && __builtin_offsetof(struct dentry, d_name) == 32 &&
	       __builtin_offsetof(struct dentry, d_alias) == 176, "dentry");
_Static_assert(sizeof(struct address_space) == 152 && __builtin_offsetof(struct address_space, nrpages) == 80, "address_space");
_Static_assert(sizeof(struct inode) == 560 && __builtin_offsetof(struct inode, i_ino) == 64 &&
	       __builtin_offsetof(struct inode, i_size) == 80 && __builtin_offsetof(struct inode, i_dentry) == 296 &&
	       __builtin_offsetof(struct inode, i_private) == 552, "inode");
_Static_assert(sizeof(struct file_system_type) == 72, "file_system_type");
_Static_assert(sizeof(struct super_block) == 1408 && __builtin_offsetof(struct super_block, s_type) == 56 &&
	       __builtin_offsetof(struct super_block, s_id) == 968 &&
	       __builtin_offsetof(struct super_block, __s_d_op) == 1096, "super_block");
_Static_assert(sizeof(struct kernfs_node) == 136 && __builtin_offsetof(struct kernfs_node, iattr) == 112, "kernfs_node");
_Static_assert(sizeof(struct cgroup_subsys_state) == 248, "cgroup_subsys_state");
_Static_assert(sizeof(struct cgroup) == 2368 && __builtin_offsetof(struct cgroup, kn) == 296, "cgroup");
_Static_assert(sizeof(struct obj_cgroup) == 56, "obj_cgroup");
_Static_assert(sizeof(struct mem_cgroup) == 1536, "mem_cgroup");

/* mm/ksm.c (CONFIG_KSM): its pages have FOLIO_MAPPING_KSM. Opaque here:
 * that the type exists is what kpage reads (which KSM rule the era has). */
struct ksm_stable_node { unsigned char __kp_opaque[64]; };

/* ---- mm/page_alloc.c: __zone_watermark_ok() (7.3), reduced to its shape --
 * kpage reads one fact of it from the DWARF: no local alloc_harder (6.3
 * split ALLOC_HARDER into ALLOC_MIN_RESERVE, ALLOC_NON_BLOCK and
 * ALLOC_HIGHATOMIC). ALLOC_* are mm/internal.h's. */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages)
{
	long min = mark;
	unsigned int o;

	free_pages -= (1 << order) - 1;
	if (alloc_flags & (0x10 /* ALLOC_NON_BLOCK */ | 0x20 /* ALLOC_MIN_RESERVE */)) {
		if (alloc_flags & 0x20)
			min -= min / 2;
		if ((alloc_flags & 0x20) && (alloc_flags & 0x10))
			min -= min / 4;
	}
	if (free_pages <= min + z->lowmem_reserve[highest_zoneidx])
		return 0;
	if (!order)
		return 1;
	for (o = order; o < sizeof(z->free_area) / sizeof(z->free_area[0]); o++)
		if (z->free_area[o].nr_free)
			return 1;
	return 0;
}

/* ---- the kernel's globals, as this config has them ---------------------- */
#if defined(CONFIG_HUGETLB_PAGE) && !defined(KP_VARIANT_no_hugetlb)
/* include/linux/hugetlb.h: struct hstate, opaque here (kpage reads none of
 * its members: that hstates[] exists says CONFIG_HUGETLB_PAGE, and so
 * pageblock_order = HUGETLB_PAGE_ORDER) */
struct hstate { unsigned char __kp_opaque[4096]; };
struct hstate hstates[2];				/* mm/hugetlb.c (HUGE_MAX_HSTATE) */
#endif
#ifdef KP_VARIANT_pageblock_variable
unsigned int pageblock_order;				/* mm/mm_init.c (HUGETLB_PAGE_SIZE_VARIABLE) */
#endif
#ifdef CONFIG_NUMA
struct pglist_data *node_data[MAX_NUMNODES];		/* mm/numa.c */
#else
struct pglist_data contig_page_data;			/* mm/mm_init.c */
#endif
#ifdef CONFIG_FLATMEM
struct page *mem_map;					/* mm/memory.c */
#endif
#ifdef CONFIG_SPARSEMEM_EXTREME
struct mem_section **mem_section;			/* mm/sparse.c */
#endif
#ifdef CONFIG_HUGETLB_PAGE_OPTIMIZE_VMEMMAP
static bool vmemmap_optimize_enabled = 1;		/* mm/hugetlb_vmemmap.c (__ro_after_init) */
bool *kp_keep_vmemmap_optimize_enabled = &vmemmap_optimize_enabled;	/* (fixture: keeps it) */
#endif
unsigned long page_offset_base;				/* arch/x86/kernel/head64.c (RANDOMIZE_MEMORY) */
unsigned long vmemmap_base;
atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS] ____cacheline_aligned_in_smp;	/* mm/vmstat.c */
atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS] ____cacheline_aligned_in_smp;
atomic_long_t _totalram_pages;				/* mm/show_mem.c */
const char * const migratetype_names[MIGRATE_TYPES] = {	/* mm/page_alloc.c */
	"Unmovable",
	"Movable",
	"Reclaimable",
	"HighAtomic",
#ifdef CONFIG_CMA
	"CMA",
#endif
#ifdef CONFIG_MEMORY_ISOLATION
	"Isolate",
#endif
};
const char linux_banner[] =				/* init/version-timestamp.c */
	"Linux version " KP_ERA_RELEASE "-kpage-fixture (kpage@fixture) #1 SMP\n";
unsigned long init_top_pgt[512] __attribute__((aligned(4096)));	/* arch/x86/kernel/head_64.S */

/* ---- layout checks (offsets as the 7.3.4 DWARF has them) ---------------- */
#ifdef LAST_CPUPID_NOT_IN_PAGE_FLAGS
_Static_assert(sizeof(struct page) == 80, "struct page with _last_cpupid");
#else
_Static_assert(sizeof(struct page) == 64, "struct page");
_Static_assert(sizeof(struct folio) == 256, "struct folio: four pages");
_Static_assert(__builtin_offsetof(struct folio, _flags_1) == 64, "_flags_1");
_Static_assert(__builtin_offsetof(struct folio, _nr_pages) == 64 + 56, "_nr_pages over memcg_data");
_Static_assert(sizeof(struct slab) == 64, "struct slab");
_Static_assert(sizeof(struct ptdesc) == 64, "struct ptdesc");
#endif
_Static_assert(sizeof(memdesc_flags_t) == 8, "memdesc_flags_t");
_Static_assert(__builtin_offsetof(struct page, flags) == 0, "flags");
_Static_assert(__builtin_offsetof(struct page, lru) == 8, "lru");
_Static_assert(__builtin_offsetof(struct page, buddy_list) == 8, "buddy_list");
_Static_assert(__builtin_offsetof(struct page, mapping) == 24, "mapping");
_Static_assert(__builtin_offsetof(struct page, __folio_index) == 32, "__folio_index");
_Static_assert(__builtin_offsetof(struct page, private) == 40, "private");
_Static_assert(__builtin_offsetof(struct page, compound_info) == 8, "compound_info");
_Static_assert(__builtin_offsetof(struct page, page_type) == 48, "page_type");
_Static_assert(__builtin_offsetof(struct page, _mapcount) == 48, "_mapcount");
_Static_assert(__builtin_offsetof(struct page, _refcount) == 52, "_refcount");
_Static_assert(__builtin_offsetof(struct page, memcg_data) == 56, "memcg_data");
_Static_assert(__builtin_offsetof(struct slab, __page_type) == __builtin_offsetof(struct page, page_type), "slab page_type");
_Static_assert(__builtin_offsetof(struct ptdesc, __page_type) == __builtin_offsetof(struct page, page_type), "ptdesc page_type");
_Static_assert(sizeof(struct free_area) == 16 * MIGRATE_TYPES + 8, "struct free_area");
_Static_assert(sizeof(struct mem_section) == 16, "struct mem_section");
_Static_assert(__NR_PAGEFLAGS == NR_PAGEFLAGS_CPP, "NR_PAGEFLAGS_CPP");
_Static_assert(__MAX_NR_ZONES == MAX_NR_ZONES, "MAX_NR_ZONES");
#if defined(KP_MEMMODEL_VMEMMAP) && KP_NUMA	/* Debian's configuration */
_Static_assert(NR_VM_ZONE_STAT_ITEMS == 12 && NR_VM_NODE_STAT_ITEMS == 69, "stat items");
_Static_assert(sizeof(struct zone) == 1856, "struct zone");
_Static_assert(__builtin_offsetof(struct zone, free_area) == 256, "zone.free_area");
_Static_assert(__builtin_offsetof(struct zone, vm_stat) == 1536, "zone.vm_stat");
_Static_assert(__builtin_offsetof(struct zone, vmemmap_tails) == 1680, "zone.vmemmap_tails");
_Static_assert(sizeof(struct pglist_data) == 176320, "struct pglist_data");
_Static_assert(sizeof(struct lruvec) == 1624, "struct lruvec");
#endif
