# An image path from the site's root ("/..") that climbs out of the
# project is refused in a build, and nothing of the outside file reaches
# out/.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
project p
cp "$s" "$T/outside/x.png"
printf '# Drie\n\n![x](/../../outside/x.png)\n' > p/content/03-drie.md
st=$(run err "$SG" build p)
[ "$st" != 0 ] || fail "exit status 0"
grep -q "03-drie.md:3:1: .*leads outside the project" err || fail "no diagnostic at the image: $(cat err)"
no_secret p/out
exit 0
