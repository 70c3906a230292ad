/* Memory cgroups (owner.h): a mem_cgroup's path from its kernfs names,
 * and the mem_cgroup an obj_cgroup charges. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "owner_impl.h"
#include "types.h"

/* The path of kernfs node KN: its names up to the root (no parent). */
static void kernfs_path(struct kp_owners *o, uint64_t kn, struct kp_memcg_owner *m)
{
	const struct kp_owner_layout *ol = &o->l;
	const struct kp_field *f[] = { &ol->kn_name, &ol->kn_parent };
	uint32_t span = kp_owner_span(f, KP_ARRAY_SIZE(f));
	uint64_t chain[KP_OWNER_CHAIN_MAX];
	char buf[sizeof(m->path)], name[256];
	size_t pos = sizeof(buf) - 1, depth = 0;
	uint8_t raw[512];

	buf[pos] = '\0';
	if (!ol->kn_name.present || !ol->kn_parent.present || span > sizeof(raw)) {
		snprintf(m->why, sizeof(m->why), "struct kernfs_node has no name or parent in the types");
		return;
	}
	for (;;) {
		if (depth == KP_OWNER_CHAIN_MAX) {
			snprintf(m->why, sizeof(m->why), "kernfs parents deeper than %d",
				 KP_OWNER_CHAIN_MAX);
			return;
		}
		if (kp_owner_seen(chain, depth, kn)) {
			snprintf(m->why, sizeof(m->why), "the kernfs parents form a cycle at 0x%llx",
				 (unsigned long long)kn);
			return;
		}
		chain[depth++] = kn;
		if (!kp_owner_read(o, kn, raw, span, "kernfs_node", m->why, sizeof(m->why)))
			return;
		uint64_t parent = kp_field_load(raw, &ol->kn_parent);
		if (!parent)
			break;   /* the root's name is the hierarchy's, not a component */
		uint64_t np = kp_field_load(raw, &ol->kn_name);
		kp_error *err = kp_mm_read_string(o->mm, np, name, sizeof(name));
		if (err || !kp_owner_read(o, np, name, 1, "kernfs name", m->why, sizeof(m->why))) {
			if (err)
				snprintf(m->why, sizeof(m->why), "cannot read the kernfs name at 0x%llx",
					 (unsigned long long)np);
			kp_error_free(err);
			return;
		}
		if (!kp_owner_path_prepend(buf, &pos, name)) {
			snprintf(m->why, sizeof(m->why), "the cgroup path is longer than %zu bytes",
				 sizeof(m->path) - 1);
			return;
		}
		kn = parent;
	}
	snprintf(m->path, sizeof(m->path), "%s", buf[pos] ? buf + pos : "/");
	m->has_path = true;
}

static void memcg_read(struct kp_owners *o, struct kp_memcg_owner *m)
{
	const struct kp_owner_layout *ol = &o->l;
	uint8_t raw[8];

	if (!ol->mc_cgroup.present || !ol->cg_kn.present) {
		snprintf(m->why, sizeof(m->why), "struct mem_cgroup has no css.cgroup in the types");
		return;
	}
	if (!kp_owner_read(o, m->addr + ol->mc_cgroup.offset, raw, 8, "mem_cgroup", m->why,
			   sizeof(m->why)))
		return;
	uint64_t cg = kp_load(raw, 8);
	if (!kp_owner_read(o, cg + ol->cg_kn.offset, raw, 8, "cgroup", m->why, sizeof(m->why)))
		return;
	kernfs_path(o, kp_load(raw, 8), m);
}

static const struct kp_memcg_owner out_of_memory_memcg = { .why = "out of memory" };

const struct kp_memcg_owner *kp_owner_memcg(struct kp_owners *o, uint64_t memcg)
{
	bool fresh;
	struct kp_memcg_owner *m = kp_records_find(&o->memcgs, memcg ? memcg : 1, sizeof(*m), &fresh);
	if (!m)
		return &out_of_memory_memcg;
	if (fresh) {
		m->addr = memcg;
		if (!memcg)
			snprintf(m->why, sizeof(m->why), "no mem_cgroup");
		else
			memcg_read(o, m);
	}
	return m;
}

uint64_t kp_owner_objcg_memcg(struct kp_owners *o, uint64_t objcg, char *why, size_t len)
{
	uint32_t i = kp_addrmap_get(&o->objcg_memcg, objcg);
	uint8_t raw[8];
	uint64_t memcg = 0;

	if (i != UINT32_MAX)
		return o->objcg_vals[i];
	if (!o->l.objcg_memcg.present)
		snprintf(why, len, "struct obj_cgroup has no memcg in the types");
	else if (kp_owner_read(o, objcg + o->l.objcg_memcg.offset, raw, 8, "obj_cgroup", why, len))
		memcg = kp_load(raw, 8);
	if (kp_grow((void **)&o->objcg_vals, &o->objcg_cap, o->objcg_n, sizeof(*o->objcg_vals), 64) &&
	    kp_addrmap_put(&o->objcg_memcg, objcg, (uint32_t)o->objcg_n))
		o->objcg_vals[o->objcg_n++] = memcg;
	return memcg;
}
