/* libFuzzer: any bytes as two struct pages, under every era's rules (the
 * first input byte picks the rules), decode without a crash, and the
 * decoded record keeps its invariants. */
#include <stdlib.h>
#include <string.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "scan.h"
#include "fuzz_layouts.h"
#include "layout.h"
#include "page_decode.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned char raw[128] = { 0 };
	struct kp_layout l;
	struct kp_page p;
	char names[1024];

	if (size < 1)
		return 0;
	layout_for(data[0], &l);
	memcpy(raw, data + 1, size - 1 < sizeof(raw) ? size - 1 : sizeof(raw));
	kp_page_decode(&l, raw, size > 65 ? raw + 64 : NULL, 42, 0xffffea0000000a80ull, &p);
	kp_page_flag_names(&l, &p, names, sizeof(names));
	if (strlen(names) >= sizeof(names) || p.pfn != 42 || p.type >= KP_TYPE__COUNT ||
	    p.order < -1 || p.order > 63 || p.node >= (1u << 10) || p.zone >= 8)
		abort();
	if (kp_page_class(&l, &p) >= KP_CLASS__COUNT || kp_page_mapcount(&p) < -127)
		abort();
	/* The scans' decoder (loads unrolled) says the same. */
	struct kp_decoder d;
	struct kp_page q;
	kp_decoder_init(&d, &l);
	kp_decoder_page(&d, raw, size > 65 ? raw + 64 : NULL, 42, 0xffffea0000000a80ull, &q);
	if (q.flags != p.flags || q.refcount != p.refcount || q.mapcount_raw != p.mapcount_raw ||
	    q.page_type_raw != p.page_type_raw || q.private_ != p.private_ || q.mapping != p.mapping ||
	    q.index != p.index || q.compound_head_addr != p.compound_head_addr || q.node != p.node ||
	    q.zone != p.zone || q.type != p.type || q.compound != p.compound ||
	    q.mapping_kind != p.mapping_kind || q.order != p.order || q.hugetlb != p.hugetlb)
		abort();
	return 0;
}
