# Many rows naming one file, on two threads: the same diagnostics and the
# same files on every run, none of the clashing rows written, and no
# temporary file left.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
{
	printf 'nummer;klant.naam\n'
	i=1
	while [ $i -le 60 ]; do
		printf 'dubbel;Klant %d BV\n' $i
		printf 'eigen-%d;Klant %d BV\n' $i $i
		i=$((i + 1))
	done
} > m/rows.csv
for run in 1 2 3; do
	rm -rf m/out
	st=$(cd m && run ../err$run "$SG" merge -j 2 -t html offerte.xml rows.csv -o out)
	[ "$st" = 1 ] || fail "run $run: exit status $st, expected 1"
	ls -A m/out > files$run
	(cd m/out && md5sum -- *) > sums$run
done
cmp -s err1 err2 && cmp -s err1 err3 || fail "diagnostics differ between runs"
cmp -s sums1 sums2 && cmp -s sums1 sums3 || fail "documents differ between runs"
[ "$(grep -c "has the same file name as the row at line 2 ('dubbel.html')" err1)" = 59 ] ||
	fail "expected 59 clash errors: $(head -5 err1)"
grep -qx "rows.csv:4:1: error: document 'dubbel.html' has the same file name as the row at line 2 ('dubbel.html'); neither is written" err1 ||
	fail "first clash not at line 4: $(head -3 err1)"
grep -qx "salesgen: out: 60 documents written, 60 failed" err1 || fail "summary: $(tail -1 err1)"
[ "$(wc -l < files1)" = 61 ] || fail "$(wc -l < files1) files written, expected 60 and the manifest"
! grep -q dubbel files1 || fail "a clashing row was written"
! grep -q sg-tmp files1 || fail "temporary file left: $(grep sg-tmp files1)"
exit 0
