/* The memory model's nodes and zones: pglist_data of every node (node_data
 * or contig_page_data) and its populated struct zones, read once at open. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "memmodel.h"
#include "target.h"
#include "types.h"
#include "layout.h"

/* One past the highest pfn the memory model can map (MAX_PHYSMEM_BITS). */
static uint64_t mm_pfn_limit(const struct kp_mm *mm)
{
	uint32_t bits = mm->l->max_physmem_bits;
	return bits > 12 && bits < 64 ? UINT64_C(1) << (bits - 12) : UINT64_C(1) << 52;
}

/* A span must lie inside its container: a damaged spanned_pages would
 * have every walk over it run for ever. */
static kp_error *mm_span_check(const struct kp_mm *mm, const char *what, uint64_t start,
			       uint64_t spanned, uint64_t lo, uint64_t hi, const char *container)
{
	if (start >= lo && spanned <= hi - lo && start - lo <= hi - lo - spanned)
		return NULL;
	return kp_errorf(KP_EXIT_INPUT, "%s: %s spans %llu pages from pfn %llu, past %s (pfn "
			 "%llu-%llu): the dump's %s is damaged", kp_target_path(mm->t), what,
			 (unsigned long long)spanned, (unsigned long long)start, container,
			 (unsigned long long)lo, (unsigned long long)hi, what);
}

static kp_error *mm_read_zone(struct kp_mm *mm, const struct kp_node *n, uint32_t idx,
			      uint64_t addr, uint8_t *buf)
{
	struct kp_layout *l = mm->l;
	uint32_t node = n->id;
	size_t missing = 0;
	kp_error *err = kp_mm_read(mm, addr, buf, l->zone_size, &missing);
	if (err)
		return kp_error_prefix(err, "reading struct zone %u of node %u", idx, node);
	if (missing)   /* zeros would read as an empty zone */
		return kp_errorf(KP_EXIT_INPUT, "%s: struct zone %u of node %u (0x%llx) is not in the "
				 "dump", kp_target_path(mm->t), idx, node, (unsigned long long)addr);
	uint64_t spanned = kp_field_load(buf, &l->zone_spanned);
	if (spanned == 0)
		return NULL;      /* an empty zone: nothing to scan */
	struct kp_zone *z = realloc(mm->zones, (mm->nr_zones + 1) * sizeof(*z));
	if (!z)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	mm->zones = z;
	z = &mm->zones[mm->nr_zones++];
	memset(z, 0, sizeof(*z));
	z->node = node;
	z->index = idx;
	z->addr = addr;
	z->start_pfn = kp_field_load(buf, &l->zone_start_pfn);
	z->span_known = l->zone_start_pfn.present;
	z->spanned = spanned;
	z->present = kp_field_load(buf, &l->zone_present);
	z->managed = kp_field_load(buf, &l->zone_managed);
	z->pageblock_flags = kp_field_load(buf, &l->zone_pageblock_flags);
	uint64_t name = kp_field_load(buf, &l->zone_name);
	kp_error *nerr = NULL;
	if (!name || (nerr = kp_mm_read_string(mm, name, z->name, sizeof(z->name))))
		snprintf(z->name, sizeof(z->name), "zone%u", idx);
	else
		z->name_known = true;
	kp_error_free(nerr);
	/* Inside its node's span; a node that spans no page has no zone with
	 * pages (node 0's pglist_data read at a wrong address said 0 and let
	 * zones of 2^64 pages through). */
	char what[64];
	snprintf(what, sizeof(what), "node %u zone %s", node, z->name);
	if (!l->pgdat_spanned.present)
		return z->span_known ? mm_span_check(mm, what, z->start_pfn, spanned, 0, mm_pfn_limit(mm),
						     "the largest physical address (MAX_PHYSMEM_BITS)")
				     : NULL;
	if (z->span_known)
		return mm_span_check(mm, what, z->start_pfn, spanned, n->start_pfn,
				     n->start_pfn + n->spanned, "its node's span");
	if (spanned > n->spanned)   /* (VMCOREINFO has no zone_start_pfn) */
		return kp_errorf(KP_EXIT_INPUT, "%s: %s spans %llu pages, past its node's span (%llu "
				 "pages): the dump's %s is damaged", kp_target_path(mm->t), what,
				 (unsigned long long)spanned, (unsigned long long)n->spanned, what);
	return NULL;
}

/* A pglist_data that is not whole in the dump: which part is missing, one
 * of its struct zones (named by enum zone_type where the types have it) or
 * the rest. Zeros would read as an empty zone or a node without memory. */
static kp_error *mm_pgdat_missing(struct kp_mm *mm, uint64_t pgdat, uint32_t nid)
{
	const struct kp_layout *l = mm->l;
	const struct kp_enumerator *zt = NULL;
	size_t nzt = 0;
	uint8_t *buf = malloc(l->zone_size);

	kp_error_free(kp_types_enum(mm->ty, "zone_type", &zt, &nzt));
	for (uint32_t i = 0; buf && i < l->pgdat_node_zones.count; i++) {
		uint64_t zone = pgdat + l->pgdat_node_zones.offset + (uint64_t)i * l->zone_size;
		size_t missing = 0;
		kp_error *err = kp_mm_read(mm, zone, buf, l->zone_size, &missing);
		kp_error_free(err);
		if (err || !missing)
			continue;
		const char *name = NULL;
		for (size_t k = 0; k < nzt; k++)
			if (zt[k].value == (int64_t)i)
				name = zt[k].name;
		free(buf);
		return kp_errorf(KP_EXIT_INPUT, "%s: struct zone %u%s%s%s of node %u (0x%llx) is not "
				 "in the dump", kp_target_path(mm->t), i, name ? " (" : "",
				 name ? name : "", name ? ")" : "", nid, (unsigned long long)zone);
	}
	free(buf);
	return kp_errorf(KP_EXIT_INPUT, "%s: pglist_data of node %u (0x%llx) is not in the dump",
			 kp_target_path(mm->t), nid, (unsigned long long)pgdat);
}

static kp_error *mm_read_node(struct kp_mm *mm, uint64_t pgdat, uint32_t nid)
{
	struct kp_layout *l = mm->l;
	uint8_t *buf = malloc(l->pgdat_size);
	size_t missing = 0;
	kp_error *err;

	if (!buf)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	err = kp_mm_read(mm, pgdat, buf, l->pgdat_size, &missing);
	if (!err && missing)
		err = mm_pgdat_missing(mm, pgdat, nid);
	/* node_data[nid]->node_id is nid: another value is a damaged entry
	 * (two entries naming one pglist_data would count its zones twice). */
	uint64_t id = err || !l->pgdat_node_id.present ? nid : kp_field_load(buf, &l->pgdat_node_id);
	if (!err && id != nid)
		err = kp_errorf(KP_EXIT_INPUT, "%s: node %u's pglist_data (0x%llx) says node_id %llu: "
				"the dump's node_data[%u] or that pglist_data is damaged",
				kp_target_path(mm->t), nid, (unsigned long long)pgdat,
				(unsigned long long)id, nid);
	if (!err) {
		struct kp_node *n = &mm->nodes[mm->nr_nodes++];
		n->id = nid;
		n->pgdat = pgdat;
		n->start_pfn = kp_field_load(buf, &l->pgdat_start_pfn);
		n->spanned = kp_field_load(buf, &l->pgdat_spanned);
		n->present = kp_field_load(buf, &l->pgdat_present);
		char what[32];
		snprintf(what, sizeof(what), "node %u", n->id);
		if ((err = mm_span_check(mm, what, n->start_pfn, n->spanned, 0, mm_pfn_limit(mm),
					 "the largest physical address (MAX_PHYSMEM_BITS)"))) {
			free(buf);
			return err;
		}
		if (n->start_pfn + n->spanned > mm->max_pfn)
			mm->max_pfn = n->start_pfn + n->spanned;
		if (mm->model == KP_MODEL_FLAT && l->pgdat_node_mem_map.present && !mm->flat_mem_map)
			mm->flat_mem_map = kp_field_load(buf, &l->pgdat_node_mem_map);
		/* VMCOREINFO gives no length for node_zones[]: nr_zones (one
		 * past the highest populated zone) bounds the populated ones. */
		uint32_t nz = l->pgdat_node_zones.count;
		if (!nz && l->pgdat_nr_zones.present)
			nz = (uint32_t)kp_field_load(buf, &l->pgdat_nr_zones);
		uint8_t *zbuf = malloc(l->zone_size);
		if (!zbuf)   /* not a node without zones */
			err = kp_errorf(KP_EXIT_INPUT, "out of memory reading the zones of node %u",
					n->id);
		for (uint32_t i = 0; !err && i < nz && i < KP_MAX_ZONES_PER_NODE; i++)
			err = mm_read_zone(mm, n, i, pgdat + l->pgdat_node_zones.offset +
					   (uint64_t)i * l->zone_size, zbuf);
		free(zbuf);
	}
	free(buf);
	return err;
}

kp_error *kp_mm_read_nodes(struct kp_mm *mm, uint32_t *max_numnodes)
{
	uint64_t addr;
	uint32_t len = 0;
	int depth = 0;
	kp_error *err;

	if (kp_mm_symbol(mm, "node_data", &addr)) {
		int64_t vlen;
		if (!kp_types_var(mm->ty, "node_data", &len, &depth) || !len)
			len = kp_vmcoreinfo_number(mm->vmci, "LENGTH(node_data)", &vlen) ? (uint32_t)vlen : 0;
		if (!len || len > KP_MAX_NODES)
			return kp_errorf(KP_EXIT_INPUT, "node_data: cannot tell MAX_NUMNODES");
		uint64_t *ptrs = calloc(len, 8);
		size_t missing = 0;
		if (!ptrs)
			return kp_errorf(KP_EXIT_INPUT, "out of memory");
		err = kp_mm_read(mm, addr, ptrs, (size_t)len * 8, &missing);
		if (!err && missing)   /* zeros would read as nodes that are not there */
			err = kp_errorf(KP_EXIT_INPUT, "%s: node_data[] is not in the dump",
					kp_target_path(mm->t));
		for (uint32_t i = 0; !err && i < len; i++)
			if (ptrs[i])
				err = mm_read_node(mm, ptrs[i], i);
		free(ptrs);
		*max_numnodes = len;
		return err;
	}
	if (kp_mm_symbol(mm, "contig_page_data", &addr)) {
		*max_numnodes = 1;
		return mm_read_node(mm, addr, 0);
	}
	if ((err = kp_mm_symtab_error(mm)))
		return err;
	return kp_errorf(KP_EXIT_INPUT, "%s: neither node_data nor contig_page_data",
			 kp_types_path(mm->ty));
}

bool kp_mm_cpu_offsets(struct kp_mm *mm, const uint64_t **off, uint32_t *n)
{
	uint64_t offsets, ncpu_addr, ncpu = 0;
	size_t missing = 0;
	kp_error *err;

	if (!mm->cpu_tried) {
		mm->cpu_tried = true;
		if (!kp_mm_symbol(mm, "__per_cpu_offset", &offsets) ||
		    !kp_mm_symbol(mm, "nr_cpu_ids", &ncpu_addr))
			return false;
		if ((err = kp_mm_read_u64(mm, ncpu_addr, &ncpu))) {
			kp_error_free(err);
			return false;
		}
		ncpu &= 0xffffffff;     /* unsigned int */
		if (ncpu == 0 || ncpu > 8192 || !(mm->cpu_off = calloc(ncpu, 8)))
			return false;
		if ((err = kp_mm_read(mm, offsets, mm->cpu_off, ncpu * 8, &missing)) || missing) {
			kp_error_free(err);
			free(mm->cpu_off);
			mm->cpu_off = NULL;
			return false;
		}
		for (uint64_t i = 0; i < ncpu; i++)
			mm->cpu_off[i] = le64toh(mm->cpu_off[i]);
		mm->ncpu = (uint32_t)ncpu;
	}
	*off = mm->cpu_off;
	*n = mm->ncpu;
	return mm->ncpu > 0;
}

bool kp_mm_percpu_sum(struct kp_mm *mm, uint64_t ptr, uint32_t off, uint32_t size, bool is_signed,
		      int64_t *sum)
{
	const uint64_t *cpu_off;
	uint32_t ncpu;

	*sum = 0;
	if (!ptr || size > 8 || !kp_mm_cpu_offsets(mm, &cpu_off, &ncpu))
		return false;
	for (uint32_t cpu = 0; cpu < ncpu; cpu++) {
		uint8_t raw[8];
		size_t missing = 0;
		kp_error *err = kp_mm_read(mm, ptr + cpu_off[cpu] + off, raw, size, &missing);
		if (err || missing) {
			kp_error_free(err);
			return false;
		}
		*sum += is_signed ? kp_load_signed(raw, size) : (int64_t)kp_load(raw, size);
	}
	return true;
}
