# A project with sales documents and no chapters builds its documents
# and nothing of a course: no course handouts (teacher, student), no
# glossary page, no chapter navigation or contents list on the site, and
# a summary that counts only what was written.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/data
cp "$TOP/tests/regress/cli/check-offerte.xml" p/content/data/offerte.xml
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
got=$(cd p/out && find . -type f ! -name .salesgen-cache | LC_ALL=C sort | tr '\n' ' ')
want='./pdf/offerte.pdf ./site/index.html ./site/offerte.html ./site/print.css ./site/style.css '
[ "$got" = "$want" ] || fail "written: $got"
for f in p/out/site/*.html; do
	grep -q 'class="sidebar"' "$f" && fail "chapter navigation in $f"
	grep -q 'chapter-list' "$f" && fail "a list of chapters in $f"
done
grep -qF '<a href="offerte.html">Offerte 2026-117</a>' p/out/site/index.html ||
	fail "the index does not list the document"
want='salesgen: p/out/site: 1 document
salesgen: p/out/pdf: 1 document'
[ "$(cat err)" = "$want" ] || fail "summary: $(cat err)"
exit 0
