/* `layout`'s rows, whichever types they come from (types_print_rows.c), and
 * the walks over DWARF (types_print.c) and BTF (types_print_btf.c). */
#ifndef KPAGE_TYPES_PRINT_H
#define KPAGE_TYPES_PRINT_H

#include <stdbool.h>
#include <stdint.h>

#include "kpage/kpage.h"
#include "output.h"
#include "types.h"

#define MAX_NAME 256

struct layout_printer {
	struct kp_out *out;
	char top[MAX_NAME];   /* "struct page": the printed type */
	unsigned members;
};

void kp_layout_row_begin(struct layout_printer *lp, struct kp_out *o, bool is_union, const char *name);
void kp_layout_row_end(struct layout_printer *lp, uint32_t size);
/* True (and said) when INDENT is deeper than any real type nests. */
bool kp_layout_row_too_deep(struct layout_printer *lp, int indent);
void kp_layout_row_hole(struct layout_printer *lp, int indent, uint32_t bytes);
void kp_layout_row_anon_begin(struct layout_printer *lp, int indent, bool is_union);
void kp_layout_row_anon_end(struct layout_printer *lp, int indent, const char *name, uint32_t off,
		     uint32_t size);
/* A member at bit BIT_POS from the printed type's start (a bitfield of BSZ
 * bits, or BSZ 0), of SIZE bytes; PATH its dotted name through anonymous
 * members, TNAME its C type, DIMS its array dimensions ("" for none). */
void kp_layout_row_member(struct layout_printer *lp, int indent, const char *path, const char *name,
		   const char *tname, const char *dims, uint32_t bit_pos, uint32_t bsz, uint32_t size);

kp_error *kp_types_print_layout_btf(struct kp_types *ty, const char *type_name, struct kp_out *o);
/* --vmcoreinfo-only: what VMCOREINFO has of the type, in one error line. */
kp_error *kp_types_vmci_layout_refusal(struct kp_types *ty, const char *type_name);

#endif
