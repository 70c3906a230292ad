#ifndef KPAGE_SHELL_H
#define KPAGE_SHELL_H

#include <stdio.h>
#include "session.h"

/* Runs one command line (already split into words); returns its exit code
 * and prints its error, if any, in one line. */
int kp_run_command(struct kp_session *s, int argc, char **argv);
/* Runs the commands read from IN, one per line; returns the worst exit code. */
int kp_run_script(struct kp_session *s, FILE *in);
/* The interactive shell (readline). */
int kp_shell(struct kp_session *s);

#endif
