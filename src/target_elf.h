/* target_elf.c: direct reads of plain ELF vmcore segments. */
#ifndef KPAGE_TARGET_ELF_H
#define KPAGE_TARGET_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_seg { uint64_t paddr, offset, size; };
struct elf_segs { struct elf_seg *seg; size_t n; int fd; };

/* Loads the PT_LOAD table of FD when it is a regular ELF file (else n = 0). */
void elf_segs_load(struct elf_segs *s, int fd, const char *path);
void elf_segs_free(struct elf_segs *s);
/* Reads [paddr, paddr+len) when one segment holds all of it; false otherwise. */
bool elf_segs_read(const struct elf_segs *s, uint64_t paddr, void *buf, size_t len);

#endif
