# A title outside ASCII reaches the PDF's document information and its
# bookmarks as written (UTF-16BE), not as UTF-8 bytes read as
# PDFDocEncoding ("Één café" was shown as "Ã›Ã©n cafÃ©").
. "$2/tests/harden/lib.sh"
command -v pdfinfo >/dev/null || fail "pdfinfo (poppler-utils) is not installed"
title='Één café — ük 😀'
printf -- '---\ntitle: %s\n---\n# %s\n\n## Tweede één\n\nTekst.\n' \
    "$title" "$title" > in.md
st=$(run err "$SG" render in.md -o out.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
got=$(pdfinfo -enc UTF-8 out.pdf | sed -n 's/^Title: *//p')
[ "$got" = "$title" ] || fail "pdfinfo Title is '$got', expected '$title'"
# An ASCII title stays a plain string, as before.
printf -- '---\ntitle: Plain title\n---\n# Kop\n\nTekst.\n' > a.md
st=$(run err "$SG" render a.md -o a.pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
got=$(pdfinfo -enc UTF-8 a.pdf | sed -n 's/^Title: *//p')
[ "$got" = "Plain title" ] || fail "ASCII title is '$got'"
# The bookmarks, where pikepdf is there to read them.
if /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
	got=$(/usr/bin/python3 -c '
import sys, pikepdf
p = pikepdf.open(sys.argv[1])
def walk(x):
    while x is not None:
        print(str(x.Title))
        if "/First" in x:
            walk(x.First)
        x = x.get("/Next")
walk(p.Root.Outlines.First)' out.pdf) || fail "pikepdf cannot read the bookmarks"
	exp=$(printf '%s\n%s' "$title" "1 Tweede één")
	[ "$got" = "$exp" ] || fail "bookmarks are '$got', expected '$exp'"
fi
exit 0
