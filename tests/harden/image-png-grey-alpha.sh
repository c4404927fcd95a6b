# A grey PNG with an alpha channel renders grey with its transparency.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng ga.png --size 200x100 --type ga --depth 16
doc ga.png
render_ok
images | grep -q "^200x100 gray image" || fail "images in the PDF: $(images)"
images | grep -q "^200x100 gray smask" || fail "no soft mask: $(images)"
[ "$(pixels 40 40 40)" -gt 1000 ] || fail "the opaque grey half is not on the page"
[ "$(pixels 200 200 200)" -lt 100 ] || fail "the transparent half is painted"
exit 0
