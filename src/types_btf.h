/* types_btf.c: the BTF side of the types layer (libbpf). */
#ifndef KPAGE_TYPES_BTF_H
#define KPAGE_TYPES_BTF_H

#include "kpage/kpage.h"

struct btf_types;
kp_error *kpbtf_types_open(const char *path, struct btf_types **out);
void kpbtf_types_close(struct btf_types *bt);
bool kpbtf_has(struct btf_types *bt, const char *type_name);
kp_error *kpbtf_field(struct btf_types *bt, const char *type_name, const char *path,
		    struct kp_field *out);
kp_error *kpbtf_sizeof(struct btf_types *bt, const char *type_name, uint32_t *size);
bool kpbtf_enumerator(struct btf_types *bt, const char *name, int64_t *val);
kp_error *kpbtf_enum_list(struct btf_types *bt, const char *enum_name,
			const struct kp_enumerator **list, size_t *n);
bool kpbtf_var(struct btf_types *bt, const char *name, uint32_t *array_len, int *pointer_depth);

#endif
