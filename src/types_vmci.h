/* types_vmci.c: type answers from VMCOREINFO's OFFSET/SIZE/LENGTH/NUMBER. */
#ifndef KPAGE_TYPES_VMCI_H
#define KPAGE_TYPES_VMCI_H

#include "kpage/kpage.h"
#include "types.h"

/* Fills TY's answers with what VMCOREINFO text VMCI says of the N MEMBERS. */
void kp_vmci_types_fill(struct kp_types *ty, const char *vmci, const struct kp_vmci_member *members,
			size_t n);

#endif
