/* `layout`: a structure as the debuginfo has it, in pahole's shape (offsets,
 * sizes, holes, every union variant expanded), or as JSON rows: the DWARF
 * walk here, the BTF one in types_print_btf.c, the rows in
 * types_print_rows.c. */
#include <dwarf.h>
#include <stdio.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "output.h"
#include "types_dwarf.h"
#include "types_print.h"
#include "types.h"


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
		if (!kp_types_member_type(type, &inner)) {
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
		if (!kp_types_member_type(type, &inner)) {
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
	while (dwarf_tag(&t) == DW_TAG_typedef && kp_types_member_type(&t, &t))
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

/* A member's row, or an anonymous struct/union's braces, as the DWARF
 * has them; the rows' shape is types_print_rows.c's. */
static void print_members(struct layout_printer *lp, Dwarf_Die *agg, uint32_t base,
			  int indent, const char *prefix);

static void print_member(struct layout_printer *lp, Dwarf_Die *m, uint32_t base,
			 int indent, const char *prefix)
{
	const char *name = dwarf_diename(m);
	Dwarf_Die type, peeled;
	uint32_t off, bit, bsz, size;
	char tname[MAX_NAME], dims[64], path[MAX_NAME];

	if (!kp_types_member_type(m, &type))
		return;
	kp_types_member_location(m, &off, &bit, &bsz);
	off += base;
	size = kp_types_size(&type);
	kp_types_peel(&type, &peeled);
	snprintf(path, sizeof(path), "%s%s%s", prefix, *prefix && name ? "." : "",
		 name ? name : "");
	/* Anonymous structs and unions are shown inline, named member or not. */
	if ((dwarf_tag(&type) == DW_TAG_structure_type || dwarf_tag(&type) == DW_TAG_union_type) &&
	    !dwarf_diename(&type)) {
		kp_layout_row_anon_begin(lp, indent, dwarf_tag(&peeled) == DW_TAG_union_type);
		print_members(lp, &peeled, off, indent + 1, name ? path : prefix);
		kp_layout_row_anon_end(lp, indent, name, off, size);
		return;
	}
	type_name(&type, tname, sizeof(tname), 0);
	array_dims(&type, dims, sizeof(dims));
	kp_layout_row_member(lp, indent, path, name, tname, dims, off * 8 + bit, bsz, size);
}

static void print_members(struct layout_printer *lp, Dwarf_Die *agg, uint32_t base,
			  int indent, const char *prefix)
{
	bool is_struct = dwarf_tag(agg) == DW_TAG_structure_type;
	uint32_t end = base;
	Dwarf_Die c;

	if (dwarf_child(agg, &c) != 0 || kp_layout_row_too_deep(lp, indent))
		return;
	do {
		if (dwarf_tag(&c) != DW_TAG_member)
			continue;
		uint32_t off, bit, bsz;
		Dwarf_Die t;
		kp_types_member_location(&c, &off, &bit, &bsz);
		off += base;
		if (is_struct && !bsz && off > end)
			kp_layout_row_hole(lp, indent, off - end);
		print_member(lp, &c, base, indent, prefix);
		if (kp_types_member_type(&c, &t) && !bsz && off + kp_types_size(&t) > end)
			end = off + kp_types_size(&t);
		else if (bsz)
			end = off + 1;
	} while (dwarf_siblingof(&c, &c) == 0);
}

static kp_error *print_layout_dwarf(struct kp_types *types, const char *type_name_arg,
				    struct kp_out *o)
{
	struct dwarf_types *ty;
	kp_error *err = kp_types_dwarf(types, &ty);
	Dwarf_Die d, p;

	if (err)
		return err;
	char full[MAX_NAME];
	snprintf(full, sizeof(full), "%s", type_name_arg);
	if (!kp_types_find(ty, full, &d)) {
		snprintf(full, sizeof(full), "struct %s", type_name_arg);
		if (!kp_types_find(ty, full, &d))
			return kp_errorf(KP_EXIT_USAGE, "%s: no type named '%s' in the debuginfo",
					 kp_dwarf_types_path(ty), type_name_arg);
	}
	if (!kp_types_peel(&d, &p) || (dwarf_tag(&p) != DW_TAG_structure_type &&
				    dwarf_tag(&p) != DW_TAG_union_type))
		return kp_errorf(KP_EXIT_USAGE, "%s: '%s' is not a struct or union",
				 kp_dwarf_types_path(ty), type_name_arg);
	const char *name = dwarf_diename(&p);
	struct layout_printer lp;
	kp_layout_row_begin(&lp, o, dwarf_tag(&p) == DW_TAG_union_type, name ? name : type_name_arg);
	print_members(&lp, &p, 0, 1, "");
	kp_layout_row_end(&lp, kp_types_size(&p));
	return NULL;
}

kp_error *kp_types_print_layout(struct kp_types *types, const char *type_name, struct kp_out *o)
{
	const char *src = kp_types_source(types);
	if (!strcmp(src, "VMCOREINFO"))
		return kp_types_vmci_layout_refusal(types, type_name);
	if (!strcmp(src, "BTF"))
		return kp_types_print_layout_btf(types, type_name, o);
	return print_layout_dwarf(types, type_name, o);
}
