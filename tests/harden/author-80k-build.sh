# An 80 KB author in salesgen.xml builds: the PDF's author is cut for
# libharu (it failed the handouts with a raw 0x105B).
. "$2/tests/harden/lib.sh"
project p
python3 -c "print('<course><title>T</title><author>' + 'Auteur ' * 12000 + '</author></course>')" > p/salesgen.xml
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 600 err)"
grep -v "^salesgen: p/out/" err | grep -q . && fail "messages: $(head -c 600 err)"
qpdf --check p/out/pdf/t.pdf > /dev/null 2>&1 || fail "qpdf --check fails: $(ls p/out/pdf)"
a=$(pdfinfo p/out/pdf/t.pdf | sed -n 's/^Author: *//p')
[ "${#a}" -le 1000 ] && [ "${#a}" -gt 900 ] || fail "author of ${#a} characters"
exit 0
