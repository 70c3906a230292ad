/* page PFN | 0xADDR: one page fully decoded. A decimal number is a pfn; a hex
 * number is a struct page address when it is a kernel address, else a
 * physical address; `--pfn N` takes a pfn in any base. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "query.h"
#include "descriptor.h"
#include "internal.h"
#include "types.h"
#include "layout.h"
#include "page_decode.h"

static const char *compound_name(enum kp_compound c)
{
	return c == KP_COMPOUND_HEAD ? "head" : c == KP_COMPOUND_TAIL ? "tail" : "none";
}

static const char *mapping_name(enum kp_mapping_kind m)
{
	static const char *const n[] = { "none", "anon", "ksm", "movable", "file" };
	return n[m];
}

const char *kp_zone_name(const struct kp_mm *mm, uint32_t node, uint32_t index)
{
	for (uint32_t i = 0; i < mm->nr_zones; i++)
		if (mm->zones[i].node == node && mm->zones[i].index == index)
			return mm->zones[i].name;
	return "?";
}

/* The zone's name as the kernel has it, NULL when the types give none. */
static const char *zone_name_known(const struct kp_mm *mm, uint32_t node, uint32_t index)
{
	for (uint32_t i = 0; i < mm->nr_zones; i++)
		if (mm->zones[i].node == node && mm->zones[i].index == index)
			return mm->zones[i].name_known ? mm->zones[i].name : NULL;
	return NULL;
}

void kp_page_json(struct kp_session *s, const struct kp_page *p, enum kp_class c,
		  const struct kp_desc *d)
{
	struct kp_out *o = &s->out;
	const struct kp_layout *l = &s->layout;
	char names[1024];

	kp_json_object_begin(o);
	kp_json_kuint(o, "pfn", p->pfn);
	kp_json_kbool(o, "in_dump", p->in_dump);
	kp_json_kstr(o, "class", kp_class_name(c));
	kp_json_khex(o, "flags", p->flags);
	kp_page_flag_names(l, p, names, sizeof(names));
	kp_json_key(o, "flag_names");
	kp_json_array_begin(o);
	for (char *tok = strtok(names, ","); tok; tok = strtok(NULL, ","))
		kp_json_str(o, tok);
	kp_json_array_end(o);
	kp_json_kuint(o, "node", p->node);
	if (p->in_dump) {
		kp_json_kstr(o, "zone", zone_name_known(&s->mm, p->node, p->zone));
		kp_json_kuint(o, "zone_index", p->zone);
	} else {                /* its flags, which name them, are not in the dump */
		kp_json_key(o, "zone");
		kp_json_null(o);
		kp_json_key(o, "zone_index");
		kp_json_null(o);
	}
	kp_json_kint(o, "refcount", p->refcount);
	kp_json_kint(o, "mapcount", kp_page_mapcount(p));
	kp_json_kstr(o, "page_type", kp_page_type_name(p->type));
	kp_json_khex(o, "page_type_raw", p->page_type_raw);
	kp_json_kint(o, "order", p->order);
	kp_json_kstr(o, "compound", compound_name(p->compound));
	if (p->compound == KP_COMPOUND_TAIL)
		kp_json_kuint(o, "head_pfn", p->head_pfn);
	kp_json_kstr(o, "mapping_kind", mapping_name(p->mapping_kind));
	kp_json_khex(o, "mapping", p->mapping);
	if (s->layout.pg_index.present) {
		kp_json_khex(o, "index", p->index);
	} else {
		kp_json_key(o, "index");
		kp_json_null(o);            /* not in the types (VMCOREINFO) */
	}
	kp_json_khex(o, "private", p->private_);
	kp_json_kbool(o, "hugetlb", p->hugetlb);
	if (d)
		kp_desc_json(o, d);
	kp_json_object_end(o);
}

static void page_text(struct kp_session *s, const struct kp_page *p, enum kp_class c,
		      uint64_t page_va, const uint8_t *raw, const struct kp_desc *d)
{
	struct kp_out *o = &s->out;
	const struct kp_layout *l = &s->layout;
	const struct kp_zone *z = kp_mm_zone_of_pfn(&s->mm, p->pfn);
	char names[1024];

	kp_page_flag_names(l, p, names, sizeof(names));
	kp_out_printf(o, "pfn         %llu (0x%llx)  phys 0x%llx  struct page 0x%llx\n",
		      (unsigned long long)p->pfn, (unsigned long long)p->pfn,
		      (unsigned long long)p->pfn << 12, (unsigned long long)page_va);
	if (!p->in_dump) {
		kp_out_printf(o, "not in dump (the struct page was filtered out)\n");
		return;
	}
	kp_out_printf(o, "node        %u   zone %s (%u)\n", p->node,
		      z && z->index == p->zone ? z->name : kp_zone_name(&s->mm, p->node, p->zone), p->zone);
	kp_out_printf(o, "class       %s\n", kp_class_name(c));
	kp_out_printf(o, "flags       0x%llx %s\n", (unsigned long long)p->flags, names);
	kp_out_printf(o, "%-11s %lld\n", l->refcount_name, (long long)p->refcount);
	kp_out_printf(o, "mapcount    %lld (_mapcount %d%s)\n", (long long)kp_page_mapcount(p),
		      p->mapcount_raw, p->type != KP_TYPE_NONE ? ", holds the page type" : "");
	kp_out_printf(o, "page_type   %s (0x%08x)\n", kp_page_type_name(p->type), p->page_type_raw);
	if (p->type == KP_TYPE_BUDDY)
		kp_out_printf(o, "buddy       order %d (%llu pages free from here)\n", p->order,
			      p->order >= 0 ? 1ull << p->order : 0);
	if (p->compound == KP_COMPOUND_HEAD)
		kp_out_printf(o, "compound    head, order %d%s\n", p->order,
			      p->hugetlb ? ", hugetlb" : "");
	else if (p->compound == KP_COMPOUND_TAIL)
		kp_out_printf(o, "compound    tail of pfn %llu (head 0x%llx)\n",
			      (unsigned long long)p->head_pfn,
			      (unsigned long long)p->compound_head_addr);
	if (p->compound == KP_COMPOUND_TAIL && l->order_rule->folio_flags && p->head_pfn &&
	    p->head_pfn + 1 == p->pfn)
		kp_out_printf(o, "folio       order %llu (the low byte of this first tail's flags, "
			      "folio._flags_1)\n", (unsigned long long)(p->flags & 0xff));
	/* a slab's or a tail's word at mapping's offset is another variant's */
	kp_out_printf(o, "mapping     0x%llx (%s)\n", (unsigned long long)p->mapping,
		      c == KP_CLASS_SLAB || p->compound == KP_COMPOUND_TAIL ?
		      "another variant's word: see the descriptor" : mapping_name(p->mapping_kind));
	if (l->pg_index.present)
		kp_out_printf(o, "index       0x%llx\n", (unsigned long long)p->index);
	else
		kp_out_printf(o, "index       ?\n");
	kp_out_printf(o, "private     0x%llx\n", (unsigned long long)p->private_);
	if (p->type == KP_TYPE_BUDDY)
		kp_out_printf(o, "%-11s next 0x%llx prev 0x%llx\n", l->list_member,
			      (unsigned long long)kp_load(raw + l->pg_list.offset, 8),
			      (unsigned long long)kp_load(raw + l->pg_list.offset + 8, 8));
	kp_desc_text(o, d, p->pfn);
	kp_out_printf(o, "raw        ");
	for (uint32_t i = 0; i < l->page_size; i += 8)
		kp_out_printf(o, "%s%016llx", i && i % 32 == 0 ? "\n            " : " ",
			      (unsigned long long)kp_load(raw + i, 8));
	kp_out_printf(o, "\n");
}

static kp_error *page_resolve(struct kp_session *s, const char *arg, bool force_pfn,
			      uint64_t *pfn)
{
	uint64_t v;
	if (!kp_parse_u64(arg, &v))
		return kp_errorf(KP_EXIT_USAGE, "page: '%s' is not a number", arg);
	bool hex = strncmp(arg, "0x", 2) == 0 || strncmp(arg, "0X", 2) == 0;
	if (force_pfn || !hex) {
		*pfn = v;
	} else if (v >= 0xffff800000000000ull) {
		if (!kp_mm_page_to_pfn(&s->mm, v, 0, pfn))
			return kp_errorf(KP_EXIT_USAGE, "page: 0x%llx is not the address of a "
					 "struct page in mem_map", (unsigned long long)v);
	} else {
		*pfn = v >> 12;
	}
	if (*pfn >= s->mm.max_pfn)
		return kp_errorf(KP_EXIT_USAGE, "page: pfn %llu is out of range (memory ends at "
				 "pfn %llu)", (unsigned long long)*pfn,
				 (unsigned long long)s->mm.max_pfn);
	return NULL;
}

static kp_error *cmd_page(struct kp_session *s, int argc, char **argv, int *status)
{
	bool force_pfn = false;
	uint8_t raw[KP_PAGE_STRUCT_MAX];
	kp_error *err;

	(void)status;
	if (argc == 3 && strcmp(argv[1], "--pfn") == 0) {
		force_pfn = true;
		argv++;
		argc--;
	}
	if (argc != 2)
		return kp_errorf(KP_EXIT_USAGE, "usage: %s", kp_cmd_page.usage);
	if ((err = kp_session_open_core(s)))
		return err;
	if (s->layout.page_size > sizeof(raw))
		return kp_errorf(KP_EXIT_INPUT, "struct page of %u bytes is too large",
				 s->layout.page_size);
	uint64_t pfn, va, run;
	struct kp_page p;
	enum kp_class c;
	if ((err = page_resolve(s, argv[1], force_pfn, &pfn)) ||
	    (err = kp_scan_one(&s->mm, pfn, &p, &c, raw)))
		return err;
	kp_mm_pfn_to_page(&s->mm, pfn, &va, &run);
	struct kp_owners *owners;
	struct kp_desc *d = malloc(sizeof(*d));
	if (!d)
		return kp_errorf(KP_EXIT_INPUT, "page: out of memory");
	if ((err = kp_session_owners(s, &owners))) {
		free(d);
		return err;
	}
	kp_page_describe(&s->mm, owners, &p, c, raw, d);
	if (s->out.json)
		kp_page_json(s, &p, c, d);
	else
		page_text(s, &p, c, va, raw, d);
	free(d);
	return NULL;
}

const struct kp_cmd kp_cmd_page = {
	"page", "page PFN | 0xADDR | --pfn N",
	"one page fully decoded (ADDR: a struct page or a physical address)",
	cmd_page,
};
