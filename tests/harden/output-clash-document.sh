# A chapter and a sales document with the same stem would write the same
# page and PDF: an error naming both, and nothing written.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data
printf '# Offerte\n\nTekst.\n' > p/content/offerte.md
cp "$2/content/data/offerte-hendriks.xml" p/content/data/offerte.xml
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/data/offerte.xml: error: 'p/content/offerte.md' and 'p/content/data/offerte.xml' would both be written to 'offerte.html'; rename one" err ||
	fail "no clash diagnostic: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
