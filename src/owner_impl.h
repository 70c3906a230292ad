/* Shared by owner.c and owner_file.c: the owners' state. */
#ifndef KPAGE_OWNER_IMPL_H
#define KPAGE_OWNER_IMPL_H

#include "addrmap.h"
#include "owner.h"
#include "types.h"

/* Owner records of one kind, kept by address (each its own allocation, so
 * the pointers handed out stay valid). */
struct kp_records {
	void **rec;
	size_t n, cap;
	struct kp_addrmap by_addr;
};

struct kp_owners {
	struct kp_mm *mm;
	struct kp_owner_layout l;
	struct kp_records slabs, files, memcgs;
	/* obj_cgroup -> mem_cgroup, read once each */
	struct kp_addrmap objcg_memcg;
	uint64_t *objcg_vals;
	size_t objcg_n, objcg_cap;
	/* owner_slab_cpu.c: kmem_cache_cpu's members */
	bool cpu_layout_done;
	struct kp_field kc_cpu_slab, kc_offset, kc_random, kcc_freelist, kcc_slab;
};

/* Path building from the leaf up: prepends "/NAME" at buf[*pos] (false:
 * no room); whether ADDR is among the N addresses of CHAIN (a cycle). */
bool kp_owner_path_prepend(char *buf, size_t *pos, const char *name);
bool kp_owner_seen(const uint64_t *chain, size_t n, uint64_t addr);
void *kp_records_find(struct kp_records *r, uint64_t addr, size_t size, bool *fresh);

#endif
