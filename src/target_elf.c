/* A fast path for plain ELF vmcores: the PT_LOAD table (read with libelf)
 * maps physical addresses to file offsets, and a read that lies wholly in
 * the file-backed part of one segment is a single pread(2). It neither maps
 * the file (resident memory stays flat) nor copies through a page cache of
 * its own (mem_map scans run near the disk's speed). The table also says
 * what is not in the dump: holes between segments and what a file cut short
 * lacks. The rest (memsz beyond filesz, compressed formats, /proc/kcore)
 * goes through libkdumpfile. */
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

void kp_elf_segs_load(struct elf_segs *s, int fd, const char *path)
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
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getphdrnum(elf, &n) != 0) {
		if (elf)
			elf_end(elf);
		return;
	}
	s->seg = calloc(n ? n : 1, sizeof(*s->seg));
	for (size_t i = 0; s->seg && i < n; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD || !ph.p_memsz)
			continue;
		/* A segment the file does not hold whole (cut short): what is
		 * beyond the end of the file is not in the dump. */
		uint64_t size = ph.p_filesz;
		if (ph.p_offset >= (uint64_t)st.st_size)
			size = 0;
		else if (size > (uint64_t)st.st_size - ph.p_offset)
			size = (uint64_t)st.st_size - ph.p_offset;
		s->seg[s->n++] = (struct elf_seg){ ph.p_paddr, ph.p_offset, size, ph.p_filesz,
						   ph.p_memsz > ph.p_filesz ? ph.p_memsz : ph.p_filesz };
	}
	elf_end(elf);
	if (!s->seg)
		return;
	qsort(s->seg, s->n, sizeof(*s->seg), seg_cmp);
	for (size_t i = 1; i < s->n; i++)
		if (s->seg[i].paddr - s->seg[i - 1].paddr < s->seg[i - 1].memsz)
			s->overlap = true;
	s->fd = fd;
	s->loaded = true;
}

void kp_elf_segs_free(struct elf_segs *s)
{
	free(s->seg);
	memset(s, 0, sizeof(*s));
}

/* The last segment starting at or below PADDR, or NULL; *next: the start
 * of the segment after it (UINT64_MAX if none). */
static const struct elf_seg *seg_find(const struct elf_segs *s, uint64_t paddr, uint64_t *next)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->seg[mid].paddr <= paddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	*next = lo < s->n ? s->seg[lo].paddr : UINT64_MAX;
	return lo ? &s->seg[lo - 1] : NULL;
}

bool kp_elf_segs_read(const struct elf_segs *s, uint64_t paddr, void *buf, size_t len)
{
	uint64_t next;
	const struct elf_seg *g = seg_find(s, paddr, &next);
	if (!g || paddr - g->paddr >= g->size || len > g->size - (paddr - g->paddr))
		return false;
	return pread(s->fd, buf, len, (off_t)(g->offset + (paddr - g->paddr))) == (ssize_t)len;
}

uint64_t kp_elf_segs_cut_bytes(const struct elf_segs *s)
{
	uint64_t cut = 0;
	for (size_t i = 0; i < s->n; i++)
		cut += s->seg[i].filesz - s->seg[i].size;
	return cut;
}

enum elf_where kp_elf_segs_where(const struct elf_segs *s, uint64_t paddr, uint64_t *span)
{
	uint64_t next;
	const struct elf_seg *g = seg_find(s, paddr, &next);
	uint64_t in = g ? paddr - g->paddr : 0;

	if (g && in < g->size) {
		*span = g->size - in;
		return ELF_IN_FILE;
	}
	if (g && in < g->filesz) {
		*span = g->filesz - in;
		return ELF_NOT_IN_DUMP;
	}
	if (g && in < g->memsz) {
		*span = g->memsz - in;
		return ELF_ASK_LIBKDUMPFILE;
	}
	/* A hole between segments (libkdumpfile 0.5.1 reads the page before
	 * a segment's start as zeros instead of saying NODATA). */
	*span = next - paddr;
	return s->overlap ? ELF_ASK_LIBKDUMPFILE : ELF_NOT_IN_DUMP;
}
