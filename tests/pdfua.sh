#!/bin/sh
# Tagged PDF checks (PDF/UA-1, issue 11): build the sample course into a
# temporary folder and render the Markdown files of tests/regress/pdf and
# tests/pdf, then run tests/tools/pdfua_check.py (python3-pikepdf) over
# every PDF: the machine-checkable core of the Matterhorn protocol.  Also
# checks that the checker fails an untagged PDF (one with the tagging
# keys taken out), that every PDF passes qpdf --check and is packed into
# object streams (pdf_pack.h) while --pdf-standard none is not, and that
# poppler's `pdfinfo -struct-text` reads headings, lists, tables and
# figures with their alt text in order.
# The reading-* cases read the text as a reader that follows the tags
# gets it (tests/tools/pdf_tagtext.py): a hyphenated word whole, a word's
# own hyphen kept, a table cell one TH/TD over all its lines, a header
# row repeated on a later page an artifact; passage-lang: a chapter in
# another language has its own /Lang (pdfua_check.py --lang), and so
# has a sales document a chapter embeds in another language.
#
#   sh tests/pdfua.sh SALESGEN
#
# One line per test, "PASS name" or "FAIL name" with details indented
# below; the exit status is always 0 (tests/run.sh counts the lines).
unset SOURCE_DATE_EPOCH
PYTHONUTF8=1
export PYTHONUTF8
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
check=$top/tests/tools/pdfua_check.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

res() {	# res NAME STATUS DETAILS-FILE
	if [ "$2" = 0 ]; then
		echo "PASS ${PREFIX}pdfua:$1"
	else
		echo "FAIL ${PREFIX}pdfua:$1"
		sed 's/^/  /' "$3" | head -20
	fi
}

# every PDF of the sample build
mkdir -p "$tmp/p"
cp -r "$top/content" "$tmp/p/"
[ -d "$top/templates" ] && cp -r "$top/templates" "$tmp/p/"
if "$bin" build "$tmp/p" > "$tmp/build.log" 2>&1; then
	find "$tmp/p/out" -name '*.pdf' | sort > "$tmp/list"
	if [ -s "$tmp/list" ]; then
		/usr/bin/python3 "$check" $(cat "$tmp/list") > "$tmp/out" 2>&1
		st=$?
	else
		echo "the build wrote no PDF" > "$tmp/out"; st=1
	fi
	res "sample-build ($(wc -l < "$tmp/list") PDFs)" $st "$tmp/out"
else
	res sample-build 1 "$tmp/build.log"
fi

# the register is read column by column: an Index of an L with an LI
# per entry, in the register's order (a fold of case, accents, spaces
# and hyphens is enough for the sample's terms), each entry's text a P
# in its LBody; it was one P read row by row across the two columns,
# then LBodies with the text in them
course=$(grep '/verkopen-in-b2b\.pdf$' "$tmp/list" 2>/dev/null)
if [ -n "$course" ]; then
	pdfinfo -struct-text "$course" 2>&1 | grep -av '^ *Object ' |
	    sed -n '/Sect "Register"/,$p' > "$tmp/regst"
	grep -a -A1 '^    Index$' "$tmp/regst" | sed -n 2p |
	    grep -aq '^      L ' ||
		echo "the register is no Index holding an L" > "$tmp/regwhy"
	grep -a -A2 '^          LBody' "$tmp/regst" |
	    grep -a -B1 '^              "' | grep -a '^            P' |
	    wc -l > "$tmp/regp"
	grep -a -A2 '^          LBody' "$tmp/regst" |
	    grep -a '^              "' | sed 's/^ *"//; s/ *"$//' > "$tmp/reg"
	/usr/bin/python3 - "$tmp/reg" > "$tmp/out" 2>&1 <<'PY'
import sys, unicodedata
terms = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
def fold(t):
    t = unicodedata.normalize("NFD", t.lower())
    return "".join(c for c in t if c.isalnum())
if len(terms) < 30:
    print("%d register entries tagged in a P, want 30 or more"
          % len(terms))
    sys.exit(1)
for a, b in zip(terms, terms[1:]):
    if fold(a) > fold(b):
        print("read out of order: %r before %r" % (a, b))
        sys.exit(1)
PY
	st=$?
	[ -s "$tmp/regwhy" ] && { cat "$tmp/regwhy" >> "$tmp/out"; st=1; }
	[ "$(cat "$tmp/regp")" = "$(wc -l < "$tmp/reg")" ] ||
		{ echo "an entry's text is not in a P" >> "$tmp/out"; st=1; }
	res register-reading-order $st "$tmp/out"
fi

# the glossary: a P per term (it was one P over all of them), each
# ending in the chapter it comes from
if [ -n "$course" ]; then
	pdfinfo -struct-text "$course" 2>&1 | grep -av '^ *Object ' |
	    sed -n '/^  Sect "Begrippenlijst"/,/^  Sect "Register"/p' > "$tmp/gl"
	/usr/bin/python3 - "$tmp/gl" > "$tmp/out" 2>&1 <<'PY'
import re, sys
# each P's text: its pieces joined (a word broken at a hyphen is two)
ps, cur = [], None
for ln in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if re.match(r"^    P ", ln):
        cur = []
        ps.append(cur)
    elif re.match(r'^      "', ln) and cur is not None:
        cur.append(ln.strip()[1:-1])
texts = ["".join(p) for p in ps]
terms = sum(len(re.findall(r"\(Hoofdstuk \d+\)", t)) for t in texts)
if terms < 10:
    print("%d terms found (the case tests nothing)" % terms)
    sys.exit(1)
for t in texts:
    if len(re.findall(r"\(Hoofdstuk \d+\)", t)) != 1:
        print("a P that is not one term: %r" % t[:100])
        sys.exit(1)
PY
	res glossary-p-per-term $? "$tmp/out"
fi

# the rendered test documents
for md in "$top"/tests/regress/pdf/*.md "$top"/tests/pdf/*.md; do
	[ -f "$md" ] || continue
	name=$(basename "$md" .md)
	out=$tmp/r-$name.pdf
	if (cd "$(dirname "$md")" && "$bin" render "$md" -t pdf -o "$out") \
	    > "$tmp/r.log" 2>&1; then
		/usr/bin/python3 "$check" "$out" > "$tmp/out" 2>&1
		res "render-$name" $? "$tmp/out"
	fi	# a case that is meant to fail writes no PDF to check
done

# object streams (pdf_pack.h): every PDF above passes qpdf --check without
# a warning, has its small objects in object streams and a cross-reference
# stream, no table; --pdf-standard none stays as libharu writes it
: > "$tmp/why"
n=0
for f in $(cat "$tmp/list" 2>/dev/null) "$tmp"/r-*.pdf; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	if ! qpdf --check "$f" > "$tmp/qpdf.out" 2>&1 || grep -qi 'warning' "$tmp/qpdf.out"; then
		echo "$(basename "$f"): qpdf --check:" >> "$tmp/why"
		grep -iv '^checking\|^PDF Version\|^File is not\|^No syntax\|^errors that qpdf' \
		    "$tmp/qpdf.out" | head -n 5 >> "$tmp/why"
	fi
	qpdf --show-xref "$f" > "$tmp/x" 2>&1
	if ! grep -q 'compressed; stream = ' "$tmp/x" ||
	    LC_ALL=C grep -aq '^trailer' "$f"; then
		echo "$(basename "$f"): not packed into object streams" >> "$tmp/why"
	fi
done
[ "$n" -gt 0 ] || echo "no PDF to check" >> "$tmp/why"
printf '# Kop\n\nTekst.\n' > "$tmp/none.md"
if (cd "$tmp" && "$bin" render none.md --pdf-standard none -o none.pdf) > "$tmp/r.log" 2>&1; then
	qpdf --show-xref "$tmp/none.pdf" > "$tmp/x" 2>&1
	if grep -q 'compressed; stream = ' "$tmp/x" ||
	    ! LC_ALL=C grep -aq '^trailer' "$tmp/none.pdf"; then
		echo "--pdf-standard none: packed" >> "$tmp/why"
	fi
else
	cat "$tmp/r.log" >> "$tmp/why"
fi
if [ -s "$tmp/why" ]; then
	res "object-streams-qpdf-check ($n PDFs)" 1 "$tmp/why"
else
	res "object-streams-qpdf-check ($n PDFs)" 0 /dev/null
fi

# the checker must fail a PDF without tags: the first sample PDF with its
# structure tree, marks and XMP taken out
first=$(head -1 "$tmp/list" 2>/dev/null)
if [ -n "$first" ]; then
	/usr/bin/python3 - "$first" "$tmp/untagged.pdf" <<'PY'
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
for k in ("/StructTreeRoot", "/MarkInfo", "/Metadata", "/ViewerPreferences"):
    if k in p.Root:
        del p.Root[k]
for pg in p.pages:
    for k in ("/Tabs", "/StructParents"):
        if k in pg.obj:
            del pg.obj[k]
p.save(sys.argv[2])
PY
	if /usr/bin/python3 "$check" "$tmp/untagged.pdf" > "$tmp/out" 2>&1; then
		echo "the checker passed an untagged PDF" > "$tmp/why"
		res checker-fails-untagged 1 "$tmp/why"
	elif grep -q 'no /StructTreeRoot' "$tmp/out" &&
	    grep -q 'no /MarkInfo' "$tmp/out"; then
		res checker-fails-untagged 0 /dev/null
	else
		res checker-fails-untagged 1 "$tmp/out"
	fi
fi

# poppler reads the structure in reading order with the alt text
cat > "$tmp/s.md" <<'MD'
# Verkoopplan

Een inleiding.

## Lijst

- een
- twee

| Rol | Taak |
|-----|------|
| Inkoper | Kiest |

![Een trechter met vier fasen](pic.png)
MD
/usr/bin/python3 "$top/tests/tools/mkpng.py" "$tmp/pic.png" 2>/dev/null ||
    cp "$(find "$top/content" -name '*.png' | head -1)" "$tmp/pic.png"
if (cd "$tmp" && "$bin" render s.md -t pdf -o s.pdf) > "$tmp/r.log" 2>&1; then
	pdfinfo -struct-text "$tmp/s.pdf" > "$tmp/st" 2>&1
	grep -o '^ *[A-Za-z0-9]*' "$tmp/st" | tr -d ' ' | grep -v '^$' |
	    tr '\n' ' ' > "$tmp/order"
	want='Document H1 P H2 L LI Lbl LBody P LI Lbl LBody P Table Caption TR TH TH TR TD TD Figure '
	# poppler does not print /Alt: read it with pikepdf
	alt=$(/usr/bin/python3 -c '
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
def walk(e):
    k = e.get("/K")
    for x in (k if isinstance(k, pikepdf.Array) else [k]):
        if isinstance(x, pikepdf.Dictionary) and "/S" in x:
            if x.S == "/Figure":
                print(str(x.get("/Alt", "")))
            walk(x)
walk(p.Root.StructTreeRoot)' "$tmp/s.pdf" 2>&1)
	# words apart (real spaces, one at each line end too)
	# the bullet is the Lbl's, read before the item, not after it
	if [ "$(cat "$tmp/order")" = "$want" ] &&
	    [ "$alt" = "Een trechter met vier fasen" ] &&
	    grep -q '"Een inleiding\. "' "$tmp/st" &&
	    [ "$(grep -c '^ *"• "$' "$tmp/st")" = 2 ] &&
	    [ "$(grep -c '•' "$tmp/st")" = 2 ]; then
		res struct-text-order 0 /dev/null
	else
		{ echo "want: $want"; echo "got:  $(cat "$tmp/order")"; echo "alt: $alt"; cat "$tmp/st"; } > "$tmp/why"
		res struct-text-order 1 "$tmp/why"
	fi
else
	res struct-text-order 1 "$tmp/r.log"
fi

# a ParentTree of more keys than one leaf holds (15,000: pages plus
# annotations) is split into leaves under /Kids with /Limits: every key
# from 0 on in exactly one leaf, within its limits, in order; each page's
# /StructParents and each link's /StructParent found through them, a
# link's entry the Link whose /OBJR is that annotation, one Link a link
python3 -c '
for i in range(15100):
    print("[bron %d](https://voorbeeld.nl/%d)" % (i, i), end="\n\n" if i % 20 == 19 else " ")
' > "$tmp/pt.md"
if (cd "$tmp" && "$bin" render pt.md -t pdf -o pt.pdf) > "$tmp/pt.log" 2>&1 &&
    /usr/bin/python3 - "$tmp/pt.pdf" > "$tmp/pt.log" 2>&1 <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
pt = pdf.Root.StructTreeRoot.ParentTree
assert "/Nums" not in pt and len(pt.Kids) >= 2, "not split"
keys = {}
for leaf in pt.Kids:
    lo, hi = int(leaf.Limits[0]), int(leaf.Limits[1])
    nums = leaf.Nums
    ks = [int(nums[i]) for i in range(0, len(nums), 2)]
    assert ks == sorted(ks) and ks[0] == lo and ks[-1] == hi, (lo, hi)
    for i in range(0, len(nums), 2):
        assert int(nums[i]) not in keys, "key twice"
        keys[int(nums[i])] = nums[i + 1]
assert sorted(keys) == list(range(len(keys))), "keys not 0..n-1"
assert len(keys) == int(pdf.Root.StructTreeRoot.ParentTreeNextKey)
links = set()
for page in pdf.pages:
    assert isinstance(keys[int(page.obj.StructParents)], pikepdf.Array)
    for a in page.obj.get("/Annots", []):
        if a.Subtype != "/Link":
            continue
        e = keys[int(a.StructParent)]
        assert e.S == "/Link", e.S
        k = e.K if isinstance(e.K, pikepdf.Array) else [e.K]
        assert any(isinstance(x, pikepdf.Dictionary) and
                   x.get("/Type") == "/OBJR" and x.Obj.objgen == a.objgen
                   for x in k), "no OBJR back"
        links.add(e.objgen)
# a link broken over two lines is one Link of two annotations
assert len(links) == 15100, len(links)
PY
then
	res parent-tree-leaves 0 /dev/null
else
	res parent-tree-leaves 1 "$tmp/pt.log"
fi

# a picture in a table cell is a Figure in its TD with its alt text, read
# where it stands in the cell (before the cell's text after it), not
# content of the TD that a reader passes in silence; a repeated header
# row's pictures stay artifacts (the checker: no image outside a Figure)
cat > "$tmp/ti.md" <<'MD'
# Prijzen

| Pakket | Logo | Prijs |
|---|---|---|
| Basis | ![Logo van Basis](pic.png) | 10 |
| Plus | ![Logo van Plus](pic.png) en meer | 20 |
MD
if (cd "$tmp" && "$bin" render ti.md -t pdf -o ti.pdf) > "$tmp/ti.log" 2>&1 &&
    /usr/bin/python3 "$check" "$tmp/ti.pdf" >> "$tmp/ti.log" 2>&1; then
	pdfinfo -struct-text "$tmp/ti.pdf" > "$tmp/ti.st" 2>&1
	got=$(grep -o '^ *[A-Za-z0-9]*\|"[^"]*"' "$tmp/ti.st" | tr -d ' ' |
	    grep -v '^$' | grep -v '^""$' | tr '\n' ' ')
	alt=$(/usr/bin/python3 "$top/tests/tools/pdf_struct_dump.py" \
	    "$tmp/ti.pdf" 2>&1 | grep -o "/Figure /Alt='[^']*'" | tr '\n' ';')
	want='Document "Prijzen" H1 "Prijzen" Table Caption "Tabel1" TR TH "Pakket" TH "Logo" TH "Prijs" TR TD "Basis" TD Figure TD "10" TR TD "Plus" TD Figure "enmeer" TD "20" '
	if [ "$got" = "$want" ] &&
	    [ "$alt" = "/Figure /Alt='Logo van Basis';/Figure /Alt='Logo van Plus';" ]; then
		res table-cell-figure 0 /dev/null
	else
		{ echo "want: $want"; echo "got:  $got"; echo "alt: $alt"; cat "$tmp/ti.st"; } > "$tmp/why"
		res table-cell-figure 1 "$tmp/why"
	fi
else
	res table-cell-figure 1 "$tmp/ti.log"
fi

# the course's structure (issue 11): the contents a TOC of TOCIs, each
# a Link, the chapter's in its part's TOCI; Part per part with its title
# ("Deel 2" and the name) an H1, Sect per chapter; the register an Index
# of an L, the entries' text a P, the subentries an L in their term's
# LBody; a link in the text a Link
# with the annotation's /OBJR, /Contents the URL or "pagina N"; the item
# after a nested list an LI of the outer list, its bullet a Lbl first;
# a chapter's own PDF Document > Sect
mkdir -p "$tmp/c/content/2-gesprek"
printf -- '---\nregister:\n  - "piramide > klanten"\n  - "piramide > kosten"\n---\n# Welkom\n\nLees [de site](https://example.org/a) of [verder](2-gesprek/a-luisteren.html) over de piramide van klanten en kosten.\n\n- een\n- twee\n  - diep\n- drie\n' \
    > "$tmp/c/content/1-welkom.md"
printf '# Luisteren\n\nTekst.\n' > "$tmp/c/content/2-gesprek/a-luisteren.md"
if "$bin" build "$tmp/c" > "$tmp/c.log" 2>&1; then
	order() {	# the element names of pdfinfo -struct-text, no OBJRs
		pdfinfo -struct-text "$1" 2>&1 | grep -v '^ *Object ' |
		    grep -o '^ *[A-Za-z0-9]*' | tr -d ' ' | grep -v '^$' |
		    tr '\n' ' '
	}
	got=$(order "$tmp/c/out/pdf/c.pdf")
	want='Document P H1 TOC TOCI Link TOCI Link TOC TOCI Link TOCI Link Sect H1 P Link Link L LI Lbl LBody P LI Lbl LBody P L LI Lbl LBody P LI Lbl LBody P Part H1 Sect H1 P Sect H1 Index L LI LBody P L LI LBody P Link LI LBody P Link '
	got1=$(order "$tmp/c/out/pdf/1-welkom.pdf")
	# (the link to the other chapter goes nowhere in this PDF: a Span)
	want1='Document Sect H1 P Link Span L LI Lbl LBody P LI Lbl LBody P L LI Lbl LBody P LI Lbl LBody P '
	# the annotations' descriptions, in page order
	desc=$(/usr/bin/python3 -c '
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
for pg in p.pages:
    for a in pg.obj.get("/Annots", []):
        print(str(a.get("/Contents", "-")))' "$tmp/c/out/pdf/c.pdf" 2>&1 |
	    sort -u | tr '\n' '|')
	/usr/bin/python3 "$check" "$tmp/c/out/pdf/c.pdf" \
	    "$tmp/c/out/pdf/1-welkom.pdf" > "$tmp/out" 2>&1
	st=$?
	# "drie" an item of the outer list, as deep as "een"
	pdfinfo -struct-text "$tmp/c/out/pdf/c.pdf" > "$tmp/cst" 2>&1
	een=$(grep '"een "' "$tmp/cst" | sed 's/[^ ].*//' | wc -c)
	drie=$(grep '"drie "' "$tmp/cst" | sed 's/[^ ].*//' | wc -c)
	[ "$een" = "$drie" ] || st="drie at $drie, een at $een"

	if [ "$got" = "$want" ] && [ "$got1" = "$want1" ] && [ "$st" = 0 ] &&
	    [ "$desc" = "https://example.org/a|pagina 3|pagina 4|pagina 5|pagina 6|" ]; then
		res course-structure 0 /dev/null
	else
		{ echo "want: $want"; echo "got:  $got"; echo "want: $want1";
		  echo "got:  $got1"; echo "annotations: $desc"; echo "$st";
		  cat "$tmp/out"; } > "$tmp/why"
		res course-structure 1 "$tmp/why"
	fi
	# the checker fails links that are not tagged: the course's PDF
	# with its annotations' /StructParent and /Contents taken out
	/usr/bin/python3 - "$tmp/c/out/pdf/c.pdf" "$tmp/c/untagged-links.pdf" <<'PY'
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
for pg in p.pages:
    for a in pg.obj.get("/Annots", []):
        for k in ("/StructParent", "/Contents"):
            if k in a:
                del a[k]
p.save(sys.argv[2])
PY
	/usr/bin/python3 "$check" "$tmp/c/untagged-links.pdf" > "$tmp/out" 2>&1
	if [ $? = 1 ] && grep -q 'link annotation without /StructParent' "$tmp/out" &&
	    grep -q 'link annotation without /Contents' "$tmp/out"; then
		res checker-fails-untagged-links 0 /dev/null
	else
		res checker-fails-untagged-links 1 "$tmp/out"
	fi
else
	res course-structure 1 "$tmp/c.log"
fi
# the contents nest as the handout does: a section's TOCI in a TOC in
# its chapter's TOCI, a chapter's in a TOC in its part's, in the order of
# the contents page (every entry read once, in that order); pdfinfo
# -struct-text shows the nesting by indentation
cat > "$tmp/tocnest.py" <<'PY'
import re, sys
# "part=N": chapter N is in a part, the others in none
in_part = sys.argv[1][5:] if sys.argv[1].startswith("part=") else None
lines = open(sys.argv[2], encoding="utf-8", errors="replace").read().split("\n")
# (depth, role, first text below it) of every TOCI and TOC
els, stack = [], []
for ln in lines:
    m = re.match(r'^( *)([A-Za-z0-9]+)( |$)', ln)
    t = re.match(r'^( *)"(.*)"$', ln)
    if m and not ln.strip().startswith("Object"):
        els.append([len(m.group(1)), m.group(2), None])
    elif t and els:
        for e in reversed(els):
            if e[0] < len(t.group(1)) and e[2] is None and e[1] == "TOCI":
                e[2] = t.group(2)
                break
toc = [e for e in els if e[1] in ("TOC", "TOCI")]
bad, n = [], 0
def parent(i):   # the element holding toc[i]: the nearest shallower
    for j in range(i - 1, -1, -1):
        if toc[j][0] < toc[i][0]:
            return j
    return None
for i, (d, role, text) in enumerate(toc):
    if role != "TOCI" or text is None:
        continue
    p = parent(i)
    up = parent(p) if p is not None else None
    m = re.match(r"(\d+)\.(\d+) ", text)
    if m:
        n += 1
        if up is None or toc[up][1] != "TOCI" or \
                not (toc[up][2] or "").startswith(m.group(1) + " "):
            bad.append("%r is not in its chapter's TOCI" % text)
    elif in_part is not None and re.match(r"\d+ ", text):
        n += 1
        inside = up is not None and toc[up][1] == "TOCI" and \
            not re.match(r"\d", toc[up][2] or "")
        if text.startswith(in_part + " ") and not inside:
            bad.append("%r is not in its part's TOCI" % text)
        elif not text.startswith(in_part + " ") and up is not None:
            bad.append("%r is in another entry" % text)
if n == 0:
    bad.append("no entry to check (the case tests nothing)")
order = [e[2] for e in toc if e[1] == "TOCI"]
nums = [re.match(r"[\d.]+", t or "") for t in order]
nums = [tuple(int(x) for x in m.group(0).strip(".").split(".")) for m in nums if m]
if nums != sorted(nums):
    bad.append("the entries are not read in the contents' order")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
: > "$tmp/tn.out"
st=0
if [ -n "$course" ]; then
	pdfinfo -struct-text "$course" > "$tmp/tn.st" 2>&1
	/usr/bin/python3 "$tmp/tocnest.py" sections "$tmp/tn.st" >> "$tmp/tn.out" 2>&1 || st=1
else
	echo "no course PDF" >> "$tmp/tn.out"; st=1
fi
if [ -f "$tmp/c/out/pdf/c.pdf" ]; then
	pdfinfo -struct-text "$tmp/c/out/pdf/c.pdf" > "$tmp/tn.st" 2>&1
	/usr/bin/python3 "$tmp/tocnest.py" part=2 "$tmp/tn.st" >> "$tmp/tn.out" 2>&1 || st=1
else
	echo "no part course PDF" >> "$tmp/tn.out"; st=1
fi
res contents-nested $st "$tmp/tn.out"

# reading: what a reader that follows the tags gets
tagtext="/usr/bin/python3 $top/tests/tools/pdf_tagtext.py"
mkdir -p "$tmp/q"
cat > "$tmp/q/read.md" <<'MD'
# Verkoopplan

Het verkoopplan beschrijft de verkoopactiviteiten en klantrelatiebeheersystemen van de organisatie, met verkoopplannen en accountmanagementprogramma's voor elke doelgroep, de klantenpiramide en de verkooptrechter. De accountmanager stelt samen met de salesmanager het jaarlijkse verkoopbudget vast en bespreekt de relatiebeheerstrategieën met de inkooporganisatie van de klant. Een goed verkoopplan bevat doelstellingen, verkoopargumenten, klantsegmentatie en prijsafspraken.

| Rol | Taak in het koopproces | Invloed | Opmerking |
|-----|------|----|----|
| Inkoper | Kiest de leverancier na een uitgebreide vergelijking van offertes en voorwaarden | Groot bij de prijsonderhandelingen | Stuur de e-mail vooraf |
| Gebruiker | Werkt dagelijks met het product | | Geen |
MD
# a line of this one ends in "e-", a break at the word's own hyphen
cat > "$tmp/q/email.md" <<'MD'
# Proef

verkoop plan offerte ontvangt e-mailadressen leverancier plan het met plan klant plan e-mailadressen de het een offerte verkoop verkoop accountmanager e-mailadressen het offerte offerte het aan met ontvangt e-mailadressen verkoop met ontvangt offerte aan accountmanager de e-mailadressen met klant ontvangt plan de een de e-mailadressen een het plan accountmanager aan accountmanager aan e-mailadressen aan accountmanager plan het ontvangt leverancier klant e-mailadressen de ontvangt het verkoop een met aan e-mailadressen met een aan offerte aan plan leverancier e-mailadressen offerte plan aan plan verkoop leverancier met e-mailadressen de een plan met accountmanager ontvangt accountmanager e-mailadressen leverancier offerte plan plan klant accountmanager met e-mailadressen verkoop met plan een een klant klant e-mailadressen het met het klant leverancier klant aan e-mailadressen ontvangt de een aan aan klant de e-mailadressen plan plan de aan accountmanager plan leverancier e-mailadressen offerte een offerte verkoop.
MD
# a cell taller than a page (cut into pieces) in a table over pages
/usr/bin/python3 -c '
w = " ".join("woord%d" % i for i in range(1, 1401))
print("# Proef\n\n| Kop | Tekst |\n|---|---|\n| begin | %s |\n| na | klein |" % w)' > "$tmp/q/tall.md"
for f in read email tall; do
	(cd "$tmp/q" && "$bin" render $f.md -t pdf -o $f.pdf) > "$tmp/q/$f.log" 2>&1
	$tagtext "$tmp/q/$f.pdf" > "$tmp/q/$f.tags" 2>&1
	pdftotext -layout "$tmp/q/$f.pdf" "$tmp/q/$f.lay" 2>/dev/null
	pdftotext "$tmp/q/$f.pdf" "$tmp/q/$f.txt" 2>/dev/null
done
why=$tmp/q/why
bad() {	# bad NAME: res NAME with the problems written to $why
	if [ -s "$why" ]; then res "$1" 1 "$why"; else res "$1" 0 /dev/null; fi
}

# the page breaks "verkoop-" "plan"; the tags read "verkoopplan" (the
# added hyphen an artifact, no space after it); pdftotext still shows
# the hyphenated line end and joins the word as it did
: > "$why"
grep -q 'Een goed verkoop-$' "$tmp/q/read.lay" ||
	echo "the page does not break 'verkoop-' at a line end (the case tests nothing)" >> "$why"
grep -q '^  P "Het verkoopplan .*Een goed verkoopplan bevat doelstellingen' "$tmp/q/read.tags" ||
	echo "the tags do not read 'Een goed verkoopplan bevat' whole" >> "$why"
grep -q 'verkoop-plan\|verkoop- plan\|verkoop plan' "$tmp/q/read.tags" &&
	echo "the tags read the hyphenated word broken" >> "$why"
grep -q 'Een goed verkoopplan bevat' "$tmp/q/read.txt" ||
	echo "pdftotext no longer joins 'verkoopplan'" >> "$why"
[ -s "$why" ] && cat "$tmp/q/read.tags" >> "$why"
bad reading-hyphenated-word-whole

# "e-" at a line end is the word's own hyphen: real text, no space
: > "$why"
grep -q ' accountmanager e-$' "$tmp/q/email.lay" ||
	echo "no line ends in 'e-' (the case tests nothing)" >> "$why"
grep -q 'ontvangt accountmanager e-mailadressen leverancier' "$tmp/q/email.tags" ||
	echo "the tags do not read 'e-mailadressen' with its hyphen" >> "$why"
[ -s "$why" ] && cat "$tmp/q/email.tags" >> "$why"
bad reading-own-hyphen-kept

# a cell over several lines is one TD with its words apart; a TH or TD a
# column, an empty cell too
: > "$why"
grep -q '^ *vergelijking van offertes en voorwaarden' "$tmp/q/read.lay" ||
	echo "the cell does not wrap after 'uitgebreide' (the case tests nothing)" >> "$why"
sed -n '/^  Table/,$p' "$tmp/q/read.tags" | sed 's/^ *//' > "$tmp/q/read.table"
cat > "$tmp/q/read.want" <<'TXT'
Table
Caption "Tabel 1 "
TR
TH "Rol "
TH "Taak in het koopproces "
TH "Invloed "
TH "Opmerking "
TR
TD "Inkoper "
TD "Kiest de leverancier na een uitgebreide vergelijking van offertes en voorwaarden "
TD "Groot bij de prijsonderhandelingen "
TD "Stuur de e-mail vooraf "
TR
TD "Gebruiker "
TD "Werkt dagelijks met het product "
TD
TD "Geen "
TXT
cmp -s "$tmp/q/read.want" "$tmp/q/read.table" ||
	diff -u "$tmp/q/read.want" "$tmp/q/read.table" >> "$why"
bad reading-table-cell-one-td

# a cell taller than a page: one TD holding all its 1,400 words in order
# over the pages, one header row (its repeats are artifacts)
: > "$why"
[ "$(pdfinfo "$tmp/q/tall.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" -ge 3 ] 2>/dev/null ||
	echo "the table does not run over three pages (the case tests nothing)" >> "$why"
[ "$(grep -c '^Kop$' "$tmp/q/tall.txt")" -ge 2 ] ||
	echo "the header row is not repeated on the pages" >> "$why"
/usr/bin/python3 - "$tmp/q/tall.tags" >> "$why" <<'PY'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"^    TR$", t, re.M)
ths = re.findall(r'^      TH "(.*)"$', t, re.M)
tds = re.findall(r'^      TD "(.*)"$', t, re.M)
want = " ".join("woord%d" % i for i in range(1, 1401)) + " "
if len(rows) != 3 or ths != ["Kop ", "Tekst "]:
    print("want 3 TR, TH Kop and Tekst once; got %d TR, TH %r"
          % (len(rows), ths))
if tds != ["begin ", want, "na ", "klein "]:
    print("the cells are not TD begin / the 1,400 words / na / klein: %r"
          % [x[:60] for x in tds])
PY
bad reading-table-tall-cell-one-td

# a chapter in English (lang: en) in a Dutch course: its Sect is /Lang
# en, the document and the Dutch chapter stay nl, in every handout
mkdir -p "$tmp/lp/content"
printf -- '---\ntitle: Klanten\n---\n# Klanten\n\nEen klant koopt bij ons.\n' > "$tmp/lp/content/01-klanten.md"
printf -- '---\ntitle: Sales pitch\nlang: en\n---\n# Sales pitch\n\nThe customer buys from us.\n' > "$tmp/lp/content/02-pitch.md"
: > "$why"
if "$bin" build "$tmp/lp" > "$tmp/lp.log" 2>&1; then
	for f in lp.pdf lp-student.pdf; do
		/usr/bin/python3 "$check" --lang '2 Sales pitch=en' \
		    --lang 'The customer buys=en' --lang 'Een klant koopt=nl' \
		    --lang '1 Klanten=nl' "$tmp/lp/out/pdf/$f" > "$tmp/lp.out" 2>&1 ||
			cat "$tmp/lp.out" >> "$why"
	done
	/usr/bin/python3 "$check" --lang 'The customer buys=en' \
	    "$tmp/lp/out/pdf/02-pitch.pdf" > "$tmp/lp.out" 2>&1 ||
		cat "$tmp/lp.out" >> "$why"
	for f in lp.pdf 02-pitch.pdf; do
		l=$(/usr/bin/python3 -c 'import sys, pikepdf
print(pikepdf.open(sys.argv[1]).Root.Lang)' "$tmp/lp/out/pdf/$f" 2>&1)
		[ "$l" = nl ] || echo "$f: catalog /Lang $l, want nl" >> "$why"
	done
else
	cat "$tmp/lp.log" >> "$why"
fi
bad passage-lang

# a sales document in another language than the chapter that embeds it
# (an English proposal in a Dutch chapter, a Dutch one in an English
# chapter) is a Sect with its /Lang, in the course's handouts and the
# chapter's own PDF; the text after it is the chapter's language again;
# the site's page marks it with <div lang>
mkdir -p "$tmp/em/content/data"
sed '/mailing/d' "$top/content/salesgen.xml" > "$tmp/em/content/salesgen.xml"
cp "$top/content/data/offerte-en.xml" "$top/content/data/offerte-van-dalen.xml" \
    "$tmp/em/content/data/"
cp -r "$top/content/data/img" "$tmp/em/content/data/"
printf -- '---\ntitle: Klanten\n---\n# Klanten\n\nEen klant koopt bij ons.\n\n![Offerte](data/offerte-en.xml)\n\nNa de offerte volgt het gesprek.\n' \
    > "$tmp/em/content/01-klanten.md"
printf -- '---\ntitle: Sales pitch\nlang: en\n---\n# Sales pitch\n\nThe customer buys from us.\n\n![Proposal](data/offerte-van-dalen.xml)\n\nAfter the proposal comes the talk.\n' \
    > "$tmp/em/content/02-pitch.md"
: > "$why"
if "$bin" build "$tmp/em" > "$tmp/em.log" 2>&1; then
	emchk() {	# emchk PDF --lang TEXT=LANG...
		f=$1; shift
		/usr/bin/python3 "$check" "$@" "$tmp/em/out/pdf/$f" \
		    > "$tmp/em.out" 2>&1 || cat "$tmp/em.out" >> "$why"
	}
	for f in verkopen-in-b2b.pdf verkopen-in-b2b-student.pdf 01-klanten.pdf; do
		emchk $f --lang 'Your reference=en' --lang 'Een klant koopt=nl' \
		    --lang 'Na de offerte volgt=nl'
	done
	for f in verkopen-in-b2b.pdf verkopen-in-b2b-student.pdf 02-pitch.pdf; do
		emchk $f --lang 'Uw kenmerk=nl' --lang 'The customer buys=en' \
		    --lang 'After the proposal=en'
	done
	grep -q '<div lang="en">' "$tmp/em/out/site/01-klanten.html" ||
		echo "01-klanten.html: no <div lang=\"en\">" >> "$why"
	grep -q '<div lang="nl">' "$tmp/em/out/site/02-pitch.html" ||
		echo "02-pitch.html: no <div lang=\"nl\">" >> "$why"
else
	cat "$tmp/em.log" >> "$why"
fi
bad embedded-passage-lang
exit 0
