# An interlaced (Adam7) PNG renders: it is in the PDF at its size with its
# colours (libharu failed with 0x1043, then false font errors).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng il.png --size 200x100 --interlace
doc il.png
render_ok
[ "$(images)" = "200x100 rgb image" ] || fail "images in the PDF: $(images)"
[ "$(pixels 220 30 30)" -gt 1000 ] || fail "the red half is not on the page"
[ "$(pixels 30 160 30)" -gt 1000 ] || fail "the green half is not on the page"
exit 0
