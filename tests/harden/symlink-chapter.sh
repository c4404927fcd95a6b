# A chapter that is a symbolic link to a file outside the project is
# refused at the link, and nothing of the outside file reaches out/.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
project p
ln -s "$s" p/content/03-link.md
st=$(run err "$SG" build --only site p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/content/03-link.md: error: path 'p/content/03-link.md' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
no_secret p/out
exit 0
