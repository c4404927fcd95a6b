# A 16-bit RGB PNG renders with its colours, scaled to 8 bits.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng deep.png --size 200x100 --depth 16
doc deep.png
render_ok
[ "$(images)" = "200x100 rgb image" ] || fail "images in the PDF: $(images)"
[ "$(pixels 220 30 30)" -gt 1000 ] || fail "the red half is not on the page"
[ "$(pixels 30 160 30)" -gt 1000 ] || fail "the green half is not on the page"
exit 0
