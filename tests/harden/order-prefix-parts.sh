# Without a list or table: numbered folders are parts in number order
# (2 before 10), titled by their index.md or their name without its
# number; files by front matter order (sidebar_position), then number.
. "$2/tests/harden/lib.sh"
mkdir -p p/content/10-afsluiten p/content/2-verkoopgesprek
printf '# Welkom\n\nTekst.\n' > p/content/1-welkom.md
printf '# Slot\n\nTekst.\n' > p/content/10-afsluiten/slot.md
printf -- '---\nsidebar_position: 2\n---\n# Luisteren\n\nTekst.\n' > p/content/2-verkoopgesprek/a-luisteren.md
printf -- '---\nsidebar_position: 1\n---\n# Openen\n\nTekst.\n' > p/content/2-verkoopgesprek/b-openen.md
printf '# Slotfase\n\nTekst.\n' > p/content/10-afsluiten/index.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
got=$(sed -n '/<ol class="chapter-list">/,/<\/ol>/p' p/out/site/index.html |
	grep -o '<li class="part">[^<]*</li>\|<li><a href="[^"]*"' | sed 's/<li class="part">//; s/<\/li>//; s/<li><a href="//; s/"$//' | tr '\n' ' ')
want="1-welkom.html Verkoopgesprek 2-verkoopgesprek/b-openen.html 2-verkoopgesprek/a-luisteren.html Slotfase 10-afsluiten/index.html 10-afsluiten/slot.html "
[ "$got" = "$want" ] || fail "order: got '$got', want '$want'"
exit 0
