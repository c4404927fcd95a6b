# --pdf-standard: a2a+ua (the default) writes a tagged PDF/UA-1 that is
# PDF/A-2a as well, ua the tags without the PDF/A claim, none an untagged
# PDF; anything else is a usage error (exit 2) that writes nothing.
. "$2/tests/harden/lib.sh"
cd "$T" || exit 1
printf '# Plan\n\nTekst.\n' > a.md
for s in default a2a+ua ua none; do
	if [ $s = default ]; then
		st=$(run out.txt "$SG" render a.md -t pdf -o $s.pdf)
	else
		st=$(run out.txt "$SG" render a.md -t pdf -o $s.pdf --pdf-standard $s)
	fi
	[ "$st" = 0 ] || fail "$s: exit $st: $(cat out.txt)"
done
claims=$(/usr/bin/python3 -c '
import sys, pikepdf
for f in sys.argv[1:]:
    p = pikepdf.open(f)
    x = p.Root.Metadata.read_bytes().decode() if "/Metadata" in p.Root else ""
    print(f, "/StructTreeRoot" in p.Root, "pdfuaid:part>1" in x,
          "pdfaid:part>2" in x, "/OutputIntents" in p.Root)' \
    default.pdf a2a+ua.pdf ua.pdf none.pdf 2>&1)
want="default.pdf True True True True
a2a+ua.pdf True True True True
ua.pdf True True False False
none.pdf False False False False"
[ "$claims" = "$want" ] || fail "want
$want
got
$claims"
st=$(run out.txt "$SG" render a.md -t pdf -o bad.pdf --pdf-standard pdfa)
[ "$st" = 2 ] || fail "--pdf-standard pdfa: exit $st, want 2"
grep -qF "salesgen: error: unknown PDF standard 'pdfa' (a2a+ua, ua or none)" out.txt ||
    fail "want the usage error, got: $(cat out.txt)"
[ ! -e bad.pdf ] || fail "a usage error wrote bad.pdf"
exit 0
