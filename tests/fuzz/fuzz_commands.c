/* libFuzzer: kpage's commands (zones, free with and without the scan,
 * stat, map, alloc-check, page) run through kp_run_command, as the command
 * line runs them, on the v6_1 fixture dump with its VMCOREINFO text and its
 * struct zone, pglist_data, free-list heads and struct pages edited as the
 * input says (tests/fuzz/commands_input.h), with the fixture's vmlinux or
 * with --vmcoreinfo-only. The dump is held in memory (kp_target_open_memory)
 * and given back as it was after each input.
 *
 * What must hold: no crash, leak or hang (libFuzzer's -timeout); every exit
 * code is 0, 2 or 3 (1 too for page and alloc-check, whose PFN or ORDER the
 * damaged dump may not have); every line on stderr is kpage's ("kpage:
 * ..."); and a command that does not exit 0 says why on stderr (free in its
 * report).
 * KPAGE_FUZZ_VERBOSE=1 prints each command's exit code and messages, =2
 * their output too. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kpage/kpage.h"
#include "memmodel.h"
#include "session.h"
#include "shell.h"
#include "commands_input.h"
#include "commands_fixture.h"
#include "target.h"
#include "types.h"
#include "layout.h"

static struct fc_fixture fx;
static FILE *sink;               /* the commands' output: written, not kept */
static FILE *real_stderr;        /* stderr is the commands' messages while they run */
static bool verbose;

/* ---- VMCOREINFO edits ---------------------------------------------------- */

#define MAX_LINES 256
#define LINE_MAX_LEN 192

struct vmci_lines {
	char text[MAX_LINES][LINE_MAX_LEN];
	bool gone[MAX_LINES];
	size_t n, pristine;
};

/* Keys kpage reads that the fixture's VMCOREINFO does not have. */
static const char *const extra_keys[] = {
	"NUMBER(PAGE_HUGETLB_MAPCOUNT_VALUE)", "NUMBER(PAGE_SLAB_MAPCOUNT_VALUE)",
	"NUMBER(PAGE_UNACCEPTED_MAPCOUNT_VALUE)", "NUMBER(sme_mask)", "NUMBER(PG_hwpoison)",
	"NUMBER(PG_head)", "NUMBER(PG_buddy)", "NUMBER(PG_reserved)", "NUMBER(PG_compound)",
	"SYMBOL(contig_page_data)", "SYMBOL(vmemmap_base)", "SYMBOL(nr_cpu_ids)",
	"SYMBOL(__per_cpu_offset)", "SYMBOL(migratetype_names)", "SYMBOL(mem_map)",
	"SYMBOL(linux_banner)", "SYMBOL(init_level4_pgt)", "OFFSET(page.compound_info)",
	"OFFSET(page._count)", "OFFSET(pglist_data.node_mem_map)", "SIZE(zone)",
	"OFFSET(zone.vm_stat)", "OFFSET(zone.free_area)",
};
#define NR_EXTRA_KEYS (sizeof(extra_keys) / sizeof(extra_keys[0]))

static bool key_is_hex(const char *key)
{
	return !strncmp(key, "SYMBOL(", 7) || !strcmp(key, "KERNELOFFSET") ||
	       !strcmp(key, "BUILD-ID");
}

static void lines_split(struct vmci_lines *v, const char *text)
{
	v->n = 0;
	for (const char *p = text; *p && v->n < MAX_LINES;) {
		size_t len = strcspn(p, "\n");
		if (len && len < LINE_MAX_LEN) {
			memcpy(v->text[v->n], p, len);
			v->text[v->n][len] = '\0';
			v->gone[v->n++] = false;
		}
		p += len + (p[len] == '\n');
	}
	v->pristine = v->n;
}

/* KEY=... with the value OP and VALUE make (FC_LINE_*). */
static void line_format(char *out, const char *key, const char *old, int op, uint64_t value)
{
	bool hex = key_is_hex(key);
	uint64_t was = hex ? strtoull(old, NULL, 16) : (uint64_t)strtoll(old, NULL, 10);
	uint64_t v = value;
	static const char *const garbage[] = { "", "x", "0x10", "12abc", " 5", "-",
					       "99999999999999999999999" };

	switch (op) {
	case FC_LINE_ADD: v = was + value; break;
	case FC_LINE_POW2: v = 1ull << (value % 64); break;
	case FC_LINE_NEGATIVE: v = -(value % 4096); break;
	case FC_LINE_SMALL: v = value % 4096; break;
	case FC_LINE_GARBAGE:
		snprintf(out, LINE_MAX_LEN, "%s=%s", key, garbage[value % 7]);
		return;
	}
	if (hex)
		snprintf(out, LINE_MAX_LEN, "%s=%" PRIx64, key, v);
	else
		snprintf(out, LINE_MAX_LEN, "%s=%" PRId64, key, (int64_t)v);
}

static void lines_edit(struct vmci_lines *v, const struct fc_edit *e)
{
	char key[LINE_MAX_LEN], old[LINE_MAX_LEN] = "";
	int op = e->op % 8;
	size_t i;

	if (e->what % FC__EDIT_COUNT == FC_EDIT_VMCI_NEW) {
		snprintf(key, sizeof(key), "%s", extra_keys[e->sel % NR_EXTRA_KEYS]);
		op = op == FC_LINE_DELETE || op == FC_LINE_REPEAT ? FC_LINE_SET : op;
	} else {
		i = e->sel % v->pristine;
		if (v->gone[i])
			return;
		if (op == FC_LINE_DELETE) {
			v->gone[i] = true;
			return;
		}
		const char *eq = strchr(v->text[i], '=');
		size_t klen = eq ? (size_t)(eq - v->text[i]) : strlen(v->text[i]);
		memcpy(key, v->text[i], klen);
		key[klen] = '\0';
		snprintf(old, sizeof(old), "%s", eq ? eq + 1 : "");
		if (op != FC_LINE_REPEAT) {
			line_format(v->text[i], key, old, op, e->value);
			return;
		}
		op = FC_LINE_SET;
	}
	if (v->n == MAX_LINES)
		return;
	line_format(v->text[v->n], key, old, op, e->value);
	v->gone[v->n++] = false;
}

static char *lines_join(const struct vmci_lines *v)
{
	static char text[MAX_LINES * LINE_MAX_LEN + 1];
	size_t len = 0;
	for (size_t i = 0; i < v->n; i++)
		if (!v->gone[i])
			len += (size_t)sprintf(text + len, "%s\n", v->text[i]);
	text[len] = '\0';
	return text;
}

/* ---- memory edits -------------------------------------------------------- */

struct undo {
	uint64_t pa;
	uint8_t old[8];
	uint8_t len;
};

static struct undo undo_log[FC_MAX_EDITS];
static size_t undo_n;

/* The edited object: its kernel address and size, and the byte edited. */
struct target_bytes {
	uint64_t obj, size, off;
	unsigned width;
};

/* A global of the kernel image, or an entry of mem_section[0][]. */
static bool global_locate(const struct fc_edit *e, struct target_bytes *tb)
{
	static const struct { const char *name; uint32_t size; } globals[] = {
		{ "node_data", 16 }, { "mem_section", 8 }, { "nr_cpu_ids", 4 },
		{ "__per_cpu_offset", 16 },
	};
	struct kp_mm *mm = &fx.ref.mm;
	uint64_t roots, root0;
	kp_error *err;

	if (e->what % FC__EDIT_COUNT == FC_EDIT_GLOBAL) {
		uint32_t g = e->sel % (sizeof(globals) / sizeof(globals[0]));
		tb->size = globals[g].size;
		tb->off = e->off % tb->size;
		if (tb->width > tb->size)
			tb->width = (unsigned)tb->size;
		return kp_mm_symbol(mm, globals[g].name, &tb->obj);
	}
	if (!kp_mm_symbol(mm, "mem_section", &roots))
		return false;
	if ((err = kp_mm_read_u64(mm, roots, &roots)) || (err = kp_mm_read_u64(mm, roots, &root0))) {
		kp_error_free(err);
		return false;
	}
	tb->obj = root0 + (uint64_t)(e->sel % 64) * 16;
	tb->size = 16;
	tb->off = e->off % 16;
	if (tb->width > tb->size)
		tb->width = (unsigned)tb->size;
	return true;
}

static bool edit_locate(const struct fc_edit *e, struct target_bytes *tb)
{
	const struct kp_mm *mm = &fx.ref.mm;
	const struct kp_layout *l = &fx.ref.layout;
	const struct kp_zone *z = &mm->zones[e->sel % mm->nr_zones];
	uint64_t run;

	tb->width = 1u << (e->op & 3);
	switch (e->what % FC__EDIT_COUNT) {
	case FC_EDIT_ZONE:
		tb->obj = z->addr;
		tb->size = l->zone_size;
		tb->off = e->off % l->zone_size;
		return true;
	case FC_EDIT_PGDAT:
		tb->obj = mm->nodes[e->sel % mm->nr_nodes].pgdat;
		tb->size = l->pgdat_size;
		tb->off = e->off % l->pgdat_size;
		return true;
	case FC_EDIT_FREE_HEAD: {
		uint32_t order = (e->off & 0xff) % l->nr_orders;
		uint32_t mt = ((e->off >> 8) & 0xff) % l->nr_migratetypes;
		uint32_t field = (e->off >> 16) % 3;
		uint64_t area = l->zone_free_area.offset + (uint64_t)order * l->free_area_size;
		tb->obj = z->addr;
		tb->size = l->zone_size;
		tb->width = 8;
		tb->off = field == 2 ? area + l->fa_nr_free.offset :
			  area + l->fa_free_list.offset + mt * l->fa_free_list.elem_size + field * 8;
		return true;
	}
	case FC_EDIT_PAGE:
		tb->size = l->page_size;
		tb->off = e->sel % l->page_size;
		return kp_mm_pfn_to_page(&fx.ref.mm, e->off % mm->max_pfn, &tb->obj, &run);
	case FC_EDIT_GLOBAL:
	case FC_EDIT_SECTION:
		return global_locate(e, tb);
	}
	return false;
}

static uint64_t edit_value(const struct fc_edit *e, const struct target_bytes *tb, uint64_t old)
{
	const struct kp_mm *mm = &fx.ref.mm;
	uint64_t v = e->value, page;

	switch ((e->op >> 2) % 8) {
	case FC_MEM_ADD: return old + v;
	case FC_MEM_XOR: return old ^ v;
	case FC_MEM_PAGE_ADDR:
		if (!kp_mm_pfn_to_page(&fx.ref.mm, v % mm->max_pfn, &page, &(uint64_t){ 0 }))
			page = mm->vmemmap_base + (v % mm->max_pfn) * fx.ref.layout.page_size;
		return page + ((v >> 32) & 1 ? fx.ref.layout.pg_list.offset : 0);
	case FC_MEM_POW2: return 1ull << (v % 64);
	case FC_MEM_NEGATIVE: return -(v % 4096);
	case FC_MEM_SELF: return tb->obj + v % tb->size;
	case FC_MEM_SMALL: return v % 65536;
	}
	return v;
}

static void mem_edit(const struct fc_edit *e)
{
	struct target_bytes tb;
	uint64_t pa, left, old = 0, now;

	if (undo_n == FC_MAX_EDITS || !edit_locate(e, &tb))
		return;
	if (tb.off + tb.width > tb.size)
		tb.off = tb.size - tb.width;
	kp_error *err = kp_mm_vtop(&fx.ref.mm, tb.obj + tb.off, &pa, &left);
	if (err || left < tb.width || pa + tb.width > fx.mem_len) {
		kp_error_free(err);
		return;
	}
	struct undo *u = &undo_log[undo_n++];
	u->pa = pa;
	u->len = (uint8_t)tb.width;
	memcpy(u->old, fx.mem + pa, tb.width);
	memcpy(&old, fx.mem + pa, tb.width);
	now = edit_value(e, &tb, old);
	memcpy(fx.mem + pa, &now, tb.width);
}

static void mem_restore(void)
{
	while (undo_n > 0) {
		struct undo *u = &undo_log[--undo_n];
		memcpy(fx.mem + u->pa, u->old, u->len);
	}
}

/* ---- running the commands ----------------------------------------------- */

static ssize_t sink_write(void *cookie, const char *buf, size_t len)
{
	(void)cookie;
	(void)buf;
	return (ssize_t)len;
}

/* Each line a command printed on stderr must be kpage's own, and its exit
 * code one of the contract's: 1 (usage) only for page and alloc-check,
 * whose PFN or ORDER the damaged dump may not have. A command that does not
 * exit 0 says why on stderr, but free, whose report lists its issues. */
static void check_messages(const char *cmd, const char *text, size_t from, size_t to, int rc)
{
	for (size_t i = from; i < to; i = (size_t)(strchrnul(text + i, '\n') - text) + 1)
		if (strncmp(text + i, "kpage: ", 7) != 0) {
			fprintf(real_stderr, "fuzz_commands: %s: a line on stderr that is not kpage's: "
				"\"%.*s\"\n", cmd, (int)strcspn(text + i, "\n"), text + i);
			abort();
		}
	if (rc != KP_EXIT_OK && rc != KP_EXIT_INPUT && rc != KP_EXIT_INCONSISTENT &&
	    (rc != KP_EXIT_USAGE || (strcmp(cmd, "page") && strcmp(cmd, "alloc-check")))) {
		fprintf(real_stderr, "fuzz_commands: %s: exit code %d\n%s", cmd, rc, text + from);
		abort();
	}
	if (rc != KP_EXIT_OK && from == to && (rc != KP_EXIT_INCONSISTENT || strcmp(cmd, "free"))) {
		fprintf(real_stderr, "fuzz_commands: %s: exit code %d and nothing said\n", cmd, rc);
		abort();
	}
}

/* page's PFN: within the nodes' spans mostly, past the last one else. */
static uint64_t page_pfn(uint32_t value)
{
	const struct kp_mm *mm = &fx.ref.mm;
	uint64_t total = 1024, idx;
	for (uint32_t n = 0; n < mm->nr_nodes; n++)
		total += mm->nodes[n].spanned;
	idx = value % total;
	for (uint32_t n = 0; n < mm->nr_nodes; idx -= mm->nodes[n++].spanned)
		if (idx < mm->nodes[n].spanned)
			return mm->nodes[n].start_pfn + idx;
	return mm->max_pfn + idx;
}

/* ARGV of command C (FC_CMD_*) for header H. */
static int command_argv(int c, const struct fc_header *h, char *arg, size_t len, char **argv)
{
	static const char *const name[FC__CMD_COUNT] = {
		"zones", "free", "free", "stat", "map", "alloc-check", "page",
	};
	int n = 0;
	argv[n++] = (char *)name[c];
	if (c == FC_CMD_FREE_NO_SCAN)
		argv[n++] = "--no-scan";
	if (c == FC_CMD_ALLOC_CHECK)
		snprintf(arg, len, "%u", h->alloc_order % 11);
	if (c == FC_CMD_PAGE)
		snprintf(arg, len, "%" PRIu64, page_pfn(h->pfn));
	if (c == FC_CMD_ALLOC_CHECK || c == FC_CMD_PAGE)
		argv[n++] = arg;
	argv[n] = NULL;
	return n;
}

/* KPAGE_FUZZ_VERBOSE: the nodes and zones as the edited dump gives them. */
static void show_machine(const struct kp_mm *mm)
{
	for (uint32_t n = 0; n < mm->nr_nodes; n++)
		fprintf(real_stderr, "  node %u: pfn %" PRIu64 " + %" PRIu64 "\n", mm->nodes[n].id,
			mm->nodes[n].start_pfn, mm->nodes[n].spanned);
	for (uint32_t i = 0; i < mm->nr_zones; i++) {
		const struct kp_zone *z = &mm->zones[i];
		fprintf(real_stderr, "  zone %u:%u %s: pfn %" PRIu64 " + %" PRIu64 "%s\n", z->node,
			z->index, z->name, z->start_pfn, z->spanned, z->span_known ? "" : " (no start)");
	}
}

/* A session on the edited dump, as main.c would open it (the types and
 * symbols of the fixture's vmlinux are the reference session's, opened
 * once), and the header's commands run in it. */
static void run_commands(const struct fc_header *h, const char *vmci)
{
	static struct kp_session s;
	char *text = NULL, arg[32], *argv[4];
	size_t text_len = 0;
	int shown = 0;
	FILE *msgs = open_memstream(&text, &text_len);
	kp_error *err;

	if (!msgs)
		abort();
	memset(&s, 0, sizeof(s));
	s.core_path = "fuzz.vmcore";
	s.core_given = true;
	s.vmci_only = h->mode & FC_VMCI_ONLY;
	if (!s.vmci_only) {
		s.vmlinux_path = fx.ref.vmlinux_path;
		s.ty = fx.ref.ty;
		s.syms = fx.ref.syms;
	}
	if ((err = kp_target_open_memory(s.core_path, fx.mem, fx.mem_len, vmci, &s.t)))
		fx_fail("opening the dump in memory", err);
	kp_out_init(&s.out, sink, h->mode & FC_JSON);
	stderr = msgs;
	for (int c = 0; c < FC__CMD_COUNT; c++) {
		if (h->commands && !(h->commands & (1u << c)))
			continue;
		int argc = command_argv(c, h, arg, sizeof(arg), argv);
		fflush(msgs);
		size_t from = text_len;
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		int rc = kp_run_command(&s, argc, argv);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		fflush(msgs);
		if (verbose)
			fprintf(real_stderr, "%s%s%s: exit %d (%.1f ms)\n%s", argv[0],
				argc > 1 ? " " : "", argc > 1 ? argv[1] : "", rc,
				(double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
				text + from);
		check_messages(argv[0], text, from, text_len, rc);
		if (verbose && s.mm_open && !shown++)
			show_machine(&s.mm);
	}
	stderr = real_stderr;
	fclose(msgs);
	free(text);
	kp_owners_close(s.owners);
	if (s.mm_open)
		kp_mm_close(&s.mm);
	kp_target_close(s.t);
	if (s.vmci_only)
		kp_types_close(s.ty);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* No types memo in ~/.cache, no progress line, one scan thread
	 * unless the input asks for two. */
	setenv("KPAGE_NO_TYPES_CACHE", "1", 1);
	setenv("KPAGE_NO_PROGRESS", "1", 1);
	verbose = getenv("KPAGE_FUZZ_VERBOSE") != NULL;
	real_stderr = stderr;
	fx_open(&fx);
	static cookie_io_functions_t discard = { .write = sink_write };
	const char *v = getenv("KPAGE_FUZZ_VERBOSE");
	if (v && !strcmp(v, "2"))
		sink = stdout;         /* and the commands' output */
	else if (!(sink = fopencookie(NULL, "w", discard)))
		fx_fail("cannot open the output sink", NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct vmci_lines lines;
	struct fc_header h = { 0 };
	struct fc_edit e;

	memcpy(&h, data, size < sizeof(h) ? size : sizeof(h));
	/* (putenv of a static string: setenv would allocate a copy each time,
	 * and libFuzzer would take the unfreed copies for a leak to check) */
	static char one[] = "KPAGE_THREADS=1", two[] = "KPAGE_THREADS=2";
	putenv(h.mode & FC_TWO_THREADS ? two : one);
	lines_split(&lines, fx.vmci);
	for (size_t off = sizeof(h), n = 0; off + sizeof(e) <= size && n < FC_MAX_EDITS;
	     off += sizeof(e), n++) {
		memcpy(&e, data + off, sizeof(e));
		uint8_t what = e.what % FC__EDIT_COUNT;
		if (what == FC_EDIT_VMCI_LINE || what == FC_EDIT_VMCI_NEW)
			lines_edit(&lines, &e);
		else
			mem_edit(&e);
	}
	run_commands(&h, lines_join(&lines));
	mem_restore();
	return 0;
}
