/* libdw helpers shared by types_dwarf.c and types_print.c. */
#ifndef KPAGE_TYPES_DWARF_H
#define KPAGE_TYPES_DWARF_H

#include <elfutils/libdw.h>
#include "kpage/kpage.h"

bool types_find(struct kp_types *ty, const char *type_name, Dwarf_Die *out);
bool types_peel(Dwarf_Die *die, Dwarf_Die *out);
bool types_member_type(Dwarf_Die *member, Dwarf_Die *type);
uint32_t types_size(Dwarf_Die *type);
uint32_t types_array_count(Dwarf_Die *type);
void types_member_location(Dwarf_Die *m, uint32_t *byte_off, uint32_t *bit_off,
			   uint32_t *bit_size);

#endif
