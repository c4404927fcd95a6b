# A build with nothing changed writes nothing (not even the cache), says
# so in a note, and gives the warnings of the last build again; an edit,
# an output deleted by hand, a different option or a damaged cache each
# make it build again.
. "$2/tests/harden/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
project p
printf '# Derde\n\nab\000cd.\n' > p/content/03-derde.md
st=$(run o1 "$SG" build p)
[ "$st" = 0 ] || fail "first build: status $st: $(cat o1)"
grep 'warning' o1 > w1
[ -s w1 ] || fail "test project gives no warning: $(cat o1)"
snap() { find p/out | sort | xargs stat -c '%n %y %s %i'; }
snap > before
st=$(run o2 "$SG" build p)
[ "$st" = 0 ] || fail "second build: status $st: $(cat o2)"
snap > after
cmp -s before after || fail "up-to-date build touched out/: $(diff before after | head)"
grep -qx "p/out: note: nothing this build reads has changed since the last one: its outputs are left as they are" o2 ||
	fail "no up-to-date note: $(cat o2)"
grep 'warning' o2 > w2
cmp -s w1 w2 || fail "warnings not given again: $(cat o2)"
# -q: errors only
st=$(run o3 "$SG" build -q p)
[ "$st" = 0 ] && [ ! -s o3 ] || fail "-q up-to-date build: status $st: $(cat o3)"
# each of these rebuilds
rm p/out/site/01-eerste.html
st=$(run o4 "$SG" build p)
[ -f p/out/site/01-eerste.html ] || fail "deleted output not made again: $(cat o4)"
st=$(run o5 "$SG" build p --edition teacher)
grep -q 'nothing this build reads' o5 && fail "other option taken as up to date"
printf 'garbage\n' > p/out/.salesgen-cache
st=$(run o6 "$SG" build p)
grep -q 'nothing this build reads' o6 && fail "damaged cache trusted"
[ "$st" = 0 ] || fail "build with damaged cache: status $st: $(cat o6)"
printf '# Tweede\n\nNieuw.\n' > p/content/02-tweede.md
st=$(run o7 "$SG" build p)
grep -q 'nothing this build reads' o7 && fail "edit taken as up to date"
grep -q Nieuw p/out/site/02-tweede.html || fail "edit not built"
exit 0
