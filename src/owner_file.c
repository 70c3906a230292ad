/* Files (owner.h): the inode behind an address_space, its superblock and
 * its path within that filesystem from the dentry names. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "owner_impl.h"
#include "types.h"

#define DENTRY_NAME_MAX 256

static bool file_why(struct kp_file_owner *f, const char *fmt, unsigned long long v)
{
	snprintf(f->why, sizeof(f->why), fmt, v);
	return false;
}

/* The path of DENTRY: its names up to the root (its own parent). */
static bool dentry_path(struct kp_owners *o, uint64_t dentry, struct kp_file_owner *f)
{
	const struct kp_owner_layout *ol = &o->l;
	const struct kp_field *fl[] = { &ol->de_parent, &ol->de_name };
	uint32_t span = kp_owner_span(fl, KP_ARRAY_SIZE(fl));
	uint64_t chain[KP_OWNER_CHAIN_MAX];
	char buf[sizeof(f->path)], name[DENTRY_NAME_MAX];
	size_t pos = sizeof(buf) - 1, depth = 0;
	uint8_t raw[512];

	buf[pos] = '\0';
	if (span > sizeof(raw))
		return file_why(f, "struct dentry of %llu bytes is too large", span);
	for (;;) {
		if (depth == KP_OWNER_CHAIN_MAX)
			return file_why(f, "dentry parents deeper than %llu", KP_OWNER_CHAIN_MAX);
		if (kp_owner_seen(chain, depth, dentry))
			return file_why(f, "the dentry parents form a cycle at 0x%llx", dentry);
		chain[depth++] = dentry;
		if (!kp_owner_read(o, dentry, raw, span, "dentry", f->why, sizeof(f->why)))
			return false;
		uint64_t parent = kp_field_load(raw, &ol->de_parent);
		if (parent == dentry)
			break;   /* the filesystem's root */
		uint64_t np = kp_field_load(raw, &ol->de_name);
		kp_error *err = NULL;
		if (!kp_owner_read(o, np, name, 1, "dentry name", f->why, sizeof(f->why)) ||
		    (err = kp_mm_read_string(o->mm, np, name, sizeof(name)))) {
			kp_error_free(err);
			return err ? file_why(f, "cannot read the dentry name at 0x%llx", np) : false;
		}
		if (!kp_owner_path_prepend(buf, &pos, name))
			return file_why(f, "the path is longer than %llu bytes", sizeof(f->path) - 1);
		dentry = parent;
	}
	snprintf(f->path, sizeof(f->path), "%s", buf[pos] ? buf + pos : "/");
	f->has_path = true;
	return true;
}

/* The first dentry of the inode's alias list (i_dentry), 0 when none. */
static uint64_t inode_dentry(struct kp_owners *o, const uint8_t *raw, uint64_t inode)
{
	const struct kp_owner_layout *ol = &o->l;
	uint64_t first = kp_load(raw + ol->in_dentry.offset, 8);
	if (!first || (ol->alias_is_list && first == inode + ol->in_dentry.offset))
		return 0;
	return first - ol->de_alias.offset;
}

static void superblock_read(struct kp_owners *o, uint64_t sb, struct kp_file_owner *f)
{
	const struct kp_owner_layout *ol = &o->l;
	const struct kp_field *fl[] = { &ol->sb_id, &ol->sb_dev, &ol->sb_type };
	uint32_t span = kp_owner_span(fl, KP_ARRAY_SIZE(fl));
	uint8_t raw[2048];
	char why[KP_OWNER_WHY];

	if (!span || span > sizeof(raw) || !kp_owner_read(o, sb, raw, span, "super_block", why,
							   sizeof(why)))
		return;
	if (ol->sb_id.present) {
		size_t n = ol->sb_id.size < sizeof(f->sb) ? ol->sb_id.size : sizeof(f->sb) - 1;
		memcpy(f->sb, raw + ol->sb_id.offset, n);
		f->sb[n] = '\0';
	}
	f->dev = (uint32_t)kp_field_load(raw, &ol->sb_dev);
	uint64_t type = kp_field_load(raw, &ol->sb_type);
	uint8_t tr[8];
	if (ol->fst_name.present &&
	    kp_owner_read(o, type + ol->fst_name.offset, tr, 8, "file_system_type", why, sizeof(why))) {
		kp_error *err = kp_mm_read_string(o->mm, kp_load(tr, 8), f->fs, sizeof(f->fs));
		if (err)
			f->fs[0] = '\0';
		kp_error_free(err);
	}
}

void kp_owner_file_read(struct kp_owners *o, struct kp_file_owner *f)
{
	const struct kp_owner_layout *ol = &o->l;
	const struct kp_field *fl[] = { &ol->in_ino, &ol->in_sb, &ol->in_size, &ol->in_dentry };
	uint32_t span = kp_owner_span(fl, KP_ARRAY_SIZE(fl));
	uint8_t raw[4096], as[8];

	f->size = -1;
	if (!ol->as_host.present || !ol->in_ino.present || span > sizeof(raw)) {
		snprintf(f->why, sizeof(f->why), "struct address_space or inode is not in the types");
		return;
	}
	if (!kp_owner_read(o, f->mapping + ol->as_host.offset, as, 8, "address_space", f->why,
			   sizeof(f->why)))
		return;
	f->inode = kp_load(as, 8);
	if (!kp_owner_read(o, f->inode, raw, span, "inode", f->why, sizeof(f->why)))
		return;
	f->ino = kp_field_load(raw, &ol->in_ino);
	if (ol->in_size.present)
		f->size = (int64_t)kp_field_load(raw, &ol->in_size);
	superblock_read(o, kp_field_load(raw, &ol->in_sb), f);
	if (!ol->in_dentry.present || !ol->de_alias.present || !ol->de_parent.present ||
	    !ol->de_name.present) {
		snprintf(f->why, sizeof(f->why), "struct dentry or inode.i_dentry is not in the types");
		return;
	}
	uint64_t d = inode_dentry(o, raw, f->inode);
	if (!d) {
		snprintf(f->why, sizeof(f->why), "no dentry (the file was deleted, or its dentry "
			 "reclaimed)");
		return;
	}
	dentry_path(o, d, f);
}

static const struct kp_file_owner out_of_memory_file = { .why = "out of memory", .size = -1 };

const struct kp_file_owner *kp_owner_file(struct kp_owners *o, uint64_t mapping)
{
	bool fresh;
	struct kp_file_owner *f = kp_records_find(&o->files, mapping ? mapping : 1, sizeof(*f), &fresh);
	if (!f)
		return &out_of_memory_file;
	if (fresh) {
		f->mapping = mapping;
		kp_owner_file_read(o, f);
	}
	return f;
}
