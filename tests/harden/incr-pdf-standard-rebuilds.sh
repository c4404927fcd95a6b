# --pdf-standard changes every PDF's bytes, so it is part of what an
# incremental build reads: switching it is not "up to date" and keeps no
# chapter PDF of the other standard; the result is a clean build's.
. "$2/tests/harden/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
project p
project c
st=$(run o1 "$SG" build -q p)
[ "$st" = 0 ] || fail "first build: status $st: $(cat o1)"
st=$(run o2 "$SG" build p --pdf-standard none)
[ "$st" = 0 ] || fail "second build: status $st: $(cat o2)"
grep -q 'nothing this build reads' o2 &&
	fail "--pdf-standard none taken as up to date after a2a+ua"
st=$(run o3 "$SG" build -q c --pdf-standard none)
[ "$st" = 0 ] || fail "clean build: status $st: $(cat o3)"
for f in 01-eerste.pdf 02-tweede.pdf; do
	cmp -s p/out/pdf/$f c/out/pdf/$f ||
		fail "out/pdf/$f: not the clean build's with --pdf-standard none"
done
exit 0
