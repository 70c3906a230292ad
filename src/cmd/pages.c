/* pages [filters]: a line (or an NDJSON object) per matching page. */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "query.h"

struct pages_ctx {
	struct kp_session *s;
	struct kp_query q;
	uint64_t matched;
};

static int pages_one(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct pages_ctx *pc = arg;
	struct kp_session *s = pc->s;
	char names[1024];

	(void)raw;
	if (!kp_query_match(s, &pc->q, p, c))
		return 0;
	pc->matched++;
	if (!pc->q.count) {
		if (s->out.json) {
			kp_page_json(s, p, c);
		} else {
			kp_page_flag_names(&s->layout, p, names, sizeof(names));
			kp_out_printf(&s->out, "%10llu %-12s %5d %4lld %4lld %4u %4u %-8s %s\n",
				      (unsigned long long)p->pfn, kp_class_name(c), p->order,
				      (long long)p->refcount, (long long)kp_page_mapcount(p), p->node, p->zone,
				      p->compound == KP_COMPOUND_HEAD ? "head" :
				      p->compound == KP_COMPOUND_TAIL ? "tail" : "-", names);
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
	if ((err = kp_session_open_core(s)) || (err = kp_query_parse(s, argc, argv, &pc.q)))
		return err;
	if (!s->out.json && !pc.q.count)
		kp_out_printf(&s->out, "%10s %-12s %5s %4s %4s %4s %4s %-8s %s\n", "PFN", "CLASS",
			      "ORDER", "REF", "MAP", "NODE", "ZONE", "COMPOUND", "FLAGS");
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
	"[--type T]... [--order O] [--refcount CMP] [--mapcount CMP] [--limit N] [--count]",
	"a line per page matching every condition given",
	cmd_pages,
};
