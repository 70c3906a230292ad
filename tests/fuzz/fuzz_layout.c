/* libFuzzer: a mutated vmlinux (seeded with the fixture ones) goes through
 * the DWARF type index and the layout builder: errors, never crashes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kpage/kpage.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
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
	if (!err) {
		kp_error_free(kp_layout_build(ty, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)=-129\n", &l));
		kp_types_close(ty);
	}
	kp_error_free(err);
	kp_symbols_close(syms);
	unlink(path);
	return 0;
}
