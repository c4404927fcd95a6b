# A figure without alt text is a warning at the image's line:col (the
# tagged PDF's Figure has no words for a screen reader); the PDF is still
# written, tagged, with an empty /Alt; a figure with alt text gets it as
# /Alt and no warning.
. "$2/tests/harden/lib.sh"
cd "$T" || exit 1
cp "$(find "$TOP/content" -name '*.png' | head -1)" pic.png ||
    fail "no PNG in the sample content"
printf '# Figuren\n\nTekst.\n\n![](pic.png)\n\n![Een trechter](pic.png)\n' > a.md
st=$(run out.txt "$SG" render a.md -t pdf -o a.pdf)
[ "$st" = 0 ] || fail "exit $st, want 0: $(cat out.txt)"
want="a.md:5:1: warning: figure without alternate text: a screen reader says nothing for it; write what it shows in the brackets, ![what it shows](pic.png)"
grep -qF "$want" out.txt || fail "want the warning '$want', got: $(cat out.txt)"
[ "$(grep -c 'alternate text' out.txt)" = 1 ] ||
    fail "want one warning (the figure with alt text has none): $(cat out.txt)"
[ -s a.pdf ] || fail "no PDF written"
alts=$(/usr/bin/python3 -c '
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
out = []
def walk(e):
    k = e.get("/K")
    for x in (k if isinstance(k, pikepdf.Array) else [k]):
        if isinstance(x, pikepdf.Dictionary) and "/S" in x:
            if x.S == "/Figure":
                out.append("[%s]" % x.get("/Alt", "NONE"))
            walk(x)
walk(p.Root.StructTreeRoot)
print(" ".join(out))' a.pdf 2>&1)
[ "$alts" = "[] [Een trechter]" ] || fail "Figure /Alt: want '[] [Een trechter]', got '$alts'"
exit 0
