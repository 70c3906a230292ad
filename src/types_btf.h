/* types_btf.c: the BTF side of the types layer (libbpf). */
#ifndef KPAGE_TYPES_BTF_H
#define KPAGE_TYPES_BTF_H

#include "kpage/kpage.h"
#include "types.h"

struct btf_types;
kp_error *kp_btf_types_open(const char *path, struct btf_types **out);
/* BTF from the bytes of a .BTF section (libbpf copies them); LABEL names it
 * in messages. */
kp_error *kp_btf_types_open_mem(const char *label, const void *data, size_t size,
			       struct btf_types **out);
void kp_btf_types_close(struct btf_types *bt);
bool kp_btf_has(struct btf_types *bt, const char *type_name);
kp_error *kp_btf_field(struct btf_types *bt, const char *type_name, const char *path,
		    struct kp_field *out);
kp_error *kp_btf_sizeof(struct btf_types *bt, const char *type_name, uint32_t *size);
bool kp_btf_enumerator(struct btf_types *bt, const char *name, int64_t *val);
/* As kp_dwarf_enum: a new list the caller frees (kp_enumerators_free). */
kp_error *kp_btf_enum_list(struct btf_types *bt, const char *enum_name,
			struct kp_enumerator **list, size_t *n);
/* Whether BTF has NAME as a struct, union, enum, typedef or enumerator
 * (KIND: enum dwarf_name_kind); true when it cannot tell. */
bool kp_btf_name_known(struct btf_types *bt, int kind, const char *name);
/* A type's BTF id (0 or less: none), named as kp_btf_has takes it. */
int kp_btf_find_type(struct btf_types *bt, const char *type_name);
struct btf;
const struct btf *kp_btf_btf(const struct btf_types *bt);
/* The BTF of TY when its types come from BTF (types_cache.c). */
kp_error *kp_types_btf(struct kp_types *ty, struct btf_types **out);
bool kp_btf_var(struct btf_types *bt, const char *name, uint32_t *array_len, int *pointer_depth);

#endif
