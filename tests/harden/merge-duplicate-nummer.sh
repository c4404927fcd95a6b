# Two rows with one nummer would write one file: the later row is an error
# naming the earlier one, neither is written, the other rows are.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\n2026-1;Eerste BV\n2026-1;Tweede BV\n2026-2;Derde BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:3:1: error: document '2026-1.html' has the same file name as the row at line 2 ('2026-1.html'); neither is written" err ||
	fail "no clash diagnostic at the later row: $(cat err)"
grep -qx "salesgen: out: 1 document written, 2 failed" err || fail "summary: $(cat err)"
only_files m/out "2026-2.html
manifest.csv"
grep -q "Derde BV" m/out/2026-2.html || fail "the other row's document lacks its customer"
exit 0
