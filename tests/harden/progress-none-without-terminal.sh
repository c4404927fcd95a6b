# Without a terminal (a log, a pipe, CI) and with -q on a terminal, build
# prints no progress line: the output is what it was before progress
# lines existed, byte for byte.
. "$2/tests/harden/lib.sh"
command -v script >/dev/null 2>&1 || fail "script(1) is not installed (bsdutils)"
project p
st=$(run log "$SG" build p)
[ "$st" = 0 ] || fail "build: exit status $st: $(cat log)"
printf 'salesgen: p/out/site: 2 chapters, 0 terms\nsalesgen: p/out/pdf: 4 handouts, 0 documents\n' > want
cmp -s want log || fail "build without a terminal printed: $(cat -v log)"
SG_BIN=$SG script -qec '"$SG_BIN" -q build p' /dev/null > tty.out 2>&1
st=$?
[ "$st" = 0 ] || fail "-q build on a terminal: exit status $st: $(cat -v tty.out)"
[ ! -s tty.out ] || fail "-q build on a terminal printed: $(cat -v tty.out)"
exit 0
