/* Text and JSON writers. JSON is written as it goes (NDJSON for streams:
 * each top-level object ends its line), so memory stays flat whatever the
 * number of pages. */
#include <stdarg.h>
#include <string.h>

#include "output.h"
#include "progress.h"

void kp_out_init(struct kp_out *o, FILE *f, bool json)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->json = json;
}

void kp_out_printf(struct kp_out *o, const char *fmt, ...)
{
	va_list ap;
	kp_progress_hide();
	va_start(ap, fmt);
	vfprintf(o->f, fmt, ap);
	va_end(ap);
}

/* Writes the separator a new value needs at the current depth. */
static void json_value_prefix(struct kp_out *o)
{
	if (o->after_key) {
		o->after_key = false;
		return;
	}
	if (o->depth > 0 && o->need_comma[o->depth])
		fputc(',', o->f);
	if (o->depth > 0)
		o->need_comma[o->depth] = true;
}

static void json_open(struct kp_out *o, char c)
{
	if (o->depth == 0)
		kp_progress_hide();
	json_value_prefix(o);
	fputc(c, o->f);
	if (o->depth + 1 < KP_JSON_DEPTH)
		o->depth++;
	o->need_comma[o->depth] = false;
}

static void json_close(struct kp_out *o, char c)
{
	fputc(c, o->f);
	if (o->depth > 0)
		o->depth--;
	if (o->depth == 0)
		fputc('\n', o->f);
}

void kp_json_object_begin(struct kp_out *o) { json_open(o, '{'); }
void kp_json_object_end(struct kp_out *o) { json_close(o, '}'); }
void kp_json_array_begin(struct kp_out *o) { json_open(o, '['); }
void kp_json_array_end(struct kp_out *o) { json_close(o, ']'); }

/* The length of the valid UTF-8 sequence at P (2-4), or 0. */
static int utf8_len(const unsigned char *p)
{
	int n = p[0] >= 0xf0 && p[0] <= 0xf4 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((n == 3 && p[0] == 0xe0 && p[1] < 0xa0) || (n == 3 && p[0] == 0xed && p[1] >= 0xa0) ||
	    (n == 4 && p[0] == 0xf0 && p[1] < 0x90) || (n == 4 && p[0] == 0xf4 && p[1] >= 0x90))
		return 0;   /* overlong, a surrogate, or beyond U+10FFFF */
	return n;
}

/* Kernel strings are bytes (file names): valid UTF-8 is kept, any other
 * byte B >= 0x80 becomes the lone surrogate U+DC00+B (as Python's
 * surrogateescape), so the bytes can be recovered. */
static void json_escaped(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int n;
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p < 0x80)
			fputc(*p, f);
		else if ((n = utf8_len(p)) > 0)
			fwrite(p, 1, (size_t)n, f), p += n - 1;
		else
			fprintf(f, "\\udc%02x", *p);
	}
	fputc('"', f);
}

void kp_json_key(struct kp_out *o, const char *key)
{
	json_value_prefix(o);
	json_escaped(o->f, key);
	fputc(':', o->f);
	o->after_key = true;
}

void kp_json_str(struct kp_out *o, const char *s)
{
	json_value_prefix(o);
	if (s)
		json_escaped(o->f, s);
	else
		fputs("null", o->f);
}

void kp_json_int(struct kp_out *o, int64_t v)
{
	json_value_prefix(o);
	fprintf(o->f, "%lld", (long long)v);
}

void kp_json_uint(struct kp_out *o, uint64_t v)
{
	json_value_prefix(o);
	fprintf(o->f, "%llu", (unsigned long long)v);
}

void kp_json_bool(struct kp_out *o, bool v)
{
	json_value_prefix(o);
	fputs(v ? "true" : "false", o->f);
}

void kp_json_null(struct kp_out *o)
{
	json_value_prefix(o);
	fputs("null", o->f);
}

void kp_json_kstr(struct kp_out *o, const char *k, const char *s) { kp_json_key(o, k); kp_json_str(o, s); }
void kp_json_kint(struct kp_out *o, const char *k, int64_t v) { kp_json_key(o, k); kp_json_int(o, v); }
void kp_json_kuint(struct kp_out *o, const char *k, uint64_t v) { kp_json_key(o, k); kp_json_uint(o, v); }
void kp_json_kbool(struct kp_out *o, const char *k, bool v) { kp_json_key(o, k); kp_json_bool(o, v); }

void kp_json_khex(struct kp_out *o, const char *k, uint64_t v)
{
	char buf[32];
	snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
	kp_json_kstr(o, k, buf);
}

const char *kp_text_safe(char *dst, size_t len, const char *src)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)src; *p && n + 5 < len; p++) {
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			n += (size_t)snprintf(dst + n, len - n, "\\x%02x", *p);
		else
			dst[n++] = (char)*p;
	}
	dst[n < len ? n : len - 1] = '\0';
	return dst;
}

void kp_json_milli(struct kp_out *o, int64_t thousandths)
{
	json_value_prefix(o);
	fprintf(o->f, "%s%lld.%03lld", thousandths < 0 ? "-" : "",
		(long long)(thousandths < 0 ? -thousandths : thousandths) / 1000,
		(long long)(thousandths < 0 ? -thousandths : thousandths) % 1000);
}
