/* The dump's bytes: libkdumpfile opens ELF, kdump-compressed and
 * makedumpfile-filtered vmcores and /proc/kcore; nothing above this file
 * knows the file format. Reads are by physical address only: translation of
 * kernel virtual addresses is the memory model's job, because libkdumpfile
 * 0.5.1 cannot translate on kdump-compressed dumps. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libkdumpfile/kdumpfile.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "target_elf.h"

struct kp_target {
	char *path;
	int fd;
	kdump_ctx_t *ctx;
	kdump_addrspace_t space;   /* MACHPHYSADDR, or KPHYSADDR as fallback */
	char *vmcoreinfo;
	char format[64];
	bool flattened;            /* fd is a reassembled copy */
	struct elf_segs segs;      /* plain ELF: direct segment reads */
	bool clone;                /* fd, segs and vmcoreinfo are the original's */
};

static kp_error *target_check_file(const char *path, int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return kp_errorf(KP_EXIT_INPUT, "%s: is a directory, not a vmcore", path);
	if (S_ISREG(st.st_mode) && st.st_size == 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: empty file, not a vmcore", path);
	return NULL;
}

static kp_error *target_open_ctx(struct kp_target *t)
{
	kdump_status st;

	if (t->fd < 0) {
		t->fd = open(t->path, O_RDONLY | O_CLOEXEC);
		if (t->fd < 0)
			return kp_errorf(KP_EXIT_INPUT, "%s: %s", t->path, strerror(errno));
		kp_error *err = target_check_file(t->path, t->fd);
		if (err)
			return err;
	}
	t->ctx = kdump_new();
	if (!t->ctx)
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot create a libkdumpfile context", t->path);
	/* Translation by VMCOREINFO where libkdumpfile can do it. */
	kdump_set_string_attr(t->ctx, KDUMP_ATTR_OSTYPE, "linux");
	/* read(2), not mmap(2): mapped dump pages would stay in our resident
	 * set and make it grow with the dump (270 MB for 16 GiB of RAM). */
	kdump_set_number_attr(t->ctx, KDUMP_ATTR_FILE_MMAP_POLICY, KDUMP_MMAP_NEVER);
	st = kdump_open_fd(t->ctx, t->fd);
	if (st != KDUMP_OK)
		return kp_errorf(KP_EXIT_INPUT, "%s: not a usable vmcore (%s)", t->path,
				 kdump_get_err(t->ctx));
	return NULL;
}

kp_error *kp_target_open(const char *path, struct kp_target **out)
{
	struct kp_target *t = calloc(1, sizeof(*t));
	kp_error *err;
	const char *fmt = NULL;
	char *raw = NULL;

	if (!t)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	t->fd = -1;
	t->path = strdup(path);
	t->space = KDUMP_MACHPHYSADDR;

	err = target_flattened_prepare(path, &t->fd);
	t->flattened = t->fd >= 0;
	if (!err)
		err = target_open_ctx(t);
	if (err) {
		kp_target_close(t);
		return err;
	}
	if (kdump_get_string_attr(t->ctx, KDUMP_ATTR_FILE_FORMAT, &fmt) == KDUMP_OK && fmt)
		snprintf(t->format, sizeof(t->format), "%s%s", fmt,
			 t->flattened ? " (flattened)" : "");
	if (fmt && strcmp(fmt, "elf") == 0)
		elf_segs_load(&t->segs, t->fd, t->path);
	if (kdump_vmcoreinfo_raw(t->ctx, &raw) == KDUMP_OK && raw) {
		t->vmcoreinfo = raw;
	} else {
		kdump_clear_err(t->ctx);
	}
	*out = t;
	return NULL;
}

kp_error *kp_target_clone(struct kp_target *t, struct kp_target **out)
{
	struct kp_target *c = calloc(1, sizeof(*c));
	char fdpath[64];
	kp_error *err;

	if (!c || !(c->path = strdup(t->path))) {
		free(c);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	c->clone = true;
	c->space = t->space;
	c->segs = t->segs;
	c->vmcoreinfo = t->vmcoreinfo;
	c->flattened = t->flattened;
	memcpy(c->format, t->format, sizeof(c->format));
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", t->fd);
	c->fd = open(fdpath, O_RDONLY | O_CLOEXEC);
	if (c->fd < 0) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: cannot open again: %s", t->path, strerror(errno));
		kp_target_close(c);
		return err;
	}
	if ((err = target_open_ctx(c))) {
		kp_target_close(c);
		return err;
	}
	*out = c;
	return NULL;
}

void kp_target_close(struct kp_target *t)
{
	if (!t)
		return;
	if (t->ctx)
		kdump_free(t->ctx);
	if (t->fd >= 0)
		close(t->fd);
	if (!t->clone) {
		elf_segs_free(&t->segs);
		free(t->vmcoreinfo);
	}
	free(t->path);
	free(t);
}

const char *kp_target_path(const struct kp_target *t) { return t->path; }
const char *kp_target_format(const struct kp_target *t) { return t->format; }
const char *kp_target_vmcoreinfo(const struct kp_target *t) { return t->vmcoreinfo; }

/* One read attempt in the current address space. Machine-physical reads
 * need no translation set-up (libkdumpfile 0.5.1 fails kernel-physical reads
 * on diskdumps for want of one, with NODATA or ADDRXLAT), and on x86_64
 * without Xen machine-physical == kernel-physical. Should a format offer only
 * kernel-physical reads, the first translation error switches to those. */
static kdump_status target_read_raw(struct kp_target *t, uint64_t paddr,
				    void *buf, size_t *len)
{
	size_t want = *len;
	kdump_status st = kdump_read(t->ctx, t->space, paddr, buf, len);

	if (st == KDUMP_ERR_ADDRXLAT && t->space == KDUMP_MACHPHYSADDR) {
		kdump_clear_err(t->ctx);
		t->space = KDUMP_KPHYSADDR;
		*len = want;   /* the failed read set it to what it got: 0 */
		st = kdump_read(t->ctx, t->space, paddr, buf, len);
	}
	return st;
}

kp_error *kp_target_read_phys(struct kp_target *t, uint64_t paddr, void *buf,
			      size_t len, size_t *missing)
{
	uint8_t *p = buf;

	if (t->segs.n && elf_segs_read(&t->segs, paddr, buf, len))
		return NULL;
	while (len > 0) {
		size_t got = len;
		kdump_status st = target_read_raw(t, paddr, p, &got);

		if (st == KDUMP_OK)
			return NULL;
		if (got > len)
			got = len;
		p += got;
		paddr += got;
		len -= got;
		if (st != KDUMP_ERR_NODATA) {
			kp_error *err = kp_errorf(KP_EXIT_INPUT,
				"%s: cannot read physical address 0x%llx: %s",
				t->path, (unsigned long long)paddr,
				kdump_get_err(t->ctx));
			kdump_clear_err(t->ctx);
			return err;
		}
		kdump_clear_err(t->ctx);
		/* The page is not in the dump: zero it and go on. */
		size_t skip = KP_PAGE_SIZE - (paddr & (KP_PAGE_SIZE - 1));
		if (skip > len)
			skip = len;
		memset(p, 0, skip);
		if (missing)
			(*missing)++;
		p += skip;
		paddr += skip;
		len -= skip;
	}
	return NULL;
}
