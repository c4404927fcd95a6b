# A root index.md is the text of the landing page (above the chapter list)
# and its first heading the course's title, not a chapter and not lost; a
# README.md beside it is left out with a note.
. "$2/tests/harden/lib.sh"
project p
printf '# Verkoop voor starters\n\nWelkom bij de cursus. Begin bij [het eerste](01-eerste.md).\n' > p/content/index.md
printf '# Over deze map\n\nBouwen met salesgen.\n' > p/content/README.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qx "p/content/README.md: note: 'README.md' is left out: 'index.md' is the landing page" err ||
	fail "no note for README.md: $(cat err)"
grep -q 'Welkom bij de cursus' p/out/site/index.html || fail "index.md's text is not on the index page"
grep -q '<a href="01-eerste.html">het eerste</a>' p/out/site/index.html || fail "the landing page's link is not rewritten"
grep -q '<title>Verkoop voor starters</title>' p/out/site/index.html || fail "title not from index.md's heading: $(grep '<title>' p/out/site/index.html)"
[ "$(grep -c '<h1' p/out/site/index.html)" = 1 ] || fail "not one h1 on the index page"
grep -q 'Over deze map' p/out/site/*.html && fail "README.md published"
[ "$(grep -c '<li><a href' p/out/site/index.html)" -ge 2 ] || fail "chapters not listed"
exit 0
