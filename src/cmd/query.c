/* Filters over decoded pages. Flag names are the kernel's own (enum
 * pageflags, aliases included); types are page classes plus head, tail and
 * buddy. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "query.h"
#include "types.h"

const char *const kp_query_type_names[] = {
	"buddy", "free", "slab", "anon", "ksm", "file", "movable", "pagetable", "hugetlb",
	"reserved", "offline", "guard", "unreferenced", "kernel", "missing", "head", "tail",
	"compound", NULL,
};

bool kp_parse_u64(const char *s, uint64_t *v)
{
	char *end;
	if (!s || !*s || *s == '-')
		return false;
	*v = strtoull(s, &end, 0);
	return *end == '\0';
}

/* "0 DMA, 1 DMA32, 2 Normal": the zone indices and names the dump has. */
static void zone_list(const struct kp_mm *mm, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (uint32_t idx = 0; idx < KP_MAX_ZONES_PER_NODE; idx++)
		for (uint32_t i = 0; i < mm->nr_zones && n < len; i++)
			if (mm->zones[i].index == idx) {
				n += (size_t)snprintf(buf + n, len - n, "%s%u %s", n ? ", " : "", idx,
						      mm->zones[i].name);
				break;
			}
}

kp_error *kp_query_node(const struct kp_mm *mm, const char *cmd, const char *arg, int64_t *node)
{
	char list[256] = "";
	size_t n = 0;
	uint64_t v;

	if (!kp_parse_u64(arg, &v))
		return kp_errorf(KP_EXIT_USAGE, "%s: --node %s is not a number", cmd, arg);
	for (uint32_t i = 0; i < mm->nr_nodes; i++) {
		if (mm->nodes[i].id == v) {
			*node = (int64_t)v;
			return NULL;
		}
		if (n < sizeof(list))
			n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%u", i ? ", " : "",
					      mm->nodes[i].id);
	}
	return kp_errorf(KP_EXIT_USAGE, "%s: --node %s is out of range (valid: %s)", cmd, arg, list);
}

kp_error *kp_query_zone(const struct kp_mm *mm, const char *cmd, const char *arg, int64_t *index)
{
	char list[512];
	uint64_t v;
	bool number = kp_parse_u64(arg, &v);

	for (uint32_t i = 0; i < mm->nr_zones; i++)
		if (number ? mm->zones[i].index == v : !strcasecmp(mm->zones[i].name, arg)) {
			*index = mm->zones[i].index;
			return NULL;
		}
	zone_list(mm, list, sizeof(list));
	return kp_errorf(KP_EXIT_USAGE, number ? "%s: --zone %s is out of range (valid: %s)" :
			 "%s: --zone %s: no such zone (valid: %s)", cmd, arg, list);
}

static kp_error *parse_cmp(const char *opt, const char *arg, struct kp_cmp *c)
{
	const char *p = arg;
	char *end;

	memset(c, 0, sizeof(*c));
	size_t n = strspn(p, "<>=!");
	if (n > 2)
		return kp_errorf(KP_EXIT_USAGE, "%s: bad comparison '%s'", opt, arg);
	memcpy(c->op, p, n);
	if (!n)
		strcpy(c->op, "=");
	if (strcmp(c->op, "==") == 0)
		strcpy(c->op, "=");
	if (strcmp(c->op, "=") && strcmp(c->op, "!=") && strcmp(c->op, "<") &&
	    strcmp(c->op, "<=") && strcmp(c->op, ">") && strcmp(c->op, ">="))
		return kp_errorf(KP_EXIT_USAGE, "%s: bad operator in '%s' (use = != < <= > >=)", opt, arg);
	c->value = strtoll(p + n, &end, 0);
	if (end == p + n || *end)
		return kp_errorf(KP_EXIT_USAGE, "%s: '%s' is not a number", opt, p + n);
	c->set = true;
	return NULL;
}

static bool cmp_holds(const struct kp_cmp *c, int64_t v)
{
	if (!c->set) return true;
	if (!strcmp(c->op, "=")) return v == c->value;
	if (!strcmp(c->op, "!=")) return v != c->value;
	if (!strcmp(c->op, "<")) return v < c->value;
	if (!strcmp(c->op, "<=")) return v <= c->value;
	if (!strcmp(c->op, ">")) return v > c->value;
	return v >= c->value;
}

static kp_error *parse_flag(struct kp_session *s, const char *name, uint64_t *mask)
{
	char full[96];
	int64_t v;
	snprintf(full, sizeof(full), "PG_%s", strncmp(name, "PG_", 3) ? name : name + 3);
	if (kp_types_enumerator(s->ty, full, &v) && v >= 0 && v < 64) {
		*mask |= 1ull << v;
		return NULL;
	}
	return kp_errorf(KP_EXIT_USAGE, "--flag: this kernel has no page flag '%s'", name);
}

static kp_error *parse_range(const char *arg, struct kp_query *q)
{
	char buf[128], *dash;
	snprintf(buf, sizeof(buf), "%s", arg);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (!kp_parse_u64(buf, &q->pfn_lo) ||
	    (dash ? !kp_parse_u64(dash + 1, &q->pfn_hi) : (q->pfn_hi = q->pfn_lo, false)))
		return kp_errorf(KP_EXIT_USAGE, "--pfn: '%s' is not N or N-M", arg);
	q->pfn_hi++;    /* inclusive end */
	if (q->pfn_hi <= q->pfn_lo)
		return kp_errorf(KP_EXIT_USAGE, "--pfn: empty range '%s'", arg);
	return NULL;
}

static bool known_type(const char *t)
{
	for (int i = 0; kp_query_type_names[i]; i++)
		if (!strcmp(t, kp_query_type_names[i]))
			return true;
	return false;
}

kp_error *kp_query_parse(struct kp_session *s, int argc, char **argv, struct kp_query *q)
{
	kp_error *err = NULL;
	memset(q, 0, sizeof(*q));
	q->pfn_hi = UINT64_MAX;
	q->node = q->zone = q->order = -1;
	for (int i = 1; i < argc && !err; i++) {
		const char *o = argv[i];
		const char *a = i + 1 < argc ? argv[i + 1] : NULL;
		uint64_t v;
		if (!strcmp(o, "--count")) { q->count = true; continue; }
		if (!a)
			return kp_errorf(KP_EXIT_USAGE, "pages: %s needs a value", o);
		i++;
		if (!strcmp(o, "--pfn")) err = parse_range(a, q);
		else if (!strcmp(o, "--node")) err = kp_query_node(&s->mm, "pages", a, &q->node);
		else if (!strcmp(o, "--zone")) err = kp_query_zone(&s->mm, "pages", a, &q->zone);
		else if (!strcmp(o, "--flag")) err = parse_flag(s, a, &q->flags_set);
		else if (!strcmp(o, "--no-flag")) err = parse_flag(s, a, &q->flags_clear);
		else if (!strcmp(o, "--type")) {
			if (!known_type(a))
				return kp_errorf(KP_EXIT_USAGE, "--type: unknown type '%s'", a);
			if (q->ntypes == KP_QUERY_MAX_TYPES)
				return kp_errorf(KP_EXIT_USAGE, "--type: too many");
			q->types[q->ntypes++] = a;
		}
		else if (!strcmp(o, "--order") && kp_parse_u64(a, &v)) q->order = (int64_t)v;
		else if (!strcmp(o, "--refcount")) err = parse_cmp(o, a, &q->refcount);
		else if (!strcmp(o, "--mapcount")) err = parse_cmp(o, a, &q->mapcount);
		else if (!strcmp(o, "--limit") && kp_parse_u64(a, &v)) q->limit = v;
		else
			return kp_errorf(KP_EXIT_USAGE, "pages: %s %s is not a number", o, a);
	}
	if (!err && q->pfn_lo >= s->mm.max_pfn)
		return kp_errorf(KP_EXIT_USAGE, "pages: --pfn %llu is out of range (valid: 0..%llu)",
				 (unsigned long long)q->pfn_lo, (unsigned long long)s->mm.max_pfn - 1);
	return err;
}

static bool type_holds(const char *t, const struct kp_page *p, enum kp_class c)
{
	if (!strcmp(t, "buddy")) return p->type == KP_TYPE_BUDDY;
	if (!strcmp(t, "head")) return p->compound == KP_COMPOUND_HEAD;
	if (!strcmp(t, "tail")) return p->compound == KP_COMPOUND_TAIL;
	if (!strcmp(t, "compound")) return p->compound != KP_COMPOUND_NONE;
	if (!strcmp(t, "hugetlb")) return p->hugetlb || c == KP_CLASS_HUGETLB;
	return !strcmp(t, kp_class_name(c));
}

bool kp_query_match(const struct kp_session *s, const struct kp_query *q,
		    const struct kp_page *p, enum kp_class c)
{
	(void)s;
	if (p->pfn < q->pfn_lo || p->pfn >= q->pfn_hi)
		return false;
	if (q->node >= 0 && p->node != (uint64_t)q->node)
		return false;
	if (q->zone >= 0 && p->zone != (uint64_t)q->zone)
		return false;
	if ((p->flags & q->flags_set) != q->flags_set || (p->flags & q->flags_clear))
		return false;
	for (int i = 0; i < q->ntypes; i++)
		if (!type_holds(q->types[i], p, c))
			return false;
	if (q->order >= 0 && p->order != q->order)
		return false;
	return cmp_holds(&q->refcount, p->refcount) &&
	       cmp_holds(&q->mapcount, kp_page_mapcount(p));
}
