# A damaged GIF, WebP or SVG is an error at the image's line:col in plain
# words, status 1, and no PDF is written.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
head -c 60 "$IMG/gif-trns.gif" > bad.gif
doc bad.gif
render_bad "doc.md:3:1: error: image 'bad.gif': the file ends early (it is cut short)"
head -c 40 "$IMG/lossy.webp" > bad.webp
doc bad.webp
render_bad "doc.md:3:1: error: image 'bad.webp': the file ends early (it is cut short)"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect' > bad.svg
doc bad.svg
st=$(run err "$SG" render doc.md -o out.pdf)
[ "$st" = 1 ] || fail "svg: exit status $st: $(cat err)"
grep -q "^doc.md:3:1: error: image 'bad.svg': it is not a valid SVG file (" err ||
	fail "svg: $(cat err)"
[ ! -e out.pdf ] || fail "svg: out.pdf was written"
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>' > nosize.svg
doc nosize.svg
render_bad "doc.md:3:1: error: image 'nosize.svg': it has no size (no width and height, no viewBox)"
exit 0
