/* Running commands: one-shot, from a script or standard input, or in the
 * interactive readline shell (history in ~/.kpage_history, mode 0600). */
#include <ctype.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include <strings.h>

#include "cmd.h"
#include "progress.h"
#include "query.h"
#include "buddy.h"
#include "shell.h"
#include "target.h"
#include "types.h"
#include "layout.h"

#define MAX_WORDS 64

/* Whether FD is a pipe or socket whose reader has gone (poll says POLLERR
 * on such a write end): the write that failed earlier was not an error. */
static bool reader_gone(int fd)
{
	struct pollfd p = { .fd = fd, .events = 0 };
	return fd >= 0 && poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
}

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
	kp_progress_set_json(s->out.json);
	bool help;
	err = kp_cmd_check_args(c, n, args, &help);
	if (!err && help)
		kp_help_command(&s->out, c);
	else if (!err)
		err = c->run(s, n, args, &status);
	s->out.json = json;
	/* Output that could not be written (a full disk: stat > /dev/full) is
	 * an error; a reader that went away (EPIPE: pages | head) is not. */
	errno = 0;
	if ((fflush(s->out.f) != 0 || ferror(s->out.f)) && !err) {
		int e = s->out.write_errno ? s->out.write_errno : errno;
		if (e != EPIPE && !reader_gone(fileno(s->out.f)))
			err = kp_errorf(KP_EXIT_INPUT, "%s: cannot write the output: %s", c->name,
					e ? strerror(e) : "write error");
	}
	s->out.write_errno = 0;
	clearerr(s->out.f);   /* a failed write must not end the next command too */
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
static struct kp_session *shell_session;

/* Words to complete after WORD0: the command's options and words, read from
 * its usage line (so that completion offers exactly what the command takes),
 * and values by the option before the cursor (flag, zone, type, gfp and
 * migratetype names). */
static const char *const gfp_names[] = {
	"GFP_KERNEL", "GFP_ATOMIC", "GFP_NOWAIT", "GFP_USER", "GFP_HIGHUSER",
	"GFP_HIGHUSER_MOVABLE", "GFP_DMA", "GFP_DMA32", NULL };
static const char *const layout_types[] = {
	"page", "folio", "zone", "pglist_data", "free_area", "mem_section", "list_head",
	"per_cpu_pages", "slab", NULL };

#define MAX_CANDIDATES 256
static const char *candidates[MAX_CANDIDATES];
static char candidate_store[MAX_CANDIDATES][48];
static int ncandidates;

static void add_candidate(const char *c)
{
	if (ncandidates < MAX_CANDIDATES && c)
		candidates[ncandidates++] = c;
}

static void add_list(const char *const *l)
{
	for (; *l; l++)
		add_candidate(*l);
}

static void add_copy(const char *c)
{
	if (ncandidates >= MAX_CANDIDATES)
		return;
	snprintf(candidate_store[ncandidates], sizeof(candidate_store[0]), "%s", c);
	add_candidate(candidate_store[ncandidates]);
}

/* From a usage line: after OPT, the values it lists ("--by class|migratetype");
 * with no OPT (or one that takes none), every option and every listed word
 * ("top [slab|file|memcg]"). Upper-case words are placeholders (PFN, NAME). */
static void add_usage_words(const char *usage, const char *opt)
{
	char buf[512], *save = NULL;
	bool after_opt = false, want_values = false;

	snprintf(buf, sizeof(buf), "%s", usage);
	for (char *t = strtok_r(buf, " []().", &save); t; t = strtok_r(NULL, " []().", &save)) {
		bool is_opt = !strncmp(t, "--", 2);
		if (after_opt && !is_opt && *opt && want_values) {
			for (char *w = t; *w;) {
				size_t n = strcspn(w, "|");
				if (n && !(w[0] >= 'A' && w[0] <= 'Z') && n < 48) {
					char word[48];
					snprintf(word, sizeof(word), "%.*s", (int)n, w);
					add_copy(word);
				}
				w += n + (w[n] == '|');
			}
			return;
		}
		want_values = is_opt && *opt && !strcmp(t, opt);
		after_opt = is_opt;
		if (*opt)
			continue;
		for (char *w = t; *w;) {     /* "--color|--no-color", "slab|file|memcg" */
			size_t n = strcspn(w, "|");
			char word[48];
			snprintf(word, sizeof(word), "%.*s", (int)(n < 47 ? n : 47), w);
			if (n && !(word[0] >= 'A' && word[0] <= 'Z') && word[0] != '"' &&
			    strcmp(word, "usage:"))
				add_copy(word);
			w += n + (w[n] == '|');
		}
	}
}

/* Migratetype names as free --migratetype takes them: the kernel's own once
 * the dump is open, else enum migratetype's. */
static void add_migratetypes(struct kp_session *s)
{
	static char names[KP_MAX_MIGRATETYPES][32];
	uint32_t n = 0;
	if (s->mm_open) {
		kp_buddy_migratetype_names(&s->mm, names, &n);
		for (uint32_t i = 0; i < n; i++)
			add_candidate(names[i]);
		return;
	}
	const struct kp_enumerator *e;
	size_t ne;
	if (s->ty && !kp_types_enum(s->ty, "migratetype", &e, &ne))
		for (size_t i = 0; i < ne; i++)
			if (!strncmp(e[i].name, "MIGRATE_", 8) && strcmp(e[i].name, "MIGRATE_PCPTYPES"))
				add_candidate(e[i].name + 8);
}

/* Names known only once the dump is open are offered only if it is. */
static void add_value_candidates(const char *cmd, const char *opt)
{
	struct kp_session *s = shell_session;
	const struct kp_cmd *c = kp_cmd_find(cmd);
	if (!strcmp(opt, "--type")) {
		add_list(kp_query_type_names);
	} else if ((!strcmp(opt, "--flag") || !strcmp(opt, "--no-flag")) && s->mm_open) {
		for (int b = 0; b < KP_MAX_FLAGS; b++)
			if (s->layout.flag_name[b])
				add_candidate(s->layout.flag_name[b]);
	} else if (!strcmp(opt, "--zone") && s->mm_open) {
		for (uint32_t i = 0; i < s->mm.nr_zones; i++)
			add_copy(s->mm.zones[i].name);
	} else if (!strcmp(opt, "--migratetype")) {
		add_migratetypes(s);
	} else if (!strcmp(opt, "--gfp")) {
		add_list(gfp_names);
	} else if (!strcmp(cmd, "help")) {
		for (int i = 0; kp_commands[i]; i++)
			add_candidate(kp_commands[i]->name);
	} else if (!strcmp(cmd, "layout")) {
		add_list(layout_types);
		if (c)     /* its options (--facts) */
			add_usage_words(c->usage, "");
	} else if (c) {
		add_usage_words(c->usage, opt);
		if (!ncandidates) {
			add_usage_words(c->usage, "");
			add_candidate("--json");
			add_candidate("--help");
		}
	}
}

static char *complete_next(const char *text, int state)
{
	static int idx;
	if (!state)
		idx = 0;
	while (idx < ncandidates) {
		const char *c = candidates[idx++];
		if (!strncasecmp(c, text, strlen(text)))
			return strdup(c);
	}
	return NULL;
}

static char **shell_complete(const char *text, int start, int end)
{
	char line[1024], *words[MAX_WORDS];
	int n;
	(void)end;
	rl_attempted_completion_over = 1;
	ncandidates = 0;
	snprintf(line, sizeof(line), "%.*s", start, rl_line_buffer);
	n = split_words(line, words, MAX_WORDS);
	if (n == 0) {
		for (int i = 0; kp_commands[i]; i++)
			add_candidate(kp_commands[i]->name);
		add_candidate("quit");
	} else {
		add_value_candidates(words[0], n >= 2 ? words[n - 1] : "");
	}
	return rl_completion_matches(text, complete_next);
}

static void shell_sigint(int sig)
{
	(void)sig;
	kp_interrupted = 1;
}

/* As crash's: the kernel, the dump, where the types come from, the memory;
 * a dump that cannot be opened is said, and the shell still runs (layout
 * needs no dump). */
static void shell_banner(struct kp_session *s)
{
	kp_error *err = kp_session_open_core(s);
	if (err) {
		fprintf(stderr, "kpage: %s\n", kp_error_message(err));
		kp_error_free(err);
	} else {
		char rel[128] = "?";
		uint64_t present = 0;
		kp_vmcoreinfo_get(kp_target_vmcoreinfo(s->t), "OSRELEASE", rel, sizeof(rel));
		for (uint32_t i = 0; i < s->mm.nr_zones; i++)
			present += s->mm.zones[i].present;
		printf("     KERNEL: %s\n       DUMP: %s (%s)\n      TYPES: %s (%s)\n     MEMORY: "
		       "%.1f MiB present, %u node%s, %u zone%s\n", rel, kp_target_path(s->t),
		       kp_target_format(s->t), kp_types_source(s->ty), kp_types_path(s->ty),
		       (double)present * 4096 / (1 << 20), s->mm.nr_nodes, s->mm.nr_nodes == 1 ? "" : "s",
		       s->mm.nr_zones, s->mm.nr_zones == 1 ? "" : "s");
	}
	printf("help lists the commands; quit or exit leaves.\n\n");
	fflush(stdout);
}

int kp_shell(struct kp_session *s)
{
	const char *home = getenv("HOME");
	struct sigaction sa = { .sa_handler = shell_sigint, .sa_flags = SA_RESTART };
	char *line;

	/* Ctrl-C stops the command running, not the shell. SA_RESTART: a
	 * write blocked on a slow terminal carries on instead of failing with
	 * EINTR, which the commands would take for a closed pipe and stop
	 * without saying they were interrupted. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	shell_session = s;
	rl_readline_name = "kpage";
	rl_attempted_completion_function = shell_complete;

	if (home) {
		snprintf(history_path, sizeof(history_path), "%s/.kpage_history", home);
		read_history(history_path);
	}
	shell_banner(s);
	while ((line = readline("kpage> "))) {
		if (*line)
			add_history(line);
		kp_interrupted = 0;
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
