# On a terminal (script(1) gives one) build shows a progress line for the
# chapters, the pages and the PDFs, rewritten in place with \r and
# cleared (\r ESC [K) before the summary lines, which stay as they are.
. "$2/tests/harden/lib.sh"
command -v script >/dev/null 2>&1 || fail "script(1) is not installed (bsdutils)"
project p
esc=$(printf '\033')
cr=$(printf '\r')
SG_BIN=$SG script -qec '"$SG_BIN" build p' /dev/null > tty.out 2>&1
st=$?
[ "$st" = 0 ] || fail "build on a terminal: exit status $st: $(cat -v tty.out)"
for w in "chapters 2/2" "pages 2/2" "PDFs 4/4"; do
	grep -q "${cr}salesgen: $w${esc}\[K" tty.out ||
		fail "no progress line 'salesgen: $w': $(cat -v tty.out)"
done
grep -q "${cr}${esc}\[Ksalesgen: p/out/site: 2 chapters, 0 terms" tty.out ||
	fail "the line is not cleared before the summary: $(cat -v tty.out)"
exit 0
