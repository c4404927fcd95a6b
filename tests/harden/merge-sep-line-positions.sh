# Excel's 'sep=;' first line is line 1: the header is line 2, and every
# diagnostic (a misspelt column, a short row) counts it.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'sep=;\r\nnummer;klant.naam;klant.nam\r\n2026-1;A;B\r\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -q "^rows.csv:2:19: error: column 'klant.nam' names no element or attribute of <offerte> (did you mean klant.naam?)" err ||
	fail "misspelt column not at line 2: $(cat err)"
printf 'sep=,\nnummer,klant.naam\n2026-1,"Eerste; BV"\n2026-2\n' > m/rows2.csv
st=$(cd m && run ../err2 "$SG" merge -t html offerte.xml rows2.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err2)"
grep -qx "rows2.csv:4:7: error: row has only 1 of the header's 2 cells: every column needs one (an empty cell empties its field); the row is not written" err2 ||
	fail "short row not at line 4: $(cat err2)"
grep -q "Eerste; BV" m/out/2026-1.html || fail "',' from sep=, not used"
exit 0
