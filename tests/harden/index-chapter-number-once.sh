# The index lists a chapter as "1 Webdesign", not "1. 1 Webdesign": the
# list shows the chapter's own number and no list number of its own.
. "$2/tests/harden/lib.sh"
project p
st=$(run err "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qF '<ol class="chapter-list">' p/out/site/index.html || fail "no chapter list"
grep -qF '<span class="num">1</span> Eerste</a>' p/out/site/index.html || fail "no number in the entry"
grep -qE '^\.chapter-list \{[^}]*list-style: none' p/out/site/style.css ||
	fail "the chapter list keeps its list numbers: $(grep chapter-list p/out/site/style.css)"
exit 0
