/* A page's descriptor (descriptor.h) in text and JSON, for page. */
#include <string.h>

#include "cmd.h"
#include "descriptor.h"
#include "types.h"

static void value_text(char *buf, size_t len, const struct kp_desc_field *f)
{
	switch (f->t) {
	case KP_DV_UINT: snprintf(buf, len, "%llu", (unsigned long long)f->u); break;
	case KP_DV_INT: snprintf(buf, len, "%lld", (long long)f->i); break;
	case KP_DV_HEX: snprintf(buf, len, "0x%llx", (unsigned long long)f->u); break;
	case KP_DV_BOOL: snprintf(buf, len, "%s", f->u ? "yes" : "no"); break;
	case KP_DV_STR: kp_text_safe(buf, len, f->s); break;
	case KP_DV_NULL: snprintf(buf, len, "? (%s)", f->s); break;
	}
}

void kp_desc_text(struct kp_out *o, const struct kp_desc *d, uint64_t pfn)
{
	char v[640];
	const char *group = NULL;

	kp_out_printf(o, "descriptor  %s", d->kind);
	if (d->source[0])
		kp_out_printf(o, " (%s)", d->source);
	if (d->of_pfn != pfn)
		kp_out_printf(o, ", of the head pfn %llu", (unsigned long long)d->of_pfn);
	kp_out_printf(o, "\n");
	for (int i = 0; i < d->n; i++) {
		const struct kp_desc_field *f = &d->f[i];
		if (f->group && (!group || strcmp(group, f->group)))
			kp_out_printf(o, "%s\n", f->group);
		group = f->group;
		value_text(v, sizeof(v), f);
		kp_out_printf(o, "  %-20s %s\n", f->name, v);
	}
}

static void value_json(struct kp_out *o, const struct kp_desc_field *f)
{
	kp_json_key(o, f->name);
	switch (f->t) {
	case KP_DV_UINT: kp_json_uint(o, f->u); break;
	case KP_DV_INT: kp_json_int(o, f->i); break;
	case KP_DV_HEX: {
		char h[24];
		snprintf(h, sizeof(h), "0x%llx", (unsigned long long)f->u);
		kp_json_str(o, h);
		break;
	}
	case KP_DV_BOOL: kp_json_bool(o, f->u); break;
	case KP_DV_STR: kp_json_str(o, f->s); break;
	case KP_DV_NULL: kp_json_null(o); break;
	}
}

/* "descriptor": {"kind", "source", "of_pfn", fields...} and "owner":
 * {GROUP: {fields...}}; an unknown field is null, its reason beside it in
 * NAME_unknown. */
void kp_desc_json(struct kp_out *o, const struct kp_desc *d)
{
	kp_json_key(o, "descriptor");
	kp_json_object_begin(o);
	kp_json_kstr(o, "kind", d->kind);
	kp_json_kstr(o, "source", d->source);
	kp_json_kuint(o, "of_pfn", d->of_pfn);
	for (int pass = 0; pass < 2; pass++) {
		const char *group = NULL;
		bool open = false;
		for (int i = 0; i < d->n; i++) {
			const struct kp_desc_field *f = &d->f[i];
			if (!pass != !f->group)
				continue;
			if (f->group && (!group || strcmp(group, f->group))) {
				if (open)
					kp_json_object_end(o);
				kp_json_key(o, f->group);
				kp_json_object_begin(o);
				open = true;
			}
			group = f->group;
			value_json(o, f);
			if (f->t == KP_DV_NULL) {
				char k[64];
				snprintf(k, sizeof(k), "%s_unknown", f->name);
				kp_json_kstr(o, k, f->s);
			}
		}
		if (open)
			kp_json_object_end(o);
		if (!pass) {
			kp_json_object_end(o);
			kp_json_key(o, "owner");
			kp_json_object_begin(o);
		}
	}
	kp_json_object_end(o);
}
