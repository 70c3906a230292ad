/* Symbols: link-time addresses of the vmlinux's data symbols (its symtab). */
#ifndef KPAGE_SYMBOLS_H
#define KPAGE_SYMBOLS_H

#include "types.h"

/* ---- symbols ---------------------------------------------------------- */
struct kp_symbols;
kp_error *kp_symbols_open(const char *vmlinux, struct kp_symbols **out);
void kp_symbols_close(struct kp_symbols *s);
/* Link-time address of the variable (or untyped symbol) NAME, false when
 * absent. Functions are not indexed: kpage reads data, never code, and
 * they are over half of a vmlinux's 230,000 symbols. */
bool kp_symbols_lookup(const struct kp_symbols *s, const char *name, uint64_t *addr);
/* Copies the NUL-terminated string at symbol NAME from the file itself. */
bool kp_symbols_read_string(const struct kp_symbols *s, const char *name, char *buf,
			    size_t len);
const char *kp_symbols_build_id(const struct kp_symbols *s, size_t *len);
/* Why the symtab could not be read (damaged, no memory), or NULL: a lookup
 * that failed for that reason must not be reported as a missing symbol. */
const char *kp_symbols_load_error(const struct kp_symbols *s);
/* Keeps lookups' answers in TY's memo (same vmlinux, same build-id): later
 * runs then never read the symtab (150,000 names, most of a small dump's
 * start-up time). */
void kp_symbols_set_memo(struct kp_symbols *s, struct kp_types *ty);
/* Lets TY's DWARF lookups ask S whether a variable exists at all, so that
 * proving one absent does not take a walk through every unit. */
void kp_types_set_symbols(struct kp_types *ty, const struct kp_symbols *s);

#endif
