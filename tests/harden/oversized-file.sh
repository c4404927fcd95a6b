# An input over the 64 MiB limit is refused at the file, without reading
# it (a sparse file: no disk is spent).
. "$2/tests/harden/lib.sh"
project p
truncate -s 65M p/content/03-groot.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/03-groot.md: error: larger than 64 MiB, the limit for an input file" err ||
	fail "no diagnostic at the file: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
head -c 70000000 /dev/zero | tr '\0' a > big.md
st=$(run err "$SG" render - -o x.html < big.md)
[ "$st" = 1 ] || fail "stdin: exit status $st, not 1: $(cat err)"
grep -qx "<stdin>: error: larger than 64 MiB, the limit for an input file" err ||
	fail "stdin: no diagnostic: $(cat err)"
exit 0
