# Every kind of picture reaches the PDF with its colours: each fixture
# alone as a figure, the page rendered at 100 dpi, the colour at a quarter
# and three quarters of the picture's width compared with the source's
# (left red 220,30,30; right green 30,160,30, or white where the source
# is transparent; CMYK as poppler converts the same CMYK values, the
# same for Adobe's inverted files as for plain ones).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
near() {	# near "R G B R G B" "R G B R G B" TOL
	python3 -c '
import sys
a, b, t = sys.argv[1].split(), sys.argv[2].split(), int(sys.argv[3])
sys.exit(any(abs(int(x) - int(y)) > t for x, y in zip(a, b)))' "$@"
}
check() {	# check FILE "EXPECTED COLOURS" TOL
	printf '![plaatje](%s)\n' "$1" > doc.md
	render_ok
	pdftoppm -r 100 -f 1 -l 1 out.pdf pg || fail "pdftoppm fails"
	got=$(python3 "$TOP/tests/tools/ppmspot.py" pg-1.ppm 1.3333) ||
		fail "$1: $got"
	near "$got" "$2" "$3" || fail "$1: colours $got, expected $2"
	rm -f out.pdf pg-1.ppm
}
RG="220 30 30 30 160 30"
RW="220 30 30 255 255 255"
mkpng p8.png --size 64x48 --type rgb --depth 8
mkpng p16.png --size 64x48 --type rgb --depth 16
mkpng pal.png --size 64x48 --type pal
mkpng pal-t.png --size 64x48 --type pal --trns
mkpng rgba.png --size 64x48 --type rgba
mkpng rgba16.png --size 64x48 --type rgba --depth 16
mkpng il.png --size 64x48 --type rgb --interlace
mkpng grey.png --size 64x48 --type gray
mkpng grey4.png --size 64x48 --type gray --depth 4
mkpng ga.png --size 64x48 --type ga
for f in p8.png p16.png pal.png il.png; do check $f "$RG" 12; done
for f in pal-t.png rgba.png rgba16.png; do check $f "$RW" 12; done
check ga.png "40 40 40 255 255 255" 12
cp "$IMG"/gif-trns.gif "$IMG"/lossy.webp "$IMG"/alpha-lossless.webp \
    "$IMG"/alpha-lossy.webp "$IMG"/two.svg "$IMG"/cmyk-plain.jpg \
    "$IMG"/cmyk-adobe.jpg .
check gif-trns.gif "$RW" 12
check lossy.webp "$RG" 20
check alpha-lossless.webp "$RW" 12
check alpha-lossy.webp "$RW" 20
check two.svg "$RG" 12
check cmyk-plain.jpg "211 48 42 32 121 64" 20
check cmyk-adobe.jpg "211 48 42 32 121 64" 20
# the JPEG fixtures made with ImageMagick: 64x48 in one colour
cp "$IMG/red-rgb.jpg" "$IMG/red-cmyk.jpg" "$IMG/red-progressive.jpg" .
check red-rgb.jpg "220 30 30 220 30 30" 20
check red-progressive.jpg "220 30 30 220 30 30" 20
check red-cmyk.jpg "220 30 30 220 30 30" 40
exit 0
