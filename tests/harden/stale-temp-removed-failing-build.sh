# A build that stops at an error writes nothing, but still removes the
# temporary files a killed run left under out/: they would be published
# with the next upload of the folder.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/out/pdf
printf '%s\n' "$CANARY" > p/out/pdf/.01-eerste.pdf.sg-tmp-999999999-0
printf '> [!defintie] Term\n> Tekst.\n' > p/content/03-fout.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -q "03-fout.md:1:3: error: unknown callout kind 'defintie'" err || fail "no error: $(cat err)"
[ ! -e p/out/pdf/.01-eerste.pdf.sg-tmp-999999999-0 ] || fail "stale temporary file kept"
[ -z "$(ls -A p/out/pdf)" ] || fail "written after an error: $(ls -A p/out/pdf)"
exit 0
