/* The types layer: structure layouts and enumerators of the kernel, from
 * DWARF, BTF or VMCOREINFO, behind one lookup. */
#ifndef KPAGE_TYPES_H
#define KPAGE_TYPES_H

#include "internal.h"

/* ---- types: layouts from DWARF ------------------------------------------ */
struct kp_types;
kp_error *kp_types_open(const char *path, struct kp_types **out);
/* Types from BTF only: a raw BTF file (/sys/kernel/btf/vmlinux) or an ELF
 * with a .BTF section. */
kp_error *kp_types_open_btf(const char *path, struct kp_types **out);
/* A member VMCOREINFO places (OFFSET(type.member), LENGTH() for arrays),
 * with the width its C type has had in every kernel that exports it: the
 * layout layer's facts table says which (kp_layout_vmcoreinfo_types). An
 * array of structs takes its element size from the SIZE() of ELEM_SIZEOF. */
struct kp_vmci_member {
	const char *type, *member;          /* "page", "_refcount" */
	uint32_t size, elem_size;
	const char *elem_sizeof;            /* "struct zone", or NULL */
};
/* Types from the dump's VMCOREINFO alone (OFFSET/SIZE/LENGTH/NUMBER lines)
 * for the N MEMBERS named: what it does not say is absent. LABEL names the
 * source in messages. */
kp_error *kp_types_open_vmcoreinfo(const char *vmcoreinfo, const char *label,
				   const struct kp_vmci_member *members, size_t n,
				   struct kp_types **out);
/* "DWARF", "DWARF (types memo)", "BTF" or "VMCOREINFO": where the answers
 * come from. */
const char *kp_types_source(const struct kp_types *ty);
void kp_types_close(struct kp_types *ty);
const char *kp_types_path(const struct kp_types *ty);

/* A member of a structure as the debuginfo has it. Bitfields have
 * bit_size != 0, and bit_offset counts from the start of the structure. */
struct kp_field {
	bool present;
	uint32_t offset;   /* bytes from the start of the outer struct */
	uint32_t size;     /* bytes */
	uint32_t bit_offset, bit_size;
	uint32_t count;    /* array length, 0 if not an array */
	uint32_t elem_size;
};

/* Resolves "a.b.c" inside "struct NAME" (anonymous unions/structs are
 * searched through). Absent members come back with present == false. */
kp_error *kp_types_field(struct kp_types *ty, const char *type_name,
			 const char *path, struct kp_field *out);
kp_error *kp_types_sizeof(struct kp_types *ty, const char *type_name,
			  uint32_t *size);
bool kp_types_has(struct kp_types *ty, const char *type_name);
/* Value of an enumerator (any enum), false when absent. */
bool kp_types_enumerator(struct kp_types *ty, const char *name, int64_t *val);
struct kp_enumerator { const char *name; int64_t value; };
/* Answers kept in the types' memo under KEY that are not type facts (a
 * symbol's address, a function's local): the memo's word for KEY, or NULL;
 * a new one, saved at close. */
const char *kp_types_memo_get(struct kp_types *ty, const char *key);
void kp_types_memo_note(struct kp_types *ty, const char *key, const char *val);
/* Frees a list of N enumerators that a loader made (names included). */
void kp_enumerators_free(struct kp_enumerator *list, size_t n);
/* Enumerators of "enum NAME" in declaration order; *n = 0 when absent. */
kp_error *kp_types_enum(struct kp_types *ty, const char *enum_name,
			const struct kp_enumerator **list, size_t *n);
/* Whether function FUNC (in the unit whose name ends with UNIT) has a local
 * variable LOCAL in the DWARF: 1 yes, 0 no, -1 cannot tell (no DWARF, no
 * such function). */
int kp_types_function_local(struct kp_types *ty, const char *unit, const char *func,
			    const char *local);
/* Array length of the type of global variable NAME (0 if not an array),
 * and whether its type is a pointer-to-pointer (e.g. mem_section). */
bool kp_types_var(struct kp_types *ty, const char *name, uint32_t *array_len,
		  int *pointer_depth);
/* Prints the layout of TYPE like pahole to FILE. */
struct kp_out;
kp_error *kp_types_print_layout(struct kp_types *ty, const char *type_name,
				struct kp_out *out);

/* A member's value; a bitfield is read from the bytes it spans only (none
 * past its last: the types layer holds every member within its struct). */
static inline uint64_t kp_field_load(const uint8_t *base, const struct kp_field *f)
{
	if (!f->present)
		return 0;
	if (f->bit_size) {
		uint32_t shift = f->bit_offset % 8, bits = f->bit_size > 64 ? 64 : f->bit_size;
		uint32_t bytes = (shift + bits + 7) / 8;
		const uint8_t *p = base + f->bit_offset / 8;
		uint64_t w = kp_load(p, bytes > 8 ? 8 : bytes) >> shift;
		if (bytes > 8)          /* a 64-bit field that starts mid-byte */
			w |= (uint64_t)p[8] << (64 - shift);
		return bits >= 64 ? w : w & ((UINT64_C(1) << bits) - 1);
	}
	return kp_load(base + f->offset, f->size);
}

#endif
