# The site build reads each chapter's file once: the pass that reads the
# front matters' order: keeps the text for the scan, which read it again
# (strace counts the opens; before, each chapter was opened twice).
. "$2/tests/harden/lib.sh"
command -v strace >/dev/null 2>&1 || fail "strace is missing (.ci/deps test)"
# LeakSanitizer cannot run under ptrace (the ASan build's run)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
project p
printf -- '---\norder: 1\n---\n# Derde\n\nTekst.\n' > p/content/03-derde.md
for j in 1 2; do
	rm -rf p/out
	st=$(run err strace -f -qq -o trace.txt -e trace=open,openat "$SG" build -q -j $j --only site p)
	[ "$st" = 0 ] || fail "build -j $j: exit status $st: $(head -5 err)"
	[ -f p/out/site/03-derde.html ] || fail "build -j $j wrote no page for 03-derde.md"
	for f in 01-eerste 02-tweede 03-derde; do
		n=$(grep -c "content/$f\.md\"" trace.txt)
		[ "$n" = 1 ] || fail "build -j $j opened $f.md $n times, want 1: $(grep "content/$f\.md\"" trace.txt)"
	done
done
exit 0
