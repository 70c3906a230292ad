/* kpage [--vmlinux PATH] [--core PATH] [--json] [--force] [COMMAND [ARGS...]]
 * No command: the shell on a TTY, else commands from standard input. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "shell.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: kpage [--vmlinux PATH | --btf PATH | --vmcoreinfo-only] [--core PATH] [--json] [--force] "
		"[--script FILE] [COMMAND [ARGS...]]\n"
		"commands: layout page pages stat zones free alloc-check map help "
		"(kpage help COMMAND)\n");
}

int main(int argc, char **argv)
{
	struct kp_session s = { .core_path = "/proc/kcore" };
	const char *script = NULL;
	int i, rc;

	/* Output to a closed pipe (kpage pages | head) ends quietly. */
	signal(SIGPIPE, SIG_IGN);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *o = argv[i];
		if (!strcmp(o, "--json")) s.json = true;
		else if (!strcmp(o, "--force")) s.force = true;
		else if (!strcmp(o, "--verbose") || !strcmp(o, "-v")) s.verbose = true;
		else if (!strcmp(o, "--vmcoreinfo-only")) s.vmci_only = true;
		else if (!strcmp(o, "--help") || !strcmp(o, "-h")) { usage(stdout); return 0; }
		else if (!strcmp(o, "--version")) { printf("kpage 0.1.0\n"); return 0; }
		else if ((!strcmp(o, "--vmlinux") || !strcmp(o, "--core") || !strcmp(o, "--script") ||
			  !strcmp(o, "--btf")) && i + 1 < argc) {
			if (!strcmp(o, "--vmlinux")) s.vmlinux_path = strdup(argv[++i]);
			else if (!strcmp(o, "--btf")) s.btf_path = argv[++i];
			else if (!strcmp(o, "--core")) s.core_path = argv[++i];
			else script = argv[++i];
		} else {
			fprintf(stderr, "kpage: unknown option or missing value: %s\n", o);
			usage(stderr);
			return KP_EXIT_USAGE;
		}
	}
	kp_out_init(&s.out, stdout, s.json);
	if (i < argc) {
		rc = kp_run_command(&s, argc - i, argv + i);
	} else if (script) {
		FILE *f = fopen(script, "r");
		if (!f) {
			fprintf(stderr, "kpage: %s: cannot open script\n", script);
			return KP_EXIT_USAGE;
		}
		rc = kp_run_script(&s, f);
		fclose(f);
	} else if (isatty(STDIN_FILENO)) {
		rc = kp_shell(&s);
	} else {
		rc = kp_run_script(&s, stdin);
	}
	kp_session_close(&s);
	return rc;
}
