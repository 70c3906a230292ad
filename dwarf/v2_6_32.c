/* kpage era file: Linux 2.6.32, x86_64, a distro-like SMP/NUMA configuration
 * of the time (see "Config" below).
 *
 * The kernel's own type definitions re-typed, with the kernel's #ifdefs, so that
 * `gcc -g -c` gives DWARF equal to a real vmlinux for these types (test
 * fixtures are linked from this file, and the fixture generator #includes it).
 *
 * Taken from mainline v2.6.32 ("Linux 2.6.32", commit
 * 22763c5cf3690a681551162c15d34d935308c8d7) as held by the GitHub repository
 * dandel/linux-2.6.32.y (at that commit, not its tip, which changes MAX_ORDER):
 *   struct page, USE_SPLIT_PTLOCKS               include/linux/mm_types.h
 *   enum pageflags                               include/linux/page-flags.h
 *   PAGE_MAPPING_ANON, page->flags layout        include/linux/mm.h
 *     (SECTIONS/NODES/ZONES widths and offsets)
 *   MAX_ORDER, MIGRATE_* (macros in 2.6.32),     include/linux/mmzone.h
 *     free_area, zone_padding, zone_stat_item,
 *     lru_list, zone_watermarks, per_cpu_pages, per_cpu_pageset, zone_type,
 *     zone_reclaim_stat, zone (with zone_lru), zone_flags_t, zonelist_cache,
 *     zoneref, zonelist, pglist_data, memmap_context, mem_section,
 *     SECTION_* bits
 *   enum pageblock_bits                          include/linux/pageblock-flags.h
 *   atomic_t, atomic64_t (volatile counters),    include/linux/types.h
 *     pgoff_t (a macro), DECLARE_BITMAP
 *   atomic_long_t                                include/asm-generic/atomic-long.h
 *   spinlock_t, raw_spinlock_t                   include/linux/spinlock_types.h,
 *                                                  arch/x86/include/asm/spinlock_types.h
 *   seqlock_t, wait_queue_head_t                 include/linux/seqlock.h, wait.h
 *   ____cacheline_*aligned_in_smp                include/linux/cache.h,
 *                                                  arch/x86/include/asm/cache.h
 *   X86_L1_CACHE_SHIFT (6 for GENERIC_CPU)       arch/x86/Kconfig.cpu
 *   SECTION_SIZE_BITS 27, MAX_PHYSMEM_BITS 46    arch/x86/include/asm/sparsemem.h
 *   NODES_SHIFT / NR_CPUS                        arch/x86/Kconfig, x86_64_defconfig
 *   migratetype_names (static there), vm_stat    mm/vmstat.c
 *   mem_section (a static root array)            mm/sparse.c
 *   node_data                                    arch/x86/mm/numa_64.c
 *   contig_page_data                             mm/page_alloc.c
 *   mem_map                                      mm/memory.c
 *   linux_banner                                 init/version.c
 *   init_level4_pgt                              arch/x86/kernel/head_64.S
 * Cross-checked with the 2.6.32.70 stable tree (matachi/linux-2.6.32.y,
 * e084c6b032f2e1b2e836e6d79758c0104c8b7a15): the same types except that later
 * stable releases add zone->percpu_drift_mark after watermark[] (a backport
 * from 2.6.36); this file is plain 2.6.32.
 *
 * Config: arch/x86/configs/x86_64_defconfig of 2.6.32 (64BIT, SMP,
 * NR_CPUS=64, NUMA with NODES_SHIFT=6 (the Kconfig default for x86_64),
 * GENERIC_CPU so X86_L1_CACHE_SHIFT=6, SPARSEMEM_EXTREME +
 * SPARSEMEM_VMEMMAP, PAGEFLAGS_EXTENDED (PG_head/PG_tail), MIGRATION,
 * HUGETLB_PAGE, SLUB, X86_PAT so ARCH_USES_PG_UNCACHED,
 * HAVE_MLOCKED_PAGE_BIT, ZONE_DMA and ZONE_DMA32; no MEMORY_HOTPLUG,
 * MEMORY_FAILURE (no PG_hwpoison), KMEMCHECK, DEBUG_SPINLOCK, LOCKDEP,
 * GENERIC_LOCKBREAK, X86_VSMP) plus, as the distribution kernels of the time
 * had it, CGROUP_MEM_RES_CTLR: in 2.6.32 it does not touch struct page
 * (page_cgroup lives in arrays) but adds page_cgroup and pad to struct
 * mem_section (32 bytes) and, in FLATMEM, node_page_cgroup to pglist_data.
 * NR_CPUS >= SPLIT_PTLOCK_CPUS (4), so page->ptl exists.  struct page is 56
 * bytes.
 *
 * Memory model by macro (exactly one; default KP_MEMMODEL_VMEMMAP):
 *   KP_MEMMODEL_VMEMMAP   SPARSEMEM + SPARSEMEM_EXTREME + SPARSEMEM_VMEMMAP (defconfig)
 *   KP_MEMMODEL_SPARSEMEM SPARSEMEM + SPARSEMEM_EXTREME: section number in
 *                         page->flags (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS = 19 bits)
 *   KP_MEMMODEL_FLATMEM   FLATMEM (x86_64 2.6.32 could not select it:
 *                         ARCH_FLATMEM_ENABLE was X86_32 only; for the
 *                         fixtures): zone->pageblock_flags,
 *                         pgdat->node_mem_map and node_page_cgroup.
 * KP_NUMA (default 1): 0 drops NUMA (NODES_SHIFT 0, contig_page_data and the
 * global mem_map instead of node_data[], per-cpu pagesets embedded in the
 * zone, one zonelist, no NUMA_* zone counters).
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

#define KP_ERA_NAME "v2_6_32"
#define KP_ERA_RELEASE "2.6.32"

/* ---- the kernel config these definitions are built with ---------------- */
#define CONFIG_64BIT 1
#define CONFIG_X86_64 1
#define CONFIG_SMP 1
#define CONFIG_MMU 1
#define CONFIG_NR_CPUS 64
#define CONFIG_SPLIT_PTLOCK_CPUS 4
#define CONFIG_GENERIC_CPU 1
#define CONFIG_X86_L1_CACHE_SHIFT 6
#define CONFIG_ZONE_DMA 1
#define CONFIG_ZONE_DMA32 1
#define CONFIG_PAGEFLAGS_EXTENDED 1
#define CONFIG_HAVE_MLOCK 1
#define CONFIG_HAVE_MLOCKED_PAGE_BIT 1
#define CONFIG_X86_PAT 1
#define CONFIG_ARCH_USES_PG_UNCACHED 1
#define CONFIG_MIGRATION 1
#define CONFIG_HUGETLB_PAGE 1
#define CONFIG_SLUB 1
#define CONFIG_CGROUP_MEM_RES_CTLR 1
#if KP_NUMA
#define CONFIG_NUMA 1
#define CONFIG_NEED_MULTIPLE_NODES 1
#define CONFIG_NODES_SHIFT 6
#endif
#ifdef KP_MEMMODEL_FLATMEM
#define CONFIG_FLATMEM 1
#define CONFIG_FLAT_NODE_MEM_MAP 1
#else
#define CONFIG_SPARSEMEM 1
#define CONFIG_SPARSEMEM_EXTREME 1
#ifdef KP_MEMMODEL_VMEMMAP
#define CONFIG_SPARSEMEM_VMEMMAP 1
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
#ifndef __bool_true_false_are_defined
typedef _Bool bool;
#endif
#ifndef pgoff_t
#define pgoff_t unsigned long
#endif
typedef struct {
	volatile int counter;
} atomic_t;
#ifdef CONFIG_64BIT
typedef struct {
	volatile long counter;
} atomic64_t;
#endif
typedef atomic64_t atomic_long_t;                 /* asm-generic/atomic-long.h, 64-bit */
struct list_head {
	struct list_head *next, *prev;
};
#define BITS_PER_LONG 64
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* spinlock without DEBUG_SPINLOCK/DEBUG_LOCK_ALLOC/GENERIC_LOCKBREAK: the x86
 * ticket lock word. */
typedef struct raw_spinlock {
	unsigned int slock;
} raw_spinlock_t;
typedef struct {
	raw_spinlock_t raw_lock;
#ifdef CONFIG_GENERIC_LOCKBREAK
	unsigned int break_lock;
#endif
} spinlock_t;
typedef struct {
	unsigned sequence;
	spinlock_t lock;
} seqlock_t;
struct __wait_queue_head {
	spinlock_t lock;
	struct list_head task_list;
};
typedef struct __wait_queue_head wait_queue_head_t;

/* include/linux/cache.h, arch/x86/include/asm/cache.h (no X86_VSMP) */
#define L1_CACHE_SHIFT (CONFIG_X86_L1_CACHE_SHIFT)
#define L1_CACHE_BYTES (1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES L1_CACHE_BYTES
#define INTERNODE_CACHE_SHIFT L1_CACHE_SHIFT
#define ____cacheline_aligned __attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define ____cacheline_internodealigned_in_smp \
	__attribute__((__aligned__(1 << (INTERNODE_CACHE_SHIFT))))

struct page;
struct address_space;
struct kmem_cache;
struct page_cgroup;
struct bootmem_data;
struct task_struct;
struct pglist_data;
struct zone;

/* ---- constants ---------------------------------------------------------- */
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define NR_CPUS CONFIG_NR_CPUS                    /* include/linux/threads.h */
/* include/linux/numa.h */
#ifdef CONFIG_NODES_SHIFT
#define NODES_SHIFT CONFIG_NODES_SHIFT
#else
#define NODES_SHIFT 0
#endif
#define MAX_NUMNODES (1 << NODES_SHIFT)
/* arch/x86/include/asm/sparsemem.h, x86_64 */
#define SECTION_SIZE_BITS 27
#define MAX_PHYSADDR_BITS 44
#define MAX_PHYSMEM_BITS 46
/* include/linux/mmzone.h */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1 << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER 3

#define MIGRATE_UNMOVABLE     0
#define MIGRATE_RECLAIMABLE   1
#define MIGRATE_MOVABLE       2
#define MIGRATE_PCPTYPES      3 /* the number of types on the pcp lists */
#define MIGRATE_RESERVE       3
#define MIGRATE_ISOLATE       4 /* can't allocate from here */
#define MIGRATE_TYPES         5

/* ---- include/linux/page-flags.h ----------------------------------------- */
enum pageflags {
	PG_locked,		/* Page is locked. Don't touch. */
	PG_error,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,
	PG_owner_priv_1,	/* Owner use. If pagecache, fs may use*/
	PG_arch_1,
	PG_reserved,
	PG_private,		/* If pagecache, has fs-private data */
	PG_private_2,		/* If pagecache, has fs aux data */
	PG_writeback,		/* Page is under writeback */
#ifdef CONFIG_PAGEFLAGS_EXTENDED
	PG_head,		/* A head page */
	PG_tail,		/* A tail page */
#else
	PG_compound,		/* A compound page */
#endif
	PG_swapcache,		/* Swap page: swp_entry_t in private */
	PG_mappedtodisk,	/* Has blocks allocated on-disk */
	PG_reclaim,		/* To be reclaimed asap */
	PG_buddy,		/* Page is free, on buddy lists */
	PG_swapbacked,		/* Page is backed by RAM/swap */
	PG_unevictable,		/* Page is "unevictable"  */
#ifdef CONFIG_HAVE_MLOCKED_PAGE_BIT
	PG_mlocked,		/* Page is vma mlocked */
#endif
#ifdef CONFIG_ARCH_USES_PG_UNCACHED
	PG_uncached,		/* Page has been mapped as uncached */
#endif
#ifdef CONFIG_MEMORY_FAILURE
	PG_hwpoison,		/* hardware poisoned page. Don't touch */
#endif
	__NR_PAGEFLAGS,

	/* Filesystems */
	PG_checked = PG_owner_priv_1,

	/* Two page bits are conscripted by FS-Cache to maintain local caching
	 * state.  These bits are set on pages belonging to the netfs's inodes
	 * when those inodes are being locally cached.
	 */
	PG_fscache = PG_private_2,	/* page backed by cache */

	/* XEN */
	PG_pinned = PG_owner_priv_1,
	PG_savepinned = PG_dirty,

	/* SLOB */
	PG_slob_free = PG_private,

	/* SLUB */
	PG_slub_frozen = PG_active,
	PG_slub_debug = PG_error,
};
#define NR_PAGEFLAGS __NR_PAGEFLAGS	/* include/linux/bounds.h (kernel/bounds.c) */
#define NR_PAGEFLAGS_CPP 24		/* __NR_PAGEFLAGS of this config, for #if */

/* Macro-only facts (include/linux/mm.h, page-flags.h, 2.6.32): a free page
 * has PG_buddy set and its order in page->private; compound pages have
 * PG_head on page[0] and PG_tail on the others, whose first_page points to
 * the head; the order is in page[1].lru.prev and the destructor (a function
 * pointer: free_compound_page, free_huge_page) in page[1].lru.next.  A KSM
 * page has mapping == PAGE_MAPPING_ANON exactly (PAGE_MAPPING_KSM is 2.6.33). */
#define PAGE_MAPPING_ANON 1

/* include/linux/mm.h: the type of the destructor kept in page[1].lru.next */
typedef void compound_page_dtor(struct page *);

/* ---- include/linux/mm_types.h ------------------------------------------- */
#define USE_SPLIT_PTLOCKS (NR_CPUS >= CONFIG_SPLIT_PTLOCK_CPUS)

/*
 * Each physical page in the system has a struct page associated with
 * it to keep track of whatever it is we are using the page for at the
 * moment. Note that we have no way to track which tasks are using
 * a page, though if it is a pagecache page, rmap structures can tell us
 * who is mapping it.
 */
struct page {
	unsigned long flags;		/* Atomic flags, some possibly
					 * updated asynchronously */
	atomic_t _count;		/* Usage count, see below. */
	union {
		atomic_t _mapcount;	/* Count of ptes mapped in mms,
					 * to show when page is mapped
					 * & limit reverse map searches.
					 */
		struct {		/* SLUB */
			u16 inuse;
			u16 objects;
		};
	};
	union {
	    struct {
		unsigned long private;		/* Mapping-private opaque data:
					 	 * usually used for buffer_heads
						 * if PagePrivate set; used for
						 * swp_entry_t if PageSwapCache;
						 * indicates order in the buddy
						 * system if PG_buddy is set.
						 */
		struct address_space *mapping;	/* If low bit clear, points to
						 * inode address_space, or NULL.
						 * If page mapped as anonymous
						 * memory, low bit is set, and
						 * it points to anon_vma object:
						 * see PAGE_MAPPING_ANON below.
						 */
	    };
#if USE_SPLIT_PTLOCKS
	    spinlock_t ptl;
#endif
	    struct kmem_cache *slab;	/* SLUB: Pointer to slab */
	    struct page *first_page;	/* Compound tail pages */
	};
	union {
		pgoff_t index;		/* Our offset within mapping. */
		void *freelist;		/* SLUB: freelist req. slab lock */
	};
	struct list_head lru;		/* Pageout list, eg. active_list
					 * protected by zone->lru_lock !
					 */
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
#ifdef CONFIG_WANT_PAGE_DEBUG_FLAGS
	unsigned long debug_flags;	/* Use atomic bitops on this */
#endif

#ifdef CONFIG_KMEMCHECK
	/*
	 * kmemcheck wants to track the status of each byte in a page; this
	 * is a pointer to such a status block. NULL if not tracked.
	 */
	void *shadow;
#endif
};

/* ---- include/linux/pageblock-flags.h ------------------------------------ */
/* Bit indices that affect a whole block of pages */
enum pageblock_bits {
	PB_migrate,
	PB_migrate_end = PB_migrate + 3 - 1,
			/* 3 bits required for migrate types */
	NR_PAGEBLOCK_BITS
};
#define pageblock_order 9		/* HUGETLB_PAGE_ORDER */
#define pageblock_nr_pages (1UL << pageblock_order)

/* ---- include/linux/mmzone.h --------------------------------------------- */
struct free_area {
	struct list_head	free_list[MIGRATE_TYPES];
	unsigned long		nr_free;
};

/*
 * zone->lock and zone->lru_lock are two of the hottest locks in the kernel.
 * So add a wild amount of padding here to ensure that they fall into separate
 * cachelines.  There are very few zone structures in the machine, so space
 * consumption is not a concern here.
 */
#if defined(CONFIG_SMP)
struct zone_padding {
	char x[0];
} ____cacheline_internodealigned_in_smp;
#define ZONE_PADDING(name)	struct zone_padding name;
#else
#define ZONE_PADDING(name)
#endif

enum zone_stat_item {
	/* First 128 byte cacheline (assuming 64 bit words) */
	NR_FREE_PAGES,
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE, /* must match order of LRU_[IN]ACTIVE */
	NR_ACTIVE_ANON,		/*  "     "     "   "       "         */
	NR_INACTIVE_FILE,	/*  "     "     "   "       "         */
	NR_ACTIVE_FILE,		/*  "     "     "   "       "         */
	NR_UNEVICTABLE,		/*  "     "     "   "       "         */
	NR_MLOCK,		/* mlock()ed pages found and moved off LRU */
	NR_ANON_PAGES,	/* Mapped anonymous pages */
	NR_FILE_MAPPED,	/* pagecache pages mapped into pagetables.
			   only modified from process context */
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_PAGETABLE,		/* used for pagetables */
	NR_KERNEL_STACK,
	/* Second 128 byte cacheline */
	NR_UNSTABLE_NFS,	/* NFS unstable pages */
	NR_BOUNCE,
	NR_VMSCAN_WRITE,
	NR_WRITEBACK_TEMP,	/* Writeback using temporary buffers */
	NR_ISOLATED_ANON,	/* Temporary isolated pages from anon lru */
	NR_ISOLATED_FILE,	/* Temporary isolated pages from file lru */
	NR_SHMEM,		/* shmem pages (included tmpfs/GEM pages) */
#ifdef CONFIG_NUMA
	NUMA_HIT,		/* allocated in intended node */
	NUMA_MISS,		/* allocated in non intended node */
	NUMA_FOREIGN,		/* was intended here, hit elsewhere */
	NUMA_INTERLEAVE_HIT,	/* interleaver preferred this zone */
	NUMA_LOCAL,		/* allocation from local node */
	NUMA_OTHER,		/* allocation from other node */
#endif
	NR_VM_ZONE_STAT_ITEMS };

/*
 * We do arithmetic on the LRU lists in various places in the code,
 * so it is important to keep the active lists LRU_ACTIVE higher in
 * the array than the corresponding inactive lists, and to keep
 * the *_FILE lists LRU_FILE higher than the corresponding _ANON lists.
 *
 * This has to be kept in sync with the statistics in zone_stat_item
 * above and the descriptions in vmstat_text in mm/vmstat.c
 */
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

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct per_cpu_pages {
	int count;		/* number of pages in the list */
	int high;		/* high watermark, emptying needed */
	int batch;		/* chunk size for buddy add/remove */

	/* Lists of pages, one per migrate type stored on the pcp-lists */
	struct list_head lists[MIGRATE_PCPTYPES];
};

struct per_cpu_pageset {
	struct per_cpu_pages pcp;
#ifdef CONFIG_NUMA
	s8 expire;
#endif
#ifdef CONFIG_SMP
	s8 stat_threshold;
	s8 vm_stat_diff[NR_VM_ZONE_STAT_ITEMS];
#endif
} ____cacheline_aligned_in_smp;

enum zone_type {
#ifdef CONFIG_ZONE_DMA
	/*
	 * ZONE_DMA is used when there are devices that are not able
	 * to do DMA to all of addressable memory (ZONE_NORMAL). Then we
	 * carve out the portion of memory that is needed for these devices.
	 * The range is arch specific.
	 *
	 * i386, x86_64 and multiple other arches
	 * 			<16M.
	 */
	ZONE_DMA,
#endif
#ifdef CONFIG_ZONE_DMA32
	/*
	 * x86_64 needs two ZONE_DMAs because it supports devices that are
	 * only able to do DMA to the lower 16M but also 32 bit devices that
	 * can only do DMA areas below 4G.
	 */
	ZONE_DMA32,
#endif
	/*
	 * Normal addressable memory is in ZONE_NORMAL. DMA operations can be
	 * performed on pages in ZONE_NORMAL if the DMA devices support
	 * transfers to all addressable memory.
	 */
	ZONE_NORMAL,
#ifdef CONFIG_HIGHMEM
	ZONE_HIGHMEM,
#endif
	ZONE_MOVABLE,
	__MAX_NR_ZONES
};

/* include/linux/bounds.h, generated by kernel/bounds.c */
#define MAX_NR_ZONES 4			/* __MAX_NR_ZONES */

#if MAX_NR_ZONES < 2
#define ZONES_SHIFT 0
#elif MAX_NR_ZONES <= 2
#define ZONES_SHIFT 1
#elif MAX_NR_ZONES <= 4
#define ZONES_SHIFT 2
#else
#error ZONES_SHIFT -- too many zones configured adjust calculation
#endif

struct zone_reclaim_stat {
	/*
	 * The pageout code in vmscan.c keeps track of how many of the
	 * mem/swap backed and file backed pages are refeferenced.
	 * The higher the rotated/scanned ratio, the more valuable
	 * that cache is.
	 *
	 * The anon LRU stats live in [0], file LRU stats in [1]
	 */
	unsigned long		recent_rotated[2];
	unsigned long		recent_scanned[2];

	/*
	 * accumulated for batching
	 */
	unsigned long		nr_saved_scan[NR_LRU_LISTS];
};

struct zone {
	/* Fields commonly accessed by the page allocator */

	/* zone watermarks, access with *_wmark_pages(zone) macros */
	unsigned long watermark[NR_WMARK];

	/*
	 * We don't know if the memory that we're going to allocate will be freeable
	 * or/and it will be released eventually, so to avoid totally wasting several
	 * GB of ram we must reserve some of the lower zone memory (otherwise we risk
	 * to run OOM on the lower zones despite there's tons of freeable ram
	 * on the higher zones). This array is recalculated at runtime if the
	 * sysctl_lowmem_reserve_ratio sysctl changes.
	 */
	unsigned long		lowmem_reserve[MAX_NR_ZONES];

#ifdef CONFIG_NUMA
	int node;
	/*
	 * zone reclaim becomes active if more unmapped pages exist.
	 */
	unsigned long		min_unmapped_pages;
	unsigned long		min_slab_pages;
	struct per_cpu_pageset	*pageset[NR_CPUS];
#else
	struct per_cpu_pageset	pageset[NR_CPUS];
#endif
	/*
	 * free areas of different sizes
	 */
	spinlock_t		lock;
#ifdef CONFIG_MEMORY_HOTPLUG
	/* see spanned/present_pages for more description */
	seqlock_t		span_seqlock;
#endif
	struct free_area	free_area[MAX_ORDER];

#ifndef CONFIG_SPARSEMEM
	/*
	 * Flags for a pageblock_nr_pages block. See pageblock-flags.h.
	 * In SPARSEMEM, this map is stored in struct mem_section
	 */
	unsigned long		*pageblock_flags;
#endif /* CONFIG_SPARSEMEM */


	ZONE_PADDING(_pad1_)

	/* Fields commonly accessed by the page reclaim scanner */
	spinlock_t		lru_lock;	
	struct zone_lru {
		struct list_head list;
	} lru[NR_LRU_LISTS];

	struct zone_reclaim_stat reclaim_stat;

	unsigned long		pages_scanned;	   /* since last reclaim */
	unsigned long		flags;		   /* zone flags, see below */

	/* Zone statistics */
	atomic_long_t		vm_stat[NR_VM_ZONE_STAT_ITEMS];

	/*
	 * prev_priority holds the scanning priority for this zone.  It is
	 * defined as the scanning priority at which we achieved our reclaim
	 * target at the previous try_to_free_pages() or balance_pgdat()
	 * invokation.
	 *
	 * We use prev_priority as a measure of how much stress page reclaim is
	 * under - it drives the swappiness decision: whether to unmap mapped
	 * pages.
	 *
	 * Access to both this field is quite racy even on uniprocessor.  But
	 * it is expected to average out OK.
	 */
	int prev_priority;

	/*
	 * The target ratio of ACTIVE_ANON to INACTIVE_ANON pages on
	 * this zone's LRU.  Maintained by the pageout code.
	 */
	unsigned int inactive_ratio;


	ZONE_PADDING(_pad2_)
	/* Rarely used or read-mostly fields */

	/*
	 * wait_table		-- the array holding the hash table
	 * wait_table_hash_nr_entries	-- the size of the hash table array
	 * wait_table_bits	-- wait_table_size == (1 << wait_table_bits)
	 */
	wait_queue_head_t	* wait_table;
	unsigned long		wait_table_hash_nr_entries;
	unsigned long		wait_table_bits;

	/*
	 * Discontig memory support fields.
	 */
	struct pglist_data	*zone_pgdat;
	/* zone_start_pfn == zone_start_paddr >> PAGE_SHIFT */
	unsigned long		zone_start_pfn;

	/*
	 * zone_start_pfn, spanned_pages and present_pages are all
	 * protected by span_seqlock.  It is a seqlock because it has
	 * to be read outside of zone->lock, and it is done in the main
	 * allocator path.  But, it is written quite infrequently.
	 */
	unsigned long		spanned_pages;	/* total size, including holes */
	unsigned long		present_pages;	/* amount of memory (excluding holes) */

	/*
	 * rarely used fields:
	 */
	const char		*name;
} ____cacheline_internodealigned_in_smp;

typedef enum {
	ZONE_ALL_UNRECLAIMABLE,		/* all pages pinned */
	ZONE_RECLAIM_LOCKED,		/* prevents concurrent reclaim */
	ZONE_OOM_LOCKED,		/* zone is in OOM killer zonelist */
} zone_flags_t;

/* Maximum number of zones on a zonelist */
#define MAX_ZONES_PER_ZONELIST (MAX_NUMNODES * MAX_NR_ZONES)

#ifdef CONFIG_NUMA

/*
 * The NUMA zonelists are doubled becausse we need zonelists that restrict the
 * allocations to a single node for GFP_THISNODE.
 *
 * [0]	: Zonelist with fallback
 * [1]	: No fallback (GFP_THISNODE)
 */
#define MAX_ZONELISTS 2

struct zonelist_cache {
	unsigned short z_to_n[MAX_ZONES_PER_ZONELIST];		/* zone->nid */
	DECLARE_BITMAP(fullzones, MAX_ZONES_PER_ZONELIST);	/* zone full? */
	unsigned long last_full_zap;		/* when last zap'd (jiffies) */
};
#else
#define MAX_ZONELISTS 1
struct zonelist_cache;
#endif

/*
 * This struct contains information about a zone in a zonelist. It is stored
 * here to avoid dereferences into large structures and lookups of tables
 */
struct zoneref {
	struct zone *zone;	/* Pointer to actual zone */
	int zone_idx;		/* zone_idx(zoneref->zone) */
};

/*
 * One allocation request operates on a zonelist. A zonelist
 * is a list of zones, the first one is the 'goal' of the
 * allocation, the other zones are fallback zones, in decreasing
 * priority.
 *
 * If zlcache_ptr is not NULL, then it is just the address of zlcache,
 * as explained above.  If zlcache_ptr is NULL, there is no zlcache.
 */
struct zonelist {
	struct zonelist_cache *zlcache_ptr;		     // NULL or &zlcache
	struct zoneref _zonerefs[MAX_ZONES_PER_ZONELIST + 1];
#ifdef CONFIG_NUMA
	struct zonelist_cache zlcache;			     // optional ...
#endif
};

/*
 * The pg_data_t structure is used in machines with CONFIG_DISCONTIGMEM
 * (mostly NUMA machines?) to denote a higher-level memory zone than the
 * zone denotes.
 *
 * On NUMA machines, each NUMA node would have a pg_data_t to describe
 * it's memory layout.
 *
 * Memory statistics and page replacement data structures are maintained on a
 * per-zone basis.
 */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	struct zonelist node_zonelists[MAX_ZONELISTS];
	int nr_zones;
#ifdef CONFIG_FLAT_NODE_MEM_MAP	/* means !SPARSEMEM */
	struct page *node_mem_map;
#ifdef CONFIG_CGROUP_MEM_RES_CTLR
	struct page_cgroup *node_page_cgroup;
#endif
#endif
	struct bootmem_data *bdata;
#ifdef CONFIG_MEMORY_HOTPLUG
	/*
	 * Must be held any time you expect node_start_pfn, node_present_pages
	 * or node_spanned_pages stay constant.  Holding this will also
	 * guarantee that any pfn_valid() stays that way.
	 *
	 * Nests above zone->lock and zone->size_seqlock.
	 */
	spinlock_t node_size_lock;
#endif
	unsigned long node_start_pfn;
	unsigned long node_present_pages; /* total number of physical pages */
	unsigned long node_spanned_pages; /* total size of physical page
					     range, including holes */
	int node_id;
	wait_queue_head_t kswapd_wait;
	struct task_struct *kswapd;
	int kswapd_max_order;
} pg_data_t;

enum memmap_context {
	MEMMAP_EARLY,
	MEMMAP_HOTPLUG,
};

#ifdef CONFIG_SPARSEMEM
/*
 * SECTION_SHIFT    		#bits space required to store a section #
 *
 * PA_SECTION_SHIFT		physical address to/from section number
 * PFN_SECTION_SHIFT		pfn to/from section number
 */
#define SECTIONS_SHIFT		(MAX_PHYSMEM_BITS - SECTION_SIZE_BITS)

#define PA_SECTION_SHIFT	(SECTION_SIZE_BITS)
#define PFN_SECTION_SHIFT	(SECTION_SIZE_BITS - PAGE_SHIFT)

#define NR_MEM_SECTIONS		(1UL << SECTIONS_SHIFT)

#define PAGE_SECTION_MASK	(~((1UL << PFN_SECTION_SHIFT) - 1))

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

	/* See declaration of similar field in struct zone */
	unsigned long *pageblock_flags;
#ifdef CONFIG_CGROUP_MEM_RES_CTLR
	/*
	 * If !SPARSEMEM, pgdat doesn't have page_cgroup pointer. We use
	 * section. (see memcontrol.h/page_cgroup.h about this.)
	 */
	struct page_cgroup *page_cgroup;
	unsigned long pad;
#endif
};

#ifdef CONFIG_SPARSEMEM_EXTREME
#define SECTIONS_PER_ROOT       (PAGE_SIZE / sizeof (struct mem_section))
#else
#define SECTIONS_PER_ROOT	1
#endif

#define SECTION_NR_TO_ROOT(sec)	((sec) / SECTIONS_PER_ROOT)
#define NR_SECTION_ROOTS	(NR_MEM_SECTIONS / SECTIONS_PER_ROOT)
#define SECTION_ROOT_MASK	(SECTIONS_PER_ROOT - 1)

/*
 * We use the lower bits of the mem_map pointer to store
 * a little bit of information.  There should be at least
 * 3 bits here due to 32-bit alignment.
 */
#define	SECTION_MARKED_PRESENT	(1UL<<0)
#define SECTION_HAS_MEM_MAP	(1UL<<1)
#define SECTION_MAP_LAST_BIT	(1UL<<2)
#define SECTION_MAP_MASK	(~(SECTION_MAP_LAST_BIT-1))
#define SECTION_NID_SHIFT	2
#endif /* CONFIG_SPARSEMEM */

/* include/linux/mm.h: page->flags is | [SECTION] | [NODE] | ZONE | ... | FLAGS |
 * (the section only for SPARSEMEM without VMEMMAP). */
#if defined(CONFIG_SPARSEMEM) && !defined(CONFIG_SPARSEMEM_VMEMMAP)
#define SECTIONS_WIDTH		SECTIONS_SHIFT
#else
#define SECTIONS_WIDTH		0
#endif

#define ZONES_WIDTH		ZONES_SHIFT

#if SECTIONS_WIDTH+ZONES_WIDTH+NODES_SHIFT <= BITS_PER_LONG - NR_PAGEFLAGS_CPP
#define NODES_WIDTH		NODES_SHIFT
#else
#ifdef CONFIG_SPARSEMEM_VMEMMAP
#error "Vmemmap: No space for nodes field in page flags"
#endif
#define NODES_WIDTH		0
#endif

/* Page flags: | [SECTION] | [NODE] | ZONE | ... | FLAGS | */
#define SECTIONS_PGOFF		((sizeof(unsigned long)*8) - SECTIONS_WIDTH)
#define NODES_PGOFF		(SECTIONS_PGOFF - NODES_WIDTH)
#define ZONES_PGOFF		(NODES_PGOFF - ZONES_WIDTH)

#if !(NODES_WIDTH > 0 || NODES_SHIFT == 0)
#define NODE_NOT_IN_PAGE_FLAGS
#endif

#define SECTIONS_PGSHIFT	(SECTIONS_PGOFF * (SECTIONS_WIDTH != 0))
#define NODES_PGSHIFT		(NODES_PGOFF * (NODES_WIDTH != 0))
#define ZONES_PGSHIFT		(ZONES_PGOFF * (ZONES_WIDTH != 0))

#if SECTIONS_WIDTH+NODES_WIDTH+ZONES_WIDTH > BITS_PER_LONG - NR_PAGEFLAGS_CPP
#error SECTIONS_WIDTH+NODES_WIDTH+ZONES_WIDTH > BITS_PER_LONG - NR_PAGEFLAGS
#endif

#define ZONES_MASK		((1UL << ZONES_WIDTH) - 1)
#define NODES_MASK		((1UL << NODES_WIDTH) - 1)
#define SECTIONS_MASK		((1UL << SECTIONS_WIDTH) - 1)

/* ---- owners: slab caches, files ---------------------------------------- *
 * What kpage follows from a page to its owner, as this kernel has it:
 *   struct kmem_cache (include/linux/slub_def.h; page->slab, inuse/objects
 *     share _mapcount, freelist shares index; frozen is PG_active then)
 *   address_space, inode, super_block, file_system_type (include/linux/fs.h)
 *   qstr, dentry (include/linux/dcache.h): inode.i_dentry and dentry.d_alias
 *     are list_heads (hlists from 3.x), d_u holds d_child
 * Members kpage reads and their neighbours are the kernel's; stretches no
 * reader looks at are byte arrays named after the members they stand for
 * (sizes are the config's guesses, not asserted). No memory cgroup is in
 * struct page (2.6.27: page_cgroup under CGROUP_MEM_RES_CTLR, off here;
 * 2.6.32: the page_cgroup array beside mem_map): no cgroup types. */
/* Included by the fixture generator after the C library's headers, which
 * have these names too: there they are spelled kp_* (struct timespec too). */
#ifdef FX_IMAGE_H
#define dev_t kp_dev_t
#define loff_t kp_loff_t
#define blkcnt_t kp_blkcnt_t
#define uid_t kp_uid_t
#define timespec kp_timespec
#define gid_t kp_gid_t
#endif
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef long long loff_t;
typedef unsigned int gfp_t;
typedef unsigned long blkcnt_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
struct timespec { long tv_sec; long tv_nsec; };
struct rcu_head { struct rcu_head *next; void (*func)(struct rcu_head *head); };
struct mutex { atomic_t count; spinlock_t wait_lock; struct list_head wait_list; struct task_struct *owner; };
struct rw_semaphore { long count; spinlock_t wait_lock; struct list_head wait_list; };
struct radix_tree_node;
struct radix_tree_root { unsigned int height; gfp_t gfp_mask; struct radix_tree_node *rnode; };
struct prio_tree_node;
struct prio_tree_root { struct prio_tree_node *prio_tree_node; unsigned short index_bits; unsigned short raw; };
struct kref { atomic_t refcount; };
struct kset;
struct kobj_type;
struct sysfs_dirent;
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	struct kobj_type *ktype;
	struct sysfs_dirent *sd;
	struct kref kref;
	unsigned int state_initialized:1, state_in_sysfs:1, state_add_uevent_sent:1,
		state_remove_uevent_sent:1;
	unsigned int uevent_suppress:1;
};

/* include/linux/slub_def.h */
struct kmem_cache_cpu;
struct kmem_cache_order_objects { unsigned long x; };
struct kmem_cache_node {
	spinlock_t list_lock;	/* Protect partial list and nr_partial */
	unsigned long nr_partial;
	struct list_head partial;
	atomic_long_t nr_slabs;
	atomic_long_t total_objects;
	struct list_head full;
};
struct kmem_cache {
	/* Used for retriving partial slabs etc */
	unsigned long flags;
	int size;		/* The size of an object including meta data */
	int objsize;		/* The size of an object without meta data */
	int offset;		/* Free pointer offset. */
	struct kmem_cache_order_objects oo;
	/*
	 * Avoid an extra cache line for UP, SMP and for the node local to
	 * struct kmem_cache.
	 */
	struct kmem_cache_node local_node;
	/* Allocation and freeing of slabs */
	struct kmem_cache_order_objects max;
	struct kmem_cache_order_objects min;
	gfp_t allocflags;	/* gfp flags to use on each alloc */
	int refcount;		/* Refcount for slab cache destroy */
	void (*ctor)(void *);
	int inuse;		/* Offset to metadata */
	int align;		/* Alignment */
	unsigned long min_partial;
	const char *name;	/* Name (only for display!) */
	struct list_head list;	/* List of slab caches */
	struct kobject kobj;	/* For sysfs */
#ifdef CONFIG_NUMA
	/*
	 * Defragmentation by allocating from a remote node.
	 */
	int remote_node_defrag_ratio;
	struct kmem_cache_node *node[MAX_NUMNODES];
#endif
	struct kmem_cache_cpu *cpu_slab[CONFIG_NR_CPUS];
};

/* include/linux/dcache.h */
struct qstr {
	unsigned int hash;
	unsigned int len;
	const unsigned char *name;
};
struct inode;
struct super_block;
struct dentry_operations;
#define DNAME_INLINE_LEN_MIN 32
struct dentry {
	atomic_t d_count;
	unsigned int d_flags;		/* protected by d_lock */
	spinlock_t d_lock;		/* per dentry lock */
	int d_mounted;
	struct inode *d_inode;		/* Where the name belongs to - NULL is
					 * negative */
	/*
	 * The next three fields are touched by __d_lookup.  Place them here
	 * so they all fit in a cache line.
	 */
	struct hlist_node d_hash;	/* lookup hash list */
	struct dentry *d_parent;	/* parent directory */
	struct qstr d_name;

	struct list_head d_lru;		/* LRU list */
	/*
	 * d_child and d_rcu can share memory
	 */
	union {
		struct list_head d_child;	/* child of parent list */
	 	struct rcu_head d_rcu;
	} d_u;
	struct list_head d_subdirs;	/* our children */
	struct list_head d_alias;	/* inode alias list */
	unsigned long d_time;		/* used by d_revalidate */
	const struct dentry_operations *d_op;
	struct super_block *d_sb;	/* The root of the dentry tree */
	void *d_fsdata;			/* fs-specific data */
	unsigned char d_iname[DNAME_INLINE_LEN_MIN];	/* small names */
};

/* include/linux/fs.h */
struct address_space_operations;
struct backing_dev_info;
struct address_space {
	struct inode		*host;		/* owner: inode, block_device */
	struct radix_tree_root	page_tree;	/* radix tree of all pages */
	spinlock_t		tree_lock;	/* and lock protecting it */
	unsigned int		i_mmap_writable;/* count VM_SHARED mappings */
	struct prio_tree_root	i_mmap;		/* tree of private and shared mappings */
	struct list_head	i_mmap_nonlinear;/*list VM_NONLINEAR mappings */
	spinlock_t		i_mmap_lock;	/* protect tree, count, list */
	unsigned int		truncate_count;	/* Cover race condition with truncate */
	unsigned long		nrpages;	/* number of total pages */
	pgoff_t			writeback_index;/* writeback starts here */
	const struct address_space_operations *a_ops;	/* methods */
	unsigned long		flags;		/* error bits/gfp mask */
	struct backing_dev_info *backing_dev_info; /* device readahead, etc */
	spinlock_t		private_lock;	/* for use by the address_space */
	struct list_head	private_list;	/* ditto */
	struct address_space	*assoc_mapping;	/* ditto */
} __attribute__((aligned(sizeof(long))));

struct inode_operations;
struct file_operations;
struct file_lock;
struct inode {
	struct hlist_node	i_hash;
	struct list_head	i_list;
	struct list_head	i_sb_list;
	struct list_head	i_dentry;
	unsigned long		i_ino;
	atomic_t		i_count;
	unsigned int		i_nlink;
	uid_t			i_uid;
	gid_t			i_gid;
	dev_t			i_rdev;
	unsigned int		i_blkbits;
	u64			i_version;
	loff_t			i_size;
	struct timespec		i_atime;
	struct timespec		i_mtime;
	struct timespec		i_ctime;
	blkcnt_t		i_blocks;
	unsigned short          i_bytes;
	umode_t			i_mode;
	spinlock_t		i_lock;	/* i_blocks, i_bytes, maybe i_size */
	struct mutex		i_mutex;
	struct rw_semaphore	i_alloc_sem;
	const struct inode_operations	*i_op;
	const struct file_operations	*i_fop;	/* former ->i_op->default_file_ops */
	struct super_block	*i_sb;
	struct file_lock	*i_flock;
	struct address_space	*i_mapping;
	struct address_space	i_data;
	/* i_dquot .. i_private (devices, pipe/bdev/cdev, dnotify, inotify) */
	unsigned char		__kp_i_dquot_to_i_private[160];
};

struct module;
struct vfsmount;
struct lock_class_key { };
struct file_system_type {
	const char *name;
	int fs_flags;
	int (*get_sb) (struct file_system_type *, int,
		       const char *, void *, struct vfsmount *);
	void (*kill_sb) (struct super_block *);
	struct module *owner;
	struct file_system_type * next;
	struct list_head fs_supers;

	struct lock_class_key s_lock_key;
	struct lock_class_key s_umount_key;

	struct lock_class_key i_lock_key;
	struct lock_class_key i_mutex_key;
	struct lock_class_key i_mutex_dir_key;
	struct lock_class_key i_alloc_sem_key;
};

struct super_operations;
struct dquot_operations;
struct quotactl_ops;
struct export_operations;
struct block_device;
struct mtd_info;
struct super_block {
	struct list_head	s_list;		/* Keep this first */
	dev_t			s_dev;		/* search index; _not_ kdev_t */
	unsigned long		s_blocksize;
	unsigned char		s_blocksize_bits;
	unsigned char		s_dirt;
	unsigned long long	s_maxbytes;	/* Max file size */
	struct file_system_type	*s_type;
	const struct super_operations	*s_op;
	struct dquot_operations	*dq_op;
 	struct quotactl_ops	*s_qcop;
	const struct export_operations *s_export_op;
	unsigned long		s_flags;
	unsigned long		s_magic;
	struct dentry		*s_root;
	struct rw_semaphore	s_umount;
	struct mutex		s_lock;
	int			s_count;
	int			s_need_sync;
	atomic_t		s_active;
	/* s_security .. s_dquot, s_frozen, s_wait_unfrozen */
	unsigned char		__kp_s_security_to_s_wait_unfrozen[448];
	char s_id[32];				/* Informational name */
	void 			*s_fs_info;	/* Filesystem private info */
	/* s_vfs_rename_mutex .. s_options */
	unsigned char		__kp_s_vfs_rename_mutex_to_s_options[80];
};

/* mm/ksm.c (2.6.32, CONFIG_KSM): KSM marks its pages by mapping ==
 * PAGE_MAPPING_ANON; struct stable_node and PAGE_MAPPING_KSM came in 2.6.33. Opaque here:
 * that the type exists is what kpage reads (which KSM rule the era has). */
struct rmap_item { unsigned char __kp_opaque[64]; };

/* ---- the kernel's globals, as this config has them ---------------------- */
#ifdef CONFIG_HUGETLB_PAGE
/* include/linux/hugetlb.h: struct hstate, opaque here (kpage reads none of
 * its members: that hstates[] exists says CONFIG_HUGETLB_PAGE, and so
 * pageblock_order = HUGETLB_PAGE_ORDER) */
struct hstate { unsigned char __kp_opaque[4096]; };
struct hstate hstates[2];				/* mm/hugetlb.c (HUGE_MAX_HSTATE) */
#endif
#ifdef CONFIG_NEED_MULTIPLE_NODES
struct pglist_data *node_data[MAX_NUMNODES];		/* arch/x86/mm/numa_64.c */
#else
struct pglist_data contig_page_data;			/* mm/page_alloc.c */
struct page *mem_map;					/* mm/memory.c */
#endif
#ifdef CONFIG_SPARSEMEM_EXTREME
struct mem_section *mem_section[NR_SECTION_ROOTS]	/* mm/sparse.c */
	____cacheline_internodealigned_in_smp;
#elif defined(CONFIG_SPARSEMEM)
struct mem_section mem_section[NR_SECTION_ROOTS][SECTIONS_PER_ROOT]
	____cacheline_internodealigned_in_smp;
#endif
atomic_long_t vm_stat[NR_VM_ZONE_STAT_ITEMS];		/* mm/vmstat.c */
/* mm/vmstat.c has it static; global here so that the symbol exists. */
char * const migratetype_names[MIGRATE_TYPES] = {
	"Unmovable",
	"Reclaimable",
	"Movable",
	"Reserve",
	"Isolate",
};
const char linux_banner[] =				/* init/version.c */
	"Linux version " KP_ERA_RELEASE "-kpage-fixture (kpage@fixture) #1 SMP\n";
unsigned long init_level4_pgt[512] __attribute__((aligned(4096)));	/* arch/x86/kernel/head_64.S */

/* ---- layout checks (x86_64 2.6.32, this config) ------------------------- */
_Static_assert(sizeof(struct page) == 56, "struct page");
_Static_assert(__builtin_offsetof(struct page, flags) == 0, "flags");
_Static_assert(__builtin_offsetof(struct page, _count) == 8, "_count");
_Static_assert(__builtin_offsetof(struct page, _mapcount) == 12, "_mapcount");
_Static_assert(__builtin_offsetof(struct page, private) == 16, "private");
_Static_assert(__builtin_offsetof(struct page, mapping) == 24, "mapping");
_Static_assert(__builtin_offsetof(struct page, first_page) == 16, "first_page");
_Static_assert(__builtin_offsetof(struct page, index) == 32, "index");
_Static_assert(__builtin_offsetof(struct page, lru) == 40, "lru");
_Static_assert(__NR_PAGEFLAGS == NR_PAGEFLAGS_CPP, "NR_PAGEFLAGS_CPP");
_Static_assert(PG_buddy == 19 && PG_head == 14 && PG_tail == 15 && PG_swapbacked == 20,
	       "page flag bits");
_Static_assert(__MAX_NR_ZONES == MAX_NR_ZONES, "MAX_NR_ZONES");
_Static_assert(sizeof(struct free_area) == 88, "struct free_area");
_Static_assert(sizeof(struct per_cpu_pageset) == 128, "struct per_cpu_pageset");
#ifdef CONFIG_SPARSEMEM
_Static_assert(sizeof(struct mem_section) == 32, "struct mem_section");
_Static_assert(NR_SECTION_ROOTS == 4096, "NR_SECTION_ROOTS");
#endif
