/* kpage era file: Linux 5.4, x86_64, a distro-like SMP/NUMA configuration of
 * the time (see "Config" below).
 *
 * The kernel's own type definitions re-typed, with the kernel's #ifdefs, so that
 * `gcc -g -c` gives DWARF equal to a real vmlinux for these types (test
 * fixtures are linked from this file, and the fixture generator #includes it).
 *
 * Taken from Linux 5.4.59 as held by the GitHub repository
 * BoKyoungHan/linux-5.4.59-vanilla (commit
 * 8b9bd8c4249b93898885d4797a10b7e749e9dfbe, the release tarball unpacked under
 * linux-5.4.59/; Makefile VERSION 5 PATCHLEVEL 4 SUBLEVEL 59):
 *   struct page, rcu_head/callback_head          include/linux/mm_types.h, types.h
 *   ALLOC_SPLIT_PTLOCKS                          include/linux/mm_types_task.h
 *   enum pageflags, PAGE_TYPE_BASE/PG_buddy/     include/linux/page-flags.h
 *     PG_offline/PG_kmemcg/PG_table/PG_guard,
 *     PAGE_MAPPING_*
 *   flags layout (ZONES/NODES/SECTIONS/          include/linux/page-flags-layout.h,
 *     LAST_CPUPID widths)                          mm.h (the *_PGOFF), kernel/bounds.c
 *   enum compound_dtor_id                        include/linux/mm.h
 *   migratetype, free_area, zone_padding,        include/linux/mmzone.h
 *     numa_stat_item, zone_stat_item, node_stat_item, lru_list,
 *     zone_reclaim_stat, lruvec, zone_watermarks, per_cpu_pages,
 *     per_cpu_pageset, per_cpu_nodestat, zone_type, zone, pgdat_flags,
 *     zone_flags, zoneref, zonelist, deferred_split, pglist_data,
 *     mem_section_usage, mem_section, SECTION_* bits
 *   atomic_t, atomic64_t, pgoff_t (a macro),     include/linux/types.h
 *     dma_addr_t, list_head
 *   atomic_long_t                                include/asm-generic/atomic-long.h
 *   spinlock_t, raw_spinlock_t, arch_spinlock_t  include/linux/spinlock_types.h,
 *                                                  include/asm-generic/qspinlock_types.h
 *   seqlock_t, seqcount_t, wait_queue_head_t     include/linux/seqlock.h, wait.h
 *   ____cacheline_*aligned_in_smp                include/linux/cache.h,
 *                                                  arch/x86/include/asm/cache.h
 *   SECTION_SIZE_BITS, MAX_PHYSMEM_BITS          arch/x86/include/asm/sparsemem.h
 *   migratetype_names, _totalram_pages           mm/page_alloc.c
 *   vm_zone_stat, vm_numa_stat, vm_node_stat     mm/vmstat.c
 *   mem_section                                  mm/sparse.c
 *   node_data                                    arch/x86/mm/numa.c
 *   contig_page_data                             mm/memblock.c
 *   mem_map                                      mm/memory.c
 *   page_offset_base, vmemmap_base               arch/x86/kernel/head64.c
 * Cross-checked with HowardY2/linux-5.4.273 (commit
 * 2bafe19173f86102d0409fe58bc918f104c837eb, SUBLEVEL 273): mmzone.h,
 * page-flags.h and page-flags-layout.h have the same types there; mm_types.h
 * differs only in the page_pool member, which later 5.4.y turned into
 * `unsigned long dma_addr[2]` (5.4.59 and 5.4.0 have `dma_addr_t dma_addr`,
 * kept here).  No real 5.4 vmlinux was at hand: the layout asserts at the end
 * are this file's own values, computed by hand from the definitions.
 *
 * Config (distro-like generic x86_64 of 2020, close to Debian/Ubuntu amd64):
 * 64BIT, SMP, NR_CPUS=8192, NUMA with NODES_SHIFT=10, NUMA_BALANCING, MEMCG,
 * SPARSEMEM_EXTREME + SPARSEMEM_VMEMMAP, MEMORY_HOTPLUG,
 * DEFERRED_STRUCT_PAGE_INIT, ZONE_DMA/DMA32, ZONE_DEVICE, TRANSPARENT_HUGEPAGE,
 * HUGETLB_PAGE, COMPACTION, MEMORY_ISOLATION, X86_PAT (ARCH_USES_PG_UNCACHED),
 * ZSMALLOC=m, SLUB (HAVE_ALIGNED_STRUCT_PAGE), RANDOMIZE_MEMORY
 * (DYNAMIC_MEMORY_LAYOUT: page_offset_base, vmemmap_base), X86_L1_CACHE_SHIFT
 * and X86_INTERNODE_CACHE_SHIFT 6 (GENERIC_CPU); MAX_PHYSMEM_BITS taken as 46
 * (4-level paging); no CMA (no MIGRATE_CMA, no "CMA" name), MEMORY_FAILURE (no
 * PG_hwpoison), IDLE_PAGE_TRACKING (no PG_young/PG_idle), PAGE_EXTENSION,
 * KASAN, LOCKDEP/DEBUG_LOCK_ALLOC, DEBUG_SPINLOCK, HIGHMEM.  spinlock_t is 4
 * bytes, so ALLOC_SPLIT_PTLOCKS is 0 and page->ptl is a spinlock_t.  5.4
 * specifics: page->mem_cgroup (memcg_data came in 5.11), PG_kmemcg takes
 * page_type bit 0x200 so PG_table is 0x400, the compound destructor and order
 * are bytes in the first tail page, free pages are linked through page->lru,
 * zone->pageset points to per_cpu_pageset (pcp inside), one lru_lock per node.
 *
 * Memory model by macro (exactly one; default KP_MEMMODEL_VMEMMAP):
 *   KP_MEMMODEL_VMEMMAP   SPARSEMEM + SPARSEMEM_EXTREME + SPARSEMEM_VMEMMAP (distro)
 *   KP_MEMMODEL_SPARSEMEM SPARSEMEM + SPARSEMEM_EXTREME (so no X86_5LEVEL, which
 *                         selects VMEMMAP): no ZONE_DEVICE (it needs VMEMMAP),
 *                         section number in page->flags; with NUMA_BALANCING
 *                         the last cpupid no longer fits in page->flags
 *                         (LAST_CPUPID_NOT_IN_PAGE_FLAGS) and struct page
 *                         grows _last_cpupid: 80 bytes.
 *   KP_MEMMODEL_FLATMEM   FLATMEM (+ FLAT_NODE_MEM_MAP; x86_64 could not select
 *                         it, for the fixtures): no MEMORY_HOTPLUG,
 *                         DEFERRED_STRUCT_PAGE_INIT, ZONE_DEVICE (all need
 *                         SPARSEMEM); zone->pageblock_flags,
 *                         pgdat->node_mem_map and the global mem_map exist.
 * KP_NUMA (default 1): 0 drops NUMA (and NUMA_BALANCING, which needs it):
 * NODES_SHIFT 0, contig_page_data instead of node_data[].
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

#define KP_ERA_NAME "v5_4"
#define KP_ERA_RELEASE "5.4.0"

/* ---- the kernel config these definitions are built with ---------------- */
#define CONFIG_64BIT 1
#define CONFIG_SMP 1
#define CONFIG_MMU 1
#define CONFIG_NR_CPUS 8192
#define CONFIG_MEMCG 1
#define CONFIG_ZONE_DMA 1
#define CONFIG_ZONE_DMA32 1
#define CONFIG_TRANSPARENT_HUGEPAGE 1
#define CONFIG_HUGETLB_PAGE 1
#define CONFIG_COMPACTION 1
#define CONFIG_MEMORY_ISOLATION 1
#define CONFIG_ARCH_USES_PG_UNCACHED 1
#define CONFIG_ZSMALLOC_MODULE 1
#define CONFIG_HAVE_ALIGNED_STRUCT_PAGE 1
#define CONFIG_ARCH_DMA_ADDR_T_64BIT 1
#define CONFIG_SPLIT_PTLOCK_CPUS 4
#if KP_NUMA
#define CONFIG_NUMA 1
#define CONFIG_NUMA_BALANCING 1
#define CONFIG_NODES_SHIFT 10
#endif
#ifdef KP_MEMMODEL_FLATMEM
#define CONFIG_FLATMEM 1
#define CONFIG_FLAT_NODE_MEM_MAP 1
#else
#define CONFIG_SPARSEMEM 1
#define CONFIG_SPARSEMEM_EXTREME 1
#define CONFIG_MEMORY_HOTPLUG 1
#define CONFIG_DEFERRED_STRUCT_PAGE_INIT 1
#ifdef KP_MEMMODEL_VMEMMAP
#define CONFIG_SPARSEMEM_VMEMMAP 1
#define CONFIG_ZONE_DEVICE 1
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
#define pgoff_t unsigned long				/* a macro in 5.4 */
#ifdef CONFIG_ARCH_DMA_ADDR_T_64BIT
typedef u64 dma_addr_t;
#else
typedef u32 dma_addr_t;
#endif
typedef struct {
	int counter;
} atomic_t;
typedef struct {
	s64 counter;
} atomic64_t;
typedef atomic64_t atomic_long_t;			/* include/asm-generic/atomic-long.h, 64BIT */
struct list_head {
	struct list_head *next, *prev;
};
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

/* spinlock without DEBUG_SPINLOCK/DEBUG_LOCK_ALLOC: the x86 qspinlock. */
typedef struct qspinlock {
	union {
		atomic_t val;

		/*
		 * By using the whole 2nd least significant byte for the
		 * pending bit, we can allow better optimization of the lock
		 * acquisition for the pending bit holder.
		 */
		struct {
			u8	locked;
			u8	pending;
		};
		struct {
			u16	locked_pending;
			u16	tail;
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
#define SPINLOCK_SIZE 4					/* kernel/bounds.c: sizeof(spinlock_t) */
typedef struct seqcount {
	unsigned sequence;
} seqcount_t;
typedef struct {
	struct seqcount seqcount;
	spinlock_t lock;
} seqlock_t;
struct wait_queue_head {
	spinlock_t		lock;
	struct list_head	head;
};
typedef struct wait_queue_head wait_queue_head_t;
/* include/linux/cache.h, arch/x86/include/asm/cache.h: L1_CACHE_BYTES and
 * INTERNODE_CACHE_BYTES 64 */
#define ____cacheline_aligned_in_smp __attribute__((__aligned__(64)))
#define ____cacheline_internodealigned_in_smp __attribute__((__aligned__(64)))

struct page;
typedef struct page *pgtable_t;
struct address_space;
struct kmem_cache;
struct mm_struct;
struct dev_pagemap;
struct mem_cgroup;
struct task_struct;
struct pglist_data;
struct zone;

/* ---- constants ---------------------------------------------------------- */
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define BITS_PER_LONG 64
/* include/linux/mm_types_task.h */
#define USE_SPLIT_PTE_PTLOCKS (CONFIG_NR_CPUS >= CONFIG_SPLIT_PTLOCK_CPUS)
#define ALLOC_SPLIT_PTLOCKS (SPINLOCK_SIZE > BITS_PER_LONG / 8)
/* include/linux/numa.h */
#ifdef CONFIG_NODES_SHIFT
#define NODES_SHIFT CONFIG_NODES_SHIFT
#else
#define NODES_SHIFT 0
#endif
#define MAX_NUMNODES (1 << NODES_SHIFT)
/* arch/x86/include/asm/sparsemem.h (x86_64; 52 with 5-level paging active) */
#define SECTION_SIZE_BITS 27
#define MAX_PHYSMEM_BITS 46
/* include/linux/mmzone.h */
#define MAX_ORDER 11
#define MAX_ORDER_NR_PAGES (1 << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER 3

/* ---- include/linux/page-flags.h ----------------------------------------- */
enum pageflags {
	PG_locked,		/* Page is locked. Don't touch. */
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_workingset,
	PG_waiters,		/* Page has waiters, check its waitqueue. Must be bit #7 and in the same byte as "PG_locked" */
	PG_error,
	PG_slab,
	PG_owner_priv_1,	/* Owner use. If pagecache, fs may use*/
	PG_arch_1,
	PG_reserved,
	PG_private,		/* If pagecache, has fs-private data */
	PG_private_2,		/* If pagecache, has fs aux data */
	PG_writeback,		/* Page is under writeback */
	PG_head,		/* A head page */
	PG_mappedtodisk,	/* Has blocks allocated on-disk */
	PG_reclaim,		/* To be reclaimed asap */
	PG_swapbacked,		/* Page is backed by RAM/swap */
	PG_unevictable,		/* Page is "unevictable"  */
#ifdef CONFIG_MMU
	PG_mlocked,		/* Page is vma mlocked */
#endif
#ifdef CONFIG_ARCH_USES_PG_UNCACHED
	PG_uncached,		/* Page has been mapped as uncached */
#endif
#ifdef CONFIG_MEMORY_FAILURE
	PG_hwpoison,		/* hardware poisoned page. Don't touch */
#endif
#if defined(CONFIG_IDLE_PAGE_TRACKING) && defined(CONFIG_64BIT)
	PG_young,
	PG_idle,
#endif
	__NR_PAGEFLAGS,

	/* Filesystems */
	PG_checked = PG_owner_priv_1,

	/* SwapBacked */
	PG_swapcache = PG_owner_priv_1,	/* Swap page: swp_entry_t in private */

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

	/* SLOB */
	PG_slob_free = PG_private,

	/* Compound pages. Stored in first tail page's flags */
	PG_double_map = PG_private_2,

	/* non-lru isolated movable page */
	PG_isolated = PG_reclaim,
};
#define NR_PAGEFLAGS __NR_PAGEFLAGS

/* Macro-only constants of include/linux/page-flags.h (5.4): page types are
 * stored in page->page_type (the _mapcount union) with the type's bit
 * CLEARED from the initial -1; VMCOREINFO has PAGE_BUDDY_MAPCOUNT_VALUE =
 * ~PG_buddy and PAGE_OFFLINE_MAPCOUNT_VALUE = ~PG_offline.  PG_kmemcg
 * (removed in 5.11) still holds 0x200, so PG_table is 0x400 here. */
#define PAGE_TYPE_BASE 0xf0000000
/* Reserve		0x0000007f to catch underflows of page_mapcount */
#define PAGE_MAPCOUNT_RESERVE -128
#define PG_buddy 0x00000080
#define PG_offline 0x00000100
#define PG_kmemcg 0x00000200
#define PG_table 0x00000400
#define PG_guard 0x00000800
#define PAGE_BUDDY_MAPCOUNT_VALUE (~PG_buddy)
#define PAGE_OFFLINE_MAPCOUNT_VALUE (~PG_offline)
/* page->mapping low bits */
#define PAGE_MAPPING_ANON 0x1
#define PAGE_MAPPING_MOVABLE 0x2
#define PAGE_MAPPING_KSM (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
/* Compound pages (5.4): page[0] has PG_head; tail pages have
 * compound_head = head | 1; the order is page[1].compound_order, the
 * destructor page[1].compound_dtor (enum compound_dtor_id,
 * HUGETLB_PAGE_DTOR marks hugetlb). */

/* include/linux/mm.h */
enum compound_dtor_id {
	NULL_COMPOUND_DTOR,
	COMPOUND_PAGE_DTOR,
#ifdef CONFIG_HUGETLB_PAGE
	HUGETLB_PAGE_DTOR,
#endif
#ifdef CONFIG_TRANSPARENT_HUGEPAGE
	TRANSHUGE_PAGE_DTOR,
#endif
	NR_COMPOUND_DTORS,
};

/* ---- include/linux/mm_types.h ------------------------------------------- */
#ifdef CONFIG_HAVE_ALIGNED_STRUCT_PAGE
#define _struct_page_alignment __attribute__((__aligned__(2 * sizeof(unsigned long))))
#else
#define _struct_page_alignment
#endif

/* include/linux/page-flags-layout.h, with MAX_NR_ZONES, NR_PAGEFLAGS and
 * NR_CPUS_BITS from kernel/bounds.c (generated/bounds.h) */
#if defined(CONFIG_ZONE_DEVICE)
#define MAX_NR_ZONES 5
#else
#define MAX_NR_ZONES 4
#endif
#define NR_PAGEFLAGS_CPP 23		/* __NR_PAGEFLAGS of this config, for #if */
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
#ifdef CONFIG_SPARSEMEM
#define SECTIONS_SHIFT (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS)
#endif
#if defined(CONFIG_SPARSEMEM) && !defined(CONFIG_SPARSEMEM_VMEMMAP)
#define SECTIONS_WIDTH SECTIONS_SHIFT
#else
#define SECTIONS_WIDTH 0
#endif
#define ZONES_WIDTH ZONES_SHIFT
#if SECTIONS_WIDTH + ZONES_WIDTH + NODES_SHIFT <= BITS_PER_LONG - NR_PAGEFLAGS_CPP
#define NODES_WIDTH NODES_SHIFT
#else
#ifdef CONFIG_SPARSEMEM_VMEMMAP
#error "Vmemmap: No space for nodes field in page flags"
#endif
#define NODES_WIDTH 0
#endif
#ifdef CONFIG_NUMA_BALANCING
#define LAST__PID_SHIFT 8
#define LAST__CPU_SHIFT NR_CPUS_BITS
#define LAST_CPUPID_SHIFT (LAST__PID_SHIFT + LAST__CPU_SHIFT)
#else
#define LAST_CPUPID_SHIFT 0
#endif
#define KASAN_TAG_WIDTH 0
#if SECTIONS_WIDTH + ZONES_WIDTH + NODES_SHIFT + LAST_CPUPID_SHIFT + KASAN_TAG_WIDTH \
	<= BITS_PER_LONG - NR_PAGEFLAGS_CPP
#define LAST_CPUPID_WIDTH LAST_CPUPID_SHIFT
#else
#define LAST_CPUPID_WIDTH 0
#endif
#if SECTIONS_WIDTH + NODES_WIDTH + ZONES_WIDTH + LAST_CPUPID_WIDTH + KASAN_TAG_WIDTH \
	> BITS_PER_LONG - NR_PAGEFLAGS_CPP
#error "Not enough bits in page flags"
#endif
#if !(NODES_WIDTH > 0 || NODES_SHIFT == 0)
#define NODE_NOT_IN_PAGE_FLAGS
#endif
#if defined(CONFIG_NUMA_BALANCING) && LAST_CPUPID_WIDTH == 0
#define LAST_CPUPID_NOT_IN_PAGE_FLAGS
#endif
/* include/linux/mm.h: page->flags is, from bit 63 down,
 * | SECTION | NODE | ZONE | LAST_CPUPID | KASAN_TAG | ... | FLAGS | */
#define SECTIONS_PGOFF ((sizeof(unsigned long) * 8) - SECTIONS_WIDTH)
#define NODES_PGOFF (SECTIONS_PGOFF - NODES_WIDTH)
#define ZONES_PGOFF (NODES_PGOFF - ZONES_WIDTH)
#define LAST_CPUPID_PGOFF (ZONES_PGOFF - LAST_CPUPID_WIDTH)
#define SECTIONS_PGSHIFT (SECTIONS_PGOFF * (SECTIONS_WIDTH != 0))
#define NODES_PGSHIFT (NODES_PGOFF * (NODES_WIDTH != 0))
#define ZONES_PGSHIFT (ZONES_PGOFF * (ZONES_WIDTH != 0))
#define LAST_CPUPID_PGSHIFT (LAST_CPUPID_PGOFF * (LAST_CPUPID_WIDTH != 0))
#define ZONES_MASK ((1UL << ZONES_WIDTH) - 1)
#define NODES_MASK ((1UL << NODES_WIDTH) - 1)
#define SECTIONS_MASK ((1UL << SECTIONS_WIDTH) - 1)

struct page {
	unsigned long flags;		/* Atomic flags, some possibly
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
			 * pgdat->lru_lock.  Sometimes used as a generic list
			 * by the page owner.
			 */
			struct list_head lru;
			/* See page-flags.h for PAGE_MAPPING_FLAGS */
			struct address_space *mapping;
			pgoff_t index;		/* Our offset within mapping. */
			/**
			 * @private: Mapping-private opaque data.
			 * Usually used for buffer_heads if PagePrivate.
			 * Used for swp_entry_t if PageSwapCache.
			 * Indicates order in the buddy system if PageBuddy.
			 */
			unsigned long private;
		};
		struct {	/* page_pool used by netstack */
			/**
			 * @dma_addr: might require a 64-bit value even on
			 * 32-bit architectures.
			 */
			dma_addr_t dma_addr;
		};
		struct {	/* slab, slob and slub */
			union {
				struct list_head slab_list;
				struct {	/* Partial pages */
					struct page *next;
#ifdef CONFIG_64BIT
					int pages;	/* Nr of pages left */
					int pobjects;	/* Approximate count */
#else
					short int pages;
					short int pobjects;
#endif
				};
			};
			struct kmem_cache *slab_cache; /* not slob */
			/* Double-word boundary */
			void *freelist;		/* first free object */
			union {
				void *s_mem;	/* slab: first object */
				unsigned long counters;		/* SLUB */
				struct {			/* SLUB */
					unsigned inuse:16;
					unsigned objects:15;
					unsigned frozen:1;
				};
			};
		};
		struct {	/* Tail pages of compound page */
			unsigned long compound_head;	/* Bit zero is set */

			/* First tail page only */
			unsigned char compound_dtor;
			unsigned char compound_order;
			atomic_t compound_mapcount;
		};
		struct {	/* Second tail page of compound page */
			unsigned long _compound_pad_1;	/* compound_head */
			unsigned long _compound_pad_2;
			/* For both global and memcg */
			struct list_head deferred_list;
		};
		struct {	/* Page table pages */
			unsigned long _pt_pad_1;	/* compound_head */
			pgtable_t pmd_huge_pte; /* protected by page->ptl */
			unsigned long _pt_pad_2;	/* mapping */
			union {
				struct mm_struct *pt_mm; /* x86 pgds only */
				atomic_t pt_frag_refcount; /* powerpc */
			};
#if ALLOC_SPLIT_PTLOCKS
			spinlock_t *ptl;
#else
			spinlock_t ptl;
#endif
		};
		struct {	/* ZONE_DEVICE pages */
			/** @pgmap: Points to the hosting device page map. */
			struct dev_pagemap *pgmap;
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
		 * If the page can be mapped to userspace, encodes the number
		 * of times this page is referenced by a page table.
		 */
		atomic_t _mapcount;

		/*
		 * If the page is neither PageSlab nor mappable to userspace,
		 * the value stored here may help determine what this page
		 * is used for.  See page-flags.h for a list of page types
		 * which are currently stored here.
		 */
		unsigned int page_type;

		unsigned int active;		/* SLAB */
		int units;			/* SLOB */
	};

	/* Usage count. *DO NOT USE DIRECTLY*. See page_ref.h */
	atomic_t _refcount;

#ifdef CONFIG_MEMCG
	struct mem_cgroup *mem_cgroup;
#endif

#if defined(WANT_PAGE_VIRTUAL)
	void *virtual;			/* Kernel virtual address (NULL if
					   not kmapped, ie. highmem) */
#endif /* WANT_PAGE_VIRTUAL */

#ifdef LAST_CPUPID_NOT_IN_PAGE_FLAGS
	int _last_cpupid;
#endif
} _struct_page_alignment;

/* ---- include/linux/mmzone.h --------------------------------------------- */
enum migratetype {
	MIGRATE_UNMOVABLE,
	MIGRATE_MOVABLE,
	MIGRATE_RECLAIMABLE,
	MIGRATE_PCPTYPES,	/* the number of types on the pcp lists */
	MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
#ifdef CONFIG_CMA
	MIGRATE_CMA,
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

/*
 * zone->lock and the zone lru_lock are two of the hottest locks in the kernel.
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

#ifdef CONFIG_NUMA
enum numa_stat_item {
	NUMA_HIT,		/* allocated in intended node */
	NUMA_MISS,		/* allocated in non intended node */
	NUMA_FOREIGN,		/* was intended here, hit elsewhere */
	NUMA_INTERLEAVE_HIT,	/* interleaver preferred this zone */
	NUMA_LOCAL,		/* allocation from local node */
	NUMA_OTHER,		/* allocation from other node */
	NR_VM_NUMA_STAT_ITEMS
};
#else
#define NR_VM_NUMA_STAT_ITEMS 0
#endif

enum zone_stat_item {
	/* First 128 byte cacheline (assuming 64 bit words) */
	NR_FREE_PAGES,
	NR_ZONE_LRU_BASE, /* Used only for compaction and reclaim retry */
	NR_ZONE_INACTIVE_ANON = NR_ZONE_LRU_BASE,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,	/* Count of dirty, writeback and unstable pages */
	NR_MLOCK,		/* mlock()ed pages found and moved off LRU */
	NR_PAGETABLE,		/* used for pagetables */
	NR_KERNEL_STACK_KB,	/* measured in KiB */
	/* Second 128 byte cacheline */
	NR_BOUNCE,
#if defined(CONFIG_ZSMALLOC) || defined(CONFIG_ZSMALLOC_MODULE)
	NR_ZSPAGES,		/* allocated in zsmalloc */
#endif
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS };

enum node_stat_item {
	NR_LRU_BASE,
	NR_INACTIVE_ANON = NR_LRU_BASE, /* must match order of LRU_[IN]ACTIVE */
	NR_ACTIVE_ANON,		/*  "     "     "   "       "         */
	NR_INACTIVE_FILE,	/*  "     "     "   "       "         */
	NR_ACTIVE_FILE,		/*  "     "     "   "       "         */
	NR_UNEVICTABLE,		/*  "     "     "   "       "         */
	NR_SLAB_RECLAIMABLE,
	NR_SLAB_UNRECLAIMABLE,
	NR_ISOLATED_ANON,	/* Temporary isolated pages from anon lru */
	NR_ISOLATED_FILE,	/* Temporary isolated pages from file lru */
	WORKINGSET_NODES,
	WORKINGSET_REFAULT,
	WORKINGSET_ACTIVATE,
	WORKINGSET_RESTORE,
	WORKINGSET_NODERECLAIM,
	NR_ANON_MAPPED,	/* Mapped anonymous pages */
	NR_FILE_MAPPED,	/* pagecache pages mapped into pagetables.
			   only modified from process context */
	NR_FILE_PAGES,
	NR_FILE_DIRTY,
	NR_WRITEBACK,
	NR_WRITEBACK_TEMP,	/* Writeback using temporary buffers */
	NR_SHMEM,		/* shmem pages (included tmpfs/GEM pages) */
	NR_SHMEM_THPS,
	NR_SHMEM_PMDMAPPED,
	NR_FILE_THPS,
	NR_FILE_PMDMAPPED,
	NR_ANON_THPS,
	NR_UNSTABLE_NFS,	/* NFS unstable pages */
	NR_VMSCAN_WRITE,
	NR_VMSCAN_IMMEDIATE,	/* Prioritise for reclaim when writeback ends */
	NR_DIRTIED,		/* page dirtyings since bootup */
	NR_WRITTEN,		/* page writings since bootup */
	NR_KERNEL_MISC_RECLAIMABLE,	/* reclaimable non-slab kernel pages */
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

struct zone_reclaim_stat {
	/*
	 * The pageout code in vmscan.c keeps track of how many of the
	 * mem/swap backed and file backed pages are referenced.
	 * The higher the rotated/scanned ratio, the more valuable
	 * that cache is.
	 *
	 * The anon LRU stats live in [0], file LRU stats in [1]
	 */
	unsigned long		recent_rotated[2];
	unsigned long		recent_scanned[2];
};

struct lruvec {
	struct list_head		lists[NR_LRU_LISTS];
	struct zone_reclaim_stat	reclaim_stat;
	/* Evictions & activations on the inactive file list */
	atomic_long_t			inactive_age;
	/* Refaults at the time of last reclaim cycle */
	unsigned long			refaults;
#ifdef CONFIG_MEMCG
	struct pglist_data *pgdat;
#endif
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
	u16 vm_numa_stat_diff[NR_VM_NUMA_STAT_ITEMS];
#endif
#ifdef CONFIG_SMP
	s8 stat_threshold;
	s8 vm_stat_diff[NR_VM_ZONE_STAT_ITEMS];
#endif
};

struct per_cpu_nodestat {
	s8 stat_threshold;
	s8 vm_node_stat_diff[NR_VM_NODE_STAT_ITEMS];
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

struct zone {
	/* Read-mostly fields */

	/* zone watermarks, access with *_wmark_pages(zone) macros */
	unsigned long _watermark[NR_WMARK];
	unsigned long watermark_boost;

	unsigned long nr_reserved_highatomic;

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
	struct per_cpu_pageset	/* __percpu */ *pageset;

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
	 * managed_pages is present pages managed by the buddy system, which
	 * is calculated as (reserved_pages includes pages allocated by the
	 * bootmem allocator):
	 *	managed_pages = present_pages - reserved_pages;
	 */
	atomic_long_t		managed_pages;
	unsigned long		spanned_pages;
	unsigned long		present_pages;

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
	ZONE_PADDING(_pad1_)

	/* free areas of different sizes */
	struct free_area	free_area[MAX_ORDER];

	/* zone flags, see below */
	unsigned long		flags;

	/* Primarily protects free_area */
	spinlock_t		lock;

	/* Write-intensive fields used by compaction and vmstats. */
	ZONE_PADDING(_pad2_)

	/*
	 * When free pages are below this point, additional steps are taken
	 * when reading the number of free pages to avoid per-cpu counter
	 * drift allowing watermarks to be breached
	 */
	unsigned long percpu_drift_mark;

#if defined CONFIG_COMPACTION || defined CONFIG_CMA
	/* pfn where compaction free scanner should start */
	unsigned long		compact_cached_free_pfn;
	/* pfn where async and sync compaction migration scanner should start */
	unsigned long		compact_cached_migrate_pfn[2];
	unsigned long		compact_init_migrate_pfn;
	unsigned long		compact_init_free_pfn;
#endif

#ifdef CONFIG_COMPACTION
	/*
	 * On compaction failure, 1<<compact_defer_shift compactions
	 * are skipped before trying again. The number attempted since
	 * last failure is tracked with compact_considered.
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

	ZONE_PADDING(_pad3_)
	/* Zone statistics */
	atomic_long_t		vm_stat[NR_VM_ZONE_STAT_ITEMS];
	atomic_long_t		vm_numa_stat[NR_VM_NUMA_STAT_ITEMS];
} ____cacheline_internodealigned_in_smp;

enum pgdat_flags {
	PGDAT_CONGESTED,		/* pgdat has many dirty pages backed by
					 * a congested BDI
					 */
	PGDAT_DIRTY,			/* reclaim scanning has recently found
					 * many dirty file pages at the tail
					 * of the LRU.
					 */
	PGDAT_WRITEBACK,		/* reclaim scanning has recently found
					 * many pages under writeback
					 */
	PGDAT_RECLAIM_LOCKED,		/* prevents concurrent reclaim */
};

enum zone_flags {
	ZONE_BOOSTED_WATERMARK,		/* zone recently boosted watermarks.
					 * Cleared when kswapd is woken.
					 */
};

/* Maximum number of zones on a zonelist */
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

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
struct deferred_split {
	spinlock_t split_queue_lock;
	struct list_head split_queue;
	unsigned long split_queue_len;
};
#endif

/*
 * On NUMA machines, each NUMA node would have a pg_data_t to describe
 * it's memory layout. On UMA machines there is a single pglist_data which
 * describes the whole memory.
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
	 *
	 * pgdat_resize_lock() and pgdat_resize_unlock() are provided to
	 * manipulate node_size_lock without checking for CONFIG_MEMORY_HOTPLUG
	 * or CONFIG_DEFERRED_STRUCT_PAGE_INIT.
	 *
	 * Nests above zone->lock and zone->span_seqlock
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
	struct task_struct *kswapd;	/* Protected by
					   mem_hotplug_begin/end() */
	int kswapd_order;
	enum zone_type kswapd_classzone_idx;

	int kswapd_failures;		/* Number of 'reclaimed == 0' runs */

#ifdef CONFIG_COMPACTION
	int kcompactd_max_order;
	enum zone_type kcompactd_classzone_idx;
	wait_queue_head_t kcompactd_wait;
	struct task_struct *kcompactd;
#endif
	/*
	 * This is a per-node reserve of pages that are not available
	 * to userspace allocations.
	 */
	unsigned long		totalreserve_pages;

#ifdef CONFIG_NUMA
	/*
	 * zone reclaim becomes active if more unmapped pages exist.
	 */
	unsigned long		min_unmapped_pages;
	unsigned long		min_slab_pages;
#endif /* CONFIG_NUMA */

	/* Write-intensive fields used by page reclaim */
	ZONE_PADDING(_pad1_)
	spinlock_t		lru_lock;

#ifdef CONFIG_DEFERRED_STRUCT_PAGE_INIT
	/*
	 * If memory initialisation on large machines is deferred then this
	 * is the first PFN that needs to be initialised.
	 */
	unsigned long first_deferred_pfn;
#endif /* CONFIG_DEFERRED_STRUCT_PAGE_INIT */

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
	struct deferred_split deferred_split_queue;
#endif

	/* Fields commonly accessed by the page reclaim scanner */
	struct lruvec		lruvec;

	unsigned long		flags;

	ZONE_PADDING(_pad2_)

	/* Per-node vmstats */
	struct per_cpu_nodestat /* __percpu */ *per_cpu_nodestats;
	atomic_long_t		vm_stat[NR_VM_NODE_STAT_ITEMS];
} pg_data_t;

/* Sparse memory: sections of 1 << SECTION_SIZE_BITS bytes. */
#define PA_SECTION_SHIFT (SECTION_SIZE_BITS)
#define PFN_SECTION_SHIFT (SECTION_SIZE_BITS - PAGE_SHIFT)
#define SECTIONS_SHIFT_ALL (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS)
#define NR_MEM_SECTIONS (1UL << SECTIONS_SHIFT_ALL)
#define PAGES_PER_SECTION (1UL << PFN_SECTION_SHIFT)
#define PAGE_SECTION_MASK (~(PAGES_PER_SECTION-1))
#define SUBSECTION_SHIFT 21
#define PFN_SUBSECTION_SHIFT (SUBSECTION_SHIFT - PAGE_SHIFT)
#define PAGES_PER_SUBSECTION (1UL << PFN_SUBSECTION_SHIFT)
#define SUBSECTIONS_PER_SECTION (1UL << (SECTION_SIZE_BITS - SUBSECTION_SHIFT))
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

/* 5.4: subsection_map also without SPARSEMEM_VMEMMAP */
struct mem_section_usage {
	DECLARE_BITMAP(subsection_map, SUBSECTIONS_PER_SECTION);
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
 * We use the lower bits of the mem_map pointer to store
 * a little bit of information (macros in 5.4).
 */
#define	SECTION_MARKED_PRESENT	(1UL<<0)
#define SECTION_HAS_MEM_MAP	(1UL<<1)
#define SECTION_IS_ONLINE	(1UL<<2)
#define SECTION_IS_EARLY	(1UL<<3)
#define SECTION_MAP_LAST_BIT	(1UL<<4)
#define SECTION_MAP_MASK	(~(SECTION_MAP_LAST_BIT-1))
#define SECTION_NID_SHIFT	3

/* ---- owners: slab caches, files, memory cgroups ------------------------- *
 * What kpage follows from a page to its owner, as this kernel has it:
 *   struct kmem_cache (include/linux/slub_def.h)
 *   address_space, inode, super_block, file_system_type (include/linux/fs.h)
 *   qstr, dentry (include/linux/dcache.h)
 *   mem_cgroup (include/linux/memcontrol.h); cgroup,
 *   cgroup_subsys_state (include/linux/cgroup-defs.h); kernfs_node
 *   (include/linux/kernfs.h)
 * Members kpage reads and their neighbours are the kernel's; long stretches
 * no reader looks at are byte arrays named after the members they stand
 * for, near 5.10's DWARF (Debian 5.10) where 5.4 had them; not asserted. The slab
 * fields are struct page's; page->mem_cgroup (4.x - 5.10) points at the
 * mem_cgroup itself, for kernel pages too (PageKmemcg); no obj_cgroup yet
 * (5.9). kernfs_node.id is union kernfs_node_id (u64 from 5.5). */
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
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_bl_node { struct hlist_bl_node *next, **pprev; };
struct hlist_bl_head { struct hlist_bl_node *first; };
struct rb_node { unsigned long __rb_parent_color; struct rb_node *rb_right, *rb_left; } __attribute__((aligned(sizeof(long))));
struct rb_root { struct rb_node *rb_node; };
struct rb_root_cached { struct rb_root rb_root; struct rb_node *rb_leftmost; };
struct timespec64 { time64_t tv_sec; long tv_nsec; };
struct optimistic_spin_queue { atomic_t tail; };
struct mutex { atomic_long_t owner; spinlock_t wait_lock; struct optimistic_spin_queue osq; struct list_head wait_list; };
struct rw_semaphore { atomic_long_t count; atomic_long_t owner; struct optimistic_spin_queue osq;
	raw_spinlock_t wait_lock; struct list_head wait_list; };
struct xarray { spinlock_t xa_lock; gfp_t xa_flags; void *xa_head; };
struct lockref { union { u64 lock_count; struct { spinlock_t lock; int count; }; }; };
struct percpu_ref_data;
struct percpu_ref { unsigned long percpu_count_ptr; struct percpu_ref_data *data; };
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct { atomic_long_t data; struct list_head entry; work_func_t func; };
struct workqueue_struct;
struct rcu_work { struct work_struct work; struct rcu_head rcu; struct workqueue_struct *wq; };
struct kref { struct { atomic_t refs; } refcount; };
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

/* mm/slub_def.h */
struct kmem_cache_cpu;
struct kmem_cache_node;
struct reciprocal_value { u32 m; u8 sh1, sh2; };
struct kmem_cache_order_objects { unsigned int x; };
struct kmem_cache {
	struct kmem_cache_cpu *cpu_slab;
	slab_flags_t flags;
	unsigned long min_partial;
	unsigned int size;		/* The size of an object including metadata */
	unsigned int object_size;	/* The size of an object without metadata */
	struct reciprocal_value reciprocal_size;
	unsigned int offset;		/* Free pointer offset */
	unsigned int cpu_partial;
	struct kmem_cache_order_objects oo;
	/* Allocation and freeing of slabs */
	struct kmem_cache_order_objects max;
	struct kmem_cache_order_objects min;
	gfp_t allocflags;
	int refcount;
	void (*ctor)(void *);
	unsigned int inuse;		/* Offset to metadata */
	unsigned int align;
	unsigned int red_left_pad;
	const char *name;		/* Name (only for display!) */
	struct list_head list;		/* List of slab caches */
	struct kobject kobj;		/* For sysfs */
	unsigned long random;
	unsigned int remote_node_defrag_ratio;
	unsigned int *random_seq;
	unsigned int useroffset;
	unsigned int usersize;
	struct kmem_cache_node *node[MAX_NUMNODES];
};

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
#define DNAME_INLINE_LEN 32
struct dentry {
	/* RCU lookup touched fields */
	unsigned int d_flags;		/* protected by d_lock */
	seqcount_t d_seq;		/* per dentry seqlock */
	struct hlist_bl_node d_hash;	/* lookup hash list */
	struct dentry *d_parent;	/* parent directory */
	struct qstr d_name;
	struct inode *d_inode;		/* Where the name belongs to - NULL is negative */
	unsigned char d_iname[DNAME_INLINE_LEN];	/* small names */
	/* Ref lookup also touches following */
	struct lockref d_lockref;	/* per-dentry lock and refcount */
	const struct dentry_operations *d_op;
	struct super_block *d_sb;	/* The root of the dentry tree */
	unsigned long d_time;		/* used by d_revalidate */
	void *d_fsdata;			/* fs-specific data */
	union {
		struct list_head d_lru;		/* LRU list */
		wait_queue_head_t *d_wait;	/* in-lookup ones only */
	};
	struct list_head d_child;	/* child of parent list */
	struct list_head d_subdirs;	/* our children */
	/*
	 * d_alias and d_rcu can share memory
	 */
	union {
		struct hlist_node d_alias;	/* inode alias list */
		struct hlist_bl_node d_in_lookup_hash;	/* only for in-lookup ones */
		struct rcu_head d_rcu;
	} d_u;
};

/* include/linux/fs.h */
struct address_space_operations;
struct address_space {
	struct inode *host;
	struct xarray i_pages;
	gfp_t gfp_mask;
	atomic_t i_mmap_writable;
	struct rb_root_cached i_mmap;
	struct rw_semaphore i_mmap_rwsem;
	/* Protected by the i_pages lock */
	unsigned long nrpages;
	unsigned long nrexceptional;
	pgoff_t writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	errseq_t wb_err;
	spinlock_t private_lock;
	struct list_head private_list;
	void *private_data;
} __attribute__((aligned(sizeof(long))));

struct posix_acl;
struct inode_operations;
struct file_operations;
struct file_lock_context;
struct bdi_writeback;
struct fsnotify_mark_connector;
struct inode {
	umode_t i_mode;
	unsigned short i_opflags;
	kuid_t i_uid;
	kgid_t i_gid;
	unsigned int i_flags;
	struct posix_acl *i_acl;
	struct posix_acl *i_default_acl;
	const struct inode_operations *i_op;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	void *i_security;
	/* Stat data, not accessed from path walking */
	unsigned long i_ino;
	union {
		const unsigned int i_nlink;
		unsigned int __i_nlink;
	};
	dev_t i_rdev;
	loff_t i_size;
	struct timespec64 i_atime;
	struct timespec64 i_mtime;
	struct timespec64 i_ctime;
	spinlock_t i_lock;	/* i_blocks, i_bytes, maybe i_size */
	unsigned short i_bytes;
	u8 i_blkbits;
	u8 i_write_hint;
	blkcnt_t i_blocks;
	unsigned long i_state;
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
	struct list_head i_devices;
	union {
		struct pipe_inode_info *i_pipe;
		struct cdev *i_cdev;
		char *i_link;
		unsigned i_dir_seq;
	};
	u32 i_generation;
	u32 i_fsnotify_mask;		/* all events this inode cares about */
	struct fsnotify_mark_connector *i_fsnotify_marks;
	struct fscrypt_info *i_crypt_info;
	struct fsverity_info *i_verity_info;
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
	struct dentry *(*mount) (struct file_system_type *, int, const char *, void *);
	void (*kill_sb) (struct super_block *);
	struct module *owner;
	struct file_system_type *next;
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

struct super_operations;
struct dquot_operations;
struct quotactl_ops;
struct export_operations;
struct block_device;
struct backing_dev_info;
struct mtd_info;
struct super_block {
	struct list_head s_list;	/* Keep this first */
	dev_t s_dev;			/* search index; _not_ kdev_t */
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
	int s_count;
	atomic_t s_active;
	/* s_security .. s_instances, s_quota_types, s_dquot, s_writers */
	unsigned char __kp_s_security_to_s_writers[920 - 160];
	void *s_fs_info;		/* Filesystem private info */
	u32 s_time_gran;
	time64_t s_time_min;
	time64_t s_time_max;
	u32 s_fsnotify_mask;
	struct fsnotify_mark_connector *s_fsnotify_marks;
	char s_id[32];			/* Informational name */
	uuid_t s_uuid;			/* UUID */
	unsigned int s_max_links;
	unsigned int s_mode;
	struct mutex s_vfs_rename_mutex;	/* Kludge */
	const char *s_subtype;
	const struct dentry_operations *s_d_op;	/* default d_op for dentries */
	/* s_shrink .. s_inodes_wb */
	unsigned char __kp_s_shrink_to_s_inodes_wb[1456 - 1072];
} __attribute__((aligned(64)));

/* include/linux/kernfs.h */
struct kernfs_root;
struct kernfs_ops;
struct kernfs_open_node;
struct kernfs_iattrs;
struct kernfs_elem_dir { unsigned long subdirs; struct rb_root children; struct kernfs_root *root; unsigned long rev; };
struct kernfs_elem_symlink { struct kernfs_node *target_kn; };
struct kernfs_elem_attr { const struct kernfs_ops *ops; struct kernfs_open_node *open; loff_t size; struct kernfs_node *notify_next; };
union kernfs_node_id {
	struct {
		/*
		 * blktrace will export this struct as a simplified 'struct
		 * fid' (which is a big data struction), so userspace can use
		 * it to find kernfs node. The layout must match the first two
		 * fields of 'struct fid' exactly.
		 */
		u32 ino;
		u32 generation;
	};
	u64 id;
};
struct kernfs_node {
	atomic_t count;
	atomic_t active;
	/*
	 * Use kernfs_get_parent() and kernfs_name/path() instead of
	 * accessing the following two fields directly.  If the node is
	 * never moved to a different parent, it is safe to access the
	 * parent directly.
	 */
	struct kernfs_node *parent;
	const char *name;
	struct rb_node rb;
	const void *ns;			/* namespace tag */
	unsigned int hash;		/* ns + name hash */
	union {
		struct kernfs_elem_dir dir;
		struct kernfs_elem_symlink symlink;
		struct kernfs_elem_attr attr;
	};
	void *priv;
	union kernfs_node_id id;
	unsigned short flags;
	umode_t mode;
	struct kernfs_iattrs *iattr;
};

/* include/linux/cgroup-defs.h */
struct cgroup;
struct cgroup_subsys;
struct cgroup_subsys_state {
	struct cgroup *cgroup;
	struct cgroup_subsys *ss;
	struct percpu_ref refcnt;
	struct list_head sibling;
	struct list_head children;
	struct list_head rstat_css_node;
	int id;
	unsigned int flags;
	u64 serial_nr;
	atomic_t online_cnt;
	struct work_struct destroy_work;
	struct rcu_work destroy_rwork;
	struct cgroup_subsys_state *parent;
};
struct cgroup {
	struct cgroup_subsys_state self;
	unsigned long flags;		/* "unsigned long" so bitops work */
	int level;
	int max_depth;
	int nr_descendants;
	int nr_dying_descendants;
	int max_descendants;
	int nr_populated_csets;
	int nr_populated_domain_children;
	int nr_populated_threaded_children;
	int nr_threaded_children;
	struct kernfs_node *kn;		/* cgroup kernfs entry */
	/* procs_file .. freezer, ancestor_ids[] */
	unsigned char __kp_procs_file_to_freezer[1536];
};

/* include/linux/memcontrol.h */
struct mem_cgroup;
struct mem_cgroup_id { int id; struct { atomic_t refs; } ref; };
struct mem_cgroup {
	struct cgroup_subsys_state css;
	/* Private memcg ID. Used to ID objects that outlive the cgroup */
	struct mem_cgroup_id id;
	/* memory .. deferred_split_queue (page counters, events, kmem caches) */
	unsigned char __kp_memory_to_deferred_split_queue[2048] __attribute__((aligned(64)));
	struct mem_cgroup_per_node *nodeinfo[];
};

/* mm/ksm.c (CONFIG_KSM): its pages have PAGE_MAPPING_KSM (2.6.33+). Opaque here:
 * that the type exists is what kpage reads (which KSM rule the era has). */
struct stable_node { unsigned char __kp_opaque[64]; };

/* ---- mm/page_alloc.c: __zone_watermark_ok() (5.4), reduced to its shape --
 * kpage reads one fact of it from the DWARF: the local alloc_harder
 * (ALLOC_HARDER, 4.4 - 6.2) is there. ALLOC_* are mm/internal.h's. */
bool __zone_watermark_ok(struct zone *z, unsigned int order, unsigned long mark,
			 int highest_zoneidx, unsigned int alloc_flags, long free_pages)
{
	long min = mark;
	unsigned int o;
	const bool alloc_harder = (alloc_flags & (0x10 /* ALLOC_HARDER */ | 0x08 /* ALLOC_OOM */));

	free_pages -= (1 << order) - 1;
	if (alloc_flags & 0x20 /* ALLOC_HIGH */)
		min -= min / 2;
	if (alloc_harder)
		min -= min / 4;
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
#ifdef CONFIG_HUGETLB_PAGE
/* include/linux/hugetlb.h: struct hstate, opaque here (kpage reads none of
 * its members: that hstates[] exists says CONFIG_HUGETLB_PAGE, and so
 * pageblock_order = HUGETLB_PAGE_ORDER) */
struct hstate { unsigned char __kp_opaque[4096]; };
struct hstate hstates[2];				/* mm/hugetlb.c (HUGE_MAX_HSTATE) */
#endif
#ifdef CONFIG_NUMA
struct pglist_data *node_data[MAX_NUMNODES];		/* arch/x86/mm/numa.c */
#else
struct pglist_data contig_page_data;			/* mm/memblock.c */
#endif
#ifdef CONFIG_FLATMEM
struct page *mem_map;					/* mm/memory.c (!NEED_MULTIPLE_NODES) */
#endif
#ifdef CONFIG_SPARSEMEM_EXTREME
struct mem_section **mem_section;			/* mm/sparse.c */
#endif
unsigned long page_offset_base;				/* arch/x86/kernel/head64.c (DYNAMIC_MEMORY_LAYOUT) */
unsigned long vmemmap_base;
atomic_long_t vm_zone_stat[NR_VM_ZONE_STAT_ITEMS] ____cacheline_aligned_in_smp;	/* mm/vmstat.c */
atomic_long_t vm_numa_stat[NR_VM_NUMA_STAT_ITEMS] ____cacheline_aligned_in_smp;
atomic_long_t vm_node_stat[NR_VM_NODE_STAT_ITEMS] ____cacheline_aligned_in_smp;
atomic_long_t _totalram_pages;				/* mm/page_alloc.c */
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
const char linux_banner[] =				/* init/version.c */
	"Linux version " KP_ERA_RELEASE "-kpage-fixture (kpage@fixture) #1 SMP\n";
unsigned long init_top_pgt[512] __attribute__((aligned(4096)));	/* arch/x86/kernel/head_64.S */

/* ---- layout checks (values computed from the definitions above) --------- */
#ifdef LAST_CPUPID_NOT_IN_PAGE_FLAGS
_Static_assert(sizeof(struct page) == 80, "struct page with _last_cpupid");
_Static_assert(__builtin_offsetof(struct page, _last_cpupid) == 64, "_last_cpupid");
#else
_Static_assert(sizeof(struct page) == 64, "struct page");
#endif
_Static_assert(__builtin_offsetof(struct page, flags) == 0, "flags");
_Static_assert(__builtin_offsetof(struct page, lru) == 8, "lru");
_Static_assert(__builtin_offsetof(struct page, mapping) == 24, "mapping");
_Static_assert(__builtin_offsetof(struct page, index) == 32, "index");
_Static_assert(__builtin_offsetof(struct page, private) == 40, "private");
_Static_assert(__builtin_offsetof(struct page, slab_cache) == 24, "slab_cache");
_Static_assert(__builtin_offsetof(struct page, freelist) == 32, "freelist");
_Static_assert(__builtin_offsetof(struct page, compound_head) == 8, "compound_head");
_Static_assert(__builtin_offsetof(struct page, compound_dtor) == 16, "compound_dtor");
_Static_assert(__builtin_offsetof(struct page, compound_order) == 17, "compound_order");
_Static_assert(__builtin_offsetof(struct page, compound_mapcount) == 20, "compound_mapcount");
_Static_assert(__builtin_offsetof(struct page, deferred_list) == 24, "deferred_list");
_Static_assert(__builtin_offsetof(struct page, _mapcount) == 48, "_mapcount");
_Static_assert(__builtin_offsetof(struct page, page_type) == 48, "page_type");
_Static_assert(__builtin_offsetof(struct page, _refcount) == 52, "_refcount");
_Static_assert(__builtin_offsetof(struct page, mem_cgroup) == 56, "mem_cgroup");
_Static_assert(__NR_PAGEFLAGS == NR_PAGEFLAGS_CPP, "NR_PAGEFLAGS_CPP");
_Static_assert(__MAX_NR_ZONES == MAX_NR_ZONES, "MAX_NR_ZONES");
_Static_assert(NR_VM_ZONE_STAT_ITEMS == 13, "NR_VM_ZONE_STAT_ITEMS");
_Static_assert(sizeof(struct free_area) == 88, "struct free_area");
_Static_assert(sizeof(struct mem_section) == 16, "struct mem_section");
_Static_assert(sizeof(struct per_cpu_pages) == 64, "struct per_cpu_pages");
_Static_assert(sizeof(struct per_cpu_pageset) == (KP_NUMA ? 96 : 80), "struct per_cpu_pageset");
#if defined(KP_MEMMODEL_VMEMMAP) && KP_NUMA
_Static_assert(sizeof(struct zone) == 1472, "struct zone");
_Static_assert(__builtin_offsetof(struct zone, pageset) == 96, "zone.pageset");
_Static_assert(__builtin_offsetof(struct zone, free_area) == 192, "zone.free_area");
_Static_assert(__builtin_offsetof(struct zone, vm_stat) == 1280, "zone.vm_stat");
_Static_assert(sizeof(struct lruvec) == 136, "struct lruvec");
#endif
