# salesgen — build, sample run, tests.
#
#   make            install missing Debian packages, build ./salesgen, build
#                   the bundled sample project into out/
#   make check      every test (unit, Mustache spec, golden files, bad input,
#                   site checks), then again under ASan+UBSan; ends with
#                   "N passed, N failed"
#   make install    PREFIX=/usr/local DESTDIR=
#   make valgrind   the unit and golden tests under valgrind
#   make regen      show, then accept, new golden output
#   make fuzz       build the libFuzzer targets (clang)

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
DATADIR	?= $(PREFIX)/share/salesgen
MANDIR	?= $(PREFIX)/share/man

CC	?= cc
OPT	?= -O2 -g
# librsvg's headers (glib, cairo) as system headers: -Werror is for our code
RSVG_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags librsvg-2.0 2>/dev/null))
RSVG_LIBS := $(shell pkg-config --libs librsvg-2.0 2>/dev/null || echo -lrsvg-2 -lcairo -lgobject-2.0 -lglib-2.0)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Igen -Ibuild \
	   -I/usr/include/libxml2 $(RSVG_CFLAGS)
CFLAGS	+= -std=c11 -pthread -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wno-missing-field-initializers $(OPT)
LDLIBS	+= -pthread -lcmark-gfm-extensions -lcmark-gfm -lxml2 -lyaml -lhpdf -lhyphen -lcsv -lfontconfig -lharfbuzz-subset -lharfbuzz -lpng -ljpeg -lgif -lwebp $(RSVG_LIBS) -lnettle -lz -lm

B	:= build
SRCS	:= $(sort $(wildcard gen/*.c))
OBJS	:= $(SRCS:gen/%.c=$(B)/%.o) $(B)/builtin.o
LIBOBJS	:= $(filter-out $(B)/main.o,$(OBJS))
TMPLS	:= $(shell find templates -type f | LC_ALL=C sort)
UNITS	:= $(sort $(wildcard tests/unit/test_*.c))
UNITBIN	:= $(UNITS:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps sample check test asan valgrind install clean regen fuzz

all: salesgen sample

deps:
	@sh .ci/deps build

salesgen: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

# Packages come first: nothing compiles without the -dev headers.
$(OBJS): | deps

$(B)/%.o: gen/%.c gen/*.h | $(B)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/builtin.c: gen/embed.sh $(TMPLS) | $(B)
	sh gen/embed.sh templates > $@.tmp && mv $@.tmp $@

$(B)/builtin.o: $(B)/builtin.c gen/theme.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B) $(B)/tests:
	mkdir -p $@

sample: salesgen
	./salesgen build .

$(B)/tests/json.o: tests/unit/json.c tests/unit/json.h | $(B)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tests/test_%: tests/unit/test_%.c $(LIBOBJS) $(B)/tests/json.o | $(B)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(LIBOBJS) $(B)/tests/json.o $(LDLIBS)

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

valgrind: salesgen units
	@VALGRIND="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99" \
		sh tests/run.sh ./salesgen $(B)

regen: salesgen
	@sh tests/regress.sh ./salesgen --regen

fuzz:
	@sh tests/fuzz/build.sh

install: salesgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 salesgen $(DESTDIR)$(BINDIR)/salesgen
	cp -R templates $(DESTDIR)$(DATADIR)/
	install -m 644 man/salesgen.1 $(DESTDIR)$(MANDIR)/man1/salesgen.1
	for f in man/*.5; do [ -f "$$f" ] && install -m 644 "$$f" $(DESTDIR)$(MANDIR)/man5/ || true; done

clean:
	rm -rf $(B) build-asan salesgen out
