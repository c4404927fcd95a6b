# An image from the site's root is looked for where Docusaurus and Hugo
# (static/), VitePress (public/) and Quarto (the project) keep it, after
# content/; the first that holds it is copied into the site, linked
# relatively (the site works from disk), and drawn in the PDF.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/static/img p/public/img p/img
cp "$2/tests/projects/docusaurus/docs/img/trechter.svg" p/static/img/a.svg
cp "$2/tests/projects/docusaurus/docs/img/trechter.svg" p/public/img/b.svg
cp "$2/tests/projects/docusaurus/docs/img/trechter.svg" p/img/c.svg
printf '# Drie\n\n![A](/img/a.svg)\n\n![B](/img/b.svg)\n\n![C](/img/c.svg)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -q "warning\|error" err && fail "diagnostics: $(cat err)"
page=$(ls p/out/site/*drie*.html | head -1)
for f in static/img/a.svg public/img/b.svg img/c.svg; do
	cmp -s "p/$f" "p/out/site/assets/$f" || fail "$f not copied to out/site/assets/$f"
	grep -q "src=\"assets/$f\"" "$page" || fail "$page does not refer to assets/$f"
done
grep -q 'src="/' "$page" && fail "$page keeps a path from the root"
if command -v pdftoppm > /dev/null 2>&1; then
	pdf=$(ls p/out/pdf/*drie*.pdf 2>/dev/null | grep -v -- -student | head -1)
	[ -n "$pdf" ] || fail "no chapter PDF"
	pdftoppm -r 50 "$pdf" pg
	# three pictures drawn, each with a purple half (one alone gives some
	# 32,000 pixels at 50 dpi)
	n=0
	for pg in pg-*.ppm; do
		k=$(python3 "$2/tests/tools/ppmcount.py" "$pg" 90 30 160 14)
		n=$((n + k))
	done
	[ "$n" -ge 80000 ] || fail "$pdf: $n purple pixels, not three pictures"
fi
exit 0
