/* Errors travel up as values: a function that can fail returns a kp_error *
 * (NULL on success) carrying the exit code and a one-line message with its
 * context; only the top level prints it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"

struct kp_error {
	int exit_code;
	char msg[1024];
};

/* Used when malloc itself fails, so reporting never needs memory. */
static struct kp_error kp_error_nomem = { KP_EXIT_INPUT, "out of memory" };

kp_error *kp_errorf(int exit_code, const char *fmt, ...)
{
	kp_error *err = malloc(sizeof(*err));
	va_list ap;

	if (!err)
		return &kp_error_nomem;
	err->exit_code = exit_code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return err;
}

kp_error *kp_error_prefix(kp_error *err, const char *fmt, ...)
{
	char prefix[512];
	char old[sizeof(err->msg)];
	va_list ap;

	if (!err || err == &kp_error_nomem)
		return err;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, err->msg, sizeof(old));
	/* Truncation is fine: the message stays one readable line. */
	size_t n = strlen(prefix);
	if (n > sizeof(err->msg) - 3)
		n = sizeof(err->msg) - 3;
	memcpy(err->msg, prefix, n);
	memcpy(err->msg + n, ": ", 2);
	size_t rest = sizeof(err->msg) - n - 3;
	size_t olen = strlen(old);
	if (olen > rest)
		olen = rest;
	memcpy(err->msg + n + 2, old, olen);
	err->msg[n + 2 + olen] = '\0';
	return err;
}

kp_error *kp_error_append(kp_error *err, const char *fmt, ...)
{
	va_list ap;

	if (!err || err == &kp_error_nomem)
		return err;
	size_t n = strlen(err->msg);
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
	va_end(ap);
	return err;
}

const char *kp_error_message(const kp_error *err)
{
	return err ? err->msg : "success";
}

int kp_error_exit_code(const kp_error *err)
{
	return err ? err->exit_code : 0;
}

void kp_error_free(kp_error *err)
{
	if (err && err != &kp_error_nomem)
		free(err);
}
