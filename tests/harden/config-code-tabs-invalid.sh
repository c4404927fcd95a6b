# <code tabs="n"/> in salesgen.xml takes a whole number of columns from 1
# to 16; anything else is an error at the element's line, exit 1, and
# nothing is built (no out/).
. "$2/tests/harden/lib.sh"
for v in 0 17 -4 abc 4x 4.5 ' 4' '' 99999999999999999999; do
	rm -rf p
	project p
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<course>\n  <title>T</title>\n  <code tabs="%s"/>\n</course>\n' "$v" > p/salesgen.xml
	st=$(run err "$SG" build -q p)
	[ "$st" = 1 ] || fail "tabs='$v': exit status $st, expected 1: $(cat err)"
	grep -qxF "p/salesgen.xml:4: error: invalid value '$v' for tabs (expected a number of columns from 1 to 16)" err ||
		fail "tabs='$v': expected p/salesgen.xml:4: error: invalid value '$v' for tabs (expected a number of columns from 1 to 16), got: $(cat err)"
	[ ! -e p/out ] || fail "tabs='$v': out/ was written"
done
# the edges are taken
for v in 1 16 8; do
	rm -rf p
	project p
	printf '<course><code tabs="%s"/></course>\n' "$v" > p/salesgen.xml
	st=$(run err "$SG" build -q p)
	[ "$st" = 0 ] || fail "tabs='$v': exit status $st, expected 0: $(cat err)"
	[ ! -s err ] || fail "tabs='$v': diagnostics: $(cat err)"
done
exit 0
