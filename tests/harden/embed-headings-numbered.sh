# A sales document a chapter embeds (![…](data/x.xml)) puts its sections
# one level below the heading it stands under, so they are numbered as
# that section's: under the chapter's title "1.1 Pricing", under "2.1
# Voorbeeld" "2.1.1 Pricing", never "1.0.1" (the document's headings were
# shifted by the level above them, after the levels had been closed up).
# Checked on the site page and in the chapter's PDF.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/data
cp "$TOP/content/data/offerte-en.xml" p/content/data/
cp -R "$TOP/content/data/img" p/content/data/
printf '# Prijzen\n\nTekst.\n\n![Offer](data/offerte-en.xml)\n\n## Daarna\n\nMeer.\n' > p/content/01-prijzen.md
printf '# Tweede\n\nTekst.\n\n## Voorbeeld\n\n![Offer](data/offerte-en.xml)\n\n## Daarna\n\nMeer.\n' > p/content/02-tweede.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
nums() { grep -o '<h[1-6][^>]*><span class="num">[^<]*</span> [A-Za-z]*' "$1" |
	sed 's/.*"num">\([^<]*\)<\/span> /\1 /'; }
n1=$(nums p/out/site/01-prijzen.html | tr '\n' '|')
[ "$n1" = "1 Prijzen|1.1 Pricing|1.2 Terms|1.3 Acceptance|1.4 Daarna|" ] ||
	fail "chapter 1's headings: $n1"
n2=$(nums p/out/site/02-tweede.html | tr '\n' '|')
[ "$n2" = "2 Tweede|2.1 Voorbeeld|2.1.1 Pricing|2.1.2 Terms|2.1.3 Acceptance|2.2 Daarna|" ] ||
	fail "chapter 2's headings: $n2"
for f in p/out/pdf/01-prijzen.pdf p/out/pdf/02-tweede.pdf; do
	[ -f "$f" ] || fail "no $f: $(ls p/out/pdf)"
	pdftotext "$f" - | grep -E '^[0-9]+(\.[0-9]+)*\.0(\.|$| )' &&
		fail "a heading numbered with a 0 in $f"
	pdftotext "$f" - | grep -q 'Pricing' || fail "no Pricing in $f"
done
exit 0
