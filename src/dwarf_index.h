/* The DWARF name index, built only as far as the lookups need it
 * (dwarf_index.c). */
#ifndef KPAGE_DWARF_INDEX_H
#define KPAGE_DWARF_INDEX_H

#include <elfutils/libdw.h>
#include <stdbool.h>
#include <stdint.h>

#include "kpage/kpage.h"

enum dwarf_name_kind {
	DWARF_NAME_STRUCT, DWARF_NAME_UNION, DWARF_NAME_ENUM, DWARF_NAME_TYPEDEF,
	DWARF_NAME_VAR, DWARF_NAME_ENUMERATOR,
};

struct dwarf_name {
	char *name;           /* NULL: empty slot */
	uint8_t kind;         /* enum dwarf_name_kind */
	bool is_decl;
	bool unsigned_enum;   /* an enumerator whose enum's type is unsigned */
	Dwarf_Off die;        /* for an enumerator, the enumerator's DIE */
};

/* Whether the kernel has a definition (a variable: a declaration or a
 * definition) of NAME of KIND anywhere; false sends a lookup back at once
 * instead of walking every unit to prove the name absent. */
typedef bool dwarf_oracle_fn(void *ctx, enum dwarf_name_kind kind, const char *name);

struct dwarf_index;
kp_error *kp_dwarf_index_open(const char *path, struct dwarf_index **out);
void kp_dwarf_index_close(struct dwarf_index *ix);
Dwarf *kp_dwarf_index_dwarf(const struct dwarf_index *ix);
void kp_dwarf_index_set_oracle(struct dwarf_index *ix, dwarf_oracle_fn *fn, void *ctx);
/* NAME as one of the NKINDS KINDS (the first kind found wins), indexing
 * more units until it is there; DEFINITION: a declaration will not do.
 * NULL when the kernel has none (or the index ran out of memory:
 * kp_dwarf_index_failed says which). */
const struct dwarf_name *kp_dwarf_index_find(struct dwarf_index *ix, const char *name,
					  const uint8_t *kinds, size_t nkinds, bool definition);
bool kp_dwarf_index_failed(const struct dwarf_index *ix);
/* The bytes of the file's section NAME, where the index maps them (false
 * when it does not, or there is no such section); _done gives their pages
 * back once they have been read. */
bool kp_dwarf_index_section(const struct dwarf_index *ix, const char *name, const void **data,
			 size_t *size);
void kp_dwarf_index_section_done(const void *data, size_t size);
/* Whether enum EN's values are unsigned (its underlying type says so). */
bool kp_dwarf_enum_is_unsigned(Dwarf_Die *en);
/* How many of its units the index has walked, of how many (KPAGE_DEBUG). */
void kp_dwarf_index_progress(const struct dwarf_index *ix, size_t *walked, size_t *units);

#endif
