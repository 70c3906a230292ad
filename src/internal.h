/* Declarations shared between libkpage's files but not part of its API. */
#ifndef KPAGE_INTERNAL_H
#define KPAGE_INTERNAL_H

#include <endian.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* target_flat.c: *fd_out is a reassembled copy of a flattened dump, or -1
 * when PATH is not flattened. */
kp_error *kp_target_flattened_prepare(const char *path, int *fd_out);

/* target_kind.c: a file that cannot be a dump (a vmlinux, a program, an
 * ELF core of another machine, headers cut short), refused before
 * libkdumpfile reads it; and, once libkdumpfile refused PATH with LIB_MSG,
 * the reason in kpage's words. */
kp_error *kp_target_header_check(const char *path, int fd);
kp_error *kp_target_refusal(const char *path, int fd, const char *lib_msg);

/* FNV-1a of NAME, seeded by KIND: the name indexes' hash (DWARF, BTF,
 * kallsyms), where the same name may be of several kinds. */
/* Larger than any kernel struct kpage reads members of (struct pglist_data
 * is some 170 KiB): a member past it is damage. */
#define KP_MAX_STRUCT_BYTES (8u << 20)

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

/* A member's value; a bitfield is read from the bytes it spans only (none
 * past its last: the types layer holds every member within its struct). */
static inline uint64_t kp_field_load(const uint8_t *base, const struct kp_field *f)
{
	if (!f->present)
		return 0;
	if (f->bit_size) {
		uint32_t shift = f->bit_offset % 8, bits = f->bit_size > 64 ? 64 : f->bit_size;
		uint32_t bytes = (shift + bits + 7) / 8;
		const uint8_t *p = base + f->bit_offset / 8;
		uint64_t w = kp_load(p, bytes > 8 ? 8 : bytes) >> shift;
		if (bytes > 8)          /* a 64-bit field that starts mid-byte */
			w |= (uint64_t)p[8] << (64 - shift);
		return bits >= 64 ? w : w & ((UINT64_C(1) << bits) - 1);
	}
	return kp_load(base + f->offset, f->size);
}

/* layout_check.c: the built layout's members inside their structs, its
 * sizes within kpage's buffers (an error naming the value, exit 2). */
kp_error *kp_layout_check(struct kp_types *ty, const struct kp_layout *l);

/* layout_pageblock.c: the pageblock bitmap's shape from enum pageblock_bits
 * (pb_* of the layout); an unknown shape is noted in l->pb_error. */
kp_error *kp_layout_pageblock(struct kp_types *ty, struct kp_layout *l);
/* The page type rule and values (layout_pagetype.c), after the page flags. */
void kp_layout_page_types(struct kp_types *ty, const char *vmci, struct kp_layout *l);
/* What page->mapping's low bits mean in this era (layout_pagetype.c). */
void kp_layout_mapping_kinds(struct kp_types *ty, struct kp_layout *l, bool pg_isolated);

/* page_decode.c: kp_page_decode for the scans, the layout checked once. */
struct kp_decoder {
	const struct kp_layout *l;
	bool fast;            /* the fields read per page are plain loads */
	uint32_t type_all;    /* every page_type bit of the era */
};
void kp_decoder_init(struct kp_decoder *d, const struct kp_layout *l);
void kp_decoder_page(const struct kp_decoder *d, const uint8_t *raw, const uint8_t *next,
		     uint64_t pfn, uint64_t page_va, struct kp_page *p);

#endif
