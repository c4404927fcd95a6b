# <voorwaarden bestand="voorwaarden.md"> appends the project's general
# terms after the letter: on a page of their own (page 3 of 3), under the
# heading "Algemene voorwaarden" (the file has none), with the letter's
# head, foot and "3 van 3" on it; in the HTML after the signature block.
# A file that starts with a heading keeps its own.  Before: the attribute
# was refused by the schema.
. "$2/tests/harden/lib.sh"
sed 's|<voorwaarden>|<voorwaarden bestand="voorwaarden.md">|' \
    "$TOP/tests/harden/offerte.xml" > o.xml
grep -q 'bestand="voorwaarden.md"' o.xml || fail "the sample changed"
printf 'Artikel 1. Deze voorwaarden gelden voor elke offerte.\n\n## Artikel 2\n\nLevering *af fabriek*.\n' > voorwaarden.md
st=$(run err "$SG" render o.xml -o o.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 400 err)"
[ -s err ] && fail "diagnostics: $(cat err)"
[ "$(pdfinfo o.pdf | awk '/^Pages:/ {print $2}')" = 3 ] || fail "not 3 pages"
pdftotext -f 2 -l 2 o.pdf p2.txt
grep -q "Artikel" p2.txt && fail "the terms start on the letter's last page"
pdftotext -f 3 -l 3 o.pdf p3.txt
for want in "Offerte 2026-044 · Bouwgroep Van Dalen B.V." "Algemene voorwaarden" \
    "Artikel 1. Deze voorwaarden gelden voor elke offerte." "Artikel 2" \
    "Levering af fabriek." "3 van 3" "KvK 12345678"; do
	grep -qF "$want" p3.txt || fail "page 3 lacks '$want': $(cat p3.txt)"
done
# the letter's own lines stay in the letter, the terms text follows it
grep -q "Levering binnen tien werkdagen" p2.txt ||
	pdftotext -f 1 -l 1 o.pdf - | grep -q "Levering binnen tien werkdagen" ||
	fail "the element's own text is gone"
pdftotext o.pdf all.txt
grep -q "algemene voorwaarden van toepassing; u vindt ze na deze brief." all.txt ||
	fail "the letter does not say the terms follow it"
st=$(run err "$SG" render o.xml -t html -o o.html)
[ "$st" = 0 ] || fail "html: exit status $st: $(head -c 400 err)"
awk '/Voor akkoord/ {s = 1} s && /<h2[^>]*>Algemene voorwaarden/ {h = 1}
    h && /Levering <em>af fabriek<\/em>/ {ok = 1} END {exit !ok}' o.html ||
	fail "html: no terms section after the signature block"
# the terms are part of the offer: its fingerprint changes with them
fp1=$(pdftotext -f 1 -l 1 o.pdf - | grep -E '^[0-9a-f]{16}$')
[ -n "$fp1" ] || fail "no fingerprint on page 1"
# a file with its own heading keeps it, with none added
printf '# Leveringsvoorwaarden\n\nArtikel 1.\n' > voorwaarden.md
st=$(run err "$SG" render o.xml -o o.pdf)
[ "$st" = 0 ] || fail "own heading: exit status $st: $(head -c 400 err)"
pdftotext -f 3 -l 3 o.pdf p3.txt
grep -q "Leveringsvoorwaarden" p3.txt || fail "the file's heading is gone"
grep -q "Algemene voorwaarden" p3.txt && fail "a heading added to one the file has"
fp2=$(pdftotext -f 1 -l 1 o.pdf - | grep -E '^[0-9a-f]{16}$')
[ -n "$fp2" ] && [ "$fp1" != "$fp2" ] ||
	fail "the fingerprint ($fp1, $fp2) does not change with the terms"
exit 0
