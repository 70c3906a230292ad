/* owners: runs in the QEMU guest (static binary) and makes pages whose owner
 * is known, for kpage's `top` and owner decoding (compare_owners.py):
 *
 *   owners hog ANON_MIB NOHUGE FILE FILE_MIB READY
 *        anonymous memory of ANON_MIB touched (NOHUGE 1: MADV_NOHUGEPAGE, so
 *        no THP), FILE written with FILE_MIB MiB by write(2) (tmpfs pages,
 *        charged to the caller's memory cgroup), then READY is written and
 *        it sleeps, holding everything, until killed
 *   owners write FILE BYTES          writes FILE (BYTES long) and exits
 *   owners read FILE OFFSET LEN      reads LEN bytes at OFFSET with
 *        readahead off (POSIX_FADV_RANDOM): only those pages enter the page cache
 *   owners mkfiles DIR N             N empty files DIR/f00000...: inodes and
 *        dentries (slab objects), no page cache
 *   owners info FILE...              per file one line
 *        "PATH ino=N dev=MAJ:MIN size=BYTES pages=N resident=N"
 *        (resident: pages in the page cache, by mincore(2) on a mapping) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define MiB (1UL << 20)

static int fail(const char *what, const char *arg)
{
	fprintf(stderr, "owners: %s %s: ", what, arg);
	perror(NULL);
	return 1;
}

static int write_file(const char *path, size_t bytes, int seed)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fail("open", path);
	static char buf[65536];
	for (size_t off = 0; off < bytes;) {
		size_t n = bytes - off < sizeof(buf) ? bytes - off : sizeof(buf);
		for (size_t i = 0; i < n; i += 512)
			buf[i] = (char)(seed + (off + i) / 512);   /* no zero pages */
		ssize_t w = write(fd, buf, n);
		if (w <= 0)
			return fail("write", path);
		off += (size_t)w;
	}
	close(fd);
	return 0;
}

static int hog(char **argv)
{
	size_t anon = strtoul(argv[0], NULL, 0) * MiB;
	int nohuge = atoi(argv[1]);
	char *a = mmap(NULL, anon, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a == MAP_FAILED)
		return fail("mmap", argv[0]);
	if (nohuge)
		madvise(a, anon, MADV_NOHUGEPAGE);
	for (size_t i = 0; i < anon; i += 4096)
		a[i] = (char)(1 + i / 4096);
	if (write_file(argv[2], strtoul(argv[3], NULL, 0) * MiB, 7))
		return 1;
	FILE *r = fopen(argv[4], "w");
	if (!r)
		return fail("open", argv[4]);
	fputs("ready\n", r);
	fclose(r);
	for (;;)
		pause();
}

static int readpart(char **argv)
{
	int fd = open(argv[0], O_RDONLY);
	if (fd < 0)
		return fail("open", argv[0]);
	off_t off = strtoul(argv[1], NULL, 0);
	size_t len = strtoul(argv[2], NULL, 0);
	posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
	static char buf[65536];
	while (len > 0) {
		ssize_t n = pread(fd, buf, len < sizeof(buf) ? len : sizeof(buf), off);
		if (n <= 0)
			break;
		off += n;
		len -= (size_t)n;
	}
	close(fd);
	return 0;
}

static int mkfiles(char **argv)
{
	unsigned long n = strtoul(argv[1], NULL, 0);
	char path[4096];
	for (unsigned long i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%05lu", argv[0], i);
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0)
			return fail("create", path);
		close(fd);
	}
	return 0;
}

static int info(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	for (int i = 0; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		struct stat st;
		if (fd < 0 || fstat(fd, &st) != 0)
			return fail("stat", argv[i]);
		size_t pages = ((size_t)st.st_size + pg - 1) / pg, resident = 0;
		if (pages) {
			void *m = mmap(NULL, pages * pg, PROT_READ, MAP_SHARED, fd, 0);
			unsigned char *vec = malloc(pages);
			if (m == MAP_FAILED || !vec || mincore(m, pages * pg, vec) != 0)
				return fail("mincore", argv[i]);
			for (size_t p = 0; p < pages; p++)
				resident += vec[p] & 1;
			munmap(m, pages * pg);
			free(vec);
		}
		printf("%s ino=%lu dev=%u:%u size=%lld pages=%zu resident=%zu\n", argv[i],
		       (unsigned long)st.st_ino, major(st.st_dev), minor(st.st_dev),
		       (long long)st.st_size, pages, resident);
		close(fd);
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 7 && !strcmp(argv[1], "hog"))
		return hog(argv + 2);
	if (argc == 4 && !strcmp(argv[1], "write"))
		return write_file(argv[2], strtoul(argv[3], NULL, 0), 3);
	if (argc == 5 && !strcmp(argv[1], "read"))
		return readpart(argv + 2);
	if (argc == 4 && !strcmp(argv[1], "mkfiles"))
		return mkfiles(argv + 2);
	if (argc >= 3 && !strcmp(argv[1], "info"))
		return info(argc - 2, argv + 2);
	fprintf(stderr, "usage: owners hog|write|read|mkfiles|info ARGS (see owners.c)\n");
	return 1;
}
