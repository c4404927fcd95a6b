# A sales document that is a symbolic link out of the project is refused.
. "$2/tests/harden/lib.sh"
project p
mkdir -p "$T/outside"
sed "s/Veldkamp/$CANARY/" "$TOP/tests/harden/offerte.xml" > "$T/outside/o.xml"
ln -s "$T/outside/o.xml" p/content/offerte.xml
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/offerte.xml: error: path 'p/content/offerte.xml' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
no_secret p/out
exit 0
