/* A session: the opened vmlinux (types, symbols) and core (target, memory
 * model), opened lazily (`layout` needs no core), with the checks that the
 * two belong together. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "debuginfo.h"
#include "internal.h"
#include "mm_infer.h"
#include "kallsyms.h"
#include "layout_facts.h"
#include "session.h"
#include "target.h"
#include "types.h"
#include "symbols.h"
#include "layout.h"

/* A path the command line gave that cannot be opened: its option names it. */
static kp_error *session_check_path(const char *opt, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return kp_errorf(KP_EXIT_INPUT, "%s %s: %s", opt, path, strerror(errno));
	close(fd);
	return NULL;
}

/* The core: --core's, else the running kernel's /proc/kcore, whose absence
 * or permissions say what to do instead. */
static kp_error *session_open_target(struct kp_session *s)
{
	kp_error *err;

	if (s->t)
		return NULL;
	if (s->core_given && (err = session_check_path("--core", s->core_path)))
		return err;
	if (!s->core_given) {
		int fd = open(s->core_path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return kp_errorf(KP_EXIT_INPUT, "%s: %s (%s)", s->core_path, strerror(errno),
					 errno == EACCES || errno == EPERM ? "reading the running "
					 "kernel needs root; or give a dump with --core FILE" :
					 "the default without --core: give the dump with --core FILE");
		close(fd);
	}
	return kp_target_open(s->core_path, &s->t);
}

/* Whether the dump's VMCOREINFO describes struct page: --vmcoreinfo-only
 * can do without any debuginfo then. */
static bool session_vmci_usable(const struct kp_session *s)
{
	char v[32];
	return s->t && kp_vmcoreinfo_get(kp_target_vmcoreinfo(s->t), "SIZE(page)", v, sizeof(v));
}

kp_error *kp_session_open_types(struct kp_session *s)
{
	kp_error *err;
	if (s->ty)
		return NULL;
	if (s->vmci_only) {
		if ((err = session_open_target(s)))
			return err;
		return kp_layout_vmcoreinfo_types(kp_target_vmcoreinfo(s->t), s->core_path, &s->ty);
	}
	if (s->btf_path && !s->vmlinux_path) {
		if (s->btf_given && (err = session_check_path("--btf", s->btf_path)))
			return err;
		if ((err = kp_types_open_btf(s->btf_path, &s->ty)))
			return err;
		/* A vmlinux given as --btf lends its symtab too (a raw BTF file
		 * has none: symbols then come from VMCOREINFO and kallsyms). */
		kp_error_free(kp_symbols_open(s->btf_path, &s->syms));
		return NULL;
	}
	if (s->vmlinux_given && (err = session_check_path("--vmlinux", s->vmlinux_path)))
		return err;
	if (!s->vmlinux_path) {
		if ((err = session_open_target(s)))
			return err;
		if ((err = kp_debuginfo_find(s->core_path, kp_target_vmcoreinfo(s->t),
					     &s->vmlinux_path))) {
			/* Live, with no debuginfo installed: the running kernel's
			 * own BTF is enough for everything but the layout printer. */
			if (strcmp(s->core_path, "/proc/kcore") == 0 &&
			    access("/sys/kernel/btf/vmlinux", R_OK) == 0) {
				kp_error_free(err);
				s->btf_path = "/sys/kernel/btf/vmlinux";
				return kp_types_open_btf(s->btf_path, &s->ty);
			}
			return err;
		}
	}
	/* Symbols first: libelf says "not an ELF file" where libdw would only
	 * say that it found no DWARF. */
	if ((err = kp_symbols_open(s->vmlinux_path, &s->syms)))
		return err;
	if ((err = kp_types_open(s->vmlinux_path, &s->ty))) {
		if (session_vmci_usable(s))     /* the file has no types to give */
			kp_error_append(err, "; or --vmcoreinfo-only, to take the layouts from the "
					"dump's VMCOREINFO");
		return err;
	}
	kp_symbols_set_memo(s->syms, s->ty);
	kp_types_set_symbols(s->ty, s->syms);
	return NULL;
}

/* The file the symbols come from: the vmlinux, or a vmlinux given as --btf. */
static const char *session_symbols_path(const struct kp_session *s)
{
	return s->vmlinux_path ? s->vmlinux_path : s->btf_path;
}

/* Before reading anything through the vmlinux's symbols: the release in
 * VMCOREINFO must be the one in the vmlinux's linux_banner. */
static kp_error *session_check_release(struct kp_session *s)
{
	char want[512], rel[128], dump_id[128], file_id[128] = "";
	size_t idlen = 0;
	const char *id = s->syms ? kp_symbols_build_id(s->syms, &idlen) : NULL;

	/* VMCOREINFO BUILD-ID (5.9+) names the very build. */
	for (size_t i = 0; i < idlen && i * 2 + 2 < sizeof(file_id); i++)
		snprintf(file_id + i * 2, 3, "%02x", (unsigned char)id[i]);
	if (!s->force && idlen &&
	    kp_vmcoreinfo_get(kp_target_vmcoreinfo(s->t), "BUILD-ID", dump_id, sizeof(dump_id)) &&
	    strncmp(dump_id, file_id, strlen(file_id)) != 0)
		return kp_errorf(KP_EXIT_INPUT, "%s does not match %s: the dump's VMCOREINFO "
				 "BUILD-ID is %s, the vmlinux's build-id is %s (use --force to go on "
				 "anyway)", session_symbols_path(s), s->core_path, dump_id, file_id);
	if (s->force || !s->syms ||
	    !kp_symbols_read_string(s->syms, "linux_banner", want, sizeof(want)) ||
	    !kp_vmcoreinfo_get(kp_target_vmcoreinfo(s->t), "OSRELEASE", rel, sizeof(rel)))
		return NULL;
	want[strcspn(want, "\n")] = '\0';
	if (strncmp(want, "Linux version ", 14) == 0 &&
	    (strncmp(want + 14, rel, strlen(rel)) != 0 || want[14 + strlen(rel)] != ' '))
		return kp_errorf(KP_EXIT_INPUT, "%s does not match %s: the dump's VMCOREINFO "
				 "OSRELEASE is %s, the vmlinux is \"%s\" (use --force to go on anyway)",
				 session_symbols_path(s), s->core_path, rel, want);
	return NULL;
}

/* After: the banner in the dump's memory must be the vmlinux's, byte for
 * byte (same release but another build differs in its build number/date). */
static kp_error *session_check_banner(struct kp_session *s)
{
	char want[512], have[512];
	uint64_t addr;

	if (s->force || !s->syms ||
	    !kp_symbols_read_string(s->syms, "linux_banner", want, sizeof(want)) ||
	    !kp_mm_symbol(&s->mm, "linux_banner", &addr))
		return NULL;
	kp_error *err = kp_mm_read_string(&s->mm, addr, have, sizeof(have));
	if (err || strcmp(want, have) != 0) {
		kp_error_free(err);
		want[strcspn(want, "\n")] = have[strcspn(have, "\n")] = '\0';
		return kp_errorf(KP_EXIT_INPUT, "%s does not match %s: the dump's linux_banner is "
				 "\"%s\", the vmlinux's is \"%s\" (use --force to go on anyway)",
				 session_symbols_path(s), s->core_path, have, want);
	}
	return NULL;
}

/* --verbose: where each fact the decoder relies on came from. */
static void session_describe(struct kp_session *s)
{
	const struct kp_layout *l = &s->layout;
	fprintf(stderr, "kpage: core %s (%s), vmlinux %s, types from %s%s%s\n", s->core_path,
		kp_target_format(s->t), s->vmlinux_path ? s->vmlinux_path : "none",
		kp_types_source(s->ty), s->btf_path ? " " : "", s->btf_path ? s->btf_path : "");
	fprintf(stderr, "kpage: struct page %u bytes; refcount member %s; free list member %s\n",
		l->page_size, l->refcount_name, l->list_member);
	fprintf(stderr, "kpage: buddy test: %s\n", l->buddy_rule_source);
	fprintf(stderr, "kpage: compound tails: %s\n", l->compound_rule_source);
	fprintf(stderr, "kpage: page->mapping: %s\n", l->mapping_source);
	fprintf(stderr, "kpage: compound order: %s\n", l->order_rule->source);
	fprintf(stderr, "kpage: pageblocks: %s; pageblock_order %u (%s)\n", l->pb_source,
		l->pageblock_order, l->pageblock_order_source);
	fprintf(stderr, "kpage: memory model %s (%s); %u nodes, %u zones, max pfn %llu\n",
		kp_mm_model_name(s->mm.model), s->mm.model_source, s->mm.nr_nodes,
		s->mm.nr_zones, (unsigned long long)s->mm.max_pfn);
	if (s->mm.model != KP_MODEL_FLAT)
		fprintf(stderr, "kpage: mem_section: %s\n", l->section_source);
	fprintf(stderr, "kpage: page->flags: node bits %u at %u, zone bits %u at %u (DWARF: "
		"__MAX_NR_ZONES, node_data[] length, __NR_PAGEFLAGS=%d)\n", l->nodes_width,
		l->nodes_shift_pos, l->zones_width, l->zones_shift, l->nr_pageflags);
	if (s->inferred[0])
		fprintf(stderr, "kpage: page->flags: %s\n", s->inferred);
	if (s->syms) {
		fprintf(stderr, "kpage: symbols: the symtab of %s\n", session_symbols_path(s));
	} else {
		uint64_t addr;
		kp_mm_symbol(&s->mm, "__per_cpu_offset", &addr);   /* reads kallsyms, if any */
		if (s->mm.kallsyms)
			fprintf(stderr, "kpage: symbols: VMCOREINFO's SYMBOL() lines, then %u from %s\n",
				kp_kallsyms_count(s->mm.kallsyms), kp_kallsyms_rule(s->mm.kallsyms));
		else
			fprintf(stderr, "kpage: symbols: VMCOREINFO's SYMBOL() lines only (%s)\n",
				s->mm.kallsyms_why);
	}
	fprintf(stderr, "kpage: KASLR offset 0x%llx, phys_base 0x%llx (VMCOREINFO)\n",
		(unsigned long long)s->mm.kaslr_offset, (unsigned long long)s->mm.phys_base);
}

/* A dump that kpage reads although it is damaged: one warning line each. */
static void session_warn_damage(struct kp_session *s)
{
	uint64_t cut = kp_target_truncated(s->t);
	if (cut)
		fprintf(stderr, "kpage: warning: %s is truncated: %llu KiB of its segments are "
			"beyond its end; the pages they held are not in the dump\n", s->core_path,
			(unsigned long long)(cut >> 10));
	if (s->layout.vmci_ignored[0])
		fprintf(stderr, "kpage: warning: %s: VMCOREINFO values out of range, not used: %s\n",
			s->core_path, s->layout.vmci_ignored);
}

kp_error *kp_session_open_core(struct kp_session *s)
{
	kp_error *err;
	if (s->mm_open)
		return NULL;
	if ((err = session_open_target(s)))
		return err;
	if ((err = kp_session_open_types(s)))
		return err;
	if ((err = session_check_release(s)))
		return err;
	if ((err = kp_layout_build(s->ty, kp_target_vmcoreinfo(s->t), &s->layout)))
		return err;
	if ((err = kp_mm_open(&s->mm, s->t, s->syms, s->ty, &s->layout))) {
		kp_mm_close(&s->mm);
		uint64_t cut = kp_target_truncated(s->t);
		if (cut)      /* the likely cause, in the same line */
			err = kp_error_prefix(err, "%s is truncated (%llu KiB of its segments are "
					      "beyond its end)", s->core_path,
					      (unsigned long long)(cut >> 10));
		return err;
	}
	session_warn_damage(s);
	/* Open only once every check has passed: a session whose first
	 * command failed here (shell, script) must fail the next ones too, not
	 * let them read a dump of another vmlinux or undecidable page flags. */
	if ((!s->layout.nr_zones_max && !s->layout.zones_width &&
	     (err = kp_infer_zone_field(&s->mm, &s->layout, s->inferred, sizeof(s->inferred)))) ||
	    (err = session_check_banner(s))) {
		kp_mm_close(&s->mm);
		return err;
	}
	s->mm_open = true;
	if (s->verbose)
		session_describe(s);
	return NULL;
}

void kp_session_check_pageblocks(struct kp_session *s, int *status)
{
	if (!s->layout.pb_error[0])
		return;
	if (!s->pb_warned)
		fprintf(stderr, "kpage: warning: %s: no pageblock migratetype is read\n",
			s->layout.pb_error);
	s->pb_warned = true;
	*status = KP_EXIT_INCONSISTENT;
}

kp_error *kp_session_owners(struct kp_session *s, struct kp_owners **out)
{
	kp_error *err;
	if (!s->owners && ((err = kp_session_open_core(s)) || (err = kp_owners_open(&s->mm, &s->owners))))
		return err;
	*out = s->owners;
	return NULL;
}

void kp_session_close(struct kp_session *s)
{
	kp_owners_close(s->owners);
	s->owners = NULL;
	if (s->mm_open)
		kp_mm_close(&s->mm);
	kp_target_close(s->t);
	kp_types_close(s->ty);
	kp_symbols_close(s->syms);
	free(s->vmlinux_path);
	s->t = NULL;
	s->ty = NULL;
	s->syms = NULL;
	s->vmlinux_path = NULL;
	s->mm_open = false;
	s->pb_warned = false;
}
