/* top's output: owners sorted by pages, as a table or NDJSON (one object
 * per owner, "kind" first). */
#include <stdlib.h>
#include <string.h>

#include "top.h"
#include "types.h"

enum { WANT_SLAB = 1, WANT_FILE = 2, WANT_MEMCG = 4 };

static int by_pages(const void *a, const void *b)
{
	const struct top_row *x = *(const struct top_row *const *)a;
	const struct top_row *y = *(const struct top_row *const *)b;
	if (x->pages != y->pages)
		return x->pages > y->pages ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* The rows of T sorted, in *out (freed by the caller); NULL: no memory. */
static const struct top_row **sorted(const struct top_table *t)
{
	const struct top_row **v = malloc((t->n ? t->n : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < t->n; i++)
		v[i] = &t->rows[i];
	qsort(v, t->n, sizeof(*v), by_pages);
	return v;
}

static double mib(uint64_t pages)
{
	return (double)pages * 4096.0 / (1024.0 * 1024.0);
}

static uint64_t total_pages(const struct top_table *t)
{
	uint64_t n = 0;
	for (size_t i = 0; i < t->n; i++)
		n += t->rows[i].pages;
	return n;
}

static void json_why(struct kp_out *o, const char *why)
{
	if (why[0])
		kp_json_kstr(o, "unknown", why);
}

static void slab_row(struct kp_out *o, const struct top_row *r, bool json)
{
	const struct kp_slab_owner *c = r->owner;
	char safe[256];
	if (!json) {
		kp_out_printf(o, "%9llu %9.1f %8llu %9llu %9llu %8u  %s%s%s%s\n",
			      (unsigned long long)r->pages, mib(r->pages), (unsigned long long)r->slabs,
			      (unsigned long long)r->objects, (unsigned long long)r->inuse,
			      c->object_size, kp_text_safe(safe, sizeof(safe), c->name),
			      c->why[0] ? " (" : "", c->why,
			      c->why[0] ? ")" : "");
		return;
	}
	kp_json_object_begin(o);
	kp_json_kstr(o, "kind", "slab");
	kp_json_kstr(o, "name", c->name);
	kp_json_khex(o, "cache", c->addr);
	kp_json_kuint(o, "pages", r->pages);
	kp_json_kuint(o, "slabs", r->slabs);
	kp_json_kuint(o, "objects", r->objects);
	kp_json_kuint(o, "inuse", r->inuse);
	kp_json_kuint(o, "object_size", c->object_size);
	kp_json_kuint(o, "size", c->size);
	json_why(o, c->why);
	kp_json_object_end(o);
}

static void file_row(struct kp_out *o, const struct top_row *r, bool json)
{
	const struct kp_file_owner *f = r->owner;
	char dev[24], safe[2100];
	snprintf(dev, sizeof(dev), "%u:%u", f->dev >> 20, f->dev & 0xfffff);
	if (!json) {
		kp_out_printf(o, "%9llu %9.1f %8llu %9llu %9llu  %-8s %-8s %s%s%s%s\n",
			      (unsigned long long)r->pages, mib(r->pages), (unsigned long long)r->dirty,
			      (unsigned long long)r->writeback, (unsigned long long)f->ino,
			      f->fs[0] ? f->fs : "?", f->sb[0] ? f->sb : "?",
			      f->has_path ? kp_text_safe(safe, sizeof(safe), f->path) : "?",
			      f->why[0] ? " (" : "", f->why,
			      f->why[0] ? ")" : "");
		return;
	}
	kp_json_object_begin(o);
	kp_json_kstr(o, "kind", "file");
	kp_json_kstr(o, "name", f->has_path ? f->path : "?");
	kp_json_key(o, "path");
	if (f->has_path)
		kp_json_str(o, f->path);
	else
		kp_json_null(o);
	kp_json_kstr(o, "fs", f->fs);
	kp_json_kstr(o, "sb", f->sb);
	kp_json_kstr(o, "dev", dev);
	kp_json_kuint(o, "inode", f->ino);
	kp_json_khex(o, "inode_addr", f->inode);
	kp_json_khex(o, "mapping", f->mapping);
	kp_json_kuint(o, "pages", r->pages);
	kp_json_kuint(o, "dirty", r->dirty);
	kp_json_kuint(o, "writeback", r->writeback);
	kp_json_kint(o, "size", f->size);
	json_why(o, f->why);
	kp_json_object_end(o);
}

static void memcg_row(struct kp_out *o, const struct top_row *r, bool json)
{
	const struct kp_memcg_owner *m = r->owner;
	uint64_t slab = (r->slab_bytes + 2048) / 4096;
	char safe[1030];
	if (!json) {
		kp_out_printf(o, "%9llu %9.1f %8llu %9llu %9llu %8llu  %s%s%s%s\n",
			      (unsigned long long)r->pages, mib(r->pages), (unsigned long long)r->anon,
			      (unsigned long long)r->file, (unsigned long long)r->kernel,
			      (unsigned long long)slab,
			      m->has_path ? kp_text_safe(safe, sizeof(safe), m->path) : "?",
			      m->why[0] ? " (" : "", m->why, m->why[0] ? ")" : "");
		return;
	}
	kp_json_object_begin(o);
	kp_json_kstr(o, "kind", "memcg");
	kp_json_kstr(o, "name", m->has_path ? m->path : "?");
	kp_json_key(o, "path");
	if (m->has_path)
		kp_json_str(o, m->path);
	else
		kp_json_null(o);
	kp_json_khex(o, "memcg", m->addr);
	kp_json_kuint(o, "pages", r->pages);
	kp_json_kuint(o, "anon", r->anon);
	kp_json_kuint(o, "file", r->file);
	kp_json_kuint(o, "kernel", r->kernel);
	kp_json_kuint(o, "slab", slab);
	json_why(o, m->why);
	kp_json_object_end(o);
}

struct top_kind {
	const char *title, *header, *noun;
	void (*row)(struct kp_out *o, const struct top_row *r, bool json);
};

static const struct top_kind kinds[] = {
	{ "Slab caches", "    PAGES       MiB    SLABS   OBJECTS     INUSE  OBJSIZE  CACHE",
	  "caches", slab_row },
	{ "Files in the page cache", "    PAGES       MiB    DIRTY WRITEBACK     INODE  FS       SB"
	  "       PATH (within its filesystem)", "files", file_row },
	{ "Memory cgroups", "    PAGES       MiB     ANON      FILE    KERNEL     SLAB  CGROUP",
	  "cgroups", memcg_row },
};

static void print_kind(struct kp_out *o, const struct top_kind *k, const struct top_table *t,
		       uint64_t limit, bool first)
{
	const struct top_row **v = sorted(t);
	uint64_t n = limit && limit < t->n ? limit : t->n;

	if (!o->json) {
		uint64_t total = total_pages(t);
		kp_out_printf(o, "%s%s: %zu %s, %llu pages (%.1f MiB)\n%s\n", first ? "" : "\n",
			      k->title, t->n, k->noun, (unsigned long long)total, mib(total), k->header);
	}
	for (uint64_t i = 0; v && i < n; i++)
		k->row(o, v[i], o->json);
	if (!o->json && n < t->n)
		kp_out_printf(o, "  (%llu more; --limit 0 shows all)\n",
			      (unsigned long long)(t->n - n));
	free(v);
}

void top_print(struct top_ctx *tc, uint64_t limit)
{
	struct kp_out *o = &tc->s->out;
	bool first = true;

	if (tc->want & WANT_SLAB) {
		print_kind(o, &kinds[0], &tc->all.slab, limit, first);
		first = false;
	}
	if (tc->want & WANT_FILE) {
		print_kind(o, &kinds[1], &tc->all.file, limit, first);
		first = false;
	}
	if (tc->want & WANT_MEMCG) {
		if (tc->memcg_absent && !o->json)
			kp_out_printf(o, "%sMemory cgroups: struct page has no memcg_data or mem_cgroup "
				      "member in the types (a kernel without CONFIG_MEMCG, or one that "
				      "keeps it in page_cgroup)\n", first ? "" : "\n");
		else if (!tc->memcg_absent)
			print_kind(o, &kinds[2], &tc->memcg_by_addr, limit, first);
	}
	if (!o->json && (tc->unreadable_heads || tc->unreadable_vectors))
		kp_out_printf(o, "\n(not counted: %llu tail pages whose head cannot be read, %llu "
			      "slabs whose objcg vector is not in the dump)\n",
			      (unsigned long long)tc->unreadable_heads,
			      (unsigned long long)tc->unreadable_vectors);
}
