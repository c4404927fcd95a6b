# A CSV column may be called _line: a value's position is a field of the
# value, not a key beside the data (salesgen refused the name while it kept
# each row's line there).  The column is left unused like every '_' column,
# and a bad cell in a row after it is still told at its own line and
# column, not at a line the column's text says.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf '_line;nummer;datum\n99;L-1;10-3-2026\n77;L-2;31-2-2026\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1 (the bad date): $(cat err)"
grep -q "reserved" err && fail "the column name _line refused: $(cat err)"
grep -qx "rows.csv:3:8: error: datum: '31-2-2026' is no date: month 2 of 2026 has 28 days" err ||
	fail "the bad date not told at its cell (3:8): $(cat err)"
grep -q ":77:\|:99:" err && fail "a position taken from the _line column: $(cat err)"
grep -q "10 maart 2026" m/out/L-1.html || fail "L-1: the good row was not written"
only_files m/out "L-1.html
manifest.csv"
exit 0
