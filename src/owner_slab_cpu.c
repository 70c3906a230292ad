/* SLUB's CPU slabs (owner.h): a CPU's active slab keeps its free objects
 * on that CPU's freelist (kmem_cache_cpu.freelist), and the slab's own
 * inuse counts them as in use (it was set to objects when the CPU took the
 * slab; frees from other CPUs since are subtracted). The CPU freelist is
 * walked to count them, its links decoded as freelist_ptr() does when
 * kmem_cache has `random` (CONFIG_SLAB_FREELIST_HARDENED). Kernels whose
 * kmem_cache has no cpu_slab (7.x: per-CPU sheaves) have no CPU slabs. */
#include <byteswap.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "owner_impl.h"
#include "types.h"


static void slab_cpu_layout(struct kp_owners *o)
{
	static const char *const slab[] = { "slab", "page", NULL };
	struct kp_types *ty = o->mm->ty;
	struct kp_field *f[] = { &o->kc_cpu_slab, &o->kc_offset, &o->kc_random };
	static const char *const names[] = { "cpu_slab", "offset", "random" };

	o->cpu_layout_done = true;
	if (!kp_types_has(ty, "struct kmem_cache_cpu"))
		return;
	for (size_t i = 0; i < KP_ARRAY_SIZE(f); i++) {
		kp_error *err = kp_types_field(ty, "struct kmem_cache", names[i], f[i]);
		if (err)
			memset(f[i], 0, sizeof(*f[i]));
		kp_error_free(err);
	}
	kp_error *err = kp_types_field(ty, "struct kmem_cache_cpu", "freelist", &o->kcc_freelist);
	kp_error_free(err);
	for (const char *const *n = slab; *n; n++) {
		err = kp_types_field(ty, "struct kmem_cache_cpu", *n, &o->kcc_slab);
		kp_error_free(err);
		if (!err && o->kcc_slab.present)
			break;
	}
}

uint32_t kp_owner_slab_cpu_span(struct kp_owners *o)
{
	if (!o->cpu_layout_done)
		slab_cpu_layout(o);
	const struct kp_field *f[] = { &o->kc_cpu_slab, &o->kc_offset, &o->kc_random };
	return kp_owner_span(f, KP_ARRAY_SIZE(f));
}

/* The objects on the freelist from HEAD, links at OFFSET in each object;
 * -1 when a link cannot be read or the list is longer than MAX. */
static int64_t freelist_count(struct kp_owners *o, uint64_t head, uint32_t offset, uint64_t random,
			      bool hardened, uint64_t max)
{
	int64_t n = 0;
	uint64_t p = head;
	while (p) {
		uint8_t raw[8];
		char why[KP_OWNER_WHY];
		if ((uint64_t)n >= max ||
		    !kp_owner_read(o, p + offset, raw, 8, "freelist object", why, sizeof(why)))
			return -1;
		n++;
		uint64_t v = kp_load(raw, 8);
		p = hardened ? v ^ random ^ bswap_64(p + offset) : v;
	}
	return n;
}

/* Fills C's CPU slabs (read once per cache). */
void kp_owner_slab_cpus(struct kp_owners *o, struct kp_slab_owner *c, const uint8_t *kc)
{
	const uint64_t *cpu_off;
	uint32_t ncpu;

	if (!o->cpu_layout_done)
		slab_cpu_layout(o);
	if (!o->kc_cpu_slab.present || !o->kcc_freelist.present || !o->kcc_slab.present ||
	    !o->kc_offset.present || !kp_mm_cpu_offsets(o->mm, &cpu_off, &ncpu))
		return;
	uint64_t pcpu = kp_field_load(kc, &o->kc_cpu_slab);
	uint32_t offset = (uint32_t)kp_field_load(kc, &o->kc_offset);
	uint64_t random = kp_field_load(kc, &o->kc_random);
	uint32_t span = o->kcc_freelist.offset + 8 > o->kcc_slab.offset + 8 ?
			o->kcc_freelist.offset + 8 : o->kcc_slab.offset + 8;
	uint64_t max = c->size ? (64u << 20) / c->size : 0;   /* objects in the largest slab */
	uint8_t raw[64];
	char why[KP_OWNER_WHY];

	if (!pcpu || span > sizeof(raw) || !(c->cpu = calloc(ncpu, sizeof(*c->cpu))))
		return;
	for (uint32_t cpu = 0; cpu < ncpu; cpu++) {
		if (!kp_owner_read(o, pcpu + cpu_off[cpu], raw, span, "kmem_cache_cpu", why,
				   sizeof(why)))
			continue;
		uint64_t slab = kp_load(raw + o->kcc_slab.offset, 8);
		uint64_t head = kp_load(raw + o->kcc_freelist.offset, 8);
		if (!slab)
			continue;
		int64_t n = freelist_count(o, head, offset, random, o->kc_random.present, max);
		c->cpu[c->ncpu++] = (struct kp_slab_cpu){ slab, cpu, n };
	}
}

const struct kp_slab_cpu *kp_owner_slab_cpu_of(const struct kp_slab_owner *c, uint64_t slab)
{
	for (uint32_t i = 0; i < c->ncpu; i++)
		if (c->cpu[i].slab == slab)
			return &c->cpu[i];
	return NULL;
}
