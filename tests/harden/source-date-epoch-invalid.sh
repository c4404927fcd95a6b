# A SOURCE_DATE_EPOCH that is not a whole number of seconds from 1970 to
# the end of 9999 is an error, exit 1, and no PDF is written: not 1970,
# not a broken date.
. "$2/tests/harden/lib.sh"
printf '# Kop\n\nTekst.\n' > in.md
for v in abc 1e9 -1 -5 '' ' 12' 12x +12 253402300800 99999999999999999999 18446744073709551616; do
	rm -f out.pdf
	st=$(SOURCE_DATE_EPOCH=$v run err "$SG" render in.md -o out.pdf)
	[ "$st" = 1 ] || fail "SOURCE_DATE_EPOCH='$v': exit status $st, expected 1: $(cat err)"
	grep -qxF "salesgen: error: SOURCE_DATE_EPOCH '$v' is not a number of seconds since 1970 (0 to 253402300799, the end of 9999)" err ||
		fail "SOURCE_DATE_EPOCH='$v': $(cat err)"
	[ ! -e out.pdf ] || fail "SOURCE_DATE_EPOCH='$v': a PDF was written"
	mkdir -p p/content
	printf '# Een\n\nTekst.\n' > p/content/01-een.md
	st=$(SOURCE_DATE_EPOCH=$v run err "$SG" build -q p)
	[ "$st" = 1 ] || fail "build, SOURCE_DATE_EPOCH='$v': exit status $st"
	[ ! -e p/out ] || fail "build, SOURCE_DATE_EPOCH='$v': out/ was written"
done
exit 0
