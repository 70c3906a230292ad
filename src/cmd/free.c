/* free [--node N] [--zone Z] [--order O] [--migratetype M] [--blocks] [--no-scan]
 * The buddy free lists per node, zone, order and migratetype, every entry
 * validated, with free_area.nr_free, the entries walked and the free block
 * heads of the mem_map scan side by side. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buddy.h"
#include "checks.h"
#include "cmd.h"
#include "internal.h"
#include "query.h"
#include "types.h"
#include "layout.h"

struct free_opts {
	int64_t node, zone, order, mt;      /* -1: all */
	const char *node_arg, *zone_arg, *order_arg, *mt_arg;
	bool blocks, scan;
	struct kp_session *s;
	struct kp_free_report *r;
	uint64_t *mt_mismatch;   /* per zone, with --migratetype: its blocks in
				    a pageblock of another migratetype */
	struct kp_free_block *blk;   /* --blocks: kept, printed in pfn order */
	size_t nblk, capblk;
	bool blk_oom;
};

static bool free_zone_selected(const struct free_opts *o, const struct kp_zone *z)
{
	return (o->node < 0 || z->node == (uint64_t)o->node) &&
	       (o->zone < 0 || z->index == (uint64_t)o->zone);
}

static void free_block_keep(void *arg, const struct kp_free_block *b)
{
	struct free_opts *o = arg;
	if (!free_zone_selected(o, b->zone) || (o->order >= 0 && b->order != o->order) ||
	    (o->mt >= 0 && b->migratetype != o->mt))
		return;
	if (!kp_grow((void **)&o->blk, &o->capblk, o->nblk, sizeof(*o->blk), 1024)) {
		o->blk_oom = true;
		return;
	}
	o->blk[o->nblk++] = *b;
}

static int block_by_pfn(const void *a, const void *b)
{
	const struct kp_free_block *x = a, *y = b;
	return x->pfn < y->pfn ? -1 : x->pfn > y->pfn;
}

static void free_block_out(struct free_opts *o, const struct kp_free_block *b)
{
	struct kp_out *out = &o->s->out;
	const char *mt = o->r->mt_names[b->migratetype];
	if (out->json) {
		kp_json_object_begin(out);
		kp_json_kuint(out, "pfn", b->pfn);
		kp_json_kuint(out, "end_pfn", b->pfn + (1ull << b->order) - 1);
		kp_json_kuint(out, "order", b->order);
		kp_json_kstr(out, "migratetype", mt);
		if (b->pageblock_mt != ~0u) {
			kp_json_kstr(out, "pageblock_migratetype", o->r->mt_names[b->pageblock_mt & 7]);
		} else {
			kp_json_key(out, "pageblock_migratetype");   /* not readable: null */
			kp_json_null(out);
		}
		kp_json_kuint(out, "node", b->zone->node);
		kp_json_kstr(out, "zone", b->zone->name);
		kp_json_object_end(out);
	} else {
		char pfns[48];
		if (b->order)
			snprintf(pfns, sizeof(pfns), "%llu-%llu", (unsigned long long)b->pfn,
				 (unsigned long long)(b->pfn + (1ull << b->order) - 1));
		else
			snprintf(pfns, sizeof(pfns), "%llu", (unsigned long long)b->pfn);
		kp_out_printf(out, "%4u %-8s %-25s %5u %-12s%s\n", b->zone->node, b->zone->name, pfns,
			      b->order, mt, b->pageblock_mt != ~0u && b->pageblock_mt != b->migratetype ?
			      " (pageblock differs)" : "");
	}
}

/* The options as given; their values are checked against the dump once
 * it is open (free_resolve). */
static kp_error *free_parse(struct free_opts *o, int argc, char **argv)
{
	o->node = o->zone = o->order = o->mt = -1;
	o->scan = true;
	for (int i = 1; i < argc; i++) {
		const char *a = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--blocks")) { o->blocks = true; continue; }
		if (!strcmp(argv[i], "--no-scan")) { o->scan = false; continue; }
		if (!a)
			return kp_errorf(KP_EXIT_USAGE, "free: %s needs a value", argv[i]);
		i++;
		if (!strcmp(argv[i - 1], "--node")) o->node_arg = a;
		else if (!strcmp(argv[i - 1], "--zone")) o->zone_arg = a;
		else if (!strcmp(argv[i - 1], "--order")) o->order_arg = a;
		else if (!strcmp(argv[i - 1], "--migratetype")) o->mt_arg = a;
		else
			return kp_errorf(KP_EXIT_USAGE, "free: unknown option '%s'", argv[i - 1]);
	}
	return NULL;
}

/* --migratetype NAME|N: one of the report's (a walk that lists nothing
 * gives them; cheap, the lists are short). */
static kp_error *free_resolve_mt(struct free_opts *o)
{
	struct kp_free_report r;
	char list[512] = "";
	size_t n = 0;
	uint64_t v;
	bool number = kp_parse_u64(o->mt_arg, &v);
	kp_error *err = kp_buddy_walk(&o->s->mm, false, NULL, NULL, &r);

	if (err)
		return err;
	for (uint32_t i = 0; i < r.nr_mt; i++) {
		if (number ? v == i : !strcasecmp(r.mt_names[i], o->mt_arg))
			o->mt = i;
		if (n < sizeof(list))
			n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%u %s", i ? ", " : "", i,
					      r.mt_names[i]);
	}
	kp_free_report_release(&r);
	if (o->mt < 0)
		return kp_errorf(KP_EXIT_USAGE, number ? "free: --migratetype %s is out of range "
				 "(valid: %s)" : "free: --migratetype %s: no such migratetype (valid: %s)",
				 o->mt_arg, list);
	return NULL;
}

static kp_error *free_resolve(struct free_opts *o)
{
	struct kp_session *s = o->s;
	uint32_t nr_orders = s->layout.nr_orders;
	uint64_t v;
	kp_error *err;

	if (o->node_arg && (err = kp_query_node(&s->mm, "free", o->node_arg, &o->node)))
		return err;
	if (o->zone_arg && (err = kp_query_zone(&s->mm, "free", o->zone_arg, &o->zone)))
		return err;
	if (o->order_arg) {
		if (!kp_parse_u64(o->order_arg, &v))
			return kp_errorf(KP_EXIT_USAGE, "free: --order %s is not a number", o->order_arg);
		if (v >= nr_orders)
			return kp_errorf(KP_EXIT_USAGE, "free: --order %s is out of range (valid: 0..%u)",
					 o->order_arg, nr_orders - 1);
		o->order = (int64_t)v;
	}
	return o->mt_arg ? free_resolve_mt(o) : NULL;
}

/* With --migratetype and no --blocks: the pageblock mismatches of its blocks. */
static void free_mt_count(void *arg, const struct kp_free_block *b)
{
	struct free_opts *o = arg;
	if (b->migratetype == o->mt && b->pageblock_mt != ~0u && b->pageblock_mt != b->migratetype)
		o->mt_mismatch[b->zone - o->s->mm.zones]++;
}

static bool free_zone_consistent(const struct kp_free_report *r, const struct kp_zone_free *zf,
				 uint32_t nr_orders, uint32_t nr_mt)
{
	for (uint32_t o = 0; o < nr_orders; o++) {
		uint64_t walked = 0;
		for (uint32_t mt = 0; mt < nr_mt; mt++)
			walked += zf->walked[o][mt];
		if (walked != zf->nr_free[o] || (r->scanned && walked != zf->scanned[o]))
			return false;
	}
	return true;
}

/* The entries walked of ORD in the migratetypes shown. */
static uint64_t free_walked(const struct free_opts *o, const struct kp_zone_free *zf, uint32_t ord)
{
	uint64_t walked = 0;
	for (uint32_t mt = 0; mt < o->r->nr_mt; mt++)
		if (o->mt < 0 || mt == o->mt)
			walked += zf->walked[ord][mt];
	return walked;
}

/* nr_free, the scan's count and the per-cpu lists count every migratetype:
 * with --migratetype they are left out, the walked counts are its own. */
static void free_json_order(const struct free_opts *o, const struct kp_zone_free *zf, uint32_t ord)
{
	struct kp_out *out = &o->s->out;
	struct kp_free_report *r = o->r;

	kp_json_object_begin(out);
	kp_json_kuint(out, "order", ord);
	if (o->mt < 0) {
		kp_json_key(out, "nr_free");
		if (zf->nr_free_known)
			kp_json_uint(out, zf->nr_free[ord]);
		else
			kp_json_null(out);       /* not in the types */
	}
	kp_json_key(out, "migratetypes");
	kp_json_object_begin(out);
	for (uint32_t mt = 0; mt < r->nr_mt; mt++)
		if (o->mt < 0 || mt == o->mt)
			kp_json_kuint(out, r->mt_names[mt], zf->walked[ord][mt]);
	kp_json_object_end(out);
	kp_json_kuint(out, "walked", free_walked(o, zf, ord));
	if (r->scanned && o->mt < 0)
		kp_json_kuint(out, "scanned", zf->scanned[ord]);
	kp_json_object_end(out);
}

static void free_json_zone(const struct free_opts *o, const struct kp_zone_free *zf)
{
	struct kp_out *out = &o->s->out;
	const struct kp_layout *l = &o->s->layout;
	uint64_t pages = 0;

	kp_json_object_begin(out);
	kp_json_kuint(out, "node", zf->zone->node);
	kp_json_kstr(out, "zone", zf->zone->name);
	kp_json_key(out, "orders");
	kp_json_array_begin(out);
	for (uint32_t ord = 0; ord < l->nr_orders; ord++) {
		if (o->order >= 0 && ord != o->order)
			continue;
		free_json_order(o, zf, ord);
		pages += free_walked(o, zf, ord) << ord;
	}
	kp_json_array_end(out);
	kp_json_kuint(out, "free_pages_walked", pages);
	if (zf->pcp_known && o->mt < 0)
		kp_json_kuint(out, "pcp_pages", zf->pcp_pages);
	kp_json_key(out, "pageblock_mismatch");
	if (l->pb_stride && (l->msu_pageblock_flags.present || l->ms_pageblock_flags.present ||
			     l->zone_pageblock_flags.present))
		kp_json_uint(out, o->mt < 0 ? zf->pageblock_mismatch :
			     o->mt_mismatch[zf->zone - o->s->mm.zones]);
	else
		kp_json_null(out);      /* no pageblock bitmap in the types */
	kp_json_kbool(out, "consistent", free_zone_consistent(o->r, zf, l->nr_orders, o->r->nr_mt));
	kp_json_object_end(out);
}

static void free_json(struct free_opts *o)
{
	struct kp_out *out = &o->s->out;
	struct kp_free_report *r = o->r;

	kp_json_object_begin(out);
	if (r->scanned) {
		struct kp_checks k = { .n = 0 };
		kp_checks_from_scan(&k, &r->scan_stats);
		kp_checks_json(o->s, out, &k);
	}
	kp_json_kstr(out, "types", kp_types_source(o->s->ty));
	kp_json_key(out, "zones");
	kp_json_array_begin(out);
	for (uint32_t i = 0; i < r->nr_zones; i++)
		if (free_zone_selected(o, r->zones[i].zone))
			free_json_zone(o, &r->zones[i]);
	kp_json_array_end(out);
	kp_json_kuint(out, "total_issues", r->total_issues);
	kp_json_key(out, "issues");
	kp_json_array_begin(out);
	for (size_t i = 0; i < r->nissues; i++)
		kp_json_str(out, r->issues[i]);
	kp_json_array_end(out);
	kp_json_object_end(out);
}

/* One order's row: the migratetype columns, then (all migratetypes shown)
 * nr_free, walked and the scan's count. */
static void free_text_order(const struct free_opts *o, const struct kp_zone_free *zf, uint32_t ord)
{
	struct kp_out *out = &o->s->out;
	struct kp_free_report *r = o->r;
	uint64_t walked = free_walked(o, zf, ord);

	/* the block size: 4k, 8k ... 4M */
	uint64_t kib = 4ull << ord;
	char size[16];
	snprintf(size, sizeof(size), kib >= 1024 * 1024 ? "%lluG" : kib >= 1024 ? "%lluM" : "%lluk",
		 (unsigned long long)(kib >= 1024 * 1024 ? kib >> 20 : kib >= 1024 ? kib >> 10 : kib));
	kp_out_printf(out, "%5u %5s", ord, size);
	for (uint32_t mt = 0; mt < r->nr_mt; mt++)
		if (o->mt < 0 || mt == o->mt)
			kp_out_printf(out, " %10llu%s", (unsigned long long)zf->walked[ord][mt],
				      zf->broken[ord][mt] ? "!" : o->mt < 0 ? " " : "");
	if (o->mt >= 0) {
		kp_out_printf(out, " %10llu\n", (unsigned long long)(zf->walked[ord][o->mt] << ord));
		return;
	}
	bool bad = walked != zf->nr_free[ord] || (r->scanned && walked != zf->scanned[ord]);
	if (zf->nr_free_known)
		kp_out_printf(out, " %9llu", (unsigned long long)zf->nr_free[ord]);
	else
		kp_out_printf(out, " %9s", "?");
	kp_out_printf(out, " %9llu", (unsigned long long)walked);
	if (r->scanned)
		kp_out_printf(out, " %9llu", (unsigned long long)zf->scanned[ord]);
	kp_out_printf(out, " %10llu%s\n", (unsigned long long)(walked << ord), bad ? "  <- differ" : "");
}

static void free_text_zone(const struct free_opts *o, const struct kp_zone_free *zf)
{
	struct kp_out *out = &o->s->out;
	struct kp_free_report *r = o->r;
	uint64_t pages = 0, mismatch = o->mt < 0 ? zf->pageblock_mismatch :
		o->mt_mismatch[zf->zone - o->s->mm.zones];

	kp_out_printf(out, "node %u zone %s\n%5s %5s", zf->zone->node, zf->zone->name, "ORDER",
		      "SIZE");
	for (uint32_t mt = 0; mt < r->nr_mt; mt++)
		if (o->mt < 0 || mt == o->mt)
			kp_out_printf(out, " %11.11s", r->mt_names[mt]);
	if (o->mt < 0 && r->scanned)
		kp_out_printf(out, " %9s %9s %9s %10s\n", "nr_free", "walked", "scanned", "PAGES");
	else if (o->mt < 0)
		kp_out_printf(out, " %9s %9s %10s\n", "nr_free", "walked", "PAGES");
	else
		kp_out_printf(out, " %10s\n", "PAGES");
	for (uint32_t ord = 0; ord < o->s->layout.nr_orders; ord++) {
		if (o->order >= 0 && ord != o->order)
			continue;
		free_text_order(o, zf, ord);
		pages += free_walked(o, zf, ord) << ord;
	}
	if (o->mt < 0)
		kp_out_printf(out, "free pages on the lists: %llu", (unsigned long long)pages);
	else
		kp_out_printf(out, "free pages on the %s lists: %llu", r->mt_names[o->mt],
			      (unsigned long long)pages);
	if (zf->pcp_known && o->mt < 0)
		kp_out_printf(out, "; on the per-cpu lists: %llu", (unsigned long long)zf->pcp_pages);
	if (mismatch)
		kp_out_printf(out, "; %llu blocks in a pageblock of another migratetype",
			      (unsigned long long)mismatch);
	kp_out_printf(out, "\n\n");
}

static void free_text(struct free_opts *o)
{
	struct kp_free_report *r = o->r;

	for (uint32_t i = 0; i < r->nr_zones; i++)
		if (free_zone_selected(o, r->zones[i].zone))
			free_text_zone(o, &r->zones[i]);
	for (size_t i = 0; i < r->nissues; i++)
		kp_out_printf(&o->s->out, "issue: %s\n", r->issues[i]);
	if (r->total_issues > r->nissues)
		kp_out_printf(&o->s->out, "... and %zu more issues\n", r->total_issues - r->nissues);
}

static kp_error *cmd_free(struct kp_session *s, int argc, char **argv, int *status)
{
	struct free_opts o = { .s = s };
	struct kp_free_report r;
	kp_error *err;

	if ((err = free_parse(&o, argc, argv)) || (err = kp_session_open_core(s)) ||
	    (err = free_resolve(&o)))
		return err;
	kp_session_check_pageblocks(s, status);
	o.r = &r;
	if (o.mt >= 0 && !o.blocks && !(o.mt_mismatch = calloc(s->mm.nr_zones + 1, sizeof(uint64_t))))
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	if (o.blocks && !s->out.json)
		kp_out_printf(&s->out, "%4s %-8s %-25s %5s %s\n", "NODE", "ZONE", "PFNS", "ORDER",
			      "MIGRATETYPE");
	err = kp_buddy_walk(&s->mm, o.scan, o.blocks ? free_block_keep : o.mt_mismatch ?
			    free_mt_count : NULL, &o, &r);
	if (!err && o.blk_oom)
		err = kp_errorf(KP_EXIT_INPUT, "free: out of memory keeping the blocks");
	if (!err && o.blocks) {
		qsort(o.blk, o.nblk, sizeof(*o.blk), block_by_pfn);
		for (size_t i = 0; i < o.nblk; i++)
			free_block_out(&o, &o.blk[i]);
	}
	free(o.blk);
	if (!err && !o.blocks) {
		if (s->out.json)
			free_json(&o);
		else
			free_text(&o);
	}
	if (!err) {
		bool ok = r.total_issues == 0;
		for (uint32_t i = 0; i < r.nr_zones; i++)
			ok = ok && free_zone_consistent(&r, &r.zones[i], s->layout.nr_orders, r.nr_mt);
		if (!ok)
			*status = KP_EXIT_INCONSISTENT;
		if (r.scanned) {
			struct kp_checks k = { .n = 0 };
			kp_checks_from_scan(&k, &r.scan_stats);
			kp_checks_warn(s, &k, status);
		}
	}
	kp_free_report_release(&r);
	free(o.mt_mismatch);
	return err;
}

const struct kp_cmd kp_cmd_free = {
	"free",
	"free [--node N] [--zone NAME|N] [--order O] [--migratetype NAME|N] [--blocks] [--no-scan]",
	"the buddy free lists walked and validated, against nr_free and the mem_map scan",
	cmd_free,
};
