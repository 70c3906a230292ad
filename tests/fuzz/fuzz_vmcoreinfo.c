/* libFuzzer: VMCOREINFO text of any shape must parse without a crash, and a
 * value found must be a prefix-free match of its key. */
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"

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
	free(text);
	return 0;
}
