/* What a file given as the core is, told from its first bytes, so that a
 * file that is no dump is refused in kpage's words: before libkdumpfile
 * sees it when kpage can tell by itself (a vmlinux, a program, a dump of
 * another machine, headers cut short: libkdumpfile 0.5.1 crashes freeing
 * the context of a kdump header shorter than its 464 bytes), and after
 * libkdumpfile refused it otherwise. */
#include <elf.h>
#include <unistd.h>

#include "internal.h"
#include "target.h"

#define KDUMP_HEADER_SIZE 464u    /* struct disk_dump_header on 64-bit */

struct core_head {
	uint8_t b[KDUMP_HEADER_SIZE];
	size_t len;                   /* bytes read */
	uint64_t size;                /* of a regular file, else 0 */
};

static bool head_read(int fd, struct core_head *h)
{
	struct stat st;
	ssize_t n = pread(fd, h->b, sizeof(h->b), 0);

	if (n < 0 || fstat(fd, &st) < 0)
		return false;          /* a pipe: libkdumpfile will say */
	h->len = (size_t)n;
	h->size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	return true;
}

static bool head_is_elf(const struct core_head *h)
{
	return h->len >= SELFMAG && memcmp(h->b, ELFMAG, SELFMAG) == 0;
}

static bool head_is_kdump(const struct core_head *h)
{
	return h->len >= 8 && (memcmp(h->b, "KDUMP   ", 8) == 0 || memcmp(h->b, "DISKDUMP", 8) == 0);
}

/* A non-core ELF file: a kernel image loads at __START_KERNEL_map and up. */
static kp_error *elf_not_core(const char *path, int fd, const Elf64_Ehdr *e)
{
	static const char *const kind[] = { "an ELF file of no type", "an ELF object file",
					    "an ELF executable", "an ELF shared object" };
	bool kernel = false;

	for (uint16_t i = 0; !kernel && i < e->e_phnum && i < 64; i++) {
		Elf64_Phdr ph;
		if (pread(fd, &ph, sizeof(ph), (off_t)(e->e_phoff + (uint64_t)i * sizeof(ph))) !=
		    (ssize_t)sizeof(ph))
			break;
		kernel = ph.p_type == PT_LOAD && ph.p_vaddr >= 0xffffffff80000000ull;
	}
	if (kernel)
		return kp_errorf(KP_EXIT_INPUT, "%s is a vmlinux (kernel image), not a dump: give it "
				 "with --vmlinux", path);
	return kp_errorf(KP_EXIT_INPUT, "%s: not a vmcore (%s, not a core dump)", path,
			 e->e_type < KP_ARRAY_SIZE(kind) ? kind[e->e_type] : "an ELF file");
}

static kp_error *elf_check(const char *path, int fd, const struct core_head *h)
{
	Elf64_Ehdr e;
	uint32_t loads = 0;

	if (h->b[EI_CLASS] != ELFCLASS64 || h->b[EI_DATA] != ELFDATA2LSB)
		return kp_errorf(KP_EXIT_INPUT, "%s: not an x86_64 vmcore (a %s ELF file)", path,
				 h->b[EI_CLASS] != ELFCLASS64 ? "32-bit" : "big-endian");
	if (h->len < sizeof(e))
		return kp_errorf(KP_EXIT_INPUT, "%s: ELF header cut short (%zu of its %zu bytes)",
				 path, h->len, sizeof(e));
	memcpy(&e, h->b, sizeof(e));
	if (e.e_type != ET_CORE)
		return elf_not_core(path, fd, &e);
	if (e.e_machine != EM_X86_64)
		return kp_errorf(KP_EXIT_INPUT, "%s: not an x86_64 vmcore (ELF machine %u)", path,
				 e.e_machine);
	if (e.e_phentsize != sizeof(Elf64_Phdr) ||
	    (h->size && e.e_phoff + (uint64_t)e.e_phnum * sizeof(Elf64_Phdr) > h->size))
		return kp_errorf(KP_EXIT_INPUT, "%s: ELF core cut short or damaged: its %u program "
				 "headers are not in the file", path, e.e_phnum);
	for (uint32_t i = 0; i < e.e_phnum; i++) {
		Elf64_Phdr ph;
		if (pread(fd, &ph, sizeof(ph), (off_t)(e.e_phoff + (uint64_t)i * sizeof(ph))) !=
		    (ssize_t)sizeof(ph))
			return NULL;   /* /proc/kcore and friends: libkdumpfile decides */
		loads += ph.p_type == PT_LOAD;
	}
	if (!loads)
		return kp_errorf(KP_EXIT_INPUT, "%s: an ELF core with no memory in it (no PT_LOAD "
				 "segment)", path);
	return NULL;
}

/* The headers, sub-header and bitmaps come before the first page. */
static kp_error *kdump_check(const char *path, const struct core_head *h)
{
	uint32_t v[4];        /* block_size, sub_hdr_size, bitmap_blocks, max_mapnr */

	if (h->len < KDUMP_HEADER_SIZE)
		return kp_errorf(KP_EXIT_INPUT, "%s: kdump header cut short (%zu of its %u bytes)",
				 path, h->len, KDUMP_HEADER_SIZE);
	for (int i = 0; i < 4; i++) {
		memcpy(&v[i], h->b + 428 + 4 * i, 4);
		v[i] = le32toh(v[i]);
	}
	if (v[0] < 512 || v[0] > (1u << 20) || (v[0] & (v[0] - 1)))
		return kp_errorf(KP_EXIT_INPUT, "%s: damaged kdump header (block size %u)", path, v[0]);
	uint64_t need = (1ull + v[1] + v[2]) * v[0];
	if (h->size && h->size < need)
		return kp_errorf(KP_EXIT_INPUT, "%s: kdump file cut short: %llu bytes, its headers "
				 "and bitmaps alone take %llu", path, (unsigned long long)h->size,
				 (unsigned long long)need);
	return NULL;
}

kp_error *kp_target_header_check(const char *path, int fd)
{
	struct core_head h;

	if (!head_read(fd, &h))
		return NULL;
	if (head_is_elf(&h))
		return elf_check(path, fd, &h);
	if (head_is_kdump(&h))
		return kdump_check(path, &h);
	return NULL;      /* another format libkdumpfile may know */
}

kp_error *kp_target_refusal(const char *path, int fd, const char *lib_msg)
{
	struct core_head h;
	const char *why = lib_msg ? lib_msg : "";
	const char *colon;

	if (head_read(fd, &h) && !head_is_elf(&h) && !head_is_kdump(&h))
		return kp_errorf(KP_EXIT_INPUT, "%s: not a vmcore (no ELF or kdump header)", path);
	/* "Cannot set file.set.0.fd: REASON": the reason, not the attribute. */
	if (!strncmp(why, "Cannot set ", 11) && (colon = strstr(why, ": ")))
		why = colon + 2;
	return kp_errorf(KP_EXIT_INPUT, "%s: not a usable vmcore: %s", path, *why ? why : "refused");
}
