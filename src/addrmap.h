/* A map from kernel addresses (never 0) to small indices: owners kept by
 * their address, counters kept by owner. Open addressing, grown at 1/2. */
#ifndef KPAGE_ADDRMAP_H
#define KPAGE_ADDRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kp_addrmap {
	uint64_t *keys;
	uint32_t *vals;
	size_t cap, n;
};

/* The index kept for KEY, or UINT32_MAX. */
uint32_t kp_addrmap_get(const struct kp_addrmap *m, uint64_t key);
/* Keeps KEY -> VAL; false when out of memory. */
bool kp_addrmap_put(struct kp_addrmap *m, uint64_t key, uint32_t val);
void kp_addrmap_free(struct kp_addrmap *m);

#endif
