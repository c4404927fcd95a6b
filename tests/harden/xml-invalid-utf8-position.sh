# A sales document with a byte that is not UTF-8 is an error in the
# words a CSV file's is told in, at its line and column, told alone;
# nothing is written.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data
printf '<?xml version="1.0" encoding="UTF-8"?>\n<pitch xmlns="urn:salesgen:1" lang="nl">\n  <titel>Caf\351</titel>\n</pitch>\n' > p/content/data/pitch.xml
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qxF "p/content/data/pitch.xml:3:13: error: invalid UTF-8 (byte 0xE9): save the file as UTF-8, or convert it, e.g. with iconv -f WINDOWS-1252 -t UTF-8" err ||
	fail "not told at the byte in the catalogue's words: $(cat err)"
[ "$(wc -l < err)" = 1 ] || fail "more than one line: $(cat err)"
[ ! -e p/out/site ] && [ ! -e p/out/pdf ] || fail "written after an error"
exit 0
