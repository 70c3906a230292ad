/* layout [TYPE]: a struct as the debuginfo has it (default struct page);
 * layout --facts: each member fact kpage reads (layout_facts.c) as these
 * types answer it. */
#include <string.h>

#include "cmd.h"
#include "types.h"
#include "layout_facts.h"

/* layout "enum NAME": the enumerators and their values. */
static kp_error *layout_enum(struct kp_session *s, const char *name)
{
	const struct kp_enumerator *e;
	size_t n;
	kp_error *err = kp_types_enum(s->ty, name, &e, &n);
	if (err)
		return err;
	if (!n)
		return kp_errorf(KP_EXIT_USAGE, "%s: no enum %s in the debuginfo",
				 kp_types_path(s->ty), name);
	if (!s->out.json)
		kp_out_printf(&s->out, "enum %s {\n", name);
	for (size_t i = 0; i < n; i++) {
		if (s->out.json) {
			kp_json_object_begin(&s->out);
			kp_json_kstr(&s->out, "enum", name);
			kp_json_kstr(&s->out, "name", e[i].name);
			kp_json_kint(&s->out, "value", e[i].value);
			kp_json_object_end(&s->out);
		} else {
			kp_out_printf(&s->out, "\t%s = %lld,\n", e[i].name, (long long)e[i].value);
		}
	}
	if (!s->out.json)
		kp_out_printf(&s->out, "};\n");
	return NULL;
}

static void fact_json(struct kp_session *s, const struct kp_member_fact *fact,
		      const struct kp_field *f, const struct kp_fact_path *found)
{
	kp_json_object_begin(&s->out);
	kp_json_kstr(&s->out, "struct", fact->type);
	kp_json_key(&s->out, "candidates");
	kp_json_array_begin(&s->out);
	for (size_t i = 0; i < KP_FACT_MAX_PATHS && fact->paths[i].path; i++)
		kp_json_str(&s->out, fact->paths[i].path);
	kp_json_array_end(&s->out);
	kp_json_key(&s->out, "member");
	if (f->present) {
		kp_json_str(&s->out, found->path);
		kp_json_kuint(&s->out, "offset", f->offset);
		kp_json_kuint(&s->out, "size", f->size);
		kp_json_kuint(&s->out, "bit_offset", f->bit_offset);
		kp_json_kuint(&s->out, "bit_size", f->bit_size);
		kp_json_kuint(&s->out, "count", f->count);
	} else {
		kp_json_null(&s->out);
	}
	kp_json_kbool(&s->out, "required", fact->required);
	kp_json_key(&s->out, "guard");
	if (fact->guard[0])
		kp_json_str(&s->out, fact->guard[fact->guard[1] ? 1 : 0]);
	else
		kp_json_null(&s->out);
	kp_json_kstr(&s->out, "source", kp_types_source(s->ty));
	kp_json_kstr(&s->out, "use", fact->use);
	kp_json_object_end(&s->out);
}

static void fact_text(struct kp_session *s, const struct kp_member_fact *fact,
		      const struct kp_field *f, const struct kp_fact_path *found, bool guarded)
{
	char member[96], offset[16] = "-", size[16] = "-", bits[24] = "-", count[16] = "-";

	if (f->present) {
		snprintf(member, sizeof(member), "%s", found->path);
		snprintf(offset, sizeof(offset), "%u", f->offset);
		snprintf(size, sizeof(size), "%u", f->size);
		if (f->bit_size)
			snprintf(bits, sizeof(bits), "%u:%u", f->bit_offset, f->bit_size);
		if (f->count)
			snprintf(count, sizeof(count), "%u", f->count);
	} else if (!guarded) {
		snprintf(member, sizeof(member), "absent: no %s",
			 fact->guard[fact->guard[1] && kp_types_has(s->ty, fact->guard[0]) ? 1 : 0]);
	} else {     /* "absent: _refcount|_count" */
		snprintf(member, sizeof(member), "absent:");
		for (size_t i = 0; i < KP_FACT_MAX_PATHS && fact->paths[i].path; i++)
			snprintf(member + strlen(member), sizeof(member) - strlen(member), "%s%s",
				 i ? "|" : " ", fact->paths[i].path);
	}
	kp_out_printf(&s->out, "%-24s %-38s %6s %6s %7s %5s  %-8s  %-10s  %s\n", fact->type,
		      member, offset, size, bits, count, fact->required ? "required" : "optional",
		      kp_types_source(s->ty), fact->use);
}

/* layout --facts: every member fact, found or absent, as these types have it. */
static kp_error *layout_facts(struct kp_session *s)
{
	if (!s->out.json)
		kp_out_printf(&s->out, "%-24s %-38s %6s %6s %7s %5s  %-8s  %-10s  %s\n", "STRUCT",
			      "MEMBER", "OFFSET", "SIZE", "BITS", "COUNT", "NEED", "SOURCE", "USE");
	for (size_t i = 0; i < kp_member_facts_n; i++) {
		const struct kp_member_fact *fact = &kp_member_facts[i];
		const struct kp_fact_path *found;
		struct kp_field f;
		bool guarded;
		kp_error *err = kp_fact_lookup(s->ty, fact, &f, &found, &guarded);
		if (err)
			return err;
		if (s->out.json)
			fact_json(s, fact, &f, found);
		else
			fact_text(s, fact, &f, found, guarded);
	}
	return NULL;
}

static kp_error *cmd_layout(struct kp_session *s, int argc, char **argv, int *status)
{
	(void)status;
	if (argc > 2)
		return kp_errorf(KP_EXIT_USAGE, "usage: %s", kp_cmd_layout.usage);
	kp_error *err = kp_session_open_types(s);
	if (err)
		return err;
	const char *name = argc == 2 ? argv[1] : "struct page";
	if (!strcmp(name, "--facts"))
		return layout_facts(s);
	if (strncmp(name, "enum ", 5) == 0)
		return layout_enum(s, name + 5);
	return kp_types_print_layout(s->ty, name, &s->out);
}

const struct kp_cmd kp_cmd_layout = {
	"layout", "layout [--facts | TYPE | \"enum NAME\"]",
	"a structure's members, offsets, sizes and holes from the DWARF or BTF (default struct "
	"page); --facts: each member kpage reads, as these types have it",
	cmd_layout,
};
