/* The types layer's model: the answers its loaders gave (DWARF, BTF,
 * VMCOREINFO), by kind: a member, a type's size, whether a type exists, an
 * enumerator, a variable, an enum's list. Every loader puts typed answers
 * here and every lookup gets them back typed; only this file knows how an
 * answer is written in the memo's entries (types_memo.c keeps them in
 * $XDG_CACHE_HOME/kpage/types/BUILD-ID), so no source speaks the memo's
 * text to another. DIRTY: a new answer, to be saved at close. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "types_impl.h"

static const char *answer_key(char *key, size_t len, char kind, const char *a, const char *b)
{
	snprintf(key, len, b ? "%c|%s|%s" : "%c|%s", kind, a, b);
	return key;
}

void kp_answer_put_field(struct kp_types *ty, const char *type, const char *path,
			 const struct kp_field *f, const kp_error *err, bool dirty)
{
	char key[256], val[300];
	if (err)
		snprintf(val, sizeof(val), "E %s", kp_error_message(err));
	else
		snprintf(val, sizeof(val), "%d %u %u %u %u %u %u", f->present, f->offset, f->size,
			 f->bit_offset, f->bit_size, f->count, f->elem_size);
	kp_memo_put(ty, answer_key(key, sizeof(key), 'F', type, path), val, dirty);
}

bool kp_answer_get_field(struct kp_types *ty, const char *type, const char *path,
			 struct kp_field *f, kp_error **err)
{
	char key[256];
	const char *v = kp_memo_get(ty, answer_key(key, sizeof(key), 'F', type, path));
	int present;

	*err = NULL;
	if (!v)
		return false;
	memset(f, 0, sizeof(*f));
	if (v[0] == 'E')
		*err = kp_errorf(KP_EXIT_INPUT, "%s", v + 2);
	else if (sscanf(v, "%d %u %u %u %u %u %u", &present, &f->offset, &f->size, &f->bit_offset,
			&f->bit_size, &f->count, &f->elem_size) != 7)
		*err = kp_errorf(KP_EXIT_INPUT, "%s: corrupt entry '%s'", ty->memo_path, key);
	else
		f->present = present;
	return true;
}

void kp_answer_put_size(struct kp_types *ty, const char *type, uint32_t size,
			const kp_error *err, bool dirty)
{
	char key[256], val[300];
	if (err)
		snprintf(val, sizeof(val), "E %s", kp_error_message(err));
	else
		snprintf(val, sizeof(val), "%u", size);
	kp_memo_put(ty, answer_key(key, sizeof(key), 'S', type, NULL), val, dirty);
}

bool kp_answer_get_size(struct kp_types *ty, const char *type, uint32_t *size, kp_error **err)
{
	char key[256];
	const char *v = kp_memo_get(ty, answer_key(key, sizeof(key), 'S', type, NULL));

	*err = NULL;
	if (!v)
		return false;
	if (v[0] == 'E')
		*err = kp_errorf(KP_EXIT_INPUT, "%s", v + 2);
	else
		*size = (uint32_t)strtoul(v, NULL, 10);
	return true;
}

/* KIND 'H' (a type exists) and 'N' (an enumerator): "1 VALUE" or "0". */
void kp_answer_put_number(struct kp_types *ty, char kind, const char *name, bool present,
			  int64_t v, bool dirty)
{
	char key[256], val[64];
	snprintf(val, sizeof(val), present ? "1 %lld" : "0", present ? (long long)v : 0LL);
	kp_memo_put(ty, answer_key(key, sizeof(key), kind, name, NULL), val, dirty);
}

int kp_answer_get_number(struct kp_types *ty, char kind, const char *name, int64_t *v)
{
	char key[256];
	const char *s = kp_memo_get(ty, answer_key(key, sizeof(key), kind, name, NULL));
	long long n = 0;

	if (!s)
		return -1;
	if (s[0] != '1' || sscanf(s + 2, "%lld", &n) != 1)
		return 0;
	*v = n;
	return 1;
}

void kp_answer_put_var(struct kp_types *ty, const char *name, bool present, uint32_t array_len,
		       int pointer_depth, bool dirty)
{
	char key[256], val[64];
	snprintf(val, sizeof(val), present ? "1 %u %d" : "0", present ? array_len : 0,
		 present ? pointer_depth : 0);
	kp_memo_put(ty, answer_key(key, sizeof(key), 'V', name, NULL), val, dirty);
}

int kp_answer_get_var(struct kp_types *ty, const char *name, uint32_t *array_len, int *pointer_depth)
{
	char key[256];
	const char *v = kp_memo_get(ty, answer_key(key, sizeof(key), 'V', name, NULL));
	if (!v)
		return -1;
	return sscanf(v, "1 %u %d", array_len, pointer_depth) == 2;
}

/* An enum's list: "NAME=VALUE,NAME=VALUE". False when out of memory. */
bool kp_answer_put_enum(struct kp_types *ty, const char *enum_name, const struct kp_enumerator *e,
			size_t n, bool dirty)
{
	char key[256];
	size_t cap = 64, used = 0;
	char *val = malloc(cap);

	if (!val)
		return false;
	val[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char item[160];
		int w = snprintf(item, sizeof(item), "%s%s=%lld", i ? "," : "", e[i].name,
				 (long long)e[i].value);
		while (used + (size_t)w + 1 > cap) {
			char *bigger = realloc(val, cap *= 2);
			if (!bigger) {
				free(val);
				return false;
			}
			val = bigger;
		}
		memcpy(val + used, item, (size_t)w + 1);
		used += (size_t)w;
	}
	kp_memo_put(ty, answer_key(key, sizeof(key), 'L', enum_name, NULL), val, dirty);
	free(val);
	return true;
}

/* The list back, into OUT (its names and array allocated; freed with the
 * types); false when there is no answer for ENUM_NAME. */
bool kp_answer_get_enum(struct kp_types *ty, const char *enum_name, struct enum_list *out)
{
	char key[256];
	const char *v = kp_memo_get(ty, answer_key(key, sizeof(key), 'L', enum_name, NULL));
	char *copy, *save = NULL;

	if (!v)
		return false;
	memset(out, 0, sizeof(*out));
	out->name = strdup(enum_name);
	copy = strdup(v);
	for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(tok, '=');
		struct kp_enumerator *e;
		if (!eq || !(e = realloc(out->e, (out->n + 1) * sizeof(*e))))
			continue;
		out->e = e;
		*eq = '\0';
		e[out->n].name = strdup(tok);
		e[out->n].value = strtoll(eq + 1, NULL, 10);
		out->n++;
	}
	free(copy);
	return true;
}

/* The members of TYPE answered present (VMCOREINFO's OFFSET() lines), the
 * first MAX of them into NAMES; returns how many there are. */
size_t kp_answer_members(struct kp_types *ty, const char *type, const char **names, size_t max)
{
	char prefix[160];
	size_t n = 0, plen = (size_t)snprintf(prefix, sizeof(prefix), "F|%s|", type);

	for (size_t i = 0; i < ty->n; i++) {
		if (strncmp(ty->m[i].key, prefix, plen) || ty->m[i].val[0] != '1')
			continue;
		if (n < max)
			names[n] = ty->m[i].key + plen;
		n++;
	}
	return n;
}

/* Other answers (a function's local, a symbol's address) as a word. */
void kp_answer_put_word(struct kp_types *ty, const char *key, const char *word, bool dirty)
{
	kp_memo_put(ty, key, word, dirty);
}

const char *kp_answer_get_word(struct kp_types *ty, const char *key)
{
	return kp_memo_get(ty, key);
}
