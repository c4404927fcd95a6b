# A schema file the project's schema includes may not include a file
# outside in turn: refused, with no raw libxml2 text on stderr.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
project p
cp "$TOP/tests/harden/offerte.xml" p/content/offerte.xml
mkdir -p p/templates/schema
sed 's|<start>|<include href="extra.rng"/><start>|' \
	"$TOP/templates/schema/salesgen.rng" > p/templates/schema/salesgen.rng
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="%s"/><define name="zz"><empty/></define></grammar>\n' "$s" > p/templates/schema/extra.rng
st=$(run err "$SG" check p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -q "^p/templates/schema/extra.rng:1: error: " err || fail "no diagnostic at the include: $(cat err)"
grep -v '^p/templates/schema/extra.rng:1: error: ' err | grep -q . && fail "other text on stderr: $(cat err)"
grep -q "$CANARY" err && fail "outside text on stderr: $(cat err)"
exit 0
