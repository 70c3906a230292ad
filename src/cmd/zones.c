/* zones: per node and zone, the figures of /proc/zoneinfo, /proc/buddyinfo and
 * /proc/pagetypeinfo, pageblocks per migratetype, and fragmentation indices
 * (the kernel's extfrag formulas). */
#include <stdlib.h>
#include <string.h>

#include "buddy.h"
#include "cmd.h"
#include "internal.h"
#include "target.h"
#include "types.h"
#include "layout.h"

/* Pageblocks by migratetype, as /proc/pagetypeinfo counts them: those of
 * the zone's span that have struct pages. A hole in the span is passed a
 * section at a time (a span of 2^34 pages over a few sections is no walk
 * of 2^25 pageblocks). */
static void zone_count_pageblocks(struct kp_mm *mm, const struct kp_zone *z,
				  struct zone_figures *f)
{
	uint64_t step = 1ull << mm->l->pageblock_order, page, run;
	uint64_t end = z->start_pfn + z->spanned;

	for (uint64_t pfn = z->start_pfn & ~(step - 1); pfn < end;) {
		uint32_t mt;
		if (!kp_mm_pfn_to_page(mm, pfn, &page, &run)) {
			if (mm->model == KP_MODEL_FLAT || pfn >= mm->max_pfn)
				break;   /* (past the end of mem_map) */
			pfn = ((pfn >> mm->pfn_section_shift) + 1) << mm->pfn_section_shift;
			continue;
		}
		if (kp_mm_pageblock_migratetype(mm, pfn, &mt) && mt < mm->l->nr_migratetypes)
			f->pageblocks[mt]++;
		else
			f->pageblocks[KP_MAX_MIGRATETYPES]++;
		pfn += step;
	}
}

kp_error *zone_read_figures(struct kp_session *s, const struct kp_zone *z,
				   struct zone_figures *f)
{
	const struct kp_layout *l = &s->layout;
	uint8_t *buf = malloc(l->zone_size);
	size_t missing = 0;
	kp_error *err;

	memset(f, 0, sizeof(*f));
	if (!buf)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	if ((err = kp_mm_read(&s->mm, z->addr, buf, l->zone_size, &missing)) || missing) {
		free(buf);   /* (zeros are not watermarks) */
		return err ? err : kp_errorf(KP_EXIT_INPUT, "%s: struct zone of node %u zone %s "
					     "(0x%llx) is not in the dump", kp_target_path(s->t),
					     z->node, z->name, (unsigned long long)z->addr);
	}
	/* _watermark[NR_WMARK] (5.0+), watermark[] (4.x), or pages_min,
	 * pages_low, pages_high (2.6): three consecutive longs in each. */
	f->wmark_known = l->zone_watermark.present;
	for (int i = 0; i < NR_WMARK_SHOWN && l->zone_watermark.present; i++)
		f->wmark[i] = kp_load(buf + l->zone_watermark.offset + i * 8, 8);
	if ((f->has_boost = l->zone_watermark_boost.present))
		f->boost = kp_field_load(buf, &l->zone_watermark_boost);
	f->nr_reserve = l->zone_lowmem_reserve.count < 8 ? l->zone_lowmem_reserve.count : 8;
	for (uint32_t i = 0; i < f->nr_reserve; i++)
		f->lowmem_reserve[i] = kp_load(buf + l->zone_lowmem_reserve.offset +
					       i * l->zone_lowmem_reserve.elem_size, 8);
	f->nr_free_pages = -1;
	if (l->nr_free_pages_item >= 0 && l->zone_vm_stat.present)
		f->nr_free_pages = (int64_t)kp_load(buf + l->zone_vm_stat.offset +
			(uint64_t)l->nr_free_pages_item * l->zone_vm_stat.elem_size, 8);
	f->nr_free_cma = 0;
	if (l->nr_free_cma_item >= 0 && l->zone_vm_stat.present)
		f->nr_free_cma = (int64_t)kp_load(buf + l->zone_vm_stat.offset +
			(uint64_t)l->nr_free_cma_item * l->zone_vm_stat.elem_size, 8);
	f->reserved_highatomic = kp_field_load(buf, &l->zone_reserved_highatomic);
	free(buf);
	f->pageblocks_known = z->span_known;
	if (z->span_known)
		zone_count_pageblocks(&s->mm, z, f);
	return NULL;
}

/* Figures the types cannot locate (VMCOREINFO lacks them) are null. */
static void kuint_known(struct kp_out *o, const char *key, uint64_t v, bool known)
{
	kp_json_key(o, key);
	if (known)
		kp_json_uint(o, v);
	else
		kp_json_null(o);
}

static void zone_json(struct kp_session *s, const struct kp_zone_free *zf,
		      const struct zone_figures *f, const struct kp_free_report *r)
{
	struct kp_out *o = &s->out;
	const struct kp_zone *z = zf->zone;
	const struct kp_layout *l = &s->layout;
	static const char *const wm[NR_WMARK_SHOWN] = { "min", "low", "high" };

	kp_json_object_begin(o);
	kp_json_kuint(o, "node", z->node);
	kp_json_kstr(o, "zone", z->name);
	kp_json_kuint(o, "zone_index", z->index);
	kuint_known(o, "start_pfn", z->start_pfn, z->span_known);
	kp_json_kuint(o, "spanned", z->spanned);
	kuint_known(o, "present", z->present, l->zone_present.present);
	kuint_known(o, "managed", z->managed, l->zone_managed.present);
	kp_json_kint(o, "nr_free_pages", f->nr_free_pages);
	kp_json_key(o, "watermarks");
	kp_json_object_begin(o);
	for (int i = 0; i < NR_WMARK_SHOWN; i++)
		kuint_known(o, wm[i], f->wmark[i], f->wmark_known);
	if (f->has_boost)
		kp_json_kuint(o, "boost", f->boost);
	kp_json_object_end(o);
	kp_json_key(o, "lowmem_reserve");
	if (l->zone_lowmem_reserve.present) {
		kp_json_array_begin(o);
		for (uint32_t i = 0; i < f->nr_reserve; i++)
			kp_json_uint(o, f->lowmem_reserve[i]);
		kp_json_array_end(o);
	} else {
		kp_json_null(o);
	}
	kp_json_key(o, "buddyinfo");
	kp_json_array_begin(o);
	for (uint32_t ord = 0; ord < l->nr_orders; ord++)
		kp_json_uint(o, zf->nr_free[ord]);
	kp_json_array_end(o);
	kp_json_key(o, "pagetypeinfo");
	kp_json_object_begin(o);
	for (uint32_t mt = 0; mt < r->nr_mt; mt++) {
		kp_json_key(o, r->mt_names[mt]);
		kp_json_array_begin(o);
		for (uint32_t ord = 0; ord < l->nr_orders; ord++)
			kp_json_uint(o, zf->walked[ord][mt]);
		kp_json_array_end(o);
	}
	kp_json_object_end(o);
	kp_json_key(o, "pageblocks");
	if (f->pageblocks_known) {
		kp_json_object_begin(o);
		for (uint32_t mt = 0; mt < r->nr_mt; mt++)
			kp_json_kuint(o, r->mt_names[mt], f->pageblocks[mt]);
		if (f->pageblocks[KP_MAX_MIGRATETYPES])
			kp_json_kuint(o, "unknown", f->pageblocks[KP_MAX_MIGRATETYPES]);
		kp_json_object_end(o);
	} else {
		kp_json_null(o);
	}
	kp_json_key(o, "unusable_index");
	kp_json_array_begin(o);
	for (uint32_t ord = 0; ord < l->nr_orders; ord++)
		kp_json_milli(o, kp_unusable_index(zf, l->nr_orders, ord));
	kp_json_array_end(o);
	kp_json_key(o, "extfrag_index");
	kp_json_array_begin(o);
	for (uint32_t ord = 0; ord < l->nr_orders; ord++)
		kp_json_milli(o, kp_extfrag_index(zf, l->nr_orders, ord));
	kp_json_array_end(o);
	kp_json_object_end(o);
}

static void print_index_row(struct kp_out *o, const char *name, const struct kp_zone_free *zf,
			    uint32_t nr_orders, int64_t (*fn)(const struct kp_zone_free *, uint32_t, uint32_t))
{
	kp_out_printf(o, "  %-19s", name);
	for (uint32_t ord = 0; ord < nr_orders; ord++) {
		int64_t v = fn(zf, nr_orders, ord);
		kp_out_printf(o, " %s%lld.%03lld", v < 0 ? "-" : " ", (long long)llabs(v) / 1000,
			      (long long)llabs(v) % 1000);
	}
	kp_out_printf(o, "\n");
}

static void zone_text(struct kp_session *s, const struct kp_zone_free *zf,
		      const struct zone_figures *f, const struct kp_free_report *r)
{
	struct kp_out *o = &s->out;
	const struct kp_zone *z = zf->zone;
	const struct kp_layout *l = &s->layout;

	char a[24], b[24], c[24], d[24];
#define KNOWN(buf, v, known) (known ? (snprintf(buf, sizeof(buf), "%llu", \
	(unsigned long long)(v)), buf) : "?")
	kp_out_printf(o, "Node %u, zone %s\n", z->node, z->name);
	if (z->span_known)
		kp_out_printf(o, "  pfns %llu-%llu ", (unsigned long long)z->start_pfn,
			      (unsigned long long)(z->start_pfn + z->spanned - 1));
	else
		kp_out_printf(o, "  pfns ? ");
	kp_out_printf(o, " spanned %llu  present %s  managed %s\n", (unsigned long long)z->spanned,
		      KNOWN(a, z->present, l->zone_present.present),
		      KNOWN(b, z->managed, l->zone_managed.present));
	kp_out_printf(o, "  free %lld  min %s  low %s  high %s", (long long)f->nr_free_pages,
		      KNOWN(a, f->wmark[0], f->wmark_known), KNOWN(c, f->wmark[1], f->wmark_known),
		      KNOWN(d, f->wmark[2], f->wmark_known));
#undef KNOWN
	if (f->has_boost)
		kp_out_printf(o, "  boost %llu", (unsigned long long)f->boost);
	kp_out_printf(o, "\n  lowmem_reserve%s", l->zone_lowmem_reserve.present ? "" : " ?");
	for (uint32_t i = 0; i < f->nr_reserve; i++)
		kp_out_printf(o, " %llu", (unsigned long long)f->lowmem_reserve[i]);
	kp_out_printf(o, "\n  %-19s", "order");
	for (uint32_t ord = 0; ord < l->nr_orders; ord++)
		kp_out_printf(o, " %6u", ord);
	kp_out_printf(o, "\n  %-19s", "free blocks");
	for (uint32_t ord = 0; ord < l->nr_orders; ord++)
		kp_out_printf(o, " %6llu", (unsigned long long)zf->nr_free[ord]);
	kp_out_printf(o, "\n");
	for (uint32_t mt = 0; mt < r->nr_mt; mt++) {
		kp_out_printf(o, "  %-19s", r->mt_names[mt]);
		for (uint32_t ord = 0; ord < l->nr_orders; ord++)
			kp_out_printf(o, " %6llu", (unsigned long long)zf->walked[ord][mt]);
		kp_out_printf(o, "\n");
	}
	print_index_row(o, "unusable index", zf, l->nr_orders, kp_unusable_index);
	print_index_row(o, "extfrag index", zf, l->nr_orders, kp_extfrag_index);
	kp_out_printf(o, "  pageblocks:%s", f->pageblocks_known ? "" : " ?\n\n");
	for (uint32_t mt = 0; f->pageblocks_known && mt < r->nr_mt; mt++)
		kp_out_printf(o, " %s %llu", r->mt_names[mt], (unsigned long long)f->pageblocks[mt]);
	if (f->pageblocks[KP_MAX_MIGRATETYPES])
		kp_out_printf(o, " unknown %llu", (unsigned long long)f->pageblocks[KP_MAX_MIGRATETYPES]);
	if (f->pageblocks_known)
		kp_out_printf(o, "\n\n");
}

static kp_error *cmd_zones(struct kp_session *s, int argc, char **argv, int *status)
{
	struct kp_free_report r;
	kp_error *err;

	(void)argv;
	if (argc != 1)
		return kp_errorf(KP_EXIT_USAGE, "usage: zones");
	if ((err = kp_session_open_core(s)) || (err = kp_buddy_walk(&s->mm, false, NULL, NULL, &r)))
		return err;
	kp_session_check_pageblocks(s, status);
	if (s->out.json) {
		kp_json_object_begin(&s->out);
		kp_json_kstr(&s->out, "types", kp_types_source(s->ty));
		kp_json_key(&s->out, "zones");
		kp_json_array_begin(&s->out);
	}
	for (uint32_t i = 0; i < r.nr_zones && !err; i++) {
		struct zone_figures f;
		if ((err = zone_read_figures(s, r.zones[i].zone, &f)))
			break;
		if (s->out.json)
			zone_json(s, &r.zones[i], &f, &r);
		else
			zone_text(s, &r.zones[i], &f, &r);
	}
	if (s->out.json && !err) {
		kp_json_array_end(&s->out);
		kp_json_object_end(&s->out);
	}
	kp_free_report_release(&r);
	return err;
}

const struct kp_cmd kp_cmd_zones = {
	"zones", "zones",
	"per zone: spans, free pages, watermarks, lowmem_reserve, buddyinfo, pagetypeinfo, "
	"pageblocks, fragmentation indices",
	cmd_zones,
};
