/* Commands: one file each, behind one table. A command returns an error (its
 * exit code says usage or input) or NULL, and may raise *status to
 * KP_EXIT_INCONSISTENT when it finished but found inconsistencies. */
#ifndef KPAGE_CMD_H
#define KPAGE_CMD_H

#include "scan.h"
#include "session.h"

struct kp_cmd {
	const char *name;
	const char *usage;
	const char *summary;
	kp_error *(*run)(struct kp_session *s, int argc, char **argv, int *status);
};

extern const struct kp_cmd kp_cmd_layout, kp_cmd_page, kp_cmd_pages, kp_cmd_stat,
	kp_cmd_free, kp_cmd_zones, kp_cmd_help;
extern const struct kp_cmd *const kp_commands[];
const struct kp_cmd *kp_cmd_find(const char *name);

/* Prints one decoded page as a JSON object (used by page and pages). */
void kp_page_json(struct kp_session *s, const struct kp_page *p, enum kp_class c);

#endif
