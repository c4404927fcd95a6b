# An output that cannot be renamed into place (a folder stands at its
# name) is an error, exit 1, and its temporary file is gone; a run killed
# mid-way leaves nothing the next build does not remove.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/out/pdf/01-eerste.pdf/x
st=$(run err "$SG" build -q p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -q "cannot write 'p/out/pdf/01-eerste.pdf'" err || fail "no write error: $(cat err)"
left=$(find p/out -name '*sg-tmp*' -o -name '*.tmp.*')
[ -z "$left" ] || fail "temporary files left: $left"
# a build killed at some point, then a good build: no temporary file
rm -rf p/out
i=4
while [ $i -le 40 ]; do
	printf '# H%d\n\n%s\n' $i "$(seq 1 400 | tr '\n' ' ')" > p/content/$i.md
	i=$((i + 1))
done
"$SG" build -q -j 2 p > /dev/null 2>&1 &
pid=$!
sleep 0.5
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
st=$(run err "$SG" build -q p)
[ "$st" = 0 ] || fail "build after the kill: exit status $st: $(cat err)"
left=$(find p/out -name '*sg-tmp*' -o -name '*.tmp.*')
[ -z "$left" ] || fail "temporary files left after a killed run and a new build: $left"
exit 0
