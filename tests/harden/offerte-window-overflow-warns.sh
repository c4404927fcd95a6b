# An address too long for the envelope's window is set a step smaller;
# what still does not fit is named in a warning at the <klant> element
# (line 19, column 3 of the data), and the exit status stays 0.  A
# 11-line address fits at the smaller size, whole and without a warning.
# Before: the lines past the ninth were dropped without a word.
. "$2/tests/harden/lib.sh"
addr() {	# addr N: N address lines (with the name and T.a.v.: N + 2)
	i=1 a="Hanzeweg 150"
	while [ $i -lt "$1" ]; do a="$a, Regel $i"; i=$((i + 1)); done
	sed "s|<adres>Hanzeweg 150, 8025 BW Zwolle</adres>|<adres>$a</adres>|" \
	    "$TOP/tests/harden/offerte.xml" > o.xml
	grep -q "Regel 1" o.xml || fail "the sample's address changed"
}
# 11 lines in all: they fit at 9 pt
addr 9
st=$(run err "$SG" render o.xml -o o.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 400 err)"
[ -s err ] && fail "a warning for an address that fits when smaller: $(cat err)"
pdftotext o.pdf o.txt
grep -q "^Regel 8$" o.txt || fail "the 11th window line is missing"
# 14 lines in all: 'Regel 9', 'Regel 10' and 'Regel 11' are left out
addr 12
st=$(run err "$SG" render o.xml -o o.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 400 err)"
want="o.xml:19:3: warning: the address has 14 lines; even set smaller, the window of the envelope holds 11 of them: 'Regel 9', 'Regel 10', 'Regel 11' are left out"
[ "$(cat err)" = "$want" ] || fail "expected: $want
got: $(cat err)"
[ -s o.pdf ] || fail "no PDF written"
pdftotext o.pdf o.txt
grep -q "^Regel 8$" o.txt || fail "the 11th window line is missing"
grep -q "^Regel 9$" o.txt && fail "a line past the window is drawn"
exit 0
