/* target_elf.c: direct reads of plain ELF vmcore segments. */
#ifndef KPAGE_TARGET_ELF_H
#define KPAGE_TARGET_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* size: the bytes of the segment the file holds (less than filesz when the
 * file is cut short). */
struct elf_seg { uint64_t paddr, offset, size, filesz, memsz; };
struct elf_segs {
	struct elf_seg *seg;
	size_t n;
	int fd;
	bool loaded;      /* the table is the file's (a regular ELF file) */
	bool overlap;     /* segments overlap: holes are left to libkdumpfile */
};

/* Loads the PT_LOAD table of FD when it is a regular ELF file (else
 * loaded = false). */
void kp_elf_segs_load(struct elf_segs *s, int fd, const char *path);
void kp_elf_segs_free(struct elf_segs *s);
/* Reads [paddr, paddr+len) when one segment's bytes in the file hold all of
 * it; false otherwise. */
bool kp_elf_segs_read(const struct elf_segs *s, uint64_t paddr, void *buf, size_t len);

enum elf_where {
	ELF_IN_FILE,       /* in a segment, in the file: kp_elf_segs_read */
	ELF_NOT_IN_DUMP,   /* in no segment, or in one beyond the end of the file */
	ELF_ASK_LIBKDUMPFILE,  /* memsz beyond filesz, or overlapping segments */
};
/* Bytes of the segments that lie beyond the end of the file (cut short). */
uint64_t kp_elf_segs_cut_bytes(const struct elf_segs *s);
/* Where PADDR lies, and for how many bytes from it (*span) that holds. */
enum elf_where kp_elf_segs_where(const struct elf_segs *s, uint64_t paddr, uint64_t *span);

#endif
