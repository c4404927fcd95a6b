# A misspelt element after <korting>, the last element of an offerte:
# libxml2 blames <korting> ("Element offerte has extra content:
# korting"); salesgen tells it at the misspelt element, with the name
# meant, and nothing else.
. "$2/tests/harden/lib.sh"
project p
mkdir -p p/content/data
cat > p/content/data/offerte.xml <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<offerte xmlns="urn:salesgen:1" nummer="1" datum="2026-11-26" geldig="30">
  <verkoper><naam>V B.V.</naam><adres>Straat 1, 1234 AB Plaats</adres><kvk>12345678</kvk><btw>NL001234567B01</btw><contact naam="A. de Wit"/></verkoper>
  <klant><naam>K</naam></klant>
  <inleiding>Tekst.</inleiding>
  <regels><regel aantal="1" prijs="10" btw="21">Iets</regel></regels>
  <korting>5 %</korting>
  <voorwaarde>Levering binnen 14 dagen.</voorwaarde>
</offerte>
X
st=$(run err "$SG" check p)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qxF "p/content/data/offerte.xml:8:3: error: <voorwaarde> does not belong in <offerte>; did you mean <voorwaarden>?" err ||
	fail "not told at the misspelt element with the name meant: $(cat err)"
[ "$(grep -c ': error: ' err)" = 1 ] || fail "more than one error: $(cat err)"
exit 0
