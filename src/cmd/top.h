/* top: shared by top.c (the command, counting), top_scan.c (the scan's
 * parts and the owners read after it) and top_print.c (the output). */
#ifndef KPAGE_TOP_H
#define KPAGE_TOP_H

#include "addrmap.h"
#include "owner.h"
#include "session.h"

/* Counters of one owner, kept by its key (an address). */
struct top_row {
	uint64_t key;
	uint64_t pages, slabs, objects, inuse;      /* slab */
	uint64_t dirty, writeback;                  /* file */
	uint64_t anon, file, kernel, slab_bytes;    /* memcg */
	const void *owner;                          /* after the scan: its record */
};

struct top_table {
	struct kp_addrmap map;
	struct top_row *rows;
	size_t n, cap;
};

/* A slab whose objects are charged one by one (its objcg vector): read
 * after the scan for top memcg. */
struct top_vector {
	uint64_t vector, cache;
	uint32_t objects;
};

/* One part of the scan. Tails take their head's owners: the head seen
 * last; a part's first tails may belong to a head before it (orphans). */
struct top_orphan {
	uint64_t head_pfn, pages;
	bool counted;
};

struct top_part {
	const struct kp_owner_layout *ol;
	const struct kp_owners *owners;
	int want;
	uint64_t start;
	struct top_table slab, file, memcg;
	struct top_vector *vec;
	size_t nvec, capvec;
	struct kp_owner_keys head;      /* the last head of the part */
	bool has_head;
	struct top_orphan *orphans;
	size_t norphans, caporphans;
	bool oom;
};

struct top_ctx {
	struct kp_session *s;
	struct kp_owners *owners;
	int want;
	bool memcg_absent;              /* the era keeps no memcg in struct page */
	/* the parts merged so far, in pfn order; its orphans are those no
	 * merged part's head took (read after the scan) */
	struct top_part all;
	struct top_table memcg_by_addr; /* after the scan: rows by mem_cgroup */
	uint64_t unreadable_vectors, unreadable_heads;
};

extern const struct kp_scan_ops top_scan_ops;

struct top_row *top_row(struct top_table *t, uint64_t key);
void top_row_add(struct top_row *to, const struct top_row *r);
bool top_table_merge(struct top_table *to, const struct top_table *from);
void top_table_free(struct top_table *t);
bool top_count(struct top_part *tp, const struct kp_owner_keys *k, bool first);
bool top_vector_add(struct top_part *tp, const struct kp_owner_keys *k);
/* After the scan: the orphans' heads, the slabs' vectors, the owners. */
kp_error *top_finish(struct top_ctx *tc);
void top_print(struct top_ctx *tc, uint64_t limit);
void top_ctx_free(struct top_ctx *tc);

#endif
