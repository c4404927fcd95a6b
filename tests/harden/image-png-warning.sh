# libpng's warnings go through the catalogue at the image, not to
# standard error in libpng's words: a PNG with a damaged comment chunk
# renders (its picture is whole) with one warning.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng w.png --size 200x100 --bad-text
doc w.png
st=$(run err "$SG" render doc.md -o out.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
[ "$(cat err)" = "doc.md:3:1: warning: image 'w.png': a damaged or unusual part of the file is ignored (tEXt: CRC error)" ] ||
	fail "got: $(cat err)"
[ "$(images)" = "200x100 rgb image" ] || fail "images in the PDF: $(images)"
exit 0
