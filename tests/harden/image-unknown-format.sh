# A picture in a format salesgen does not read (a BMP, a TIFF) is left out
# of the PDF with a warning at its place, and the rest is written: the
# image slot freed pixels it never had (an abort in free(), found by
# fuzz_pdf) before.
. "$2/tests/harden/lib.sh"
mkdir -p p
# a 1x1 BMP: file header, info header, one pixel
printf 'BM\072\000\000\000\000\000\000\000\066\000\000\000\050\000\000\000\001\000\000\000\001\000\000\000\001\000\030\000\000\000\000\000\004\000\000\000\023\013\000\000\023\013\000\000\000\000\000\000\000\000\000\000\000\000\377\000' > p/a.bmp
printf '# Plaatje\n\nVoor.\n\n![Een BMP](a.bmp)\n\nNa.\n' > p/h.md
st=$(cd p && run ../err "$SG" render h.md -o h.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -q "^h.md:5:1: warning: image 'a.bmp' is not" err || fail "no warning at the image: $(cat err)"
[ -s p/h.pdf ] || fail "no PDF written"
pdftotext p/h.pdf - | grep -q "Na\." || fail "text after the picture lost"
exit 0
