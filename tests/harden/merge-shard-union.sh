# Three runs with --shard 0/3, 1/3 and 2/3 into one folder write the same
# documents, byte for byte, as one run without; the shards' manifests,
# their header lines dropped and sorted by line, are the unsharded one's.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
{
	printf 'nummer;klant.naam;datum\n'
	for i in 1 2 3 4 5 6 7; do printf 'S-%d;Klant %d BV;%d-3-2026\n' $i $i $i; done
	printf 'S-8;Kort\nS-9;Klant 9 BV;9-3-2026\n'
} > m/rows.csv
st=$(cd m && run ../err "$SG" merge -q offerte.xml rows.csv -o all)
[ "$st" = 1 ] || fail "unsharded: exit status $st, expected 1 (the short row): $(cat err)"
for i in 0 1 2; do
	st=$(cd m && run ../err$i "$SG" merge -q --shard $i/3 offerte.xml rows.csv -o sh)
	case $i in 1) want=1 ;; *) want=0 ;; esac	# S-8 is row 7: 7 % 3 = 1
	[ "$st" = $want ] || fail "shard $i: exit status $st, expected $want: $(cat err$i)"
done
grep -q "rows.csv:9:" err1 || fail "shard 1 does not tell its short row: $(cat err1)"
! grep -q "rows.csv:9:" err0 err2 || fail "another shard tells shard 1's row"
(cd m/all && ls *.pdf) > a
(cd m/sh && ls *.pdf) > b
cmp -s a b || fail "files differ: $(diff a b)"
[ "$(wc -l < a)" = 8 ] || fail "$(wc -l < a) documents, expected 8"
for f in $(cat a); do
	cmp -s "m/all/$f" "m/sh/$f" || fail "$f differs between the sharded and the unsharded run"
done
only_files m/sh "$(cat a)
manifest-0-of-3.csv
manifest-1-of-3.csv
manifest-2-of-3.csv"
for i in 0 1 2; do
	[ "$(head -n 1 m/sh/manifest-$i-of-3.csv)" = "line;file;fingerprint;status" ] || fail "shard $i's manifest has no header"
done
tail -q -n +2 m/sh/manifest-*-of-3.csv | sort -t';' -k1,1n > got
tail -n +2 m/all/manifest.csv > want
cmp -s got want || fail "manifests differ:
$(diff got want)"
exit 0
