/* top's scan: each part counts its pages by owner key; the parts are merged
 * in pfn order; then the heads of orphaned tails, the slabs' objcg vectors
 * and every owner are read, once each. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "top.h"
#include "types.h"

enum { WANT_SLAB = 1, WANT_FILE = 2, WANT_MEMCG = 4 };

static void *top_part_new(void *arg, uint64_t start, uint64_t end)
{
	struct top_ctx *tc = arg;
	struct top_part *tp = calloc(1, sizeof(*tp));
	(void)end;
	if (tp) {
		tp->ol = tc->all.ol;
		tp->owners = tc->owners;
		tp->want = tc->want;
		tp->start = start;
	}
	return tp;
}

static void top_part_free(void *arg)
{
	struct top_part *tp = arg;
	if (!tp)
		return;
	top_table_free(&tp->slab);
	top_table_free(&tp->file);
	top_table_free(&tp->memcg);
	free(tp->vec);
	free(tp->orphans);
	free(tp);
}

static bool orphan_add(struct top_part *tp, uint64_t head_pfn)
{
	if (tp->norphans && tp->orphans[tp->norphans - 1].head_pfn == head_pfn) {
		tp->orphans[tp->norphans - 1].pages++;
		return true;
	}
	if (!kp_grow((void **)&tp->orphans, &tp->caporphans, tp->norphans, sizeof(*tp->orphans), 8))
		return false;
	tp->orphans[tp->norphans++] = (struct top_orphan){ head_pfn, 1, false };
	return true;
}

static int top_page(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct top_part *tp = arg;
	struct kp_owner_keys k;
	bool ok;

	if (!p->in_dump || c == KP_CLASS_FREE)
		return 0;
	if (p->compound == KP_COMPOUND_TAIL && p->head_pfn) {
		if (tp->has_head && tp->head.pfn == p->head_pfn)
			ok = top_count(tp, &tp->head, false);
		else
			ok = orphan_add(tp, p->head_pfn);
	} else {
		kp_owner_keys_of(tp->owners, p, c, raw, &k);
		ok = top_count(tp, &k, true);
		if (p->compound == KP_COMPOUND_HEAD) {
			tp->head = k;
			tp->has_head = true;
		}
	}
	if (!ok)
		tp->oom = true;
	return 0;
}

static void top_part_merge(void *arg, void *part)
{
	struct top_ctx *tc = arg;
	struct top_part *tp = part, *all = &tc->all;

	all->oom |= tp->oom;
	if (!top_table_merge(&all->slab, &tp->slab) || !top_table_merge(&all->file, &tp->file) ||
	    !top_table_merge(&all->memcg, &tp->memcg))
		all->oom = true;
	for (size_t i = 0; i < tp->nvec; i++) {
		struct kp_owner_keys k = { .cache = tp->vec[i].cache };
		k.slab.vector = tp->vec[i].vector;
		k.slab.objects = tp->vec[i].objects;
		if (!top_vector_add(all, &k))
			all->oom = true;
	}
	for (size_t i = 0; i < tp->norphans; i++) {
		const struct top_orphan *o = &tp->orphans[i];
		for (uint64_t n = 0; n < o->pages; n++) {
			bool ok = all->has_head && all->head.pfn == o->head_pfn ?
				  top_count(all, &all->head, false) : orphan_add(all, o->head_pfn);
			if (!ok)
				all->oom = true;
		}
	}
	if (tp->has_head) {
		all->head = tp->head;
		all->has_head = true;
	}
}

const struct kp_scan_ops top_scan_ops = { top_part_new, top_page, top_part_merge, top_part_free };

/* Tails whose head no part saw before them (a --pfn range, or a head the
 * scan's parts split from its tails): their head read on its own. */
static void top_orphans(struct top_ctx *tc)
{
	struct top_part *all = &tc->all;
	uint8_t raw[KP_PAGE_STRUCT_MAX];
	size_t n = all->norphans;

	for (size_t i = 0; i < n; i++) {
		struct kp_page h;
		enum kp_class hc;
		struct kp_owner_keys k;
		kp_error *err = NULL;
		if (tc->s->layout.page_size > sizeof(raw) ||
		    (err = kp_scan_one(&tc->s->mm, all->orphans[i].head_pfn, &h, &hc, raw))) {
			kp_error_free(err);
			tc->unreadable_heads += all->orphans[i].pages;
			continue;
		}
		kp_owner_keys_of(tc->owners, &h, hc, raw, &k);
		for (uint64_t p = 0; p < all->orphans[i].pages; p++)
			if (!top_count(all, &k, false))
				all->oom = true;
	}
}

/* Each slab's objcg vector: the bytes of its objects charged to each
 * memcg. */
static void top_vectors(struct top_ctx *tc)
{
	const struct kp_owner_layout *ol = tc->all.ol;
	uint8_t *buf = NULL;
	size_t cap = 0;
	char why[KP_OWNER_WHY];

	for (size_t i = 0; i < tc->all.nvec; i++) {
		const struct top_vector *v = &tc->all.vec[i];
		size_t len = (size_t)v->objects * ol->vector_stride;
		if (!len || len > (1u << 20))
			continue;
		if (len > cap) {
			uint8_t *b = realloc(buf, len);
			if (!b)
				break;
			buf = b;
			cap = len;
		}
		if (!kp_owner_read(tc->owners, v->vector, buf, len, "objcg vector", why, sizeof(why))) {
			tc->unreadable_vectors++;
			continue;
		}
		const struct kp_slab_owner *c = kp_owner_slab(tc->owners, v->cache);
		/* as the kernel charges it, obj_full_size(): the object's size with
		 * its padding, and the vector's pointer to it (mm/memcontrol.c; a
		 * rule of the code, not in the debuginfo) */
		uint32_t size = (c->size ? c->size : c->object_size) + 8;
		for (uint32_t j = 0; j < v->objects; j++) {
			uint64_t objcg = kp_load(buf + (size_t)j * ol->vector_stride +
						 ol->vector_objcg.offset, 8);
			if (!objcg)
				continue;
			uint64_t memcg = kp_owner_objcg_memcg(tc->owners, objcg, why, sizeof(why));
			struct top_row *r = top_row(&tc->memcg_by_addr, memcg ? memcg : 1);
			if (!r) {
				tc->all.oom = true;
				break;
			}
			r->slab_bytes += size;
		}
	}
	free(buf);
}

kp_error *top_finish(struct top_ctx *tc)
{
	struct top_part *all = &tc->all;

	top_orphans(tc);
	/* memcg_data words (a memcg, or an objcg) to their mem_cgroup */
	for (size_t i = 0; i < all->memcg.n; i++) {
		uint64_t m = kp_owner_memcg_of_word(tc->owners, all->memcg.rows[i].key);
		struct top_row *r = top_row(&tc->memcg_by_addr, m ? m : 1);
		if (!r) {
			all->oom = true;
			break;
		}
		top_row_add(r, &all->memcg.rows[i]);
	}
	if (tc->want & WANT_MEMCG)
		top_vectors(tc);
	if (all->oom)
		return kp_errorf(KP_EXIT_INPUT, "top: out of memory counting owners");
	for (size_t i = 0; i < all->slab.n; i++) {
		struct top_row *r = &all->slab.rows[i];
		const struct kp_slab_owner *c = kp_owner_slab(tc->owners, r->key == 1 ? 0 : r->key);
		r->owner = c;
		/* the objects on the CPUs' freelists are free */
		for (uint32_t j = 0; j < c->ncpu; j++)
			if (c->cpu[j].free > 0)
				r->inuse -= (uint64_t)c->cpu[j].free < r->inuse ? (uint64_t)c->cpu[j].free :
					    r->inuse;
	}
	for (size_t i = 0; i < all->file.n; i++)
		all->file.rows[i].owner = kp_owner_file(tc->owners, all->file.rows[i].key);
	for (size_t i = 0; i < tc->memcg_by_addr.n; i++) {
		struct top_row *r = &tc->memcg_by_addr.rows[i];
		r->owner = kp_owner_memcg(tc->owners, r->key == 1 ? 0 : r->key);
		/* memory.stat's kernel counts its slab objects' bytes */
		r->kernel += (r->slab_bytes + KP_PAGE_SIZE / 2) / KP_PAGE_SIZE;
		r->pages = r->anon + r->file + r->kernel;
	}
	return NULL;
}

void top_ctx_free(struct top_ctx *tc)
{
	struct top_part *all = &tc->all;
	top_table_free(&all->slab);
	top_table_free(&all->file);
	top_table_free(&all->memcg);
	top_table_free(&tc->memcg_by_addr);
	free(all->vec);
	free(all->orphans);
}
