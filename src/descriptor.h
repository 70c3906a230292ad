/* The live descriptor of a page: which overlay of struct page holds it (a
 * slab, a folio, a page table, page cache, anon ...) and that variant's
 * fields by name with their values decoded, owners named. Only the live
 * variant's fields are given. */
#ifndef KPAGE_DESCRIPTOR_H
#define KPAGE_DESCRIPTOR_H

#include "owner.h"
#include "scan.h"

enum kp_desc_value { KP_DV_UINT, KP_DV_INT, KP_DV_HEX, KP_DV_STR, KP_DV_BOOL, KP_DV_NULL };

/* GROUP: NULL for the descriptor's own fields, else the owner it names
 * ("file", "memcg"). A field that could not be read is KP_DV_NULL with
 * the reason in s ("?" in text). */
struct kp_desc_field {
	const char *group, *name;
	enum kp_desc_value t;
	uint64_t u;
	int64_t i;
	char s[512];
};

#define KP_DESC_MAX 40

struct kp_desc {
	const char *kind;      /* "slab", "folio", "page_table", "page_cache", "anon", ... */
	char source[64];       /* the type it was read through: "struct slab" ... */
	uint64_t of_pfn;       /* the head it describes (a tail's head), else the pfn */
	int n;
	struct kp_desc_field f[KP_DESC_MAX];
};

/* Describes page P (class C, raw bytes RAW). A tail is described by its
 * head's descriptor (read here), with the tail's own offset where it has
 * one (a file page's byte offset). */
void kp_page_describe(struct kp_mm *mm, struct kp_owners *o, const struct kp_page *p,
		      enum kp_class c, const uint8_t *raw, struct kp_desc *d);

#endif
