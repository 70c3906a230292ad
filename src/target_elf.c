/* A fast path for plain ELF vmcores: the PT_LOAD table (read with libelf)
 * maps physical addresses to file offsets, and a read that lies wholly in
 * the file-backed part of one segment is a single pread(2). It neither maps
 * the file (resident memory stays flat) nor copies through a page cache of
 * its own (mem_map scans run near the disk's speed). Everything else (holes,
 * filtered pages, compressed formats, /proc/kcore) goes through
 * libkdumpfile. */
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "target_elf.h"

static int seg_cmp(const void *a, const void *b)
{
	const struct elf_seg *x = a, *y = b;
	return x->paddr < y->paddr ? -1 : x->paddr > y->paddr;
}

void elf_segs_load(struct elf_segs *s, int fd, const char *path)
{
	struct stat st;
	size_t n = 0;
	Elf *elf;

	memset(s, 0, sizeof(*s));
	/* Only regular dump files: /proc/kcore's segment table is not a
	 * physical map of its file offsets. */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || strncmp(path, "/proc/", 6) == 0)
		return;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getphdrnum(elf, &n) != 0 || n == 0) {
		if (elf)
			elf_end(elf);
		return;
	}
	s->seg = calloc(n, sizeof(*s->seg));
	for (size_t i = 0; s->seg && i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD || !ph.p_filesz)
			continue;
		/* A segment the file does not hold whole (cut short) is left to
		 * libkdumpfile, which reports it. */
		if (ph.p_offset + ph.p_filesz > (uint64_t)st.st_size)
			continue;
		s->seg[s->n++] = (struct elf_seg){ ph.p_paddr, ph.p_offset, ph.p_filesz };
	}
	elf_end(elf);
	qsort(s->seg, s->n, sizeof(*s->seg), seg_cmp);
	s->fd = fd;
}

void elf_segs_free(struct elf_segs *s)
{
	free(s->seg);
	memset(s, 0, sizeof(*s));
}

bool elf_segs_read(const struct elf_segs *s, uint64_t paddr, void *buf, size_t len)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {            /* the last segment starting at or below paddr */
		size_t mid = (lo + hi) / 2;
		if (s->seg[mid].paddr <= paddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	const struct elf_seg *g = &s->seg[lo - 1];
	if (paddr - g->paddr + len > g->size)
		return false;
	return pread(s->fd, buf, len, (off_t)(g->offset + (paddr - g->paddr))) == (ssize_t)len;
}
