# A CMYK JPEG is embedded as a JPEG and shows its colour.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
cp "$IMG/red-cmyk.jpg" c.jpg
doc c.jpg
render_ok
[ "$(images)" = "64x48 cmyk image" ] || fail "images in the PDF: $(images)"
pdfimages -list out.pdf | grep -q " jpeg " || fail "not embedded as JPEG"
[ "$(pixels 220 30 30 20)" -gt 1000 ] || fail "the red is not on the page"
exit 0
