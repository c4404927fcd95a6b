# An invalid UTF-8 byte in a chapter is told at its line, counting the
# front matter, and at its byte column (as every Markdown position
# counts), once per file; the page shows U+FFFD.
. "$2/tests/harden/lib.sh"
project p
printf -- '---\ntitle: Drie\n---\n# Drie\n\nCaf\303\251 caf\351 en \377.\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qxF "p/content/03-drie.md:6:10: warning: invalid UTF-8 (byte 0xE9), shown as U+FFFD; save the file as UTF-8 (later bad bytes are not reported)" err ||
	fail "no warning at the byte: $(cat err)"
[ "$(grep -c 'U+FFFD' err)" = 1 ] || fail "told more than once: $(cat err)"
grep -q "caf$(printf '\357\277\275') en" p/out/site/03-drie.html || fail "no U+FFFD on the page"
exit 0
