# A libharu failure is told at the input being drawn and in plain words,
# with no PDF library code and no false font errors after it: here a link
# target over libharu's 64 KB string limit.
. "$2/tests/harden/lib.sh"
python3 -c "print('# T\n\nZie [de site](http://example.com/' + 'a' * 70000 + ') hier.')" > doc.md
st=$(run err "$SG" render doc.md -o out.pdf)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
[ "$(cat err)" = "doc.md:3:1: error: cannot put the link into the PDF: a text is longer than the PDF library takes (64 KB)" ] ||
	fail "got: $(cat err)"
[ ! -e out.pdf ] || fail "out.pdf was written"
exit 0
