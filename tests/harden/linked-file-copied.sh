# A file a chapter links to (a PDF) is copied into the site at its path,
# the link rewritten from the chapter's folder; a missing one warns at the
# link.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/deel-1 p/content/bijlagen
printf '%%PDF-1.4\n%%%%EOF\n' > p/content/bijlagen/lijst.pdf
printf '# Een\n\nDe [lijst](../bijlagen/lijst.pdf#page=2) en [weg](../bijlagen/weg.zip).\n' > p/content/deel-1/een.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -qx "p/content/deel-1/een.md:3:45: warning: linked file '../bijlagen/weg.zip' not found" err ||
	fail "no warning for the missing file: $(cat err)"
cmp -s p/content/bijlagen/lijst.pdf p/out/site/bijlagen/lijst.pdf || fail "lijst.pdf not copied"
grep -q 'href="\.\./bijlagen/lijst\.pdf#page=2"' p/out/site/deel-1/een.html || fail "link not kept: $(grep -o 'href="[^"]*lijst[^"]*"' p/out/site/deel-1/een.html)"
exit 0
