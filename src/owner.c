/* Owners of pages (owner.h): where their members are, the slab caches and
 * the memory cgroups, each read once and kept by address. */
#include <stdlib.h>
#include <string.h>

#include "addrmap.h"
#include "internal.h"
#include "owner.h"
#include "owner_impl.h"
#include "types.h"
#include "layout.h"

/* A member, or absent (present == false) when the type or member is not
 * in the debuginfo: an owner the era does not have is not an error. */
static void ofield(struct kp_types *ty, const char *type, const char *path, struct kp_field *f)
{
	memset(f, 0, sizeof(*f));
	if (!kp_types_has(ty, type))
		return;
	kp_error *err = kp_types_field(ty, type, path, f);
	if (err) {
		kp_error_free(err);
		memset(f, 0, sizeof(*f));
	}
}

static const char *ofield_any(struct kp_types *ty, const char *type, const char *const *names,
			      struct kp_field *f)
{
	for (; *names; names++) {
		ofield(ty, type, *names, f);
		if (f->present)
			return *names;
	}
	return NULL;
}

static int flag_bit(const struct kp_layout *l, const char *name)
{
	for (int b = 0; b < l->nr_pageflags && b < KP_MAX_FLAGS; b++)
		if (l->flag_name[b] && !strcmp(l->flag_name[b], name))
			return b;
	return -1;
}

static void layout_slab(struct kp_types *ty, struct kp_owner_layout *ol)
{
	static const char *const cache[] = { "slab_cache", "slab", NULL };
	static const char *const vector[] = { "obj_exts", "memcg_data", "obj_cgroups", NULL };
	static const char *const objsize[] = { "object_size", "objsize", "obj_size", NULL };
	static const char *const num[] = { "num", "objects", NULL };

	ol->slab_type = kp_types_has(ty, "struct slab") ? "struct slab" : "struct page";
	ofield_any(ty, ol->slab_type, cache, &ol->sl_cache);
	ofield(ty, ol->slab_type, "freelist", &ol->sl_freelist);
	ofield(ty, ol->slab_type, "inuse", &ol->sl_inuse);
	ofield(ty, ol->slab_type, "objects", &ol->sl_objects);
	ofield(ty, ol->slab_type, "frozen", &ol->sl_frozen);
	ofield(ty, ol->slab_type, "active", &ol->sl_active);
	ofield_any(ty, ol->slab_type, vector, &ol->sl_vector);
	ofield(ty, "struct kmem_cache", "name", &ol->kc_name);
	ofield_any(ty, "struct kmem_cache", objsize, &ol->kc_object_size);
	ofield(ty, "struct kmem_cache", "size", &ol->kc_size);
	ofield_any(ty, "struct kmem_cache", num, &ol->kc_num);
}

static void layout_memcg(struct kp_types *ty, struct kp_owner_layout *ol)
{
	static const char *const member[] = { "memcg_data", "mem_cgroup", NULL };
	static const char *const parent[] = { "__parent", "parent", NULL };
	static const char *const vec_flag[] = { "MEMCG_DATA_OBJEXTS", "MEMCG_DATA_OBJCGS", NULL };
	int64_t v;

	ol->memcg_member = ofield_any(ty, "struct page", member, &ol->pg_memcg);
	/* enum (page_)memcg_data_flags: MEMCG_DATA_FLAGS_MASK is
	 * __NR_MEMCG_DATA_FLAGS - 1 (a bit value, not a count). Without it
	 * (5.10 and before) the word is a plain pointer, and a slab's vector
	 * is marked by bit 0 (mm/memcontrol.c of 5.9-5.10). */
	if (kp_types_enumerator(ty, "__NR_MEMCG_DATA_FLAGS", &v) && v > 0 && (v & (v - 1)) == 0)
		ol->memcg_flags_mask = (uint64_t)v - 1;
	ol->memcg_flag_vector = 1;
	for (const char *const *n = vec_flag; *n; n++)
		if (kp_types_enumerator(ty, *n, &v)) {
			ol->memcg_flag_vector = (uint64_t)v;
			break;
		}
	ol->memcg_flag_kmem = kp_types_enumerator(ty, "MEMCG_DATA_KMEM", &v) ? (uint64_t)v : 0;
	if (kp_types_enumerator(ty, "__NR_OBJEXTS_FLAGS", &v) && v > 0 && (v & (v - 1)) == 0)
		ol->vector_flags_mask = (uint64_t)v - 1;
	ofield(ty, "struct mem_cgroup", "css.cgroup", &ol->mc_cgroup);
	ofield(ty, "struct cgroup", "kn", &ol->cg_kn);
	ofield(ty, "struct kernfs_node", "name", &ol->kn_name);
	ofield_any(ty, "struct kernfs_node", parent, &ol->kn_parent);
	ofield(ty, "struct obj_cgroup", "memcg", &ol->objcg_memcg);
	struct kp_field is_root;
	ofield(ty, "struct obj_cgroup", "is_root", &is_root);
	ol->folio_objcg = is_root.present;
	ol->vector_stride = 8;
	ol->vector_objcg = (struct kp_field){ .present = true, .offset = 0, .size = 8 };
	if (kp_types_has(ty, "struct slabobj_ext")) {
		uint32_t size;
		kp_error *err = kp_types_sizeof(ty, "struct slabobj_ext", &size);
		static const char *const objcg[] = { "objcg", "_objcg", NULL };
		ofield_any(ty, "struct slabobj_ext", objcg, &ol->vector_objcg);
		if (!err && size)
			ol->vector_stride = size;
		kp_error_free(err);
	}
}

static void layout_file(struct kp_types *ty, const struct kp_layout *l, struct kp_owner_layout *ol)
{
	static const char *const alias[] = { "d_u.d_alias", "d_alias", NULL };
	struct kp_field pprev;

	ofield(ty, "struct address_space", "host", &ol->as_host);
	ofield(ty, "struct address_space", "nrpages", &ol->as_nrpages);
	ofield(ty, "struct inode", "i_ino", &ol->in_ino);
	ofield(ty, "struct inode", "i_sb", &ol->in_sb);
	ofield(ty, "struct inode", "i_size", &ol->in_size);
	ofield(ty, "struct inode", "i_dentry", &ol->in_dentry);
	ofield(ty, "struct inode", "i_mapping", &ol->in_mapping);
	ofield(ty, "struct dentry", "d_parent", &ol->de_parent);
	ofield(ty, "struct dentry", "d_name.name", &ol->de_name);
	const char *a = ofield_any(ty, "struct dentry", alias, &ol->de_alias);
	if (a) {
		char path[32];
		snprintf(path, sizeof(path), "%s.pprev", a);
		ofield(ty, "struct dentry", path, &pprev);
		ol->alias_is_list = !pprev.present;   /* list_head: next, prev */
	}
	ofield(ty, "struct super_block", "s_id", &ol->sb_id);
	ofield(ty, "struct super_block", "s_dev", &ol->sb_dev);
	ofield(ty, "struct super_block", "s_type", &ol->sb_type);
	ofield(ty, "struct file_system_type", "name", &ol->fst_name);
	ol->pg_dirty = flag_bit(l, "dirty");
	ol->pg_writeback = flag_bit(l, "writeback");
}

kp_error *kp_owners_open(struct kp_mm *mm, struct kp_owners **out)
{
	struct kp_owners *o = calloc(1, sizeof(*o));
	if (!o)
		return kp_errorf(KP_EXIT_INPUT, "out of memory for the owners");
	o->mm = mm;
	layout_slab(mm->ty, &o->l);
	layout_memcg(mm->ty, &o->l);
	layout_file(mm->ty, mm->l, &o->l);
	*out = o;
	return NULL;
}

static void records_free(struct kp_records *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->rec[i]);
	free(r->rec);
	kp_addrmap_free(&r->by_addr);
}

void kp_owners_close(struct kp_owners *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->slabs.n; i++)
		free(((struct kp_slab_owner *)o->slabs.rec[i])->cpu);
	records_free(&o->slabs);
	records_free(&o->files);
	records_free(&o->memcgs);
	kp_addrmap_free(&o->objcg_memcg);
	free(o->objcg_vals);
	free(o);
}

const struct kp_owner_layout *kp_owners_layout(const struct kp_owners *o)
{
	return &o->l;
}

/* The record kept for ADDR, or a new one of SIZE bytes (*fresh). NULL only
 * when out of memory. */
void *kp_records_find(struct kp_records *r, uint64_t addr, size_t size, bool *fresh)
{
	uint32_t i = kp_addrmap_get(&r->by_addr, addr);
	*fresh = false;
	if (i != UINT32_MAX)
		return r->rec[i];
	if (!kp_grow((void **)&r->rec, &r->cap, r->n, sizeof(*r->rec), 32))
		return NULL;
	void *p = calloc(1, size);
	if (!p || !kp_addrmap_put(&r->by_addr, addr, (uint32_t)r->n)) {
		free(p);
		return NULL;
	}
	r->rec[r->n++] = p;
	*fresh = true;
	return p;
}

/* Prepends "/NAME" to the path being built backwards at buf[*pos]. */
bool kp_owner_path_prepend(char *buf, size_t *pos, const char *name)
{
	size_t n = strlen(name);
	if (n + 1 > *pos)
		return false;
	*pos -= n;
	memcpy(buf + *pos, name, n);
	buf[--*pos] = '/';
	return true;
}

/* Whether ADDR was seen among the N before it (a cycle). */
bool kp_owner_seen(const uint64_t *chain, size_t n, uint64_t addr)
{
	for (size_t i = 0; i < n; i++)
		if (chain[i] == addr)
			return true;
	return false;
}

uint32_t kp_owner_span(const struct kp_field *const *fields, size_t n)
{
	uint32_t end = 0;
	for (size_t i = 0; i < n; i++) {
		const struct kp_field *f = fields[i];
		uint32_t e = !f->present ? 0 : f->bit_size ? (f->bit_offset + f->bit_size + 7) / 8 :
			     f->offset + f->size;
		if (e > end)
			end = e;
	}
	return end;
}

bool kp_owner_read(struct kp_owners *o, uint64_t va, void *buf, size_t len, const char *what,
		   char *why, size_t why_len)
{
	size_t missing = 0;

	if (va < 0xffff800000000000ull || va + len < va) {
		snprintf(why, why_len, "the %s pointer 0x%llx is not a kernel address", what,
			 (unsigned long long)va);
		return false;
	}
	kp_error *err = kp_mm_read(o->mm, va, buf, len, &missing);
	if (err) {
		snprintf(why, why_len, "cannot read the %s at 0x%llx: not mapped", what,
			 (unsigned long long)va);
		kp_error_free(err);
		return false;
	}
	if (missing) {
		snprintf(why, why_len, "cannot read the %s at 0x%llx: not in the dump", what,
			 (unsigned long long)va);
		return false;
	}
	return true;
}

static void slab_read(struct kp_owners *o, struct kp_slab_owner *c)
{
	const struct kp_owner_layout *ol = &o->l;
	const struct kp_field *f[] = { &ol->kc_name, &ol->kc_object_size, &ol->kc_size };
	uint8_t buf[4096];
	uint32_t span = kp_owner_span(f, KP_ARRAY_SIZE(f)), cpu_span = kp_owner_slab_cpu_span(o);

	if (cpu_span > span)
		span = cpu_span;
	strcpy(c->name, "?");
	if (!ol->kc_name.present) {
		snprintf(c->why, sizeof(c->why), "struct kmem_cache has no name in the types");
		return;
	}
	if (span > sizeof(buf) || !kp_owner_read(o, c->addr, buf, span, "kmem_cache", c->why,
						  sizeof(c->why)))
		return;
	c->object_size = (uint32_t)kp_field_load(buf, &ol->kc_object_size);
	c->size = (uint32_t)kp_field_load(buf, &ol->kc_size);
	uint64_t name = kp_field_load(buf, &ol->kc_name);
	char s[64];
	if (!kp_owner_read(o, name, s, 1, "kmem_cache name", c->why, sizeof(c->why)))
		return;
	kp_error *err = kp_mm_read_string(o->mm, name, s, sizeof(s));
	if (err) {
		snprintf(c->why, sizeof(c->why), "cannot read the kmem_cache name at 0x%llx",
			 (unsigned long long)name);
		kp_error_free(err);
		return;
	}
	snprintf(c->name, sizeof(c->name), "%s", s);
	kp_owner_slab_cpus(o, c, buf);
}

static const struct kp_slab_owner out_of_memory_slab = { .name = "?", .why = "out of memory" };

const struct kp_slab_owner *kp_owner_slab(struct kp_owners *o, uint64_t cache)
{
	bool fresh;
	struct kp_slab_owner *c = kp_records_find(&o->slabs, cache ? cache : 1, sizeof(*c), &fresh);
	if (!c)
		return &out_of_memory_slab;
	if (fresh) {
		c->addr = cache;
		if (!o->l.sl_cache.present)
			snprintf(c->why, sizeof(c->why), "the types do not say where %s's slab_cache is",
				 o->l.slab_type), strcpy(c->name, "?");
		else if (!cache)
			snprintf(c->why, sizeof(c->why), "slab_cache is NULL"), strcpy(c->name, "?");
		else
			slab_read(o, c);
	}
	return c;
}

void kp_owner_slab_info(const struct kp_owners *o, const uint8_t *raw, struct kp_slab_info *si)
{
	const struct kp_owner_layout *ol = &o->l;
	si->cache = kp_field_load(raw, &ol->sl_cache);
	si->freelist = kp_field_load(raw, &ol->sl_freelist);
	si->objects = ol->sl_objects.present ? (int64_t)kp_field_load(raw, &ol->sl_objects) : -1;
	si->inuse = ol->sl_inuse.present ? (int64_t)kp_field_load(raw, &ol->sl_inuse) :
		    ol->sl_active.present ? (int64_t)kp_field_load(raw, &ol->sl_active) : -1;
	si->frozen = ol->sl_frozen.present ? (int)kp_field_load(raw, &ol->sl_frozen) : -1;
	uint64_t v = kp_field_load(raw, &ol->sl_vector);
	si->vector = v & ol->memcg_flag_vector ? v & ~(ol->memcg_flags_mask | ol->memcg_flag_vector |
						       ol->vector_flags_mask) : 0;
}

enum kp_memcg_kind kp_owner_memcg_data(const struct kp_owners *o, const uint8_t *raw,
					uint64_t *ptr)
{
	const struct kp_owner_layout *ol = &o->l;
	*ptr = 0;
	if (!ol->pg_memcg.present)
		return KP_MEMCG_UNKNOWN;
	uint64_t v = kp_field_load(raw, &ol->pg_memcg);
	if (!v)
		return KP_MEMCG_NONE;
	*ptr = v & ~(ol->memcg_flags_mask | ol->memcg_flag_vector);
	if (v & ol->memcg_flag_vector)
		return KP_MEMCG_VECTOR;
	if (ol->memcg_flag_kmem && (v & ol->memcg_flag_kmem))
		return KP_MEMCG_KMEM;
	return ol->folio_objcg ? KP_MEMCG_OBJCG : KP_MEMCG_PLAIN;
}

const char *kp_memcg_kind_name(enum kp_memcg_kind k)
{
	static const char *const n[] = { "none", "memcg", "objcg (kernel)", "objcg", "objcg vector",
					 "unknown" };
	return n[k];
}

void kp_owner_keys_of(const struct kp_owners *o, const struct kp_page *p, enum kp_class c,
		      const uint8_t *raw, struct kp_owner_keys *k)
{
	const struct kp_owner_layout *ol = &o->l;
	memset(k, 0, sizeof(*k));
	k->pfn = p->pfn;
	k->cls = c;
	k->flags = p->flags;
	if (c == KP_CLASS_SLAB)
		kp_owner_slab_info(o, raw, &k->slab), k->cache = k->slab.cache;
	else if (c == KP_CLASS_FILE)
		k->mapping = p->mapping;
	if (ol->pg_memcg.present && c != KP_CLASS_SLAB)
		k->memcg_word = kp_field_load(raw, &ol->pg_memcg);
}

uint64_t kp_owner_memcg_of_word(struct kp_owners *o, uint64_t word)
{
	const struct kp_owner_layout *ol = &o->l;
	uint64_t ptr = word & ~(ol->memcg_flags_mask | ol->memcg_flag_vector);
	char why[KP_OWNER_WHY];
	if (!word || (word & ol->memcg_flag_vector))
		return 0;
	if ((ol->memcg_flag_kmem && (word & ol->memcg_flag_kmem)) || ol->folio_objcg)
		return kp_owner_objcg_memcg(o, ptr, why, sizeof(why));
	return ptr;
}
