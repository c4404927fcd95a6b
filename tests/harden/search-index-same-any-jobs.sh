# The search index does not depend on how many threads built the pages:
# -j 1 and -j 4 write the same files, byte for byte.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
i=1
while [ $i -le 12 ]; do
	printf '# Hoofdstuk %s\n\n## Deel %s\n\nHet verkoopplan %s en de prijzen.\n' $i $i $i > p/content/$i-h.md
	i=$((i + 1))
done
st=$(run out "$SG" build p --only site -j 1)
[ "$st" = 0 ] || fail "exit $st: $(cat out)"
cp -R p/out/site one
st=$(run out "$SG" build p --only site -j 4)
[ "$st" = 0 ] || fail "exit $st: $(cat out)"
for f in search-index.js search/0.js search/11.js; do
	cmp -s "one/$f" "p/out/site/$f" || fail "$f differs between -j 1 and -j 4"
done
exit 0
