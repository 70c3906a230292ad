# kpage build. `make` builds build/kpage; `make demo` installs what is missing,
# builds and runs kpage on the demo dump; `make check` runs every test.
-include config.mk

CC ?= gcc
PREFIX ?= /usr/local
B := build
WARN := -Wall -Wextra -Werror -Wno-format-truncation
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -g -Iinclude -Isrc -Isrc/cmd $(WARN) \
	$(LIBDW_CFLAGS) $(LIBELF_CFLAGS) $(LIBKDUMPFILE_CFLAGS) $(LIBBPF_CFLAGS) $(LIBDEBUGINFOD_CFLAGS)
CFLAGS ?= -O2
LIBS := $(LIBDW_LIBS) $(LIBELF_LIBS) $(LIBKDUMPFILE_LIBS) $(LIBBPF_LIBS) -ldl \
	$(READLINE_LIBS) -lpthread
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# src/: libkpage (the layers, kpage.h's API); src/cmd/: the command-line
# tool on top of it (commands, query parser, shell, main).
LIB_SRCS := $(wildcard src/*.c)
CMD_SRCS := $(wildcard src/cmd/*.c)
HDRS := $(wildcard include/kpage/*.h src/*.h src/cmd/*.h)

LIB_OBJS := $(LIB_SRCS:src/%.c=$(B)/obj/%.o)
CMD_OBJS := $(CMD_SRCS:src/%.c=$(B)/obj/%.o)
ASAN_OBJS := $(LIB_SRCS:src/%.c=$(B)/asan/%.o) $(CMD_SRCS:src/%.c=$(B)/asan/%.o)

all: $(B)/kpage

# The build dependencies first (autoconf among them): on a fresh machine
# make demo or make check would otherwise run autoconf and configure before
# tests/deps.sh installed them.
configure: configure.ac
	sh tests/deps.sh build
	autoconf

config.mk: configure config.mk.in
	sh tests/deps.sh build
	./configure -q

$(B)/obj/%.o: src/%.c $(HDRS) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/asan/%.o: src/%.c $(HDRS) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) -O1 $(SAN) -c $< -o $@

$(B)/libkpage.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(B)/kpage: $(CMD_OBJS) $(B)/libkpage.a
	$(CC) $(CFLAGS) -o $@ $(CMD_OBJS) $(B)/libkpage.a $(LIBS)

$(B)/kpage-asan: $(ASAN_OBJS)
	$(CC) $(SAN) -o $@ $^ $(LIBS)

# Unit tests link the library directly.
UNIT_SRCS := $(wildcard tests/unit/*.c)
$(B)/unit/%: tests/unit/%.c $(B)/libkpage.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -o $@ $< $(B)/libkpage.a $(LIBS)

# contrib/: examples of the library's public API, built with the public
# header alone (no -Isrc), as a user outside the tree would.
CONTRIB := $(patsubst contrib/%.c,$(B)/contrib/%,$(wildcard contrib/*.c))
$(B)/contrib/%: contrib/%.c include/kpage/kpage.h $(B)/libkpage.a
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -g $(WARN) $(CFLAGS) -Iinclude -o $@ $< $(B)/libkpage.a $(LIB_LIBS)

deps:
	sh tests/deps.sh build

DEMO := $(B)/demo
# The demo dump: a 6.1 machine with two NUMA nodes, generated from
# dwarf/v6_1.c (nothing binary in the repository).
demo: deps
	$(MAKE) all
	sh tests/fixtures/make-fixture.sh v6_1 vmemmap $(DEMO) 2
	$(B)/kpage --vmlinux $(DEMO)/vmlinux --core $(DEMO)/vmcore stat
	$(B)/kpage --vmlinux $(DEMO)/vmlinux --core $(DEMO)/vmcore free --node 1
	$(B)/kpage --vmlinux $(DEMO)/vmlinux --core $(DEMO)/vmcore top --limit 3
	@echo "Try: $(B)/kpage --vmlinux $(DEMO)/vmlinux --core $(DEMO)/vmcore   (the shell; help lists commands)"

check:
	sh tests/deps.sh test
	$(MAKE) all $(B)/kpage-asan $(CONTRIB) $(UNIT_SRCS:tests/unit/%.c=$(B)/unit/%) $(FUZZ_TARGETS:%=$(B)/fuzz/%) \
		$(B)/fuzz/seed_freelist
	sh tests/run-tests.sh

bench: all
	sh tests/bench/run.sh

clean:
	rm -rf $(B)

.PHONY: all deps demo check bench clean

# kpage.pc: what a program of libkpage's API links with (the library's own
# dependencies; readline is the tool's, not the library's).
LIB_LIBS := $(LIBDW_LIBS) $(LIBELF_LIBS) $(LIBKDUMPFILE_LIBS) $(LIBBPF_LIBS) -ldl -lpthread
$(B)/kpage.pc: Makefile config.mk
	@mkdir -p $(B)
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: kpage\nDescription: physical pages of a Linux kernel from a vmcore or /proc/kcore\nVersion: 0\nCflags: -I$${includedir}\nLibs: -L$${libdir} -lkpage\nLibs.private: %s\n' \
		'$(PREFIX)' '$(strip $(LIB_LIBS))' > $@

install: all $(B)/kpage.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/lib/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/kpage \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(B)/kpage $(DESTDIR)$(PREFIX)/bin/kpage
	install -m 644 $(B)/libkpage.a $(DESTDIR)$(PREFIX)/lib/libkpage.a
	install -m 644 $(B)/kpage.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/kpage.pc
	install -m 644 include/kpage/kpage.h $(DESTDIR)$(PREFIX)/include/kpage/kpage.h
	install -m 644 man/kpage.1 $(DESTDIR)$(PREFIX)/share/man/man1/kpage.1
	install -m 644 contrib/kpage.bash-completion $(DESTDIR)$(PREFIX)/share/bash-completion/completions/kpage

.PHONY: install

# libFuzzer targets (clang): `make fuzz FUZZ_SECONDS=600` runs each for that
# long; `make check` runs a short smoke of each. Corpora: tests/fuzz/corpus-*
# (seeded at first run from the fixtures), kept under build/.
FUZZ_TARGETS := fuzz_vmcoreinfo fuzz_decode fuzz_layout fuzz_freelist fuzz_commands
FUZZ_SECONDS ?= 60
FUZZ_HDRS := $(wildcard tests/fuzz/*.h)
FUZZ_CFLAGS := -std=gnu11 -D_GNU_SOURCE -g -O1 -Iinclude -Isrc -Isrc/cmd -fsanitize=fuzzer,address,undefined \
	$(LIBDW_CFLAGS) $(LIBELF_CFLAGS) $(LIBKDUMPFILE_CFLAGS) $(LIBDEBUGINFOD_CFLAGS)
$(B)/fuzz/%: tests/fuzz/%.c $(LIB_SRCS) $(HDRS) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRCS) $(LIBS)

# fuzz_commands runs the commands as the command line does: it links them
# and the shell's kp_run_command too (all of CMD_SRCS but main.c).
FUZZ_CMD_SRCS := $(filter-out src/cmd/main.c,$(CMD_SRCS))
$(B)/fuzz/fuzz_commands: tests/fuzz/fuzz_commands.c tests/fuzz/commands_nocov.txt $(LIB_SRCS) $(FUZZ_CMD_SRCS) \
		$(HDRS) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize-coverage-ignorelist=tests/fuzz/commands_nocov.txt \
		-o $@ $< $(LIB_SRCS) $(FUZZ_CMD_SRCS) $(LIBS)

# Writes fuzz_freelist's seeds from a fixture dump (plain build, not fuzzed).
$(B)/fuzz/seed_freelist: tests/fuzz/seed_freelist.c $(B)/libkpage.a $(HDRS) $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BASE_CFLAGS) $(CFLAGS) -o $@ $< $(B)/libkpage.a $(LIBS)

fuzz: $(FUZZ_TARGETS:%=$(B)/fuzz/%) $(B)/fuzz/seed_freelist
	sh tests/fuzz/run.sh $(FUZZ_SECONDS)

.PHONY: fuzz
