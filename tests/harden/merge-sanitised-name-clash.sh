# 'a/b' and 'a-b' both become a-b.pdf: a clash, told at the later row's
# nummer cell, and neither PDF is written.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'klant.naam;nummer\nEerste BV;a/b\nDerde BV;c\nTweede BV;a-b\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:4:11: error: document 'a-b.pdf' has the same file name as the row at line 2 ('a-b.pdf'); neither is written" err ||
	fail "no clash diagnostic at the later row's nummer: $(cat err)"
only_files m/out "c.pdf
manifest.csv"
exit 0
