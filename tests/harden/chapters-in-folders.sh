# Chapters with the same file name in different folders each get their own
# page at the same path under out/site (and PDF under out/pdf), linked to
# each other and to the site's style sheet relative to their folder.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/html p/content/css
printf '# HTML\n\nOpmaak staat in [de selectors](../css/introductie.md#selectors).\n' > p/content/html/introductie.md
printf '# CSS\n\n## Selectors\n\nZie [HTML](../html/introductie.md).\n' > p/content/css/introductie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
for f in html/introductie css/introductie; do
	[ -f "p/out/site/$f.html" ] || fail "no out/site/$f.html"
	[ -f "p/out/pdf/$f.pdf" ] || fail "no out/pdf/$f.pdf"
	grep -q 'href="\.\./style\.css"' "p/out/site/$f.html" ||
		fail "$f.html does not link ../style.css"
done
grep -q '<h1 id="html">' p/out/site/html/introductie.html || fail "html/introductie.html is not the HTML chapter"
grep -q '<h1 id="css">' p/out/site/css/introductie.html || fail "css/introductie.html is not the CSS chapter"
grep -q 'href="\.\./css/introductie\.html#selectors"' p/out/site/html/introductie.html ||
	fail "link across folders not rewritten: $(grep -o 'href="[^"]*selectors[^"]*"' p/out/site/html/introductie.html)"
exit 0
