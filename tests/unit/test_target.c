/* Unit tests of what the target says is in a dump: the in-memory backend,
 * and a small ELF core with a hole between its segments and its last
 * segment cut short by the end of the file. Prints "ok NAME" or
 * "FAIL NAME why" per check. */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "target.h"

static int failures;

#define CHECK(name, cond) do { \
	if (cond) printf("ok %s\n", name); \
	else { printf("FAIL %s %s:%d: %s\n", name, __FILE__, __LINE__, #cond); failures++; } \
} while (0)

static bool all(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static void test_memory(void)
{
	static uint8_t mem[3 * 4096];
	uint8_t buf[8192];
	struct kp_target *t;
	size_t missing = 0;

	memset(mem, 0x5a, sizeof(mem));
	kp_error *err = kp_target_open_memory("mem", mem, sizeof(mem), "OSRELEASE=x\n", &t);
	CHECK("memory_open", !err && !strcmp(kp_target_vmcoreinfo(t), "OSRELEASE=x\n"));
	if (err)
		return;
	err = kp_target_read_phys(t, 100, buf, 200, &missing);
	CHECK("memory_read_inside", !err && missing == 0 && all(buf, 200, 0x5a));
	err = kp_target_read_phys(t, 2 * 4096 + 10, buf, 8192, &missing);
	CHECK("memory_read_past_end", !err && missing == 2 && all(buf, 4086, 0x5a) &&
	      all(buf + 4086, 8192 - 4086, 0));
	CHECK("memory_not_truncated", kp_target_truncated(t) == 0);
	kp_target_close(t);
}

/* ELF core: PT_LOAD [0, 0x2000) and [0x3000, 0x5000), the file ending 0x1000
 * into the second. */
static void test_elf(void)
{
	char path[] = "/tmp/kpage-unit-XXXXXX";
	int fd = mkstemp(path);
	const char vmci[] = "OSRELEASE=6.1.0-unit\nPAGESIZE=4096\n";
	uint8_t hdr[4096] = { 0 }, page[4096];
	Elf64_Ehdr *eh = (Elf64_Ehdr *)hdr;
	Elf64_Phdr *ph = (Elf64_Phdr *)(hdr + sizeof(*eh));
	Elf64_Nhdr *nh = (Elf64_Nhdr *)(hdr + 1024);

	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_CORE;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_phoff = sizeof(*eh);
	eh->e_ehsize = sizeof(*eh);
	eh->e_phentsize = sizeof(*ph);
	eh->e_phnum = 3;
	nh->n_namesz = 11;
	nh->n_descsz = sizeof(vmci) - 1;
	memcpy(nh + 1, "VMCOREINFO", 11);
	memcpy((char *)(nh + 1) + 12, vmci, sizeof(vmci) - 1);
	ph[0] = (Elf64_Phdr){ .p_type = PT_NOTE, .p_offset = 1024,
			      .p_filesz = sizeof(*nh) + 12 + ((sizeof(vmci) - 1 + 3) & ~3ul) };
	ph[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_offset = 4096, .p_paddr = 0,
			      .p_vaddr = 0xffff888000000000ull, .p_filesz = 0x2000, .p_memsz = 0x2000 };
	ph[2] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_offset = 3 * 4096, .p_paddr = 0x3000,
			      .p_vaddr = 0xffff888000003000ull, .p_filesz = 0x2000, .p_memsz = 0x2000 };
	bool ok = fd >= 0 && write(fd, hdr, sizeof(hdr)) == sizeof(hdr);
	for (int i = 0; ok && i < 3; i++) {      /* 0x0, 0x1000, then 0x3000 only */
		memset(page, 0xa0 + i, sizeof(page));
		ok = write(fd, page, sizeof(page)) == sizeof(page);
	}
	if (fd >= 0)
		close(fd);
	CHECK("elf_written", ok);

	struct kp_target *t;
	uint8_t buf[8192];
	size_t missing = 0;
	kp_error *err = ok ? kp_target_open(path, &t) : NULL;
	CHECK("elf_open", ok && !err);
	if (!ok || err) {
		kp_error_free(err);
		unlink(path);
		return;
	}
	CHECK("elf_truncated_bytes", kp_target_truncated(t) == 0x1000);
	err = kp_target_read_phys(t, 0x1000, buf, 4096, &missing);
	CHECK("elf_read_segment", !err && missing == 0 && all(buf, 4096, 0xa1));
	/* libkdumpfile 0.5.1 read the page before a segment as zeros, in
	 * the dump; kpage goes by the segment table. */
	missing = 0;
	err = kp_target_read_phys(t, 0x2000, buf, 4096, &missing);
	CHECK("elf_hole_not_in_dump", !err && missing == 1 && all(buf, 4096, 0));
	missing = 0;
	err = kp_target_read_phys(t, 0x2ff0, buf, 32, &missing);
	CHECK("elf_hole_then_segment", !err && missing == 1 && all(buf, 16, 0) && all(buf + 16, 16, 0xa2));
	missing = 0;
	err = kp_target_read_phys(t, 0x3800, buf, 8192, &missing);
	CHECK("elf_cut_not_in_dump", !err && missing == 2 && all(buf, 0x800, 0xa2) &&
	      all(buf + 0x800, 8192 - 0x800, 0));
	missing = 0;
	err = kp_target_read_phys(t, 0x4000, buf, 4096, &missing);
	CHECK("elf_beyond_cut", !err && missing == 1 && all(buf, 4096, 0));
	kp_target_close(t);
	unlink(path);
}

int main(void)
{
	test_memory();
	test_elf();
	return failures != 0;
}
