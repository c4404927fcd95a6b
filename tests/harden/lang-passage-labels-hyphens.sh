# Text in another language than the course's is set as that language, in
# the site and in the course PDF: an English chapter (front matter `lang:
# en`) of a Dutch course, and an English sales document a Dutch chapter
# embeds (a passage, doc_passage()).  Their table captions say "Table",
# the Dutch chapter's own "Tabel"; the English chapter's words are broken
# at line ends where the English patterns allow, not the Dutch ones
# ("esta-blishing" is Dutch patterns on an English word).  Before, the
# course's language was used for everything.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/data
cp "$TOP/content/data/offerte-en.xml" p/content/data/
cp -R "$TOP/content/data/img" p/content/data/
printf '# Prijzen\n\n| Pakket | Prijs |\n|---|---|\n| Basis | 10 |\n\nDe verkoopadviseur bespreekt de resultaten.\n\n![Offer](data/offerte-en.xml)\n' > p/content/01-prijzen.md
en="The representative demonstrates comprehensive understanding of organizational responsibilities, establishing relationships with procurement departments, communicating recommendations, negotiating considerable discounts, documenting unforgettable accomplishments and characteristically overwhelming administrative requirements."
printf -- '---\nlang: en\n---\n# Pricing\n\n| Package | Price |\n|---|---|\n| Basic | 10 |\n\n%s %s %s %s %s %s\n' \
    "$en" "$en" "$en" "$en" "$en" "$en" > p/content/02-pricing.md
printf '%s\n' "$en" > words.txt
st=$(SALESGEN_LAYOUT_DUMP=$PWD/dump run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
caps() { grep -o '<caption><span class="label">[A-Za-z]* [0-9.]*' "$1" |
	sed 's/.*"label">//' | tr '\n' '|'; }
c1=$(caps p/out/site/01-prijzen.html)
[ "$c1" = "Tabel 1.1|Table 1.2|Table 1.3|Table 1.4|" ] ||
	fail "chapter 1's captions on the site: $c1"
c2=$(caps p/out/site/02-pricing.html)
[ "$c2" = "Table 2.1|" ] || fail "chapter 2's captions on the site: $c2"
# the course PDF's captions, in the order they are drawn (the editions
# and the chapters' own PDFs each add theirs to the dump)
[ -f p/out/pdf/p.pdf ] || fail "no course PDF: $(ls p/out/pdf)"
pdftotext p/out/pdf/p.pdf - | grep -oE '^(Tabel|Table) [0-9.]+' |
    tr '\n' '|' > got
[ "$(cat got)" = "Tabel 1.1|Table 1.2|Table 1.3|Table 1.4|Table 2.1|" ] ||
	fail "the course PDF's captions: $(cat got)"
python3 "$TOP/tests/tools/hyph_check.py" dump words.txt \
    /usr/share/hyphen/hyph_en_US.dic > hy 2>&1 ||
	fail "English words broken against the English patterns: $(grep -v '^ok' hy | head -5)"
exit 0
