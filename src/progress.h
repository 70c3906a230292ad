/* A one-line progress indicator on stderr for long walks (the mem_map scan,
 * the free lists): percent and pages/s, redrawn at most 10 times a second,
 * erased when the walk ends. */
#ifndef KPAGE_PROGRESS_H
#define KPAGE_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

struct kp_progress;

/* Starts the indicator of a walk over TOTAL pages (0: unknown, no percent).
 * NULL, and nothing is ever drawn, when stderr is not a terminal, when JSON
 * goes into a pipe, when KPAGE_NO_PROGRESS is set, or inside another walk.
 * The line appears only once the walk has taken KPAGE_PROGRESS_DELAY_MS
 * milliseconds (default 1000). */
struct kp_progress *kp_progress_begin(const char *what, uint64_t total);
/* N more pages done; any thread may call it; P may be NULL. */
void kp_progress_add(struct kp_progress *p, uint64_t n);
/* Erases the line; P may be NULL. */
void kp_progress_end(struct kp_progress *p);

/* The running command's output mode (--json). */
void kp_progress_set_json(bool json);
/* Erases the line before output to a terminal standard output, so that the
 * two do not mix; the next update draws it again. */
void kp_progress_hide(void);

#endif
