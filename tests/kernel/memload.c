/* memload: runs in the QEMU guest (static binary) and leaves varied page
 * state for the dump: anonymous memory touched and partly unmapped, a
 * transparent huge page, hugetlb pages, tmpfs file pages, page cache from a
 * file read back, and page tables for all of it. It then writes "ready" to
 * the path given and sleeps, holding everything, until killed.
 *
 *   memload READY_FILE */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MiB (1UL << 20)

static void touch(char *p, size_t len, int seed)
{
	for (size_t i = 0; i < len; i += 4096)
		p[i] = (char)(seed + i / 4096);
}

static void *anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: memload READY_FILE\n");
		return 1;
	}
	/* 64 MiB anonymous, then every other 1 MiB unmapped: holes, freed pages. */
	char *a = anon(64 * MiB);
	if (a) {
		touch(a, 64 * MiB, 1);
		for (size_t off = 0; off < 64 * MiB; off += 2 * MiB)
			munmap(a + off, MiB);
	}
	/* A THP: 4 MiB mapping, a 2 MiB aligned part advised for huge pages. */
	char *t = anon(4 * MiB);
	if (t) {
		char *aligned = (char *)(((unsigned long)t + 2 * MiB - 1) & ~(2 * MiB - 1));
		madvise(aligned, 2 * MiB, MADV_HUGEPAGE);
		touch(aligned, 2 * MiB, 2);
	}
	/* hugetlb: the init script reserved pages in /proc/sys/vm/nr_hugepages. */
	char *h = mmap(NULL, 4 * 2 * MiB, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	if (h != MAP_FAILED)
		touch(h, 4 * 2 * MiB, 3);
	/* tmpfs file pages, mapped shared. */
	int fd = open("/tmp/memload.shm", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0 && ftruncate(fd, 8 * MiB) == 0) {
		char *s = mmap(NULL, 8 * MiB, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (s != MAP_FAILED)
			touch(s, 8 * MiB, 4);
	}
	/* page cache: read a file of the initramfs back. */
	int bb = open("/bin/busybox", O_RDONLY);
	if (bb >= 0) {
		char buf[65536];
		while (read(bb, buf, sizeof(buf)) > 0)
			;
		const volatile char *m = mmap(NULL, MiB, PROT_READ, MAP_PRIVATE, bb, 0);
		unsigned sum = 0;
		if (m != MAP_FAILED)
			for (size_t i = 0; i < MiB; i += 4096)
				sum += (unsigned char)m[i];   /* fault the file pages in */
		(void)sum;
	}
	FILE *r = fopen(argv[1], "w");
	if (r) {
		fputs("ready\n", r);
		fclose(r);
	}
	for (;;)
		pause();
}
