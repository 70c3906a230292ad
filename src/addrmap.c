/* The address map of addrmap.h. */
#include <stdlib.h>

#include "addrmap.h"

static size_t addrmap_slot(const struct kp_addrmap *m, uint64_t key)
{
	/* Addresses differ in their middle bits: mix them all in. */
	uint64_t h = key * 0x9e3779b97f4a7c15ull;
	size_t i = (size_t)(h >> 20) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

uint32_t kp_addrmap_get(const struct kp_addrmap *m, uint64_t key)
{
	if (!m->cap || !key)
		return UINT32_MAX;
	size_t i = addrmap_slot(m, key);
	return m->keys[i] ? m->vals[i] : UINT32_MAX;
}

static bool addrmap_grow(struct kp_addrmap *m)
{
	struct kp_addrmap g = { .cap = m->cap ? m->cap * 2 : 64 };
	g.keys = calloc(g.cap, sizeof(*g.keys));
	g.vals = calloc(g.cap, sizeof(*g.vals));
	if (!g.keys || !g.vals) {
		free(g.keys);
		free(g.vals);
		return false;
	}
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i]) {
			size_t j = addrmap_slot(&g, m->keys[i]);
			g.keys[j] = m->keys[i];
			g.vals[j] = m->vals[i];
		}
	g.n = m->n;
	kp_addrmap_free(m);
	*m = g;
	return true;
}

bool kp_addrmap_put(struct kp_addrmap *m, uint64_t key, uint32_t val)
{
	if (!key)
		return false;
	if ((m->n + 1) * 2 > m->cap && !addrmap_grow(m))
		return false;
	size_t i = addrmap_slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
	return true;
}

void kp_addrmap_free(struct kp_addrmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->n = 0;
}
