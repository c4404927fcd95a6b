# The interactive HTML offer is one file: its logo is a data: URI, its
# CSS and script are inline, no src= or href= names a web address or
# another file (only data:, #fragment and mailto:); it is at most 60 KB
# without its logo; its fingerprint is in a meta element and visible; a
# logo outside the project is refused and nothing is written.
. "$2/tests/harden/lib.sh"
cd "$TOP" || fail "no $TOP"
out=$T/o.html
st=$(run "$T/e" "$SG" render content/data/offerte-van-dalen.xml -t html -o "$out")
[ "$st" = 0 ] || fail "render: status $st: $(cat "$T/e")"
cd "$T" || exit 1
grep -q '<img class="sg-logo" src="data:image/png;base64,' o.html || fail "the logo is not a data URI"
bad=$(grep -o '\(src\|href\)="[^"]*"' o.html | grep -v '="\(data:\|#\|mailto:\)' | head -3)
[ -z "$bad" ] || fail "links out of the file: $bad"
grep -qi '<link\|<script src\|@import\|url(' o.html && fail "an external stylesheet, script or url() in the page"
grep -q '<script>' o.html || fail "no inline script"
grep -q '<style>' o.html || fail "no inline style"
size=$(sed 's|src="data:[^"]*"|src=""|' o.html | wc -c)
[ "$size" -le 61440 ] || fail "$size bytes without the logo, over 60 KB"
fp=$(sed -n 's/.*<meta name="salesgen-fingerprint" content="\([0-9a-f]\{64\}\)">.*/\1/p' o.html)
[ -n "$fp" ] || fail "no fingerprint meta"
grep -q "<p class=\"sg-fp\">Vingerafdruk $(printf %s "$fp" | cut -c1-16) " o.html || fail "fingerprint not shown"
grep -q 'href="mailto:sanne.dewit@veldkamp.example?subject=Akkoord%20offerte%202026-044&amp;body=' o.html ||
	fail "no Akkoord mailto to the seller's contact: $(grep -o 'href="mailto:[^"]*"' o.html)"
# a logo out of the project: refused, nothing written
mkdir -p p/content/data
sed 's|<logo>img/veldkamp.png</logo>|<logo>../../../x.png</logo>|' "$TOP/content/data/offerte-van-dalen.xml" > p/content/data/o.xml
cp "$TOP/content/data/img/veldkamp.png" x.png
cd p || exit 1
st=$(run ../e2 "$SG" render content/data/o.xml -t html -o ../bad.html)
[ "$st" = 1 ] || fail "logo outside: status $st: $(cat ../e2)"
grep -q "content/data/o.xml:[0-9]*:[0-9]*: error: path '../../../x.png' leads outside the project" ../e2 || fail "logo outside said: $(cat ../e2)"
[ -e ../bad.html ] && fail "a page was written for a logo outside the project"
exit 0
