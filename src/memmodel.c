/* The memory model. Kernel virtual addresses are translated by walking the
 * kernel's own page tables (init_top_pgt) read by physical address, so the
 * same code serves ELF, kdump-compressed and filtered dumps and every KASLR
 * layout. Only the kernel image itself is translated by formula
 * (va - __START_KERNEL_map + phys_base), to find the page tables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "kallsyms.h"
#include "memmodel.h"
#include "target.h"
#include "types.h"
#include "symbols.h"
#include "layout.h"

#define START_KERNEL_MAP 0xffffffff80000000ull
#define PTE_PRESENT 1ull
#define PTE_PSE (1ull << 7)

const char *kp_mm_model_name(enum kp_model m)
{
	switch (m) {
	case KP_MODEL_VMEMMAP: return "SPARSEMEM_VMEMMAP";
	case KP_MODEL_SPARSE: return "SPARSEMEM";
	default: return "FLATMEM";
	}
}

/* The dump's kallsyms, read once (some 5 MB of names on a 7.x kernel). */
static void mm_kallsyms_load(struct kp_mm *mm)
{
	if (mm->kallsyms_tried)
		return;
	mm->kallsyms_tried = true;
	kp_error *err = kp_kallsyms_load(mm, &mm->kallsyms);
	if (err)
		snprintf(mm->kallsyms_why, sizeof(mm->kallsyms_why), "%s", kp_error_message(err));
	kp_error_free(err);
}

bool kp_mm_symbol(struct kp_mm *mm, const char *name, uint64_t *addr)
{
	char key[128];
	/* Without a vmlinux (BTF only, --vmcoreinfo-only), VMCOREINFO's
	 * SYMBOL() lines, which hold run-time addresses, then the dump's own
	 * kallsyms. */
	if (mm->syms && kp_symbols_lookup(mm->syms, name, addr)) {
		*addr += mm->kaslr_offset;
		return true;
	}
	/* A damaged symtab answers nothing: VMCOREINFO's few symbols would
	 * let some commands go on without the rest (kp_mm_symtab_error). */
	if (kp_symbols_load_error(mm->syms))
		return false;
	snprintf(key, sizeof(key), "SYMBOL(%s)", name);
	if (kp_vmcoreinfo_hex(mm->vmci, key, addr))
		return true;
	if (mm->syms)
		return false;        /* the symtab has said: not there */
	mm_kallsyms_load(mm);
	return kp_kallsyms_lookup(mm->kallsyms, name, addr);
}

kp_error *kp_mm_symtab_error(const struct kp_mm *mm)
{
	const char *why = kp_symbols_load_error(mm->syms);
	return why ? kp_errorf(KP_EXIT_INPUT, "%s", why) : NULL;
}

kp_error *kp_mm_vtop(struct kp_mm *mm, uint64_t va, uint64_t *pa, uint64_t *leaf_left)
{
	uint64_t table = mm->pgd_phys, size = 0;
	int levels = mm->l5 ? 5 : 4;

	if (va >= mm->tlb_va && va - mm->tlb_va < mm->tlb_size) {
		*pa = mm->tlb_pa + (va - mm->tlb_va);
		*leaf_left = mm->tlb_size - (va - mm->tlb_va);
		return NULL;
	}
	for (int level = levels; level >= 1; level--) {
		int shift = 12 + 9 * (level - 1);
		uint64_t entry, idx = (va >> shift) & 511;
		size_t missing = 0;
		kp_error *err = kp_target_read_phys(mm->t, table + idx * 8, &entry, 8, &missing);
		if (err)
			return err;
		if (missing)
			return kp_errorf(KP_EXIT_INPUT, "%s: page table for 0x%llx is not in the dump",
					 kp_target_path(mm->t), (unsigned long long)va);
		if (!(entry & PTE_PRESENT))
			return kp_errorf(KP_EXIT_INPUT, "%s: kernel address 0x%llx is not mapped",
					 kp_target_path(mm->t), (unsigned long long)va);
		if (level == 1 || ((level == 2 || level == 3) && (entry & PTE_PSE))) {
			size = 1ull << shift;
			uint64_t base = entry & mm->pte_mask & ~(size - 1);
			mm->tlb_va = va & ~(size - 1);
			mm->tlb_size = size;
			mm->tlb_pa = base;
			*pa = base + (va & (size - 1));
			*leaf_left = size - (va & (size - 1));
			return NULL;
		}
		table = entry & mm->pte_mask;
	}
	return kp_errorf(KP_EXIT_INPUT, "cannot translate 0x%llx", (unsigned long long)va);
}

kp_error *kp_mm_read(struct kp_mm *mm, uint64_t va, void *buf, size_t len, size_t *missing)
{
	uint8_t *p = buf;
	while (len > 0) {
		uint64_t pa, left;
		kp_error *err = kp_mm_vtop(mm, va, &pa, &left);
		if (err)
			return err;
		size_t chunk = left < len ? (size_t)left : len;
		if ((err = kp_target_read_phys(mm->t, pa, p, chunk, missing)))
			return err;
		p += chunk;
		va += chunk;
		len -= chunk;
	}
	return NULL;
}

kp_error *kp_mm_read_u64(struct kp_mm *mm, uint64_t va, uint64_t *v)
{
	size_t missing = 0;
	kp_error *err = kp_mm_read(mm, va, v, 8, &missing);
	if (!err && missing)
		err = kp_errorf(KP_EXIT_INPUT, "%s: kernel address 0x%llx is not in the dump",
				kp_target_path(mm->t), (unsigned long long)va);
	return err;
}

kp_error *kp_mm_read_string(struct kp_mm *mm, uint64_t va, char *buf, size_t len)
{
	size_t got = 0;

	/* Page by page, so a short string before an unmapped page still reads. */
	while (got + 1 < len) {
		size_t missing = 0;
		size_t n = KP_PAGE_SIZE - ((va + got) & (KP_PAGE_SIZE - 1));
		if (n > len - 1 - got)
			n = len - 1 - got;
		kp_error *err = kp_mm_read(mm, va + got, buf + got, n, &missing);
		if (!err && missing)   /* zeros there would end the string early */
			err = kp_errorf(KP_EXIT_INPUT, "%s: the string at 0x%llx is not in the dump",
					kp_target_path(mm->t), (unsigned long long)(va + got));
		if (err) {
			buf[got] = '\0';
			return got ? (kp_error_free(err), NULL) : err;
		}
		if (memchr(buf + got, '\0', n))
			return NULL;
		got += n;
	}
	buf[got] = '\0';
	return NULL;
}

/* An error when VMCOREINFO has KEY but its value did not parse. */
static kp_error *mm_vmci_bad(struct kp_mm *mm, const char *key)
{
	char buf[40];
	if (!kp_vmcoreinfo_get(mm->vmci, key, buf, sizeof(buf)))
		return NULL;
	return kp_errorf(KP_EXIT_INPUT, "%s: VMCOREINFO is damaged: %s=%s%s is not a number",
			 kp_target_path(mm->t), key, buf, strlen(buf) == sizeof(buf) - 1 ? "..." : "");
}

/* Finds the kernel page tables and KASLR offsets. */
static kp_error *mm_setup_translation(struct kp_mm *mm)
{
	int64_t v;
	uint64_t pgd, sme = 0;
	kp_error *err = NULL;

	/* KERNELOFFSET moves the vmlinux's symbols (VMCOREINFO's own SYMBOL()
	 * lines already have it); phys_base places the kernel image. */
	if (!kp_vmcoreinfo_hex(mm->vmci, "KERNELOFFSET", &mm->kaslr_offset) && mm->syms)
		err = mm_vmci_bad(mm, "KERNELOFFSET");
	if (kp_vmcoreinfo_number(mm->vmci, "NUMBER(phys_base)", &v))
		mm->phys_base = (uint64_t)v;
	else if (!err)
		err = mm_vmci_bad(mm, "NUMBER(phys_base)");
	if (kp_vmcoreinfo_number(mm->vmci, "NUMBER(pgtable_l5_enabled)", &v))
		mm->l5 = v != 0;
	else if (!err)
		err = mm_vmci_bad(mm, "NUMBER(pgtable_l5_enabled)");
	if (kp_vmcoreinfo_number(mm->vmci, "NUMBER(sme_mask)", &v))
		sme = (uint64_t)v;
	else if (!err)
		err = mm_vmci_bad(mm, "NUMBER(sme_mask)");
	if (err)
		return err;
	mm->pte_mask = 0x000ffffffffff000ull & ~sme;
	if (!kp_mm_symbol(mm, "init_top_pgt", &pgd) && !kp_mm_symbol(mm, "init_level4_pgt", &pgd))
		return (err = kp_mm_symtab_error(mm)) ? err :
			kp_errorf(KP_EXIT_INPUT, "%s: no init_top_pgt or init_level4_pgt symbol",
				  kp_types_path(mm->ty));
	if (pgd < START_KERNEL_MAP)
		return kp_errorf(KP_EXIT_INPUT, "init_top_pgt at 0x%llx is outside the kernel image",
				 (unsigned long long)pgd);
	mm->pgd_phys = pgd - START_KERNEL_MAP + mm->phys_base;
	return NULL;
}

/* Reads every mem_section up to max_pfn into section_map. */
static kp_error *mm_read_sections(struct kp_mm *mm, uint64_t sym)
{
	struct kp_layout *l = mm->l;
	uint32_t arr = 0, per_root;
	int depth = 0;
	uint64_t roots_addr = sym;
	kp_error *err = NULL;

	mm->pfn_section_shift = l->section_size_bits - 12;
	mm->nr_sections = (mm->max_pfn + (1ull << mm->pfn_section_shift) - 1) >> mm->pfn_section_shift;
	mm->section_map = calloc(mm->nr_sections ? mm->nr_sections : 1, 8);
	mm->section_pb = calloc(mm->nr_sections ? mm->nr_sections : 1, 8);
	if (!mm->section_map || !mm->section_pb)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	if (!kp_types_var(mm->ty, "mem_section", &arr, &depth)) {
		/* No variable types (BTF): VMCOREINFO's SYMBOL(mem_section) is
		 * the root array itself in every form (the pointer's value since
		 * 4.15), LENGTH(mem_section) its length. */
		int64_t len;
		if (!kp_vmcoreinfo_hex(mm->vmci, "SYMBOL(mem_section)", &roots_addr) ||
		    !kp_vmcoreinfo_number(mm->vmci, "LENGTH(mem_section)", &len) || len <= 0)
			return kp_errorf(KP_EXIT_INPUT, "the type of mem_section is unknown and "
					 "VMCOREINFO lacks SYMBOL/LENGTH(mem_section)");
		arr = (uint32_t)len;
		depth = 1;
		sym = roots_addr;
	}
	/* SPARSEMEM_EXTREME: roots of PAGE_SIZE worth of sections; the root
	 * array is static (2.6 - 4.14) or allocated (4.15+: mem_section is a
	 * pointer). Without EXTREME, one static 2-D array. */
	bool extreme = depth >= 1;
	per_root = extreme ? KP_PAGE_SIZE / l->mem_section_size : 1;
	if (extreme && depth >= 2 && !arr && (err = kp_mm_read_u64(mm, sym, &roots_addr)))
		return kp_error_prefix(err, "reading mem_section");
	uint8_t *root = malloc((size_t)per_root * l->mem_section_size);
	if (!root)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	uint64_t mask = ~((1ull << l->section_map_mask_bits) - 1);
	for (uint64_t first = 0; !err && first < mm->nr_sections; first += per_root) {
		uint64_t base = roots_addr + first * l->mem_section_size, rootp;
		size_t missing = 0;
		if (extreme) {
			if ((err = kp_mm_read_u64(mm, roots_addr + (first / per_root) * 8, &rootp)))
				break;
			if (!rootp)
				continue;
			base = rootp;
		}
		if ((err = kp_mm_read(mm, base, root, (size_t)per_root * l->mem_section_size, &missing)))
			break;
		if (missing) {   /* zeros would read as sections without a mem_map */
			err = kp_errorf(KP_EXIT_INPUT, "%s: mem_section entries at 0x%llx (sections from "
					"%llu) are not in the dump", kp_target_path(mm->t),
					(unsigned long long)base, (unsigned long long)first);
			break;
		}
		for (uint32_t i = 0; i < per_root && first + i < mm->nr_sections; i++) {
			const uint8_t *ms = root + (size_t)i * l->mem_section_size;
			uint64_t coded = kp_field_load(ms, &l->ms_section_mem_map);
			if (!(coded & l->section_has_mem_map))
				continue;
			mm->section_map[first + i] = coded & mask;
			/* 5.3+: usage->pageblock_flags[]; before: a pointer. */
			if (l->ms_usage.present && l->msu_pageblock_flags.present) {
				uint64_t usage = kp_field_load(ms, &l->ms_usage);
				if (usage)
					mm->section_pb[first + i] = usage + l->msu_pageblock_flags.offset;
			} else if (l->ms_pageblock_flags.present) {
				mm->section_pb[first + i] = kp_field_load(ms, &l->ms_pageblock_flags);
			}
		}
	}
	free(root);
	return err ? kp_error_prefix(err, "reading mem_section") : NULL;
}

static const struct kp_mm *sort_mm;   /* for the qsort below: start-up only */

static uint64_t sec_first_page(const struct kp_mm *mm, uint64_t sec)
{
	return mm->section_map[sec] + (sec << mm->pfn_section_shift) * mm->l->page_size;
}

static int sec_cmp(const void *a, const void *b)
{
	uint64_t x = sec_first_page(sort_mm, *(const uint64_t *)a);
	uint64_t y = sec_first_page(sort_mm, *(const uint64_t *)b);
	return x < y ? -1 : x > y;
}

/* Classic SPARSE: the present sections sorted by where their mem_map lies,
 * so that a struct page address names its pfn whatever the section. */
static kp_error *mm_sort_sections(struct kp_mm *mm)
{
	mm->sec_by_addr = calloc(mm->nr_sections ? mm->nr_sections : 1, sizeof(uint64_t));
	if (!mm->sec_by_addr)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	for (uint64_t i = 0; i < mm->nr_sections; i++)
		if (mm->section_map[i])
			mm->sec_by_addr[mm->nr_sec_by_addr++] = i;
	sort_mm = mm;
	qsort(mm->sec_by_addr, mm->nr_sec_by_addr, sizeof(uint64_t), sec_cmp);
	sort_mm = NULL;
	return NULL;
}

static kp_error *mm_choose_model(struct kp_mm *mm)
{
	uint64_t sym, vbase;
	kp_error *err;

	if (kp_mm_symbol(mm, "mem_section", &sym) && mm->l->mem_section_size) {
		if ((err = mm_read_sections(mm, sym)))
			return err;
		/* In SPARSEMEM_VMEMMAP every section decodes to the same base. */
		uint64_t base = 0;
		bool same = true;
		for (uint64_t i = 0; i < mm->nr_sections; i++) {
			if (!mm->section_map[i])
				continue;
			if (base && mm->section_map[i] != base)
				same = false;
			base = mm->section_map[i];
		}
		/* x86_64 has vmemmap_base whatever the model; the sections tell:
		 * all of them decode to the vmemmap base only in VMEMMAP. */
		bool has_base = kp_mm_symbol(mm, "vmemmap_base", &vbase);
		if (has_base) {
			kp_error *e = kp_mm_read_u64(mm, vbase, &vbase);
			if (e) {
				kp_error_free(e);
				has_base = false;
			}
		}
		if (same && (has_base ? base == vbase : true)) {
			mm->model = KP_MODEL_VMEMMAP;
			mm->vmemmap_base = base;
			mm->model_source = has_base ? "every mem_section decodes to vmemmap_base"
						    : "mem_section (one base for all sections)";
		} else {
			mm->model = KP_MODEL_SPARSE;
			mm->model_source = "mem_section (a mem_map per section)";
			return mm_sort_sections(mm);
		}
		return NULL;
	}
	if (kp_mm_symbol(mm, "mem_map", &sym)) {
		mm->model = KP_MODEL_FLAT;
		mm->model_source = "symbol mem_map";
		return kp_mm_read_u64(mm, sym, &mm->flat_mem_map);
	}
	if ((err = kp_mm_symtab_error(mm)))
		return err;
	return kp_errorf(KP_EXIT_INPUT, "%s: no mem_section or mem_map symbol: unknown memory model",
			 kp_types_path(mm->ty));
}

kp_error *kp_mm_open(struct kp_mm *mm, struct kp_target *t, struct kp_symbols *syms,
		     struct kp_types *ty, struct kp_layout *l)
{
	uint32_t max_numnodes = 1;
	kp_error *err;
	uint64_t tmp;

	memset(mm, 0, sizeof(*mm));
	mm->t = t;
	mm->syms = syms;
	mm->ty = ty;
	mm->l = l;
	mm->vmci = kp_target_vmcoreinfo(t);
	if ((err = mm_setup_translation(mm)))
		return err;
	/* FLATMEM needs to know before nodes are read (node_mem_map). */
	mm->model = kp_mm_symbol(mm, "mem_section", &tmp) ? KP_MODEL_SPARSE : KP_MODEL_FLAT;
	if ((err = kp_mm_read_nodes(mm, &max_numnodes))) {
		/* The first kernel addresses read: without VMCOREINFO's offsets
		 * they cannot be right, and that is what to say. */
		const char *why = !mm->vmci ? "it has no VMCOREINFO note" :
			!*mm->vmci ? "its VMCOREINFO is empty" :
			!kp_vmcoreinfo_get(mm->vmci, "OSRELEASE", (char[2]){ 0 }, 2) ?
			"its VMCOREINFO has no OSRELEASE line (damaged?)" : NULL;
		if (!why)
			return err;
		kp_error_free(err);
		return kp_errorf(KP_EXIT_INPUT, "%s: %s: kernel addresses cannot be translated "
				 "without its KERNELOFFSET and phys_base", kp_target_path(t), why);
	}
	if (!mm->nr_nodes || !mm->nr_zones)
		return kp_errorf(KP_EXIT_INPUT, "%s: no populated node or zone found",
				 kp_target_path(t));
	if (mm->max_pfn > (1ull << (l->max_physmem_bits - 12)))
		return kp_errorf(KP_EXIT_INPUT, "node spans reach pfn 0x%llx, beyond MAX_PHYSMEM_BITS",
				 (unsigned long long)mm->max_pfn);
	if ((err = mm_choose_model(mm)) || (err = kp_mm_symtab_error(mm)))
		return err;   /* (a lookup the memo could not answer found it damaged) */
	kp_layout_set_flags_fields(l, max_numnodes, mm->model == KP_MODEL_SPARSE);
	kp_mm_pageblock_order(mm);
	/* Without a symtab, kallsyms is read now, before any count: on a live
	 * kernel its megabytes, allocated later, took pages off the free lists
	 * between the NR_FREE_PAGES counters and the scan (1024 pages). */
	if (!mm->syms)
		mm_kallsyms_load(mm);
	return kp_mm_symtab_error(mm);
}

void kp_mm_close(struct kp_mm *mm)
{
	free(mm->section_map);
	free(mm->section_pb);
	free(mm->sec_by_addr);
	free(mm->zones);
	free(mm->cpu_off);
	kp_kallsyms_free(mm->kallsyms);
	memset(mm, 0, sizeof(*mm));
}

bool kp_mm_pfn_to_page(struct kp_mm *mm, uint64_t pfn, uint64_t *page, uint64_t *run)
{
	uint32_t size = mm->l->page_size;

	if (pfn >= mm->max_pfn)
		return false;
	if (mm->model == KP_MODEL_FLAT) {
		*page = mm->flat_mem_map + pfn * size;
		*run = mm->max_pfn - pfn;
		return mm->flat_mem_map != 0;
	}
	uint64_t sec = pfn >> mm->pfn_section_shift;
	if (sec >= mm->nr_sections || !mm->section_map[sec])
		return false;
	*page = mm->section_map[sec] + pfn * size;
	*run = ((sec + 1) << mm->pfn_section_shift) - pfn;
	if (pfn + *run > mm->max_pfn)
		*run = mm->max_pfn - pfn;
	return true;
}

/* The section whose struct pages hold ADDR: a binary search over the
 * present sections sorted by where their struct pages lie (built at open,
 * so that the scan threads' copies of the model share it read-only). */
static bool mm_page_to_pfn_any_section(struct kp_mm *mm, uint64_t addr, uint64_t *pfn)
{
	uint64_t per_sec = 1ull << mm->pfn_section_shift, size = mm->l->page_size;
	uint64_t lo = 0, hi = mm->nr_sec_by_addr;

	if (mm->model != KP_MODEL_SPARSE)
		return false;
	while (lo < hi) {      /* the last section starting at or below addr */
		uint64_t mid = lo + (hi - lo) / 2;
		if (sec_first_page(mm, mm->sec_by_addr[mid]) <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return false;
	uint64_t sec = mm->sec_by_addr[lo - 1], start = sec_first_page(mm, sec);
	if (addr - start >= per_sec * size || (addr - start) % size)
		return false;
	*pfn = sec * per_sec + (addr - start) / size;
	return true;
}

bool kp_mm_page_to_pfn(struct kp_mm *mm, uint64_t addr, uint64_t hint_pfn, uint64_t *pfn)
{
	uint32_t size = mm->l->page_size;
	uint64_t base;

	if (mm->model == KP_MODEL_FLAT)
		base = mm->flat_mem_map;
	else if (mm->model == KP_MODEL_VMEMMAP)
		base = mm->vmemmap_base;
	else {
		uint64_t sec = hint_pfn >> mm->pfn_section_shift;
		if (sec >= mm->nr_sections)
			return mm_page_to_pfn_any_section(mm, addr, pfn);
		base = mm->section_map[sec];
	}
	uint64_t check, run;
	if (base && addr >= base && (addr - base) % size == 0) {
		*pfn = (addr - base) / size;
		if (kp_mm_pfn_to_page(mm, *pfn, &check, &run) && check == addr)
			return true;
	}
	/* Classic SPARSEMEM: each section has its own mem_map, and the hint
	 * (the zone's start, or the page itself) may name another one. */
	return mm->model == KP_MODEL_SPARSE && mm_page_to_pfn_any_section(mm, addr, pfn);
}

const struct kp_zone *kp_mm_zone_of_pfn(const struct kp_mm *mm, uint64_t pfn)
{
	/* Later zones win: ZONE_MOVABLE may overlap NORMAL's span. */
	const struct kp_zone *hit = NULL;
	for (uint32_t i = 0; i < mm->nr_zones; i++) {
		const struct kp_zone *z = &mm->zones[i];
		if (z->span_known && pfn >= z->start_pfn && pfn - z->start_pfn < z->spanned)
			hit = z;
	}
	return hit;
}

const struct kp_zone *kp_mm_zone_run(const struct kp_mm *mm, uint64_t pfn, uint64_t *until)
{
	uint64_t next = UINT64_MAX;
	for (uint32_t i = 0; i < mm->nr_zones; i++) {
		const struct kp_zone *z = &mm->zones[i];
		if (z->start_pfn > pfn && z->start_pfn < next)
			next = z->start_pfn;
		if (z->start_pfn + z->spanned > pfn && z->start_pfn + z->spanned < next)
			next = z->start_pfn + z->spanned;
	}
	*until = next;
	return kp_mm_zone_of_pfn(mm, pfn);
}

/* The pb_stride bits of a pageblock from bit BITIDX of the bitmap at BASE
 * (they may straddle two words: 2.6.2x had 3 bits a pageblock). */
static bool pageblock_bits(struct kp_mm *mm, uint64_t base, uint64_t bitidx, uint64_t *out)
{
	uint32_t n = mm->l->pb_stride, got = 0;
	*out = 0;
	while (got < n) {
		uint64_t addr = base + ((bitidx + got) / 64) * 8, word;
		uint32_t sh = (uint32_t)((bitidx + got) % 64), take = 64 - sh < n - got ? 64 - sh : n - got;
		if (addr != mm->pb_cache_addr) {
			kp_error *err = kp_mm_read_u64(mm, addr, &word);
			if (err) {
				kp_error_free(err);
				return false;
			}
			mm->pb_cache_addr = addr;
			mm->pb_cache_word = word;
		}
		word = mm->pb_cache_word >> sh;
		*out |= (take < 64 ? word & ((1ull << take) - 1) : word) << got;
		got += take;
	}
	return true;
}

/* get_pfnblock_migratetype(): the pageblock's bits as enum pageblock_bits
 * lays them out (layout_pageblock.c); the bitmap is per section (SPARSEMEM)
 * or per zone from its pageblock-aligned start (FLATMEM). */
bool kp_mm_pageblock_migratetype(struct kp_mm *mm, uint64_t pfn, uint32_t *mt)
{
	const struct kp_layout *l = mm->l;
	uint64_t base, bitidx, bits;

	if (!l->pb_stride)
		return false;      /* enum pageblock_bits of a shape kpage does not know */
	if (mm->model == KP_MODEL_FLAT) {
		const struct kp_zone *z = kp_mm_zone_of_pfn(mm, pfn);
		if (!z || !z->pageblock_flags)
			return false;
		base = z->pageblock_flags;
		uint64_t start = z->start_pfn & ~((1ull << l->pageblock_order) - 1);
		bitidx = ((pfn - start) >> l->pageblock_order) * l->pb_stride;
	} else {
		uint64_t sec = pfn >> mm->pfn_section_shift;
		if (sec >= mm->nr_sections || !mm->section_pb[sec])
			return false;
		base = mm->section_pb[sec];
		bitidx = ((pfn & ((1ull << mm->pfn_section_shift) - 1)) >> l->pageblock_order) *
			 l->pb_stride;
	}
	if (!pageblock_bits(mm, base, bitidx, &bits))
		return false;
	if (l->pb_isolate_bit >= 0 && (bits >> l->pb_isolate_bit) & 1)
		*mt = (uint32_t)l->mt_isolate;
	else
		*mt = (uint32_t)((bits >> l->pb_mt_shift) & ((1u << l->pb_mt_bits) - 1));
	return true;
}
