/* Facts the types do not give but the dump can prove. In VMCOREINFO-only
 * mode the width of the zone field in page->flags is one: it follows from
 * MAX_NR_ZONES (include/linux/page-flags-layout.h), and VMCOREINFO has no
 * enum zone_type. The free lists settle it: every page on
 * node N's zone Z's lists carries Z in that field, so of the four possible
 * widths (ZONES_SHIFT is 0 to 3) the right one is the only one under which
 * all of them read back their own zone. When the lists cannot tell the
 * widths apart, the zone of a page stays unknown rather than guessed. */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "mm_infer.h"
#include "target.h"
#include "layout.h"

#define SAMPLES_PER_LIST 4
#define MAX_SAMPLES 4096

struct sample { uint64_t flags; uint32_t node, zone; };

static size_t collect(struct kp_mm *mm, struct sample *out)
{
	const struct kp_layout *l = mm->l;
	size_t n = 0;

	for (uint32_t zi = 0; zi < mm->nr_zones; zi++) {
		const struct kp_zone *z = &mm->zones[zi];
		for (uint32_t o = 0; o < l->nr_orders; o++)
			for (uint32_t mt = 0; mt < l->nr_migratetypes; mt++) {
				uint64_t head = kp_zone_free_list(l, z, o, mt);
				uint64_t pos = head, next;
				for (int k = 0; k < SAMPLES_PER_LIST && n < MAX_SAMPLES; k++) {
					kp_error *err = kp_mm_read_u64(mm, pos + l->lh_next.offset, &next);
					if (err) {
						kp_error_free(err);
						break;
					}
					if (next == head || next < l->pg_list.offset)
						break;
					uint64_t page = next - l->pg_list.offset, flags;
					if ((err = kp_mm_read_u64(mm, page + l->pg_flags.offset, &flags))) {
						kp_error_free(err);
						break;
					}
					out[n++] = (struct sample){ flags, z->node, z->index };
					pos = next;
				}
			}
	}
	return n;
}

kp_error *kp_infer_zone_field(struct kp_mm *mm, struct kp_layout *l, char *how, size_t len)
{
	static struct sample samples[MAX_SAMPLES];
	size_t n = collect(mm, samples);
	uint32_t max_zone = 0;
	int ok_width = -1, ok_count = 0;

	for (uint32_t i = 0; i < mm->nr_zones; i++)
		if (mm->zones[i].index > max_zone)
			max_zone = mm->zones[i].index;
	for (uint32_t w = 0; w <= 3; w++) {
		if ((1u << w) <= max_zone)
			continue;      /* too narrow for a populated zone */
		uint32_t shift = l->nodes_shift_pos - w;
		bool ok = true;
		for (size_t i = 0; ok && i < n; i++) {
			uint64_t f = samples[i].flags;
			uint32_t zone = w ? (uint32_t)((f >> shift) & ((1u << w) - 1)) : 0;
			uint32_t node = l->nodes_width ?
				(uint32_t)((f >> l->nodes_shift_pos) & ((1u << l->nodes_width) - 1)) :
				samples[i].node;
			ok = zone == samples[i].zone && node == samples[i].node;
		}
		if (ok) {
			if (ok_width < 0)
				ok_width = (int)w;
			ok_count++;
		}
	}
	if (ok_count == 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: no width of the zone field in page->flags "
				 "fits the %zu pages on the free lists (corrupt lists, or flags laid "
				 "out otherwise)", kp_target_path(mm->t), n);
	if (ok_count > 1 && max_zone > 0)
		return kp_errorf(KP_EXIT_INPUT, "%s: VMCOREINFO has no MAX_NR_ZONES and the %zu "
				 "pages on the free lists do not tell where page->flags keeps the zone; "
				 "give a vmlinux or BTF", kp_target_path(mm->t), n);
	/* With every populated zone numbered 0, width 0 reads 0 for all. */
	l->zones_width = ok_count > 1 ? 0 : (uint32_t)ok_width;
	l->zones_shift = l->nodes_shift_pos - l->zones_width;
	snprintf(how, len, "zone bits %u at %u: the only width under which all %zu free-list "
		 "pages read their own zone and node", l->zones_width, l->zones_shift, n);
	return NULL;
}
