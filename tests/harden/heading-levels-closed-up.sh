# A chapter that goes from '#' to '###' (as npm's docs and many courses
# do) has its levels closed up: the page's HTML, the numbers, the sidebar
# and the PDF bookmarks skip no level, there is no "2.0.1", and a note
# stands at each heading moved, once.
. "$2/tests/harden/lib.sh"
project p
printf '# Tweede\n\nInleiding.\n\n### Synopsis\n\nWat volgt.\n\n#### Vooraf\n\nWat je weet.\n\n## Betalen\n\nHoe je betaalt.\n' > p/content/02-tweede.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
for want in \
    'p/content/02-tweede.md:5:1: note: heading level 3 is set as level 2: levels are closed up so that none is skipped' \
    'p/content/02-tweede.md:9:1: note: heading level 4 is set as level 3: levels are closed up so that none is skipped'; do
	[ "$(grep -cxF "$want" err)" = 1 ] || fail "not once: '$want' in: $(cat err)"
done
[ "$(grep -c 'note: heading level' err)" = 2 ] || fail "other heading notes: $(cat err)"
h=p/out/site/02-tweede.html
for want in '<h2 id="synopsis"><span class="num">2.1</span> Synopsis' \
    '<h3 id="vooraf"><span class="num">2.1.1</span> Vooraf' \
    '<h2 id="betalen"><span class="num">2.2</span> Betalen' \
    '<li><a href="02-tweede.html#synopsis"><span class="num">2.1</span> Synopsis</a></li>'; do
	grep -qF "$want" "$h" || fail "not in $h: $want"
done
grep -q '<h4' "$h" && fail "an <h4> is left in $h"
grep -rqE '[0-9]\.0\.[0-9]' p/out/site && fail "an N.0.M number on the site"
pdftotext p/out/pdf/p.pdf p.txt || fail "pdftotext failed"
grep -qE '(^| )[0-9]+\.0\.[0-9]' p.txt && fail "an N.0.M number in the PDF"
grep -qx '2.1.1 Vooraf' p.txt || fail "no '2.1.1 Vooraf' in the PDF: $(grep Vooraf p.txt)"
qpdf --json=2 --json-key=outlines p/out/pdf/p.pdf > o.json || fail "qpdf failed"
tree=$(python3 -c '
import json, sys
def walk(items, depth):
    for i in items:
        print("  " * depth + i["title"])
        walk(i["kids"], depth + 1)
walk(json.load(open("o.json"))["outlines"], 0)')
want='Inhoud
1 Eerste
2 Tweede
  2.1 Synopsis
    2.1.1 Vooraf
  2.2 Betalen'
[ "$tree" = "$want" ] || fail "PDF bookmarks:
$tree"
exit 0
