# out/site as a symbolic link to a folder elsewhere is not written through.
. "$2/tests/harden/lib.sh"
project p
mkdir -p "$T/elsewhere" p/out
ln -s "$T/elsewhere" p/out/site
st=$(run err "$SG" build --only site p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/out/site: error: path 'p/out/site' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ -z "$(ls -A "$T/elsewhere")" ] || fail "written outside: $(ls "$T/elsewhere")"
exit 0
