/* pages [filters]: a line (or an NDJSON object) per matching page. */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "internal.h"
#include "owner.h"
#include "query.h"
#include "page_decode.h"

struct pages_ctx {
	struct kp_session *s;
	struct kp_query q;
	uint64_t matched;
	/* owner filters (NULL: none); a tail takes its head's owners */
	const char *slab_cache, *file, *memcg;
	struct kp_owners *owners;
	struct kp_owner_keys head;
	bool has_head;
};

/* The owners of P: its own, or (a tail) its head's. */
static bool pages_keys(struct pages_ctx *pc, const struct kp_page *p, enum kp_class c,
		       const uint8_t *raw, struct kp_owner_keys *k)
{
	uint8_t hraw[KP_PAGE_STRUCT_MAX];
	if (p->compound != KP_COMPOUND_TAIL || !p->head_pfn) {
		kp_owner_keys_of(pc->owners, p, c, raw, k);
		if (p->compound == KP_COMPOUND_HEAD) {
			pc->head = *k;
			pc->has_head = true;
		}
		return true;
	}
	if (pc->has_head && pc->head.pfn == p->head_pfn) {
		*k = pc->head;
		return true;
	}
	struct kp_page h;
	enum kp_class hc;
	kp_error *err = NULL;
	if (pc->s->layout.page_size > sizeof(hraw) ||
	    (err = kp_scan_one(&pc->s->mm, p->head_pfn, &h, &hc, hraw))) {
		kp_error_free(err);
		return false;
	}
	kp_owner_keys_of(pc->owners, &h, hc, hraw, k);
	pc->head = *k;
	pc->has_head = true;
	return true;
}

static bool pages_owner_match(struct pages_ctx *pc, const struct kp_page *p, enum kp_class c,
			      const uint8_t *raw)
{
	struct kp_owner_keys k;
	if (c == KP_CLASS_FREE || !p->in_dump || !pages_keys(pc, p, c, raw, &k))
		return false;
	if (pc->slab_cache) {
		const struct kp_slab_owner *o;
		if (k.cls != KP_CLASS_SLAB || !k.cache || (o = kp_owner_slab(pc->owners, k.cache))->why[0] ||
		    strcmp(o->name, pc->slab_cache))
			return false;
	}
	if (pc->file) {
		const struct kp_file_owner *o;
		if (k.cls != KP_CLASS_FILE || !(o = kp_owner_file(pc->owners, k.mapping))->has_path ||
		    strcmp(o->path, pc->file))
			return false;
	}
	if (pc->memcg) {
		uint64_t m = kp_owner_memcg_of_word(pc->owners, k.memcg_word);
		const struct kp_memcg_owner *o;
		if (!m || !(o = kp_owner_memcg(pc->owners, m))->has_path || strcmp(o->path, pc->memcg))
			return false;
	}
	return true;
}

/* Takes --slab-cache, --file and --memcg out of ARGV (the rest is the
 * query's). */
static kp_error *pages_owner_args(struct pages_ctx *pc, int *argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char **dst = !strcmp(argv[i], "--slab-cache") ? &pc->slab_cache :
				   !strcmp(argv[i], "--file") ? &pc->file :
				   !strcmp(argv[i], "--memcg") ? &pc->memcg : NULL;
		if (!dst) {
			argv[out++] = argv[i];
			continue;
		}
		if (i + 1 >= *argc)
			return kp_errorf(KP_EXIT_USAGE, "pages: %s needs a value", argv[i]);
		*dst = argv[++i];
	}
	*argc = out;
	return NULL;
}

static int pages_one(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct pages_ctx *pc = arg;
	struct kp_session *s = pc->s;
	char names[1024];

	if (!kp_query_match(s, &pc->q, p, c))
		return 0;
	if (pc->owners && !pages_owner_match(pc, p, c, raw))
		return 0;
	pc->matched++;
	if (!pc->q.count) {
		if (s->out.json) {
			kp_page_json(s, p, c, NULL);
		} else {
			uint64_t va = 0, run;
			kp_mm_pfn_to_page(&s->mm, p->pfn, &va, &run);
			kp_page_flag_names(&s->layout, p, names, sizeof(names));
			char order[12] = "-";
			if (p->order >= 0)
				snprintf(order, sizeof(order), "%d", p->order);
			kp_out_printf(&s->out, "%10llu %16llx %12llx %-12s %5s %4lld %4lld %4u %-7s %-8s "
				      "%16llx %10llx %s\n",
				      (unsigned long long)p->pfn, (unsigned long long)va,
				      (unsigned long long)p->pfn * KP_PAGE_SIZE, kp_class_name(c), order,
				      (long long)p->refcount, (long long)kp_page_mapcount(p), p->node,
				      kp_zone_name(&s->mm, p->node, p->zone),
				      p->compound == KP_COMPOUND_HEAD ? "head" :
				      p->compound == KP_COMPOUND_TAIL ? "tail" : "-",
				      (unsigned long long)p->mapping, (unsigned long long)p->index, names);
		}
	}
	/* A failed write ends the walk; whether it was a closed pipe (quiet)
	 * or an error is told when the command ends (kp_run_command). */
	if (ferror(s->out.f)) {
		if (!s->out.write_errno)
			s->out.write_errno = errno;
		return 1;
	}
	return pc->q.limit && pc->matched >= pc->q.limit;
}

static kp_error *cmd_pages(struct kp_session *s, int argc, char **argv, int *status)
{
	struct pages_ctx pc = { .s = s };
	kp_error *err;

	(void)status;
	if ((err = pages_owner_args(&pc, &argc, argv)) || (err = kp_session_open_core(s)) ||
	    (err = kp_query_parse(s, argc, argv, &pc.q)))
		return err;
	if ((pc.slab_cache || pc.file || pc.memcg) && (err = kp_session_owners(s, &pc.owners)))
		return err;
	if (!s->out.json && !pc.q.count)
		kp_out_printf(&s->out, "%10s %16s %12s %-12s %5s %4s %4s %4s %-7s %-8s %16s %10s %s\n",
			      "PFN", "PAGE", "PHYS", "CLASS", "ORDER", "REF", "MAP", "NODE", "ZONE",
			      "COMPOUND", "MAPPING", "INDEX", "FLAGS");
	err = kp_scan(&s->mm, pc.q.pfn_lo, pc.q.pfn_hi, pages_one, &pc, NULL);
	if (!err && pc.q.count) {
		if (s->out.json) {
			kp_json_object_begin(&s->out);
			kp_json_kuint(&s->out, "count", pc.matched);
			kp_json_object_end(&s->out);
		} else {
			kp_out_printf(&s->out, "%llu\n", (unsigned long long)pc.matched);
		}
	}
	return err;
}

const struct kp_cmd kp_cmd_pages = {
	"pages",
	"pages [--pfn N[-M]] [--node N] [--zone NAME|N] [--flag F]... [--no-flag F]... "
	"[--type T]... [--order O] [--refcount CMP] [--mapcount CMP] [--slab-cache NAME] "
	"[--file PATH] [--memcg PATH] [--limit N] [--count]",
	"a line per page matching every condition given",
	cmd_pages,
};
