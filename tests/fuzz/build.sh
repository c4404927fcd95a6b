#!/bin/sh
# Builds every tests/fuzz/fuzz_*.c into build/fuzz/ as a libFuzzer binary:
# clang with -fsanitize=fuzzer,address,undefined (undefined behaviour stops
# the run like a crash), the Makefile's -D flags and libraries, all of
# gen/*.c but main.c, and build/builtin.c (the embedded templates; made by
# `make salesgen`, or made here when missing).
# -D flags named in a target's opening comment (before its first #include),
# such as fuzz_tmpl.c's -DTMPL_MAX_STEPS=200000, are added to its build.
#
#   sh tests/fuzz/build.sh [NAME...]  (NAME: fuzz_pdf ...; none: all) then e.g.
#   build/fuzz/fuzz_md -max_total_time=120 tests/fuzz/corpus/md
#   (libFuzzer writes new inputs into the first corpus directory; give it
#   a scratch copy to keep the seeds as they are.)
#
# CLANG=clang-14 picks another compiler; FUZZ_CFLAGS adds flags.
#
# What a run finds: minimise it (-minimize_crash=1), fix its cause and keep
# it in tests/fuzz/crashes/ (in a subfolder named after its target when the
# file alone does not say how to replay it: pdf/, data_pdf/), where
# tests/fuzz.sh replays it through salesgen in `make check`; with a .err
# beside it, its diagnostics are checked too.  One whose cause is not fixed
# yet waits in tests/fuzz/pending/ (not replayed; its README says why).
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
CLANG=${CLANG:-clang}

if ! command -v "$CLANG" >/dev/null 2>&1; then
	echo "build.sh: $CLANG not found.  Install it (libFuzzer comes with" >&2
	echo "Debian's clang runtime) with:" >&2
	echo "  apt-get install -y clang libclang-rt-14-dev" >&2
	exit 1
fi

# The Makefile's flags, so the fuzzers see the code as the program does.
# shellcheck disable=SC2016
mkvar() {
	printf '_fuzz_print:\n\t@echo $(%s)\n' "$1" |
	    make -s --no-print-directory -f Makefile -f - _fuzz_print 2>/dev/null
}
defs=$(for f in $(mkvar CPPFLAGS); do case $f in -D*) echo "$f";; esac; done)
[ -n "$defs" ] || defs="-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
incs=$(mkvar PKG_CFLAGS)
libs=$(mkvar LDLIBS)
[ -n "$libs" ] || libs="-lcmark-gfm-extensions -lcmark-gfm -lxml2 -lyaml -lm"

if [ ! -f build/builtin.c ]; then
	make -s build/builtin.c || {
		echo "build.sh: build/builtin.c is missing; run 'make salesgen' first" >&2
		exit 1
	}
fi

srcs=
for f in gen/*.c gen/pdf/*.c; do
	[ "$f" = gen/main.c ] || srcs="$srcs $f"
done

mkdir -p build/fuzz || exit 1
rc=0
n=0
want=" $* "
for t in tests/fuzz/fuzz_*.c; do
	[ -f "$t" ] || continue
	[ $# -eq 0 ] || case $want in *" $(basename "$t" .c) "*) ;; *) continue ;; esac
	name=$(basename "$t" .c)
	extra=$(sed '/^#include/q' "$t" |
	    grep -o -- '-D[A-Za-z_][A-Za-z0-9_]*\(=[A-Za-z0-9_.]*\)\{0,1\}' |
	    sort -u | tr '\n' ' ' | sed 's/ $//')
	echo "build.sh: build/fuzz/$name${extra:+ ($extra)}"
	# shellcheck disable=SC2086
	if "$CLANG" -std=c11 -g -O1 -fno-omit-frame-pointer \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $defs $extra $FUZZ_CFLAGS \
	    -Igen -Ibuild $incs \
	    -o "build/fuzz/$name" "$t" $srcs build/builtin.c $libs; then
		n=$((n + 1))
	else
		echo "build.sh: $name failed to build" >&2
		rc=1
	fi
done
if [ "$n" -eq 0 ] && [ "$rc" -eq 0 ]; then
	echo "build.sh: no tests/fuzz/fuzz_*.c found" >&2
	rc=1
fi
exit $rc
