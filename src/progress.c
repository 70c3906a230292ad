/* The progress line of long walks. One indicator at a time (a walk started
 * inside another draws nothing); the counter is atomic so that scan threads
 * can all add to it, and whichever thread finds the redraw time passed
 * draws. The clock is read once per CHECK_PAGES pages, the line written with
 * one write(2) ("\r" text, then "erase to end of line"), cut to the
 * terminal's width so that it never wraps. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

#define REDRAW_NS 100000000ull    /* at most 10 draws a second */
#define CHECK_PAGES 4096u         /* pages between looks at the clock */

struct kp_progress {
	const char *what;
	uint64_t total, start_ns;
	unsigned cols;
	atomic_uint_fast64_t done, next_check, next_draw_ns;
	atomic_flag drawing;
};

static struct kp_progress current;
static atomic_bool active, visible;
static bool json_out, out_tty;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void erase_line(void)
{
	if (write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return;   /* nothing to do about a terminal gone */
}

void kp_progress_set_json(bool json)
{
	json_out = json;
}

static bool progress_wanted(void)
{
	const char *off = getenv("KPAGE_NO_PROGRESS");
	struct stat st;

	if ((off && *off) || !isatty(STDERR_FILENO))
		return false;
	out_tty = isatty(STDOUT_FILENO);
	/* JSON into a pipe feeds a program (jq ...) writing to this terminal. */
	return !(json_out && !out_tty && fstat(STDOUT_FILENO, &st) == 0 &&
		 (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
}

struct kp_progress *kp_progress_begin(const char *what, uint64_t total)
{
	struct kp_progress *p = &current;
	const char *delay = getenv("KPAGE_PROGRESS_DELAY_MS");
	uint64_t delay_ms = delay && *delay ? strtoull(delay, NULL, 10) : 1000;
	struct winsize ws;

	if (!progress_wanted() || atomic_exchange(&active, true))
		return NULL;
	p->what = what;
	p->total = total;
	p->start_ns = now_ns();
	p->cols = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
	atomic_store(&p->done, 0);
	atomic_store(&p->next_check, 0);
	atomic_store(&p->next_draw_ns, p->start_ns + delay_ms * 1000000ull);
	atomic_flag_clear(&p->drawing);
	return p;
}

/* 1234 -> "1234", 56789 -> "57k", 1234567 -> "1.2M" */
static void human(char *buf, size_t len, double v)
{
	if (v >= 1e9)
		snprintf(buf, len, "%.1fG", v / 1e9);
	else if (v >= 1e6)
		snprintf(buf, len, "%.1fM", v / 1e6);
	else if (v >= 1e4)
		snprintf(buf, len, "%.0fk", v / 1e3);
	else
		snprintf(buf, len, "%.0f", v);
}

static void progress_draw(struct kp_progress *p, uint64_t done, uint64_t now)
{
	char line[256], d[16], t[16], r[16];
	double secs = (double)(now - p->start_ns) / 1e9;
	int n;

	if (p->total && done > p->total)
		done = p->total;
	human(d, sizeof(d), (double)done);
	human(t, sizeof(t), (double)p->total);
	human(r, sizeof(r), secs > 0 ? (double)done / secs : 0);
	if (p->total)
		n = snprintf(line, sizeof(line), "\rkpage: %s %3.0f%% (%s of %s pages, %s pages/s)",
			     p->what, 100.0 * (double)done / (double)p->total, d, t, r);
	else
		n = snprintf(line, sizeof(line), "\rkpage: %s (%s pages, %s pages/s)", p->what, d, r);
	if (n < 0)
		return;
	if ((unsigned)n > sizeof(line) - 4)
		n = (int)sizeof(line) - 4;
	if ((unsigned)n > p->cols)        /* "\r" and cols - 1 characters */
		n = (int)p->cols;
	snprintf(line + n, sizeof(line) - (size_t)n, "\033[K");
	atomic_store(&visible, true);
	if (write(STDERR_FILENO, line, (size_t)n + 3) < 0)
		return;
}

void kp_progress_add(struct kp_progress *p, uint64_t n)
{
	uint64_t done, now;

	if (!p)
		return;
	done = atomic_fetch_add(&p->done, n) + n;
	if (done < atomic_load(&p->next_check))
		return;
	atomic_store(&p->next_check, done + CHECK_PAGES);
	now = now_ns();
	if (now < atomic_load(&p->next_draw_ns) || atomic_flag_test_and_set(&p->drawing))
		return;
	atomic_store(&p->next_draw_ns, now + REDRAW_NS);
	progress_draw(p, done, now);
	atomic_flag_clear(&p->drawing);
}

void kp_progress_end(struct kp_progress *p)
{
	if (!p)
		return;
	if (atomic_exchange(&visible, false))
		erase_line();
	atomic_store(&active, false);
}

void kp_progress_hide(void)
{
	if (out_tty && atomic_load_explicit(&visible, memory_order_relaxed) &&
	    atomic_exchange(&visible, false))
		erase_line();
}
