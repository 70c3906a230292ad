/* layout [TYPE]: a struct as the debuginfo has it (default struct page). */
#include "cmd.h"

static kp_error *cmd_layout(struct kp_session *s, int argc, char **argv, int *status)
{
	(void)status;
	if (argc > 2)
		return kp_errorf(KP_EXIT_USAGE, "usage: layout [TYPE]");
	kp_error *err = kp_session_open_types(s);
	if (err)
		return err;
	return kp_types_print_layout(s->ty, argc == 2 ? argv[1] : "struct page", &s->out);
}

const struct kp_cmd kp_cmd_layout = {
	"layout", "layout [TYPE]",
	"a structure's members, offsets, sizes and holes from the DWARF (default struct page)",
	cmd_layout,
};
