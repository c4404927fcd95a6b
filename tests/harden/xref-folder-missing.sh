# A link to a chapter in another folder that is not there is an error at
# the link, read from the linking chapter's folder; nothing is written.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/deel-1 p/content/deel-2
printf '# A\n\nZie [B](../deel-2/b.md) en [weg](../deel-2/weg.md).\n' > p/content/deel-1/a.md
printf '# B\n\nTekst.\n' > p/content/deel-2/b.md
# b.md beside a.md would have been found by its bare name before
printf '# Weg\n\nTekst.\n' > p/content/deel-1/weg.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/deel-1/a.md:3:28: error: link to '../deel-2/weg.md': no such chapter in this project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ "$(grep -c error: err)" = 1 ] || fail "more than one error: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
