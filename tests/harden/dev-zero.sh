# A chapter linked to /dev/zero is refused (a link out of the project),
# and render of such a file is refused as not regular: no endless read,
# exit 1 (2 is for usage errors).
. "$2/tests/harden/lib.sh"
project p
ln -s /dev/zero p/content/03-zero.md
st=$(run err timeout 20 "$SG" check p)
[ "$st" = 1 ] || fail "check: exit status $st, not 1: $(cat err)"
grep -qx "p/content/03-zero.md: error: path 'p/content/03-zero.md' leads outside the project" err ||
	fail "check: no diagnostic at the link: $(cat err)"
st=$(run err timeout 20 "$SG" render p/content/03-zero.md -o x.html)
[ "$st" = 1 ] || fail "render: exit status $st, not 1: $(cat err)"
grep -qx "p/content/03-zero.md: error: not a regular file (a FIFO, device or socket is not read)" err ||
	fail "render: no diagnostic at the file: $(cat err)"
[ ! -e x.html ] || fail "render wrote x.html"
exit 0
