# An 80 KB heading renders: its bookmark and the PDF's title are cut for
# libharu (it failed with 0x105B, then false font errors).
. "$2/tests/harden/lib.sh"
python3 -c "print('# ' + 'Lange ' * 14000 + '\n\nTekst.')" > doc.md
st=$(run err "$SG" render doc.md -o out.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 600 err)"
[ ! -s err ] || fail "messages: $(head -c 600 err)"
qpdf --check out.pdf > /dev/null 2>&1 || fail "qpdf --check fails"
t=$(pdfinfo out.pdf | sed -n 's/^Title: *//p')
[ "${#t}" = 1000 ] && [ "${t#*...}" = "" ] || fail "title of ${#t} characters"
exit 0
