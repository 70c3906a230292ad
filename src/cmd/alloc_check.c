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
#include "types.h"
#include "layout.h"

struct gfp {
	char text[128];
	int64_t highest;             /* highest zone index allowed */
	bool high;                   /* __GFP_HIGH */
	bool atomic;                 /* GFP_ATOMIC (__GFP_ATOMIC before 6.3) */
	bool nonblock;               /* no __GFP_DIRECT_RECLAIM (__GFP_WAIT): ATOMIC, NOWAIT */
	bool cma;
};

/* Which kernel's __zone_watermark_ok() (mm/page_alloc.c) and
 * gfp_to_alloc_flags() apply, by what the debuginfo shows. */
enum wm_era {
	WM_ORDER_LOOP,     /* 2.6.x - 4.3: each lower order's free pages taken off,
			      min halved per order; !__GFP_WAIT is ALLOC_HARDER */
	WM_ALLOC_HARDER,   /* 4.4 - 6.2: one free block of the order in an allowed
			      migratetype; __GFP_ATOMIC is ALLOC_HARDER */
	WM_NON_BLOCK,      /* 6.3+: ALLOC_MIN_RESERVE (__GFP_HIGH), ALLOC_NON_BLOCK,
			      ALLOC_HIGHATOMIC (non-blocking, order > 0) */
};

struct wm_rule { enum wm_era era; bool era_known; char text[200]; };

/* What says the era: MIGRATE_HIGHATOMIC (4.4, with the per-order rule's
 * end); __zone_watermark_ok's local alloc_harder (gone in 6.3, and in the
 * stable kernels that took that change: Debian's 6.1.0-57 has none); the
 * enum of ___GFP_*_BIT (6.10+, so after 6.3) where the types have no code. */
static void wm_rule_choose(struct kp_session *s, struct wm_rule *w)
{
	int64_t v;
	int local;
	w->era_known = true;
	if (s->layout.mt_highatomic < 0) {
		w->era = WM_ORDER_LOOP;
		snprintf(w->text, sizeof(w->text), "2.6.x-4.3, per-order loop (no "
			 "MIGRATE_HIGHATOMIC in the types from %s)", kp_types_source(s->ty));
	} else if ((local = kp_types_function_local(s->ty, "mm/page_alloc.c",
						     "__zone_watermark_ok", "alloc_harder")) >= 0) {
		w->era = local ? WM_ALLOC_HARDER : WM_NON_BLOCK;
		snprintf(w->text, sizeof(w->text), "%s (DWARF: __zone_watermark_ok has %s local "
			 "alloc_harder)", local ? "4.4-6.2, ALLOC_HARDER" :
			 "6.3+ (or a stable kernel with its backport), ALLOC_NON_BLOCK", local ? "a" : "no");
	} else if (kp_types_enumerator(s->ty, "___GFP_LAST_BIT", &v)) {
		w->era = WM_NON_BLOCK;
		snprintf(w->text, sizeof(w->text), "6.3+, ALLOC_NON_BLOCK (%s: ___GFP_LAST_BIT, 6.10+)",
			 kp_types_source(s->ty));
	} else {
		w->era = WM_ALLOC_HARDER;
		w->era_known = false;
		snprintf(w->text, sizeof(w->text), "4.4-6.2 or 6.3-6.9 (%s cannot tell "
			 "ALLOC_HARDER from ALLOC_NON_BLOCK; these flags get the same answer from "
			 "both)", kp_types_source(s->ty));
	}
}

/* The alloc_flags that matter to the watermark, on one path. */
struct wm_flags {
	bool half, quarter;          /* min -= min / 2, then min -= min / 4 */
	bool highatomic_reserve;     /* may use nr_reserved_highatomic */
	bool highatomic_lists;       /* may take MIGRATE_HIGHATOMIC blocks */
	bool cma;
};

static void wm_flags_of(const struct wm_rule *rule, const struct gfp *g, uint32_t order,
			bool slow, struct wm_flags *f)
{
	memset(f, 0, sizeof(*f));
	f->cma = g->cma;
	if (!slow)
		return;      /* the fast path: ALLOC_WMARK_LOW alone */
	switch (rule->era) {
	case WM_ORDER_LOOP:
		f->half = g->high;
		f->quarter = g->nonblock;
		break;
	case WM_ALLOC_HARDER:
		f->half = g->high;
		f->quarter = f->highatomic_reserve = f->highatomic_lists = g->atomic;
		break;
	case WM_NON_BLOCK:
		f->half = g->high;
		f->quarter = g->high && g->nonblock;
		f->highatomic_reserve = g->high || g->nonblock;   /* ALLOC_RESERVES */
		f->highatomic_lists = g->nonblock && order > 0;
		break;
	}
}

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
		    !strcasecmp(tok, "NOFS") || !strcasecmp(tok, "HIGHUSER"))
			;
		else if (!strcasecmp(tok, "ATOMIC"))
			g->high = g->atomic = g->nonblock = true;
		else if (!strcasecmp(tok, "NOWAIT"))
			g->nonblock = true;
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

/* Before 4.4: each lower order's free pages leave, min halves per order. */
static bool order_loop_ok(const struct kp_zone_free *zf, uint32_t order, struct wm_result *w)
{
	/* (NR_FREE_CMA_PAGES came off for the first test only) */
	int64_t free = w->free - ((int64_t)(1ull << order) - 1), min = w->min;
	for (uint32_t o = 0; o < order; o++) {
		free -= (int64_t)(zf->nr_free[o] << o);
		min >>= 1;
		if (free <= min) {
			snprintf(w->why, sizeof(w->why), "below watermark at order %u: %lld free "
				 "above it <= min %lld", o + 1, (long long)free, (long long)min);
			return false;
		}
	}
	return true;
}

/* __zone_watermark_ok(z, order, mark, highest_zoneidx, alloc_flags, free). */
static void watermark_ok(const struct kp_layout *l, const struct kp_free_report *r,
			 const struct kp_zone_free *zf, const struct zone_figures *f, uint32_t order,
			 uint64_t mark, const struct gfp *g, enum wm_era era,
			 const struct wm_flags *fl, struct wm_result *w)
{
	memset(w, 0, sizeof(*w));
	w->free = f->nr_free_pages;
	w->unusable = (int64_t)(1ull << order) - 1;
	if (!fl->highatomic_reserve)
		w->unusable += (int64_t)f->reserved_highatomic;
	if (!fl->cma)
		w->unusable += f->nr_free_cma;
	w->min = (int64_t)mark;
	if (fl->half)
		w->min -= w->min / 2;
	if (fl->quarter)
		w->min -= w->min / 4;
	w->reserve = g->highest < f->nr_reserve ? (int64_t)f->lowmem_reserve[g->highest] : 0;
	if (w->free - w->unusable <= w->min + w->reserve) {
		snprintf(w->why, sizeof(w->why), "below watermark: free %lld - unusable %lld <= min "
			 "%lld + lowmem_reserve %lld", (long long)w->free, (long long)w->unusable,
			 (long long)w->min, (long long)w->reserve);
		return;
	}
	if (era == WM_ORDER_LOOP) {
		w->ok = order_loop_ok(zf, order, w);
		return;
	}
	if (order == 0) {
		w->ok = true;
		return;
	}
	for (uint32_t o = order; o < l->nr_orders; o++)
		for (uint32_t mt = 0; mt < r->nr_mt; mt++) {
			bool allowed = (int64_t)mt < l->mt_pcptypes ||
				       (fl->cma && (int64_t)mt == l->mt_cma) ||
				       (fl->highatomic_lists && (int64_t)mt == l->mt_highatomic);
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
					    const struct gfp *g, const struct wm_rule *rule)
{
	struct wm_flags fl;
	wm_flags_of(rule, g, order, true, &fl);
	for (uint32_t i = 0; i < n; i++) {
		const struct kp_zone *z = list[i];
		struct zone_figures f;
		struct wm_result slow;
		if (z->index > (uint64_t)g->highest || zone_read_figures(s, z, &f))
			continue;
		watermark_ok(&s->layout, r, &r->zones[z - s->mm.zones], &f, order,
			     f.wmark[0] + f.boost, g, rule->era, &fl, &slow);
		if (slow.ok)
			return z;
	}
	return NULL;
}

/* The era's rule and the flags of both paths. GFP_NOWAIT and __GFP_HIGH
 * without GFP_ATOMIC reach the reserves differently before and after 6.3:
 * refused where the types cannot say which side this kernel is on. */
static kp_error *wm_rule_setup(struct kp_session *s, const struct gfp *g, uint32_t order,
			       struct wm_rule *rule, struct wm_flags *fast, struct wm_flags *slow)
{
	wm_rule_choose(s, rule);
	if (!rule->era_known && (g->nonblock != g->atomic || g->high != g->atomic))
		return kp_errorf(KP_EXIT_INPUT, "alloc-check: %s reaches the reserves differently "
				 "before 6.3 (ALLOC_HARDER) and after (ALLOC_NON_BLOCK, "
				 "ALLOC_MIN_RESERVE), and the types from %s do not say which this "
				 "kernel is (give its vmlinux with DWARF)", g->text, kp_types_source(s->ty));
	wm_flags_of(rule, g, order, false, fast);
	wm_flags_of(rule, g, order, true, slow);
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
	struct wm_rule rule;
	struct wm_flags fast_fl, slow_fl;
	if ((err = wm_rule_setup(s, &g, (uint32_t)order, &rule, &fast_fl, &slow_fl)))
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
		kp_json_kstr(o, "watermark_rule", rule.text);
		kp_json_key(o, "zones");
		kp_json_array_begin(o);
	} else {
		kp_out_printf(o, "alloc_pages(%s, order %llu) from node %llu, zones up to index %lld\n"
			      "__zone_watermark_ok rule of %s\n", g.text, (unsigned long long)order,
			      (unsigned long long)node, (long long)g.highest, rule.text);
	}
	for (uint32_t i = 0; i < n && !err; i++) {
		const struct kp_zone *z = list[i];
		const struct kp_zone_free *zf = &r.zones[z - s->mm.zones];
		struct zone_figures f;
		struct wm_result fast, slow;
		bool eligible = z->index <= (uint64_t)g.highest;
		if ((err = zone_read_figures(s, z, &f)))
			break;
		watermark_ok(&s->layout, &r, zf, &f, (uint32_t)order, f.wmark[1] + f.boost, &g,
			     rule.era, &fast_fl, &fast);
		watermark_ok(&s->layout, &r, zf, &f, (uint32_t)order, f.wmark[0] + f.boost, &g,
			     rule.era, &slow_fl, &slow);
		if (eligible && !served && fast.ok) { served = z; served_fast = true; }
		zone_result_print(o, z, eligible, &f, &fast, &slow);
	}
	if (!err && !served)
		served = slow_path_zone(s, &r, list, n, (uint32_t)order, &g, &rule);
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
