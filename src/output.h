/* Output for commands: plain text or JSON. Commands never printf JSON by
 * hand: they call the writer, which tracks nesting and commas. */
#ifndef KPAGE_OUTPUT_H
#define KPAGE_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define KP_JSON_DEPTH 32

struct kp_out {
	FILE *f;
	bool json;
	int depth;
	bool need_comma[KP_JSON_DEPTH];
	bool after_key;
	int write_errno;   /* errno of the first write seen failing, 0 */
};

void kp_out_init(struct kp_out *o, FILE *f, bool json);
void kp_out_printf(struct kp_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* SRC for a text line: control bytes and backslashes as \\xNN (a file
 * name may hold a newline). Returns DST. */
const char *kp_text_safe(char *dst, size_t len, const char *src);
void kp_json_object_begin(struct kp_out *o);
void kp_json_object_end(struct kp_out *o);   /* at depth 0 also ends the line */
void kp_json_array_begin(struct kp_out *o);
void kp_json_array_end(struct kp_out *o);
void kp_json_key(struct kp_out *o, const char *key);
void kp_json_str(struct kp_out *o, const char *s);
void kp_json_int(struct kp_out *o, int64_t v);
void kp_json_uint(struct kp_out *o, uint64_t v);
void kp_json_bool(struct kp_out *o, bool v);
/* A number of thousandths as the kernel prints it: 0.008, -1.000. */
void kp_json_milli(struct kp_out *o, int64_t thousandths);
void kp_json_null(struct kp_out *o);
/* Shorthands for "key": value. */
void kp_json_kstr(struct kp_out *o, const char *key, const char *s);
void kp_json_kint(struct kp_out *o, const char *key, int64_t v);
void kp_json_kuint(struct kp_out *o, const char *key, uint64_t v);
void kp_json_khex(struct kp_out *o, const char *key, uint64_t v); /* "0x..." */
void kp_json_kbool(struct kp_out *o, const char *key, bool v);

#endif
