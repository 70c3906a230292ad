/* Type layouts from DWARF through libdw. One pass over the top-level DIEs of
 * every compilation unit indexes named structs, unions, enums, typedefs,
 * variables and enumerators (first definition wins: the kernel's types are
 * the same in every unit that includes them). Lookups then go straight to
 * the DIE. */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "types_dwarf.h"

enum idx_kind { IDX_STRUCT, IDX_UNION, IDX_ENUM, IDX_TYPEDEF, IDX_VAR, IDX_ENUMERATOR };

struct idx_entry {
	char *name;           /* NULL: empty slot */
	uint8_t kind;
	bool is_decl;
	bool unsigned_enum;   /* IDX_ENUMERATOR: its enum's type is unsigned */
	Dwarf_Off die;        /* for IDX_ENUMERATOR, the enumerator DIE */
};

struct dwarf_types {
	char *path;
	int fd;
	Dwarf *dw;
	struct idx_entry *slots;
	size_t nslots, used;
	/* enum lists handed out by kp_types_enum, kept until close */
	struct enum_cache { char *name; struct kp_enumerator *list; size_t n; } *enums;
	size_t nenums;
};

static uint64_t idx_hash(const char *s, uint8_t kind)
{
	uint64_t h = 1469598103934665603ull ^ kind;
	while (*s)
		h = (h ^ (uint8_t)*s++) * 1099511628211ull;
	return h;
}

static struct idx_entry *idx_slot(struct dwarf_types *ty, const char *name, uint8_t kind)
{
	size_t i = idx_hash(name, kind) & (ty->nslots - 1);
	while (ty->slots[i].name) {
		if (ty->slots[i].kind == kind && strcmp(ty->slots[i].name, name) == 0)
			return &ty->slots[i];
		i = (i + 1) & (ty->nslots - 1);
	}
	return &ty->slots[i];
}

static bool idx_grow(struct dwarf_types *ty)
{
	struct idx_entry *old = ty->slots;
	size_t oldn = ty->nslots;

	ty->nslots = oldn ? oldn * 2 : 1 << 16;
	ty->slots = calloc(ty->nslots, sizeof(*ty->slots));
	if (!ty->slots)
		return false;
	for (size_t i = 0; i < oldn; i++)
		if (old[i].name)
			*idx_slot(ty, old[i].name, old[i].kind) = old[i];
	free(old);
	return true;
}

static bool idx_add(struct dwarf_types *ty, const char *name, uint8_t kind,
		    Dwarf_Off off, bool is_decl)
{
	struct idx_entry *e;

	if ((ty->used + 1) * 2 > ty->nslots && !idx_grow(ty))
		return false;
	e = idx_slot(ty, name, kind);
	if (e->name) {
		/* A definition replaces a declaration seen earlier. */
		if (e->is_decl && !is_decl) {
			e->die = off;
			e->is_decl = false;
		}
		return true;
	}
	e->name = strdup(name);
	if (!e->name)
		return false;
	e->kind = kind;
	e->die = off;
	e->is_decl = is_decl;
	ty->used++;
	return true;
}

static bool die_is_decl(Dwarf_Die *die)
{
	bool flag = false;
	Dwarf_Attribute a;
	if (dwarf_attr(die, DW_AT_declaration, &a))
		dwarf_formflag(&a, &flag);
	return flag;
}

/* Whether the enum's values are unsigned: its underlying type (DWARF 3+)
 * says so. GCC writes PGTY_buddy = 0xf0 of enum pagetype as a one-byte
 * DW_FORM_data1, which a signed read would turn into -16. */
static bool enum_is_unsigned(Dwarf_Die *en)
{
	Dwarf_Attribute a;
	Dwarf_Die t;
	Dwarf_Word enc;
	if (!dwarf_attr_integrate(en, DW_AT_type, &a) || !dwarf_formref_die(&a, &t) ||
	    dwarf_peel_type(&t, &t) != 0 || !dwarf_attr(&t, DW_AT_encoding, &a) ||
	    dwarf_formudata(&a, &enc) != 0)
		return false;
	return enc == DW_ATE_unsigned || enc == DW_ATE_unsigned_char || enc == DW_ATE_boolean;
}

static bool index_enumerators(struct dwarf_types *ty, Dwarf_Die *en)
{
	Dwarf_Die c;
	bool uns = enum_is_unsigned(en);
	if (dwarf_child(en, &c) != 0)
		return true;
	do {
		const char *n = dwarf_diename(&c);
		if (dwarf_tag(&c) == DW_TAG_enumerator && n) {
			if (!idx_add(ty, n, IDX_ENUMERATOR, dwarf_dieoffset(&c), false))
				return false;
			struct idx_entry *e = idx_slot(ty, n, IDX_ENUMERATOR);
			if (e->die == dwarf_dieoffset(&c))
				e->unsigned_enum = uns;   /* the entry is this one */
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return true;
}

static bool index_die(struct dwarf_types *ty, Dwarf_Die *die)
{
	const char *name = dwarf_diename(die);
	int tag = dwarf_tag(die);
	uint8_t kind;

	switch (tag) {
	case DW_TAG_structure_type: kind = IDX_STRUCT; break;
	case DW_TAG_union_type: kind = IDX_UNION; break;
	case DW_TAG_enumeration_type:
		if (!die_is_decl(die) && !index_enumerators(ty, die))
			return false;
		kind = IDX_ENUM;
		break;
	case DW_TAG_typedef: kind = IDX_TYPEDEF; break;
	case DW_TAG_variable: kind = IDX_VAR; break;
	default: return true;
	}
	if (!name)
		return true;
	return idx_add(ty, name, kind, dwarf_dieoffset(die), die_is_decl(die));
}

static kp_error *types_build_index(struct dwarf_types *ty)
{
	Dwarf_Off off = 0, next;
	size_t hsize;

	while (dwarf_nextcu(ty->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu, c;
		if (dwarf_offdie(ty->dw, off + hsize, &cu) && dwarf_child(&cu, &c) == 0) {
			do {
				if (!index_die(ty, &c))
					return kp_errorf(KP_EXIT_INPUT, "out of memory indexing %s", ty->path);
			} while (dwarf_siblingof(&c, &c) == 0);
		}
		off = next;
	}
	if (ty->used == 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: DWARF has no types", ty->path);
	return NULL;
}

kp_error *dwarf_types_open(const char *path, struct dwarf_types **out)
{
	struct dwarf_types *ty = calloc(1, sizeof(*ty));
	kp_error *err;

	if (!ty)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ty->path = strdup(path);
	ty->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (ty->fd < 0) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
		goto fail;
	}
	ty->dw = dwarf_begin(ty->fd, DWARF_C_READ);
	if (!ty->dw) {
		/* libdw's reason, unless it only says the same again. */
		const char *why = dwarf_errmsg(-1);
		bool same = !why || !strcmp(why, "no DWARF information");
		err = kp_errorf(KP_EXIT_INPUT,
			"%s: no DWARF debug info%s%s%s; use the vmlinux with debug info, "
			"e.g. /usr/lib/debug/boot/vmlinux-RELEASE from Debian's "
			"linux-image-RELEASE-dbg package", path, same ? "" : " (",
			same ? "" : why, same ? "" : ")");
		goto fail;
	}
	err = types_build_index(ty);
	if (err)
		goto fail;
	*out = ty;
	return NULL;
fail:
	dwarf_types_close(ty);
	return err;
}

void dwarf_types_close(struct dwarf_types *ty)
{
	if (!ty)
		return;
	for (size_t i = 0; i < ty->nslots; i++)
		free(ty->slots[i].name);
	free(ty->slots);
	for (size_t i = 0; i < ty->nenums; i++) {
		for (size_t j = 0; j < ty->enums[i].n; j++)
			free((char *)ty->enums[i].list[j].name);
		free(ty->enums[i].list);
		free(ty->enums[i].name);
	}
	free(ty->enums);
	if (ty->dw)
		dwarf_end(ty->dw);
	if (ty->fd >= 0)
		close(ty->fd);
	free(ty->path);
	free(ty);
}

const char *dwarf_types_path(const struct dwarf_types *ty) { return ty->path; }

/* "struct page", "union x", "enum y" or a typedef name -> its DIE. */
bool types_find(struct dwarf_types *ty, const char *type_name, Dwarf_Die *out)
{
	uint8_t kind = IDX_TYPEDEF;
	const char *name = type_name;
	struct idx_entry *e;

	if (strncmp(name, "struct ", 7) == 0) { kind = IDX_STRUCT; name += 7; }
	else if (strncmp(name, "union ", 6) == 0) { kind = IDX_UNION; name += 6; }
	else if (strncmp(name, "enum ", 5) == 0) { kind = IDX_ENUM; name += 5; }
	if (!ty->nslots)
		return false;
	e = idx_slot(ty, name, kind);
	if (!e->name && kind == IDX_TYPEDEF) {
		/* A bare name may be a struct tag: "page" means struct page. */
		e = idx_slot(ty, name, IDX_STRUCT);
		if (!e->name)
			e = idx_slot(ty, name, IDX_UNION);
	}
	if (!e->name || e->is_decl)
		return false;
	return dwarf_offdie(ty->dw, e->die, out) != NULL;
}

bool dwarf_has(struct dwarf_types *ty, const char *type_name)
{
	Dwarf_Die d;
	return types_find(ty, type_name, &d);
}

/* Strips typedefs and qualifiers. */
bool types_peel(Dwarf_Die *die, Dwarf_Die *out)
{
	*out = *die;
	return dwarf_peel_type(out, out) == 0;
}

bool types_member_type(Dwarf_Die *member, Dwarf_Die *type)
{
	Dwarf_Attribute a;
	return dwarf_attr_integrate(member, DW_AT_type, &a) && dwarf_formref_die(&a, type);
}

uint32_t types_size(Dwarf_Die *type)
{
	Dwarf_Die t;
	Dwarf_Word size;
	if (!types_peel(type, &t))
		return 0;
	if (dwarf_tag(&t) == DW_TAG_pointer_type && !dwarf_hasattr(&t, DW_AT_byte_size))
		return 8;
	if (dwarf_aggregate_size(&t, &size) != 0)
		return 0;
	return (uint32_t)size;
}

uint32_t types_array_count(Dwarf_Die *type)
{
	Dwarf_Die t, sub;
	Dwarf_Attribute a;
	Dwarf_Word v;
	if (!types_peel(type, &t) || dwarf_tag(&t) != DW_TAG_array_type)
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
void types_member_location(Dwarf_Die *m, uint32_t *byte_off, uint32_t *bit_off,
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

/* Finds NAME among the members of aggregate AGG, searching anonymous members
 * too; fills *member and its byte offset from AGG's start. */
static bool types_find_member(Dwarf_Die *agg, const char *name, size_t nlen,
			      Dwarf_Die *member, uint32_t *off, int depth)
{
	Dwarf_Die c;
	if (depth > KP_MAX_NESTING || dwarf_child(agg, &c) != 0)
		return false;
	do {
		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		const char *n = dwarf_diename(&c);
		uint32_t boff, bit, bsz;
		types_member_location(&c, &boff, &bit, &bsz);
		if (n && strlen(n) == nlen && strncmp(n, name, nlen) == 0) {
			*member = c;
			*off = boff;
			return true;
		}
		Dwarf_Die t, p;
		if (!n && types_member_type(&c, &t) && types_peel(&t, &p) && is_aggregate(&p)) {
			uint32_t inner;
			if (types_find_member(&p, name, nlen, member, &inner, depth + 1)) {
				*off = boff + inner;
				return true;
			}
		}
	} while (dwarf_siblingof(&c, &c) == 0);
	return false;
}

kp_error *dwarf_field(struct dwarf_types *ty, const char *type_name,
			 const char *path, struct kp_field *out)
{
	Dwarf_Die agg, member, mtype;
	uint32_t total = 0;
	const char *p = path;

	memset(out, 0, sizeof(*out));
	if (!types_find(ty, type_name, &agg))
		return kp_errorf(KP_EXIT_INPUT, "%s: no definition of %s in the debuginfo",
				 ty->path, type_name);
	if (!types_peel(&agg, &agg))
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot resolve %s", ty->path, type_name);
	for (;;) {
		const char *dot = strchr(p, '.');
		size_t nlen = dot ? (size_t)(dot - p) : strlen(p);
		uint32_t off;
		if (!is_aggregate(&agg) || !types_find_member(&agg, p, nlen, &member, &off, 0))
			return NULL;       /* absent in this kernel */
		total += off;
		if (!types_member_type(&member, &mtype))
			return kp_errorf(KP_EXIT_INPUT, "%s: %s.%s has no type", ty->path,
					 type_name, path);
		if (!dot)
			break;
		if (!types_peel(&mtype, &agg))
			return NULL;
		p = dot + 1;
	}
	uint32_t boff, bit, bsz;
	types_member_location(&member, &boff, &bit, &bsz);
	out->present = true;
	out->offset = total;
	out->size = types_size(&mtype);
	if (bsz) {
		out->bit_size = bsz;
		out->bit_offset = total * 8 + bit;
	}
	out->count = types_array_count(&mtype);
	out->elem_size = out->count ? out->size / out->count : out->size;
	return NULL;
}

kp_error *dwarf_sizeof(struct dwarf_types *ty, const char *type_name, uint32_t *size)
{
	Dwarf_Die d;
	if (!types_find(ty, type_name, &d))
		return kp_errorf(KP_EXIT_INPUT, "%s: no definition of %s in the debuginfo",
				 ty->path, type_name);
	*size = types_size(&d);
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

bool dwarf_enumerator(struct dwarf_types *ty, const char *name, int64_t *val)
{
	struct idx_entry *e;
	Dwarf_Die d;
	if (!ty->nslots)
		return false;
	e = idx_slot(ty, name, IDX_ENUMERATOR);
	return e->name && dwarf_offdie(ty->dw, e->die, &d) &&
	       enumerator_value(&d, e->unsigned_enum, val);
}

kp_error *dwarf_enum(struct dwarf_types *ty, const char *enum_name,
			const struct kp_enumerator **list, size_t *n)
{
	char full[256];
	Dwarf_Die en, c;
	struct enum_cache *ec;

	*list = NULL;
	*n = 0;
	for (size_t i = 0; i < ty->nenums; i++)
		if (strcmp(ty->enums[i].name, enum_name) == 0) {
			*list = ty->enums[i].list;
			*n = ty->enums[i].n;
			return NULL;
		}
	snprintf(full, sizeof(full), "enum %s", enum_name);
	if (!types_find(ty, full, &en) || dwarf_child(&en, &c) != 0)
		return NULL;
	ec = realloc(ty->enums, (ty->nenums + 1) * sizeof(*ec));
	if (!ec)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ty->enums = ec;
	ec = &ty->enums[ty->nenums++];
	memset(ec, 0, sizeof(*ec));
	ec->name = strdup(enum_name);
	bool uns = enum_is_unsigned(&en);
	do {
		int64_t v;
		if (dwarf_tag(&c) != DW_TAG_enumerator || !enumerator_value(&c, uns, &v))
			continue;
		struct kp_enumerator *l = realloc(ec->list, (ec->n + 1) * sizeof(*l));
		if (!l)
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
		ec->list = l;
		l[ec->n].name = strdup(dwarf_diename(&c) ? dwarf_diename(&c) : "?");
		l[ec->n].value = v;
		ec->n++;
	} while (dwarf_siblingof(&c, &c) == 0);
	*list = ec->list;
	*n = ec->n;
	return NULL;
}

bool dwarf_var(struct dwarf_types *ty, const char *name, uint32_t *array_len,
		  int *pointer_depth)
{
	struct idx_entry *e;
	Dwarf_Die v, t;

	if (!ty->nslots)
		return false;
	e = idx_slot(ty, name, IDX_VAR);
	if (!e->name || !dwarf_offdie(ty->dw, e->die, &v) || !types_member_type(&v, &t))
		return false;
	*array_len = types_array_count(&t);
	*pointer_depth = 0;
	if (!types_peel(&t, &t))
		return true;
	if (dwarf_tag(&t) == DW_TAG_array_type && !types_member_type(&t, &t))
		return true;
	while (types_peel(&t, &t) && dwarf_tag(&t) == DW_TAG_pointer_type) {
		(*pointer_depth)++;
		if (!types_member_type(&t, &t))
			break;
	}
	return true;
}

