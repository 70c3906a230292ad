/* Debuginfo discovery: where the vmlinux with DWARF of a core's kernel may
 * be, by its release and by its build-id, and, when no local file is found,
 * the debuginfod servers of $DEBUGINFOD_URLS through libdebuginfod (the
 * client libdwfl uses). libdebuginfod keeps what it fetched in its cache
 * ($DEBUGINFOD_CACHE_PATH, default ~/.cache/debuginfod_client) and answers
 * from there on the next run without asking the network. */
#include <ctype.h>
#include <dlfcn.h>
#include <elfutils/debuginfod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "debuginfo.h"
#include "target.h"

/* Candidate paths for a kernel release and build-id, in the order tried. */
static int debuginfo_candidates(const char *rel, const char *id, char paths[][512], int max)
{
	int n = 0;
	if (rel && n + 4 <= max) {
		snprintf(paths[n++], 512, "/usr/lib/debug/boot/vmlinux-%s", rel);
		snprintf(paths[n++], 512, "/usr/lib/debug/lib/modules/%s/vmlinux", rel);
		snprintf(paths[n++], 512, "/boot/vmlinux-%s", rel);
		snprintf(paths[n++], 512, "/lib/modules/%s/build/vmlinux", rel);
	}
	if (id && n < max)
		snprintf(paths[n++], 512, "/usr/lib/debug/.build-id/%.2s/%s.debug", id, id + 2);
	return n;
}

/* The kernel release the core is from: VMCOREINFO OSRELEASE, or uname for
 * the running kernel's /proc/kcore. */
static bool core_release(const char *core_path, const char *vmci, char *rel, size_t len)
{
	if (kp_vmcoreinfo_get(vmci, "OSRELEASE", rel, len))
		return true;
	if (strcmp(core_path, "/proc/kcore") == 0) {
		struct utsname u;
		if (uname(&u) == 0) {
			snprintf(rel, len, "%s", u.release);
			return true;
		}
	}
	return false;
}

/* VMCOREINFO BUILD-ID (kernels 5.9+): the vmlinux's build-id in hex. */
static bool core_build_id(const char *vmci, char *id, size_t len)
{
	size_t n;
	if (!kp_vmcoreinfo_get(vmci, "BUILD-ID", id, len))
		return false;
	n = strlen(id);
	for (size_t i = 0; i < n; i++) {
		if (!isxdigit((unsigned char)id[i]))
			return false;
		id[i] = (char)tolower((unsigned char)id[i]);
	}
	return n >= 4 && n % 2 == 0;
}

struct fetch_note { const char *id; bool shown; };

/* libdebuginfod is opened when a fetch is needed, not linked: it pulls in
 * libcurl and some 30 libraries more, whose loading and relocation cost
 * every run (a third of the start-up instructions on a small dump). */
static struct {
	debuginfod_client *(*begin)(void);
	void (*end)(debuginfod_client *);
	void (*set_user_data)(debuginfod_client *, void *);
	void *(*get_user_data)(debuginfod_client *);
	void (*set_progressfn)(debuginfod_client *, debuginfod_progressfn_t);
	int (*find_debuginfo)(debuginfod_client *, const unsigned char *, int, char **);
} dfd;

static bool debuginfod_load(char *why, size_t len)
{
	void *h;
	if (dfd.begin)
		return true;
	if (!(h = dlopen("libdebuginfod.so.1", RTLD_NOW | RTLD_LOCAL))) {
		snprintf(why, len, "debuginfod not tried: %s (install libdebuginfod1)", dlerror());
		return false;
	}
	*(void **)&dfd.end = dlsym(h, "debuginfod_end");
	*(void **)&dfd.set_user_data = dlsym(h, "debuginfod_set_user_data");
	*(void **)&dfd.get_user_data = dlsym(h, "debuginfod_get_user_data");
	*(void **)&dfd.set_progressfn = dlsym(h, "debuginfod_set_progressfn");
	*(void **)&dfd.find_debuginfo = dlsym(h, "debuginfod_find_debuginfo");
	*(void **)&dfd.begin = dlsym(h, "debuginfod_begin");
	if (!dfd.end || !dfd.set_user_data || !dfd.get_user_data || !dfd.set_progressfn ||
	    !dfd.find_debuginfo || !dfd.begin) {
		dfd.begin = NULL;
		snprintf(why, len, "debuginfod not tried: libdebuginfod.so.1 lacks its functions");
		return false;
	}
	return true;
}

/* Called by libdebuginfod only while it transfers (not on a cache hit). */
static int debuginfo_progress(debuginfod_client *c, long done, long total)
{
	struct fetch_note *note = dfd.get_user_data(c);
	(void)done; (void)total;
	if (note && !note->shown && isatty(STDERR_FILENO)) {
		fprintf(stderr, "kpage: fetching debuginfo for build-id %s from debuginfod\n", note->id);
		note->shown = true;
	}
	return kp_interrupted ? 1 : 0;   /* Ctrl-C in the shell stops the transfer */
}

/* Asks the debuginfod servers for ID; on failure, WHY says what happened. */
static char *debuginfo_fetch(const char *id, char *why, size_t len)
{
	const char *urls = getenv(DEBUGINFOD_URLS_ENV_VAR);
	struct fetch_note note = { id, false };
	char *path = NULL;
	debuginfod_client *c;
	int fd;

	if (!urls || !urls[strspn(urls, " \t")]) {
		snprintf(why, len, "debuginfod not tried: DEBUGINFOD_URLS not set");
		return NULL;
	}
	if (!debuginfod_load(why, len))
		return NULL;
	if (!(c = dfd.begin())) {
		snprintf(why, len, "debuginfod (%.300s): client could not start", urls);
		return NULL;
	}
	dfd.set_user_data(c, &note);
	dfd.set_progressfn(c, debuginfo_progress);
	fd = dfd.find_debuginfo(c, (const unsigned char *)id, 0, &path);
	dfd.end(c);
	if (fd < 0) {
		snprintf(why, len, "debuginfod (%.300s): build-id %s: %s", urls, id, strerror(-fd));
		return NULL;
	}
	close(fd);
	return path;
}

kp_error *kp_debuginfo_find(const char *core_path, const char *vmci, char **path)
{
	char rel[128], id[160], paths[8][512], tried[3072] = "", why[512], v[32];
	bool have_rel = core_release(core_path, vmci, rel, sizeof(rel));
	bool have_id = core_build_id(vmci, id, sizeof(id));
	/* A VMCOREINFO that describes struct page is enough without debuginfo. */
	const char *alt = kp_vmcoreinfo_get(vmci, "SIZE(page)", v, sizeof(v)) ?
		", or --vmcoreinfo-only to take the layouts from the dump's VMCOREINFO" : "";
	int n;

	if (!have_rel && !have_id)
		return kp_errorf(KP_EXIT_USAGE, "%s: cannot tell the kernel release (no VMCOREINFO "
				 "OSRELEASE or BUILD-ID); give the vmlinux with --vmlinux%s", core_path,
				 alt);
	n = debuginfo_candidates(have_rel ? rel : NULL, have_id ? id : NULL, paths, 8);
	for (int i = 0; i < n; i++) {
		if (access(paths[i], R_OK) == 0) {
			*path = strdup(paths[i]);
			return *path ? NULL : kp_errorf(KP_EXIT_INPUT, "out of memory");
		}
		strncat(tried, i ? ", " : "", sizeof(tried) - strlen(tried) - 1);
		strncat(tried, paths[i], sizeof(tried) - strlen(tried) - 1);
	}
	if (!have_id)
		snprintf(why, sizeof(why), "debuginfod not tried: no BUILD-ID in the dump's VMCOREINFO");
	else if ((*path = debuginfo_fetch(id, why, sizeof(why))))
		return NULL;
	if (!have_rel)
		return kp_errorf(KP_EXIT_INPUT, "no vmlinux with debug info for build-id %s (tried %s; "
				 "%s); give --vmlinux%s", id, tried, why, alt);
	return kp_errorf(KP_EXIT_INPUT, "no vmlinux with debug info for %s (tried %s; %s); "
			 "install linux-image-%s-dbg or give --vmlinux%s", rel, tried, why, rel, alt);
}
