/* map [--cell PAGES] [--by class|migratetype] [--svg FILE] [--width N] [--color]
 * A picture of physical memory: one cell per pageblock (or PAGES pages),
 * coloured by the class that holds most of its pages (free cells by the
 * largest free block in them) or by the pageblock's migratetype, with node
 * and zone boundaries and a legend. SVG to a file, or a grid on the terminal. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "cmd.h"
#include "query.h"

#define MAP_HOLE KP_CLASS__COUNT   /* no struct page */

struct map_cell {
	uint32_t count[KP_CLASS__COUNT];
	int8_t max_free_order;
	uint8_t mt;                    /* pageblock migratetype, 0xff unknown */
};

struct map_ctx {
	struct kp_session *s;
	uint64_t cell_pages, ncells;
	struct map_cell *cells;
	uint64_t totals[KP_CLASS__COUNT];
};

static const struct { const char *color; char ch; } class_look[KP_CLASS__COUNT + 1] = {
	[KP_CLASS_FREE] = { "#2ca02c", 'F' }, [KP_CLASS_SLAB] = { "#9467bd", 'S' },
	[KP_CLASS_ANON] = { "#d62728", 'A' }, [KP_CLASS_KSM] = { "#e377c2", 'k' },
	[KP_CLASS_FILE] = { "#1f77b4", 'f' }, [KP_CLASS_MOVABLE] = { "#bcbd22", 'm' },
	[KP_CLASS_PAGETABLE] = { "#ff7f0e", 'P' }, [KP_CLASS_HUGETLB] = { "#8c564b", 'H' },
	[KP_CLASS_RESERVED] = { "#444444", 'R' }, [KP_CLASS_OFFLINE] = { "#aaaaaa", 'o' },
	[KP_CLASS_GUARD] = { "#aaaaaa", 'g' }, [KP_CLASS_UNREFERENCED] = { "#98df8a", 'u' },
	[KP_CLASS_KERNEL] = { "#7f7f7f", 'K' }, [KP_CLASS_MISSING] = { "#ffffff", '?' },
	[MAP_HOLE] = { "#f4f4f4", '.' },
};
/* Terminal background colours (256-colour palette) for the same classes. */
static const int class_ansi[KP_CLASS__COUNT + 1] = {
	[KP_CLASS_FREE] = 28, [KP_CLASS_SLAB] = 97, [KP_CLASS_ANON] = 160, [KP_CLASS_KSM] = 170,
	[KP_CLASS_FILE] = 25, [KP_CLASS_MOVABLE] = 142, [KP_CLASS_PAGETABLE] = 208,
	[KP_CLASS_HUGETLB] = 94, [KP_CLASS_RESERVED] = 238, [KP_CLASS_OFFLINE] = 248,
	[KP_CLASS_GUARD] = 248, [KP_CLASS_UNREFERENCED] = 114, [KP_CLASS_KERNEL] = 244,
	[KP_CLASS_MISSING] = 255, [MAP_HOLE] = 253,
};
static const char *const mt_colors[] = { "#d62728", "#2ca02c", "#1f77b4", "#ff7f0e", "#9467bd",
					 "#8c564b", "#e377c2", "#7f7f7f" };
static const int mt_ansi[] = { 160, 28, 25, 208, 97, 94, 170, 244 };

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

/* The class a cell shows: the one holding most of its pages. */
static int cell_class(const struct map_cell *c)
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

/* Free cells are drawn lighter the smaller their largest free block. */
static void cell_color(const struct map_ctx *m, const struct map_cell *c, bool by_mt, char *buf)
{
	int k = cell_class(c);
	if (by_mt && k != MAP_HOLE) {
		snprintf(buf, 16, "%s", c->mt < 8 ? mt_colors[c->mt] : "#ffffff");
		return;
	}
	if (k == KP_CLASS_FREE && c->max_free_order >= 0) {
		int order_max = m->s->layout.nr_orders ? (int)m->s->layout.nr_orders - 1 : 10;
		int shade = 0x2c + (0xd0 - 0x2c) * (order_max - c->max_free_order) / (order_max ? order_max : 1);
		snprintf(buf, 16, "#%02x%02x%02x", shade, 0xa0, shade);
		return;
	}
	snprintf(buf, 16, "%s", class_look[k].color);
}

static kp_error *map_svg(struct map_ctx *m, const char *path, uint32_t width, bool by_mt)
{
	struct kp_mm *mm = &m->s->mm;
	FILE *f = fopen(path, "w");
	const int cs = 8, label = 18;
	uint64_t y = 10;

	if (!f)
		return kp_errorf(KP_EXIT_USAGE, "map: cannot write %s", path);
	uint64_t rows = 0;
	for (uint32_t z = 0; z < mm->nr_zones; z++)
		rows += (mm->zones[z].spanned / m->cell_pages + width) / width;
	uint64_t height = 10 + rows * cs + mm->nr_zones * label + 40 + (KP_CLASS__COUNT + 1) * 16;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%u\" height=\"%llu\" "
		"font-family=\"monospace\" font-size=\"12\">\n", width * cs + 20,
		(unsigned long long)height);
	fprintf(f, "<desc>kpage map: %llu pages per cell, by %s</desc>\n",
		(unsigned long long)m->cell_pages, by_mt ? "migratetype" : "class");
	for (uint32_t z = 0; z < mm->nr_zones; z++) {
		const struct kp_zone *zn = &mm->zones[z];
		uint64_t first = zn->start_pfn / m->cell_pages;
		uint64_t last = (zn->start_pfn + zn->spanned - 1) / m->cell_pages;
		fprintf(f, "<text x=\"10\" y=\"%llu\">node %u zone %s: pfn %llu-%llu</text>\n",
			(unsigned long long)(y + 12), zn->node, zn->name,
			(unsigned long long)zn->start_pfn,
			(unsigned long long)(zn->start_pfn + zn->spanned - 1));
		y += label;
		for (uint64_t c = first; c <= last && c < m->ncells; c++) {
			const struct map_cell *cell = &m->cells[c];
			char color[16];
			cell_color(m, cell, by_mt, color);
			uint64_t i = c - first;
			fprintf(f, "<rect x=\"%llu\" y=\"%llu\" width=\"%d\" height=\"%d\" fill=\"%s\" "
				"data-pfn=\"%llu\" data-class=\"%s\"", (unsigned long long)(10 + (i % width) * cs),
				(unsigned long long)(y + (i / width) * cs), cs - 1, cs - 1, color,
				(unsigned long long)(c * m->cell_pages),
				cell_class(cell) == MAP_HOLE ? "hole" : kp_class_name(cell_class(cell)));
			/* Per-class page counts, so totals can be checked. */
			for (int k = 0; k < KP_CLASS__COUNT; k++)
				if (cell->count[k])
					fprintf(f, " data-%s=\"%u\"", kp_class_name(k), cell->count[k]);
			fprintf(f, "/>\n");
		}
		y += ((last - first) / width + 1) * cs + 4;
	}
	y += 16;
	for (int k = 0; k <= KP_CLASS__COUNT; k++) {
		const char *name = k == MAP_HOLE ? "no struct page" : kp_class_name(k);
		const char *color = by_mt ? (k < 8 ? mt_colors[k] : NULL) : class_look[k].color;
		if (!color || (by_mt && k >= (int)m->s->layout.nr_migratetypes))
			continue;
		fprintf(f, "<rect x=\"10\" y=\"%llu\" width=\"10\" height=\"10\" fill=\"%s\"/>"
			"<text x=\"26\" y=\"%llu\">%s</text>\n", (unsigned long long)y, color,
			(unsigned long long)(y + 10), by_mt ? "" : name);
		y += 16;
	}
	fprintf(f, "</svg>\n");
	return fclose(f) ? kp_errorf(KP_EXIT_USAGE, "map: cannot write %s", path) : NULL;
}

static void map_terminal(struct map_ctx *m, uint32_t width, bool by_mt, bool color)
{
	struct kp_mm *mm = &m->s->mm;
	struct kp_out *o = &m->s->out;

	for (uint32_t z = 0; z < mm->nr_zones; z++) {
		const struct kp_zone *zn = &mm->zones[z];
		uint64_t first = zn->start_pfn / m->cell_pages;
		uint64_t last = (zn->start_pfn + zn->spanned - 1) / m->cell_pages;
		kp_out_printf(o, "node %u zone %s (pfn %llu-%llu, %llu pages a cell)\n", zn->node,
			      zn->name, (unsigned long long)zn->start_pfn,
			      (unsigned long long)(zn->start_pfn + zn->spanned - 1),
			      (unsigned long long)m->cell_pages);
		for (uint64_t c = first; c <= last && c < m->ncells; c++) {
			const struct map_cell *cell = &m->cells[c];
			int k = cell_class(cell);
			char ch = class_look[k].ch;
			if (k == KP_CLASS_FREE && cell->max_free_order >= 0 && cell->max_free_order < 10)
				ch = (char)('0' + cell->max_free_order);
			if (color) {
				int bg = by_mt ? (cell->mt < 8 ? mt_ansi[cell->mt] : 255) : class_ansi[k];
				kp_out_printf(o, "\033[48;5;%dm\033[38;5;15m%c\033[0m", bg, ch);
			} else {
				kp_out_printf(o, "%c", ch);
			}
			if ((c - first + 1) % width == 0)
				kp_out_printf(o, "\n");
		}
		kp_out_printf(o, "\n\n");
	}
	kp_out_printf(o, "legend:");
	for (int k = 0; k <= KP_CLASS__COUNT; k++) {
		if (color)
			kp_out_printf(o, " \033[48;5;%dm\033[38;5;15m%c\033[0m %s", class_ansi[k],
				      class_look[k].ch, k == MAP_HOLE ? "hole" : kp_class_name(k));
		else
			kp_out_printf(o, " %c=%s", class_look[k].ch, k == MAP_HOLE ? "hole" : kp_class_name(k));
	}
	kp_out_printf(o, "\n        0-9 = free cell whose largest free block has that order\n");
}

static kp_error *cmd_map(struct kp_session *s, int argc, char **argv, int *status)
{
	struct map_ctx m = { .s = s };
	const char *svg = NULL;
	uint64_t cell = 0, width = 64;
	bool by_mt = false, color = isatty(STDOUT_FILENO);
	kp_error *err;

	for (int i = 1; i < argc; i++) {
		const char *a = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(argv[i], "--color")) { color = true; continue; }
		if (!strcmp(argv[i], "--no-color")) { color = false; continue; }
		if (!a)
			return kp_errorf(KP_EXIT_USAGE, "map: %s needs a value", argv[i]);
		i++;
		if (!strcmp(argv[i - 1], "--svg")) svg = a;
		else if (!strcmp(argv[i - 1], "--cell") && kp_parse_u64(a, &cell) && cell) ;
		else if (!strcmp(argv[i - 1], "--width") && kp_parse_u64(a, &width) && width) ;
		else if (!strcmp(argv[i - 1], "--by") && (!strcmp(a, "class") || !strcmp(a, "migratetype")))
			by_mt = !strcmp(a, "migratetype");
		else
			return kp_errorf(KP_EXIT_USAGE, "map: bad option '%s %s'", argv[i - 1], a);
	}
	if ((err = kp_session_open_core(s)))
		return err;
	if (!s->mm.zones[0].span_known)
		return kp_errorf(KP_EXIT_INPUT, "map: the zone spans (zone_start_pfn) are not in the "
				 "types from %s (give a vmlinux or BTF)", kp_types_source(s->ty));
	if (by_mt)
		kp_session_check_pageblocks(s, status);
	m.cell_pages = cell ? cell : 1ull << s->layout.pageblock_order;
	m.ncells = (s->mm.max_pfn + m.cell_pages - 1) / m.cell_pages;
	m.cells = calloc(m.ncells, sizeof(*m.cells));
	if (!m.cells)
		return kp_errorf(KP_EXIT_INPUT, "map: %llu cells do not fit in memory; use a larger --cell",
				 (unsigned long long)m.ncells);
	for (uint64_t c = 0; c < m.ncells; c++) {
		uint32_t mt;
		m.cells[c].max_free_order = -1;
		m.cells[c].mt = kp_mm_pageblock_migratetype(&s->mm, c * m.cell_pages, &mt) ? (uint8_t)mt : 0xff;
	}
	struct kp_scan_stats st = { 0 };
	struct kp_checks k = { .n = 0 };
	err = kp_scan_parts(&s->mm, 0, s->mm.max_pfn, &map_ops, &m, &st);
	kp_checks_from_scan(&k, &st);
	if (!err && s->out.json) {
		kp_json_object_begin(&s->out);
		kp_checks_json(s, &s->out, &k);
		kp_json_kuint(&s->out, "cell_pages", m.cell_pages);
		kp_json_kuint(&s->out, "cells", m.ncells);
		kp_json_key(&s->out, "classes");
		kp_json_object_begin(&s->out);
		for (int k = 0; k < KP_CLASS__COUNT; k++)
			kp_json_kuint(&s->out, kp_class_name(k), m.totals[k]);
		kp_json_object_end(&s->out);
		if (svg)
			kp_json_kstr(&s->out, "svg", svg);
		kp_json_object_end(&s->out);
	}
	if (!err && svg)
		err = map_svg(&m, svg, (uint32_t)width, by_mt);
	else if (!err && !s->out.json)
		map_terminal(&m, (uint32_t)width, by_mt, color);
	if (!err)
		kp_checks_warn(s, &k, status);
	free(m.cells);
	return err;
}

const struct kp_cmd kp_cmd_map = {
	"map", "map [--cell PAGES] [--by class|migratetype] [--svg FILE] [--width CELLS] [--color|--no-color]",
	"a picture of physical memory, one cell per pageblock: SVG file or terminal grid",
	cmd_map,
};
