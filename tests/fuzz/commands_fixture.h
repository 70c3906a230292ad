/* fuzz_commands' fixture: the v6_1 two-node dump, opened once as kpage
 * would (a reference session with the vmlinux's types and symbols, kept for
 * the whole run), and its physical memory copied into a sparse anonymous
 * mapping that each input edits in place and gives back as it was. */
#ifndef KPAGE_COMMANDS_FIXTURE_H
#define KPAGE_COMMANDS_FIXTURE_H

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "session.h"
#include "target.h"

#define FX_COPY_CHUNK (2u << 20)

struct fc_fixture {
	char vmlinux[PATH_MAX], vmcore[PATH_MAX];
	struct kp_session ref;       /* on the fixture's file, never edited */
	uint8_t *mem;                /* physical memory from 0, mem_len bytes */
	size_t mem_len;
	char *vmci;                  /* the pristine VMCOREINFO text */
};

static void fx_fail(const char *what, kp_error *err)
{
	fprintf(stderr, "fuzz_commands: %s%s%s\n", what, err ? ": " : "",
		err ? kp_error_message(err) : "");
	exit(1);
}

/* KPAGE_FUZZ_FIXTURE, else build/fx/v6_1-vmemmap beside build/fuzz/. */
static void fx_paths(struct fc_fixture *fx)
{
	char dir[PATH_MAX], exe[PATH_MAX];
	const char *env = getenv("KPAGE_FUZZ_FIXTURE");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (env && *env)
		snprintf(dir, sizeof(dir), "%s", env);
	else if (n > 0) {
		exe[n] = '\0';
		snprintf(dir, sizeof(dir), "%s/../fx/v6_1-vmemmap", dirname(exe));
	} else
		fx_fail("cannot find the fixture: set KPAGE_FUZZ_FIXTURE", NULL);
	snprintf(fx->vmlinux, sizeof(fx->vmlinux), "%s/vmlinux", dir);
	snprintf(fx->vmcore, sizeof(fx->vmcore), "%s/vmcore", dir);
	if (access(fx->vmlinux, R_OK) || access(fx->vmcore, R_OK)) {
		fprintf(stderr, "fuzz_commands: no fixture in %s (make it with tests/fixtures/"
			"make-fixture.sh v6_1 vmemmap DIR 2, or set KPAGE_FUZZ_FIXTURE)\n", dir);
		exit(1);
	}
}

/* Physical memory up to the last node's end, pages of zeros left unwritten
 * (the mapping stays sparse: node 1 is above 4 GiB). */
static void fx_copy_memory(struct fc_fixture *fx)
{
	static uint8_t chunk[FX_COPY_CHUNK];
	static const uint8_t zero[4096];
	kp_error *err;

	fx->mem_len = fx->ref.mm.max_pfn * 4096;
	fx->mem = mmap(NULL, fx->mem_len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (fx->mem == MAP_FAILED)
		fx_fail("cannot map the fixture's memory", NULL);
	for (uint64_t pa = 0; pa < fx->mem_len; pa += FX_COPY_CHUNK) {
		size_t len = fx->mem_len - pa < FX_COPY_CHUNK ? fx->mem_len - pa : FX_COPY_CHUNK;
		size_t missing = 0;
		if ((err = kp_target_read_phys(fx->ref.t, pa, chunk, len, &missing)))
			fx_fail("reading the fixture", err);
		for (size_t off = 0; off < len; off += sizeof(zero))
			if (memcmp(chunk + off, zero, sizeof(zero)) != 0)
				memcpy(fx->mem + pa + off, chunk + off, sizeof(zero));
	}
}

static void fx_open(struct fc_fixture *fx)
{
	kp_error *err;

	fx_paths(fx);
	memset(&fx->ref, 0, sizeof(fx->ref));
	fx->ref.vmlinux_path = strdup(fx->vmlinux);
	fx->ref.core_path = fx->vmcore;
	fx->ref.core_given = fx->ref.vmlinux_given = true;
	if (!fx->ref.vmlinux_path)
		fx_fail("out of memory", NULL);
	if ((err = kp_session_open_core(&fx->ref)))
		fx_fail(fx->vmcore, err);
	const char *vmci = kp_target_vmcoreinfo(fx->ref.t);
	if (!vmci || !(fx->vmci = strdup(vmci)))
		fx_fail("the fixture has no VMCOREINFO", NULL);
	fx_copy_memory(fx);
}

#endif
