# A byte that is not UTF-8 in a project's own document template is told at
# the template's line and column, not at a line of the Markdown it made
# (which the data file does not have).
. "$2/tests/harden/lib.sh"
mkdir -p p/content p/templates/nl
cp "$TOP/tests/regress/data/nl/sellogram.xml" p/content/s.xml
{ printf '# Sellogram\n\nVoor {{klant.naam}}.\n\nCaf\351 en meer.\n'; } > p/templates/nl/sellogram.md
st=$(cd p && run ../err "$SG" render content/s.xml -o ../s.html)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qx "templates/nl/sellogram.md:5:4: warning: invalid UTF-8 (byte 0xE9), shown as U+FFFD; save the file as UTF-8 (later bad bytes are not reported)" err ||
	fail "no warning at the template: $(cat err)"
grep -q "s.xml:.*invalid UTF-8" err && fail "warned at the data file: $(cat err)"
exit 0
