# <a name="x"></a> and <a id="x"> (npm's READMEs) are link targets, raw
# HTML on or off: a #x link to them is no error, the site keeps them as
# empty anchors of its own (never as escaped markup), and the PDF links
# to them.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
# Een

Zie [installeren](#install), [blok](#blok) en [midden](#midden).

<a name="blok"></a>

## <a name="install"></a>Installeren

Tekst <a id="midden"></a> hier.
MD
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -q 'error\|warning\|raw HTML' err && fail "diagnostics for anchors: $(cat err)"
h=p/out/site/01-een.html
for id in blok install midden; do
	grep -q "<span id=\"$id\"></span>" $h || fail "no anchor $id in the site"
done
grep -q '&lt;a name' $h && fail "the tag printed as text on the site"
pdftotext p/out/pdf/01-een.pdf - | grep -q '<a\|</a>' && fail "the tag printed in the PDF"
# the same with raw HTML on: our own anchor, no tag of the author's
printf '<course><html raw="yes"/></course>\n' > p/salesgen.xml
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "raw: exit status $st: $(cat err)"
grep -q "<span id=\"install\"></span>" $h || fail "raw: no anchor install"
grep -q '<a name=' $h && fail "raw: the author's tag kept beside ours"
exit 0
