# Quarto's @sec-x, @fig-x and @tbl-x are links showing the number of what
# they name, in any chapter ("paragraaf 2.1", "Figuur 1.1", "Tabel 1.1");
# an unknown one is a warning at its line:col and stays as written; an
# e-mail address and @ in code are left alone.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
# Een {#sec-een}

Zie @sec-rollen, @fig-trechter en @tbl-rollen.

Mail naar naam@bedrijf.nl of schrijf `@sec-rollen` in code.

Dit is @sec-bestaat-niet.
MD
cat > p/content/02-twee.md <<'MD'
# Twee

## Rollen {#sec-rollen}

Terug naar @sec-een.

| Rol | Wie |
|---|---|
| Beslisser | Directeur |

: Rollen {#tbl-rollen}
MD
printf '# Drie\n\n![Trechter](t.svg){#fig-trechter}\n' > p/content/03-drie.md
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>\n' > p/content/t.svg
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -qxF "p/content/01-een.md:7:8: warning: cross-reference '@sec-bestaat-niet' names no section, figure or table of the course: its text is kept" err ||
	fail "unknown reference not told at its line:col: $(cat err)"
[ "$(grep -c 'warning\|error' err)" = 1 ] || fail "other diagnostics: $(cat err)"
h=p/out/site/01-een.html
grep -qF '<a href="02-twee.html#sec-rollen">paragraaf 2.1</a>' $h || fail "@sec-rollen: $(grep Zie $h)"
grep -qF '<a href="03-drie.html#fig-trechter">Figuur 3.1</a>' $h || fail "@fig-trechter: $(grep Zie $h)"
grep -qF '<a href="02-twee.html#tbl-rollen">Tabel 2.1</a>' $h || fail "@tbl-rollen: $(grep Zie $h)"
grep -qF '<a href="01-een.html#sec-een">Hoofdstuk 1</a>' p/out/site/02-twee.html ||
	fail "@sec-een: $(grep Terug p/out/site/02-twee.html)"
grep -qF 'mailto:naam@bedrijf.nl' $h || fail "e-mail address changed"
grep -qF '<code>@sec-rollen</code>' $h || fail "@ in code changed"
grep -qF 'Dit is @sec-bestaat-niet.' $h || fail "unknown reference not kept as text"
pdftotext p/out/pdf/01-een.pdf - > t.txt
grep -qF 'Zie paragraaf 2.1, Figuur 3.1 en Tabel 2.1.' t.txt || fail "PDF: $(grep Zie t.txt)"
exit 0
