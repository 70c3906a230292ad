/* top [slab|file|memcg]: where the memory went, by owner, in one scan.
 * The scan counts pages by the owner's address (threads, one table per
 * part); each owner structure is then read once (owner.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cmd.h"
#include "internal.h"
#include "query.h"
#include "top.h"
#include "types.h"

enum { WANT_SLAB = 1, WANT_FILE = 2, WANT_MEMCG = 4 };

struct top_row *top_row(struct top_table *t, uint64_t key)
{
	uint32_t i = kp_addrmap_get(&t->map, key);
	if (i != UINT32_MAX)
		return &t->rows[i];
	if (!kp_grow((void **)&t->rows, &t->cap, t->n, sizeof(*t->rows), 64) ||
	    !kp_addrmap_put(&t->map, key, (uint32_t)t->n))
		return NULL;
	struct top_row *r = &t->rows[t->n++];
	memset(r, 0, sizeof(*r));
	r->key = key;
	return r;
}

void top_table_free(struct top_table *t)
{
	kp_addrmap_free(&t->map);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

void top_row_add(struct top_row *to, const struct top_row *r)
{
	to->pages += r->pages;
	to->slabs += r->slabs;
	to->objects += r->objects;
	to->inuse += r->inuse;
	to->dirty += r->dirty;
	to->writeback += r->writeback;
	to->anon += r->anon;
	to->file += r->file;
	to->kernel += r->kernel;
	to->slab_bytes += r->slab_bytes;
}

/* Adds every row of FROM to TO; false when out of memory. */
bool top_table_merge(struct top_table *to, const struct top_table *from)
{
	for (size_t i = 0; i < from->n; i++) {
		struct top_row *r = top_row(to, from->rows[i].key);
		if (!r)
			return false;
		top_row_add(r, &from->rows[i]);
	}
	return true;
}

static bool flag_set(uint64_t flags, int bit)
{
	return bit >= 0 && bit < 64 && (flags >> bit) & 1;
}

/* Counts one page (FIRST: the head or a single page, not a tail) of the
 * owners K names. */
bool top_count(struct top_part *tp, const struct kp_owner_keys *k, bool first)
{
	const struct kp_owner_layout *ol = tp->ol;
	struct top_row *r;

	if ((tp->want & WANT_SLAB) && k->cls == KP_CLASS_SLAB) {
		if (!(r = top_row(&tp->slab, k->cache ? k->cache : 1)))
			return false;
		r->pages++;
		if (first) {
			r->slabs++;
			r->objects += k->slab.objects > 0 ? (uint64_t)k->slab.objects : 0;
			r->inuse += k->slab.inuse > 0 ? (uint64_t)k->slab.inuse : 0;
		}
	}
	/* a slab's objects are charged one by one: its vector, for memcg */
	if ((tp->want & WANT_MEMCG) && k->cls == KP_CLASS_SLAB && first && k->slab.vector &&
	    !top_vector_add(tp, k))
		return false;
	if ((tp->want & WANT_FILE) && k->cls == KP_CLASS_FILE) {
		if (!(r = top_row(&tp->file, k->mapping)))
			return false;
		r->pages++;
		r->dirty += flag_set(k->flags, ol->pg_dirty);
		r->writeback += flag_set(k->flags, ol->pg_writeback);
	}
	if ((tp->want & WANT_MEMCG) && k->memcg_word) {
		if (!(r = top_row(&tp->memcg, k->memcg_word)))
			return false;
		r->pages++;
		if (k->cls == KP_CLASS_ANON || k->cls == KP_CLASS_KSM)
			r->anon++;
		else if (k->cls == KP_CLASS_FILE)
			r->file++;
		else
			r->kernel++;
	}
	return true;
}

bool top_vector_add(struct top_part *tp, const struct kp_owner_keys *k)
{
	if (!kp_grow((void **)&tp->vec, &tp->capvec, tp->nvec, sizeof(*tp->vec), 256))
		return false;
	tp->vec[tp->nvec++] = (struct top_vector){ k->slab.vector, k->cache,
						   (uint32_t)(k->slab.objects > 0 ? k->slab.objects : 0) };
	return true;
}

/* Parses "top [KIND] [--limit N]". */
static kp_error *top_args(int argc, char **argv, int *want, uint64_t *limit)
{
	*want = 0;
	*limit = 0;
	bool limit_set = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--limit") && i + 1 < argc) {
			if (!kp_parse_u64(argv[++i], limit))
				return kp_errorf(KP_EXIT_USAGE, "top: --limit %s is not a number", argv[i]);
			limit_set = true;
		} else if (!strcmp(argv[i], "slab") && !*want) {
			*want = WANT_SLAB;
		} else if (!strcmp(argv[i], "file") && !*want) {
			*want = WANT_FILE;
		} else if (!strcmp(argv[i], "memcg") && !*want) {
			*want = WANT_MEMCG;
		} else {
			return kp_errorf(KP_EXIT_USAGE, "top: '%s': expected slab, file or memcg "
					 "(usage: %s)", argv[i], kp_cmd_top.usage);
		}
	}
	if (!limit_set)
		*limit = *want ? 20 : 10;
	if (!*want)
		*want = WANT_SLAB | WANT_FILE | WANT_MEMCG;
	return NULL;
}

static kp_error *cmd_top(struct kp_session *s, int argc, char **argv, int *status)
{
	struct top_ctx tc;
	struct kp_scan_stats st = { 0 };
	kp_error *err;
	int want;
	uint64_t limit;

	if ((err = top_args(argc, argv, &want, &limit)) || (err = kp_session_open_core(s)))
		return err;
	if (!kp_types_has(s->ty, "struct kmem_cache") && !kp_types_has(s->ty, "struct inode"))
		return kp_errorf(KP_EXIT_INPUT, "top: owners need the kernel's types: %s describes no "
				 "struct kmem_cache, inode or mem_cgroup (give --vmlinux or --btf)",
				 kp_types_source(s->ty));
	memset(&tc, 0, sizeof(tc));
	tc.s = s;
	tc.want = want;
	if ((err = kp_session_owners(s, &tc.owners)))
		return err;
	tc.all.ol = kp_owners_layout(tc.owners);
	tc.all.owners = tc.owners;
	tc.all.want = want;
	if ((want & WANT_MEMCG) && !kp_owners_layout(tc.owners)->pg_memcg.present)
		tc.memcg_absent = true;
	err = kp_scan_parts(&s->mm, 0, s->mm.max_pfn, &top_scan_ops, &tc, &st);
	if (!err)
		err = top_finish(&tc);
	if (!err) {
		struct kp_checks k = { .n = 0 };
		kp_checks_from_scan(&k, &st);
		top_print(&tc, limit);
		if (ferror(s->out.f) && !s->out.write_errno)
			s->out.write_errno = errno;
		kp_checks_warn(s, &k, status);
	}
	top_ctx_free(&tc);
	return err;
}

const struct kp_cmd kp_cmd_top = {
	"top", "top [slab|file|memcg] [--limit N]",
	"where the memory went: pages by slab cache, file and memory cgroup "
	"(--limit 0: all; default 20, 10 each without KIND)",
	cmd_top,
};
