/* The base of libkpage: helpers every layer may use (loads from dump bytes,
 * arrays, the name hash, input checks). Not part of the public API. */
#ifndef KPAGE_INTERNAL_H
#define KPAGE_INTERNAL_H

#include <endian.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <signal.h>
#include "kpage/kpage.h"

#define KP_PAGE_SIZE 4096u
/* The largest struct page kpage accepts (kp_layout_build refuses more):
 * every kernel's is 40-96 bytes; its buffers of one struct page are this
 * size. */
#define KP_PAGE_STRUCT_MAX 512u
/* Anonymous structs and unions are searched through no deeper than this:
 * struct page nests them 4 deep; damaged debuginfo can nest a type in
 * itself (the DWARF fuzzer found that stack overflow). */
#define KP_MAX_NESTING 16
/* The bits of a page flags word (unsigned long on x86_64). */
#define KP_MAX_FLAGS 64
#define KP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* One clear line for an input PATH (opened as FD, or -1 to stat PATH)
 * that cannot be the WHAT it should be: a directory or an empty file. */
static inline kp_error *kp_input_check(const char *path, int fd, const char *what)
{
	struct stat st;

	if (fd >= 0 ? fstat(fd, &st) < 0 : stat(path, &st) < 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return kp_errorf(KP_EXIT_INPUT, "%s: is a directory, not %s", path, what);
	if (S_ISREG(st.st_mode) && st.st_size == 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: empty file, not %s", path, what);
	return NULL;
}

/* Larger than any kernel struct kpage reads members of (struct pglist_data
 * is some 170 KiB): a member past it is damage. */
#define KP_MAX_STRUCT_BYTES (8u << 20)

/* FNV-1a of NAME, seeded by KIND: the name indexes' hash (DWARF, BTF,
 * kallsyms), where the same name may be of several kinds. */
static inline uint64_t kp_hash_name(const char *name, uint8_t kind)
{
	uint64_t h = 1469598103934665603ull ^ kind;
	while (*name)
		h = (h ^ (uint8_t)*name++) * 1099511628211ull;
	return h;
}

/* Room for N+1 elements of SIZE bytes in the array *P of *CAP (doubled,
 * FIRST at first); false when out of memory. */
static inline bool kp_grow(void **p, size_t *cap, size_t n, size_t size, size_t first)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : first;
	if (c < *cap || c > SIZE_MAX / size)
		return false;
	void *q = realloc(*p, c * size);
	if (!q)
		return false;
	*p = q;
	*cap = c;
	return true;
}

/* Little-endian loads from raw dump bytes (x86_64 targets). The common
 * sizes are single loads: this is the innermost loop of every scan. */
static inline uint64_t kp_load(const uint8_t *p, uint32_t size)
{
	uint64_t v = 0;
	uint32_t v32;
	uint16_t v16;

	switch (size) {
	case 8: memcpy(&v, p, 8); return le64toh(v);
	case 4: memcpy(&v32, p, 4); return le32toh(v32);
	case 2: memcpy(&v16, p, 2); return le16toh(v16);
	case 1: return p[0];
	default:
		for (uint32_t i = 0; i < size && i < 8; i++)
			v |= (uint64_t)p[i] << (8 * i);
		return v;
	}
}

static inline int64_t kp_load_signed(const uint8_t *p, uint32_t size)
{
	uint64_t v = kp_load(p, size);
	if (size > 0 && size < 8 && (v >> (8 * size - 1)) & 1)
		v |= ~UINT64_C(0) << (8 * size);
	return (int64_t)v;
}

/* Set by the shell's SIGINT handler (interrupt.c): long walks and
 * transfers stop at their next batch. */
extern volatile sig_atomic_t kp_interrupted;

#endif
