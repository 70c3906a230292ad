/* The mem_map scan. Struct pages are read in batches of up to 1 MiB (never one
 * small read per page) and decoded in pfn order. Context that a single page
 * does not carry is propagated here: the pages after a free block's head are
 * free, and a compound tail belongs to its head's class. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "progress.h"
#include "scan_impl.h"
#include "layout.h"
#include "page_decode.h"

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
	bool types = l->buddy_rule->names_types;
	switch (c) {
	case KP_CLASS_SLAB: return l->pg_slab >= 0 || (types && l->type_slab);
	/* the top-byte rule names zsmalloc (movable) pages only with its value */
	case KP_CLASS_MOVABLE: return !l->buddy_rule->movable_needs_zsmalloc || l->type_zsmalloc;
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
	if (l->pg_reserved >= 0 && l->pg_reserved < 64 && (p->flags >> l->pg_reserved) & 1)
		return KP_CLASS_RESERVED;   /* kp_page_flag, inline: every page comes here */
	switch (p->mapping_kind) {
	case KP_MAP_ANON: return KP_CLASS_ANON;
	case KP_MAP_KSM: return KP_CLASS_KSM;
	case KP_MAP_FILE: return KP_CLASS_FILE;
	case KP_MAP_MOVABLE:   /* a class kpage cannot see whole is the kernel's */
		return kp_class_known(l, KP_CLASS_MOVABLE) ? KP_CLASS_MOVABLE : KP_CLASS_KERNEL;
	default: break;
	}
	if (p->refcount == 0 && p->compound != KP_COMPOUND_TAIL)
		return KP_CLASS_UNREFERENCED;
	return KP_CLASS_KERNEL;
}

void kp_scan_ctx_init(struct scan_ctx *sc, struct kp_mm *mm, uint8_t *buf)
{
	memset(sc, 0, sizeof(*sc));
	sc->mm = mm;
	sc->buf = buf;
	kp_decoder_init(&sc->dec, mm->l);
}

void kp_scan_ctx_part(struct scan_ctx *sc, uint64_t start, const struct scan_state *in)
{
	sc->part = true;
	sc->guessed = false;
	sc->part_start = start;
	sc->st = sc->in = *in;
	sc->head_set = sc->free_set = sc->head_used = false;
	sc->free_probe = UINT64_MAX;
}

/* A scan's (or a part's) first tail whose head lies before its start: the
 * head's struct page (and the next, for the order) read on their own tell
 * the compound page; for a part, the state before the part most likely
 * held (checked when the parts are merged). */
static void scan_guess_head(struct scan_ctx *sc, uint64_t hp)
{
	struct kp_mm *mm = sc->mm;
	uint32_t psize = mm->l->page_size;
	uint8_t raw[2 * KP_PAGE_STRUCT_MAX];
	uint64_t va, run;
	size_t missing = 0;
	struct kp_page h;

	sc->guessed = true;
	if (psize > KP_PAGE_STRUCT_MAX || !kp_mm_pfn_to_page(mm, hp, &va, &run))
		return;
	kp_error *err = kp_mm_read(mm, va, raw, (run > 1 ? 2 : 1) * (size_t)psize, &missing);
	if (err || missing) {
		kp_error_free(err);
		return;
	}
	kp_page_decode(mm->l, raw, run > 1 ? raw + psize : NULL, hp, va, &h);
	if (h.compound != KP_COMPOUND_HEAD)
		return;
	sc->st.head_pfn = sc->in.head_pfn = hp;
	sc->st.head_end = sc->in.head_end = h.order >= 0 ? hp + (1ull << h.order) : hp + 1;
	sc->st.head_class = sc->in.head_class = kp_page_class(mm->l, &h);
	sc->st.head_unsized = sc->in.head_unsized = h.order < 0;
}

static const char *const inv_names[KP_INV__SCAN][2] = {
	[KP_INV_TAIL_COVERED] = { "tail-covered",
		"compound tails whose head is not a head whose order covers them" },
	[KP_INV_HEAD_TAILS] = { "head-tails",
		"pages inside a compound head's order that are not its tails" },
	[KP_INV_FREE_UNUSED] = { "free-unused",
		"pages inside a free block that are in use (or head another block)" },
};

const char *kp_invariant_name(enum kp_invariant i)
{
	return i < KP_INV__SCAN ? inv_names[i][0] : "?";
}

const char *kp_invariant_text(enum kp_invariant i)
{
	return i < KP_INV__SCAN ? inv_names[i][1] : "?";
}

void kp_scan_stats_add(struct kp_scan_stats *to, const struct kp_scan_stats *s)
{
	to->pages += s->pages;
	to->missing += s->missing;
	to->batches += s->batches;
	to->bytes += s->bytes;
	to->unreadable += s->unreadable;
	for (int i = 0; i < KP_INV__SCAN; i++) {
		if (!to->broken[i] && s->broken[i])
			to->broken_pfn[i] = s->broken_pfn[i];   /* parts come in pfn order */
		to->broken[i] += s->broken[i];
	}
}

static inline void scan_broken(struct kp_scan_stats *st, enum kp_invariant i, uint64_t pfn)
{
	if (!st->broken[i]++)
		st->broken_pfn[i] = pfn;
}

/* A tail's head pfn (false: its compound_head names no struct page). */
static bool scan_tail_head(struct scan_ctx *sc, const struct kp_page *p, uint64_t *hp)
{
	uint64_t sec = sc->mm->model == KP_MODEL_SPARSE ?
		p->pfn >> sc->mm->pfn_section_shift : 0;   /* the lookup's hint */
	if (!sc->tail_valid || p->compound_head_addr != sc->tail_addr || sec != sc->tail_sec) {
		sc->tail_ok = kp_mm_page_to_pfn(sc->mm, p->compound_head_addr, p->pfn, &sc->tail_hp);
		sc->tail_valid = true;
		sc->tail_addr = p->compound_head_addr;
		sc->tail_sec = sec;
	}
	*hp = sc->tail_hp;
	return sc->tail_ok;
}

/* The class of a page in its context, and the invariants it keeps or
 * breaks (pages not in the dump are not judged). */
static enum kp_class scan_context_class(struct scan_ctx *sc, struct kp_page *p,
					struct kp_scan_stats *bs)
{
	const struct kp_layout *l = sc->mm->l;
	struct scan_state *st = &sc->st;
	enum kp_class c = kp_page_class(l, p);
	bool in_free = p->in_dump && p->pfn < st->free_end;
	bool in_head = p->in_dump && p->pfn > st->head_pfn && p->pfn < st->head_end;
	uint64_t hp = UINT64_MAX;

	if (p->type == KP_TYPE_BUDDY && p->order >= 0) {
		if (in_free)
			scan_broken(bs, KP_INV_FREE_UNUSED, p->pfn);
		if (in_head)
			scan_broken(bs, KP_INV_HEAD_TAILS, p->pfn);
		st->free_end = p->pfn + (1ull << p->order);
		sc->free_set = true;
		return c;
	}
	if (c != KP_CLASS_MISSING && p->type == KP_TYPE_NONE && p->refcount == 0) {
		if (!sc->free_set && sc->free_probe == UINT64_MAX)
			sc->free_probe = p->pfn;
		if (p->pfn < st->free_end) {
			if (in_head)
				scan_broken(bs, KP_INV_HEAD_TAILS, p->pfn);
			return KP_CLASS_FREE;
		}
	} else if (in_free) {
		scan_broken(bs, KP_INV_FREE_UNUSED, p->pfn);
	}
	if (p->compound == KP_COMPOUND_TAIL) {
		bool ok = scan_tail_head(sc, p, &hp);
		if (ok) {
			p->head_pfn = hp;
			if (!sc->head_set) {
				if (!sc->guessed && hp < sc->part_start)
					scan_guess_head(sc, hp);
				sc->head_used = true;
			}
		}
		if (in_head && hp != st->head_pfn)
			scan_broken(bs, KP_INV_HEAD_TAILS, p->pfn);
		if (ok && hp == st->head_pfn && p->pfn < st->head_end) {
			p->hugetlb = st->head_class == KP_CLASS_HUGETLB;
			return st->head_class;
		}
		/* (a head whose first tail is not in the dump has no known order) */
		if (p->in_dump && !(ok && hp == st->head_pfn && st->head_unsized))
			scan_broken(bs, KP_INV_TAIL_COVERED, p->pfn);
		return c;   /* a wild or uncovered compound_head: classed on its own */
	}
	if (in_head)
		scan_broken(bs, KP_INV_HEAD_TAILS, p->pfn);
	if (p->compound == KP_COMPOUND_HEAD) {
		st->head_pfn = p->pfn;
		st->head_end = p->order >= 0 ? p->pfn + (1ull << p->order) : p->pfn + 1;
		st->head_unsized = p->order < 0;
		st->head_class = c;
		sc->head_set = true;
	}
	return c;
}

/* A scan that starts at START > 0 inside a free block: the block's head is
 * at START rounded down to its order, so one struct page per order tells
 * (pages --pfn N, whose pages after the head carry no mark of their own). */
static void scan_free_before(struct scan_ctx *sc, uint64_t start)
{
	struct kp_mm *mm = sc->mm;
	uint32_t psize = mm->l->page_size;
	uint8_t raw[2 * KP_PAGE_STRUCT_MAX];

	for (uint32_t o = 1; o < mm->l->nr_orders && o < 64 && psize <= KP_PAGE_STRUCT_MAX; o++) {
		uint64_t h = start & ~((1ull << o) - 1), va, run;
		size_t missing = 0;
		struct kp_page p;
		if (h == start || !kp_mm_pfn_to_page(mm, h, &va, &run))
			continue;
		kp_error *err = kp_mm_read(mm, va, raw, (run > 1 ? 2 : 1) * (size_t)psize, &missing);
		if (err || missing) {
			kp_error_free(err);
			continue;
		}
		kp_page_decode(mm->l, raw, run > 1 ? raw + psize : NULL, h, va, &p);
		if (p.type == KP_TYPE_BUDDY && p.order >= (int)o && h + (1ull << p.order) > start) {
			sc->st.free_end = h + (1ull << p.order);
			return;
		}
	}
}

bool kp_scan_part_agrees(const struct scan_ctx *sc, const struct scan_state *actual)
{
	const struct scan_state *in = &sc->in;
	uint64_t s = sc->part_start;

	/* No free block is guessed: pages probed before the part's first free
	 * head must lie past the actual one's end; a free block reaching into
	 * the part (none does on a sound dump: blocks are aligned to their
	 * order) had its pages judged as if it were not there. */
	if (sc->free_probe < actual->free_end || actual->free_end > s)
		return false;
	/* A compound page reaching into the part: its pages there were judged
	 * (as its tails or not) with the head the part started with. */
	if (!sc->head_used)
		return actual->head_end <= s;
	if (in->head_end <= s && actual->head_end <= s)
		return true;   /* neither reaches into the part */
	return in->head_pfn == actual->head_pfn && in->head_end == actual->head_end &&
	       in->head_class == actual->head_class;
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
		kp_decoder_page(&sc->dec, raw, has_next ? raw + psize : NULL, pfn + i,
				page_va + i * psize, &p);
		p.in_dump = !page_missing[i];
		enum kp_class c = scan_context_class(sc, &p, st);
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

kp_error *kp_scan_range(struct scan_ctx *sc, uint64_t start, uint64_t end, kp_page_fn fn,
		     void *arg, struct kp_scan_stats *st, bool *stop)
{
	struct kp_mm *mm = sc->mm;
	kp_error *err = NULL;

	if (end > mm->max_pfn)
		end = mm->max_pfn;
	for (uint64_t pfn = start; pfn < end && !*stop && !err;) {
		uint64_t va, run;
		if (kp_interrupted)
			return kp_errorf(KP_EXIT_USAGE, "interrupted at pfn %llu", (unsigned long long)pfn);
		if (!kp_mm_pfn_to_page(mm, pfn, &va, &run)) {
			/* No struct page: skip to the next section. */
			uint64_t step = mm->model == KP_MODEL_FLAT ? end - pfn :
				((pfn >> mm->pfn_section_shift) + 1) << mm->pfn_section_shift;
			step = mm->model == KP_MODEL_FLAT || step > end ? end : step;
			kp_progress_add(sc->prog, step - pfn);
			pfn = step;
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
		err = scan_batch(sc, pfn, n, lookahead, va, fn, arg, st, stop);
		kp_progress_add(sc->prog, n);
		pfn += n;
	}
	return err;
}

kp_error *kp_scan(struct kp_mm *mm, uint64_t start, uint64_t end, kp_page_fn fn, void *arg,
		  struct kp_scan_stats *stats)
{
	struct scan_ctx sc;
	struct kp_scan_stats local = { 0 };
	bool stop = false;
	uint8_t *buf = malloc((size_t)(SCAN_BATCH_PAGES + 1) * mm->l->page_size);

	if (!buf)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	kp_scan_ctx_init(&sc, mm, buf);
	/* A first tail whose head lies before START takes its head's class
	 * from the head's own struct page (pages --pfn N inside a compound
	 * page, or a gigantic page's tail). */
	sc.part_start = start;
	if (start > 0)
		scan_free_before(&sc, start);
	if (end > mm->max_pfn)
		end = mm->max_pfn;
	sc.prog = kp_progress_begin("mem_map", end > start ? end - start : 0);
	kp_error *err = kp_scan_range(&sc, start, end, fn, arg, stats ? stats : &local, &stop);
	kp_progress_end(sc.prog);
	free(buf);
	/* A callback that stopped on a failed write (EINTR) during Ctrl-C. */
	if (!err && stop && kp_interrupted)
		err = kp_errorf(KP_EXIT_USAGE, "interrupted");
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
		return kp_errorf(KP_EXIT_USAGE, "pfn %llu has no struct page (highest pfn %llu)",
				 (unsigned long long)pfn, (unsigned long long)mm->max_pfn - 1);
	/* Scan from the start of the enclosing max-order block so that the
	 * context (free block head, compound head) is known. */
	uint64_t from = pfn & ~((1ull << (mm->l->nr_orders ? mm->l->nr_orders - 1 : 10)) - 1);
	p->pfn = UINT64_MAX;
	kp_error *err = kp_scan(mm, from, pfn + 1, scan_one_fn, &c, NULL);
	if (!err && p->pfn != pfn)
		err = kp_errorf(KP_EXIT_INPUT, "pfn %llu could not be read", (unsigned long long)pfn);
	return err;
}
