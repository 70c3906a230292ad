/* Reporting the invariants a scan checked (checks.h). */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "types.h"

void kp_checks_add(struct kp_checks *k, const char *name, const char *text, uint64_t count,
		   bool has_pfn, uint64_t pfn)
{
	if (k->n >= KP_CHECK_MAX)
		return;
	k->c[k->n++] = (struct kp_check){ name, text, count, count && has_pfn ? pfn : 0,
					  count && has_pfn, 0 };
}

void kp_checks_from_scan(struct kp_checks *k, const struct kp_scan_stats *st)
{
	for (int i = 0; i < KP_INV__SCAN; i++)
		kp_checks_add(k, kp_invariant_name((enum kp_invariant)i),
			      kp_invariant_text((enum kp_invariant)i), st->broken[i], true,
			      st->broken_pfn[i]);
}

static uint64_t checks_slack(const struct kp_session *s, const struct kp_check *c)
{
	if (!s->core_path || strcmp(s->core_path, "/proc/kcore") != 0)
		return 0;
	return c->live_slack ? c->live_slack : KP_CHECK_LIVE_SLACK;
}

static bool check_broken(const struct kp_session *s, const struct kp_check *c)
{
	return c->count > checks_slack(s, c);
}

bool kp_checks_hold(const struct kp_session *s, const struct kp_checks *k)
{
	for (int i = 0; i < k->n; i++)
		if (check_broken(s, &k->c[i]))
			return false;
	return true;
}

void kp_checks_warn(const struct kp_session *s, const struct kp_checks *k, int *status)
{
	for (int i = 0; i < k->n; i++) {
		const struct kp_check *c = &k->c[i];
		if (!check_broken(s, c))
			continue;
		char at[48] = "";
		if (c->has_pfn)
			snprintf(at, sizeof(at), ", first at pfn %llu", (unsigned long long)c->pfn);
		fprintf(stderr, "kpage: warning: invariant %s broken: %llu %s%s\n", c->name,
			(unsigned long long)c->count, c->text, at);
		*status = KP_EXIT_INCONSISTENT;
	}
}

void kp_checks_json(const struct kp_session *s, struct kp_out *o, const struct kp_checks *k)
{
	kp_json_kbool(o, "consistent", kp_checks_hold(s, k));
	kp_json_key(o, "invariants");
	kp_json_object_begin(o);
	for (int i = 0; i < k->n; i++) {
		kp_json_key(o, k->c[i].name);
		kp_json_object_begin(o);
		kp_json_kuint(o, "broken", k->c[i].count);
		if (k->c[i].has_pfn)
			kp_json_kuint(o, "first_pfn", k->c[i].pfn);
		kp_json_object_end(o);
	}
	kp_json_object_end(o);
}
