/* alloc-check ORDER [--gfp FLAGS] [--node N]: would alloc_pages(FLAGS, ORDER)
 * have succeeded on the fast path at the moment of the dump? The zones are
 * tried in the node's own fallback zonelist as the dump holds it, each with
 * __zone_watermark_ok() at the low watermark (mm/page_alloc.c); the slow
 * path's first try (min watermark, ALLOC_HIGH/HARDER from the gfp flags,
 * before any reclaim) is reported too. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buddy.h"
#include "cmd.h"
#include "internal.h"
#include "query.h"

struct gfp {
	char text[128];
	int64_t highest;             /* highest zone index allowed */
	bool high, harder, cma;
};

static kp_error *gfp_parse(struct kp_session *s, const char *text, struct gfp *g)
{
	char buf[128], *tok, *save;
	int64_t normal = 2, dma = 0, dma32 = 1, movable = 3;
	bool want_dma = false, want_dma32 = false, want_movable = false;

	kp_types_enumerator(s->ty, "ZONE_NORMAL", &normal);
	kp_types_enumerator(s->ty, "ZONE_DMA", &dma);
	kp_types_enumerator(s->ty, "ZONE_DMA32", &dma32);
	kp_types_enumerator(s->ty, "ZONE_MOVABLE", &movable);
	memset(g, 0, sizeof(*g));
	snprintf(buf, sizeof(buf), "%s", text);
	size_t tl = 0;
	for (tok = strtok_r(buf, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
		if (!strncasecmp(tok, "GFP_", 4))
			tok += 4;
		else if (!strncasecmp(tok, "__GFP_", 6))
			tok += 6;
		/* the kernel's spelling: GFP_ masks, __GFP_ bits */
		bool bit = !strcasecmp(tok, "HIGH") || !strcasecmp(tok, "MOVABLE");
		if (tl + 8 >= sizeof(g->text))
			return kp_errorf(KP_EXIT_USAGE, "alloc-check: --gfp %s is too long", text);
		tl += (size_t)snprintf(g->text + tl, sizeof(g->text) - tl, "%s%s", tl ? "|" : "",
				       bit ? "__GFP_" : "GFP_");
		for (const char *c = tok; *c && tl + 1 < sizeof(g->text); c++)
			g->text[tl++] = (char)toupper((unsigned char)*c);
		if (tl < sizeof(g->text))
			g->text[tl] = '\0';
		if (!strcasecmp(tok, "KERNEL") || !strcasecmp(tok, "USER") || !strcasecmp(tok, "NOIO") ||
		    !strcasecmp(tok, "NOFS") || !strcasecmp(tok, "HIGHUSER") || !strcasecmp(tok, "NOWAIT"))
			;
		else if (!strcasecmp(tok, "ATOMIC"))
			g->high = g->harder = true;
		else if (!strcasecmp(tok, "HIGH"))
			g->high = true;
		else if (!strcasecmp(tok, "HIGHUSER_MOVABLE") || !strcasecmp(tok, "MOVABLE"))
			want_movable = true;
		else if (!strcasecmp(tok, "DMA"))
			want_dma = true;
		else if (!strcasecmp(tok, "DMA32"))
			want_dma32 = true;
		else
			return kp_errorf(KP_EXIT_USAGE, "alloc-check: unknown gfp flag '%s' (KERNEL, "
					 "ATOMIC, NOWAIT, USER, HIGHUSER, HIGHUSER_MOVABLE, MOVABLE, "
					 "HIGH, DMA, DMA32)", tok);
	}
	/* gfp_zone(): DMA and DMA32 cap the zone; movable reaches ZONE_MOVABLE
	 * and may use CMA pageblocks. */
	g->highest = want_dma ? dma : want_dma32 ? dma32 : want_movable ? movable : normal;
	g->cma = want_movable;
	return NULL;
}

struct wm_result { bool ok; int64_t free, unusable, min, reserve; char why[160]; };

/* __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags, free). */
static void watermark_ok(const struct kp_layout *l, const struct kp_free_report *r,
			 const struct kp_zone_free *zf, const struct zone_figures *f, uint32_t order,
			 uint64_t mark, const struct gfp *g, bool slow, struct wm_result *w)
{
	bool high = slow && g->high, harder = slow && g->harder;
	memset(w, 0, sizeof(*w));
	w->free = f->nr_free_pages;
	w->unusable = (int64_t)(1ull << order) - 1;
	if (!harder)
		w->unusable += (int64_t)f->reserved_highatomic;
	if (!g->cma)
		w->unusable += f->nr_free_cma;
	w->min = (int64_t)mark;
	if (high)
		w->min -= w->min / 2;
	if (harder)
		w->min -= w->min / 4;
	w->reserve = g->highest < f->nr_reserve ? (int64_t)f->lowmem_reserve[g->highest] : 0;
	if (w->free - w->unusable <= w->min + w->reserve) {
		snprintf(w->why, sizeof(w->why), "below watermark: free %lld - unusable %lld <= min "
			 "%lld + lowmem_reserve %lld", (long long)w->free, (long long)w->unusable,
			 (long long)w->min, (long long)w->reserve);
		return;
	}
	if (order == 0) {
		w->ok = true;
		return;
	}
	for (uint32_t o = order; o < l->nr_orders; o++)
		for (uint32_t mt = 0; mt < r->nr_mt; mt++) {
			bool allowed = (int64_t)mt < l->mt_pcptypes ||
				       (g->cma && (int64_t)mt == l->mt_cma) ||
				       (harder && (int64_t)mt == l->mt_highatomic);
			if (allowed && zf->walked[o][mt]) {
				w->ok = true;
				return;
			}
		}
	snprintf(w->why, sizeof(w->why), "no free block of order >= %u in an allowed migratetype",
		 order);
}

/* The node's fallback zonelist as the dump holds it (ZONELIST_FALLBACK is
 * the first); without zonerefs (before 2.6.26), this node's zones from the
 * highest down, then the other nodes'. */
static uint32_t read_zonelist(struct kp_session *s, uint32_t node, const struct kp_zone **out,
			      uint32_t max)
{
	const struct kp_layout *l = &s->layout;
	struct kp_mm *mm = &s->mm;
	uint32_t n = 0;
	const struct kp_node *nd = NULL;

	for (uint32_t i = 0; i < mm->nr_nodes; i++)
		if (mm->nodes[i].id == node)
			nd = &mm->nodes[i];
	if (nd && l->pgdat_zonelists.present && l->zonelist_zonerefs.present) {
		uint64_t refs = nd->pgdat + l->pgdat_zonelists.offset + l->zonelist_zonerefs.offset;
		uint32_t esize = l->zonelist_zonerefs.elem_size;
		for (uint32_t i = 0; i < l->zonelist_zonerefs.count && n < max; i++) {
			uint64_t zp;
			kp_error *err = kp_mm_read_u64(mm, refs + (uint64_t)i * esize + l->zoneref_zone.offset, &zp);
			if (err) {
				kp_error_free(err);
				break;
			}
			if (!zp)
				break;
			/* (two nodes' node_data[] entries may name one pglist_data:
			 * its zones then match twice) */
			for (uint32_t z = 0; z < mm->nr_zones && n < max; z++)
				if (mm->zones[z].addr == zp)
					out[n++] = &mm->zones[z];
		}
		if (n)
			return n;
	}
	for (int pass = 0; pass < 2; pass++)
		for (int z = (int)mm->nr_zones - 1; z >= 0 && n < max; z--)
			if ((mm->zones[z].node == node) == (pass == 0))
				out[n++] = &mm->zones[z];
	return n;
}

/* One zone's line (or JSON object) of alloc-check. */
static void zone_result_print(struct kp_out *o, const struct kp_zone *z, bool eligible,
			      const struct zone_figures *f, const struct wm_result *fast,
			      const struct wm_result *slow)
{
	if (o->json) {
		kp_json_object_begin(o);
		kp_json_kuint(o, "node", z->node);
		kp_json_kstr(o, "zone", z->name);
		kp_json_kbool(o, "eligible", eligible);
		kp_json_kbool(o, "fast_path_ok", eligible && fast->ok);
		kp_json_kstr(o, "fast_path_reason", eligible ? fast->why : "zone above the gfp's highest zone");
		kp_json_kbool(o, "min_watermark_ok", eligible && slow->ok);
		kp_json_kstr(o, "min_watermark_reason", eligible ? slow->why : "");
		kp_json_kint(o, "free_pages", fast->free);
		kp_json_kint(o, "low_mark", (int64_t)(f->wmark[1] + f->boost));
		kp_json_kint(o, "lowmem_reserve", fast->reserve);
		kp_json_object_end(o);
	} else if (!eligible) {
		kp_out_printf(o, "  %u:%-8s not eligible (above the gfp's highest zone)\n", z->node, z->name);
	} else {
		kp_out_printf(o, "  %u:%-8s fast path (low %llu): %s\n", z->node, z->name,
			      (unsigned long long)(f->wmark[1] + f->boost), fast->ok ? "OK" : fast->why);
		if (!fast->ok)
			kp_out_printf(o, "  %*s min watermark, before reclaim: %s\n", 10, "",
				      slow->ok ? "OK" : slow->why);
	}
}

/* The slow path's first try: the first eligible zone above its min mark. */
static const struct kp_zone *slow_path_zone(struct kp_session *s, struct kp_free_report *r,
					    const struct kp_zone **list, uint32_t n, uint32_t order,
					    const struct gfp *g)
{
	for (uint32_t i = 0; i < n; i++) {
		const struct kp_zone *z = list[i];
		struct zone_figures f;
		struct wm_result slow;
		if (z->index > (uint64_t)g->highest || zone_read_figures(s, z, &f))
			continue;
		watermark_ok(&s->layout, r, &r->zones[z - s->mm.zones], &f, order,
			     f.wmark[0] + f.boost, g, true, &slow);
		if (slow.ok)
			return z;
	}
	return NULL;
}

/* ORDER [--gfp FLAGS] [--node N]; the node is checked once the dump is open. */
static kp_error *alloc_parse(int argc, char **argv, uint64_t *order, const char **gfp_text,
			     const char **node_arg)
{
	if (argc < 2 || !kp_parse_u64(argv[1], order))
		return kp_errorf(KP_EXIT_USAGE, "usage: %s", kp_cmd_alloc_check.usage);
	for (int i = 2; i < argc; i += 2) {
		if (i + 1 >= argc)
			return kp_errorf(KP_EXIT_USAGE, "alloc-check: %s needs a value", argv[i]);
		if (!strcmp(argv[i], "--gfp"))
			*gfp_text = argv[i + 1];
		else if (!strcmp(argv[i], "--node"))
			*node_arg = argv[i + 1];
		else
			return kp_errorf(KP_EXIT_USAGE, "alloc-check: bad option '%s'", argv[i]);
	}
	return NULL;
}

/* The verdict: the zone that serves the allocation, and on which path. */
static void served_print(struct kp_out *o, const struct kp_zone *served, bool fast)
{
	if (o->json) {
		kp_json_array_end(o);
		kp_json_kbool(o, "fast_path", fast);
		if (served) {
			kp_json_kuint(o, "served_node", served->node);
			kp_json_kstr(o, "served_zone", served->name);
		}
		kp_json_object_end(o);
	} else if (served) {
		kp_out_printf(o, "=> served by node %u zone %s %s\n", served->node, served->name,
			      fast ? "on the fast path" :
			      "on the slow path's first try (kswapd woken, no reclaim yet)");
	} else {
		kp_out_printf(o, "=> no zone can serve it without reclaim or compaction\n");
	}
}

static kp_error *cmd_alloc_check(struct kp_session *s, int argc, char **argv, int *status)
{
	struct kp_out *o = &s->out;
	const char *gfp_text = "GFP_KERNEL", *node_arg = NULL;
	uint64_t order, node = 0;
	int64_t node_found = 0;
	struct kp_free_report r;
	struct gfp g;
	kp_error *err;

	if ((err = alloc_parse(argc, argv, &order, &gfp_text, &node_arg)) ||
	    (err = kp_session_open_core(s)) ||
	    (node_arg && (err = kp_query_node(&s->mm, "alloc-check", node_arg, &node_found))))
		return err;
	node = (uint64_t)node_found;
	if (!s->layout.zone_watermark.present || !s->layout.zone_lowmem_reserve.present)
		return kp_errorf(KP_EXIT_INPUT, "alloc-check: the zone watermarks and lowmem_reserve "
				 "are not in the types from %s (give a vmlinux or BTF)",
				 kp_types_source(s->ty));
	if ((err = gfp_parse(s, gfp_text, &g)))
		return err;
	if (order >= s->layout.nr_orders)
		return kp_errorf(KP_EXIT_USAGE, "alloc-check: order %llu is above the largest (%u)",
				 (unsigned long long)order, s->layout.nr_orders - 1);
	if ((err = kp_buddy_walk(&s->mm, false, NULL, NULL, &r)))
		return err;
	const struct kp_zone *list[64];
	uint32_t n = read_zonelist(s, (uint32_t)node, list, 64);
	const struct kp_zone *served = NULL;
	bool served_fast = false;

	if (o->json) {
		kp_json_object_begin(o);
		kp_json_kuint(o, "order", order);
		kp_json_kstr(o, "gfp", g.text);
		kp_json_kuint(o, "node", node);
		kp_json_kint(o, "highest_zone_index", g.highest);
		kp_json_key(o, "zones");
		kp_json_array_begin(o);
	} else {
		kp_out_printf(o, "alloc_pages(%s, order %llu) from node %llu, zones up to index %lld\n",
			      g.text, (unsigned long long)order, (unsigned long long)node,
			      (long long)g.highest);
	}
	for (uint32_t i = 0; i < n && !err; i++) {
		const struct kp_zone *z = list[i];
		const struct kp_zone_free *zf = &r.zones[z - s->mm.zones];
		struct zone_figures f;
		struct wm_result fast, slow;
		bool eligible = z->index <= (uint64_t)g.highest;
		if ((err = zone_read_figures(s, z, &f)))
			break;
		watermark_ok(&s->layout, &r, zf, &f, (uint32_t)order, f.wmark[1] + f.boost, &g, false, &fast);
		watermark_ok(&s->layout, &r, zf, &f, (uint32_t)order, f.wmark[0] + f.boost, &g, true, &slow);
		if (eligible && !served && fast.ok) { served = z; served_fast = true; }
		zone_result_print(o, z, eligible, &f, &fast, &slow);
	}
	if (!err && !served)
		served = slow_path_zone(s, &r, list, n, (uint32_t)order, &g);
	if (!err)
		served_print(o, served, served_fast);
	/* The answer rests on the free lists: damaged ones make it doubtful. */
	if (!err && r.total_issues) {
		fprintf(stderr, "kpage: warning: alloc-check: the free lists are damaged (%zu issues; "
			"see free): this answer rests on them\n", r.total_issues);
		*status = KP_EXIT_INCONSISTENT;
	}
	kp_free_report_release(&r);
	return err;
}

const struct kp_cmd kp_cmd_alloc_check = {
	"alloc-check", "alloc-check ORDER [--gfp FLAGS] [--node N]",
	"would alloc_pages(FLAGS, ORDER) succeed on the fast path at the dump's moment, and where",
	cmd_alloc_check,
};
