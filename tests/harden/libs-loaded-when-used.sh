# librsvg (and the GLib, cairo and Pango it brings) and libmicrohttpd are
# loaded when an SVG is drawn or serve starts, not at every run (gen/dl.h):
# a run without them must not pay their dynamic linking.  The dynamic
# loader's own log (LD_DEBUG=libs) says which libraries a run loaded.
. "$2/tests/harden/lib.sh"
mkdir -p p
printf '# Titel\n\nTekst zonder tekening.\n' > p/plain.md
cat > p/s.svg <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48"><rect width="64" height="48" fill="#1e1ec8"/></svg>
SVG
printf '# Titel\n\n![tekening](s.svg)\n' > p/drawn.md
st=$(run err env LD_DEBUG=libs "$SG" render p/plain.md -o plain.pdf)
[ "$st" = 0 ] || fail "plain: exit status $st: $(tail -n 3 err)"
grep -q 'libhpdf' err || fail "LD_DEBUG=libs logged nothing: the check cannot see"
! grep -q 'librsvg' err || fail "a run without SVG loaded librsvg"
! grep -q 'libmicrohttpd' err || fail "a run without serve loaded libmicrohttpd"
st=$(run err env LD_DEBUG=libs "$SG" render p/drawn.md -o drawn.pdf)
[ "$st" = 0 ] || fail "drawn: exit status $st: $(tail -n 3 err)"
grep -q 'librsvg' err || fail "the SVG was drawn without loading librsvg?"
[ -s drawn.pdf ] || fail "no PDF with the drawing"
exit 0
