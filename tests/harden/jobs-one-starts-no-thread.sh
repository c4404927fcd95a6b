# -j 1 starts no thread at all: no pool workers for the chapters, the site
# pages or a mailing's rows, and in the PDF back end no pattern-loading,
# paragraph-helper, compression or row-freeing thread (strace counts the
# clone calls; before, a 3-chapter build on -j 1 made 16 threads).
. "$2/tests/harden/lib.sh"
command -v strace >/dev/null 2>&1 || fail "strace is missing (.ci/deps test)"
# LeakSanitizer cannot run under ptrace (the ASan build's run)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
strace -f -qq -o probe.txt -e trace=clone,clone3 true 2>probe.err ||
	fail "strace cannot trace here: $(cat probe.err)"

# threads LOG: the threads the traced command started.
threads() { grep -c 'CLONE_THREAD' "$1"; }

python3 "$TOP/bench/gen_course.py" 3 c >/dev/null 2>&1 || fail "gen_course.py failed"
python3 "$TOP/bench/gen_rows.py" 4 rows.csv >/dev/null 2>&1 || fail "gen_rows.py failed"
# one long document: past the helper's 8 KB of text, the compressor's
# fourth page and the row freeing's thousand rows
for k in 1 2 3 4; do cat c/content/*.md; done > long.md

st=$(run err strace -f -qq -o build.txt -e trace=clone,clone3 "$SG" build -q -j 1 c)
[ "$st" = 0 ] || fail "build -j 1: exit status $st: $(head -5 err)"
[ -f c/out/pdf/0001-klantgerichtheid-in-de-zorg.pdf ] || fail "build wrote no chapter PDF"
[ "$(threads build.txt)" = 0 ] || fail "build -j 1 started $(threads build.txt) threads"

st=$(run err strace -f -qq -o render.txt -e trace=clone,clone3 "$SG" render -q -j 1 long.md -o long.pdf)
[ "$st" = 0 ] || fail "render -j 1: exit status $st: $(head -5 err)"
[ "$(pdfinfo long.pdf | awk '/^Pages:/ { print $2 }')" -gt 8 ] || fail "long.pdf is too short to need the compressor"
[ "$(threads render.txt)" = 0 ] || fail "render -j 1 started $(threads render.txt) threads"

st=$(run err strace -f -qq -o merge.txt -e trace=clone,clone3 "$SG" merge -q -j 1 "$TOP/content/mailing/offerte.xml" rows.csv -o m)
[ "$st" = 0 ] || fail "merge -j 1: exit status $st: $(head -5 err)"
[ "$(ls m | grep -c '\.pdf$')" = 4 ] || fail "merge wrote $(ls m | grep -c '\.pdf$') PDFs, not 4"
[ "$(threads merge.txt)" = 0 ] || fail "merge -j 1 started $(threads merge.txt) threads"

# and -j 2 does use them, so the count above can fail (a full build:
# with the cache of the one above it would find nothing changed)
rm -f c/out/.salesgen-cache
st=$(run err strace -f -qq -o build2.txt -e trace=clone,clone3 "$SG" build -q -j 2 c)
[ "$st" = 0 ] || fail "build -j 2: exit status $st: $(head -5 err)"
[ "$(threads build2.txt)" -gt 0 ] || fail "build -j 2 started no thread: the probe sees none"
exit 0
