/* seed_freelist VMLINUX VMCORE OUTDIR: seeds for fuzz_freelist from a
 * fixture dump. For every zone, windows of 256 struct pages (at the zone's
 * start and at the first entries of its free lists) are written with the
 * zone's free_area[] bytes and the fixture's own addresses, so that the
 * list pointers inside the window stay valid in the fuzzed machine; and
 * each window once more with its lists relinked to hold only the blocks
 * inside it (and nr_free to match): a consistent state, from which the
 * fuzzer starts where the walker reports nothing. The struct page rules
 * are those of fuzz_layouts.h for the era of 6.1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buddy.h"
#include "session.h"
#include "freelist_input.h"
#include "layout.h"

#define MAX_BLOCKS 4096

struct blocks { struct kp_free_block b[MAX_BLOCKS]; int n; const struct kp_zone *zone; };

static void collect(void *arg, const struct kp_free_block *b)
{
	struct blocks *f = arg;
	if (b->zone == f->zone && f->n < MAX_BLOCKS)
		f->b[f->n++] = *b;
}

static void put_u64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

/* Relinks every list of the window's copy to the blocks inside it. */
static void relink(const struct kp_layout *l, const struct fl_header *h, uint8_t *area,
		   uint8_t *memmap, const struct blocks *all)
{
	for (uint32_t o = 0; o < l->nr_orders; o++) {
		uint64_t count = 0;
		for (uint32_t mt = 0; mt < l->nr_migratetypes; mt++) {
			uint64_t hoff = (uint64_t)o * l->free_area_size + l->fa_free_list.offset +
					(uint64_t)mt * l->fa_free_list.elem_size;
			uint64_t head = h->area_va + hoff, prev = head;
			uint8_t *prev_next = area + hoff;
			if (hoff + 16 > FL_AREA_BYTES)
				continue;
			for (int i = 0; i < all->n; i++) {
				const struct kp_free_block *b = &all->b[i];
				if (b->order != o || b->migratetype != mt || b->pfn < h->start_pfn ||
				    b->pfn >= h->start_pfn + FL_NPFN)
					continue;
				uint64_t link = h->vmemmap + b->pfn * FL_PAGE_SIZE + l->pg_list.offset;
				uint8_t *lp = memmap + (b->pfn - h->start_pfn) * FL_PAGE_SIZE + l->pg_list.offset;
				put_u64(prev_next, link);
				put_u64(lp + 8, prev);
				prev = link;
				prev_next = lp;
				count++;
			}
			put_u64(prev_next, head);
			put_u64(area + hoff + 8, prev);
		}
		uint64_t nf = (uint64_t)o * l->free_area_size + l->fa_nr_free.offset;
		if (nf + 8 <= FL_AREA_BYTES)
			put_u64(area + nf, count);
	}
}

static int write_seed(struct kp_session *s, const struct kp_zone *z, uint64_t start,
		      const struct blocks *relink_to, const char *path)
{
	const struct kp_layout *l = &s->layout;
	static uint8_t buf[FL_INPUT_BYTES];
	struct fl_header h = { 0 };
	uint64_t va, run;
	size_t missing = 0;

	memset(buf, 0, sizeof(buf));
	start &= ~63ull;
	h.rules = 2 | FL_SCAN | FL_PAGEBLOCKS;    /* 4.18 - 6.11 page_type rules */
	h.nr_orders = (uint8_t)(l->nr_orders - 1);
	h.nr_mt = (uint8_t)(l->nr_migratetypes - 1);
	h.fa_size = (uint16_t)l->free_area_size;
	h.nr_free_off = (uint16_t)l->fa_nr_free.offset;
	h.area_va = z->addr + l->zone_free_area.offset;
	h.start_pfn = start;
	h.vmemmap = s->mm.vmemmap_base;
	memcpy(buf, &h, sizeof(h));
	size_t area = (size_t)l->nr_orders * l->free_area_size;
	kp_error *err = kp_mm_read(&s->mm, h.area_va, buf + sizeof(h),
				   area < FL_AREA_BYTES ? area : FL_AREA_BYTES, &missing);
	if (!err && kp_mm_pfn_to_page(&s->mm, start, &va, &run))
		err = kp_mm_read(&s->mm, va, buf + sizeof(h) + FL_AREA_BYTES,
				 (run < FL_NPFN ? run : FL_NPFN) * l->page_size, &missing);
	if (err) {
		fprintf(stderr, "seed_freelist: %s\n", kp_error_message(err));
		kp_error_free(err);
		return 1;
	}
	if (relink_to)
		relink(l, &h, buf + sizeof(h), buf + sizeof(h) + FL_AREA_BYTES, relink_to);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, sizeof(buf), f) != sizeof(buf) || fclose(f)) {
		perror(path);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct kp_session s = { 0 };
	struct kp_free_report r;
	char path[4096];
	int rc = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: seed_freelist VMLINUX VMCORE OUTDIR\n");
		return 1;
	}
	s.vmlinux_path = strdup(argv[1]);
	s.core_path = argv[2];
	kp_out_init(&s.out, stdout, false);
	kp_error *err = kp_session_open_core(&s);
	if (err) {
		fprintf(stderr, "seed_freelist: %s\n", kp_error_message(err));
		return 1;
	}
	if (s.layout.page_size != FL_PAGE_SIZE || s.mm.model != KP_MODEL_VMEMMAP) {
		fprintf(stderr, "seed_freelist: needs a vmemmap fixture with 64-byte struct pages\n");
		return 1;
	}
	static struct blocks all;
	for (uint32_t i = 0; i < s.mm.nr_zones && !rc; i++) {
		const struct kp_zone *z = &s.mm.zones[i];
		uint64_t starts[9], nstart = 0;
		all.n = 0;
		all.zone = z;
		if ((err = kp_buddy_walk(&s.mm, false, collect, &all, &r))) {
			fprintf(stderr, "seed_freelist: %s\n", kp_error_message(err));
			kp_error_free(err);
			rc = 1;
		}
		kp_free_report_release(&r);
		/* The zone's start and the windows of its first blocks. */
		starts[nstart++] = z->start_pfn & ~63ull;
		for (int k = 0; k < all.n && nstart < 9; k++)
			if ((all.b[k].pfn & ~63ull) / FL_NPFN != starts[nstart - 1] / FL_NPFN)
				starts[nstart++] = all.b[k].pfn & ~63ull;
		for (uint64_t k = 0; k < nstart && !rc; k++)
			for (int rl = 0; rl < 2 && !rc; rl++) {
				snprintf(path, sizeof(path), "%s/seed-node%u-zone%u-pfn%llu%s", argv[3],
					 z->node, z->index, (unsigned long long)starts[k],
					 rl ? "-relinked" : "");
				rc |= write_seed(&s, z, starts[k], rl ? &all : NULL, path);
			}
	}
	kp_session_close(&s);
	return rc;
}
