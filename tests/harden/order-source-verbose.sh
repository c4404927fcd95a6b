# check -v says which source set the chapters' order.
. "$2/tests/harden/lib.sh"
project p
st=$(run err "$SG" check -v p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qx "salesgen: note: chapter order from front matter, numeric prefixes and paths" err ||
	fail "order source not said: $(cat err)"
printf 'site_name: X\nnav:\n  - 02-tweede.md\n  - 01-eerste.md\n' > p/mkdocs.yml
st=$(run err "$SG" check -v p)
grep -qx "salesgen: note: chapter order from MkDocs mkdocs.yml (p/mkdocs.yml)" err ||
	fail "mkdocs.yml not said: $(cat err)"
exit 0
