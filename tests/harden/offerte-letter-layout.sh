# The sample offerte renders as a letter: the address in the window of a
# NEN 1026 envelope (first line at x = 20 mm, 45-90 mm from the top), a
# reference line, "1 van 2" / "2 van 2", the KvK/btw/IBAN footer on one
# line on every page, no "Tabel n" and no section numbers, a signature
# block with at least 25 mm room, and an empty AcroForm signature field
# (/FT /Sig) over the customer's signature line.  Before: Van/Aan table
# rows 61 mm from the left, "Tabel 1", folio "1", no form field.
. "$2/tests/harden/lib.sh"
cp -r "$TOP/content/data" data
st=$(run err "$SG" render data/offerte-van-dalen.xml -o o.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(head -c 600 err)"
qpdf --check o.pdf > /dev/null 2>&1 || fail "qpdf --check fails"
pdftotext -bbox o.pdf bb.html
python3 - bb.html <<'PY' || exit 1
import re, sys
mm = 72 / 25.4
pages = open(sys.argv[1]).read().split('<page ')[1:]
words = [[(float(m[0]), float(m[1]), float(m[2]), float(m[3]), m[4])
    for m in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', p)]
    for p in pages]
def fail(m):
    print(m); sys.exit(1)
if len(words) != 2:
    fail("%d pages, expected 2" % len(words))
first = [w for w in words[0] if w[4] == "Bouwgroep"]
if not first:
    fail("no address line")
x, y = first[0][0], first[0][1]
if abs(x - 20 * mm) > 1 * mm or not (45 * mm <= y <= 90 * mm):
    fail("address at %.1f mm, %.1f mm from the top" % (x / mm, y / mm))
for p, want in ((0, "1 van 2"), (1, "2 van 2")):
    line = " ".join(w[4] for w in words[p] if w[1] > 270 * mm and w[4] in ("1", "2", "van"))
    if want not in line:
        fail("page %d: no folio '%s' (%r)" % (p + 1, want, line))
    foot = [w for w in words[p] if w[4] in ("KvK", "IBAN")]
    if len(foot) != 2 or abs(foot[0][1] - foot[1][1]) > 0.5:
        fail("page %d: footer not on one line: %r" % (p + 1, foot))
text = " ".join(w[4] for p in words for w in p)
for bad in ("Tabel", "1 Prijsopgave"):
    if bad in text:
        fail("'%s' in a letter" % bad)
for want in ("kenmerk", "Geachte heer Van Dalen,", "Plaats:"):
    if want.split()[0] not in text:
        fail("no '%s'" % want)
PY
/usr/bin/python3 - o.pdf <<'PY' || exit 1
import sys, pikepdf
mm = 72 / 25.4
pdf = pikepdf.open(sys.argv[1])
af = pdf.Root.get("/AcroForm")
if af is None or len(af.Fields) != 1:
    print("no AcroForm with one field"); sys.exit(1)
f = af.Fields[0]
if f.FT != "/Sig" or str(f.T) != "Handtekening klant" or int(f.F) != 4:
    print("field %r" % f); sys.exit(1)
if "/SigFlags" in af:
    print("SigFlags on an unsigned form"); sys.exit(1)
r = [float(v) for v in f.Rect]
if r[3] - r[1] < 25 * mm or r[0] < 100 * mm:
    print("rect %r: under 25 mm or not in the customer's column" % r); sys.exit(1)
page = [p for p in pdf.pages if "/Annots" in p and any(a.objgen == f.objgen for a in p.Annots)]
if len(page) != 1:
    print("the field is on no page's /Annots"); sys.exit(1)
PY
exit 0
