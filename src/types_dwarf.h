/* libdw helpers shared by types_dwarf.c and types_print.c. */
#ifndef KPAGE_TYPES_DWARF_H
#define KPAGE_TYPES_DWARF_H

#include <elfutils/libdw.h>
#include "kpage/kpage.h"
#include "dwarf_index.h"
#include "types.h"

/* The DWARF side of the types layer (types_dwarf.c); types_cache.c puts a
 * persistent memo in front of it and opens it only when needed. */
struct dwarf_types;
kp_error *kp_dwarf_types_open(const char *path, struct dwarf_types **out);
void kp_dwarf_types_close(struct dwarf_types *ty);
bool kp_dwarf_types_section(struct dwarf_types *ty, const char *name, const void **data,
			 size_t *size);
void kp_dwarf_types_set_oracle(struct dwarf_types *ty, dwarf_oracle_fn *fn, void *ctx);
const char *kp_dwarf_types_path(const struct dwarf_types *ty);
Dwarf *kp_dwarf_types_libdw(struct dwarf_types *ty);
bool kp_dwarf_has(struct dwarf_types *ty, const char *type_name);
kp_error *kp_dwarf_field(struct dwarf_types *ty, const char *type_name, const char *path,
		      struct kp_field *out);
kp_error *kp_dwarf_sizeof(struct dwarf_types *ty, const char *type_name, uint32_t *size);
bool kp_dwarf_enumerator(struct dwarf_types *ty, const char *name, int64_t *val);
/* The enum's enumerators in declaration order, a new list the caller frees
 * (kp_enumerators_free); none when absent. */
kp_error *kp_dwarf_enum(struct dwarf_types *ty, const char *enum_name,
		     struct kp_enumerator **list, size_t *n);
/* A variable's type: from its definition or from a declaration, whichever
 * the index meets first; an array declared without its bound takes it from
 * the definition (length 0 when there is none). */
bool kp_dwarf_var(struct dwarf_types *ty, const char *name, uint32_t *array_len, int *pointer_depth);
/* The DWARF of TY, opened on first use (types_cache.c). */
kp_error *kp_types_dwarf(struct kp_types *ty, struct dwarf_types **out);

bool kp_types_find(struct dwarf_types *ty, const char *type_name, Dwarf_Die *out);
bool kp_types_peel(Dwarf_Die *die, Dwarf_Die *out);
bool kp_types_member_type(Dwarf_Die *member, Dwarf_Die *type);
uint32_t kp_types_size(Dwarf_Die *type);
uint32_t kp_types_array_count(Dwarf_Die *type);
void kp_types_member_location(Dwarf_Die *m, uint32_t *byte_off, uint32_t *bit_off,
			   uint32_t *bit_size);

#endif
