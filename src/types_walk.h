/* types_walk.c: the one walk of a member path ("a.b.c", through anonymous
 * structs and unions) for every loader of the types layer: DWARF and BTF
 * each say how to list an aggregate's members, peel a type and size it,
 * and the walk, its offsets and bit arithmetic are written once. */
#ifndef KPAGE_TYPES_WALK_H
#define KPAGE_TYPES_WALK_H

#include <elfutils/libdw.h>

#include "dwarf_index.h"
#include "types.h"

/* "struct page", "union x", "enum y" or a bare name (a typedef, else a
 * struct, else a union): the kinds to look TYPE_NAME up as, in order
 * (DWARF_NAME_* of dwarf_index.h), into KINDS[3]; returns how many, and the
 * name without its keyword in *BARE. One reading for DWARF and BTF. */
size_t kp_type_name_kinds(const char *type_name, const char **bare, uint8_t kinds[3]);

/* A type as its loader names it: a DIE, or a BTF type id. */
struct kp_tref {
	union { Dwarf_Die die; int32_t id; } u;
};

struct kp_member_view {
	const char *name;          /* NULL or "": an anonymous member */
	uint64_t bit_offset;       /* from the start of its aggregate */
	uint32_t bit_size;         /* 0: not a bitfield */
	bool has_type;
	struct kp_tref type;
};

/* Returns true to stop the listing (the member is the one looked for). */
typedef bool kp_member_fn(void *arg, const struct kp_member_view *m);

struct kp_type_loader {
	void *ctx;
	const char *what;          /* "debuginfo", "BTF": for messages */
	const char *path;
	/* T with typedefs and qualifiers stripped, into OUT; whether it is a
	 * struct or union */
	bool (*aggregate)(void *ctx, const struct kp_tref *t, struct kp_tref *out);
	/* FN for each member of the aggregate AGG, in order, until it says stop */
	void (*members)(void *ctx, const struct kp_tref *agg, kp_member_fn *fn, void *arg);
	uint32_t (*size)(void *ctx, const struct kp_tref *t);      /* bytes, 0 unknown */
	uint32_t (*count)(void *ctx, const struct kp_tref *t);     /* array length, 0 */
};

/* PATH inside the aggregate ROOT (named TYPE_NAME in messages): *OUT with
 * present == false when this kernel lacks it. */
kp_error *kp_types_walk_field(const struct kp_type_loader *ld, const struct kp_tref *root,
			      const char *type_name, const char *path, struct kp_field *out);

#endif
