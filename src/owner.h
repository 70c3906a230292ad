/* Who owns a page: the slab cache, the file, the memory cgroup. Each owner
 * structure is read from the dump once per run (kept by its address), every
 * member found by name in the debuginfo. An owner that cannot be read (not
 * in the dump, a wild pointer, a cyclic chain) keeps the reason in `why`.
 * Chains (dentry parents, kernfs parents) are bounded and detect cycles. */
#ifndef KPAGE_OWNER_H
#define KPAGE_OWNER_H

#include "memmodel.h"
#include "scan.h"
#include "types.h"

#define KP_OWNER_CHAIN_MAX 64     /* path components followed at most */
#define KP_OWNER_WHY 128

/* Where the owners' members are, resolved once from the types. */
struct kp_owner_layout {
	/* the slab descriptor: struct slab (5.17+) overlaying the head page,
	 * else struct page itself */
	const char *slab_type;
	struct kp_field sl_cache, sl_freelist, sl_inuse, sl_objects, sl_frozen, sl_vector;
	struct kp_field sl_active;                 /* SLAB allocator (no inuse) */
	struct kp_field kc_name, kc_object_size, kc_size, kc_num;
	/* the memory cgroup: page.memcg_data (5.11+) or page.mem_cgroup, its
	 * low bits flags of enum page_memcg_data_flags */
	struct kp_field pg_memcg;
	const char *memcg_member;
	uint64_t memcg_flags_mask, memcg_flag_vector, memcg_flag_kmem;
	uint64_t vector_flags_mask;                /* enum objext_flags (6.10+) */
	struct kp_field mc_cgroup, cg_kn, kn_name, kn_parent, objcg_memcg;
	uint32_t vector_stride;                    /* sizeof(slabobj_ext) or 8 */
	struct kp_field vector_objcg;
	/* the file: address_space, inode, dentry, super_block */
	struct kp_field as_host, as_nrpages, in_ino, in_sb, in_size, in_dentry, in_mapping;
	struct kp_field de_parent, de_name, de_alias, sb_id, sb_dev, sb_type, fst_name;
	bool alias_is_list;
	/* 7.x: a user folio's memcg_data is an obj_cgroup too (evidence:
	 * obj_cgroup.is_root, added with that change) */
	bool folio_objcg;                        /* list_head (2.6) or hlist */
	int pg_dirty, pg_writeback;                /* flag bits, -1 */
};

/* A CPU's active slab (SLUB's kmem_cache_cpu) and the objects on that
 * CPU's freelist (free, though the slab's inuse counts them); -1 when
 * the freelist cannot be walked. */
struct kp_slab_cpu {
	uint64_t slab;                   /* struct slab (struct page) address */
	uint32_t cpu;
	int64_t free;
};

/* A slab cache (struct kmem_cache). */
struct kp_slab_owner {
	uint64_t addr;
	char name[64];
	uint32_t object_size, size;
	struct kp_slab_cpu *cpu;         /* its CPU slabs, ncpu of them */
	uint32_t ncpu;
	char why[KP_OWNER_WHY];          /* "" when read */
};

/* A file: the address_space a page-cache page names. */
struct kp_file_owner {
	uint64_t mapping, inode, ino;
	int64_t size;                    /* i_size, -1 unknown */
	uint32_t dev;                    /* s_dev */
	char fs[32], sb[32];             /* s_type->name, s_id */
	char path[512];                  /* within its filesystem; "" unknown */
	bool has_path;
	char why[KP_OWNER_WHY];
};

/* A memory cgroup. */
struct kp_memcg_owner {
	uint64_t addr;
	char path[256];
	bool has_path;
	char why[KP_OWNER_WHY];
};

/* What a page's memcg_data says. */
enum kp_memcg_kind {
	KP_MEMCG_NONE,     /* not charged */
	KP_MEMCG_PLAIN,    /* a struct mem_cgroup (user pages) */
	KP_MEMCG_KMEM,     /* a struct obj_cgroup (kernel pages) */
	KP_MEMCG_OBJCG,    /* a struct obj_cgroup of a user folio (7.x reparenting) */
	KP_MEMCG_VECTOR,   /* a slab's per-object vector */
	KP_MEMCG_UNKNOWN,  /* the era keeps no memcg in struct page */
};

struct kp_owners;

kp_error *kp_owners_open(struct kp_mm *mm, struct kp_owners **out);
void kp_owners_close(struct kp_owners *o);
const struct kp_owner_layout *kp_owners_layout(const struct kp_owners *o);

/* The memcg_data word of a head page's raw bytes, and its kind. */
enum kp_memcg_kind kp_owner_memcg_data(const struct kp_owners *o, const uint8_t *raw,
					uint64_t *ptr);
const char *kp_memcg_kind_name(enum kp_memcg_kind k);

/* Each read once and kept; never NULL. */
const struct kp_slab_owner *kp_owner_slab(struct kp_owners *o, uint64_t cache);
const struct kp_file_owner *kp_owner_file(struct kp_owners *o, uint64_t mapping);
const struct kp_memcg_owner *kp_owner_memcg(struct kp_owners *o, uint64_t memcg);
/* The mem_cgroup of an obj_cgroup (0 and WHY when unreadable). */
uint64_t kp_owner_objcg_memcg(struct kp_owners *o, uint64_t objcg, char *why, size_t len);

/* The slab descriptor's numbers from a slab head's raw bytes. */
struct kp_slab_info {
	uint64_t cache, freelist;
	int64_t objects, inuse;          /* -1 unknown */
	int frozen;                      /* -1 unknown */
	uint64_t vector;                 /* the objcg vector (flags cleared), 0 */
};
void kp_owner_slab_info(const struct kp_owners *o, const uint8_t *raw, struct kp_slab_info *si);

/* The owners a page names, from its head's struct page (a tail takes its
 * head's): what top counts and pages filters by. */
struct kp_owner_keys {
	uint64_t pfn;                    /* the head's */
	enum kp_class cls;
	uint64_t flags;                  /* the head's flags word */
	uint64_t cache;                  /* slab: kmem_cache */
	uint64_t mapping;                /* file: address_space */
	uint64_t memcg_word;             /* memcg_data as stored, 0 */
	struct kp_slab_info slab;        /* slab heads */
};
void kp_owner_keys_of(const struct kp_owners *o, const struct kp_page *p, enum kp_class c,
		      const uint8_t *raw, struct kp_owner_keys *k);
/* The mem_cgroup a memcg_data word charges (plain, or through its
 * obj_cgroup), 0 for none or a slab's vector. */
uint64_t kp_owner_memcg_of_word(struct kp_owners *o, uint64_t word);

/* owner_slab_cpu.c: C's CPU slabs from its kmem_cache bytes KC (called
 * once per cache), and the one that is SLAB, NULL if none. */
void kp_owner_slab_cpus(struct kp_owners *o, struct kp_slab_owner *c, const uint8_t *kc);
const struct kp_slab_cpu *kp_owner_slab_cpu_of(const struct kp_slab_owner *c, uint64_t slab);
/* The kmem_cache bytes slab_read must read for kp_owner_slab_cpus. */
uint32_t kp_owner_slab_cpu_span(struct kp_owners *o);

/* owner_file.c: the file behind an address_space (called once per mapping). */
void kp_owner_file_read(struct kp_owners *o, struct kp_file_owner *f);
/* owner.c, for owner_file.c: reads LEN bytes of the WHAT at VA; false with
 * WHY set when it cannot. */
bool kp_owner_read(struct kp_owners *o, uint64_t va, void *buf, size_t len, const char *what,
		   char *why, size_t why_len);
/* The bytes a read must cover to hold every present field of FIELDS. */
uint32_t kp_owner_span(const struct kp_field *const *fields, size_t n);

#endif
