# An image from the site's root ("/img/x.png") that none of the folders a
# tool serves as the root holds (content/, static/, public/, the project)
# is a warning at its line:col, as a relative one is, not a broken
# picture left without a word.
. "$2/tests/harden/lib.sh"
project p
printf '# Drie\n\nTekst.\n\n![Een plaatje](/img/geen.png)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
grep -q "^p/content/03-drie.md:5:1: warning: image '/img/geen.png' not found" err ||
    fail "no warning at the image: $(cat err)"
exit 0
