/* Unit tests of the owners' pure parts: the address map, kernel strings in
 * JSON (UTF-8 kept, other bytes recoverable) and in text lines. Prints
 * "ok NAME" or "FAIL NAME why" per check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addrmap.h"
#include "output.h"
#include "types.h"

static int failures;

#define CHECK(name, cond) do { \
	if (cond) printf("ok %s\n", name); \
	else { printf("FAIL %s %s:%d: %s\n", name, __FILE__, __LINE__, #cond); failures++; } \
} while (0)

static void test_addrmap(void)
{
	struct kp_addrmap m = { 0 };
	bool ok = true;
	/* addresses that differ only in high bits, as struct pages and slabs do */
	for (uint32_t i = 0; i < 10000; i++)
		ok &= kp_addrmap_put(&m, 0xffff888000000000ull + ((uint64_t)i << 12), i);
	CHECK("addrmap_put_many", ok && m.n == 10000);
	bool found = true;
	for (uint32_t i = 0; i < 10000; i++)
		found &= kp_addrmap_get(&m, 0xffff888000000000ull + ((uint64_t)i << 12)) == i;
	CHECK("addrmap_get_each", found);
	CHECK("addrmap_absent", kp_addrmap_get(&m, 0xffff888000000008ull) == UINT32_MAX);
	CHECK("addrmap_zero_is_no_key", !kp_addrmap_put(&m, 0, 1) && kp_addrmap_get(&m, 0) == UINT32_MAX);
	kp_addrmap_put(&m, 0xffff888000000000ull, 77);
	CHECK("addrmap_replace", kp_addrmap_get(&m, 0xffff888000000000ull) == 77 && m.n == 10000);
	kp_addrmap_free(&m);
	CHECK("addrmap_empty_get", kp_addrmap_get(&m, 5) == UINT32_MAX);
}

static char *json_of(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct kp_out o;
	kp_out_init(&o, f, true);
	kp_json_object_begin(&o);
	kp_json_kstr(&o, "s", s);
	kp_json_object_end(&o);
	fclose(f);
	return buf;
}

static void test_strings(void)
{
	char *j = json_of("caf\xc3\xa9/\xe6\x97\xa5");
	CHECK("json_utf8_kept", !strcmp(j, "{\"s\":\"caf\xc3\xa9/\xe6\x97\xa5\"}\n"));
	free(j);
	j = json_of("a\xff" "b\xc3");
	CHECK("json_bad_bytes_as_surrogates", !strcmp(j, "{\"s\":\"a\\udcffb\\udcc3\"}\n"));
	free(j);
	j = json_of("\xc0\xaf\xed\xa0\x80");   /* overlong '/', a surrogate */
	CHECK("json_overlong_and_surrogate_escaped",
	      !strcmp(j, "{\"s\":\"\\udcc0\\udcaf\\udced\\udca0\\udc80\"}\n"));
	free(j);
	char t[32];
	CHECK("text_safe_newline", !strcmp(kp_text_safe(t, sizeof(t), "a\nb\\c"), "a\\x0ab\\x5cc"));
	CHECK("text_safe_truncates", strlen(kp_text_safe(t, 8, "abcdefghijkl")) < 8);
}

int main(void)
{
	test_addrmap();
	test_strings();
	return failures ? 1 : 0;
}
