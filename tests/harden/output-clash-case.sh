# Two chapters whose names differ only in case would be one page on a host
# that does not tell them apart (where the site may be copied): an error
# naming both, and nothing written.
. "$2/tests/harden/lib.sh"
project p
printf '# Groot\n\nTekst.\n' > p/content/Klant.md
printf '# Klein\n\nTekst.\n' > p/content/klant.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/klant.md: error: 'p/content/Klant.md' and 'p/content/klant.md' would both be written to 'klant.html'; rename one" err ||
	fail "no clash diagnostic: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
