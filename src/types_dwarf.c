/* Type layouts from DWARF through libdw. The name index (dwarf_index.c)
 * finds a named struct, union, enum, typedef, variable or enumerator, walking
 * only as many units as it takes; the answers are read from its DIE. */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "dwarf_index.h"
#include "types_dwarf.h"
#include "types_walk.h"
#include "types.h"

struct dwarf_types {
	char *path;
	struct dwarf_index *ix;
	Dwarf *dw;
};

kp_error *kp_dwarf_types_open(const char *path, struct dwarf_types **out)
{
	struct dwarf_types *ty = calloc(1, sizeof(*ty));
	kp_error *err;

	if (!ty || !(ty->path = strdup(path))) {
		free(ty);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	err = kp_dwarf_index_open(path, &ty->ix);
	if (err) {
		kp_dwarf_types_close(ty);
		return err;
	}
	ty->dw = kp_dwarf_index_dwarf(ty->ix);
	*out = ty;
	return NULL;
}

void kp_dwarf_types_close(struct dwarf_types *ty)
{
	if (!ty)
		return;
	kp_dwarf_index_close(ty->ix);
	free(ty->path);
	free(ty);
}

bool kp_dwarf_types_section(struct dwarf_types *ty, const char *name, const void **data,
			 size_t *size)
{
	return kp_dwarf_index_section(ty->ix, name, data, size);
}

void kp_dwarf_types_set_oracle(struct dwarf_types *ty, dwarf_oracle_fn *fn, void *ctx)
{
	kp_dwarf_index_set_oracle(ty->ix, fn, ctx);
}

const char *kp_dwarf_types_path(const struct dwarf_types *ty) { return ty->path; }
Dwarf *kp_dwarf_types_libdw(struct dwarf_types *ty) { return ty->dw; }

/* "struct page", "union x", "enum y" or a typedef name -> its DIE. A bare
 * name may also be a struct or union tag: "page" means struct page. */
bool kp_types_find(struct dwarf_types *ty, const char *type_name, Dwarf_Die *out)
{
	uint8_t kinds[3];
	const char *name;
	size_t nkinds = kp_type_name_kinds(type_name, &name, kinds);
	const struct dwarf_name *e = kp_dwarf_index_find(ty->ix, name, kinds, nkinds, true);
	return e && dwarf_offdie(ty->dw, e->die, out) != NULL;
}

bool kp_dwarf_has(struct dwarf_types *ty, const char *type_name)
{
	Dwarf_Die d;
	return kp_types_find(ty, type_name, &d);
}

/* Strips typedefs and qualifiers. */
bool kp_types_peel(Dwarf_Die *die, Dwarf_Die *out)
{
	*out = *die;
	return dwarf_peel_type(out, out) == 0;
}

bool kp_types_member_type(Dwarf_Die *member, Dwarf_Die *type)
{
	Dwarf_Attribute a;
	return dwarf_attr_integrate(member, DW_AT_type, &a) && dwarf_formref_die(&a, type);
}

uint32_t kp_types_size(Dwarf_Die *type)
{
	Dwarf_Die t;
	Dwarf_Word size;
	if (!kp_types_peel(type, &t))
		return 0;
	if (dwarf_tag(&t) == DW_TAG_pointer_type && !dwarf_hasattr(&t, DW_AT_byte_size))
		return 8;
	if (dwarf_aggregate_size(&t, &size) != 0)
		return 0;
	return (uint32_t)size;
}

uint32_t kp_types_array_count(Dwarf_Die *type)
{
	Dwarf_Die t, sub;
	Dwarf_Attribute a;
	Dwarf_Word v;
	if (!kp_types_peel(type, &t) || dwarf_tag(&t) != DW_TAG_array_type)
		return 0;
	if (dwarf_child(&t, &sub) != 0)
		return 0;
	if (dwarf_attr(&sub, DW_AT_count, &a) && dwarf_formudata(&a, &v) == 0)
		return (uint32_t)v;
	if (dwarf_attr(&sub, DW_AT_upper_bound, &a) && dwarf_formudata(&a, &v) == 0)
		return (uint32_t)v + 1;
	return 0;
}

/* Byte offset, bit offset (from the member's byte offset) and bit size. */
void kp_types_member_location(Dwarf_Die *m, uint32_t *byte_off, uint32_t *bit_off,
			   uint32_t *bit_size)
{
	Dwarf_Attribute a;
	Dwarf_Word v;

	*byte_off = 0;
	*bit_off = 0;
	*bit_size = 0;
	if (dwarf_attr(m, DW_AT_data_member_location, &a) && dwarf_formudata(&a, &v) == 0)
		*byte_off = (uint32_t)v;
	if (dwarf_attr(m, DW_AT_bit_size, &a) && dwarf_formudata(&a, &v) == 0)
		*bit_size = (uint32_t)v;
	if (!*bit_size)
		return;
	if (dwarf_attr(m, DW_AT_data_bit_offset, &a) && dwarf_formudata(&a, &v) == 0) {
		*byte_off = (uint32_t)(v / 8);
		*bit_off = (uint32_t)(v % 8);
	} else if (dwarf_attr(m, DW_AT_bit_offset, &a) && dwarf_formudata(&a, &v) == 0) {
		/* DWARF 2/3: counted from the most significant bit of the storage
		 * unit of DW_AT_byte_size bytes (little-endian target). */
		Dwarf_Word unit = 0;
		Dwarf_Attribute b;
		if (dwarf_attr(m, DW_AT_byte_size, &b))
			dwarf_formudata(&b, &unit);
		uint32_t lsb = (uint32_t)(unit * 8 - v - *bit_size);
		*byte_off += lsb / 8;
		*bit_off = lsb % 8;
	}
}

static bool is_aggregate(Dwarf_Die *t)
{
	int tag = dwarf_tag(t);
	return tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
}

/* The DWARF's side of the member walk (types_walk.c). */
static bool dw_aggregate(void *ctx, const struct kp_tref *t, struct kp_tref *out)
{
	(void)ctx;
	Dwarf_Die d = t->u.die;
	return kp_types_peel(&d, &out->u.die) && is_aggregate(&out->u.die);
}

static void dw_members(void *ctx, const struct kp_tref *agg, kp_member_fn *fn, void *arg)
{
	Dwarf_Die a = agg->u.die, c;
	(void)ctx;
	if (dwarf_child(&a, &c) != 0)
		return;
	do {
		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		struct kp_member_view m = { .name = dwarf_diename(&c) };
		uint32_t boff, bit;
		kp_types_member_location(&c, &boff, &bit, &m.bit_size);
		m.bit_offset = (uint64_t)boff * 8 + bit;
		m.has_type = kp_types_member_type(&c, &m.type.u.die);
		if (fn(arg, &m))
			return;
	} while (dwarf_siblingof(&c, &c) == 0);
}

static uint32_t dw_size(void *ctx, const struct kp_tref *t)
{
	(void)ctx;
	Dwarf_Die d = t->u.die;
	return kp_types_size(&d);
}

static uint32_t dw_count(void *ctx, const struct kp_tref *t)
{
	(void)ctx;
	Dwarf_Die d = t->u.die;
	return kp_types_array_count(&d);
}

static kp_error *no_definition(struct dwarf_types *ty, const char *type_name)
{
	if (kp_dwarf_index_failed(ty->ix))
		return kp_errorf(KP_EXIT_INPUT, "out of memory indexing the DWARF of %s", ty->path);
	return kp_errorf(KP_EXIT_INPUT, "%s: no definition of %s in the debuginfo", ty->path,
			 type_name);
}

kp_error *kp_dwarf_field(struct dwarf_types *ty, const char *type_name,
			 const char *path, struct kp_field *out)
{
	const struct kp_type_loader ld = { ty, "debuginfo", ty->path, dw_aggregate, dw_members,
					   dw_size, dw_count };
	struct kp_tref root;
	Dwarf_Die agg;

	memset(out, 0, sizeof(*out));
	if (!kp_types_find(ty, type_name, &agg))
		return no_definition(ty, type_name);
	if (!kp_types_peel(&agg, &root.u.die))
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot resolve %s", ty->path, type_name);
	return kp_types_walk_field(&ld, &root, type_name, path, out);
}

kp_error *kp_dwarf_sizeof(struct dwarf_types *ty, const char *type_name, uint32_t *size)
{
	Dwarf_Die d;
	if (!kp_types_find(ty, type_name, &d))
		return no_definition(ty, type_name);
	*size = kp_types_size(&d);
	if (!*size)
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot size %s", ty->path, type_name);
	return NULL;
}

static bool enumerator_value(Dwarf_Die *e, bool is_unsigned, int64_t *val)
{
	Dwarf_Attribute a;
	Dwarf_Sword s;
	Dwarf_Word u;
	if (!dwarf_attr(e, DW_AT_const_value, &a))
		return false;
	/* DW_FORM_sdata carries its sign; fixed-size forms take the enum's. */
	if (is_unsigned && dwarf_whatform(&a) != DW_FORM_sdata) {
		if (dwarf_formudata(&a, &u) != 0)
			return false;
		*val = (int64_t)u;
		return true;
	}
	if (dwarf_formsdata(&a, &s) != 0)
		return false;
	*val = s;
	return true;
}

bool kp_dwarf_enumerator(struct dwarf_types *ty, const char *name, int64_t *val)
{
	static const uint8_t kind = DWARF_NAME_ENUMERATOR;
	const struct dwarf_name *e = kp_dwarf_index_find(ty->ix, name, &kind, 1, false);
	Dwarf_Die d;
	return e && dwarf_offdie(ty->dw, e->die, &d) &&
	       enumerator_value(&d, e->unsigned_enum, val);
}

kp_error *kp_dwarf_enum(struct dwarf_types *ty, const char *enum_name,
			struct kp_enumerator **list, size_t *n)
{
	char full[256];
	Dwarf_Die en, c;

	*list = NULL;
	*n = 0;
	snprintf(full, sizeof(full), "enum %s", enum_name);
	if (!kp_types_find(ty, full, &en) || dwarf_child(&en, &c) != 0)
		return NULL;
	bool uns = kp_dwarf_enum_is_unsigned(&en);
	do {
		int64_t v;
		if (dwarf_tag(&c) != DW_TAG_enumerator || !enumerator_value(&c, uns, &v))
			continue;
		struct kp_enumerator *l = realloc(*list, (*n + 1) * sizeof(*l));
		if (!l) {
			kp_enumerators_free(*list, *n);
			*list = NULL;
			*n = 0;
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
		}
		*list = l;
		l[*n].name = strdup(dwarf_diename(&c) ? dwarf_diename(&c) : "?");
		l[*n].value = v;
		(*n)++;
	} while (dwarf_siblingof(&c, &c) == 0);
	return NULL;
}

bool kp_dwarf_var(struct dwarf_types *ty, const char *name, uint32_t *array_len,
		  int *pointer_depth)
{
	static const uint8_t kind = DWARF_NAME_VAR;
	const struct dwarf_name *e = kp_dwarf_index_find(ty->ix, name, &kind, 1, false);
	Dwarf_Die v, t;

	if (!e || !dwarf_offdie(ty->dw, e->die, &v) || !kp_types_member_type(&v, &t))
		return false;
	*array_len = kp_types_array_count(&t);
	Dwarf_Die p;
	if (e->is_decl && !*array_len && kp_types_peel(&t, &p) && dwarf_tag(&p) == DW_TAG_array_type) {
		/* extern struct pglist_data *node_data[]: only the definition
		 * has the bound. */
		const struct dwarf_name *def = kp_dwarf_index_find(ty->ix, name, &kind, 1, true);
		if (def && dwarf_offdie(ty->dw, def->die, &v) && kp_types_member_type(&v, &t))
			*array_len = kp_types_array_count(&t);
	}
	*pointer_depth = 0;
	if (!kp_types_peel(&t, &t))
		return true;
	if (dwarf_tag(&t) == DW_TAG_array_type && !kp_types_member_type(&t, &t))
		return true;
	while (kp_types_peel(&t, &t) && dwarf_tag(&t) == DW_TAG_pointer_type) {
		(*pointer_depth)++;
		if (!kp_types_member_type(&t, &t))
			break;
	}
	return true;
}

