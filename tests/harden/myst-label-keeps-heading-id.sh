# A MyST (label)= before a heading is an extra anchor: the heading keeps
# its own id, so a link written before the label was added still lands,
# and the label lands too (site and {ref}).
. "$2/tests/harden/lib.sh"
mkdir -p p/content/deel-1 p/content/deel-2
printf '# Gesprek\n\n(luister)=\n## Luister eerst\n\nTekst.\n' > p/content/deel-1/gesprek.md
printf '# Twee\n\nZie [oud](../deel-1/gesprek.md#luister-eerst), [nieuw](../deel-1/gesprek.md#luister) en {ref}`luister`.\n' > p/content/deel-2/twee.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
h=p/out/site/deel-1/gesprek.html
grep -q '<h2 id="luister-eerst">' $h || fail "the heading lost its own id: $(grep '<h2' $h)"
grep -q '<span id="luister"></span>' $h || fail "no anchor for the label: $(grep '<h2' $h)"
[ "$(grep -c 'id="luister"' $h)" = 1 ] || fail "label id more than once"
grep -q 'href="../deel-1/gesprek.html#luister"' p/out/site/deel-2/twee.html ||
	fail "{ref} not pointed at the label"
exit 0
