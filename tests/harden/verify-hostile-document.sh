# salesgen verify reads a fingerprint out of any file without parsing it:
# a document without one, with a cut-off or malformed one, a binary
# file, an empty one, the key at the very end: exit 1 with the message,
# never a crash; a forged one elsewhere in a file is taken only when it
# is 64 hex digits in the right place.
. "$2/tests/harden/lib.sh"
cp "$TOP/tests/regress/data/nl/offerte-keuze.xml" o.xml
: > empty.pdf
printf '%%PDF-1.4\n/SalesgenFingerprint' > end.pdf
printf '%%PDF-1.4\n/SalesgenFingerprint (0123' > cut.pdf
printf '%%PDF-1.4\n/SalesgenFingerprint (%s)' "$(printf 'g%.0s' $(seq 64))" > nothex.pdf
printf '%%PDF-1.4\n/SalesgenFingerprint (%s0)' "$(printf 'a%.0s' $(seq 64))" > long.pdf
head -c 300000 /dev/urandom > random.pdf
printf '<meta name="salesgen-fingerprint" content="abc">' > short.html
for f in empty.pdf end.pdf cut.pdf nothex.pdf long.pdf random.pdf short.html; do
	st=$(run v "$SG" verify $f o.xml)
	[ "$st" = 1 ] || fail "verify $f: status $st, expected 1: $(cat v)"
	grep -qx "$f: error: '$f' holds no salesgen fingerprint (a PDF or HTML offer salesgen wrote has one)" v ||
		fail "verify $f said: $(head -c 400 v)"
done
# a well-formed fingerprint that is not this data's: does not belong
printf '%%PDF-1.4\n/SalesgenFingerprint\n(%s)' "$(printf 'A%.0s' $(seq 64))" > other.pdf
st=$(run v "$SG" verify other.pdf o.xml)
[ "$st" = 1 ] || fail "verify other.pdf: status $st: $(cat v)"
grep -q "the document's fingerprint is $(printf 'a%.0s' $(seq 64)), the data's" v || fail "other.pdf: $(cat v)"
exit 0
