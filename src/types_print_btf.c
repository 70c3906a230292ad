/* `layout` from BTF: the walk of types_print.c over BTF's types, making the
 * same rows (types_print_rows.c), so that a BTF layout reads as the DWARF
 * one and as pahole -F btf. */
#include <bpf/btf.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "types_btf.h"
#include "types_print.h"
#include "types.h"

/* Type tags (__rcu, __user, __percpu) are BTF's alone: DWARF, and so
 * the DWARF layout, has none. */
static const struct btf_type *skip_tags(const struct btf *btf, uint32_t *id)
{
	const struct btf_type *t = btf__type_by_id(btf, *id);
	for (int i = 0; t && btf_is_type_tag(t) && i < 16; i++) {
		*id = t->type;
		t = btf__type_by_id(btf, *id);
	}
	return t;
}

static const char *name_of(const struct btf *btf, const struct btf_type *t)
{
	const char *n = btf__name_by_offset(btf, t->name_off);
	return n && *n ? n : NULL;
}

/* A C spelling of type ID (without array dimensions). */
static void type_name(const struct btf *btf, uint32_t id, char *buf, size_t len, int depth)
{
	const struct btf_type *t = id ? skip_tags(btf, &id) : NULL;
	const char *n = t ? name_of(btf, t) : NULL;
	char tmp[MAX_NAME];

	if (depth > 16) {
		snprintf(buf, len, "...");
		return;
	}
	if (!t) {
		snprintf(buf, len, "void");
		return;
	}
	switch (btf_kind(t)) {
	case BTF_KIND_INT: case BTF_KIND_FLOAT: case BTF_KIND_TYPEDEF:
		snprintf(buf, len, "%s", n ? n : "?");
		return;
	case BTF_KIND_STRUCT: case BTF_KIND_UNION: case BTF_KIND_ENUM: case BTF_KIND_ENUM64:
	case BTF_KIND_FWD: {
		bool un = btf_is_union(t) || (btf_is_fwd(t) && btf_kflag(t));
		snprintf(buf, len, "%s %s", btf_is_any_enum(t) ? "enum" : un ? "union" : "struct",
			 n ? n : "{...}");
		return;
	}
	case BTF_KIND_FUNC_PROTO:
		snprintf(buf, len, "fn");
		return;
	case BTF_KIND_PTR: {
		uint32_t inner = t->type;
		const struct btf_type *it = inner ? skip_tags(btf, &inner) : NULL;
		if (!it) {
			snprintf(buf, len, "void *");
			return;
		}
		if (btf_is_func_proto(it)) {
			snprintf(buf, len, "void (*)()");
			return;
		}
		type_name(btf, inner, buf, len, depth + 1);
		strncat(buf, " *", len - strlen(buf) - 1);
		return;
	}
	case BTF_KIND_CONST: case BTF_KIND_VOLATILE: case BTF_KIND_ARRAY: {
		const char *q = btf_is_const(t) ? "const " : btf_is_volatile(t) ? "volatile " : "";
		type_name(btf, btf_is_array(t) ? btf_array(t)->type : t->type, tmp, sizeof(tmp),
			  depth + 1);
		snprintf(buf, len, "%s%s", q, tmp);
		return;
	}
	default:
		snprintf(buf, len, "?");
	}
}

/* Array dimensions of type ID, e.g. "[11]" or "[2][4]". */
static void array_dims(const struct btf *btf, uint32_t id, char *buf, size_t len)
{
	const struct btf_type *t = skip_tags(btf, &id);
	buf[0] = '\0';
	while (t && btf_is_typedef(t)) {
		id = t->type;
		t = skip_tags(btf, &id);
	}
	for (int i = 0; t && btf_is_array(t) && i < 8; i++) {
		char d[32];
		/* BTF has a length 0 for both x[] and x[0]: written as C99's x[] */
		if (btf_array(t)->nelems)
			snprintf(d, sizeof(d), "[%u]", btf_array(t)->nelems);
		else
			snprintf(d, sizeof(d), "[]");
		strncat(buf, d, len - strlen(buf) - 1);
		id = btf_array(t)->type;
		t = skip_tags(btf, &id);
	}
}

static uint32_t type_size(const struct btf *btf, uint32_t id)
{
	long long size = btf__resolve_size(btf, id);
	return size > 0 ? (uint32_t)size : 0;
}

static void print_members(struct layout_printer *lp, const struct btf *btf,
			  const struct btf_type *agg, uint32_t base_bits, int indent,
			  const char *prefix)
{
	const struct btf_member *m = btf_members(agg);
	uint32_t end = base_bits / 8;

	if (!btf_vlen(agg) || kp_layout_row_too_deep(lp, indent))
		return;
	for (uint16_t i = 0; i < btf_vlen(agg); i++, m++) {
		uint32_t bits = base_bits + btf_member_bit_offset(agg, i);
		uint32_t bsz = btf_member_bitfield_size(agg, i), off = bits / 8;
		uint32_t tid = m->type, size = type_size(btf, m->type);
		const struct btf_type *t = skip_tags(btf, &tid);
		const char *name = btf__name_by_offset(btf, m->name_off);
		char tname[MAX_NAME], dims[64], path[MAX_NAME];

		if (!t)
			continue;
		name = name && *name ? name : NULL;
		if (btf_is_struct(agg) && !bsz && off > end)
			kp_layout_row_hole(lp, indent, off - end);
		snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix && name ? "." : "",
			 name ? name : "");
		if (btf_is_composite(t) && !name_of(btf, t)) {
			kp_layout_row_anon_begin(lp, indent, btf_is_union(t));
			print_members(lp, btf, t, bits, indent + 1, name ? path : prefix);
			kp_layout_row_anon_end(lp, indent, name, off, size);
		} else {
			type_name(btf, m->type, tname, sizeof(tname), 0);
			array_dims(btf, m->type, dims, sizeof(dims));
			kp_layout_row_member(lp, indent, path, name, tname, dims, bits, bsz, size);
		}
		if (!bsz && off + size > end)
			end = off + size;
		else if (bsz)
			end = off + 1;
	}
}

kp_error *kp_types_print_layout_btf(struct kp_types *ty, const char *type_name_arg,
				    struct kp_out *o)
{
	struct btf_types *bt;
	kp_error *err = kp_types_btf(ty, &bt);
	char full[MAX_NAME];

	if (err)
		return err;
	const struct btf *btf = kp_btf_btf(bt);
	snprintf(full, sizeof(full), "%s", type_name_arg);
	int id = kp_btf_find_type(bt, full);
	if (id <= 0) {
		snprintf(full, sizeof(full), "struct %s", type_name_arg);
		id = kp_btf_find_type(bt, full);
	}
	if (id <= 0)
		return kp_errorf(KP_EXIT_USAGE, "%s: no type named '%s' in the BTF",
				 kp_types_path(ty), type_name_arg);
	uint32_t tid = (uint32_t)id;
	const struct btf_type *t = skip_tags(btf, &tid);
	while (t && (btf_is_typedef(t) || btf_is_mod(t))) {
		tid = t->type;
		t = skip_tags(btf, &tid);
	}
	if (!t || !btf_is_composite(t))
		return kp_errorf(KP_EXIT_USAGE, "%s: '%s' is not a struct or union",
				 kp_types_path(ty), type_name_arg);
	struct layout_printer lp;
	const char *name = name_of(btf, t);
	kp_layout_row_begin(&lp, o, btf_is_union(t), name ? name : type_name_arg);
	print_members(&lp, btf, t, 0, 1, "");
	kp_layout_row_end(&lp, type_size(btf, tid));
	return NULL;
}
