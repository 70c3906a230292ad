/* The invariants a command's scan checked, reported the same way by every
 * command: one warning line per broken invariant on stderr (its name, the
 * count, the first pfn), "consistent" and "invariants" in JSON, and exit 3.
 * A live kernel (/proc/kcore) moves while it is read: a few pages there
 * (KP_CHECK_LIVE_SLACK) are not an inconsistency. */
#ifndef KPAGE_CHECKS_H
#define KPAGE_CHECKS_H

#include "scan.h"
#include "session.h"
#include "types.h"

#define KP_CHECK_MAX 8
#define KP_CHECK_LIVE_SLACK 64

struct kp_check {
	const char *name, *text;
	uint64_t count;     /* pages (or units the text names) that break it */
	uint64_t pfn;       /* the first of them, when has_pfn */
	bool has_pfn;
	uint64_t live_slack;   /* on a live kernel; 0: KP_CHECK_LIVE_SLACK */
};

struct kp_checks {
	struct kp_check c[KP_CHECK_MAX];
	int n;
};

/* The scan's invariants (kp_scan_stats) into K. */
void kp_checks_from_scan(struct kp_checks *k, const struct kp_scan_stats *st);
void kp_checks_add(struct kp_checks *k, const char *name, const char *text, uint64_t count,
		   bool has_pfn, uint64_t pfn);
/* Whether every check holds (within the live slack). */
bool kp_checks_hold(const struct kp_session *s, const struct kp_checks *k);
/* One warning line per broken check, on stderr; raises *status to 3. */
void kp_checks_warn(const struct kp_session *s, const struct kp_checks *k, int *status);
/* "consistent": bool and "invariants": {NAME: {"broken": N, "first_pfn": P}}. */
void kp_checks_json(const struct kp_session *s, struct kp_out *o, const struct kp_checks *k);

#endif
