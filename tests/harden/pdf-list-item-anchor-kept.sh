# A tight list item that is only an anchor (<a name="x"></a>) keeps its
# destination in the PDF: a [..](#x) link to it is a link annotation that
# leads to the page.  The walker used to drop the item's last row as the
# space between tight items, anchor and all: the link led nowhere, and
# the anchor's key leaked (the ASan build fails this case on a leak).
. "$2/tests/harden/lib.sh"
cat > a.md <<'MD'
# Lijst

- een
- <a name="hier"></a>
- drie

Zie [hier](#hier).
MD
st=$(run err "$SG" render -t pdf a.md -o a.pdf)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
[ -s err ] && fail "diagnostics for an anchor in a list: $(cat err)"
/usr/bin/python3 - a.pdf <<'PY' || exit 1
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
pages = [p.objgen for p in pdf.pages]
links = [a for p in pdf.pages for a in p.get("/Annots", [])
         if a.get("/Subtype") == "/Link"]
if len(links) != 1:
    print("%d link annotations, expected 1 (the link to #hier)" % len(links))
    sys.exit(1)
d = links[0].get("/Dest")
if d is None and "/A" in links[0]:
    d = links[0].A.get("/D")
if d is None or not isinstance(d, pikepdf.Array) or d[0].objgen not in pages:
    print("the link to #hier has no destination page: %r" % links[0])
    sys.exit(1)
PY
# the page still shows the list as before: the anchor takes no room
pdftotext -layout a.pdf - | grep -q 'drie' || fail "the item after the anchor is missing"
exit 0
