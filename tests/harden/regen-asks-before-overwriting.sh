# make regen (tests/regen.sh) shows a changed golden file and, with no
# terminal to ask on (CI), keeps it, says so and exits 1; REGEN=yes
# accepts it.  Before, `make regen` replaced every expectation unasked.
# Run on a copy of the golden machinery with one regress case and one
# chart SVG changed, so the tree's own files stay as they are.
. "$2/tests/harden/lib.sh"
mkdir -p "$T/t/tests/regress/md" "$T/t/tests/regress/chart" \
    "$T/t/tests/projects" "$T/t/tests/fuzz/regress" || fail "mkdir"
for f in lib.sh regen.sh regress.sh pdf.sh courses.sh fuzz.sh; do
	cp "$TOP/tests/$f" "$T/t/tests/" || fail "cannot copy tests/$f"
done
cp "$TOP/tests/regress/md/autolink.md" "$TOP/tests/regress/md/autolink.html" \
    "$T/t/tests/regress/md/" || fail "cannot copy the md case"
cp "$TOP"/tests/regress/chart/*.svg "$T/t/tests/regress/chart/" || fail "cannot copy the SVGs"
[ -x "$TOP/build/tests/test_chart" ] || fail "build/tests/test_chart not built"
want=$T/t/tests/regress/md/autolink.html
svg=$T/t/tests/regress/chart/bar.svg
echo '<p>stale</p>' >> "$want"
echo '<!-- stale -->' >> "$svg"
cp "$want" "$T/want.before"
cp "$svg" "$T/svg.before"

st=$(run "$T/out" sh "$T/t/tests/regen.sh" "$SG" "$TOP/build" < /dev/null)
[ "$st" = 1 ] || fail "no terminal: exit status $st, expected 1: $(cat "$T/out")"
cmp -s "$want" "$T/want.before" || fail "no terminal: autolink.html was overwritten"
cmp -s "$svg" "$T/svg.before" || fail "no terminal: bar.svg was overwritten"
grep -q '^+++ .*autolink\.html\|^-<p>stale</p>$' "$T/out" ||
	fail "no terminal: the difference was not shown: $(head -20 "$T/out")"
grep -q '^-<!-- stale -->$' "$T/out" ||
	fail "no terminal: the SVG's difference was not shown: $(head -20 "$T/out")"
grep -q 'not a terminal: tests/regress/md/autolink.html is left as it is' "$T/out" ||
	fail "no terminal: no word that nothing was overwritten: $(grep -v '^[-+ @]' "$T/out" | head)"

st=$(REGEN=yes run "$T/out2" sh "$T/t/tests/regen.sh" "$SG" "$TOP/build" < /dev/null)
[ "$st" = 0 ] || fail "REGEN=yes: exit status $st, expected 0: $(cat "$T/out2")"
cmp -s "$want" "$TOP/tests/regress/md/autolink.html" ||
	fail "REGEN=yes: autolink.html not replaced"
cmp -s "$svg" "$TOP/tests/regress/chart/bar.svg" ||
	fail "REGEN=yes: bar.svg not replaced"
grep -q '^regen: 2 accepted, 0 kept$' "$T/out2" ||
	fail "REGEN=yes: $(grep '^regen:' "$T/out2")"
exit 0
