/* layout [TYPE]: a struct as the debuginfo has it (default struct page). */
#include <string.h>

#include "cmd.h"
#include "types.h"

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

static kp_error *cmd_layout(struct kp_session *s, int argc, char **argv, int *status)
{
	(void)status;
	if (argc > 2)
		return kp_errorf(KP_EXIT_USAGE, "usage: layout [TYPE]");
	kp_error *err = kp_session_open_types(s);
	if (err)
		return err;
	const char *name = argc == 2 ? argv[1] : "struct page";
	if (strncmp(name, "enum ", 5) == 0)
		return layout_enum(s, name + 5);
	return kp_types_print_layout(s->ty, name, &s->out);
}

const struct kp_cmd kp_cmd_layout = {
	"layout", "layout [TYPE | \"enum NAME\"]",
	"a structure's members, offsets, sizes and holes from the DWARF or BTF (default struct page)",
	cmd_layout,
};
