/* map's drawing: a grid on the terminal (letters, with colours when asked)
 * or an SVG file, each row labelled with its first pfn, each zone with its
 * span, and a legend of what every letter and colour means. */
#include <stdio.h>
#include <string.h>

#include "map.h"
#include "layout.h"
#include "types.h"

static const struct { const char *color; char ch; int ansi; } class_look[KP_CLASS__COUNT + 1] = {
	[KP_CLASS_FREE] = { "#2ca02c", 'F', 28 }, [KP_CLASS_SLAB] = { "#9467bd", 'S', 97 },
	[KP_CLASS_ANON] = { "#d62728", 'A', 160 }, [KP_CLASS_KSM] = { "#e377c2", 'k', 170 },
	[KP_CLASS_FILE] = { "#1f77b4", 'f', 25 }, [KP_CLASS_MOVABLE] = { "#bcbd22", 'm', 142 },
	[KP_CLASS_PAGETABLE] = { "#ff7f0e", 'P', 208 }, [KP_CLASS_HUGETLB] = { "#8c564b", 'H', 94 },
	[KP_CLASS_RESERVED] = { "#444444", 'R', 238 }, [KP_CLASS_OFFLINE] = { "#aaaaaa", 'o', 248 },
	[KP_CLASS_GUARD] = { "#c5b0d5", 'g', 183 }, [KP_CLASS_UNREFERENCED] = { "#98df8a", 'u', 114 },
	[KP_CLASS_KERNEL] = { "#7f7f7f", 'K', 244 }, [KP_CLASS_MISSING] = { "#ffffff", '?', 255 },
	[MAP_HOLE] = { "#f4f4f4", '.', 253 },
};
/* Free cells by the order of the largest free block starting in them: the
 * eleven steps of viridis (perceptually even, each told from the next),
 * light for small blocks, dark for large ones. */
#define MAP_ORDER_COLORS 11
static const struct { const char *color; int ansi; } order_look[MAP_ORDER_COLORS] = {
	{ "#fde725", 226 }, { "#bddf26", 148 }, { "#7ad151", 113 }, { "#44bf70", 71 },
	{ "#22a884", 36 }, { "#21918c", 30 }, { "#2a788e", 31 }, { "#355f8d", 25 },
	{ "#414487", 61 }, { "#482475", 54 }, { "#440154", 53 },
};
static const struct { const char *color; int ansi; } mt_look[KP_MAX_MIGRATETYPES] = {
	{ "#d62728", 160 }, { "#2ca02c", 28 }, { "#1f77b4", 25 }, { "#ff7f0e", 208 },
	{ "#9467bd", 97 }, { "#8c564b", 94 }, { "#e377c2", 170 }, { "#7f7f7f", 244 },
};

void map_mt_letters(struct map_ctx *m)
{
	for (uint32_t i = 0; i < m->nr_mt && i < KP_MAX_MIGRATETYPES; i++) {
		char c = m->mt_names[i][0];
		m->mt_letter[i] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c ? c : '?';
		for (uint32_t j = 0; j < i; j++)
			if (m->mt_letter[j] == m->mt_letter[i])
				m->mt_letter[i] = (char)('0' + i);
	}
}

struct look { char ch; const char *color; int ansi; };

static struct look cell_look(const struct map_ctx *m, const struct map_cell *c)
{
	int k = map_cell_class(c);
	struct look l = { class_look[k].ch, class_look[k].color, class_look[k].ansi };
	if (m->by_mt && k != MAP_HOLE) {
		bool known = c->mt < m->nr_mt && c->mt < KP_MAX_MIGRATETYPES;
		l.ch = known ? m->mt_letter[c->mt] : '?';
		l.color = known ? mt_look[c->mt].color : "#ffffff";
		l.ansi = known ? mt_look[c->mt].ansi : 255;
	} else if (k == KP_CLASS_FREE && c->max_free_order >= 0) {
		int o = c->max_free_order < MAP_ORDER_COLORS ? c->max_free_order : MAP_ORDER_COLORS - 1;
		l.ch = c->max_free_order < 10 ? (char)('0' + c->max_free_order) : '+';
		l.color = order_look[o].color;
		l.ansi = order_look[o].ansi;
	}
	return l;
}

static void put_cell(struct kp_out *o, bool color, struct look l)
{
	if (color)
		kp_out_printf(o, "\033[48;5;%dm\033[38;5;%dm%c\033[0m", l.ansi, l.ansi == 226 ||
			      l.ansi == 148 || l.ansi == 113 || l.ansi >= 250 ? 16 : 15, l.ch);
	else
		kp_out_printf(o, "%c", l.ch);
}

static void legend_terminal(struct map_ctx *m)
{
	struct kp_out *o = &m->s->out;
	kp_out_printf(o, "legend:");
	if (m->by_mt) {
		for (uint32_t i = 0; i < m->nr_mt && i < KP_MAX_MIGRATETYPES; i++) {
			kp_out_printf(o, " ");
			put_cell(o, m->color, (struct look){ m->mt_letter[i], NULL, mt_look[i].ansi });
			kp_out_printf(o, "%s%s", m->color ? " " : "=", m->mt_names[i]);
		}
		kp_out_printf(o, " ?=unknown .=hole\n        (each cell: its first pageblock's "
			      "migratetype)\n");
		return;
	}
	for (int k = 0; k <= KP_CLASS__COUNT; k++) {
		kp_out_printf(o, " ");
		put_cell(o, m->color, (struct look){ class_look[k].ch, NULL, class_look[k].ansi });
		kp_out_printf(o, "%s%s", m->color ? " " : "=", k == MAP_HOLE ? "hole" : kp_class_name(k));
	}
	kp_out_printf(o, "\n        0-9, + (10 or more): a free cell in which a free block of that "
		      "order starts (the largest one); F: the free pages of a block that starts in "
		      "an earlier cell\n");
	if (m->color) {
		kp_out_printf(o, "        order:");
		for (int i = 0; i < MAP_ORDER_COLORS; i++)
			put_cell(o, true, (struct look){ (char)(i < 10 ? '0' + i : '+'), NULL,
							 order_look[i].ansi });
		kp_out_printf(o, "\n");
	}
}

void map_terminal(struct map_ctx *m)
{
	struct kp_mm *mm = &m->s->mm;
	struct kp_out *o = &m->s->out;
	int digits = snprintf(NULL, 0, "%llu", (unsigned long long)mm->max_pfn);

	for (uint32_t z = 0; z < mm->nr_zones; z++) {
		const struct kp_zone *zn = &mm->zones[z];
		uint64_t first, last;
		map_zone_cells(m, z, &first, &last);
		kp_out_printf(o, "node %u zone %s (pfn %llu-%llu, %llu pages a cell)\n", zn->node,
			      zn->name, (unsigned long long)zn->start_pfn,
			      (unsigned long long)(zn->start_pfn + zn->spanned - 1),
			      (unsigned long long)m->cell_pages);
		for (uint64_t c = first; c <= last; c++) {
			if ((c - first) % m->width == 0) {
				uint64_t pfn = c * m->cell_pages;
				kp_out_printf(o, "%*llu ", digits, (unsigned long long)
					      (pfn > zn->start_pfn ? pfn : zn->start_pfn));
			}
			put_cell(o, m->color, cell_look(m, &m->cells[c]));
			if ((c - first + 1) % m->width == 0 || c == last)
				kp_out_printf(o, "\n");
		}
		kp_out_printf(o, "\n");
	}
	legend_terminal(m);
}

static void legend_svg_row(FILE *f, uint64_t *y, const char *color, const char *text)
{
	fprintf(f, "<rect x=\"10\" y=\"%llu\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#888\" "
		"stroke-width=\"0.5\"/><text x=\"28\" y=\"%llu\">%s</text>\n",
		(unsigned long long)*y, color, (unsigned long long)(*y + 11), text);
	*y += 16;
}

static void legend_svg(struct map_ctx *m, FILE *f, uint64_t y)
{
	char text[96];
	if (m->by_mt) {
		for (uint32_t i = 0; i < m->nr_mt && i < KP_MAX_MIGRATETYPES; i++)
			legend_svg_row(f, &y, mt_look[i].color, m->mt_names[i]);
		legend_svg_row(f, &y, "#ffffff", "migratetype unknown");
		legend_svg_row(f, &y, class_look[MAP_HOLE].color, "no struct page");
		return;
	}
	for (int k = 0; k <= KP_CLASS__COUNT; k++)
		legend_svg_row(f, &y, class_look[k].color, k == MAP_HOLE ? "no struct page" :
			       k == KP_CLASS_FREE ? "free (a block that starts in an earlier cell)" :
			       kp_class_name(k));
	for (int i = 0; i < MAP_ORDER_COLORS; i++) {
		snprintf(text, sizeof(text), "free: a block of order %d%s starts here", i,
			 i == MAP_ORDER_COLORS - 1 ? " or more" : "");
		legend_svg_row(f, &y, order_look[i].color, text);
	}
}

#define SVG_CELL 12        /* pixels, the last one a gap */
#define SVG_ZONE_LABEL 20

kp_error *map_svg(struct map_ctx *m, const char *path)
{
	struct kp_mm *mm = &m->s->mm;
	FILE *f = fopen(path, "w");
	int digits = snprintf(NULL, 0, "%llu", (unsigned long long)mm->max_pfn);
	uint64_t left = 14 + (uint64_t)digits * 8, y = 10, rows = 0;

	if (!f)
		return kp_errorf(KP_EXIT_USAGE, "map: cannot write %s", path);
	for (uint32_t z = 0; z < mm->nr_zones; z++) {
		uint64_t first, last;
		map_zone_cells(m, z, &first, &last);
		rows += (last - first) / m->width + 1;
	}
	uint64_t legend = m->by_mt ? m->nr_mt + 2 : KP_CLASS__COUNT + 1 + MAP_ORDER_COLORS;
	uint64_t height = y + rows * SVG_CELL + mm->nr_zones * (SVG_ZONE_LABEL + 6) + 30 + legend * 16;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%llu\" height=\"%llu\" "
		"font-family=\"monospace\" font-size=\"12\">\n"
		"<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
		(unsigned long long)(left + m->width * SVG_CELL + 10), (unsigned long long)height);
	fprintf(f, "<desc>kpage map: %llu pages per cell, by %s</desc>\n",
		(unsigned long long)m->cell_pages, m->by_mt ? "migratetype" : "class");
	for (uint32_t z = 0; z < mm->nr_zones; z++) {
		const struct kp_zone *zn = &mm->zones[z];
		uint64_t first, last;
		map_zone_cells(m, z, &first, &last);
		fprintf(f, "<text x=\"10\" y=\"%llu\" font-weight=\"bold\">node %u zone %s: pfn "
			"%llu-%llu, %llu pages a cell</text>\n", (unsigned long long)(y + 14), zn->node,
			zn->name, (unsigned long long)zn->start_pfn,
			(unsigned long long)(zn->start_pfn + zn->spanned - 1),
			(unsigned long long)m->cell_pages);
		y += SVG_ZONE_LABEL;
		for (uint64_t c = first; c <= last; c++) {
			const struct map_cell *cell = &m->cells[c];
			uint64_t i = c - first, cy = y + (i / m->width) * SVG_CELL;
			int k = map_cell_class(cell);
			if (i % m->width == 0) {
				uint64_t pfn = c * m->cell_pages;
				fprintf(f, "<text x=\"%llu\" y=\"%llu\" text-anchor=\"end\" font-size=\"10\">"
					"%llu</text>\n", (unsigned long long)(left - 4),
					(unsigned long long)(cy + 10),
					(unsigned long long)(pfn > zn->start_pfn ? pfn : zn->start_pfn));
			}
			fprintf(f, "<rect x=\"%llu\" y=\"%llu\" width=\"%d\" height=\"%d\" fill=\"%s\" "
				"data-pfn=\"%llu\" data-class=\"%s\"",
				(unsigned long long)(left + (i % m->width) * SVG_CELL),
				(unsigned long long)cy, SVG_CELL - 1, SVG_CELL - 1,
				cell_look(m, cell).color, (unsigned long long)(c * m->cell_pages),
				k == MAP_HOLE ? "hole" : kp_class_name(k));
			if (m->by_mt && cell->mt < m->nr_mt)
				fprintf(f, " data-migratetype=\"%s\"", m->mt_names[cell->mt]);
			/* Per-class page counts, so totals can be checked. */
			for (int j = 0; j < KP_CLASS__COUNT; j++)
				if (cell->count[j])
					fprintf(f, " data-%s=\"%u\"", kp_class_name(j), cell->count[j]);
			fprintf(f, "/>\n");
		}
		y += ((last - first) / m->width + 1) * SVG_CELL + 6;
	}
	legend_svg(m, f, y + 14);
	fprintf(f, "</svg>\n");
	return fclose(f) ? kp_errorf(KP_EXIT_USAGE, "map: cannot write %s", path) : NULL;
}
