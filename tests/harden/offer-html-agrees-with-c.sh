# The interactive HTML offer's script (templates/site/offer.js, run in
# node as the page holds it) computes the same totals as the C code
# (render --select) on random selections of several offers, every total
# and line amount to the cent, and shows them in the same words; the
# offer as it is shows C's totals before any script runs.
. "$2/tests/harden/lib.sh"
command -v node >/dev/null 2>&1 || fail "node is missing (.ci/deps test installs nodejs)"
# fewer under the sanitizers, where a render is slower
n=40
case ${PREFIX:-} in *asan*) n=6 ;; esac
d=$TOP/tests/regress/data
node "$TOP/tests/tools/offer-agree.js" "$SG" "$TOP" "$n" \
    "$d/nl/offerte-samenstellen.xml" "$d/nl/offerte-samenstellen-bedrag.xml" \
    "$d"/nl/offerte-*.xml "$d/en/offerte.xml" \
    "$TOP"/content/data/offerte-*.xml > out 2>&1 || fail "$(cat out)"
total=$(sed -n 's/^total //p' out)
[ "${total:-0}" -ge $((n * 5)) ] || fail "only ${total:-0} selections compared: $(cat out)"
