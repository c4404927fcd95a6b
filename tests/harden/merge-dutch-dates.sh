# In a Dutch document a date cell may be written as Dutch Excel does
# (10-3-2026, 10-03-2026, 10/3/2026): read as ISO; a day that does not exist
# or a two-digit year is an error at the cell, and that row is left out.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;datum\nD-1;10-3-2026\nD-2;10-03-2026\nD-3;29/2/2028\nD-4;31-2-2026\nD-5;1-13-2026\nD-6;10-3-26\nD-7;2026-03-10\nD-8;10.3.2026\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
for f in D-1 D-2 D-7; do
	grep -q "10 maart 2026" m/out/$f.html || fail "$f: no 10 maart 2026 in the document"
done
grep -q "29 februari 2028" m/out/D-3.html || fail "D-3: no 29 februari 2028"
grep -qx "rows.csv:5:5: error: datum: '31-2-2026' is no date: month 2 of 2026 has 28 days" err || fail "31-2-2026: $(cat err)"
grep -qx "rows.csv:6:5: error: datum: '1-13-2026' is no date: there is no month 13" err || fail "1-13-2026: $(cat err)"
grep -qx "rows.csv:7:5: error: datum: '10-3-26' is no date: write the year in four digits" err || fail "10-3-26: $(cat err)"
grep -q "^rows.csv:9:5: error: datum: '10.3.2026' is not a date" err || fail "10.3.2026: $(cat err)"
only_files m/out "D-1.html
D-2.html
D-3.html
D-7.html
manifest.csv"
exit 0
