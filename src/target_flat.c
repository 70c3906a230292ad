/* makedumpfile's "flattened" layout (makedumpfile -F, QEMU's kdump-* output,
 * dumps streamed over ssh): a 4 KiB header starting with "makedumpfile",
 * then records of { be64 offset, be64 size, data } that place data at
 * offsets of the real diskdump file, ended by offset -1. libkdumpfile 0.5.1
 * does not read it, so we reassemble it into an unlinked temporary file, the
 * way `makedumpfile -R` does; the input is only read. */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "target.h"

#define FLAT_HEADER_SIZE 4096
#define FLAT_SIGNATURE "makedumpfile"

static bool flat_read_full(int fd, void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static kp_error *flat_copy_records(const char *path, int in, int out)
{
	static uint8_t buf[1 << 20];
	uint64_t rec[2];

	for (;;) {
		if (!flat_read_full(in, rec, sizeof(rec)))
			return kp_errorf(KP_EXIT_INPUT,
				"%s: flattened dump is truncated (no end marker)", path);
		int64_t off = (int64_t)be64toh(rec[0]);
		int64_t size = (int64_t)be64toh(rec[1]);
		if (off == -1)
			return NULL;
		if (off < 0 || size < 0 || size > (INT64_C(1) << 40))
			return kp_errorf(KP_EXIT_INPUT,
				"%s: corrupt flattened record (offset %lld, size %lld)",
				path, (long long)off, (long long)size);
		while (size > 0) {
			size_t chunk = size > (int64_t)sizeof(buf) ? sizeof(buf) : (size_t)size;
			if (!flat_read_full(in, buf, chunk))
				return kp_errorf(KP_EXIT_INPUT,
					"%s: flattened dump is truncated inside a record", path);
			if (pwrite(out, buf, chunk, off) != (ssize_t)chunk)
				return kp_errorf(KP_EXIT_INPUT,
					"cannot write the reassembled copy of %s: %s",
					path, strerror(errno));
			off += (int64_t)chunk;
			size -= (int64_t)chunk;
		}
	}
}

kp_error *kp_target_flattened_prepare(const char *path, int *fd_out)
{
	char header[FLAT_HEADER_SIZE];
	char tmpl[4096];
	const char *dir = getenv("TMPDIR");
	kp_error *err;
	int in, out;
	ssize_t n;

	*fd_out = -1;
	in = open(path, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
	n = read(in, header, sizeof(header));
	if (n < (ssize_t)sizeof(FLAT_SIGNATURE) ||
	    memcmp(header, FLAT_SIGNATURE, sizeof(FLAT_SIGNATURE) - 1) != 0) {
		close(in);
		return NULL;    /* not flattened: open it directly */
	}
	if (n != FLAT_HEADER_SIZE) {
		close(in);
		return kp_errorf(KP_EXIT_INPUT, "%s: flattened dump header is truncated", path);
	}
	snprintf(tmpl, sizeof(tmpl), "%s/kpage-flat-XXXXXX", dir && *dir ? dir : "/tmp");
	out = mkstemp(tmpl);
	if (out < 0) {
		close(in);
		return kp_errorf(KP_EXIT_INPUT, "cannot create a temporary file in %s to "
				 "reassemble flattened %s: %s", dir ? dir : "/tmp", path,
				 strerror(errno));
	}
	unlink(tmpl);    /* gone when closed, whatever happens */
	err = flat_copy_records(path, in, out);
	close(in);
	if (err) {
		close(out);
		return err;
	}
	*fd_out = out;
	return NULL;
}
