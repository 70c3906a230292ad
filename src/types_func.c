/* Facts of a function's DWARF: whether it has a local variable of a given
 * name. Some rules live only in code, and the code changed without a type
 * changing (__zone_watermark_ok lost its local alloc_harder in 6.3); the
 * function's own DIE is the one witness the debuginfo keeps. */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <stdio.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "types_dwarf.h"
#include "types.h"

/* Whether the subprogram FUNC among the children of CU has LOCAL: 1 yes,
 * 0 no, -1 FUNC is not there. An inlined function keeps its abstract DIE
 * with the locals; concrete copies (DW_AT_abstract_origin) are skipped. */
static int cu_function_local(Dwarf_Die *cu, const char *func, const char *local)
{
	Dwarf_Die die, child;
	int found = -1;

	if (dwarf_child(cu, &die) != 0)
		return -1;
	do {
		const char *name = dwarf_diename(&die);
		if (dwarf_tag(&die) != DW_TAG_subprogram || !name || strcmp(name, func) ||
		    !dwarf_hasattr(&die, DW_AT_name))
			continue;
		found = found < 0 ? 0 : found;
		if (dwarf_child(&die, &child) != 0)
			continue;     /* a declaration */
		do {
			const char *v = dwarf_diename(&child);
			if (dwarf_tag(&child) == DW_TAG_variable && v && !strcmp(v, local))
				return 1;
		} while (dwarf_siblingof(&child, &child) == 0);
	} while (dwarf_siblingof(&die, &die) == 0);
	return found;
}

/* Looks in the units whose name ends with UNIT (mm/page_alloc.c), or in
 * every unit when none does (a fixture's single unit). */
static int dwarf_function_local(Dwarf *dw, const char *unit, const char *func, const char *local)
{
	int answer = -1;
	for (int pass = 0; pass < 2 && answer < 0; pass++) {
		Dwarf_Off off = 0, next;
		size_t hsize;
		bool any_unit = false;
		while (answer < 0 && dwarf_nextcu(dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
			Dwarf_Die cu;
			const char *name;
			if (dwarf_offdie(dw, off + hsize, &cu) && (name = dwarf_diename(&cu))) {
				size_t n = strlen(name), u = strlen(unit);
				bool match = n >= u && !strcmp(name + n - u, unit);
				any_unit |= match;
				if (match || pass == 1)
					answer = cu_function_local(&cu, func, local);
			}
			off = next;
		}
		if (any_unit)
			break;      /* the unit was there: its answer stands */
	}
	return answer;
}

int kp_types_function_local(struct kp_types *ty, const char *unit, const char *func,
			    const char *local)
{
	char key[256];
	const char *v;
	struct dwarf_types *dw;

	snprintf(key, sizeof(key), "L|%s|%s|%s", unit, func, local);
	if ((v = kp_types_memo_get(ty, key)))
		return v[0] == '1' ? 1 : v[0] == '0' ? 0 : -1;
	if (strcmp(kp_types_source(ty), "DWARF") && strcmp(kp_types_source(ty), "none"))
		return -1;   /* BTF and VMCOREINFO have no function bodies */
	kp_error *err = kp_types_dwarf(ty, &dw);
	if (err) {
		kp_error_free(err);
		return -1;
	}
	int answer = dwarf_function_local(kp_dwarf_types_libdw(dw), unit, func, local);
	kp_types_memo_note(ty, key, answer == 1 ? "1" : answer == 0 ? "0" : "-");
	return answer;
}
