# Without hunspell-nl the site search still builds, stemming only, and
# says so once in a note; the build does not fail.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
printf '# Een\n\nHet verkoopplan en de plannen.\n' > p/content/01-een.md
st=$(SALESGEN_DICT_NL=$T/none/nl run out "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit $st, want 0: $(cat out)"
want="salesgen: note: no Dutch dictionary at $T/none/nl.dic (Debian package hunspell-nl): the site search stems words but does not split compounds"
[ "$(grep -c 'no Dutch dictionary' out)" = 1 ] || fail "want the note once: $(cat out)"
grep -qxF "$want" out || fail "want: $want; got: $(cat out)"
f=p/out/site/search-index.js
[ -f "$f" ] || fail "no $f"
# stemmed (plannen -> plan) but not split: "verkoopplan" is one term
grep -q "[' ]plan[ ']" "$f" || fail "no term 'plan' in $f"
grep -q "[' ]verkoopplan[ ']" "$f" || fail "no term 'verkoopplan' in $f"
# with the dictionary: no note
st=$(run out2 "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit $st with the dictionary: $(cat out2)"
if [ -f /usr/share/hunspell/nl.dic ] && grep -q 'no Dutch dictionary' out2; then
	fail "a note although hunspell-nl is there: $(cat out2)"
fi
exit 0
