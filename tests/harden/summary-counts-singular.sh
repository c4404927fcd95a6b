# The summary lines are grammatical English for one of a kind: "1
# chapter", "1 term", "1 document", not "1 chapters".
. "$2/tests/harden/lib.sh"
mkdir -p p/content/data
printf '# Enige\n\n> [!definitie] Offerte\n> Een aanbod aan een klant.\n' > p/content/01-enige.md
cp "$TOP/tests/regress/cli/check-offerte.xml" p/content/data/offerte.xml
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
want='salesgen: p/out/site: 1 chapter, 1 term
salesgen: p/out/pdf: 3 handouts, 1 document'
[ "$(cat err)" = "$want" ] || fail "summary: $(cat err)"
exit 0
