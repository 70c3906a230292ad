/* mm_infer.c (the memory model layer): layout facts proven from the dump when the types lack them. */
#ifndef KPAGE_MM_INFER_H
#define KPAGE_MM_INFER_H

#include "memmodel.h"
#include "layout.h"

/* Places the zone field of page->flags (VMCOREINFO-only mode) by the pages
 * on the free lists; HOW receives a one-line account. */
kp_error *kp_infer_zone_field(struct kp_mm *mm, struct kp_layout *l, char *how, size_t len);

#endif
