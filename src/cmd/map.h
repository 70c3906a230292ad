/* map: the cells (map.c) and their drawing (map_draw.c). */
#ifndef KPAGE_CMD_MAP_H
#define KPAGE_CMD_MAP_H

#include "cmd.h"
#include "layout.h"

#define MAP_HOLE KP_CLASS__COUNT   /* no struct page */
#define MAP_MT_UNKNOWN 0xff

struct map_cell {
	uint32_t count[KP_CLASS__COUNT];
	int8_t max_free_order;         /* of the free blocks that start in it; -1 none */
	uint8_t mt;                    /* pageblock migratetype, MAP_MT_UNKNOWN */
};

struct map_ctx {
	struct kp_session *s;
	uint64_t cell_pages, ncells;
	struct map_cell *cells;
	uint64_t totals[KP_CLASS__COUNT];
	bool by_mt, color;
	uint32_t width;                /* cells a row */
	char mt_names[KP_MAX_MIGRATETYPES][32];
	char mt_letter[KP_MAX_MIGRATETYPES];
	uint32_t nr_mt;
};

/* The cells of zone Z: [*first, *last]. */
void map_zone_cells(const struct map_ctx *m, uint32_t z, uint64_t *first, uint64_t *last);
/* The class a cell shows: the one holding most of its pages. */
int map_cell_class(const struct map_cell *c);
/* Each migratetype's letter in the grid (first letter of its name, or its
 * number where two names share one). */
void map_mt_letters(struct map_ctx *m);
void map_terminal(struct map_ctx *m);
kp_error *map_svg(struct map_ctx *m, const char *path);

#endif
