# A chapter named index.md (or like the glossary page) would vanish under
# the site's own page: an error at the chapter.
. "$2/tests/harden/lib.sh"
project p
printf '# Welkom\n\nTekst.\n' > p/content/index.md
printf '# Lijst\n\nTekst.\n' > p/content/begrippenlijst.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/index.md: error: chapter 'index.md' has the name of the site's own page 'index.html'; rename the chapter" err ||
	fail "no diagnostic at index.md: $(cat err)"
grep -qx "p/content/begrippenlijst.md: error: chapter 'begrippenlijst.md' has the name of the site's own page 'begrippenlijst.html'; rename the chapter" err ||
	fail "no diagnostic at begrippenlijst.md: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
