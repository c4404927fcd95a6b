# A picture in a sentence, in a list item and in a table cell is in the
# PDF (each file once), not its alt text, and no word is drawn over it.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
mkpng a.png --size 64x48 --type rgb
cp a.png b.png
cp a.png c.png
cat > doc.md <<'MD'
# Titel

Een zin met ![altzin](a.png) een plaatje erin, en dan gaat de zin nog een heel eind door zodat er meer regels zijn.

- een lijst met ![altlijst](b.png) een plaatje

| kolom | andere |
|-------|--------|
| tekst ![altcel](c.png) meer | cel |
MD
render_ok
[ "$(pdfimages -list out.pdf | awk 'NR > 2' | wc -l)" = 3 ] ||
	fail "images: $(pdfimages -list out.pdf)"
pdftotext out.pdf - | grep -q "alt" && fail "alt text in the PDF"
pdftotext -bbox out.pdf words.html
pdftoppm -r 72 -f 1 -l 1 out.pdf page || fail "pdftoppm fails"
python3 - <<'PY' || fail "a word overlaps a picture"
import re, sys
d = open("page-1.ppm", "rb").read()
parts = d.split(b"\n", 3)
w, h = map(int, parts[1].split())
px = parts[3]
def pic(x, y):
    i = (y * w + x) * 3
    r, g, b = px[i], px[i + 1], px[i + 2]
    return b < 70 and (abs(r - 220) < 30 and g < 70 or
                       abs(g - 160) < 30 and r < 70)
bad = 0
for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', open("words.html").read()):
    x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
    for y in range(int(y0) + 1, int(y1)):
        for x in range(int(x0) + 1, int(x1)):
            if 0 <= x < w and 0 <= y < h and pic(x, y):
                print("over", m.group(5)); bad = 1; break
        if bad: break
sys.exit(bad)
PY
exit 0
