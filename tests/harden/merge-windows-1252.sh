# A CSV file saved by Excel as plain 'CSV' on a Dutch Windows is
# Windows-1252: read as such, with a note at its first byte that is not
# UTF-8, the characters right in the documents and positions right after.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
# 0xE9 e-acute, 0x80 euro sign, 0xEB e-diaeresis, 0x92 right single quote
printf 'nummer;klant.naam;klant.adres\n2026-1;Caf\351 De Ster \200 Co;Stra\353tweg 1\n2026-2;Van \222t Hof;Dorp 2;x\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1 (the long row): $(cat err)"
grep -qx "rows.csv:2:11: note: not UTF-8 (byte 0xE9): the file is read as Windows-1252, as Excel saves plain 'CSV'; save it as 'CSV UTF-8' to be sure of every character" err ||
	fail "no note at the first Windows-1252 byte: $(cat err)"
# columns count characters: the cell after the quote, 3 bytes in UTF-8
grep -qx "rows.csv:3:26: error: row has 4 cells, the header 3 (a value holding the separator must be quoted); the row is not written" err ||
	fail "position after Windows-1252 text: $(cat err)"
grep -q "Café De Ster € Co" m/out/2026-1.html || fail "é or € not converted: $(grep -o 'Caf[^<]*' m/out/2026-1.html | head -1)"
grep -q "Straëtweg 1" m/out/2026-1.html || fail "ë not converted"
# a BOM says UTF-8: then a Windows-1252 byte is an error, as before
printf '\357\273\277nummer;klant.naam\n2026-1;Caf\351\n' > m/bom.csv
st=$(cd m && run ../err2 "$SG" merge -t html offerte.xml bom.csv -o out2)
[ "$st" = 1 ] || fail "BOM and Windows-1252: exit status $st, expected 1"
grep -q "^bom.csv:2:11: error: invalid UTF-8 (byte 0xE9)" err2 || fail "BOM and Windows-1252: $(cat err2)"
exit 0
