# Words wider than their box are broken inside it: a 166-character URL
# with no hyphen, a 200-digit table cell, a 1,000-letter word, a long word
# in a callout and in a heading.  No word's box in the PDF lies outside the
# text block, the digits stay left of the next column, no text is lost, and
# each long word is told as a note at its line and column.
. "$2/tests/harden/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext (poppler-utils) is not installed"
url='https://www.example.com/verkoop/klanten/offertes/2026/november/accountplan/klantenpiramide/leadscoring?bron=nieuwsbrief&campagne=najaarsactie&medium=email&inhoud=knop'
digits=$(awk 'BEGIN { while (n++ < 200) printf "1" }')
xs=$(awk 'BEGIN { while (n++ < 1000) printf "x" }')
ys=$(awk 'BEGIN { while (n++ < 300) printf "y" }')
zs=$(awk 'BEGIN { while (n++ < 150) printf "Z" }')
{
	printf '# Lange woorden\n\nZie %s voor meer informatie.\n\n' "$url"
	printf '| Kolom | Getal | Tekst |\n|---|---|---|\n| a | %s | tekst hier |\n\n' "$digits"
	printf 'Een woord %s eind.\n\n> [!tip] Titel\n> %s\n\n## Kop %s\n' "$xs" "$ys" "$zs"
} > in.md
st=$(run err "$SG" render in.md -o out.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
cat > want <<EOF2
in.md:3:5: note: 'https://www.example.com/verkoo...' is wider than the line and is broken inside, without a hyphen
in.md:7:7: note: '111111111111111111111111111111...' is wider than the line and is broken inside, without a hyphen
in.md:9:11: note: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is wider than the line and is broken inside, without a hyphen
in.md:12:3: note: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...' is wider than the line and is broken inside, without a hyphen
in.md:14:8: note: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ...' is wider than the line and is broken inside, without a hyphen
EOF2
cmp -s want err || fail "diagnostics differ: $(diff want err)"
pdftotext -bbox-layout out.pdf box.html || fail "pdftotext -bbox-layout failed"
pdftotext out.pdf raw.txt || fail "pdftotext failed"
python3 - box.html raw.txt "$url" "$digits" "$xs" "$ys" "$zs" <<'EOF2' || exit 1
import re, sys
box, raw, url, digits, xs, ys, zs = sys.argv[1:]
page_w = 595.276
left, right = 70.866, page_w - 70.866	# A4, 160 mm measure
words = [(float(a), float(b), w) for a, b, w in re.findall(
    r'<word xMin="([-0-9.]+)" yMin="[-0-9.]+" xMax="([-0-9.]+)"[^>]*>([^<]*)</word>',
    open(box, encoding="utf-8").read())]
bad = [w for w in words if w[0] < left - 0.5 or w[1] > right + 0.5]
if bad:
    print("outside the text block (%.1f..%.1f): %s" % (left, right,
        ", ".join("%s %.1f..%.1f" % (w[2][:20], w[0], w[1]) for w in bad[:5])))
    sys.exit(1)
nums = [w for w in words if re.fullmatch(r"1+", w[2])]
cells = [w for w in words if w[2] in ("tekst", "hier")]
if not nums or not cells:
    print("the table's words are missing")
    sys.exit(1)
if max(w[1] for w in nums) > min(w[0] for w in cells) - 1:
    print("the digits cross into the next column: %.1f > %.1f" %
        (max(w[1] for w in nums), min(w[0] for w in cells)))
    sys.exit(1)
text = re.sub(r"\s+", "", open(raw, encoding="utf-8").read())
for s in (url, digits, xs, ys, zs):
    if s not in text:
        print("text lost: %s..." % s[:30])
        sys.exit(1)
EOF2
exit 0
