/* stat: census of every page by class and zone, with the zone's
 * NR_FREE_PAGES counter beside the free pages the scan found. */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cmd.h"
#include "internal.h"
#include "types.h"
#include "layout.h"

struct stat_zone {
	uint64_t count[KP_CLASS__COUNT];
	uint64_t total;
	int64_t nr_free_pages;     /* vm_stat[NR_FREE_PAGES], -1 unknown */
	int64_t nr_free_delta;     /* the per-cpu deltas not folded into it */
	bool nr_free_exact;        /* nr_free_delta is known */
};

struct stat_ctx {
	struct kp_session *s;
	struct stat_zone *zones;   /* one per kp_mm zone, then one "other" */
	uint64_t zone_mismatch;
};

/* The counts of one part of the scan (scan threads), merged into stat_ctx. */
struct stat_part {
	const struct kp_mm *mm;
	uint64_t zone_mismatch;
	/* pages come in pfn order: the zone spanning the last one, and the
	 * zone of the last node and zone index the flags named */
	const struct kp_zone *span;
	uint64_t span_lo, span_end;
	uint32_t last_node, last_zone, last_i;
	uint64_t count[][KP_CLASS__COUNT];   /* per zone, then "other" */
};

static void *stat_part_new(void *arg, uint64_t start, uint64_t end)
{
	struct stat_ctx *sc = arg;
	const struct kp_mm *mm = &sc->s->mm;
	struct stat_part *sp = calloc(1, sizeof(*sp) + (mm->nr_zones + 1) * sizeof(sp->count[0]));
	(void)start; (void)end;
	if (sp) {
		sp->mm = mm;
		sp->last_i = UINT32_MAX;
	}
	return sp;
}

static int stat_one(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct stat_part *sp = arg;
	const struct kp_mm *mm = sp->mm;
	uint32_t i;

	(void)raw;
	/* The zone by the page's own flags; a missing page by its pfn. */
	if (p->pfn < sp->span_lo || p->pfn >= sp->span_end) {
		sp->span = kp_mm_zone_run(mm, p->pfn, &sp->span_end);
		sp->span_lo = p->pfn;
	}
	const struct kp_zone *span = sp->span;
	if (!p->in_dump) {
		for (i = 0; i < mm->nr_zones && span != &mm->zones[i]; i++)
			;
	} else if (sp->last_i != UINT32_MAX && p->node == sp->last_node && p->zone == sp->last_zone) {
		i = sp->last_i;
	} else {
		for (i = 0; i < mm->nr_zones; i++)
			if (mm->zones[i].node == p->node && mm->zones[i].index == p->zone)
				break;
		sp->last_node = p->node;
		sp->last_zone = p->zone;
		sp->last_i = i;
	}
	/* A hole's struct pages are PG_reserved and take the zone of the
	 * memory after the hole (init_unavailable_range(), mm/mm_init.c:
	 * 6.1 on a 4 GiB guest names Normal for the hole below 4 GiB, in
	 * DMA32's span): their zone field is the kernel's, not a breakage. */
	if (p->in_dump && span && i < mm->nr_zones && span != &mm->zones[i] &&
	    c != KP_CLASS_RESERVED)
		sp->zone_mismatch++;
	sp->count[i][c]++;
	return 0;
}

static void stat_part_merge(void *arg, void *part)
{
	struct stat_ctx *sc = arg;
	struct stat_part *sp = part;
	for (uint32_t i = 0; i <= sc->s->mm.nr_zones; i++)
		for (int c = 0; c < KP_CLASS__COUNT; c++) {
			sc->zones[i].count[c] += sp->count[i][c];
			sc->zones[i].total += sp->count[i][c];
		}
	sc->zone_mismatch += sp->zone_mismatch;
}

static const struct kp_scan_ops stat_ops = { stat_part_new, stat_one, stat_part_merge, free };

/* NR_FREE_PAGES as /proc/zoneinfo and crash show it (zone->vm_stat), and
 * the per-cpu deltas not yet folded into it: their sum is what
 * zone_page_state_snapshot() gives, the count of free pages. */
static void stat_read_counters(struct stat_ctx *sc)
{
	struct kp_mm *mm = &sc->s->mm;
	const struct kp_layout *l = &sc->s->layout;
	for (uint32_t i = 0; i < mm->nr_zones; i++) {
		uint64_t v, pcs;
		int64_t diff;
		struct stat_zone *z = &sc->zones[i];
		z->nr_free_pages = -1;
		if (l->nr_free_pages_item < 0 || !l->zone_vm_stat.present)
			continue;
		if (!kp_mm_read_u64(mm, mm->zones[i].addr + l->zone_vm_stat.offset +
				    (uint64_t)l->nr_free_pages_item * l->zone_vm_stat.elem_size, &v))
			z->nr_free_pages = (int64_t)v;
		kp_error *err = NULL;
		if (z->nr_free_pages < 0 || !l->vm_stat_diff_known ||
		    (err = kp_mm_read_u64(mm, mm->zones[i].addr + l->zone_pcp_stats.offset, &pcs))) {
			kp_error_free(err);
			continue;
		}
		if (kp_mm_percpu_sum(mm, pcs, l->vm_stat_diff_offset + (uint32_t)l->nr_free_pages_item,
				     1, true, &diff)) {
			z->nr_free_delta = diff;
			z->nr_free_exact = true;
		}
	}
}

/* Invariants beyond the scan's: each zone's pages not reserved are its
 * managed_pages, and its free pages its NR_FREE_PAGES (with the per-cpu
 * deltas; without them the counter may lag by a few pages a CPU, and is not
 * judged). Zones with struct pages missing from the dump are not judged. */
static void stat_checks(struct stat_ctx *sc, const struct kp_scan_stats *st, struct kp_checks *k)
{
	const struct kp_layout *l = &sc->s->layout;
	const struct kp_mm *mm = &sc->s->mm;
	uint64_t managed_off = 0, free_off = 0;

	kp_checks_from_scan(k, st);
	kp_checks_add(k, "zone-of-flags", "pages whose flags name another zone than the one "
		      "spanning them", sc->zone_mismatch, false, 0);
	for (uint32_t i = 0; i < mm->nr_zones; i++) {
		const struct stat_zone *z = &sc->zones[i];
		if (z->count[KP_CLASS_MISSING])
			continue;
		int64_t d = (int64_t)(z->total - z->count[KP_CLASS_RESERVED]) -
			    (int64_t)mm->zones[i].managed;
		if (l->zone_managed.present && kp_class_known(l, KP_CLASS_RESERVED))
			managed_off += (uint64_t)(d < 0 ? -d : d);
		d = (int64_t)z->count[KP_CLASS_FREE] - (z->nr_free_pages + z->nr_free_delta);
		if (z->nr_free_exact)
			free_off += (uint64_t)(d < 0 ? -d : d);
	}
	kp_checks_add(k, "managed", "pages more or fewer outside PG_reserved than the zones' "
		      "managed_pages", managed_off, false, 0);
	kp_checks_add(k, "nr-free-pages", "free pages more or fewer than the zones' NR_FREE_PAGES",
		      free_off, false, 0);
	/* Live, kpage's own scan buffers come off the free lists it counts
	 * (two 2 MiB pages with THP: 1024 pages, seen on 6.1 in BTF mode) and go
	 * back before the counters are read: a block of the largest order. */
	if (k->n && l->nr_orders)
		k->c[k->n - 1].live_slack = KP_CHECK_LIVE_SLACK + (1ull << (l->nr_orders - 1));
}

static void stat_json(struct stat_ctx *sc, const struct kp_scan_stats *st,
		      const struct kp_checks *k)
{
	struct kp_out *o = &sc->s->out;
	struct kp_mm *mm = &sc->s->mm;

	kp_json_object_begin(o);
	kp_checks_json(sc->s, o, k);
	kp_json_kuint(o, "pages_scanned", st->pages);
	kp_json_kuint(o, "pages_missing", st->missing);
	kp_json_kuint(o, "pages_unreadable", st->unreadable);
	kp_json_kuint(o, "zone_mismatch", sc->zone_mismatch);
	kp_json_kstr(o, "types", kp_types_source(sc->s->ty));
	/* Classes the types give no means to recognise: their pages are in
	 * "kernel", and their own counts (0) mean unknown. */
	kp_json_key(o, "unknown_classes");
	kp_json_array_begin(o);
	for (int c = 0; c < KP_CLASS__COUNT; c++)
		if (!kp_class_known(&sc->s->layout, (enum kp_class)c))
			kp_json_str(o, kp_class_name((enum kp_class)c));
	kp_json_array_end(o);
	kp_json_key(o, "zones");
	kp_json_array_begin(o);
	for (uint32_t i = 0; i <= mm->nr_zones; i++) {
		struct stat_zone *z = &sc->zones[i];
		if (i == mm->nr_zones && !z->total)
			break;
		kp_json_object_begin(o);
		if (i < mm->nr_zones) {
			kp_json_kuint(o, "node", mm->zones[i].node);
			kp_json_kstr(o, "zone", mm->zones[i].name);
			kp_json_kuint(o, "zone_index", mm->zones[i].index);
			kp_json_kint(o, "nr_free_pages", z->nr_free_pages);
			if (z->nr_free_exact)
				kp_json_kint(o, "nr_free_pages_pcp_delta", z->nr_free_delta);
		} else {
			kp_json_kstr(o, "zone", "other");
		}
		kp_json_kuint(o, "total", z->total);
		kp_json_key(o, "classes");
		kp_json_object_begin(o);
		for (int c = 0; c < KP_CLASS__COUNT; c++)
			kp_json_kuint(o, kp_class_name((enum kp_class)c), z->count[c]);
		kp_json_object_end(o);
		kp_json_object_end(o);
	}
	kp_json_array_end(o);
	kp_json_object_end(o);
}

/* As crash's kmem -i: the memory the kernel manages and where it went. */
static void stat_summary(const struct stat_ctx *sc, uint32_t n)
{
	struct kp_out *o = &sc->s->out;
	const struct kp_mm *mm = &sc->s->mm;
	uint64_t c[KP_CLASS__COUNT] = { 0 }, managed = 0;
	for (uint32_t i = 0; i < n; i++)
		for (int k = 0; k < KP_CLASS__COUNT; k++)
			c[k] += sc->zones[i].count[k];
	for (uint32_t i = 0; i < mm->nr_zones; i++)
		managed += mm->zones[i].managed;
	if (!managed)
		return;   /* (VMCOREINFO has no managed_pages) */
	uint64_t used = managed > c[KP_CLASS_FREE] ? managed - c[KP_CLASS_FREE] : 0;
	const struct { const char *name; uint64_t pages; enum kp_class cls; } row[] = {
		{ "TOTAL MEM", managed, KP_CLASS__COUNT }, { "FREE", c[KP_CLASS_FREE], KP_CLASS_FREE },
		{ "USED", used, KP_CLASS__COUNT },
		{ "PAGE CACHE", c[KP_CLASS_FILE], KP_CLASS_FILE },
		{ "ANON", c[KP_CLASS_ANON] + c[KP_CLASS_KSM], KP_CLASS_ANON },
		{ "SLAB", c[KP_CLASS_SLAB], KP_CLASS_SLAB },
		{ "PAGE TABLES", c[KP_CLASS_PAGETABLE], KP_CLASS_PAGETABLE },
		{ "HUGETLB", c[KP_CLASS_HUGETLB], KP_CLASS_HUGETLB },
	};
	kp_out_printf(o, "\n%14s %12s %11s  %s\n", "", "PAGES", "MiB", "PERCENTAGE");
	for (size_t i = 0; i < KP_ARRAY_SIZE(row); i++) {
		if (row[i].cls != KP_CLASS__COUNT && !kp_class_known(&sc->s->layout, row[i].cls))
			continue;
		kp_out_printf(o, "%14s %12llu %11.1f  ", row[i].name, (unsigned long long)row[i].pages,
			      (double)row[i].pages * KP_PAGE_SIZE / (1 << 20));
		if (i == 0)
			kp_out_printf(o, "----  (managed pages of the zones)\n");
		else
			kp_out_printf(o, "%4.1f%% of TOTAL MEM\n", 100.0 * (double)row[i].pages /
				      (double)managed);
	}
}

static void stat_text(struct stat_ctx *sc, const struct kp_scan_stats *st)
{
	struct kp_out *o = &sc->s->out;
	struct kp_mm *mm = &sc->s->mm;
	uint32_t n = mm->nr_zones + (sc->zones[mm->nr_zones].total ? 1 : 0);
	char head[48];

	kp_out_printf(o, "%-14s", "CLASS");
	for (uint32_t i = 0; i < n; i++) {
		if (i < mm->nr_zones)
			snprintf(head, sizeof(head), "%u:%s", mm->zones[i].node, mm->zones[i].name);
		else
			snprintf(head, sizeof(head), "other");
		kp_out_printf(o, " %12s", head);
	}
	kp_out_printf(o, " %12s %9s %6s\n", "total", "MiB", "%");
	const struct kp_layout *l = &sc->s->layout;
	uint64_t all = 0;
	for (uint32_t i = 0; i < n; i++)
		all += sc->zones[i].total;
	for (int c = 0; c <= KP_CLASS__COUNT; c++) {
		uint64_t sum = 0;
		bool known = c == KP_CLASS__COUNT || kp_class_known(l, (enum kp_class)c);
		bool absorbs = c == KP_CLASS_KERNEL && !known;
		kp_out_printf(o, "%-14s", c < KP_CLASS__COUNT ? kp_class_name((enum kp_class)c) : "total");
		for (uint32_t i = 0; i < n; i++) {
			uint64_t v = c < KP_CLASS__COUNT ? sc->zones[i].count[c] : sc->zones[i].total;
			sum += v;
			if (known || absorbs)
				kp_out_printf(o, " %11llu%s", (unsigned long long)v, absorbs ? "*" : " ");
			else
				kp_out_printf(o, " %11s ", "?");
		}
		if (known || absorbs)
			kp_out_printf(o, " %11llu%s %9.1f %6.1f\n", (unsigned long long)sum,
				      absorbs ? "*" : " ", (double)sum * KP_PAGE_SIZE / (1 << 20),
				      all ? 100.0 * (double)sum / (double)all : 0.0);
		else
			kp_out_printf(o, " %11s\n", "?");
	}
	kp_out_printf(o, "%-14s", "NR_FREE_PAGES");
	int64_t sum = 0;
	for (uint32_t i = 0; i < n; i++) {
		int64_t v = i < mm->nr_zones ? sc->zones[i].nr_free_pages : -1;
		if (v >= 0)
			sum += v;
		if (v >= 0)
			kp_out_printf(o, " %12lld", (long long)v);
		else
			kp_out_printf(o, " %12s", "-");
	}
	kp_out_printf(o, " %12lld\n", (long long)sum);
	if (!kp_class_known(l, KP_CLASS_KERNEL))
		kp_out_printf(o, "? not recognisable with types from %s; * kernel includes those pages\n",
			      kp_types_source(sc->s->ty));
	stat_summary(sc, n);
	kp_out_printf(o, "\n%llu pages scanned in %llu batches (%llu MiB of struct page)%s",
		      (unsigned long long)st->pages, (unsigned long long)st->batches,
		      (unsigned long long)(st->bytes >> 20), st->missing ? "" : "\n");
	if (st->missing)
		kp_out_printf(o, "; %llu struct pages not in the dump\n",
			      (unsigned long long)st->missing);
	if (st->unreadable)
		kp_out_printf(o, "%llu struct pages could not be read (their mapping is gone)\n",
			      (unsigned long long)st->unreadable);
}

static kp_error *cmd_stat(struct kp_session *s, int argc, char **argv, int *status)
{
	struct stat_ctx sc = { .s = s };
	struct kp_scan_stats st = { 0 };
	kp_error *err;

	(void)argv;
	if (argc != 1)
		return kp_errorf(KP_EXIT_USAGE, "usage: stat");
	if ((err = kp_session_open_core(s)))
		return err;
	sc.zones = calloc(s->mm.nr_zones + 1, sizeof(*sc.zones));
	if (!sc.zones)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	err = kp_scan_parts(&s->mm, 0, s->mm.max_pfn, &stat_ops, &sc, &st);
	if (!err) {
		struct kp_checks k = { .n = 0 };
		stat_read_counters(&sc);
		stat_checks(&sc, &st, &k);
		if (s->out.json)
			stat_json(&sc, &st, &k);
		else
			stat_text(&sc, &st);
		kp_checks_warn(s, &k, status);
		if (st.unreadable) {     /* (exit 3: said in one warning line) */
			fprintf(stderr, "kpage: warning: stat: %llu struct pages could not be read "
				"(their mapping is gone)\n", (unsigned long long)st.unreadable);
			*status = KP_EXIT_INCONSISTENT;
		}
	}
	free(sc.zones);
	return err;
}

const struct kp_cmd kp_cmd_stat = {
	"stat", "stat",
	"census of all pages by class and zone, with NR_FREE_PAGES beside the free pages found",
	cmd_stat,
};
