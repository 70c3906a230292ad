/* count_classes: an example of libkpage's public API. Opens a dump and its
 * types, counts every page by class and zone in one walk of mem_map, and
 * the free pages on the buddy lists; the free pages the walk found must be
 * those on the lists (a dump that breaks that, or the walk's invariants,
 * exits 3: never a quiet census).
 *   count_classes --core VMCORE [--vmlinux VMLINUX | --btf FILE | --vmcoreinfo-only]
 * Build: cc count_classes.c -lkpage $(pkg-config --libs libdw libkdumpfile ...)
 * (make builds it as build/contrib/count_classes). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kpage/kpage.h>

#define MAX_ZONES 64

struct census {
	struct kp_dump *d;
	uint64_t by_class[KP_CLASS__COUNT];
	uint64_t by_zone[MAX_ZONES + 1][KP_CLASS__COUNT];   /* the last: no zone */
	uint64_t zone_lo[MAX_ZONES], zone_hi[MAX_ZONES];
	size_t nr_zones;
};

static size_t zone_of(const struct census *c, uint64_t pfn)
{
	for (size_t i = 0; i < c->nr_zones; i++)
		if (pfn >= c->zone_lo[i] && pfn < c->zone_hi[i])
			return i;
	return MAX_ZONES;
}

static int count_page(void *arg, const struct kp_page *p, enum kp_class cls, const uint8_t *raw)
{
	struct census *c = arg;
	(void)raw;
	c->by_class[cls]++;
	c->by_zone[zone_of(c, p->pfn)][cls]++;
	return 0;
}

static void count_free(void *arg, const struct kp_free_block_info *b)
{
	uint64_t *pages = arg;
	*pages += UINT64_C(1) << b->order;
}

static int parse_args(int argc, char **argv, struct kp_dump_options *o)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--vmcoreinfo-only"))
			o->vmcoreinfo_only = true;
		else if (i + 1 < argc && !strcmp(argv[i], "--core"))
			o->core = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--vmlinux"))
			o->vmlinux = argv[++i];
		else if (i + 1 < argc && !strcmp(argv[i], "--btf"))
			o->btf = argv[++i];
		else
			return -1;
	}
	return 0;
}

static void print_census(const struct census *c)
{
	printf("%-14s", "class");
	for (size_t z = 0; z < c->nr_zones; z++) {
		struct kp_zone_info zi;
		kp_dump_zone(c->d, z, &zi);
		printf(" %5u:%-8s", zi.node, zi.name);
	}
	printf(" %14s\n", "total");
	for (int k = 0; k < KP_CLASS__COUNT; k++) {
		printf("%-14s", kp_class_name((enum kp_class)k));
		for (size_t z = 0; z < c->nr_zones; z++)
			printf(" %14" PRIu64, c->by_zone[z][k]);
		printf(" %14" PRIu64 "%s\n", c->by_class[k],
		       kp_dump_class_known(c->d, (enum kp_class)k) ? "" : " (unknown: counted as kernel)");
	}
}

int main(int argc, char **argv)
{
	struct kp_dump_options o = { 0 };
	static struct census c;
	struct kp_walk_stats st;
	kp_error *err;
	uint64_t listed = 0;
	int rc = KP_EXIT_OK;

	if (parse_args(argc, argv, &o) || !o.core) {
		fprintf(stderr, "usage: %s --core VMCORE [--vmlinux VMLINUX | --btf FILE | "
			"--vmcoreinfo-only]\n", argv[0]);
		return KP_EXIT_USAGE;
	}
	if ((err = kp_dump_open(&o, &c.d)))
		goto fail;
	for (c.nr_zones = 0; c.nr_zones < kp_dump_nr_zones(c.d) && c.nr_zones < MAX_ZONES; c.nr_zones++) {
		struct kp_zone_info zi;
		kp_dump_zone(c.d, c.nr_zones, &zi);
		c.zone_lo[c.nr_zones] = zi.span_known ? zi.start_pfn : 0;
		c.zone_hi[c.nr_zones] = zi.span_known ? zi.start_pfn + zi.spanned : 0;
	}
	if ((err = kp_dump_pages(c.d, 0, kp_dump_max_pfn(c.d), count_page, &c, &st)) ||
	    (err = kp_dump_free_blocks(c.d, count_free, &listed)))
		goto fail;
	printf("types from %s; %" PRIu64 " pages, %" PRIu64 " not in the dump\n",
	       kp_dump_types_source(c.d), st.pages, st.missing);
	print_census(&c);
	printf("free on the buddy lists %" PRIu64 ", free in mem_map %" PRIu64 "\n", listed,
	       c.by_class[KP_CLASS_FREE]);
	if (st.broken) {
		fprintf(stderr, "count_classes: %" PRIu64 " pages break an invariant, the first at pfn "
			"%" PRIu64 ": %s\n", st.broken, st.first_broken_pfn, st.first_broken);
		rc = KP_EXIT_INCONSISTENT;
	}
	if (listed != c.by_class[KP_CLASS_FREE]) {
		fprintf(stderr, "count_classes: %" PRIu64 " pages on the free lists, %" PRIu64
			" free in mem_map\n", listed, c.by_class[KP_CLASS_FREE]);
		rc = KP_EXIT_INCONSISTENT;
	}
	kp_dump_close(c.d);
	return rc;
fail:
	fprintf(stderr, "count_classes: %s\n", kp_error_message(err));
	rc = kp_error_exit_code(err);
	kp_error_free(err);
	kp_dump_close(c.d);
	return rc;
}
