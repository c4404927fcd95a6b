# salesgen verify: an offerte's PDF and HTML page belong with the data
# they were made from (exit 0), not with the data changed by one cent
# (exit 1, both fingerprints told); the fingerprint is the same in every
# run, the same in the PDF, the HTML and a mailing's manifest, and
# printed (first 16 hex digits) on every page of the PDF.
. "$2/tests/harden/lib.sh"
cp "$TOP/tests/regress/data/nl/offerte-keuze.xml" o.xml
st=$(run e1 "$SG" render o.xml -o a.pdf); [ "$st" = 0 ] || fail "render pdf: $st $(cat e1)"
st=$(run e2 "$SG" render o.xml -o b.pdf); [ "$st" = 0 ] || fail "render pdf again: $st"
cmp -s a.pdf b.pdf || fail "two renders of the same offer differ"
st=$(run e3 "$SG" render o.xml -t html -o a.html); [ "$st" = 0 ] || fail "render html: $st $(cat e3)"
fp=$(sed -n 's/.*<meta name="salesgen-fingerprint" content="\([0-9a-f]\{64\}\)">.*/\1/p' a.html)
[ -n "$fp" ] || fail "no fingerprint meta in the HTML"
grep -q "/SalesgenFingerprint ($fp)" a.pdf || fail "the PDF's /SalesgenFingerprint is not the HTML's $fp"
short=$(printf %s "$fp" | cut -c1-16)
pages=$(pdfinfo a.pdf | sed -n 's/^Pages: *//p')
on=$(pdftotext -layout a.pdf - | grep -c "$short")
[ "$on" = "$pages" ] || fail "fingerprint $short on $on of $pages pages"
# the mailing's manifest gives the same value for the same data
printf 'nummer\nT-2026-105\n' > rows.csv
st=$(run e4 "$SG" merge o.xml rows.csv -o mail); [ "$st" = 0 ] || fail "merge: $st $(cat e4)"
grep -q "$short" mail/manifest.csv || fail "manifest: $(cat mail/manifest.csv), render: $short"
# belongs
for d in a.pdf a.html; do
	st=$(run v "$SG" verify $d o.xml)
	[ "$st" = 0 ] || fail "verify $d o.xml: status $st: $(cat v)"
	grep -qx "$d: note: '$d' belongs with 'o.xml' (fingerprint $fp)" v || fail "verify $d: $(cat v)"
done
# one cent more is another offer
sed 's/prijs="450" btw="21">Opleiding/prijs="450,01" btw="21">Opleiding/' o.xml > p.xml
cmp -s o.xml p.xml && fail "the test's edit did not change the data"
st=$(run v "$SG" verify a.pdf p.xml)
[ "$st" = 1 ] || fail "verify a.pdf p.xml: status $st, expected 1: $(cat v)"
grep -q "^a.pdf: error: 'a.pdf' does not belong with 'p.xml': the document's fingerprint is $fp, the data's [0-9a-f]\{64\}\$" v ||
	fail "verify a.pdf p.xml said: $(cat v)"
# so is the same data under another template
mkdir -p templates/nl
sed 's/Prijsopgave/Uw prijsopgave/' "$TOP/templates/nl/offerte.md" > templates/nl/offerte.md
st=$(run v "$SG" verify a.pdf o.xml)
[ "$st" = 1 ] || fail "verify with another template: status $st: $(cat v)"
rm -r templates
# usage
st=$(run v "$SG" verify a.pdf); [ "$st" = 2 ] || fail "verify without data: status $st"
exit 0
