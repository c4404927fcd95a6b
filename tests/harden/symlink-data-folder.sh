# A folder of sales documents that is a symbolic link out of the project
# is refused once, at the link.
. "$2/tests/harden/lib.sh"
project p
mkdir -p "$T/outside/data"
sed "s/Veldkamp/$CANARY/" "$TOP/tests/harden/offerte.xml" > "$T/outside/data/o.xml"
ln -s "$T/outside/data" p/content/data
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/data: error: path 'p/content/data' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ "$(wc -l < err)" = 1 ] || fail "more than one diagnostic: $(cat err)"
no_secret p/out
exit 0
