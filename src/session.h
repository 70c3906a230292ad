/* A kpage session: what the command line named, opened on first use. */
#ifndef KPAGE_SESSION_H
#define KPAGE_SESSION_H

#include "memmodel.h"
#include "owner.h"
#include "output.h"
#include "layout.h"
#include "target.h"
#include "types.h"
#include "symbols.h"

struct kp_session {
	char *vmlinux_path;
	const char *btf_path;      /* types from BTF; symbols from its symtab, else VMCOREINFO and kallsyms */
	const char *core_path;
	bool json, force, verbose;
	bool core_given, vmlinux_given, btf_given;   /* on the command line */
	bool vmci_only;            /* --vmcoreinfo-only: types from VMCOREINFO */
	char inferred[256];        /* how facts missing from the types were found */
	struct kp_target *t;
	struct kp_types *ty;
	struct kp_symbols *syms;
	struct kp_layout layout;
	struct kp_mm mm;
	bool mm_open;
	bool pb_warned;            /* the pageblock warning was printed */
	struct kp_owners *owners;  /* opened by the first command that names owners */
	struct kp_out out;
};

kp_error *kp_session_open_types(struct kp_session *s);
kp_error *kp_session_open_core(struct kp_session *s);
void kp_session_close(struct kp_session *s);
/* The owners (slab caches, files, memcgs), opened on first use. */
kp_error *kp_session_owners(struct kp_session *s, struct kp_owners **out);
/* For commands that show pageblock migratetypes: when enum pageblock_bits
 * has a shape kpage does not know (none is read), one warning line (once a
 * session) and *status 3. */
void kp_session_check_pageblocks(struct kp_session *s, int *status);

#endif
