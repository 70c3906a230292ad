/* The types memo's file: $XDG_CACHE_HOME/kpage/types/BUILD-ID, the answers
 * a vmlinux's types gave, one per line, loaded at open and saved at close
 * (its directory made as needed; a memo that cannot be kept is said once). */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "types_impl.h"
#include "types.h"

bool kp_memo_read_build_id(const char *path, char *out, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	Elf *elf;
	Elf_Scn *scn = NULL;
	bool found = false;

	if (fd < 0)
		return false;
	elf_version(EV_CURRENT);
	elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
	while (elf && !found && (scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		GElf_Nhdr nh;
		size_t off = 0, name_off, desc_off;
		Elf_Data *d;
		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE || !(d = elf_getdata(scn, NULL)))
			continue;
		while (!found && (off = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
			/* .notes also holds Xen notes whose types reuse the numbers */
			if (nh.n_type != NT_GNU_BUILD_ID || nh.n_namesz != 4 ||
			    memcmp((char *)d->d_buf + name_off, "GNU", 4) != 0 ||
			    nh.n_descsz * 2 + 1 > len)
				continue;
			for (size_t i = 0; i < nh.n_descsz; i++)
				snprintf(out + 2 * i, 3, "%02x", ((unsigned char *)d->d_buf)[desc_off + i]);
			found = nh.n_descsz > 0;
		}
	}
	if (elf)
		elf_end(elf);
	close(fd);
	return found;
}

const char *kp_memo_get(struct kp_types *ty, const char *key)
{
	for (size_t i = 0; i < ty->n; i++)
		if (strcmp(ty->m[i].key, key) == 0)
			return ty->m[i].val;
	return NULL;
}

void kp_memo_put(struct kp_types *ty, const char *key, const char *val, bool dirty)
{
	if (ty->n == ty->cap) {
		size_t cap = ty->cap ? ty->cap * 2 : 256;
		struct memo *m = realloc(ty->m, cap * sizeof(*m));
		if (!m)
			return;
		ty->m = m;
		ty->cap = cap;
	}
	ty->m[ty->n].key = strdup(key);
	ty->m[ty->n].val = strdup(val);
	if (ty->m[ty->n].key && ty->m[ty->n].val)
		ty->n++;
	ty->dirty |= dirty;
}

void kp_memo_load(struct kp_types *ty)
{
	FILE *f = fopen(ty->memo_path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f)
		return;
	if ((len = getline(&line, &cap, f)) <= 0 || strncmp(line, MEMO_VERSION "\n", (size_t)len)) {
		fclose(f);
		free(line);
		return;
	}
	while ((len = getline(&line, &cap, f)) > 0) {
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		line[len - 1] = line[len - 1] == '\n' ? '\0' : line[len - 1];
		*tab = '\0';
		kp_memo_put(ty, line, tab + 1, false);
	}
	free(line);
	fclose(f);
}

/* mkdir -p of the directory of PATH; false (errno set) when it cannot be. */
static bool memo_make_dirs(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		return true;
	*slash = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return false;
		*p = c;
		if (!c)
			return true;
	}
}

/* Written whole to a temporary file and renamed: readers never see half. A
 * memo that cannot be kept is said once: every run then reads the DWARF. */
void kp_memo_save(struct kp_types *ty)
{
	char tmp[4200];
	FILE *f = NULL;

	if (!ty->dirty || !ty->memo_path[0])
		return;
	snprintf(tmp, sizeof(tmp), "%s.%d", ty->memo_path, (int)getpid());
	if (memo_make_dirs(ty->memo_path) && (f = fopen(tmp, "w"))) {
		fprintf(f, MEMO_VERSION "\n");
		for (size_t i = 0; i < ty->n; i++)
			fprintf(f, "%s\t%s\n", ty->m[i].key, ty->m[i].val);
		if (fclose(f) == 0 && rename(tmp, ty->memo_path) == 0)
			return;
	}
	int e = errno;
	unlink(tmp);
	fprintf(stderr, "kpage: note: the types memo cannot be kept in %s (%s): every run reads "
		"the DWARF again (KPAGE_NO_TYPES_CACHE=1 silences this)\n", ty->memo_path, strerror(e));
}

