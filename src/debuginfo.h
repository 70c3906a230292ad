/* Finding the vmlinux with DWARF that belongs to a core, when none is given. */
#ifndef KPAGE_DEBUGINFO_H
#define KPAGE_DEBUGINFO_H

#include "kpage/kpage.h"

/* Tries, in order: the usual places named by the kernel release
 * (VMCOREINFO OSRELEASE, or uname for /proc/kcore), the build-id link under
 * /usr/lib/debug/.build-id (VMCOREINFO BUILD-ID), then the debuginfod
 * servers in $DEBUGINFOD_URLS by that build-id (the file lands in
 * libdebuginfod's cache; a cached file is used offline). *path is malloc'd.
 * The error names every place tried. */
kp_error *kp_debuginfo_find(const char *core_path, const char *vmcoreinfo, char **path);

#endif
