# A palette PNG with a tRNS chunk keeps its transparency: the transparent
# colour is not painted, the other is.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng pal.png --size 200x100 --type pal --depth 4 --trns
doc pal.png
render_ok
[ "$(images | head -1)" = "200x100 rgb image" ] || fail "images in the PDF: $(images)"
images | grep -q "^200x100 gray smask" || fail "no soft mask: $(images)"
[ "$(pixels 220 30 30)" -gt 1000 ] || fail "the opaque red half is not on the page"
[ "$(pixels 30 160 30)" -lt 100 ] || fail "the transparent green half is painted"
exit 0
