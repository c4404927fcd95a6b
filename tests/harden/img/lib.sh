# Helpers for the image cases (tests/harden/image-*.sh), after lib.sh.
# The cases make their PNGs on the fly with tests/tools/mkpng.py; the
# JPEGs are the small files beside this one (made once with ImageMagick:
# red 220,30,30 or grey 40, 64x48), and the two PNGs here are mkpng.py's,
# kept for tests/unit/test_img.c.
IMG=$TOP/tests/harden/img

# mkpng OUT [mkpng.py options]
mkpng() { python3 "$TOP/tests/tools/mkpng.py" "$@" || fail "mkpng.py $*"; }

# doc IMAGE: doc.md shows IMAGE as a figure at line 3, column 1.
doc() { printf '# Titel\n\n![plaatje](%s)\n\nTekst erna.\n' "$1" > doc.md; }

# render_ok: doc.md renders to out.pdf with status 0 and no message.
render_ok() {
	st=$(run err "$SG" render doc.md -o out.pdf)
	[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
	[ ! -s err ] || fail "messages: $(cat err)"
	qpdf --check out.pdf > /dev/null 2>&1 || fail "qpdf --check fails"
}

# render_bad MESSAGE: doc.md fails with exactly MESSAGE (status 1, no PDF).
render_bad() {
	st=$(run err "$SG" render doc.md -o out.pdf)
	[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
	[ "$(cat err)" = "$1" ] || fail "expected: $1
got: $(cat err)"
	[ ! -e out.pdf ] || fail "out.pdf was written"
}

# images: "WxH colour" of each image in out.pdf (pdfimages -list).
images() { pdfimages -list out.pdf | awk 'NR > 2 { print $4 "x" $5, $6, $3 }'; }

# pixels R G B: how many pixels of page 1 of out.pdf at 72 dpi are R G B.
pixels() {
	pdftoppm -r 72 -f 1 -l 1 out.pdf page || fail "pdftoppm fails"
	python3 "$TOP/tests/tools/ppmcount.py" page-1.ppm "$@"
}
