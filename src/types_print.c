/* `layout`: a structure as the debuginfo has it, in pahole's shape (offsets,
 * sizes, holes, every union variant expanded), or as JSON rows. */
#include <dwarf.h>
#include <stdio.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "output.h"
#include "types_dwarf.h"

#define MAX_NAME 256

/* Writes a C spelling of TYPE (without array dimensions) into buf. */
static void type_name(Dwarf_Die *type, char *buf, size_t len, int depth)
{
	const char *n = dwarf_diename(type);
	Dwarf_Die inner;

	if (depth > 16) {
		snprintf(buf, len, "...");
		return;
	}
	switch (dwarf_tag(type)) {
	case DW_TAG_base_type:
	case DW_TAG_typedef:
		snprintf(buf, len, "%s", n ? n : "?");
		return;
	case DW_TAG_structure_type:
		snprintf(buf, len, "struct %s", n ? n : "{...}");
		return;
	case DW_TAG_union_type:
		snprintf(buf, len, "union %s", n ? n : "{...}");
		return;
	case DW_TAG_enumeration_type:
		snprintf(buf, len, "enum %s", n ? n : "{...}");
		return;
	case DW_TAG_subroutine_type:
		snprintf(buf, len, "fn");
		return;
	case DW_TAG_pointer_type:
		if (!types_member_type(type, &inner)) {
			snprintf(buf, len, "void *");
			return;
		}
		if (dwarf_tag(&inner) == DW_TAG_subroutine_type) {
			snprintf(buf, len, "void (*)()");
			return;
		}
		type_name(&inner, buf, len, depth + 1);
		strncat(buf, " *", len - strlen(buf) - 1);
		return;
	case DW_TAG_const_type:
	case DW_TAG_volatile_type:
	case DW_TAG_array_type: {
		char tmp[MAX_NAME];
		const char *q = dwarf_tag(type) == DW_TAG_const_type ? "const " :
				dwarf_tag(type) == DW_TAG_volatile_type ? "volatile " : "";
		if (!types_member_type(type, &inner)) {
			snprintf(buf, len, "%svoid", q);
			return;
		}
		type_name(&inner, tmp, sizeof(tmp), depth + 1);
		snprintf(buf, len, "%s%s", q, tmp);
		return;
	}
	default:
		snprintf(buf, len, "?");
	}
}

/* Array dimensions of TYPE, e.g. "[11]" or "[2][4]". */
static void array_dims(Dwarf_Die *type, char *buf, size_t len)
{
	Dwarf_Die t = *type, sub;
	buf[0] = '\0';
	while (dwarf_tag(&t) == DW_TAG_typedef && types_member_type(&t, &t))
		;
	if (dwarf_tag(&t) != DW_TAG_array_type || dwarf_child(&t, &sub) != 0)
		return;
	do {
		Dwarf_Attribute a;
		Dwarf_Word v = 0;
		char d[32];
		if (dwarf_attr(&sub, DW_AT_count, &a) && dwarf_formudata(&a, &v) == 0)
			snprintf(d, sizeof(d), "[%llu]", (unsigned long long)v);
		else if (dwarf_attr(&sub, DW_AT_upper_bound, &a) && dwarf_formudata(&a, &v) == 0)
			snprintf(d, sizeof(d), "[%llu]", (unsigned long long)v + 1);
		else
			snprintf(d, sizeof(d), "[]");
		strncat(buf, d, len - strlen(buf) - 1);
	} while (dwarf_siblingof(&sub, &sub) == 0);
}

struct print_ctx {
	struct kp_out *out;
	const char *top;      /* the printed type's name */
	unsigned members;
};

static void print_members(struct print_ctx *pc, Dwarf_Die *agg, uint32_t base,
			  int indent, const char *prefix);

static void print_member(struct print_ctx *pc, Dwarf_Die *m, uint32_t base,
			 int indent, const char *prefix)
{
	struct kp_out *o = pc->out;
	const char *name = dwarf_diename(m);
	Dwarf_Die type, peeled;
	uint32_t off, bit, bsz, size;
	char tname[MAX_NAME], dims[64], path[MAX_NAME];

	if (!types_member_type(m, &type))
		return;
	types_member_location(m, &off, &bit, &bsz);
	off += base;
	size = types_size(&type);
	types_peel(&type, &peeled);
	/* Anonymous structs and unions are shown inline, named member or not. */
	bool anon = (dwarf_tag(&type) == DW_TAG_structure_type ||
		     dwarf_tag(&type) == DW_TAG_union_type) && !dwarf_diename(&type);
	snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix && name ? "." : "",
		 name ? name : "");
	if (anon) {
		const char *kw = dwarf_tag(&peeled) == DW_TAG_union_type ? "union" : "struct";
		if (!o->json)
			kp_out_printf(o, "%*s%s {\n", indent * 8, "", kw);
		print_members(pc, &peeled, off, indent + 1, name ? path : prefix);
		if (!o->json)
			kp_out_printf(o, "%*s}%s%s;%*s/* %5u %5u */\n", indent * 8, "",
				      name ? " " : "", name ? name : "",
				      40 - indent * 8 > 0 ? 40 - indent * 8 : 1, "", off, size);
		return;
	}
	pc->members++;
	if (bsz && size) {
		/* Like pahole: the offset of the bitfield's storage unit and the
		 * bit within it. */
		uint32_t bits = off * 8 + bit;
		off = bits / (size * 8) * size;
		bit = bits % (size * 8);
	}
	type_name(&type, tname, sizeof(tname), 0);
	array_dims(&type, dims, sizeof(dims));
	if (o->json) {
		kp_json_object_begin(o);
		kp_json_kstr(o, "type_name", pc->top);
		kp_json_kstr(o, "member", path);
		kp_json_kstr(o, "type", tname);
		kp_json_kuint(o, "offset", off);
		kp_json_kuint(o, "size", size);
		if (bsz) {
			kp_json_kuint(o, "bit_offset", bit);
			kp_json_kuint(o, "bit_size", bsz);
		}
		if (dims[0])
			kp_json_kstr(o, "dims", dims);
		kp_json_object_end(o);
		return;
	}
	char decl[MAX_NAME * 2];
	if (bsz)
		snprintf(decl, sizeof(decl), "%s %s:%u;", tname, name ? name : "", bsz);
	else
		snprintf(decl, sizeof(decl), "%s %s%s;", tname, name ? name : "", dims);
	int pad = 48 - indent * 8 - (int)strlen(decl);
	if (bsz)
		kp_out_printf(o, "%*s%s%*s/* %5u:%2u %3u */\n", indent * 8, "", decl,
			      pad > 1 ? pad : 1, "", off, bit, size);
	else
		kp_out_printf(o, "%*s%s%*s/* %5u %5u */\n", indent * 8, "", decl,
			      pad > 1 ? pad : 1, "", off, size);
}

static void print_members(struct print_ctx *pc, Dwarf_Die *agg, uint32_t base,
			  int indent, const char *prefix)
{
	bool is_struct = dwarf_tag(agg) == DW_TAG_structure_type;
	uint32_t end = base;
	Dwarf_Die c;

	if (dwarf_child(agg, &c) != 0)
		return;
	if (indent > KP_MAX_NESTING) {     /* a type nested in itself (damaged) */
		if (!pc->out->json)
			kp_out_printf(pc->out, "%*s/* ... nested too deep */\n", indent * 8, "");
		return;
	}
	do {
		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		uint32_t off, bit, bsz;
		Dwarf_Die t;
		types_member_location(&c, &off, &bit, &bsz);
		off += base;
		if (is_struct && !bsz && off > end && !pc->out->json)
			kp_out_printf(pc->out, "%*s/* XXX %u bytes hole */\n", indent * 8, "",
				      off - end);
		print_member(pc, &c, base, indent, prefix);
		if (types_member_type(&c, &t) && !bsz && off + types_size(&t) > end)
			end = off + types_size(&t);
		else if (bsz)
			end = off + 1;
	} while (dwarf_siblingof(&c, &c) == 0);
}

kp_error *kp_types_print_layout(struct kp_types *types, const char *type_name_arg,
				struct kp_out *o)
{
	struct dwarf_types *ty;
	kp_error *err = kp_types_dwarf(types, &ty);
	Dwarf_Die d, p;

	if (err)
		return err;
	char full[MAX_NAME];
	struct print_ctx pc = { .out = o, .top = type_name_arg };

	snprintf(full, sizeof(full), "%s", type_name_arg);
	if (!types_find(ty, full, &d)) {
		snprintf(full, sizeof(full), "struct %s", type_name_arg);
		if (!types_find(ty, full, &d))
			return kp_errorf(KP_EXIT_USAGE, "%s: no type named '%s' in the debuginfo",
					 dwarf_types_path(ty), type_name_arg);
	}
	if (!types_peel(&d, &p) || (dwarf_tag(&p) != DW_TAG_structure_type &&
				    dwarf_tag(&p) != DW_TAG_union_type))
		return kp_errorf(KP_EXIT_USAGE, "%s: '%s' is not a struct or union",
				 dwarf_types_path(ty), type_name_arg);
	uint32_t size = types_size(&p);
	const char *name = dwarf_diename(&p);
	const char *kw = dwarf_tag(&p) == DW_TAG_union_type ? "union" : "struct";
	snprintf(full, sizeof(full), "%s %s", kw, name ? name : type_name_arg);
	pc.top = full;
	if (!o->json)
		kp_out_printf(o, "%s {\n", full);
	print_members(&pc, &p, 0, 1, "");
	if (!o->json)
		kp_out_printf(o, "\n\t/* size: %u, cachelines: %u, members: %u */\n};\n",
			      size, (size + 63) / 64, pc.members);
	return NULL;
}
