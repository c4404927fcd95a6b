# A mailing's CSV file that is a symbolic link out of the project stops
# the build before anything is written.
. "$2/tests/harden/lib.sh"
project p
mkdir -p "$T/outside" p/content/mailing
cp "$TOP/tests/harden/offerte.xml" p/content/mailing/brief.xml
printf 'klant.naam\n%s\n' "$CANARY" > "$T/outside/rows.csv"
ln -s "$T/outside/rows.csv" p/content/mailing/rows.csv
printf '<course><mailing template="mailing/brief.xml" rijen="mailing/rows.csv"/></course>\n' > p/salesgen.xml
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/mailing/rows.csv: error: path 'p/content/mailing/rows.csv' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ ! -e p/out ] || fail "out/ written: $(find p/out | head)"
exit 0
