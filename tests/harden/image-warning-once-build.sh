# A PNG decoder warning in a build is told once, at the chapter, with the
# path as written (the teacher's handout told it again with the path
# salesgen had resolved).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/img/lib.sh"
project p
mkdir -p p/content/img
mkpng p/content/img/a.png --size 200x100 --bad-text
printf '# Drie\n\n![een plaatje](img/a.png)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
[ "$(grep -v '^salesgen: p/out/' err)" = "p/content/03-drie.md:3:1: warning: image 'img/a.png': a damaged or unusual part of the file is ignored (tEXt: CRC error)" ] ||
	fail "got: $(cat err)"
exit 0
