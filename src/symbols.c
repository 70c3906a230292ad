/* Kernel symbols from the vmlinux symtab (libelf), at their link-time
 * addresses; the memory model adds the KASLR offset. Only data symbols
 * (objects and untyped ones, as assembly defines them) are indexed. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kpage/kpage.h"
#include "internal.h"
#include "symbols.h"
#include "types.h"

struct sym { const char *name; uint64_t addr; uint32_t hash; bool global; };

struct kp_symbols {
	int fd;
	void *map;            /* the file, PROT_READ (NULL: libelf maps it) */
	size_t map_size;
	Elf *elf;
	const char *path;
	Elf_Scn *symtab;      /* loaded on the first lookup the memo cannot answer */
	bool loaded;
	kp_error *load_err;   /* why loading it failed: every lookup then fails */
	struct kp_types *memo;  /* answers kept with the types memo (build-id) */
	struct sym *syms;     /* in symtab order */
	size_t n;
	/* Open addressing by name: index + 1 into syms, 0 empty. A vmlinux
	 * has some 150,000 symbols and a session looks up a few dozen, so a
	 * hash (a few million instructions to build) beats sorting them by
	 * name (130 million, most of the start-up time of a small dump). */
	uint32_t *slot;
	size_t mask;
	uint8_t build_id[64];
	size_t build_id_len;
};

/* FNV-1a of the string at P, reading at most MAX bytes; false when no NUL
 * ends it within them (a damaged string table). */
static bool sym_hash(const char *p, size_t max, uint32_t *hash)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < max; i++) {
		if (!p[i]) {
			*hash = h;
			return true;
		}
		h = (h ^ (uint8_t)p[i]) * 16777619u;
	}
	return false;
}

/* Where NAME (of hash H) is, or the empty slot where it would go. The
 * stored hashes spare most string compares, whose reads of other names
 * all over the string table were most of the index's time. */
static uint32_t *sym_slot(const struct kp_symbols *s, const char *name, uint32_t h)
{
	size_t i = h & s->mask;
	while (s->slot[i]) {
		const struct sym *y = &s->syms[s->slot[i] - 1];
		if (y->hash == h && !strcmp(y->name, name))
			break;
		i = (i + 1) & s->mask;
	}
	return &s->slot[i];
}

/* Indexes the symbols by name; of equal names, the first global one wins
 * (a static of the same name in some file must not hide it). */
static bool symbols_index(struct kp_symbols *s)
{
	size_t size = 16;
	while (size < 2 * s->n)
		size *= 2;
	if (!(s->slot = calloc(size, sizeof(*s->slot))))
		return false;
	s->mask = size - 1;
	for (size_t i = 0; i < s->n; i++) {
		uint32_t *slot = sym_slot(s, s->syms[i].name, s->syms[i].hash);
		if (!*slot || (s->syms[i].global && !s->syms[*slot - 1].global))
			*slot = (uint32_t)i + 1;
	}
	return true;
}

static void symbols_read_build_id(struct kp_symbols *s, Elf_Scn *scn, GElf_Shdr *sh)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	size_t off = 0, name_off, desc_off;
	GElf_Nhdr nh;

	if (sh->sh_type != SHT_NOTE || !data)
		return;
	while ((off = gelf_getnote(data, off, &nh, &name_off, &desc_off)) > 0) {
		if (nh.n_type == NT_GNU_BUILD_ID && nh.n_namesz == 4 &&
		    memcmp((char *)data->d_buf + name_off, "GNU", 4) == 0 &&
		    nh.n_descsz <= sizeof(s->build_id)) {
			memcpy(s->build_id, (char *)data->d_buf + desc_off, nh.n_descsz);
			s->build_id_len = nh.n_descsz;
			return;
		}
	}
}

static kp_error *symbols_load_table(struct kp_symbols *s, Elf_Scn *scn, GElf_Shdr *sh,
				    const char *path)
{
	Elf_Data *data = elf_getdata(scn, NULL);
	Elf_Scn *strscn = elf_getscn(s->elf, sh->sh_link);
	Elf_Data *str = strscn ? elf_getdata(strscn, NULL) : NULL;
	size_t count = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	if (!data || !str || !str->d_buf)
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: libelf cannot "
				 "read %s", path, !data ? "its entries" : "its string table");
	s->syms = calloc(count ? count : 1, sizeof(*s->syms));
	if (!s->syms)
		return kp_errorf(KP_EXIT_INPUT, "out of memory reading symbols of %s", path);
	for (size_t i = 0; i < count; i++) {
		GElf_Sym sym;
		struct sym *y = &s->syms[s->n];
		if (!gelf_getsym(data, (int)i, &sym))
			continue;
		int type = GELF_ST_TYPE(sym.st_info);
		if (sym.st_shndx == SHN_UNDEF || (type != STT_OBJECT && type != STT_NOTYPE) ||
		    sym.st_name >= str->d_size)
			continue;
		y->name = (const char *)str->d_buf + sym.st_name;
		if (!*y->name || !sym_hash(y->name, str->d_size - sym.st_name, &y->hash))
			continue;
		y->addr = sym.st_value;
		y->global = GELF_ST_BIND(sym.st_info) != STB_LOCAL;
		s->n++;
	}
	struct sym *fit = s->n ? realloc(s->syms, s->n * sizeof(*s->syms)) : NULL;
	if (fit)
		s->syms = fit;     /* the functions skipped were over half */
	if (s->n >= UINT32_MAX || !symbols_index(s))
		return kp_errorf(KP_EXIT_INPUT, "out of memory reading symbols of %s", path);
	/* Every vmlinux has thousands (jiffies, init_task...): none means
	 * names outside the string table or entries of another size. */
	if (!s->n)
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: none of its %zu "
				 "entries names a data symbol", path, count);
	return NULL;
}

/* The symtab's header and its string table's, checked at open (no page
 * of either is read): a damaged one is said so at once, not later as a
 * symbol the kernel lacks. */
static kp_error *symbols_check_table(struct kp_symbols *s, const char *path)
{
	GElf_Shdr sh, strsh;
	Elf_Scn *strscn;

	if (!gelf_getshdr(s->symtab, &sh))
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: its section "
				 "header does not read", path);
	if (sh.sh_entsize != (gelf_getclass(s->elf) == ELFCLASS32 ? sizeof(Elf32_Sym) :
			      sizeof(Elf64_Sym)) || sh.sh_size % sh.sh_entsize)
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: %llu bytes of "
				 "entries of %llu bytes", path, (unsigned long long)sh.sh_size,
				 (unsigned long long)sh.sh_entsize);
	if (!(strscn = elf_getscn(s->elf, sh.sh_link)) || !gelf_getshdr(strscn, &strsh) ||
	    strsh.sh_type != SHT_STRTAB)
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: its string table "
				 "(section %u) is not a string table", path, (unsigned)sh.sh_link);
	if (s->map && (sh.sh_offset > s->map_size || sh.sh_size > s->map_size - sh.sh_offset ||
		       strsh.sh_offset > s->map_size || strsh.sh_size > s->map_size - strsh.sh_offset))
		return kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: it lies past the "
				 "end of the file (%zu bytes)", path, s->map_size);
	return NULL;
}

kp_error *kp_symbols_open(const char *path, struct kp_symbols **out)
{
	struct kp_symbols *s = calloc(1, sizeof(*s));
	Elf_Scn *scn = NULL;
	kp_error *err = NULL;

	if (!s)
		return kp_errorf(KP_EXIT_INPUT, "out of memory");
	elf_version(EV_CURRENT);
	s->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s->fd < 0) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if ((err = kp_input_check(path, s->fd, "a vmlinux")))
		goto fail;
	/* Mapped here, so that the symtab's pages can be given back once it
	 * is indexed (symbols_load). */
	struct stat st;
	if (fstat(s->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (s->map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, s->fd, 0)) != MAP_FAILED)
		s->map_size = (size_t)st.st_size;
	else
		s->map = NULL;
	s->elf = s->map ? elf_memory(s->map, s->map_size) : elf_begin(s->fd, ELF_C_READ_MMAP, NULL);
	if (!s->elf || elf_kind(s->elf) != ELF_K_ELF) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: not an ELF file", path);
		goto fail;
	}
	while ((scn = elf_nextscn(s->elf, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh))
			continue;
		if (sh.sh_type == SHT_SYMTAB && !s->symtab && sh.sh_size)
			s->symtab = scn;
		if (!s->build_id_len)
			symbols_read_build_id(s, scn, &sh);
	}
	if (!s->symtab) {
		err = kp_errorf(KP_EXIT_INPUT, "%s: no symbol table (a stripped vmlinux?)", path);
		goto fail;
	}
	if ((err = symbols_check_table(s, path)))
		goto fail;
	if (!(s->path = strdup(path))) {
		err = kp_errorf(KP_EXIT_INPUT, "out of memory");
		goto fail;
	}
	*out = s;
	return NULL;
fail:
	kp_symbols_close(s);
	return err;
}

void kp_symbols_close(struct kp_symbols *s)
{
	if (!s)
		return;
	free(s->syms);
	free(s->slot);
	kp_error_free(s->load_err);
	free((char *)s->path);
	if (s->elf)
		elf_end(s->elf);
	if (s->map)
		munmap(s->map, s->map_size);
	if (s->fd >= 0)
		close(s->fd);
	free(s);
}

void kp_symbols_set_memo(struct kp_symbols *s, struct kp_types *ty)
{
	s->memo = ty;
}

/* The symtab read and indexed, once; false when it cannot be (a damaged
 * symtab or no memory): every lookup then fails, and load_err says why
 * (kp_symbols_load_error), for the caller that would name a missing symbol. */
static bool symbols_load(struct kp_symbols *s)
{
	GElf_Shdr sh;
	if (!s->loaded) {
		s->loaded = true;
		s->load_err = gelf_getshdr(s->symtab, &sh) ?
			symbols_load_table(s, s->symtab, &sh, s->path) :
			kp_errorf(KP_EXIT_INPUT, "%s: its symbol table is damaged: its section "
				  "header does not read", s->path);
		if (s->load_err) {
			free(s->slot);
			s->slot = NULL;
		}
		/* Indexed: the names are read again only to compare one. */
		if (s->map)
			madvise(s->map, s->map_size, MADV_DONTNEED);
	}
	return s->slot != NULL;
}

bool kp_symbols_lookup(const struct kp_symbols *cs, const char *name, uint64_t *addr)
{
	/* Lookups fill caches (the index, the memo): const only to callers. */
	struct kp_symbols *s = (struct kp_symbols *)cs;
	char key[300], val[40];
	const char *memo;
	uint32_t h = 0;

	snprintf(key, sizeof(key), "sym %s", name);
	if (s->memo && (memo = kp_types_memo_get(s->memo, key))) {
		if (!strcmp(memo, "-"))
			return false;
		*addr = strtoull(memo, NULL, 16);
		return true;
	}
	if (!symbols_load(s))
		return false;
	sym_hash(name, SIZE_MAX, &h);
	uint32_t at = *sym_slot(s, name, h);
	if (at)
		*addr = s->syms[at - 1].addr;
	if (s->memo && strlen(name) < 256) {
		snprintf(val, sizeof(val), at ? "%llx" : "-", (unsigned long long)*addr);
		kp_types_memo_note(s->memo, key, val);
	}
	return at != 0;
}

bool kp_symbols_read_string(const struct kp_symbols *s, const char *name, char *buf,
			    size_t len)
{
	uint64_t addr;
	Elf_Scn *scn = NULL;

	if (!len || !kp_symbols_lookup(s, name, &addr))
		return false;
	while ((scn = elf_nextscn(s->elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *data;
		if (!gelf_getshdr(scn, &sh) || !(sh.sh_flags & SHF_ALLOC) || sh.sh_type == SHT_NOBITS ||
		    addr < sh.sh_addr || addr >= sh.sh_addr + sh.sh_size)
			continue;
		data = elf_getdata(scn, NULL);
		if (!data || !data->d_buf)
			return false;
		size_t off = addr - sh.sh_addr, n = 0;
		const char *src = (const char *)data->d_buf + off;
		while (n + 1 < len && off + n < data->d_size && src[n])
			n++;
		memcpy(buf, src, n);
		buf[n] = '\0';
		return true;
	}
	return false;
}

const char *kp_symbols_load_error(const struct kp_symbols *s)
{
	return s && s->load_err ? kp_error_message(s->load_err) : NULL;
}

const char *kp_symbols_build_id(const struct kp_symbols *s, size_t *len)
{
	*len = s->build_id_len;
	return (const char *)s->build_id;
}
