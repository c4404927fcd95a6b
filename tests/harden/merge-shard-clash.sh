# Each shard reads every row's name: a clash between rows of two shards is
# found by both, neither row is written, and the other rows are.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\nC-1;Een\nC-2;Twee\nC-1;Drie\nC-4;Vier\n' > m/rows.csv
msg="rows.csv:4:1: error: document 'C-1.html' has the same file name as the row at line 2 ('C-1.html'); neither is written"
# rows 0 and 2 clash: shard 0 of 2 holds both; of 3, shard 0 and shard 2
for s in 0/2 0/3 2/3; do
	st=$(cd m && run ../err "$SG" merge -t html --shard $s offerte.xml rows.csv -o out)
	[ "$st" = 1 ] || fail "shard $s: exit status $st, expected 1: $(cat err)"
	grep -qx "$msg" err || fail "shard $s: no clash: $(cat err)"
done
st=$(cd m && run ../err "$SG" merge -t html --shard 1/3 offerte.xml rows.csv -o out)
[ "$st" = 0 ] || fail "shard 1/3: exit status $st, expected 0: $(cat err)"
! grep -q "same file name" err || fail "shard 1/3 tells a clash of other shards' rows"
only_files m/out "C-2.html
C-4.html
manifest-0-of-2.csv
manifest-0-of-3.csv
manifest-1-of-3.csv
manifest-2-of-3.csv"
grep -qx "2;C-1.html;;skipped" m/out/manifest-0-of-3.csv || fail "shard 0/3: $(cat m/out/manifest-0-of-3.csv)"
grep -qx "4;C-1.html;;error" m/out/manifest-2-of-3.csv || fail "shard 2/3: $(cat m/out/manifest-2-of-3.csv)"
exit 0
