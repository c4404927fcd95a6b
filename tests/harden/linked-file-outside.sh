# A link to a file outside the project is refused like an image would be:
# an error at the link, nothing written, the file not copied.
. "$2/tests/harden/lib.sh"
project p
secret=$(outside_file)
cp "$secret" "$T/geheim.pdf"
printf '# Derde\n\nDe [bijlage](../../geheim.pdf) hoort erbij.\n' > p/content/03-derde.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/03-derde.md:3:4: error: path '../../geheim.pdf' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
[ ! -e p/out ] || fail "out/ written"
exit 0
