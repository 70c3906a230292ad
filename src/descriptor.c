/* The live descriptor of a page (descriptor.h). Every member is found by
 * name in the debuginfo: the overlay type where the kernel has one (struct
 * slab 5.17+, struct folio 5.16+, struct ptdesc 6.6+), else struct page's
 * own union variant, at the page of a compound page that holds it. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "descriptor.h"
#include "internal.h"
#include "types.h"
#include "layout.h"
#include "page_decode.h"

static struct kp_desc_field *desc_add(struct kp_desc *d, const char *group, const char *name,
				      enum kp_desc_value t)
{
	static struct kp_desc_field spare;
	if (d->n == KP_DESC_MAX)
		return memset(&spare, 0, sizeof(spare));
	struct kp_desc_field *f = &d->f[d->n++];
	memset(f, 0, sizeof(*f));
	f->group = group;
	f->name = name;
	f->t = t;
	return f;
}

static void desc_uint(struct kp_desc *d, const char *g, const char *name, uint64_t v)
{
	desc_add(d, g, name, KP_DV_UINT)->u = v;
}

static void desc_int(struct kp_desc *d, const char *g, const char *name, int64_t v)
{
	desc_add(d, g, name, KP_DV_INT)->i = v;
}

static void desc_hex(struct kp_desc *d, const char *g, const char *name, uint64_t v)
{
	desc_add(d, g, name, KP_DV_HEX)->u = v;
}

static void desc_bool(struct kp_desc *d, const char *g, const char *name, bool v)
{
	desc_add(d, g, name, KP_DV_BOOL)->u = v;
}

static void desc_str(struct kp_desc *d, const char *g, const char *name, const char *s)
{
	snprintf(desc_add(d, g, name, KP_DV_STR)->s, sizeof(d->f[0].s), "%s", s);
}

/* Unknown, with the reason. */
static void desc_null(struct kp_desc *d, const char *g, const char *name, const char *why)
{
	snprintf(desc_add(d, g, name, KP_DV_NULL)->s, sizeof(d->f[0].s), "%s", why);
}

static void describe_slab(struct kp_owners *o, const uint8_t *raw, uint64_t va, struct kp_desc *d)
{
	struct kp_slab_info si;

	d->kind = "slab";
	snprintf(d->source, sizeof(d->source), "%s", kp_owners_layout(o)->slab_type);
	kp_owner_slab_info(o, raw, &si);
	const struct kp_slab_owner *c = kp_owner_slab(o, si.cache);
	if (c->why[0])
		desc_null(d, NULL, "cache", c->why);
	else
		desc_str(d, NULL, "cache", c->name);
	const struct kp_owner_layout *ol = kp_owners_layout(o);
	if (ol->sl_cache.present)
		desc_hex(d, NULL, "cache_addr", si.cache);
	if (!c->why[0]) {
		desc_uint(d, NULL, "object_size", c->object_size);
		desc_uint(d, NULL, "size", c->size);
	}
	if (si.objects >= 0)
		desc_int(d, NULL, "objects", si.objects);
	/* A CPU's active slab: the objects on that CPU's freelist are free. */
	const struct kp_slab_cpu *cpu = kp_owner_slab_cpu_of(c, va);
	if (cpu) {
		desc_uint(d, NULL, "cpu", cpu->cpu);
		if (cpu->free >= 0) {
			desc_int(d, NULL, "cpu_freelist", cpu->free);
			if (si.inuse >= cpu->free)
				si.inuse -= cpu->free;
		} else {
			desc_null(d, NULL, "cpu_freelist", "the CPU's freelist cannot be walked");
		}
	}
	if (si.inuse >= 0)
		desc_int(d, NULL, "inuse", si.inuse);
	if (si.objects >= 0 && si.inuse >= 0)
		desc_int(d, NULL, "free", si.objects - si.inuse);
	if (si.frozen >= 0)
		desc_bool(d, NULL, "frozen", si.frozen);
	if (ol->sl_freelist.present)
		desc_hex(d, NULL, "freelist", si.freelist);
	if (si.vector)
		desc_hex(d, NULL, "objcg_vector", si.vector);
}

/* A folio's field: the struct folio member, else struct page's member in
 * page[PAGE] of the compound page; BIAS is added (atomic counts stored
 * from -1). */
struct folio_field {
	const char *name;
	const char *folio[3], *page[3];
	int page_index, bias;
	bool list, hugetlb_only;
};

static const struct folio_field folio_fields[] = {
	{ "nr_pages", { "_folio_nr_pages", "_nr_pages" }, { "compound_nr" }, 1, 0, false, false },
	{ "entire_mapcount", { "_entire_mapcount" }, { NULL }, 1, 1, false, false },
	{ "entire_mapcount", { NULL }, { "compound_mapcount" }, 1, 1, false, false },
	{ "large_mapcount", { "_large_mapcount" }, { NULL }, 1, 1, false, false },
	{ "total_mapcount", { "_total_mapcount" }, { NULL }, 1, 1, false, false },
	{ "nr_pages_mapped", { "_nr_pages_mapped" }, { "subpages_mapcount" }, 1, 0, false, false },
	{ "pincount", { "_pincount" }, { "compound_pincount", "hpage_pinned_refcount" }, 1, 0,
	  false, false },
	{ "deferred_split", { "_deferred_list" }, { "deferred_list" }, 2, 0, true, false },
	{ "hugetlb_subpool", { "_hugetlb_subpool" }, { NULL }, 1, 0, false, true },
	{ "hugetlb_cgroup", { "_hugetlb_cgroup" }, { NULL }, 1, 0, false, true },
};

/* Where a folio field is, as an offset from the head's struct page. */
static bool folio_field_at(struct kp_mm *mm, const struct folio_field *ff, struct kp_field *f,
			   uint32_t *off)
{
	const char *type = "struct folio";
	const char *const *names = ff->folio;
	for (int pass = 0; pass < 2; pass++) {
		if (kp_types_has(mm->ty, type))
			for (int i = 0; i < 3 && names[i]; i++) {
				kp_error *err = kp_types_field(mm->ty, type, names[i], f);
				if (!err && f->present) {
					*off = f->offset + (pass ? ff->page_index * mm->l->page_size : 0);
					return true;
				}
				kp_error_free(err);
			}
		type = "struct page";
		names = ff->page;
	}
	return false;
}

static void describe_folio(struct kp_mm *mm, const struct kp_page *h, uint64_t head_va,
			   struct kp_desc *d)
{
	uint8_t buf[3 * KP_PAGE_STRUCT_MAX];
	size_t missing = 0;
	uint32_t span = 3 * mm->l->page_size;

	d->kind = "folio";
	snprintf(d->source, sizeof(d->source), "%s", kp_types_has(mm->ty, "struct folio") ?
		 "struct folio" : "struct page (compound)");
	desc_int(d, NULL, "order", h->order);
	if (h->order >= 1 && span <= sizeof(buf)) {
		kp_error *err = kp_mm_read(mm, head_va, buf, span, &missing);
		if (err || missing) {
			kp_error_free(err);
			desc_null(d, NULL, "fields", "the folio's first tails are not in the dump");
			return;
		}
		/* (6.1's folio names compound_mapcount _total_mapcount: a field
		 * is given once, by its first name) */
		uint32_t done[KP_ARRAY_SIZE(folio_fields)];
		size_t nd = 0;
		for (size_t i = 0; i < KP_ARRAY_SIZE(folio_fields); i++) {
			const struct folio_field *ff = &folio_fields[i];
			struct kp_field f;
			uint32_t off;
			bool dup = false;
			if ((ff->hugetlb_only && !h->hugetlb) || !folio_field_at(mm, ff, &f, &off) ||
			    off + (f.size ? f.size : 8) > span)
				continue;
			for (size_t j = 0; j < nd; j++)
				dup |= done[j] == off;
			if (dup || (i > 0 && !strcmp(ff->name, folio_fields[i - 1].name) &&
				    d->n && !strcmp(d->f[d->n - 1].name, ff->name)))
				continue;
			done[nd++] = off;
			if (ff->list) {
				uint64_t next = kp_load(buf + off, 8);
				desc_bool(d, NULL, ff->name, next && next != head_va + off);
			} else if (ff->hugetlb_only) {
				desc_hex(d, NULL, ff->name, kp_load(buf + off, 8));
			} else {
				desc_int(d, NULL, ff->name, kp_load_signed(buf + off, f.size) + ff->bias);
			}
		}
	}
	if (h->hugetlb)
		desc_bool(d, NULL, "hugetlb", true);
}

static void describe_table(struct kp_mm *mm, const uint8_t *raw, struct kp_desc *d)
{
	const char *type = kp_types_has(mm->ty, "struct ptdesc") ? "struct ptdesc" : "struct page";
	static const char *const names[] = { "pt_mm", "ptl", "pt_frag_refcount" };
	bool mm_set = false;

	d->kind = "page_table";
	snprintf(d->source, sizeof(d->source), "%s", type);
	for (size_t i = 0; i < KP_ARRAY_SIZE(names); i++) {
		struct kp_field f;
		kp_error *err = kp_types_field(mm->ty, type, names[i], &f);
		if (!err && f.present && f.offset + f.size <= mm->l->page_size) {
			uint64_t v = kp_field_load(raw, &f);
			desc_hex(d, NULL, names[i], v);
			if (i == 0)
				mm_set = v != 0;
		}
		kp_error_free(err);
	}
	/* x86 notes the mm only in a top-level table (pgd_set_mm). */
	if (mm_set)
		desc_str(d, NULL, "level", "pgd");
	else
		desc_null(d, NULL, "level", "not recorded in the page for lower levels");
}

static void describe_file(struct kp_owners *o, const struct kp_page *h, uint64_t index,
			  bool index_known, struct kp_desc *d)
{
	const struct kp_file_owner *f = kp_owner_file(o, h->mapping);
	char dev[32];

	d->kind = "page_cache";
	snprintf(d->source, sizeof(d->source), "struct address_space");
	desc_hex(d, "file", "mapping", h->mapping);
	if (f->inode) {
		desc_hex(d, "file", "inode_addr", f->inode);
		desc_uint(d, "file", "inode", f->ino);
		desc_str(d, "file", "sb", f->sb);
		desc_str(d, "file", "fs", f->fs);
		snprintf(dev, sizeof(dev), "%u:%u", f->dev >> 20, f->dev & 0xfffff);
		desc_str(d, "file", "dev", dev);
		if (f->size >= 0)
			desc_int(d, "file", "size", f->size);
	}
	if (f->has_path)
		desc_str(d, "file", "path", f->path);
	else
		desc_null(d, "file", "path", f->why);
	if (index_known) {
		desc_uint(d, "file", "index", index);
		desc_uint(d, "file", "offset", index * KP_PAGE_SIZE);
	}
}

static void describe_memcg(struct kp_owners *o, const uint8_t *raw, struct kp_desc *d)
{
	uint64_t ptr, memcg = 0;
	char why[KP_OWNER_WHY] = "";
	enum kp_memcg_kind k = kp_owner_memcg_data(o, raw, &ptr);

	if (k == KP_MEMCG_NONE || k == KP_MEMCG_UNKNOWN)
		return;
	desc_str(d, "memcg", "kind", kp_memcg_kind_name(k));
	desc_hex(d, "memcg", "memcg_data", kp_field_load(raw, &kp_owners_layout(o)->pg_memcg));
	if (k == KP_MEMCG_VECTOR) {
		desc_hex(d, "memcg", "objcg_vector", ptr);
		return;
	}
	if (k == KP_MEMCG_KMEM || k == KP_MEMCG_OBJCG) {
		desc_hex(d, "memcg", "objcg", ptr);
		memcg = kp_owner_objcg_memcg(o, ptr, why, sizeof(why));
	} else {
		memcg = ptr;
	}
	desc_hex(d, "memcg", "memcg", memcg);
	const struct kp_memcg_owner *m = kp_owner_memcg(o, memcg);
	if (m->has_path)
		desc_str(d, "memcg", "path", m->path);
	else
		desc_null(d, "memcg", "path", why[0] ? why : m->why);
}

/* page_pool pages: pp_magic is PP_SIGNATURE (0x40 + POISON_POINTER_DELTA,
 * include/net/page_pool, an era rule: macros are not in the debuginfo) in
 * the bits it is compared on. */
static bool describe_page_pool(struct kp_mm *mm, const uint8_t *raw, struct kp_desc *d)
{
	const struct kp_layout *l = mm->l;
	struct kp_field pp, dma;
	if (!l->pg_pp_magic.present)
		return false;
	uint64_t magic = kp_field_load(raw, &l->pg_pp_magic);
	if ((magic & 0xfc) != 0x40 || (magic >> 48) != 0xdead)
		return false;
	d->kind = "page_pool";
	snprintf(d->source, sizeof(d->source), "struct page (page_pool)");
	desc_hex(d, NULL, "pp_magic", magic);
	kp_error *e1 = kp_types_field(mm->ty, "struct page", "pp", &pp);
	kp_error *e2 = kp_types_field(mm->ty, "struct page", "dma_addr", &dma);
	if (!e1 && pp.present)
		desc_hex(d, NULL, "pp", kp_field_load(raw, &pp));
	if (!e2 && dma.present)
		desc_hex(d, NULL, "dma_addr", kp_field_load(raw, &dma));
	kp_error_free(e1);
	kp_error_free(e2);
	return true;
}

/* ZONE_DEVICE pages: page->pgmap and its dev_pagemap's type, named by
 * enum memory_type. */
static bool describe_zone_device(struct kp_mm *mm, const struct kp_page *h, const uint8_t *raw,
				 struct kp_desc *d)
{
	const struct kp_zone *z = kp_mm_zone_of_pfn(mm, h->pfn);
	struct kp_field pgmap, type;
	if (!z || strcmp(z->name, "Device"))
		return false;
	d->kind = "zone_device";
	snprintf(d->source, sizeof(d->source), "struct page (ZONE_DEVICE)");
	kp_error *e1 = kp_types_field(mm->ty, "struct page", "pgmap", &pgmap);
	kp_error *e2 = kp_types_field(mm->ty, "struct dev_pagemap", "type", &type);
	if (!e1 && !e2 && pgmap.present && type.present) {
		uint64_t pm = kp_field_load(raw, &pgmap);
		uint8_t t[8];
		size_t missing = 0;
		desc_hex(d, NULL, "pgmap", pm);
		kp_error *err = kp_mm_read(mm, pm + type.offset, t, type.size <= 8 ? type.size : 8,
					   &missing);
		if (err || missing) {
			desc_null(d, NULL, "pgmap_type", "the dev_pagemap is not in the dump");
		} else {
			int64_t v = (int64_t)kp_load(t, type.size);
			const struct kp_enumerator *e;
			size_t n = 0;
			const char *name = NULL;
			kp_error *ee = kp_types_enum(mm->ty, "memory_type", &e, &n);
			for (size_t i = 0; !ee && i < n; i++)
				if (e[i].value == v)
					name = e[i].name;
			kp_error_free(ee);
			if (name)
				desc_str(d, NULL, "pgmap_type", name);
			else
				desc_int(d, NULL, "pgmap_type", v);
		}
		kp_error_free(err);
	}
	kp_error_free(e1);
	kp_error_free(e2);
	return true;
}

/* zsmalloc pages: through struct zpdesc (6.14+) where the kernel has it. */
static void describe_zsmalloc(struct kp_mm *mm, const uint8_t *raw, struct kp_desc *d)
{
	static const char *const names[] = { "zspage", "first_obj_offset", "next" };
	const char *type = kp_types_has(mm->ty, "struct zpdesc") ? "struct zpdesc" : "struct page";
	d->kind = "zsmalloc";
	snprintf(d->source, sizeof(d->source), "%s", type);
	for (size_t i = 0; i < KP_ARRAY_SIZE(names); i++) {
		struct kp_field f;
		kp_error *err = kp_types_field(mm->ty, type, names[i], &f);
		if (!err && f.present && f.offset + f.size <= mm->l->page_size)
			desc_hex(d, NULL, names[i], kp_field_load(raw, &f));
		kp_error_free(err);
	}
}

/* The descriptor of head (or single) page H. TAIL_PFN: the page asked
 * about (for a file page's offset). */
static void describe_head(struct kp_mm *mm, struct kp_owners *o, const struct kp_page *h,
			  enum kp_class c, const uint8_t *raw, uint64_t tail_pfn, struct kp_desc *d)
{
	uint64_t va = 0, run;
	kp_mm_pfn_to_page(mm, h->pfn, &va, &run);
	if (c == KP_CLASS_FREE) {
		d->kind = h->type == KP_TYPE_BUDDY ? "buddy" : "free";
		if (h->type == KP_TYPE_BUDDY) {
			desc_int(d, NULL, "order", h->order);
			uint32_t mt;
			if (kp_mm_pageblock_migratetype(mm, h->pfn, &mt))
				desc_uint(d, NULL, "pageblock_migratetype", mt);
		}
		return;
	}
	if (c == KP_CLASS_SLAB) {
		describe_slab(o, raw, va, d);
	} else if (c == KP_CLASS_PAGETABLE) {
		describe_table(mm, raw, d);
	} else if (h->compound == KP_COMPOUND_HEAD && h->order >= 1) {
		describe_folio(mm, h, va, d);
	} else if (describe_page_pool(mm, raw, d) || describe_zone_device(mm, h, raw, d)) {
		return;
	} else if (h->type == KP_TYPE_ZSMALLOC) {
		describe_zsmalloc(mm, raw, d);
	} else {
		d->kind = "page";
		snprintf(d->source, sizeof(d->source), "struct page");
	}
	if (h->mapping_kind == KP_MAP_FILE) {
		bool known = mm->l->pg_index.present;
		describe_file(o, h, h->index + (tail_pfn - h->pfn), known, d);
	} else if (h->mapping_kind == KP_MAP_ANON || h->mapping_kind == KP_MAP_KSM) {
		bool ksm = h->mapping_kind == KP_MAP_KSM;
		desc_hex(d, ksm ? "ksm" : "anon", ksm ? "stable_node" : "anon_vma", h->mapping & ~3ull);
		desc_hex(d, ksm ? "ksm" : "anon", "index", h->index + (tail_pfn - h->pfn));
		if (kp_page_flag(mm->l, h, mm->l->pg_swapcache))
			desc_hex(d, "anon", "swap_entry", h->private_);
	} else if (h->mapping_kind == KP_MAP_MOVABLE) {
		desc_hex(d, "movable", "movable_operations", h->mapping & ~3ull);
	}
	describe_memcg(o, raw, d);
}

void kp_page_describe(struct kp_mm *mm, struct kp_owners *o, const struct kp_page *p,
		      enum kp_class c, const uint8_t *raw, struct kp_desc *d)
{
	uint8_t hraw[KP_PAGE_STRUCT_MAX];

	memset(d, 0, sizeof(*d));
	d->kind = "none";
	d->of_pfn = p->pfn;
	if (!p->in_dump) {
		d->kind = "missing";
		return;
	}
	if (p->compound == KP_COMPOUND_TAIL && c != KP_CLASS_FREE) {
		struct kp_page h;
		enum kp_class hc;
		kp_error *err = NULL;
		if (mm->l->page_size > sizeof(hraw) || !p->head_pfn ||
		    (err = kp_scan_one(mm, p->head_pfn, &h, &hc, hraw))) {
			kp_error_free(err);
			d->kind = "tail";
			desc_null(d, NULL, "head", "the head's struct page cannot be read");
			return;
		}
		d->of_pfn = p->head_pfn;
		describe_head(mm, o, &h, hc, hraw, p->pfn, d);
		return;
	}
	describe_head(mm, o, p, c, raw, p->pfn, d);
}
