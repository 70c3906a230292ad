/* VMCOREINFO is "KEY=VALUE" lines; the kernel writes values it defines as
 * macros there (NUMBER(), OFFSET(), SYMBOL()), which DWARF cannot give.
 * Pure functions over the text, so they can be fuzzed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "target.h"

bool kp_vmcoreinfo_get(const char *text, const char *key, char *buf, size_t len)
{
	size_t klen = strlen(key);
	const char *line = text;

	if (!text || len == 0)
		return false;
	while (*line) {
		const char *end = strchr(line, '\n');
		size_t llen = end ? (size_t)(end - line) : strlen(line);

		if (llen > klen && strncmp(line, key, klen) == 0 && line[klen] == '=') {
			size_t vlen = llen - klen - 1;
			if (vlen >= len)
				vlen = len - 1;
			memcpy(buf, line + klen + 1, vlen);
			buf[vlen] = '\0';
			return true;
		}
		if (!end)
			break;
		line = end + 1;
	}
	return false;
}

bool kp_vmcoreinfo_number(const char *text, const char *key, int64_t *val)
{
	char buf[64], *end;
	long long v;

	if (!kp_vmcoreinfo_get(text, key, buf, sizeof(buf)) || !buf[0])
		return false;
	errno = 0;
	v = strtoll(buf, &end, 0);
	if (errno || *end)
		return false;
	*val = v;
	return true;
}

bool kp_vmcoreinfo_hex(const char *text, const char *key, uint64_t *val)
{
	char buf[64], *end;
	unsigned long long v;

	if (!kp_vmcoreinfo_get(text, key, buf, sizeof(buf)) || !buf[0])
		return false;
	errno = 0;
	v = strtoull(buf, &end, 16);
	if (errno || *end)
		return false;
	*val = v;
	return true;
}
