# A damaged image stops a build before anything is replaced: the previous
# out/site and out/pdf stay byte for byte (the site was rewritten before
# libpng aborted the PDFs).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
project p
mkdir -p p/content/img
mkpng p/content/img/a.png --size 200x100
printf '# Drie\n\nTekst.\n\n![een plaatje](img/a.png)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "the good build fails: $(cat err)"
pdfimages -list p/out/pdf/03-drie.pdf | grep -q " 200 *100 " || fail "the image is not in the chapter's PDF"
(cd p/out && find . -type f | LC_ALL=C sort | xargs md5sum) > before
mkpng p/content/img/a.png --size 200x100 --bad-crc
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -q "^p/content/03-drie.md:5:1: error: image 'img/a.png': the data is damaged" err ||
	fail "no diagnostic at the image: $(cat err)"
(cd p/out && find . -type f | LC_ALL=C sort | xargs md5sum) > after
cmp -s before after || fail "out/ changed: $(diff before after | head -5)"
exit 0
