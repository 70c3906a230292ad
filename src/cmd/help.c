/* help [COMMAND] and the command table. */
#include <string.h>

#include "cmd.h"

const struct kp_cmd *const kp_commands[] = {
	&kp_cmd_layout, &kp_cmd_page, &kp_cmd_pages, &kp_cmd_stat, &kp_cmd_zones, &kp_cmd_free, &kp_cmd_alloc_check, &kp_cmd_map,
	&kp_cmd_help, NULL,
};

const struct kp_cmd *kp_cmd_find(const char *name)
{
	for (int i = 0; kp_commands[i]; i++)
		if (strcmp(kp_commands[i]->name, name) == 0)
			return kp_commands[i];
	return NULL;
}

static kp_error *cmd_help(struct kp_session *s, int argc, char **argv, int *status)
{
	(void)status;
	if (argc == 2) {
		const struct kp_cmd *c = kp_cmd_find(argv[1]);
		if (!c)
			return kp_errorf(KP_EXIT_USAGE, "help: no command '%s'", argv[1]);
		kp_out_printf(&s->out, "usage: %s\n  %s\n", c->usage, c->summary);
		return NULL;
	}
	kp_out_printf(&s->out, "usage: kpage [--vmlinux PATH] [--core PATH] [--json] [--force] "
		      "[COMMAND [ARGS...]]\n\ncommands:\n");
	for (int i = 0; kp_commands[i]; i++)
		kp_out_printf(&s->out, "  %-8s %s\n", kp_commands[i]->name, kp_commands[i]->summary);
	kp_out_printf(&s->out, "\nhelp COMMAND shows a command's options; see kpage(1).\n");
	return NULL;
}

const struct kp_cmd kp_cmd_help = {
	"help", "help [COMMAND]", "this list, or one command's usage", cmd_help,
};
