/* Page filters for `pages` (and scripts): every condition given must hold. */
#ifndef KPAGE_QUERY_H
#define KPAGE_QUERY_H

#include "scan.h"
#include "session.h"

struct kp_cmp { bool set; char op[3]; int64_t value; };

#define KP_QUERY_MAX_TYPES 8

struct kp_query {
	uint64_t pfn_lo, pfn_hi;          /* [lo, hi) */
	int64_t node, zone;               /* -1: any */
	uint64_t flags_set, flags_clear;
	const char *types[KP_QUERY_MAX_TYPES];
	int ntypes;
	int64_t order;                    /* -1: any */
	struct kp_cmp refcount, mapcount;
	bool count;
	uint64_t limit;                   /* 0: no limit */
};

/* Parses a pfn or address: decimal, or hex with 0x. */
bool kp_parse_u64(const char *s, uint64_t *v);
/* Parses ARGV (options after the command name). Needs the session's layout
 * (flag names) and zones (zone names). */
kp_error *kp_query_parse(struct kp_session *s, int argc, char **argv, struct kp_query *q);
/* --node N and --zone NAME|N must name a node or a populated zone of the
 * dump (the zone as its index); the errors name CMD, the value and the
 * valid ones. */
kp_error *kp_query_node(const struct kp_mm *mm, const char *cmd, const char *arg, int64_t *node);
kp_error *kp_query_zone(const struct kp_mm *mm, const char *cmd, const char *arg, int64_t *index);
bool kp_query_match(const struct kp_session *s, const struct kp_query *q,
		    const struct kp_page *p, enum kp_class c);
/* The type names --type accepts, for help and completion. */
extern const char *const kp_query_type_names[];

#endif
