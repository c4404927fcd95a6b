# A project without a title is named after its folder's own real name,
# never the path it was built by: no "/srv/..." in pages, PDF titles or
# file names, and "build ." and "build ./" give the folder's name too.
. "$2/tests/harden/lib.sh"
mkdir -p srv/courses
project srv/courses/c1000
st=$(run err "$SG" build -q "$T/srv/courses/c1000")
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
o=srv/courses/c1000/out
grep -q '<title>c1000' $o/site/index.html || fail "title: $(grep -o '<title>[^<]*' $o/site/index.html)"
grep -rl "srv/courses\|srvcourses" $o >/dev/null 2>&1 && fail "the build path is published: $(grep -rl 'srv/courses\|srvcourses' $o)"
[ -f $o/pdf/c1000.pdf ] || fail "handout name: $(ls $o/pdf)"
for a in . ./; do
	rm -rf $o
	st=$(cd srv/courses/c1000 && "$SG" build -q "$a" > ../../../err 2>&1; echo $?)
	[ "$st" = 0 ] || fail "build $a: exit status $st: $(cat err)"
	[ -f $o/pdf/c1000.pdf ] || fail "build $a: handout name: $(ls $o/pdf)"
	grep -q '<title>c1000' $o/site/index.html || fail "build $a: title"
done
exit 0
