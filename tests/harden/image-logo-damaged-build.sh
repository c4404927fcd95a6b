# A sales document's logo that is damaged stops the build at the
# document, before anything is written (libpng aborted the program after
# the site was already written).
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data/img
cp "$TOP/content/data/offerte-hendriks.xml" p/content/data/
head -c 100 "$TOP/content/data/img/veldkamp.png" > p/content/data/img/veldkamp.png
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
[ "$(cat err)" = "p/content/data/offerte-hendriks.xml:7:3: error: image 'img/veldkamp.png': the file ends early (it is cut short)" ] ||
	fail "got: $(cat err)"
[ ! -e p/out ] || fail "out/ was written: $(find p/out -type f | head -3)"
exit 0
