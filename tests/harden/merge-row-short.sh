# A row with fewer cells than the header would keep the template's values
# in the others (a letter to the template's placeholder customer): it is an
# error at the row's end, is not written, and the other rows are.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam;klant.contact@naam\n2026-1;Eerste BV;Anja Jansen\n2026-2;Tweede BV\n2026-3;Derde BV;Bram Bos\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:3:17: error: row has only 2 of the header's 3 cells: every column needs one (an empty cell empties its field); the row is not written" err ||
	fail "no diagnostic at the short row: $(cat err)"
grep -qx "salesgen: out: 2 documents written, 1 failed" err || fail "summary: $(cat err)"
[ ! -e m/out/2026-2.html ] || fail "the short row was written"
grep -q "Derde BV" m/out/2026-3.html || fail "the row after it lacks its customer"
grep -q "3;;;error" m/out/manifest.csv || fail "manifest: $(cat m/out/manifest.csv)"
exit 0
