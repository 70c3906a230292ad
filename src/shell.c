/* Running commands: one-shot, from a script or standard input, or in the
 * interactive readline shell (history in ~/.kpage_history, mode 0600). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd/cmd.h"
#include "shell.h"

#define MAX_WORDS 64

int kp_run_command(struct kp_session *s, int argc, char **argv)
{
	const struct kp_cmd *c = kp_cmd_find(argv[0]);
	int status = KP_EXIT_OK;
	kp_error *err;

	if (!c) {
		fprintf(stderr, "kpage: unknown command '%s' (try help)\n", argv[0]);
		return KP_EXIT_USAGE;
	}
	/* --json may follow the command too; it holds for this command only. */
	char *args[argc + 1];
	int n = 0;
	bool json = s->out.json;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && strcmp(argv[i], "--json") == 0)
			s->out.json = true;
		else
			args[n++] = argv[i];
	}
	args[n] = NULL;
	err = c->run(s, n, args, &status);
	s->out.json = json;
	fflush(s->out.f);
	if (err) {
		fprintf(stderr, "kpage: %s\n", kp_error_message(err));
		status = kp_error_exit_code(err);
		kp_error_free(err);
	}
	return status;
}

/* Splits LINE in place into words; single or double quotes group words. */
static int split_words(char *line, char **words, int max)
{
	int n = 0;
	char *p = line;
	while (*p && n < max) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			break;
		char q = (*p == '"' || *p == '\'') ? *p++ : 0;
		words[n++] = p;
		while (*p && (q ? *p != q : !isspace((unsigned char)*p)))
			p++;
		if (*p)
			*p++ = '\0';
	}
	return n;
}

static int run_line(struct kp_session *s, char *line)
{
	char *words[MAX_WORDS];
	int n = split_words(line, words, MAX_WORDS);
	if (n == 0)
		return KP_EXIT_OK;
	if (!strcmp(words[0], "quit") || !strcmp(words[0], "exit"))
		return -1;
	return kp_run_command(s, n, words);
}

int kp_run_script(struct kp_session *s, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	int worst = KP_EXIT_OK;
	while (getline(&line, &cap, in) > 0) {
		int rc = run_line(s, line);
		if (rc < 0)
			break;
		if (rc > worst)
			worst = rc;
	}
	free(line);
	return worst;
}

static char history_path[4096];

int kp_shell(struct kp_session *s)
{
	const char *home = getenv("HOME");
	char *line;

	if (home) {
		snprintf(history_path, sizeof(history_path), "%s/.kpage_history", home);
		read_history(history_path);
	}
	while ((line = readline("kpage> "))) {
		if (*line)
			add_history(line);
		int rc = run_line(s, line);
		free(line);
		if (rc < 0)
			break;
	}
	if (home) {
		int fd = open(history_path, O_WRONLY | O_CREAT, 0600);
		if (fd >= 0)
			close(fd);
		write_history(history_path);
		chmod(history_path, 0600);
	}
	return KP_EXIT_OK;
}
