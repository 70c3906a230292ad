/* The mem_map scan. Struct pages are read in batches of up to 1 MiB (never one
 * small read per page) and decoded in pfn order. Context that a single page
 * does not carry is propagated here: the pages after a free block's head are
 * free, and a compound tail belongs to its head's class. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "progress.h"
#include "scan.h"

#define SCAN_BATCH_PAGES 16384u

volatile sig_atomic_t kp_interrupted;

static const char *const class_names[KP_CLASS__COUNT] = {
	[KP_CLASS_FREE] = "free", [KP_CLASS_SLAB] = "slab", [KP_CLASS_ANON] = "anon",
	[KP_CLASS_KSM] = "ksm", [KP_CLASS_FILE] = "file", [KP_CLASS_MOVABLE] = "movable",
	[KP_CLASS_PAGETABLE] = "pagetable", [KP_CLASS_HUGETLB] = "hugetlb",
	[KP_CLASS_RESERVED] = "reserved", [KP_CLASS_OFFLINE] = "offline",
	[KP_CLASS_GUARD] = "guard", [KP_CLASS_UNREFERENCED] = "unreferenced",
	[KP_CLASS_KERNEL] = "kernel", [KP_CLASS_MISSING] = "missing",
};

const char *kp_class_name(enum kp_class c)
{
	return c < KP_CLASS__COUNT ? class_names[c] : "?";
}

bool kp_class_by_name(const char *name, enum kp_class *out)
{
	for (int c = 0; c < KP_CLASS__COUNT; c++)
		if (strcmp(name, class_names[c]) == 0) {
			*out = (enum kp_class)c;
			return true;
		}
	return false;
}

bool kp_class_known(const struct kp_layout *l, enum kp_class c)
{
	bool types = l->buddy_rule == KP_BUDDY_TYPE_BITS || l->buddy_rule == KP_BUDDY_TYPE_BYTE;
	switch (c) {
	case KP_CLASS_SLAB: return l->pg_slab >= 0 || (types && l->type_slab);
	case KP_CLASS_PAGETABLE: return types && l->type_table;
	case KP_CLASS_HUGETLB:
		return (l->hugetlb_dtor >= 0 && l->pg_compound_dtor.present) ||
			(types && l->type_hugetlb);
	case KP_CLASS_RESERVED: return l->pg_reserved >= 0;
	case KP_CLASS_OFFLINE: return types && l->type_offline;
	case KP_CLASS_GUARD: return types && l->type_guard;
	case KP_CLASS_KERNEL:
		/* the rest: exact only when every class above is known */
		for (int k = 0; k < KP_CLASS_UNREFERENCED; k++)
			if (!kp_class_known(l, (enum kp_class)k))
				return false;
		return true;
	default: return true;
	}
}

enum kp_class kp_page_class(const struct kp_layout *l, const struct kp_page *p)
{
	if (!p->in_dump)
		return KP_CLASS_MISSING;
	switch (p->type) {
	case KP_TYPE_BUDDY: return KP_CLASS_FREE;
	case KP_TYPE_SLAB: return KP_CLASS_SLAB;
	case KP_TYPE_TABLE: return KP_CLASS_PAGETABLE;
	case KP_TYPE_OFFLINE: return KP_CLASS_OFFLINE;
	case KP_TYPE_GUARD: return KP_CLASS_GUARD;
	case KP_TYPE_HUGETLB: return KP_CLASS_HUGETLB;
	case KP_TYPE_ZSMALLOC: return KP_CLASS_MOVABLE;
	default: break;
	}
	if (p->hugetlb)
		return KP_CLASS_HUGETLB;
	if (kp_page_flag(l, p, l->pg_reserved))
		return KP_CLASS_RESERVED;
	switch (p->mapping_kind) {
	case KP_MAP_ANON: return KP_CLASS_ANON;
	case KP_MAP_KSM: return KP_CLASS_KSM;
	case KP_MAP_FILE: return KP_CLASS_FILE;
	case KP_MAP_MOVABLE: return KP_CLASS_MOVABLE;
	default: break;
	}
	if (p->refcount == 0 && p->compound != KP_COMPOUND_TAIL)
		return KP_CLASS_UNREFERENCED;
	return KP_CLASS_KERNEL;
}

/* State carried from page to page in pfn order. */
struct scan_ctx {
	struct kp_mm *mm;
	uint64_t free_end;             /* pfns below it are in a free block */
	uint64_t head_pfn, head_end;   /* the current compound page */
	enum kp_class head_class;
	uint8_t *buf;
};

static enum kp_class scan_context_class(struct scan_ctx *sc, struct kp_page *p)
{
	const struct kp_layout *l = sc->mm->l;
	enum kp_class c = kp_page_class(l, p);

	if (p->type == KP_TYPE_BUDDY && p->order >= 0) {
		sc->free_end = p->pfn + (1ull << p->order);
		return c;
	}
	if (p->pfn < sc->free_end && c != KP_CLASS_MISSING && p->type == KP_TYPE_NONE &&
	    p->refcount == 0)
		return KP_CLASS_FREE;
	if (p->compound == KP_COMPOUND_HEAD) {
		sc->head_pfn = p->pfn;
		sc->head_end = p->order >= 0 ? p->pfn + (1ull << p->order) : p->pfn + 1;
		sc->head_class = c;
	} else if (p->compound == KP_COMPOUND_TAIL) {
		uint64_t hp;
		if (!kp_mm_page_to_pfn(sc->mm, p->compound_head_addr, p->pfn, &hp))
			return c;   /* a wild compound_head: classed on its own */
		p->head_pfn = hp;
		if (hp == sc->head_pfn && p->pfn < sc->head_end) {
			p->hugetlb = sc->head_class == KP_CLASS_HUGETLB;
			return sc->head_class;
		}
	}
	return c;
}

/* Marks the struct pages of a batch whose bytes are not in the dump (or
 * whose mapping is gone: those count as unreadable too). */
static void scan_find_missing(struct kp_mm *mm, uint64_t va, size_t len, uint8_t *buf,
			      bool *page_missing, uint32_t psize, uint64_t npages,
			      struct kp_scan_stats *st)
{
	for (size_t off = 0; off < len;) {
		size_t chunk = KP_PAGE_SIZE - ((va + off) & (KP_PAGE_SIZE - 1)), missing = 0;
		if (chunk > len - off)
			chunk = len - off;
		kp_error *err = kp_mm_read(mm, va + off, buf + off, chunk, &missing);
		if (err || missing)
			for (size_t i = off / psize; i <= (off + chunk - 1) / psize; i++) {
				if (err && !page_missing[i] && i < npages)
					st->unreadable++;
				page_missing[i] = true;
			}
		if (err) {
			memset(buf + off, 0, chunk);
			kp_error_free(err);
		}
		off += chunk;
	}
}

static kp_error *scan_batch(struct scan_ctx *sc, uint64_t pfn, uint64_t n, bool lookahead,
			    uint64_t page_va, kp_page_fn fn, void *arg,
			    struct kp_scan_stats *st, bool *stop)
{
	const struct kp_layout *l = sc->mm->l;
	uint32_t psize = l->page_size;
	size_t len = (size_t)(n + (lookahead ? 1 : 0)) * psize, missing = 0;
	static __thread bool page_missing[SCAN_BATCH_PAGES + 1];
	kp_error *err = kp_mm_read(sc->mm, page_va, sc->buf, len, &missing);

	memset(page_missing, 0, sizeof(bool) * (n + 1));
	if (err || missing) {
		/* Page by page: what is there is decoded, the rest is missing. */
		kp_error_free(err);
		scan_find_missing(sc->mm, page_va, len, sc->buf, page_missing, psize, n, st);
	}
	st->batches++;
	st->bytes += len;
	for (uint64_t i = 0; i < n; i++) {
		struct kp_page p;
		const uint8_t *raw = sc->buf + i * psize;
		bool has_next = (i + 1 < n || lookahead) && !page_missing[i + 1];
		kp_page_decode(l, raw, has_next ? raw + psize : NULL, pfn + i, &p);
		p.in_dump = !page_missing[i];
		enum kp_class c = scan_context_class(sc, &p);
		st->pages++;
		if (!p.in_dump)
			st->missing++;
		if (fn(arg, &p, c, raw)) {
			*stop = true;
			return NULL;
		}
	}
	return NULL;
}

kp_error *kp_scan(struct kp_mm *mm, uint64_t start, uint64_t end, kp_page_fn fn, void *arg,
		  struct kp_scan_stats *stats)
{
	struct scan_ctx sc = { .mm = mm };
	struct kp_scan_stats local = { 0 };
	struct kp_scan_stats *st = stats ? stats : &local;
	kp_error *err = NULL;
	bool stop = false;
	uint64_t cap = 0;      /* struct pages sc.buf holds: the largest batch so far */

	if (end > mm->max_pfn)
		end = mm->max_pfn;
	struct kp_progress *prog = kp_progress_begin("mem_map", end > start ? end - start : 0);
	for (uint64_t pfn = start; pfn < end && !stop && !err;) {
		uint64_t va, run;
		if (kp_interrupted) {
			err = kp_errorf(KP_EXIT_USAGE, "interrupted at pfn %llu", (unsigned long long)pfn);
			break;
		}
		if (!kp_mm_pfn_to_page(mm, pfn, &va, &run)) {
			/* No struct page: skip to the next section. */
			uint64_t step = mm->model == KP_MODEL_FLAT ? end - pfn :
				((pfn >> mm->pfn_section_shift) + 1) << mm->pfn_section_shift;
			kp_progress_add(prog, (mm->model == KP_MODEL_FLAT ? end : step) - pfn);
			pfn = mm->model == KP_MODEL_FLAT ? end : step;
			continue;
		}
		if (run > end - pfn)
			run = end - pfn;
		uint64_t n = run < SCAN_BATCH_PAGES ? run : SCAN_BATCH_PAGES;
		/* One more struct page for the compound order kept in the
		 * first tail, when it directly follows in virtual memory. */
		uint64_t next_va, next_run;
		bool lookahead = n < run || (kp_mm_pfn_to_page(mm, pfn + n, &next_va, &next_run) &&
					     next_va == va + n * mm->l->page_size);
		if (n + 1 > cap) {
			free(sc.buf);
			cap = n + 1;
			if (!(sc.buf = malloc((size_t)cap * mm->l->page_size))) {
				err = kp_errorf(KP_EXIT_INPUT, "out of memory");
				break;
			}
		}
		err = scan_batch(&sc, pfn, n, lookahead, va, fn, arg, st, &stop);
		kp_progress_add(prog, n);
		pfn += n;
	}
	kp_progress_end(prog);
	free(sc.buf);
	return err;
}

struct one_ctx {
	struct kp_page *out;
	enum kp_class *cls;
	uint8_t *raw;
	uint64_t pfn;
	uint32_t psize;
};

static int scan_one_fn(void *arg, const struct kp_page *p, enum kp_class cls, const uint8_t *raw)
{
	struct one_ctx *c = arg;
	if (p->pfn != c->pfn)
		return 0;
	*c->out = *p;
	*c->cls = cls;
	if (c->raw)
		memcpy(c->raw, raw, c->psize);
	return 1;
}

kp_error *kp_scan_one(struct kp_mm *mm, uint64_t pfn, struct kp_page *p, enum kp_class *cls,
		      uint8_t *raw_out)
{
	struct one_ctx c = { p, cls, raw_out, pfn, mm->l->page_size };
	uint64_t va, run;

	if (pfn >= mm->max_pfn || !kp_mm_pfn_to_page(mm, pfn, &va, &run))
		return kp_errorf(KP_EXIT_USAGE, "pfn 0x%llx has no struct page (highest pfn 0x%llx)",
				 (unsigned long long)pfn, (unsigned long long)mm->max_pfn - 1);
	/* Scan from the start of the enclosing max-order block so that the
	 * context (free block head, compound head) is known. */
	uint64_t from = pfn & ~((1ull << (mm->l->nr_orders ? mm->l->nr_orders - 1 : 10)) - 1);
	p->pfn = UINT64_MAX;
	kp_error *err = kp_scan(mm, from, pfn + 1, scan_one_fn, &c, NULL);
	if (!err && p->pfn != pfn)
		err = kp_errorf(KP_EXIT_INPUT, "pfn 0x%llx could not be read", (unsigned long long)pfn);
	return err;
}
