/* The DWARF name index, built as the lookups need it. A Debian vmlinux has
 * 2,000-3,500 compilation units in 160-250 MB of .debug_info; indexing all
 * of them took 0.6-1.2 s and 200 MB, for the eighty-odd names kpage asks.
 * So the units are indexed one at a time, only until the name asked for is
 * there:
 *  - the units of an mm/ directory (mm/, arch/x86/mm/) come first: the
 *    memory-management types and variables kpage asks for are all used
 *    there. The order changes how far a walk goes, never an answer: a
 *    kernel type is the same in every unit that uses it.
 *  - a name this kernel does not have (struct folio before 5.16) would make
 *    the walk read every unit; an oracle says at once that it is not there
 *    (types_cache.c: the vmlinux's own .BTF, which pahole made from this
 *    DWARF, and its symtab for variables).
 *  - the file is mapped read-only by the index itself, and the pages of the
 *    units walked are given back as the walk goes: they stay in the page
 *    cache, and a DIE looked at again is read from there. */
#include <dwarf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "dwarf_index.h"

/* How many units walked between two releases of the shared sections. */
#define KP_RELEASE_EVERY 16

struct dwarf_index {
	int fd;
	void *map;             /* the whole file, PROT_READ; NULL: libelf maps it */
	size_t map_size;
	Elf *elf;
	Dwarf *dw;
	/* sections in the mapping (NULL: not mapped): .debug_info, then those
	 * every unit reads (.debug_abbrev, .debug_str, .debug_line_str) */
	struct mapped_section { const char *p; size_t size; } info, shared[3];
	Dwarf_Off *units;      /* each unit's DIE, in walk order */
	Dwarf_Off *ends;       /* where each unit ends */
	size_t nunits, next;   /* next: the first unit not indexed yet */
	struct dwarf_name *slots;
	size_t nslots, used;
	bool failed;           /* out of memory: the index is incomplete */
	dwarf_oracle_fn *oracle;
	void *oracle_ctx;
};

static struct dwarf_name *name_slot(const struct dwarf_index *ix, const char *name, uint8_t kind)
{
	size_t i = kp_hash_name(name, kind) & (ix->nslots - 1);
	while (ix->slots[i].name) {
		if (ix->slots[i].kind == kind && strcmp(ix->slots[i].name, name) == 0)
			return &ix->slots[i];
		i = (i + 1) & (ix->nslots - 1);
	}
	return &ix->slots[i];
}

static bool names_grow(struct dwarf_index *ix)
{
	struct dwarf_name *old = ix->slots;
	size_t oldn = ix->nslots;

	ix->nslots = oldn ? oldn * 2 : 1 << 14;
	ix->slots = calloc(ix->nslots, sizeof(*ix->slots));
	if (!ix->slots) {
		ix->slots = old;
		ix->nslots = oldn;
		return false;
	}
	for (size_t i = 0; i < oldn; i++)
		if (old[i].name)
			*name_slot(ix, old[i].name, old[i].kind) = old[i];
	free(old);
	return true;
}

/* The first definition seen wins; a definition replaces a declaration. */
static struct dwarf_name *name_add(struct dwarf_index *ix, const char *name, uint8_t kind,
				   Dwarf_Off off, bool is_decl)
{
	struct dwarf_name *e;

	if ((ix->used + 1) * 2 > ix->nslots && !names_grow(ix))
		return NULL;
	e = name_slot(ix, name, kind);
	if (e->name) {
		if (e->is_decl && !is_decl) {
			e->die = off;
			e->is_decl = false;
		}
		return e;
	}
	if (!(e->name = strdup(name)))
		return NULL;
	e->kind = kind;
	e->die = off;
	e->is_decl = is_decl;
	ix->used++;
	return e;
}

static bool die_is_decl(Dwarf_Die *die)
{
	bool flag = false;
	Dwarf_Attribute a;
	if (dwarf_attr(die, DW_AT_declaration, &a))
		dwarf_formflag(&a, &flag);
	return flag;
}

/* Whether the enum's values are unsigned: its underlying type (DWARF 3+)
 * says so. GCC writes PGTY_buddy = 0xf0 of enum pagetype as a one-byte
 * DW_FORM_data1, which a signed read would turn into -16. */
bool kp_dwarf_enum_is_unsigned(Dwarf_Die *en)
{
	Dwarf_Attribute a;
	Dwarf_Die t;
	Dwarf_Word enc;
	if (!dwarf_attr_integrate(en, DW_AT_type, &a) || !dwarf_formref_die(&a, &t) ||
	    dwarf_peel_type(&t, &t) != 0 || !dwarf_attr(&t, DW_AT_encoding, &a) ||
	    dwarf_formudata(&a, &enc) != 0)
		return false;
	return enc == DW_ATE_unsigned || enc == DW_ATE_unsigned_char || enc == DW_ATE_boolean;
}

static bool index_enumerators(struct dwarf_index *ix, Dwarf_Die *en)
{
	Dwarf_Die c;
	bool uns = kp_dwarf_enum_is_unsigned(en);
	if (dwarf_child(en, &c) != 0)
		return true;
	do {
		const char *n = dwarf_diename(&c);
		if (dwarf_tag(&c) != DW_TAG_enumerator || !n)
			continue;
		struct dwarf_name *e = name_add(ix, n, DWARF_NAME_ENUMERATOR, dwarf_dieoffset(&c), false);
		if (!e)
			return false;
		if (e->die == dwarf_dieoffset(&c))
			e->unsigned_enum = uns;   /* the entry is this one */
	} while (dwarf_siblingof(&c, &c) == 0);
	return true;
}

static bool index_die(struct dwarf_index *ix, Dwarf_Die *die)
{
	const char *name;
	uint8_t kind;

	/* The tag first: most top-level DIEs are functions, whose names
	 * would cost an attribute search each. */
	switch (dwarf_tag(die)) {
	case DW_TAG_structure_type: kind = DWARF_NAME_STRUCT; break;
	case DW_TAG_union_type: kind = DWARF_NAME_UNION; break;
	case DW_TAG_enumeration_type:
		if (!die_is_decl(die) && !index_enumerators(ix, die))
			return false;
		kind = DWARF_NAME_ENUM;
		break;
	case DW_TAG_typedef: kind = DWARF_NAME_TYPEDEF; break;
	case DW_TAG_variable: kind = DWARF_NAME_VAR; break;
	default: return true;
	}
	name = dwarf_diename(die);
	return !name || name_add(ix, name, kind, dwarf_dieoffset(die), die_is_decl(die));
}

static void release_range(const char *from, const char *to)
{
	const uintptr_t page = 4096;
	uintptr_t a = (uintptr_t)from & ~(page - 1);
	uintptr_t b = ((uintptr_t)to + page - 1) & ~(page - 1);
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

/* Gives back the pages of .debug_info from FROM to TO; they stay in the page
 * cache, and a DIE read again is read from there. */
static void index_release(struct dwarf_index *ix, Dwarf_Off from, Dwarf_Off to)
{
	if (ix->info.p && from < to && to <= ix->info.size)
		release_range(ix->info.p + from, ix->info.p + to);
}

/* Gives back the pages of the sections that every unit reads. */
static void index_release_shared(struct dwarf_index *ix)
{
	for (size_t i = 0; i < sizeof(ix->shared) / sizeof(ix->shared[0]); i++)
		if (ix->shared[i].p)
			release_range(ix->shared[i].p, ix->shared[i].p + ix->shared[i].size);
}

/* Where the sections are in the mapping, unless libelf had to copy them
 * (compressed: then there is nothing to give back). */
static void index_find_sections(struct dwarf_index *ix)
{
	static const char *const names[] = { ".debug_info", ".debug_abbrev", ".debug_str",
					     ".debug_line_str" };
	size_t shstrndx;
	Elf_Scn *scn = NULL;
	if (!ix->map || elf_getshdrstrndx(ix->elf, &shstrndx) != 0)
		return;
	while ((scn = elf_nextscn(ix->elf, scn))) {
		GElf_Shdr sh;
		const char *n = gelf_getshdr(scn, &sh) ? elf_strptr(ix->elf, shstrndx, sh.sh_name) : NULL;
		size_t i = 0;
		while (n && i < 4 && strcmp(n, names[i]))
			i++;
		if (!n || i == 4 || (sh.sh_flags & SHF_COMPRESSED))
			continue;
		Elf_Data *d = elf_rawdata(scn, NULL);
		const char *base = ix->map;
		if (!d || !d->d_buf || (const char *)d->d_buf < base ||
		    (const char *)d->d_buf + d->d_size > base + ix->map_size)
			continue;
		struct mapped_section *m = i ? &ix->shared[i - 1] : &ix->info;
		m->p = d->d_buf;
		m->size = d->d_size;
	}
}

static void debug_rss(const char *where)
{
	if (!getenv("KPAGE_DEBUG"))
		return;
	FILE *f = fopen("/proc/self/statm", "r");
	long a = 0, b = 0;
	if (f && fscanf(f, "%ld %ld", &a, &b) == 2)
		fprintf(stderr, "kpage: debug: %s: rss %ld KB\n", where, b * 4);
	if (f)
		fclose(f);
}

static bool index_next_unit(struct dwarf_index *ix)
{
	Dwarf_Die cu, c;
	if (ix->next >= ix->nunits || ix->failed)
		return false;
	size_t u = ix->next++;
	if (dwarf_offdie(ix->dw, ix->units[u], &cu) && dwarf_child(&cu, &c) == 0) {
		do {
			if (!index_die(ix, &c)) {
				ix->failed = true;
				return false;
			}
		} while (dwarf_siblingof(&c, &c) == 0);
	}
	index_release(ix, ix->units[u], ix->ends[u]);
	if (ix->next % KP_RELEASE_EVERY == 0)
		index_release_shared(ix);
	return true;
}

static bool unit_in_mm(const char *name)
{
	return name && (!strncmp(name, "mm/", 3) || strstr(name, "/mm/"));
}

static bool units_push(Dwarf_Off **units, Dwarf_Off **ends, size_t *n, size_t *cap,
		       Dwarf_Off die, Dwarf_Off end)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 1024;
		Dwarf_Off *a = realloc(*units, c * sizeof(*a));
		if (a)
			*units = a;
		Dwarf_Off *b = a ? realloc(*ends, c * sizeof(*b)) : NULL;
		if (!b)
			return false;
		*ends = b;
		*cap = c;
	}
	(*units)[*n] = die;
	(*ends)[(*n)++] = end;
	return true;
}

/* Lists the units, those of an mm/ directory first, each in file order
 * (FULL: all in file order). */
static kp_error *index_list_units(struct dwarf_index *ix, const char *path, bool full)
{
	Dwarf_Off off = 0, next, released = 0, *rest = NULL, *rest_ends = NULL;
	size_t hsize, cap = 0, nrest = 0, rest_cap = 0;
	bool ok = true;

	while (ok && dwarf_nextcu(ix->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
		Dwarf_Die cu;
		if (full || (dwarf_offdie(ix->dw, off + hsize, &cu) && unit_in_mm(dwarf_diename(&cu))))
			ok = units_push(&ix->units, &ix->ends, &ix->nunits, &cap, off + hsize, next);
		else
			ok = units_push(&rest, &rest_ends, &nrest, &rest_cap, off + hsize, next);
		/* Only the units' first bytes are read here: give them back. */
		if (next - released > (8u << 20)) {
			index_release(ix, released, next);
			released = next;
		}
		off = next;
	}
	index_release(ix, released, off);
	index_release_shared(ix);
	for (size_t i = 0; ok && i < nrest; i++)
		ok = units_push(&ix->units, &ix->ends, &ix->nunits, &cap, rest[i], rest_ends[i]);
	free(rest);
	free(rest_ends);
	if (!ok)
		return kp_errorf(KP_EXIT_INPUT, "out of memory listing the DWARF units of %s", path);
	if (!ix->nunits)
		return kp_errorf(KP_EXIT_INPUT, "%s: DWARF has no types", path);
	return NULL;
}

static kp_error *index_begin(struct dwarf_index *ix, const char *path)
{
	struct stat st;
	if (fstat(ix->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		ix->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, ix->fd, 0);
		if (ix->map == MAP_FAILED)
			ix->map = NULL;
		else
			ix->map_size = (size_t)st.st_size;
	}
	elf_version(EV_CURRENT);
	ix->elf = ix->map ? elf_memory(ix->map, ix->map_size) : elf_begin(ix->fd, ELF_C_READ_MMAP, NULL);
	ix->dw = ix->elf ? dwarf_begin_elf(ix->elf, DWARF_C_READ, NULL) : NULL;
	if (ix->dw) {
		index_find_sections(ix);
		return NULL;
	}
	/* libdw's reason, unless it only says the same again. */
	const char *why = dwarf_errmsg(-1);
	bool same = !why || !strcmp(why, "no DWARF information");
	return kp_errorf(KP_EXIT_INPUT,
		"%s: no DWARF debug info%s%s%s; use the vmlinux with debug info, "
		"e.g. /usr/lib/debug/boot/vmlinux-RELEASE from Debian's "
		"linux-image-RELEASE-dbg package", path, same ? "" : " (",
		same ? "" : why, same ? "" : ")");
}

/* Listing read every unit's first DIE, and libdw keeps what it parsed of
 * each unit (some 17 MB on a 7.x vmlinux) until dwarf_end; a fresh handle
 * holds only the units walked. The offsets stay valid. */
static kp_error *index_restart(struct dwarf_index *ix, const char *path)
{
	debug_rss("units listed");
	dwarf_end(ix->dw);
	if (!(ix->dw = dwarf_begin_elf(ix->elf, DWARF_C_READ, NULL)))
		return kp_errorf(KP_EXIT_INPUT, "%s: cannot read its DWARF again", path);
	return NULL;
}

kp_error *kp_dwarf_index_open(const char *path, struct dwarf_index **out)
{
	struct dwarf_index *ix = calloc(1, sizeof(*ix));
	const char *full_env = getenv("KPAGE_DWARF_FULL");
	bool full = full_env && *full_env;
	kp_error *err;

	if (!ix)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	ix->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (ix->fd < 0)
		err = kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
	else if (!(err = index_begin(ix, path)) && !(err = index_list_units(ix, path, full)) &&
		 (!(err = index_restart(ix, path))) && !names_grow(ix))
		err = kp_errorf(KP_EXIT_INPUT, "out of memory");
	/* KPAGE_DWARF_FULL: every unit indexed now, in file order, as kpage did
	 * before the directed walk (the tier compares the two's answers). */
	while (!err && full && index_next_unit(ix))
		;
	if (!err && ix->failed)
		err = kp_errorf(KP_EXIT_INPUT, "out of memory indexing the DWARF of %s", path);
	if (err) {
		kp_dwarf_index_close(ix);
		return err;
	}
	*out = ix;
	return NULL;
}

void kp_dwarf_index_close(struct dwarf_index *ix)
{
	if (!ix)
		return;
	debug_rss("index closed");
	if (getenv("KPAGE_DEBUG"))
		fprintf(stderr, "kpage: debug: the DWARF index walked %zu of %zu units, %zu names\n",
			ix->next, ix->nunits, ix->used);
	for (size_t i = 0; i < ix->nslots; i++)
		free(ix->slots[i].name);
	free(ix->slots);
	free(ix->units);
	free(ix->ends);
	if (ix->dw)
		dwarf_end(ix->dw);
	if (ix->elf)
		elf_end(ix->elf);
	if (ix->map)
		munmap(ix->map, ix->map_size);
	if (ix->fd >= 0)
		close(ix->fd);
	free(ix);
}

Dwarf *kp_dwarf_index_dwarf(const struct dwarf_index *ix) { return ix->dw; }

void kp_dwarf_index_set_oracle(struct dwarf_index *ix, dwarf_oracle_fn *fn, void *ctx)
{
	ix->oracle = fn;
	ix->oracle_ctx = ctx;
}

bool kp_dwarf_index_failed(const struct dwarf_index *ix) { return ix->failed; }

bool kp_dwarf_index_section(const struct dwarf_index *ix, const char *name, const void **data,
			 size_t *size)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;
	if (!ix->map || elf_getshdrstrndx(ix->elf, &shstrndx) != 0)
		return false;
	while ((scn = elf_nextscn(ix->elf, scn))) {
		GElf_Shdr sh;
		const char *n = gelf_getshdr(scn, &sh) ? elf_strptr(ix->elf, shstrndx, sh.sh_name) : NULL;
		if (!n || strcmp(n, name) || sh.sh_type == SHT_NOBITS ||
		    sh.sh_offset > ix->map_size || sh.sh_size > ix->map_size - sh.sh_offset)
			continue;
		*data = (const char *)ix->map + sh.sh_offset;
		*size = sh.sh_size;
		return true;
	}
	return false;
}

void kp_dwarf_index_section_done(const void *data, size_t size)
{
	release_range(data, (const char *)data + size);
}

void kp_dwarf_index_progress(const struct dwarf_index *ix, size_t *walked, size_t *units)
{
	*walked = ix->next;
	*units = ix->nunits;
}

const struct dwarf_name *kp_dwarf_index_find(struct dwarf_index *ix, const char *name,
					  const uint8_t *kinds, size_t nkinds, bool definition)
{
	bool asked = false;
	/* What the last lookups read (a type's DIEs, faulted in 64 KB at a
	 * time) is given back before this one reads more. */
	if (ix->map)
		release_range(ix->map, (const char *)ix->map + ix->map_size);
	for (;;) {
		for (size_t k = 0; k < nkinds; k++) {
			const struct dwarf_name *e = name_slot(ix, name, kinds[k]);
			if (e->name && (!definition || !e->is_decl))
				return e;
		}
		if (ix->next >= ix->nunits || ix->failed)
			return NULL;
		if (!asked && ix->oracle) {
			bool known = false;
			for (size_t k = 0; k < nkinds && !known; k++)
				known = ix->oracle(ix->oracle_ctx, kinds[k], name);
			if (!known)
				return NULL;
		}
		asked = true;
		index_next_unit(ix);
	}
}
