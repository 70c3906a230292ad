/* The target: a dump's bytes (libkdumpfile, /proc/kcore, a dump in memory)
 * and its VMCOREINFO text. Nothing above it knows the file format. */
#ifndef KPAGE_TARGET_H
#define KPAGE_TARGET_H

#include "internal.h"

/* ---- target: the dump's bytes ------------------------------------------ */
struct kp_target;
kp_error *kp_target_open(const char *path, struct kp_target **out);
void kp_target_close(struct kp_target *t);
/* A dump held in memory (tests, fuzzing): MEM is physical memory from
 * address 0, LEN bytes; what lies beyond is not in the dump. MEM is not
 * copied and must outlive the target. LABEL stands for the path. */
kp_error *kp_target_open_memory(const char *label, const void *mem, size_t len,
				const char *vmcoreinfo, struct kp_target **out);
/* A second handle on the same dump for another thread: the same file
 * opened again with its own libkdumpfile context (contexts, and in 0.5.1
 * even kdump_clone'd ones, must not be read by two threads at once); the
 * ELF segment table is shared (pread only). Close it with kp_target_close
 * before the original. */
kp_error *kp_target_clone(struct kp_target *t, struct kp_target **out);
const char *kp_target_path(const struct kp_target *t);
const char *kp_target_format(const struct kp_target *t);
/* Bytes the dump's segments say it holds but its file does not (an ELF
 * dump cut short); 0 when whole, or when the format cannot tell. */
uint64_t kp_target_truncated(const struct kp_target *t);
/* The VMCOREINFO text, or NULL when the dump has none. */
const char *kp_target_vmcoreinfo(const struct kp_target *t);
/* Reads physical memory. Pages the dump does not hold are zero-filled and
 * counted in *missing (4 KiB units); other failures are errors. */
kp_error *kp_target_read_phys(struct kp_target *t, uint64_t paddr, void *buf,
			      size_t len, size_t *missing);

/* ---- VMCOREINFO parsing (pure) ----------------------------------------- */
/* Copies the value of KEY (e.g. "OSRELEASE", "NUMBER(phys_base)") into buf.
 * Returns false when absent. */
bool kp_vmcoreinfo_get(const char *text, const char *key, char *buf, size_t len);
bool kp_vmcoreinfo_number(const char *text, const char *key, int64_t *val);
bool kp_vmcoreinfo_hex(const char *text, const char *key, uint64_t *val);

/* target_flat.c: *fd_out is a reassembled copy of a flattened dump, or -1
 * when PATH is not flattened. */
kp_error *kp_target_flattened_prepare(const char *path, int *fd_out);

/* target_kind.c: a file that cannot be a dump (a vmlinux, a program, an
 * ELF core of another machine, headers cut short), refused before
 * libkdumpfile reads it; and, once libkdumpfile refused PATH with LIB_MSG,
 * the reason in kpage's words. */
kp_error *kp_target_header_check(const char *path, int fd);
kp_error *kp_target_refusal(const char *path, int fd, const char *lib_msg);

#endif
