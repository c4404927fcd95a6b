# A second build of an unchanged project, and a build after an edit to one
# chapter, leave every output whose bytes are the same as they were: same
# mtime (rsync and CI caches see no change); the edited chapter's page is
# rewritten.  The cache is deleted before the edit's build, so the file
# comparison (not only the up-to-date skip) is what keeps the others.
. "$2/tests/harden/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
project p
st=$(run o1 "$SG" build -q p)
[ "$st" = 0 ] || fail "first build: status $st: $(cat o1)"
# mtimes far in the past, so a rewrite cannot hide in the same tick
find p/out -type f ! -name .salesgen-cache -exec touch -d '2001-01-01 00:00:00' {} +
find p/out -type f ! -name .salesgen-cache | sort | xargs ls -l --time-style=+%s > before
rm -f p/out/.salesgen-cache
st=$(run o2 "$SG" build -q p)
[ "$st" = 0 ] || fail "second build: status $st: $(cat o2)"
find p/out -type f ! -name .salesgen-cache | sort | xargs ls -l --time-style=+%s > after
cmp -s before after || fail "outputs rewritten by a build with nothing changed:
$(diff before after | head -10)"
printf '# Tweede\n\nAndere tekst.\n' > p/content/02-tweede.md
rm -f p/out/.salesgen-cache
st=$(run o3 "$SG" build -q p)
[ "$st" = 0 ] || fail "third build: status $st: $(cat o3)"
[ "$(stat -c %Y p/out/site/01-eerste.html 2>/dev/null)" = 978307200 ] ||
	fail "unchanged chapter page rewritten: $(ls -l --time-style=+%s p/out/site/01-eerste.html)"
[ "$(stat -c %Y p/out/pdf/01-eerste.pdf 2>/dev/null)" = 978307200 ] ||
	fail "unchanged chapter PDF rewritten: $(ls -l --time-style=+%s p/out/pdf/ | head)"
[ "$(stat -c %Y p/out/site/02-tweede.html)" != 978307200 ] ||
	fail "edited chapter's page not rewritten"
grep -q 'Andere tekst' p/out/site/02-tweede.html || fail "edit not in the page"
exit 0
