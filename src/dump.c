/* The public API (include/kpage/kpage.h): a dump opened as the command line
 * opens it (a session: the same discovery, checks and warnings), its pages
 * walked by the scan, its zones and free lists. Nothing here decodes: it
 * hands the layers' answers to a library user in the public types. */
#include <stdlib.h>
#include <string.h>

#include "buddy.h"
#include "internal.h"
#include "scan.h"
#include "session.h"

struct kp_dump {
	struct kp_session s;
	char mt_names[KP_MAX_MIGRATETYPES][32];
	uint32_t nr_mt;
};

kp_error *kp_dump_open(const struct kp_dump_options *o, struct kp_dump **out)
{
	struct kp_dump *d = calloc(1, sizeof(*d));
	kp_error *err;

	*out = NULL;
	if (!d)
		return kp_errorf(KP_EXIT_INPUT, "out of memory opening a dump");
	d->s.core_path = o->core ? o->core : "/proc/kcore";
	d->s.core_given = o->core != NULL;
	d->s.btf_path = o->btf;
	d->s.btf_given = o->btf != NULL;
	d->s.vmci_only = o->vmcoreinfo_only;
	d->s.force = o->force;
	if (o->vmlinux && !(d->s.vmlinux_path = strdup(o->vmlinux))) {
		free(d);
		return kp_errorf(KP_EXIT_INPUT, "out of memory opening a dump");
	}
	d->s.vmlinux_given = o->vmlinux != NULL;
	kp_out_init(&d->s.out, stdout, false);
	if ((err = kp_session_open_core(&d->s))) {
		kp_dump_close(d);
		return err;
	}
	kp_buddy_migratetype_names(&d->s.mm, d->mt_names, &d->nr_mt);
	*out = d;
	return NULL;
}

void kp_dump_close(struct kp_dump *d)
{
	if (!d)
		return;
	kp_session_close(&d->s);
	free(d);
}

const char *kp_dump_types_source(const struct kp_dump *d)
{
	return kp_types_source(d->s.ty);
}

uint64_t kp_dump_max_pfn(const struct kp_dump *d)
{
	return d->s.mm.max_pfn;
}

size_t kp_dump_nr_zones(const struct kp_dump *d)
{
	return d->s.mm.nr_zones;
}

bool kp_dump_zone(const struct kp_dump *d, size_t i, struct kp_zone_info *out)
{
	if (i >= d->s.mm.nr_zones)
		return false;
	const struct kp_zone *z = &d->s.mm.zones[i];
	*out = (struct kp_zone_info){
		.node = z->node, .index = z->index, .name = z->name, .start_pfn = z->start_pfn,
		.spanned = z->spanned, .present = z->present, .managed = z->managed,
		.span_known = z->span_known,
	};
	return true;
}

kp_error *kp_dump_pages(struct kp_dump *d, uint64_t start, uint64_t end, kp_page_fn fn,
			void *arg, struct kp_walk_stats *stats)
{
	struct kp_scan_stats st = { 0 };
	uint64_t max = d->s.mm.max_pfn;
	kp_error *err = kp_scan(&d->s.mm, start < max ? start : max, end < max ? end : max, fn,
				arg, &st);

	if (!stats)
		return err;
	memset(stats, 0, sizeof(*stats));
	stats->pages = st.pages;
	stats->missing = st.missing;
	for (int i = 0; i < KP_INV__SCAN; i++) {
		stats->broken += st.broken[i];
		if (st.broken[i] && (!stats->first_broken || st.broken_pfn[i] < stats->first_broken_pfn)) {
			stats->first_broken_pfn = st.broken_pfn[i];
			stats->first_broken = kp_invariant_text((enum kp_invariant)i);
		}
	}
	return err;
}

kp_error *kp_dump_page(struct kp_dump *d, uint64_t pfn, struct kp_page *p, enum kp_class *cls)
{
	uint8_t raw[KP_PAGE_STRUCT_MAX];
	return kp_scan_one(&d->s.mm, pfn, p, cls, raw);
}

void kp_dump_page_flags(const struct kp_dump *d, const struct kp_page *p, char *buf, size_t len)
{
	kp_page_flag_names(&d->s.layout, p, buf, len);
}

bool kp_dump_class_known(const struct kp_dump *d, enum kp_class c)
{
	return kp_class_known(&d->s.layout, c);
}

struct free_walk {
	const struct kp_dump *d;
	kp_free_block_fn fn;
	void *arg;
};

static void free_block(void *arg, const struct kp_free_block *b)
{
	struct free_walk *w = arg;
	struct kp_free_block_info info = {
		.pfn = b->pfn, .order = b->order, .migratetype = b->migratetype,
		.zone = (size_t)(b->zone - w->d->s.mm.zones),
	};
	w->fn(w->arg, &info);
}

kp_error *kp_dump_free_blocks(struct kp_dump *d, kp_free_block_fn fn, void *arg)
{
	struct free_walk w = { d, fn, arg };
	struct kp_free_report r;
	kp_error *err = kp_buddy_walk(&d->s.mm, false, fn ? free_block : NULL, &w, &r);

	if (!err && r.total_issues)
		err = kp_errorf(KP_EXIT_INCONSISTENT, "%s: the free lists do not hold together "
				"(%zu problems; the first: %s)", d->s.core_path, r.total_issues,
				r.issues[0]);
	kp_free_report_release(&r);
	return err;
}

const char *kp_dump_migratetype_name(const struct kp_dump *d, uint32_t mt)
{
	return mt < d->nr_mt ? d->mt_names[mt] : "unknown";
}
