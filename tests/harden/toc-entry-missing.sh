# A page another tool's table of contents names but that is not there is a
# warning at its line and column in the table; the rest builds in the
# table's order.
. "$2/tests/harden/lib.sh"
mkdir -p p
printf 'format: jb-book\nroot: intro\nchapters:\n  - file: b\n  - file: weg\n  - file: a\n' > p/_toc.yml
printf '# Intro\n\nWelkom.\n' > p/intro.md
printf '# A\n\nTekst.\n' > p/a.md
printf '# B\n\nTekst.\n' > p/b.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qx "p/_toc.yml:5:11: warning: 'weg.md' is named in the table of contents but is no chapter here; it is left out" err ||
	fail "no warning at the entry: $(cat err)"
a=$(grep -n 'href="a.html"><span' p/out/site/index.html | tail -1 | cut -d: -f1)
b=$(grep -n 'href="b.html"><span' p/out/site/index.html | tail -1 | cut -d: -f1)
[ -n "$a" ] && [ -n "$b" ] && [ "$b" -lt "$a" ] || fail "not in the table's order (b before a)"
exit 0
