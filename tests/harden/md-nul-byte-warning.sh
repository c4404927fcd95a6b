# A NUL byte in a chapter is shown as U+FFFD with a warning at its line
# and (byte) column, once per file; --strict makes it an error.
. "$2/tests/harden/lib.sh"
project p
printf '# Drie\n\nab\000cd en \000 nog een.\n' > p/content/03-drie.md
st=$(run err "$SG" check p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -qxF "p/content/03-drie.md:3:3: warning: NUL byte, shown as U+FFFD (later bad bytes are not reported)" err ||
	fail "no warning at the byte: $(cat err)"
[ "$(grep -c 'U+FFFD' err)" = 1 ] || fail "told more than once: $(cat err)"
st=$(run err "$SG" check --strict p)
[ "$st" = 1 ] || fail "--strict: exit status $st, expected 1"
exit 0
