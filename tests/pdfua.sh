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
	if ! qpdf --check "$f" > "$tmp/q" 2>&1 || grep -qi 'warning' "$tmp/q"; then
		echo "$(basename "$f"): qpdf --check:" >> "$tmp/why"
		grep -iv '^checking\|^PDF Version\|^File is not\|^No syntax\|^errors that qpdf' \
		    "$tmp/q" | head -n 5 >> "$tmp/why"
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
	want='Document H1 P H2 L LI LBody P LI LBody P Table Caption TR TH TR TD Figure '
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
	if [ "$(cat "$tmp/order")" = "$want" ] &&
	    [ "$alt" = "Een trechter met vier fasen" ] &&
	    grep -q '"Een inleiding\. "' "$tmp/st"; then
		res struct-text-order 0 /dev/null
	else
		{ echo "want: $want"; echo "got:  $(cat "$tmp/order")"; echo "alt: $alt"; cat "$tmp/st"; } > "$tmp/why"
		res struct-text-order 1 "$tmp/why"
	fi
else
	res struct-text-order 1 "$tmp/r.log"
fi
exit 0
