/* The dump's bytes: libkdumpfile opens ELF, kdump-compressed and
 * makedumpfile-filtered vmcores and /proc/kcore; nothing above this file
 * knows the file format. Reads are by physical address only: translation of
 * kernel virtual addresses is the memory model's job, because libkdumpfile
 * 0.5.1 cannot translate on kdump-compressed dumps. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libkdumpfile/kdumpfile.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "target_elf.h"
#include "target.h"

struct kp_target {
	char *path;
	int fd;
	kdump_ctx_t *ctx;
	kdump_addrspace_t space;   /* MACHPHYSADDR, or KPHYSADDR as fallback */
	char *vmcoreinfo;
	const uint8_t *mem;        /* in-memory dump: physical [0, mem_len) */
	uint64_t mem_len;
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

static void target_ctx_setup(kdump_ctx_t *ctx)
{
	/* Translation by VMCOREINFO where libkdumpfile can do it. */
	kdump_set_string_attr(ctx, KDUMP_ATTR_OSTYPE, "linux");
	/* read(2), not mmap(2): mapped dump pages would stay in our resident
	 * set and make it grow with the dump (270 MB for 16 GiB of RAM). */
	kdump_set_number_attr(ctx, KDUMP_ATTR_FILE_MMAP_POLICY, KDUMP_MMAP_NEVER);
}

/* libkdumpfile 0.5.1 dies on some damaged metadata (a VMCOREINFO line whose
 * key starts with '.' is enough: SIGSEGV inside kdump_open_fd). A crashed
 * machine's dump may hold anything, so the first open runs in a child
 * process: if that one dies, the dump is refused with a message instead. */
static kp_error *target_probe_open(struct kp_target *t)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return NULL;       /* no probe; the open below runs anyway */
	if (pid == 0) {
		char self[64];
		/* A crash must kill the probe, whatever handler the parent
		 * installed (the sanitizers' report and exit instead). */
		signal(SIGSEGV, SIG_DFL);
		signal(SIGBUS, SIG_DFL);
		signal(SIGFPE, SIG_DFL);
		signal(SIGILL, SIG_DFL);
		snprintf(self, sizeof(self), "/proc/self/fd/%d", t->fd);
		int fd = open(self, O_RDONLY | O_CLOEXEC);   /* its own file offset */
		kdump_ctx_t *ctx = kdump_new();
		if (fd < 0 || !ctx)
			_exit(0);
		target_ctx_setup(ctx);
		int rc = kdump_open_fd(ctx, fd) == KDUMP_OK ? 0 : 1;
		kdump_free(ctx);     /* the parent frees its context too */
		_exit(rc);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return NULL;
	if (WIFSIGNALED(status))
		return kp_errorf(KP_EXIT_INPUT, "%s: its headers or VMCOREINFO are damaged: "
				 "libkdumpfile crashed reading them (signal %d)", t->path,
				 WTERMSIG(status));
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
	/* A clone's file was probed when the original was opened. */
	kp_error *err = t->clone ? NULL : kp_target_header_check(t->path, t->fd);
	if (!err && !t->clone)
		err = target_probe_open(t);
	if (err)
		return err;
	t->ctx = kdump_new();
	if (!t->ctx)
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot create a libkdumpfile context", t->path);
	target_ctx_setup(t->ctx);
	st = kdump_open_fd(t->ctx, t->fd);
	if (st != KDUMP_OK)
		return kp_target_refusal(t->path, t->fd, kdump_get_err(t->ctx));
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

	err = kp_target_flattened_prepare(path, &t->fd);
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
		kp_elf_segs_load(&t->segs, t->fd, t->path);
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
	if (t->mem) {           /* in memory: reads share the buffer */
		c->mem = t->mem;
		c->mem_len = t->mem_len;
		c->fd = -1;
		*out = c;
		return NULL;
	}
	snprintf(fdpath, sizeof(fdpath), "/proc/self/fd/%d", t->fd);
	c->fd = open(fdpath, O_RDONLY | O_CLOEXEC);
	if (c->fd < 0) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: cannot open again: %s", t->path, strerror(errno));
		kp_target_close(c);
		return err;
	}
	/* Plain ELF is read with pread on the shared segment table: the
	 * clone's own libkdumpfile context (some milliseconds to open, per
	 * scan thread) is opened only if a read needs it. */
	if (!(c->segs.loaded && c->segs.n) && (err = target_open_ctx(c))) {
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
		kp_elf_segs_free(&t->segs);
		free(t->vmcoreinfo);
	}
	free(t->path);
	free(t);
}

const char *kp_target_path(const struct kp_target *t) { return t->path; }
const char *kp_target_format(const struct kp_target *t) { return t->format; }
const char *kp_target_vmcoreinfo(const struct kp_target *t) { return t->vmcoreinfo; }
uint64_t kp_target_truncated(const struct kp_target *t) { return kp_elf_segs_cut_bytes(&t->segs); }

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

/* The in-memory backend: what lies beyond the buffer is not in the dump,
 * page by page, as in a filtered dump. */
static kp_error *target_mem_read(struct kp_target *t, uint64_t paddr, uint8_t *p, size_t len,
				 size_t *missing)
{
	while (len > 0) {
		size_t chunk = KP_PAGE_SIZE - (paddr & (KP_PAGE_SIZE - 1));
		if (chunk > len)
			chunk = len;
		if (paddr < t->mem_len && t->mem_len - paddr >= chunk) {
			memcpy(p, t->mem + paddr, chunk);
		} else {
			memset(p, 0, chunk);
			if (missing)
				(*missing)++;
		}
		p += chunk;
		paddr += chunk;
		len -= chunk;
	}
	return NULL;
}

/* Through libkdumpfile: pages it has no data for are zero-filled and
 * counted in *missing. */
static kp_error *target_read_kdump(struct kp_target *t, uint64_t paddr, uint8_t *p, size_t len,
				   size_t *missing)
{
	kp_error *err;
	if (!t->ctx && (err = target_open_ctx(t)))
		return err;
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
			err = kp_errorf(KP_EXIT_INPUT,
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

/* Plain ELF: the PT_LOAD table says what is in the dump. Bytes in no
 * segment, or beyond the end of a file cut short, are not in the dump. */
static kp_error *target_read_elf(struct kp_target *t, uint64_t paddr, uint8_t *p, size_t len,
				 size_t *missing)
{
	while (len > 0) {
		uint64_t span;
		enum elf_where w = kp_elf_segs_where(&t->segs, paddr, &span);
		size_t chunk = span < len ? (size_t)span : len;
		kp_error *err = NULL;

		if (w == ELF_IN_FILE && !kp_elf_segs_read(&t->segs, paddr, p, chunk))
			err = kp_errorf(KP_EXIT_INPUT, "%s: cannot read physical address 0x%llx: "
					"%s", t->path, (unsigned long long)paddr, strerror(errno));
		else if (w == ELF_ASK_LIBKDUMPFILE)
			err = target_read_kdump(t, paddr, p, chunk, missing);
		else if (w == ELF_NOT_IN_DUMP) {
			memset(p, 0, chunk);
			for (uint64_t a = paddr; missing && a < paddr + chunk;
			     a = (a | (KP_PAGE_SIZE - 1)) + 1)
				(*missing)++;
		}
		if (err)
			return err;
		p += chunk;
		paddr += chunk;
		len -= chunk;
	}
	return NULL;
}

kp_error *kp_target_read_phys(struct kp_target *t, uint64_t paddr, void *buf,
			      size_t len, size_t *missing)
{
	if (t->mem)
		return target_mem_read(t, paddr, buf, len, missing);
	if (t->segs.loaded) {
		if (kp_elf_segs_read(&t->segs, paddr, buf, len))
			return NULL;
		return target_read_elf(t, paddr, buf, len, missing);
	}
	return target_read_kdump(t, paddr, buf, len, missing);
}

kp_error *kp_target_open_memory(const char *label, const void *mem, size_t len,
				const char *vmcoreinfo, struct kp_target **out)
{
	struct kp_target *t = calloc(1, sizeof(*t));

	if (!t)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	t->fd = -1;
	if (!(t->path = strdup(label)) || (vmcoreinfo && !(t->vmcoreinfo = strdup(vmcoreinfo)))) {
		kp_target_close(t);
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	}
	t->mem = mem;
	t->mem_len = len;
	snprintf(t->format, sizeof(t->format), "memory");
	*out = t;
	return NULL;
}
