# "Van Dongen & Zonen" in a sales document: told at the ampersand as
# "write &amp;", alone (no follow-on from the parser, no schema messages
# after it); the build fails and writes nothing.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data
cat > p/content/data/offerte.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<offerte xmlns="urn:salesgen:1" nummer="1" datum="2026-11-26" geldig="30">
  <verkoper><naam>V B.V.</naam><adres>Straat 1, 1234 AB Plaats</adres><kvk>12345678</kvk><btw>NL001234567B01</btw><contact naam="A. de Wit"/></verkoper>
  <klant><naam>Van Dongen & Zonen</naam></klant>
  <inleiding>Tekst.</inleiding>
  <regels><regel aantal="1" prijs="10" btw="21">Iets</regel></regels>
</offerte>
X
st=$(run err "$SG" build p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qxF "p/content/data/offerte.xml:4:27: error: a bare '&': write &amp; for an ampersand" err ||
	fail "not told at the ampersand in the catalogue's words: $(cat err)"
[ "$(grep -c ': error: ' err)" = 1 ] || fail "more than one error: $(cat err)"
[ ! -e p/out/site ] && [ ! -e p/out/pdf ] || fail "written after an error"
exit 0
