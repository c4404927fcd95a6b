# A row with more cells than the header (an unquoted ';' in a value) is an
# error at its first cell too many, and only that row is left out.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\n2026-1;Bakker; Zn.\n2026-2;Tweede BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:2:16: error: row has 3 cells, the header 2 (a value holding the separator must be quoted); the row is not written" err ||
	fail "no diagnostic at the long row: $(cat err)"
only_files m/out "2026-2.html
manifest.csv"
exit 0
