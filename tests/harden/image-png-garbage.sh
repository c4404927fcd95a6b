# A file with a PNG signature and garbage after it is an error at the
# image, not an abort or a raw libpng line.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
{ printf '\211PNG\r\n\032\n'; head -c 300 "$TOP/README.md"; } > junk.png
doc junk.png
st=$(run err "$SG" render doc.md -o out.pdf)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -q "^doc.md:3:1: error: image 'junk.png': " err || fail "no diagnostic at the image: $(cat err)"
[ "$(wc -l < err)" = 1 ] || fail "more than one message: $(cat err)"
grep -qi "libpng" err && fail "libpng's own words: $(cat err)"
[ ! -e out.pdf ] || fail "out.pdf was written"
exit 0
