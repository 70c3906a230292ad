/* The page decoder: raw struct page bytes + layout -> struct kp_page (pure:
 * no I/O). */
#ifndef KPAGE_PAGE_DECODE_H
#define KPAGE_PAGE_DECODE_H

#include "layout.h"

/* Decodes one struct page. next may point to the following struct page's
 * bytes (for the compound order kept in the first tail), or be NULL.
 * page_va is the struct page's own address (a tail's compound_info may be
 * a mask of it, kp_compound_rule_mask), 0 when unknown. */
void kp_page_decode(const struct kp_layout *l, const uint8_t *raw,
		    const uint8_t *next, uint64_t pfn, uint64_t page_va,
		    struct kp_page *out);
bool kp_page_flag(const struct kp_layout *l, const struct kp_page *p, int bit);
/* Writes the names of the set flags, comma-separated, resolving aliases by
 * context (swapcache, reported, isolated). */
void kp_page_flag_names(const struct kp_layout *l, const struct kp_page *p,
			char *buf, size_t len);

/* page_decode.c: kp_page_decode for the scans, the layout checked once. */
struct kp_decoder {
	const struct kp_layout *l;
	bool fast;            /* the fields read per page are plain loads */
	uint32_t type_all;    /* every page_type bit of the era */
	uint32_t typed_lo, typed_hi;   /* page_type values that can hold a type */
};
void kp_decoder_init(struct kp_decoder *d, const struct kp_layout *l);
void kp_decoder_page(const struct kp_decoder *d, const uint8_t *raw, const uint8_t *next,
		     uint64_t pfn, uint64_t page_va, struct kp_page *p);

#endif
