# A chapter named like the glossary page would vanish under the site's own
# page: an error at the chapter.  (A root index.md is the landing page's
# text, see landing-index.sh; one in a folder is a chapter like any other.)
. "$2/tests/harden/lib.sh"
project p
printf '# Lijst\n\nTekst.\n' > p/content/begrippenlijst.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/begrippenlijst.md: error: chapter 'begrippenlijst.md' has the name of the site's own page 'begrippenlijst.html'; rename the chapter" err ||
	fail "no diagnostic at begrippenlijst.md: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
