# salesgen — build, sample run, tests.
#
#   make            install missing Debian packages, build ./salesgen, build
#                   the bundled sample project into out/
#   make check      every test (unit, Mustache spec, golden files, bad input,
#                   site checks), then again under ASan+UBSan; ends with
#                   "N passed, N failed"
#   make install    PREFIX=/usr/local DESTDIR=
#   make valgrind   the unit and golden tests under valgrind
#   make regen      show each difference from the golden files and ask
#                   (REGEN=yes: accept all; no terminal: accept none)
#   make tsan       the golden, PDF and hardening suites on a
#                   ThreadSanitizer build, every run on -j 4
#   make fuzz       build the libFuzzer targets (clang)

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/salesgen
MANDIR	?= $(PREFIX)/share/man

CC	?= cc
OPT	?= -O2 -g
# The libraries' flags come from pkg-config.  libharu, libhyphen and libcsv
# ship no .pc file in Debian: those are named by hand.  Headers of the
# libraries are system headers (-isystem): -Werror is for our code, and
# librsvg's glib and cairo headers do not pass -Wstrict-prototypes.
# librsvg and libmicrohttpd are compiled against but not linked: gen/dl.c
# opens them when an SVG is drawn or serve starts, so that the 40-odd
# libraries they bring are not loaded and relocated at every start.
PKGS	:= libcmark-gfm libxml-2.0 yaml-0.1 fontconfig harfbuzz-subset \
	   harfbuzz libpng libjpeg libgif libwebp nettle zlib \
	   hunspell libdeflate
DL_PKGS	:= librsvg-2.0 libmicrohttpd
NOPC_LIBS := -lhpdf -lhyphen -lcsv -lstemmer
PKG_CFLAGS = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(PKGS) $(DL_PKGS) 2>/dev/null))
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igen -Ibuild \
	   $(PKG_CFLAGS)
CFLAGS	+= -std=c11 -pthread -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wno-missing-field-initializers $(OPT)
# Each object's header dependencies, written by the compiler (-MMD).
DEPFLAGS := -MMD -MP
LDLIBS	+= -pthread $(PKG_LIBS) $(NOPC_LIBS) -lm

B	:= build
SRCS	:= $(sort $(wildcard gen/*.c gen/pdf/*.c))
OBJS	:= $(SRCS:gen/%.c=$(B)/%.o) $(B)/builtin.o
LIBOBJS	:= $(filter-out $(B)/main.o,$(OBJS))
TMPLS	:= $(shell find templates -type f | LC_ALL=C sort)
UNITS	:= $(sort $(wildcard tests/unit/test_*.c))
UNITBIN	:= $(UNITS:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps sample check test asan valgrind tsan install clean regen fuzz

all: salesgen sample

# The one step that installs missing Debian packages (.ci/deps, as root;
# otherwise it prints the apt-get line).  `make NODEPS=1` skips it, for a
# machine whose packages are managed otherwise.
ifeq ($(NODEPS),)
deps:
	@sh .ci/deps build
else
deps:
	@:
endif

salesgen: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# Packages come first: nothing compiles without the -dev headers.  An
# object is remade when its source, a header it included (its .d file) or
# this Makefile changes; one without a .d file (a build from before -MMD)
# is remade too, through the empty rule for the .d files below.
$(OBJS): Makefile | deps

$(B)/%.o: gen/%.c $(B)/%.d | $(B) $(B)/pdf
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(B)/builtin.c: gen/embed.sh $(TMPLS) | $(B)
	sh gen/embed.sh templates > $@.tmp && mv $@.tmp $@

$(B)/builtin.o: $(B)/builtin.c
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(B) $(B)/tests $(B)/pdf:
	mkdir -p $@

sample: salesgen
	./salesgen build .

$(B)/tests/json.o: tests/unit/json.c | $(B)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(B)/tests/test_%: tests/unit/test_%.c $(LIBOBJS) $(B)/tests/json.o | $(B)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -Itests/unit -o $@ $< $(LIBOBJS) $(B)/tests/json.o $(LDLIBS)

units: $(UNITBIN)

# The whole suite, then the same suite on a sanitizer build.
check: salesgen units
	@sh .ci/deps test
	@$(MAKE) -s asan-build
	@sh tests/run.sh ./salesgen $(B) build-asan

test: check

asan-build:
	@$(MAKE) -s B=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" build-asan/salesgen-asan build-asan-units

build-asan/salesgen-asan: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build-asan-units: $(UNITBIN)

# Not part of `make check`: a ThreadSanitizer run takes several minutes.
tsan:
	@$(MAKE) -s B=build-tsan OPT="-O1 -g -fsanitize=thread" \
		LDFLAGS="-fsanitize=thread" build-tsan/salesgen-tsan \
		build-tsan/tests/test_pool build-tsan/tests/test_fcache
	@sh tests/tsan.sh build-tsan/salesgen-tsan 4

build-tsan/salesgen-tsan: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

valgrind: salesgen units
	@VALGRIND="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99" \
		sh tests/run.sh ./salesgen $(B)

# Every kind of golden file, each difference shown and asked about;
# REGEN=yes accepts all, no terminal accepts none (tests/regen.sh).
regen: salesgen units
	@sh tests/regen.sh ./salesgen $(B)

fuzz:
	@sh tests/fuzz/build.sh

install: salesgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 salesgen $(DESTDIR)$(BINDIR)/salesgen
	cp -R templates $(DESTDIR)$(DATADIR)/
	install -m 644 man/salesgen.1 $(DESTDIR)$(MANDIR)/man1/salesgen.1
	for f in man/*.5; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(MANDIR)/man5/ || true; done

clean:
	rm -rf $(B) build-asan build-tsan salesgen out

DEPFILES := $(SRCS:gen/%.c=$(B)/%.d)
$(DEPFILES):
-include $(DEPFILES) $(B)/builtin.d $(B)/tests/json.d $(UNITBIN:=.d)
