# A project's schema that includes an absolute path is refused at the
# include; the file is not read and none of it reaches stderr.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
project p
cp "$TOP/tests/harden/offerte.xml" p/content/offerte.xml
mkdir -p p/templates/schema
sed "s|<start>|<include href=\"$s\"/><start>|" \
	"$TOP/templates/schema/salesgen.rng" > p/templates/schema/salesgen.rng
line=$(grep -n 'secret.txt' p/templates/schema/salesgen.rng | cut -d: -f1)
[ -n "$line" ] || fail "fixture: no <start> in the schema"
st=$(run err "$SG" check p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/templates/schema/salesgen.rng:$line: error: path '$s' leads outside the project" err ||
	fail "no diagnostic at the include: $(cat err)"
grep -q "$CANARY" err && fail "outside text on stderr: $(cat err)"
exit 0
