/* kpage [OPTIONS] [COMMAND [ARGS...]] (kpage --help lists the options)
 * No command: the shell on a TTY, else commands from standard input. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "shell.h"

/* The options that take a value: where it goes, or NULL for none of them. */
static const char **value_slot(struct kp_session *s, const char **vmlinux, const char **script,
			       const char *o)
{
	if (!strcmp(o, "--vmlinux")) return (s->vmlinux_given = true, vmlinux);
	if (!strcmp(o, "--btf")) return (s->btf_given = true, &s->btf_path);
	if (!strcmp(o, "--core")) return (s->core_given = true, &s->core_path);
	if (!strcmp(o, "--script")) return script;
	return NULL;
}

static int run_script(struct kp_session *s, const char *script)
{
	FILE *f = fopen(script, "r");
	if (!f) {
		fprintf(stderr, "kpage: --script %s: %s\n", script, strerror(errno));
		return KP_EXIT_INPUT;
	}
	int rc = kp_run_script(s, f);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	struct kp_session s = { .core_path = "/proc/kcore" };
	const char *script = NULL, *vmlinux = NULL, **slot;
	int i, rc;

	/* Output to a closed pipe (kpage pages | head) ends quietly. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--json")) s.json = true;
		else if (!strcmp(o, "--force")) s.force = true;
		else if (!strcmp(o, "--verbose") || !strcmp(o, "-v")) s.verbose = true;
		else if (!strcmp(o, "--vmcoreinfo-only")) s.vmci_only = true;
		else if (!strcmp(o, "--help") || !strcmp(o, "-h")) {
			kp_out_init(&s.out, stdout, false);
			kp_help_global(&s.out);
			return 0;
		}
		else if (!strcmp(o, "--version")) { printf("kpage 0.1.0\n"); return 0; }
		else if ((slot = value_slot(&s, &vmlinux, &script, o)) && i + 1 < argc)
			*slot = argv[++i];
		else {
			/* One line; kpage --help has the rest. */
			fprintf(stderr, slot ? "kpage: %s needs a value (kpage --help lists the options)\n" :
				"kpage: unknown option '%s' (kpage --help lists the options)\n", o);
			return KP_EXIT_USAGE;
		}
	}
	if (vmlinux)        /* the session owns its path: one found is malloc'd */
		s.vmlinux_path = strdup(vmlinux);
	kp_out_init(&s.out, stdout, s.json);
	if (i < argc) {
		rc = kp_run_command(&s, argc - i, argv + i);
	} else if (script) {
		rc = run_script(&s, script);
	} else if (isatty(STDIN_FILENO)) {
		rc = kp_shell(&s);
	} else {
		rc = kp_run_script(&s, stdin);
	}
	kp_session_close(&s);
	return rc;
}
