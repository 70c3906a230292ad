/* The pageblock bitmap's shape, from the kernel's own enum pageblock_bits
 * (include/linux/pageblock-flags.h) as the debuginfo has it:
 *   2.6.24 - 6.15: PB_migrate, PB_migrate_end = PB_migrate + 3 - 1,
 *                  PB_migrate_skip (3.7+), NR_PAGEBLOCK_BITS: NR_PAGEBLOCK_BITS
 *                  bits a pageblock, the migratetype in PB_migrate..PB_migrate_end.
 *   6.16+:         PB_migrate_0..2, PB_compact_skip, PB_migrate_isolate
 *                  (MEMORY_ISOLATION), __NR_PAGEBLOCK_BITS: NR_PAGEBLOCK_BITS
 *                  = roundup_pow_of_two(__NR_PAGEBLOCK_BITS) bits a pageblock
 *                  (8 for 5), the migratetype in PB_migrate_0..2, and a set
 *                  PB_migrate_isolate reads as MIGRATE_ISOLATE
 *                  (get_pfnblock_migratetype(), mm/page_alloc.c).
 * An enum of another shape (a bit kpage does not know may change what the
 * others mean) is not read at all: pb_error says why, and the commands that
 * show pageblocks warn and exit 3. Without the enum (types that lack it,
 * VMCOREINFO) the 4-bit rule of 2.6.24 - 6.15 is assumed, and said so. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "types.h"
#include "layout.h"

struct pb_enum {
	const struct kp_enumerator *e;
	size_t n;
};

static bool pb_value(const struct pb_enum *pe, const char *name, int64_t *v)
{
	for (size_t i = 0; i < pe->n; i++)
		if (!strcmp(pe->e[i].name, name)) {
			*v = pe->e[i].value;
			return true;
		}
	return false;
}

/* The first enumerator not in KNOWN, or NULL. */
static const struct kp_enumerator *pb_unknown(const struct pb_enum *pe, const char *const *known)
{
	for (size_t i = 0; i < pe->n; i++) {
		const char *const *k = known;
		while (*k && strcmp(*k, pe->e[i].name))
			k++;
		if (!*k)
			return &pe->e[i];
	}
	return NULL;
}

static uint32_t roundup_pow2(uint32_t v)
{
	uint32_t p = 1;
	while (p < v)
		p <<= 1;
	return p;
}

/* The 6.16+ shape; false (and pb_error) when it does not hold together. */
static bool pb_new_shape(struct kp_types *ty, const struct pb_enum *pe, struct kp_layout *l)
{
	int64_t m0, m1, m2, nr, iso;
	if (!pb_value(pe, "PB_migrate_1", &m1) || !pb_value(pe, "PB_migrate_2", &m2) ||
	    !pb_value(pe, "__NR_PAGEBLOCK_BITS", &nr) || !pb_value(pe, "PB_migrate_0", &m0) ||
	    m1 != m0 + 1 || m2 != m0 + 2 || m0 < 0 || nr <= m2 || nr > 64)
		return false;
	l->pb_stride = roundup_pow2((uint32_t)nr);
	l->pb_mt_shift = (uint32_t)m0;
	l->pb_mt_bits = 3;
	if (pb_value(pe, "PB_migrate_isolate", &iso)) {
		if (iso < 0 || iso >= nr || !kp_types_enumerator(ty, "MIGRATE_ISOLATE", &l->mt_isolate))
			return false;
		l->pb_isolate_bit = (int32_t)iso;
	}
	snprintf(l->pb_source, sizeof(l->pb_source), "%s: enum pageblock_bits, %u bits a "
		 "pageblock (__NR_PAGEBLOCK_BITS %lld), migratetype in bits %lld-%lld%s",
		 kp_types_source(ty), l->pb_stride, (long long)nr, (long long)m0, (long long)m2,
		 l->pb_isolate_bit >= 0 ? ", PB_migrate_isolate reads as MIGRATE_ISOLATE" : "");
	return true;
}

/* The 2.6.24 - 6.15 shape. */
static bool pb_old_shape(struct kp_types *ty, const struct pb_enum *pe, struct kp_layout *l)
{
	int64_t start, end, nr;
	if (!pb_value(pe, "PB_migrate", &start) || !pb_value(pe, "PB_migrate_end", &end) ||
	    !pb_value(pe, "NR_PAGEBLOCK_BITS", &nr) || start < 0 || end < start ||
	    end - start >= 4 || nr <= end || nr > 64)
		return false;
	l->pb_stride = (uint32_t)nr;
	l->pb_mt_shift = (uint32_t)start;
	l->pb_mt_bits = (uint32_t)(end - start + 1);
	snprintf(l->pb_source, sizeof(l->pb_source), "%s: enum pageblock_bits, %u bits a "
		 "pageblock (NR_PAGEBLOCK_BITS), migratetype in bits %lld-%lld",
		 kp_types_source(ty), l->pb_stride, (long long)start, (long long)end);
	return true;
}

kp_error *kp_layout_pageblock(struct kp_types *ty, struct kp_layout *l)
{
	static const char *const known_new[] = { "PB_migrate_0", "PB_migrate_1", "PB_migrate_2",
		"PB_compact_skip", "PB_migrate_isolate", "__NR_PAGEBLOCK_BITS", NULL };
	static const char *const known_old[] = { "PB_migrate", "PB_migrate_end", "PB_migrate_skip",
		"NR_PAGEBLOCK_BITS", NULL };
	struct pb_enum pe;
	const struct kp_enumerator *odd;
	kp_error *err = kp_types_enum(ty, "pageblock_bits", &pe.e, &pe.n);
	int64_t v;

	if (err)
		return err;
	l->pb_isolate_bit = -1;
	l->mt_isolate = -1;
	l->pb_error[0] = '\0';
	if (!pe.n) {
		l->pb_stride = 4;
		l->pb_mt_bits = 3;
		if (!l->msu_pageblock_flags.present && !l->ms_pageblock_flags.present &&
		    !l->zone_pageblock_flags.present)
			snprintf(l->pb_source, sizeof(l->pb_source), "not read: the types from %s "
				 "locate no pageblock bitmap", kp_types_source(ty));
		else
			snprintf(l->pb_source, sizeof(l->pb_source), "era rule, assumed (no enum "
				 "pageblock_bits in the types from %s): 4 bits a pageblock, "
				 "migratetype in bits 0-2", kp_types_source(ty));
		return NULL;
	}
	bool is_new = pb_value(&pe, "PB_migrate_0", &v);
	odd = pb_unknown(&pe, is_new ? known_new : known_old);
	if (!odd && (is_new ? pb_new_shape(ty, &pe, l) : pb_old_shape(ty, &pe, l)))
		return NULL;
	l->pb_stride = l->pb_mt_bits = 0;
	l->pb_isolate_bit = -1;
	if (odd)
		snprintf(l->pb_error, sizeof(l->pb_error), "%s: enum pageblock_bits has %s = %lld, "
			 "which kpage does not know", kp_types_path(ty), odd->name,
			 (long long)odd->value);
	else
		snprintf(l->pb_error, sizeof(l->pb_error), "%s: enum pageblock_bits (%zu "
			 "enumerators, first %s = %lld) has a shape kpage does not know",
			 kp_types_path(ty), pe.n, pe.e[0].name, (long long)pe.e[0].value);
	snprintf(l->pb_source, sizeof(l->pb_source), "not read: %s", l->pb_error);
	return NULL;
}
