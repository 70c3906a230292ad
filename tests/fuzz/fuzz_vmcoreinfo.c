/* libFuzzer: VMCOREINFO text of any shape must parse without a crash, and a
 * value found must be a prefix-free match of its key; as the only source of
 * types (--vmcoreinfo-only) it must give a layout or an error, never a
 * crash, and offsets that fit the sizes it declares. */
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "target.h"
#include "types.h"
#include "layout.h"
#include "layout_facts.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *const keys[] = {
		"OSRELEASE", "KERNELOFFSET", "NUMBER(phys_base)", "SYMBOL(init_top_pgt)",
		"NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", "BUILD-ID", "", "=",
	};
	char *text = malloc(size + 1);
	char buf[64];
	int64_t n;
	uint64_t h;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (kp_vmcoreinfo_get(text, keys[i], buf, sizeof(buf)) && strlen(buf) >= sizeof(buf))
			abort();
		kp_vmcoreinfo_number(text, keys[i], &n);
		kp_vmcoreinfo_hex(text, keys[i], &h);
		kp_vmcoreinfo_get(text, keys[i], buf, 1);
	}
	struct kp_types *ty;
	struct kp_layout *l = malloc(sizeof(*l));
	kp_error *err = l ? kp_layout_vmcoreinfo_types(text, "fuzz", &ty) : NULL;
	if (l && !err) {
		err = kp_layout_build(ty, text, l);
		if (!err && (l->pg_flags.offset + 8 > (uint64_t)l->page_size + (1u << 24) ||
			     l->nr_orders > KP_MAX_ORDERS || l->nr_migratetypes > KP_MAX_MIGRATETYPES))
			abort();
		kp_types_close(ty);
	}
	kp_error_free(err);
	free(l);
	free(text);
	return 0;
}
