# 'X-1' and 'x-1' are one file on macOS and Windows: a clash too.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\nX-1;Eerste BV\nY-2;Derde BV\nx-1;Tweede BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:4:1: error: document 'x-1.html' has the same file name as the row at line 2 ('X-1.html'); neither is written" err ||
	fail "no clash diagnostic: $(cat err)"
only_files m/out "Y-2.html
manifest.csv"
exit 0
