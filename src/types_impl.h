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
	struct enum_list { char *name; struct kp_enumerator *e; size_t n; } *enums;
	size_t nenums;
};

/* The memo's answer to KEY (NULL: none), and a new one (DIRTY: to be saved). */
const char *kp_memo_get(struct kp_types *ty, const char *key);
void kp_memo_put(struct kp_types *ty, const char *key, const char *val, bool dirty);
/* The vmlinux's build-id as hex (false: none, so no memo). */
bool kp_memo_read_build_id(const char *path, char *out, size_t len);
void kp_memo_load(struct kp_types *ty);
void kp_memo_save(struct kp_types *ty);

#endif
