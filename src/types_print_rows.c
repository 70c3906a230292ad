/* `layout`'s rows in pahole's shape (offsets, sizes, holes, every union
 * variant expanded), or as JSON objects, whichever types they come from. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "types_print.h"
#include "types.h"

void kp_layout_row_begin(struct layout_printer *lp, struct kp_out *o, bool is_union, const char *name)
{
	memset(lp, 0, sizeof(*lp));
	lp->out = o;
	snprintf(lp->top, sizeof(lp->top), "%s %s", is_union ? "union" : "struct", name);
	if (!o->json)
		kp_out_printf(o, "%s {\n", lp->top);
}

void kp_layout_row_end(struct layout_printer *lp, uint32_t size)
{
	if (!lp->out->json)
		kp_out_printf(lp->out, "\n\t/* size: %u, cachelines: %u, members: %u */\n};\n",
			      size, (size + 63) / 64, lp->members);
}

bool kp_layout_row_too_deep(struct layout_printer *lp, int indent)
{
	if (indent <= KP_MAX_NESTING)
		return false;
	/* a type nested in itself (damaged) */
	if (!lp->out->json)
		kp_out_printf(lp->out, "%*s/* ... nested too deep */\n", indent * 8, "");
	return true;
}

void kp_layout_row_hole(struct layout_printer *lp, int indent, uint32_t bytes)
{
	if (!lp->out->json)
		kp_out_printf(lp->out, "%*s/* XXX %u bytes hole */\n", indent * 8, "", bytes);
}

void kp_layout_row_anon_begin(struct layout_printer *lp, int indent, bool is_union)
{
	if (!lp->out->json)
		kp_out_printf(lp->out, "%*s%s {\n", indent * 8, "", is_union ? "union" : "struct");
}

void kp_layout_row_anon_end(struct layout_printer *lp, int indent, const char *name, uint32_t off,
		     uint32_t size)
{
	if (!lp->out->json)
		kp_out_printf(lp->out, "%*s}%s%s;%*s/* %5u %5u */\n", indent * 8, "",
			      name ? " " : "", name ? name : "",
			      40 - indent * 8 > 0 ? 40 - indent * 8 : 1, "", off, size);
}

void kp_layout_row_member(struct layout_printer *lp, int indent, const char *path, const char *name,
		   const char *tname, const char *dims, uint32_t bit_pos, uint32_t bsz, uint32_t size)
{
	struct kp_out *o = lp->out;
	uint32_t off = bit_pos / 8, bit = bit_pos % 8;

	lp->members++;
	if (bsz && size) {
		/* Like pahole: the offset of the bitfield's storage unit and the
		 * bit within it. */
		off = bit_pos / (size * 8) * size;
		bit = bit_pos % (size * 8);
	}
	if (o->json) {
		kp_json_object_begin(o);
		kp_json_kstr(o, "type_name", lp->top);
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
