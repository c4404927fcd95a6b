# A project's schema may include a schema file of its own.
. "$2/tests/harden/lib.sh"
project p
cp "$TOP/tests/harden/offerte.xml" p/content/offerte.xml
mkdir -p p/templates/schema
sed 's|<start>|<include href="extra.rng"/><start>|' \
	"$TOP/templates/schema/salesgen.rng" > p/templates/schema/salesgen.rng
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><define name="zz"><empty/></define></grammar>\n' > p/templates/schema/extra.rng
st=$(run err "$SG" check p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
exit 0
