# The search index's shard files and snippet files that an earlier build
# of a larger site left in out/site are removed when the index is
# written, also when the build cache does not know them (a new salesgen,
# a deleted cache): the site published holds only what this build made.
. "$2/tests/harden/lib.sh"
project p
st=$(run err "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
[ -f p/out/site/search/1.js ] || fail "no snippet file for chapter 2: $(ls p/out/site/search)"
# as a larger build would have left them
echo 'SalesgenSearch.shard(0,"","");' > p/out/site/search-index-0.js
echo 'SalesgenSearch.shard(1,"","");' > p/out/site/search-index-1.js
echo 'SalesgenSearch.text(2,[]);' > p/out/site/search/2.js
echo 'SalesgenSearch.text(3,[]);' > p/out/site/search/3.js
echo keep > p/out/site/search-index-notes.txt
rm -f p/out/.salesgen-cache
st=$(run err "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
for f in search-index-0.js search-index-1.js search/2.js search/3.js; do
	[ -e "p/out/site/$f" ] && fail "stale $f left in out/site"
done
for f in search-index.js search/0.js search/1.js search-index-notes.txt; do
	[ -f "p/out/site/$f" ] || fail "$f is gone"
done
exit 0
