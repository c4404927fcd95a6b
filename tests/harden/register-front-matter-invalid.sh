# A `register:` in front matter that is neither a term nor a list of
# terms, or a term "a > " without its subentry (in a list or alone), is
# an error at its line:col; the build exits 1 and writes no handout.
. "$2/tests/harden/lib.sh"
project p
printf -- '---\ntitle: Eerste\nregister:\n  prijs: duur\n---\n# Eerste\n\nTekst.\n' > p/content/01-eerste.md
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
want="p/content/01-eerste.md:4:3: error: front matter: 'register' must be a term or a list of terms"
grep -qxF "$want" err || fail "not '$want' in: $(cat err)"
[ -e p/out/pdf/p.pdf ] && fail "a handout was written"
project q
printf -- '---\nregister:\n  - prijs\n  - "piramide > "\n---\n# Eerste\n\nTekst.\n' > q/content/01-eerste.md
st=$(run err "$SG" build q)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
want="q/content/01-eerste.md:4:5: error: front matter: 'register' must be a term or 'term > subentry'"
grep -qxF "$want" err || fail "not '$want' in: $(cat err)"
[ -e q/out/pdf/q.pdf ] && fail "a handout was written"
project r
printf -- '---\nregister: "> klanten"\n---\n# Eerste\n\nTekst.\n' > r/content/01-eerste.md
st=$(run err "$SG" build r)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
want="r/content/01-eerste.md:2:11: error: front matter: 'register' must be a term or 'term > subentry'"
grep -qxF "$want" err || fail "not '$want' in: $(cat err)"
[ -e r/out/pdf/r.pdf ] && fail "a handout was written"
exit 0
