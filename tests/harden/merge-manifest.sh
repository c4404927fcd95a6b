# The mailing's manifest.csv: a line per data row in file order (its CSV
# line, its file, 16 hex digits of its fingerprint, written/error/skipped);
# the fingerprints are the same in every run (-j 1 or 2, columns in
# another order) and differ when a value does.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf '\357\273\277sep=;\nnummer;klant.naam\n\nA-1;Eerste BV\nA-2;Tweede BV\nA-1;Dubbel BV\nA-3\nA-4;Prijs;x\nA-5;Vijfde BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -j 1 -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
sed 's/;[0-9a-f]\{16\};written$/;FP;written/' m/out/manifest.csv > got
printf '%s\n' "line;file;fingerprint;status" "4;A-1.html;;skipped" "5;A-2.html;FP;written" \
	"6;A-1.html;;error" "7;;;error" "8;;;error" "9;A-5.html;FP;written" > want
cmp -s got want || fail "manifest:
$(cat m/out/manifest.csv)"
fp2=$(grep '^5;' m/out/manifest.csv | cut -d';' -f3)
fp5=$(grep '^9;' m/out/manifest.csv | cut -d';' -f3)
[ "$fp2" != "$fp5" ] || fail "two offers have one fingerprint"
# the same offers, columns swapped, on two threads: the same fingerprints
printf 'klant.naam;nummer\nTweede BV;A-2\nVijfde BV;A-5\n' > m/rows2.csv
st=$(cd m && run ../err2 "$SG" merge -j 2 -t html offerte.xml rows2.csv -o out2)
[ "$st" = 0 ] || fail "second mailing: exit status $st: $(cat err2)"
[ "$(cut -d';' -f3 m/out2/manifest.csv | tail -n +2 | tr '\n' ' ')" = "$fp2 $fp5 " ] ||
	fail "fingerprints differ between runs: $fp2 $fp5 / $(cat m/out2/manifest.csv)"
# one value changed: another fingerprint
printf 'klant.naam;nummer\nTweede BV.;A-2\n' > m/rows3.csv
(cd m && "$SG" merge -q -t html offerte.xml rows3.csv -o out3) || fail "third mailing failed"
[ "$(sed -n 2p m/out3/manifest.csv | cut -d';' -f3)" != "$fp2" ] || fail "a changed name keeps the fingerprint"
! ls -A m/out | grep -q sg-tmp || fail "temporary file left"
exit 0
