# A sales document rendered from another folder keeps to its own project,
# not to the current folder: its logo (inside the project) is found, for
# the PDF, the HTML offer and verify, by an absolute and a relative path.
# Before, the current folder was taken as the project and the logo "led
# outside" it.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/data/img elders
cp -r "$TOP/content/data/offerte-van-dalen.xml" p/content/data/
cp "$TOP/content/data/img/"* p/content/data/img/
abs=$(cd p && pwd)/content/data/offerte-van-dalen.xml
for arg in "$abs" ../p/content/data/offerte-van-dalen.xml; do
	st=$(cd elders && run ../err "$SG" render "$arg" -o o.pdf)
	[ "$st" = 0 ] || fail "render $arg to PDF from elsewhere: status $st: $(cat err)"
	pdfimages -list elders/o.pdf | grep -q image || fail "no logo in the PDF of $arg"
	st=$(cd elders && run ../err "$SG" render "$arg" -t html -o o.html)
	[ "$st" = 0 ] || fail "render $arg to HTML from elsewhere: status $st: $(cat err)"
	grep -q 'src="data:image/' elders/o.html || fail "no logo in the HTML offer of $arg"
	st=$(cd elders && run ../err "$SG" verify o.pdf "$arg")
	[ "$st" = 0 ] || fail "verify from elsewhere: status $st: $(cat err)"
	rm -f elders/o.pdf elders/o.html
done
# and a logo that really is outside its project is still refused
cp p/content/data/img/* elders/
sed 's|<logo>[^<]*</logo>|<logo>../../../elders/veldkamp.png</logo>|' p/content/data/offerte-van-dalen.xml > p/content/data/uit.xml
grep -q 'elders/veldkamp.png' p/content/data/uit.xml || fail "fixture: no logo element to point outside"
st=$(cd elders && run ../err "$SG" render ../p/content/data/uit.xml -o u.pdf)
[ "$st" = 1 ] || fail "a logo outside the project was taken: status $st"
grep -q "leads outside the project" err || fail "no containment error: $(cat err)"
exit 0
