# A project's template that is a symbolic link out of the project is
# refused at the link; the site is not written and holds nothing of it.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
project p
mkdir -p p/templates/site
ln -s "$s" p/templates/site/print.css
st=$(run err "$SG" build --only site p)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "p/templates/site/print.css: error: path 'p/templates/site/print.css' leads outside the project" err ||
	fail "no diagnostic at the link: $(cat err)"
no_secret p/out
exit 0
