/* libFuzzer: a mutated vmlinux (seeded with the fixture ones) goes through
 * the DWARF type index (or BTF, when it has no DWARF), the layout builder
 * and the layout printer: errors, never crashes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "output.h"
#include "types.h"
#include "symbols.h"
#include "layout.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* A mutant keeps its seed's build-id: answers from the types memo
	 * would hide its DWARF. */
	setenv("KPAGE_NO_TYPES_CACHE", "1", 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static FILE *null;
	char path[] = "/tmp/kpage-fuzz-XXXXXX";
	int fd = mkstemp(path);
	struct kp_types *ty = NULL;
	struct kp_symbols *syms = NULL;
	struct kp_layout l;
	kp_error *err;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		unlink(path);
		return 0;
	}
	close(fd);
	kp_error_free(kp_symbols_open(path, &syms));
	err = kp_types_open(path, &ty);
	if (!null)
		null = fopen("/dev/null", "w");
	if (!err) {
		kp_error_free(kp_layout_build(ty, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)=-129\n", &l));
		for (int json = 0; null && json < 2; json++) {
			struct kp_out out;
			kp_out_init(&out, null, json);
			kp_error_free(kp_types_print_layout(ty, "page", &out));
		}
		kp_types_close(ty);
	}
	kp_error_free(err);
	kp_symbols_close(syms);
	unlink(path);
	return 0;
}
