/* help [COMMAND], kpage --help, and the command table. A command's usage
 * line is the one list of its options: `CMD --help` prints it, and an
 * option that is not in it is refused before the command runs. */
#include <ctype.h>
#include <string.h>

#include "cmd.h"
#include "types.h"

const struct kp_cmd *const kp_commands[] = {
	&kp_cmd_layout, &kp_cmd_page, &kp_cmd_pages, &kp_cmd_stat, &kp_cmd_zones, &kp_cmd_free, &kp_cmd_alloc_check, &kp_cmd_map, &kp_cmd_top,
	&kp_cmd_help, NULL,
};

/* Every option main() takes, one line each. */
static const char *const global_options[][2] = {
	{ "--core PATH", "the dump: ELF, kdump-compressed or flattened vmcore (default /proc/kcore)" },
	{ "--vmlinux PATH", "the kernel with DWARF (default: found by the dump's release or build-id)" },
	{ "--btf PATH", "types from BTF (a vmlinux, a raw .BTF file, /sys/kernel/btf/vmlinux); symbols from its symtab, else VMCOREINFO and the dump's kallsyms" },
	{ "--vmcoreinfo-only", "types from the dump's VMCOREINFO alone, no debuginfo needed" },
	{ "--json", "JSON: NDJSON for per-page streams, one object for summaries (also after COMMAND)" },
	{ "--force", "go on when the vmlinux does not match the dump" },
	{ "--script FILE", "run the commands in FILE, one per line" },
	{ "-v, --verbose", "say on stderr where each layout fact and constant came from" },
	{ "-h, --help", "this help" },
	{ "--version", "kpage's version" },
};

const struct kp_cmd *kp_cmd_find(const char *name)
{
	for (int i = 0; kp_commands[i]; i++)
		if (strcmp(kp_commands[i]->name, name) == 0)
			return kp_commands[i];
	return NULL;
}

void kp_help_global(struct kp_out *o)
{
	kp_out_printf(o, "usage: kpage [OPTIONS] [COMMAND [ARGS...]]\n\noptions:\n");
	for (size_t i = 0; i < sizeof(global_options) / sizeof(global_options[0]); i++)
		kp_out_printf(o, "  %-18s %s\n", global_options[i][0], global_options[i][1]);
	kp_out_printf(o, "\ncommands:\n");
	for (int i = 0; kp_commands[i]; i++)
		kp_out_printf(o, "  %-12s %s\n", kp_commands[i]->name, kp_commands[i]->summary);
	kp_out_printf(o, "\nWith no command: the shell on a terminal, else commands from standard "
		      "input;\nin the shell, quit or exit (or Ctrl-D) leaves it, Ctrl-C stops the "
		      "command running.\nkpage help COMMAND or kpage COMMAND --help shows a command's "
		      "usage; see kpage(1).\n");
}

void kp_help_command(struct kp_out *o, const struct kp_cmd *c)
{
	kp_out_printf(o, "usage: %s\n  %s\n", c->usage, c->summary);
}

/* Whether OPT is an option in USAGE, and whether a value follows it there:
 * "[--node N]" takes one, "[--count]" and "[--color|--no-color]" none. */
static bool usage_option(const char *usage, const char *opt, bool *value)
{
	size_t len = strlen(opt);
	for (const char *p = usage; (p = strstr(p, opt)); p += len) {
		char before = p == usage ? ' ' : p[-1], after = p[len];
		if (!strchr(" [|", before) || !strchr(" ]|,", after))
			continue;
		size_t tok = strcspn(p, " ");
		*value = !memchr(p, ']', tok) && p[tok] == ' ' && !strchr("[|-", p[tok + 1]);
		return true;
	}
	return false;
}

static bool global_option(const char *opt)
{
	for (size_t i = 0; i < sizeof(global_options) / sizeof(global_options[0]); i++) {
		bool value;
		if (usage_option(global_options[i][0], opt, &value))
			return true;
	}
	return false;
}

kp_error *kp_cmd_check_args(const struct kp_cmd *c, int argc, char **argv, bool *help)
{
	*help = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		bool value;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			*help = true;
			return NULL;
		}
		/* "-5" or "<-1" are values, not options. */
		if (a[0] != '-' || !(a[1] == '-' || isalpha((unsigned char)a[1])))
			continue;
		if (usage_option(c->usage, a, &value)) {
			i += value;
			continue;
		}
		if (global_option(a))
			return kp_errorf(KP_EXIT_USAGE, "%s: %s is an option of kpage, not of %s: give "
					 "it before the command", c->name, a, c->name);
		return kp_errorf(KP_EXIT_USAGE, "%s: unknown option '%s'; usage: %s", c->name, a,
				 c->usage);
	}
	return NULL;
}

static kp_error *cmd_help(struct kp_session *s, int argc, char **argv, int *status)
{
	(void)status;
	if (argc > 2)
		return kp_errorf(KP_EXIT_USAGE, "usage: %s", kp_cmd_help.usage);
	if (argc == 2) {
		const struct kp_cmd *c = kp_cmd_find(argv[1]);
		if (!c)
			return kp_errorf(KP_EXIT_USAGE, "help: no command '%s' (try help)",
					 argv[1]);
		kp_help_command(&s->out, c);
		return NULL;
	}
	kp_help_global(&s->out);
	return NULL;
}

const struct kp_cmd kp_cmd_help = {
	"help", "help [COMMAND]", "this list, or one command's usage", cmd_help,
};
