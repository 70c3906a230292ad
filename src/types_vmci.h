/* types_vmci.c: type answers from VMCOREINFO's OFFSET/SIZE/LENGTH/NUMBER. */
#ifndef KPAGE_TYPES_VMCI_H
#define KPAGE_TYPES_VMCI_H

#include "kpage/kpage.h"
#include "types.h"

/* The memo's answer for KEY, or NULL; a new answer, saved at close. */
const char *kp_types_memo_get(struct kp_types *ty, const char *key);
void kp_types_memo_note(struct kp_types *ty, const char *key, const char *val);
/* Fills TY's answers with what VMCOREINFO text VMCI says of the N MEMBERS. */
void kp_vmci_types_fill(struct kp_types *ty, const char *vmci, const struct kp_vmci_member *members,
			size_t n);

#endif
