/* Commands: one file each, behind one table. A command returns an error (its
 * exit code says usage or input) or NULL, and may raise *status to
 * KP_EXIT_INCONSISTENT when it finished but found inconsistencies. */
#ifndef KPAGE_CMD_H
#define KPAGE_CMD_H

#include "scan.h"
#include "session.h"
#include "layout.h"
#include "types.h"

struct kp_cmd {
	const char *name;
	const char *usage;
	const char *summary;
	kp_error *(*run)(struct kp_session *s, int argc, char **argv, int *status);
};

extern const struct kp_cmd kp_cmd_layout, kp_cmd_page, kp_cmd_pages, kp_cmd_stat,
	kp_cmd_free, kp_cmd_zones, kp_cmd_alloc_check, kp_cmd_map, kp_cmd_top, kp_cmd_help;
extern const struct kp_cmd *const kp_commands[];
const struct kp_cmd *kp_cmd_find(const char *name);
/* kpage --help and help: the global options and the commands. */
void kp_help_global(struct kp_out *o);
/* help CMD and CMD --help: the command's usage and summary. */
void kp_help_command(struct kp_out *o, const struct kp_cmd *c);
/* Before C runs: every option in ARGV must be in its usage (*help: one of
 * them is --help or -h). */
kp_error *kp_cmd_check_args(const struct kp_cmd *c, int argc, char **argv, bool *help);

#define NR_WMARK_SHOWN 3

/* What struct zone says beyond the free lists (zones, alloc-check). */
struct zone_figures {
	uint64_t wmark[NR_WMARK_SHOWN], boost;   /* min, low, high */
	bool wmark_known, pageblocks_known;
	bool has_boost;
	uint64_t lowmem_reserve[8];
	uint32_t nr_reserve;
	int64_t nr_free_pages, nr_free_cma;
	uint64_t reserved_highatomic;
	uint64_t pageblocks[KP_MAX_MIGRATETYPES + 1];   /* last: unknown */
};
kp_error *zone_read_figures(struct kp_session *s, const struct kp_zone *z, struct zone_figures *f);

/* The name of zone INDEX of NODE as the dump has it, "?" when not one of
 * its populated zones. */
const char *kp_zone_name(const struct kp_mm *mm, uint32_t node, uint32_t index);
/* Prints one decoded page as a JSON object (used by page and pages), with
 * its descriptor and owners when D is not NULL. */
struct kp_desc;
void kp_page_json(struct kp_session *s, const struct kp_page *p, enum kp_class c,
		  const struct kp_desc *d);
/* desc_out.c: the descriptor as text lines, and as JSON members
 * ("descriptor", "owner") of the page's object. */
void kp_desc_text(struct kp_out *o, const struct kp_desc *d, uint64_t pfn);
void kp_desc_json(struct kp_out *o, const struct kp_desc *d);

#endif
