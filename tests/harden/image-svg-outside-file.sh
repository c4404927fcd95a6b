# An SVG cannot pull a file from outside the project into the PDF: its
# <image> naming a picture by file: URL (and by a relative path) loads
# nothing; the drawing's own shapes are there.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkdir -p "$T/outside" p
mkpng "$T/outside/red.png" --size 64x48 --type rgb
cp "$T/outside/red.png" p/red.png
cat > p/s.svg <<SVG
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="48">
<rect x="0" y="0" width="64" height="48" fill="rgb(30,30,200)"/>
<image x="0" y="0" width="64" height="48" xlink:href="file://$T/outside/red.png"/>
<image x="0" y="0" width="64" height="48" href="red.png"/>
</svg>
SVG
printf '# Titel\n\n![s](s.svg)\n' > p/doc.md
st=$(run err "$SG" render p/doc.md -o out.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
[ "$(pixels 30 30 200 20)" -gt 1000 ] || fail "the drawing is not on the page"
[ "$(pixels 220 30 30 20)" = 0 ] || fail "the outside picture was embedded"
exit 0
