# The site has a register page (register.html), linked from every
# chapter page and the index like the glossary: each term with links to
# the sections (heading anchors) where it occurs, the defining section's
# link marked; a subentry under its main term; every link resolves
# (tests/linkcheck.py).
. "$2/tests/harden/lib.sh"
project p
printf -- '---\nregister:\n  - prijs\n  - "piramide > klanten-"\n---\n# Eerste\n\nInleiding.\n\n## Kosten\n\nDe prijzen stijgen.\n\n## Lagen\n\nDe klantenpiramide heeft lagen.\n\n> [!definitie] Marge\n> Marge is het verschil tussen prijs en kostprijs.\n' > p/content/01-eerste.md
printf '# Tweede\n\n## Nog eens\n\nDe marge en een prijs.\n' > p/content/02-tweede.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
r=p/out/site/register.html
[ -f "$r" ] || fail "no register.html: $(ls p/out/site)"
for f in p/out/site/index.html p/out/site/01-eerste.html p/out/site/02-tweede.html; do
	grep -q 'href="register.html">Register</a>' "$f" || fail "$f does not link the register"
done
for want in \
    '<li><span class="term">Marge</span> <a href="01-eerste.html#lagen" class="def">1.2 Lagen</a>, <a href="02-tweede.html#nog-eens">2.1 Nog eens</a></li>' \
    '<li><span class="term">piramide</span></li>' \
    '<li class="sub"><span class="term">klanten-</span> <a href="01-eerste.html#lagen">1.2 Lagen</a></li>' \
    '<li><span class="term">prijs</span> <a href="01-eerste.html#kosten">1.1 Kosten</a>, <a href="01-eerste.html#lagen">1.2 Lagen</a>, <a href="02-tweede.html#nog-eens">2.1 Nog eens</a></li>'; do
	grep -qxF "$want" "$r" || fail "not in $r: $want
got: $(grep '<li' "$r")"
done
python3 "$TOP/tests/linkcheck.py" p/out/site > lc 2>&1 || fail "linkcheck: $(head -5 lc)"
exit 0
