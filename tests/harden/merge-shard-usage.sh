# --shard takes I/N with 0 <= I < N; anything else is a usage error
# (status 2) before anything is read or written.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\nU-1;Een\n' > m/rows.csv
for v in 3/3 1/0 0/0 -1/3 1 /3 1/ a/b 0/3x " 0/3" 1/2/3 0x1/3 9999999999/99999999999; do
	st=$(cd m && run ../err "$SG" merge -t html --shard "$v" offerte.xml rows.csv -o out)
	[ "$st" = 2 ] || fail "--shard '$v': exit status $st, expected 2: $(cat err)"
	grep -qx "salesgen: error: --shard takes I/N, this run's share I of N runs, with 0 <= I < N (such as 0/3, 1/3 and 2/3), not '$v'" err ||
		fail "--shard '$v': $(cat err)"
	[ ! -e m/out ] || fail "--shard '$v' wrote something"
done
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out --shard)
[ "$st" = 2 ] || fail "--shard without a value: exit status $st"
st=$(run err "$SG" build --shard 0/2)
[ "$st" = 2 ] || fail "build --shard: exit status $st, expected 2"
grep -qx "salesgen: error: --shard is an option of merge only" err || fail "build --shard: $(cat err)"
exit 0
