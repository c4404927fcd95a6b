# A chapter that is a FIFO is refused at once: check and build do not
# wait for a writer.
. "$2/tests/harden/lib.sh"
project p
mkfifo p/content/03-fifo.md
for cmd in check build; do
	st=$(run err timeout 10 "$SG" $cmd p)
	[ "$st" = 124 ] && fail "$cmd hangs on the FIFO"
	[ "$st" = 1 ] || fail "$cmd: exit status $st, not 1: $(cat err)"
	grep -qx "p/content/03-fifo.md: error: not a regular file (a FIFO, device or socket is not read)" err ||
		fail "$cmd: no diagnostic at the FIFO: $(cat err)"
done
[ ! -e p/out ] || fail "out/ written"
exit 0
