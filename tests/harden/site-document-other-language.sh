# A sales document in another language than the site (an English offer in
# a Dutch course), or a chapter whose front matter says lang: en: its page keeps the site's language for the shell (skip
# link, sidebar, search: Dutch words, lang="nl") and marks its own text
# with its language (WCAG 3.1.2), rather than calling Dutch words English.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data
cp -r "$2/content/data/offerte-en.xml" "$2/content/data/img" p/content/data/
printf -- '---\nlang: en\n---\n# Pitch\n\nThe customer buys.\n' > p/content/03-pitch.md
st=$(run err "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
page=p/out/site/offerte-en.html
[ -f "$page" ] || fail "no page for the English offer"
grep -q '<html lang="nl">' "$page" || fail "the page is not lang=nl: $(grep -o '<html[^>]*>' "$page")"
grep -q 'Naar de inhoud' "$page" || fail "the skip link is not in the site's words"
grep -q '<article lang="en">' "$page" || fail "the document's text is not marked lang=en"
grep -q '<html lang="nl">' p/out/site/03-pitch.html || fail "the English chapter's page is not lang=nl"
grep -q '<article lang="en">' p/out/site/03-pitch.html || fail "the English chapter's text is not marked lang=en"
# a chapter, in the site's language, has no lang of its own
grep -q '<article lang=' p/out/site/01-eerste.html && fail "a Dutch chapter got a lang of its own"
exit 0
