# A project's schema that includes a URL is refused at the include, and
# nothing is fetched: a listener on the port would see a connection.
. "$2/tests/harden/lib.sh"
project p
cp "$TOP/tests/harden/offerte.xml" p/content/offerte.xml
mkdir -p p/templates/schema
sed 's|<start>|<include href="http://127.0.0.1:9/evil.rng"/><start>|' \
	"$TOP/templates/schema/salesgen.rng" > p/templates/schema/salesgen.rng
grep -q 'evil.rng' p/templates/schema/salesgen.rng || fail "fixture: no <start> in the schema"
line=$(grep -n 'evil.rng' p/templates/schema/salesgen.rng | cut -d: -f1)
st=$(run err "$SG" check p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/templates/schema/salesgen.rng:$line: error: path 'http://127.0.0.1:9/evil.rng' leads outside the project" err ||
	fail "no diagnostic at the include: $(cat err)"
grep -v '^p/' err | grep -q . && fail "raw text on stderr: $(cat err)"
exit 0
