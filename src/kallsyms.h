/* Symbols from the kernel's kallsyms tables in the dump (kallsyms.c). */
#ifndef KPAGE_KALLSYMS_H
#define KPAGE_KALLSYMS_H

#include <stdbool.h>
#include <stdint.h>
#include "kpage/kpage.h"

struct kp_mm;
struct kp_kallsyms;
/* Reads and indexes every name; an error when VMCOREINFO does not name the
 * tables, they are not in the dump, or they disagree with VMCOREINFO. */
kp_error *kp_kallsyms_load(struct kp_mm *mm, struct kp_kallsyms **out);
/* The run-time address of NAME (the first global one of that name). */
bool kp_kallsyms_lookup(const struct kp_kallsyms *ks, const char *name, uint64_t *addr);
/* How the addresses were read, and the VMCOREINFO lines that bear it out. */
const char *kp_kallsyms_rule(const struct kp_kallsyms *ks);
uint32_t kp_kallsyms_count(const struct kp_kallsyms *ks);
void kp_kallsyms_free(struct kp_kallsyms *ks);

#endif
