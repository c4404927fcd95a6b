# out/ as a symbolic link to a folder elsewhere is not written through.
. "$2/tests/harden/lib.sh"
project p
mkdir -p "$T/elsewhere"
ln -s "$T/elsewhere" p/out
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/out: error: path 'p/out' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ -z "$(ls -A "$T/elsewhere")" ] || fail "written outside: $(ls "$T/elsewhere")"
exit 0
