/* map [--cell PAGES] [--by class|migratetype] [--svg FILE] [--width N] [--color]
 * A picture of physical memory: one cell per pageblock (or PAGES pages),
 * coloured by the class that holds most of its pages (free cells by the
 * largest free block in them) or by the pageblock's migratetype, with node
 * and zone boundaries and a legend. SVG to a file, or a grid on the terminal. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buddy.h"
#include "checks.h"
#include "map.h"
#include "query.h"
#include "types.h"
#include "layout.h"

/* One part of the scan (scan threads): cells wholly inside the part are
 * written in place; its first and last cells, which another part may share,
 * are kept aside and added in when the part is merged. */
struct map_part {
	struct map_ctx *m;
	uint64_t totals[KP_CLASS__COUNT];
	uint64_t edge_cell[2];
	struct map_cell edge[2];
};

static void *map_part_new(void *arg, uint64_t start, uint64_t end)
{
	struct map_ctx *m = arg;
	struct map_part *mp = calloc(1, sizeof(*mp));
	if (mp) {
		mp->m = m;
		mp->edge_cell[0] = start / m->cell_pages;
		mp->edge_cell[1] = end > start ? (end - 1) / m->cell_pages : mp->edge_cell[0];
		mp->edge[0].max_free_order = mp->edge[1].max_free_order = -1;
	}
	return mp;
}

static int map_one(void *arg, const struct kp_page *p, enum kp_class c, const uint8_t *raw)
{
	struct map_part *mp = arg;
	uint64_t ci = p->pfn / mp->m->cell_pages;
	struct map_cell *cell = ci == mp->edge_cell[0] ? &mp->edge[0] :
				ci == mp->edge_cell[1] ? &mp->edge[1] : &mp->m->cells[ci];
	(void)raw;
	cell->count[c]++;
	mp->totals[c]++;
	if (p->type == KP_TYPE_BUDDY && p->order > cell->max_free_order)
		cell->max_free_order = (int8_t)p->order;
	return 0;
}

static void map_part_merge(void *arg, void *part)
{
	struct map_ctx *m = arg;
	struct map_part *mp = part;
	for (int k = 0; k < KP_CLASS__COUNT; k++)
		m->totals[k] += mp->totals[k];
	for (int e = 0; e < 2 && (e == 0 || mp->edge_cell[1] != mp->edge_cell[0]); e++) {
		if (mp->edge_cell[e] >= m->ncells)
			continue;
		struct map_cell *cell = &m->cells[mp->edge_cell[e]];
		for (int k = 0; k < KP_CLASS__COUNT; k++)
			cell->count[k] += mp->edge[e].count[k];
		if (mp->edge[e].max_free_order > cell->max_free_order)
			cell->max_free_order = mp->edge[e].max_free_order;
	}
}

static const struct kp_scan_ops map_ops = { map_part_new, map_one, map_part_merge, free };

int map_cell_class(const struct map_cell *c)
{
	int best = MAP_HOLE;
	uint32_t most = 0;
	for (int k = 0; k < KP_CLASS__COUNT; k++)
		if (c->count[k] > most) {
			most = c->count[k];
			best = k;
		}
	return best;
}

void map_zone_cells(const struct map_ctx *m, uint32_t z, uint64_t *first, uint64_t *last)
{
	const struct kp_zone *zn = &m->s->mm.zones[z];
	*first = zn->start_pfn / m->cell_pages;
	*last = (zn->start_pfn + zn->spanned - 1) / m->cell_pages;
	if (*last >= m->ncells)
		*last = m->ncells ? m->ncells - 1 : 0;
}

/* The cells drawn: those of the zones (a hole between nodes is not). */
static uint64_t map_cells_drawn(const struct map_ctx *m)
{
	uint64_t n = 0, first, last;
	for (uint32_t z = 0; z < m->s->mm.nr_zones; z++) {
		if (!m->s->mm.zones[z].spanned)
			continue;
		map_zone_cells(m, z, &first, &last);
		n += last - first + 1;
	}
	return n;
}

/* Without --cell: a pageblock a cell, or more pages where that would draw
 * more than MAP_MAX_CELLS cells (a 1 TiB machine has 512 K pageblocks). */
#define MAP_MAX_CELLS 16384

static uint64_t map_default_cell(struct kp_session *s)
{
	uint64_t cell = 1ull << s->layout.pageblock_order, spanned = 0;
	for (uint32_t z = 0; z < s->mm.nr_zones; z++)
		spanned += s->mm.zones[z].spanned;
	while (spanned / cell > MAP_MAX_CELLS)
		cell *= 2;
	return cell;
}

static kp_error *map_args(struct map_ctx *m, int argc, char **argv, const char **svg,
			  uint64_t *cell)
{
	uint64_t width = 64;
	m->color = isatty(STDOUT_FILENO);
	for (int i = 1; i < argc; i++) {
		const char *a = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--color")) { m->color = true; continue; }
		if (!strcmp(argv[i], "--no-color")) { m->color = false; continue; }
		if (!a)
			return kp_errorf(KP_EXIT_USAGE, "map: %s needs a value", argv[i]);
		i++;
		if (!strcmp(argv[i - 1], "--svg")) *svg = a;
		else if (!strcmp(argv[i - 1], "--cell") && kp_parse_u64(a, cell) && *cell) ;
		else if (!strcmp(argv[i - 1], "--width") && kp_parse_u64(a, &width) && width &&
			 width <= 4096) ;
		else if (!strcmp(argv[i - 1], "--by") && (!strcmp(a, "class") || !strcmp(a, "migratetype")))
			m->by_mt = !strcmp(a, "migratetype");
		else
			return kp_errorf(KP_EXIT_USAGE, "map: bad option '%s %s'", argv[i - 1], a);
	}
	m->width = (uint32_t)width;
	return NULL;
}

/* The cells, each with its first pageblock's migratetype; --by migratetype
 * where no pageblock's is known is refused rather than drawn blank. */
static kp_error *map_cells_init(struct map_ctx *m)
{
	struct kp_session *s = m->s;
	uint64_t known = 0;

	m->ncells = (s->mm.max_pfn + m->cell_pages - 1) / m->cell_pages;
	m->cells = calloc(m->ncells ? m->ncells : 1, sizeof(*m->cells));
	if (!m->cells)
		return kp_errorf(KP_EXIT_INPUT, "map: %llu cells do not fit in memory; use a larger --cell",
				 (unsigned long long)m->ncells);
	for (uint64_t c = 0; c < m->ncells; c++) {
		uint32_t mt;
		bool ok = kp_mm_pageblock_migratetype(&s->mm, c * m->cell_pages, &mt) &&
			  mt < KP_MAX_MIGRATETYPES;
		m->cells[c].max_free_order = -1;
		m->cells[c].mt = ok ? (uint8_t)mt : MAP_MT_UNKNOWN;
		known += ok;
	}
	if (m->by_mt && !known && s->layout.pb_error[0])
		return NULL;   /* the pageblocks' layout is not understood: said, exit 3 */
	if (m->by_mt && !known)
		return kp_errorf(KP_EXIT_INPUT, "map --by migratetype: no pageblock's migratetype can "
				 "be read from the dump (pageblocks: %s); map --by class draws the pages",
				 s->layout.pb_source[0] ? s->layout.pb_source : "no pageblock flags");
	kp_buddy_migratetype_names(&s->mm, m->mt_names, &m->nr_mt);
	map_mt_letters(m);
	return NULL;
}

static void map_json(struct map_ctx *m, const struct kp_checks *k, const char *svg)
{
	struct kp_out *o = &m->s->out;
	kp_json_object_begin(o);
	kp_checks_json(m->s, o, k);
	kp_json_kstr(o, "by", m->by_mt ? "migratetype" : "class");
	kp_json_kuint(o, "cell_pages", m->cell_pages);
	kp_json_kuint(o, "cells", map_cells_drawn(m));
	kp_json_key(o, "classes");
	kp_json_object_begin(o);
	for (int c = 0; c < KP_CLASS__COUNT; c++)
		kp_json_kuint(o, kp_class_name(c), m->totals[c]);
	kp_json_object_end(o);
	if (svg)
		kp_json_kstr(o, "svg", svg);
	kp_json_object_end(o);
}

static kp_error *cmd_map(struct kp_session *s, int argc, char **argv, int *status)
{
	struct map_ctx m = { .s = s };
	const char *svg = NULL;
	uint64_t cell = 0;
	kp_error *err = map_args(&m, argc, argv, &svg, &cell);

	if (err || (err = kp_session_open_core(s)))
		return err;
	if (!s->mm.zones[0].span_known)
		return kp_errorf(KP_EXIT_INPUT, "map: the zone spans (zone_start_pfn) are not in the "
				 "types from %s (give a vmlinux or BTF)", kp_types_source(s->ty));
	if (m.by_mt)
		kp_session_check_pageblocks(s, status);
	m.cell_pages = cell ? cell : map_default_cell(s);
	if (!(err = map_cells_init(&m)) && !(m.by_mt && s->layout.pb_error[0])) {
		struct kp_scan_stats st = { 0 };
		struct kp_checks k = { .n = 0 };
		err = kp_scan_parts(&s->mm, 0, s->mm.max_pfn, &map_ops, &m, &st);
		kp_checks_from_scan(&k, &st);
		if (!err && s->out.json)
			map_json(&m, &k, svg);
		if (!err && svg)
			err = map_svg(&m, svg);
		else if (!err && !s->out.json)
			map_terminal(&m);
		if (!err)
			kp_checks_warn(s, &k, status);
	}
	free(m.cells);
	return err;
}

const struct kp_cmd kp_cmd_map = {
	"map", "map [--cell PAGES] [--by class|migratetype] [--svg FILE] [--width CELLS] [--color|--no-color]",
	"a picture of physical memory, one cell per pageblock (more pages on big machines): SVG file or terminal grid",
	cmd_map,
};
