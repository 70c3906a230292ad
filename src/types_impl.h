/* The types layer's state, shared by its answers (types_cache.c) and its
 * memo's file (types_memo.c). */
#ifndef KPAGE_TYPES_IMPL_H
#define KPAGE_TYPES_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "kpage/kpage.h"
#include "types.h"
#include "symbols.h"

/* 2: unsigned enumerators read unsigned (memos of 1 may hold them negative) */
#define MEMO_VERSION "kpage-types-memo 2"

struct memo { char *key, *val; };
/* An enum's list as the memo gave it, kept until close. */
struct enum_list { char *name; struct kp_enumerator *e; size_t n; };

struct kp_types {
	char *path;
	struct dwarf_types *dw;      /* opened on the first miss */
	struct btf_types *bt;        /* BTF instead, when asked or no DWARF */
	bool btf_only;
	bool vmci_only;              /* answers from VMCOREINFO, misses absent */
	/* what the DWARF index asks before it walks on (types_oracle) */
	struct btf_types *oracle_btf;
	bool oracle_btf_tried;
	const struct kp_symbols *syms;
	char build_id[96];
	char memo_path[4096];
	struct memo *m;
	size_t n, cap;
	bool dirty;
	/* enum lists answered from the memo, kept until close */
	struct enum_list *enums;
	size_t nenums;
};

/* types_answers.c: the model's answers by kind, put by the loaders and got
 * by the lookups; get_* return false (or -1) when nothing was answered,
 * else the answer (a stored error in *ERR). */
void kp_answer_put_field(struct kp_types *ty, const char *type, const char *path,
			 const struct kp_field *f, const kp_error *err, bool dirty);
bool kp_answer_get_field(struct kp_types *ty, const char *type, const char *path,
			 struct kp_field *f, kp_error **err);
void kp_answer_put_size(struct kp_types *ty, const char *type, uint32_t size,
			const kp_error *err, bool dirty);
bool kp_answer_get_size(struct kp_types *ty, const char *type, uint32_t *size, kp_error **err);
/* KIND: 'H' a type exists, 'N' an enumerator; get: -1 none, 0 absent, 1 *V */
void kp_answer_put_number(struct kp_types *ty, char kind, const char *name, bool present,
			  int64_t v, bool dirty);
int kp_answer_get_number(struct kp_types *ty, char kind, const char *name, int64_t *v);
void kp_answer_put_var(struct kp_types *ty, const char *name, bool present, uint32_t array_len,
		       int pointer_depth, bool dirty);
int kp_answer_get_var(struct kp_types *ty, const char *name, uint32_t *array_len, int *pointer_depth);
bool kp_answer_put_enum(struct kp_types *ty, const char *enum_name, const struct kp_enumerator *e,
			size_t n, bool dirty);
bool kp_answer_get_enum(struct kp_types *ty, const char *enum_name, struct enum_list *out);
size_t kp_answer_members(struct kp_types *ty, const char *type, const char **names, size_t max);
void kp_answer_put_word(struct kp_types *ty, const char *key, const char *word, bool dirty);
const char *kp_answer_get_word(struct kp_types *ty, const char *key);

/* The memo's answer to KEY (NULL: none), and a new one (DIRTY: to be saved). */
const char *kp_memo_get(struct kp_types *ty, const char *key);
void kp_memo_put(struct kp_types *ty, const char *key, const char *val, bool dirty);
/* The vmlinux's build-id as hex (false: none, so no memo). */
bool kp_memo_read_build_id(const char *path, char *out, size_t len);
void kp_memo_load(struct kp_types *ty);
void kp_memo_save(struct kp_types *ty);

#endif
