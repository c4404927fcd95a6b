# A chapter removed from the project takes its page and PDF with it at the
# next build (out/ equals a clean build), while a file salesgen did not
# write stays.
. "$2/tests/harden/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
project p
st=$(run o1 "$SG" build -q p)
[ "$st" = 0 ] || fail "first build: status $st: $(cat o1)"
[ -f p/out/site/02-tweede.html ] && [ -f p/out/pdf/02-tweede.pdf ] ||
	fail "first build made no page or PDF for chapter 2: $(ls p/out/site p/out/pdf)"
echo mine > p/out/site/notes.txt
rm p/content/02-tweede.md
st=$(run o2 "$SG" build -q p)
[ "$st" = 0 ] || fail "second build: status $st: $(cat o2)"
[ ! -e p/out/site/02-tweede.html ] || fail "removed chapter's page left in out/site"
[ ! -e p/out/pdf/02-tweede.pdf ] || fail "removed chapter's PDF left in out/pdf"
[ "$(cat p/out/site/notes.txt 2>/dev/null)" = mine ] || fail "a file salesgen did not write was removed"
mkdir q && cp -R p q/p && rm -rf q/p/out
st=$(run o3 "$SG" build -q q/p)
[ "$st" = 0 ] || fail "clean build: status $st: $(cat o3)"
rm p/out/site/notes.txt
d=$(diff -r -x .salesgen-cache p/out q/p/out 2>&1) || fail "incremental out/ differs from a clean build:
$d"
exit 0
