# A chapter's image is in the course handouts when the project is built
# from another folder (the chapter's folder was put before the path
# twice, and every picture was left out as 'not found').
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
project p
mkdir -p p/content/img
mkpng p/content/img/a.png --size 200x100
printf '# Drie\n\nTekst.\n\n![een plaatje](img/a.png)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -v "^salesgen: p/out/" err | grep -q . && fail "messages: $(cat err)"
for f in p.pdf p-student.pdf 03-drie.pdf; do
	pdfimages -list "p/out/pdf/$f" | grep -q " 200 *100 *rgb " ||
		fail "the image is not in $f"
done
exit 0
