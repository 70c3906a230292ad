/* pageblock_order, decided by what the kernel says of it. It is a macro
 * (include/linux/pageblock-flags.h) except where the architecture selects
 * CONFIG_HUGETLB_PAGE_SIZE_VARIABLE (ia64, powerpc: never x86_64), where it
 * is a variable set at boot (set_pageblock_order(), mm/mm_init.c):
 *   variable pageblock_order in the symtab: its value in the dump;
 *   CONFIG_HUGETLB_PAGE: HUGETLB_PAGE_ORDER, on x86_64 HPAGE_SHIFT -
 *     PAGE_SHIFT = PMD_SHIFT - PAGE_SHIFT = PAGE_SHIFT - 3 (a page table
 *     page holds PAGESIZE / 8 entries), capped at the largest buddy order
 *     (min_t() since 6.4; 6.16+ caps it at PAGE_BLOCK_ORDER, a Kconfig value
 *     no debuginfo holds, whose default is the largest order);
 *   else: the largest buddy order (MAX_ORDER - 1; MAX_PAGE_ORDER 6.4+).
 * CONFIG_HUGETLB_PAGE shows as the symbol hstates (mm/hugetlb.c, built only
 * with it) or, without a symtab, VMCOREINFO's NUMBER(HUGETLB_PAGE_DTOR)
 * (4.x - 6.5) or NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE) (6.9+), both written
 * only with it. */
#include <string.h>

#include "internal.h"
#include "memmodel.h"
#include "target.h"
#include "types.h"
#include "layout.h"

/* The variable, read from the dump; false with pb_error set. */
static bool pageblock_order_variable(struct kp_mm *mm, uint64_t addr, uint32_t largest)
{
	struct kp_layout *l = mm->l;
	uint8_t raw[4];         /* int (2.6.24) or unsigned int (3.x+) */
	size_t missing = 0;
	kp_error *err = kp_mm_read(mm, addr, raw, sizeof(raw), &missing);
	uint32_t v = (uint32_t)kp_load(raw, sizeof(raw));

	if (err || missing)
		snprintf(l->pb_error, sizeof(l->pb_error), "%s: the variable pageblock_order "
			 "(0x%llx) is %s", kp_target_path(mm->t), (unsigned long long)addr,
			 err ? kp_error_message(err) : "not in the dump");
	else if (v < 1 || v > largest)
		snprintf(l->pb_error, sizeof(l->pb_error), "%s: the variable pageblock_order is "
			 "%u in the dump, not an order of 1 to %u (damaged?)", kp_target_path(mm->t),
			 v, largest);
	kp_error_free(err);
	if (l->pb_error[0])
		return false;
	l->pageblock_order = v;
	snprintf(l->pageblock_order_source, sizeof(l->pageblock_order_source), "the variable "
		 "pageblock_order in the dump (CONFIG_HUGETLB_PAGE_SIZE_VARIABLE)");
	return true;
}

/* What says CONFIG_HUGETLB_PAGE is set; NULL when nothing does, *known
 * false when nothing could (no symtab and no VMCOREINFO line). */
static const char *hugetlb_evidence(struct kp_mm *mm, bool *known)
{
	uint64_t addr;
	int64_t v;

	*known = true;
	if (mm->syms)
		return kp_mm_symbol(mm, "hstates", &addr) ? "the symbol hstates" : NULL;
	if (kp_vmcoreinfo_number(mm->vmci, "NUMBER(HUGETLB_PAGE_DTOR)", &v))
		return "VMCOREINFO NUMBER(HUGETLB_PAGE_DTOR)";
	if (kp_vmcoreinfo_number(mm->vmci, "NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE)", &v))
		return "VMCOREINFO NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE)";
	*known = false;
	return NULL;
}

void kp_mm_pageblock_order(struct kp_mm *mm)
{
	struct kp_layout *l = mm->l;
	uint32_t largest = l->nr_orders ? l->nr_orders - 1 : 0, hpage_order = 0;
	char *src = l->pageblock_order_source;
	size_t n = sizeof(l->pageblock_order_source);
	uint64_t addr;
	bool known;

	for (uint32_t entries = KP_PAGE_SIZE / 8; entries > 1; entries >>= 1)
		hpage_order++;
	if (mm->syms && kp_mm_symbol(mm, "pageblock_order", &addr)) {
		if (!pageblock_order_variable(mm, addr, largest)) {
			l->pb_stride = 0;      /* no pageblock is read */
			snprintf(src, n, "not known: %s", l->pb_error);
		}
		return;
	}
	const char *hugetlb = hugetlb_evidence(mm, &known);
	if (hugetlb || !known) {
		l->pageblock_order = hpage_order < largest ? hpage_order : largest;
		snprintf(src, n, "HUGETLB_PAGE_ORDER (PMD_SHIFT - PAGE_SHIFT, PAGESIZE %u)%s, "
			 "CONFIG_HUGETLB_PAGE %s%s", KP_PAGE_SIZE,
			 hpage_order > largest ? " capped at the largest order" : "",
			 hugetlb ? "from " : "assumed: no symtab, no VMCOREINFO hugetlb number",
			 hugetlb ? hugetlb : "");
	} else {
		l->pageblock_order = largest;
		snprintf(src, n, "the largest buddy order (zone.free_area[] has %u): no "
			 "CONFIG_HUGETLB_PAGE (no symbol hstates)", l->nr_orders);
	}
}
