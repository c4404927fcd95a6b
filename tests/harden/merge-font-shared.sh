# A mailing's documents share their font subsets and font programs
# (pdf_fcache.h): a row's PDF must still be the one it would be on its own,
# whichever rows went before it.  Rows with characters no other row has
# ("Łódź", "Øystein Ğülşen") sit among plain ones.  Each row's PDF is byte
# for byte the same whether the mailing runs with -j 1, with -j 2, in three
# shards, or in five (one row a run: every subset and font program made for
# that row, nothing from another row's work); the rare names are in the text
# pdftotext extracts; salesgen verify finds the PDF belongs with its data;
# and every font is embedded as a subset with a ToUnicode map (pdffonts).
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
command -v pdftotext >/dev/null 2>&1 || fail "pdftotext missing (poppler-utils)"
mailing m
head='nummer;klant.naam;klant.adres;klant.contact@naam'
rows='F-1;Bouwbedrijf Jansen B.V.;Dorpsstraat 1, 7411 AB Deventer;Anja Jansen
F-2;Zakłady Łódź Sp. z o.o.;ul. Piotrkowska 12, 90-001 Łódź;Øystein Ğülşen
F-3;Installatiebedrijf Smit;Kerkweg 3, 8011 CD Zwolle;Bram Smit
F-4;Bouwbedrijf Jansen B.V.;Dorpsstraat 1, 7411 AB Deventer;Anja Jansen
F-5;Ćosić & Müller GmbH;Hauptstraße 5, 10115 Berlin;Zoë Ćosić'
printf '%s\n%s\n' "$head" "$rows" > m/rows.csv
names="F-1.pdf F-2.pdf F-3.pdf F-4.pdf F-5.pdf"
st=$(cd m && run ../err "$SG" merge -q -j 1 offerte.xml rows.csv -o j1)
[ "$st" = 0 ] || fail "-j 1: exit status $st: $(cat err)"
st=$(cd m && run ../err "$SG" merge -q -j 2 offerte.xml rows.csv -o j2)
[ "$st" = 0 ] || fail "-j 2: exit status $st: $(cat err)"
for i in 0 1 2; do
	st=$(cd m && run ../err "$SG" merge -q -j 2 --shard $i/3 offerte.xml rows.csv -o sh)
	[ "$st" = 0 ] || fail "shard $i/3: exit status $st: $(cat err)"
done
# one row a run: nothing in the cache but that row's own work
for i in 0 1 2 3 4; do
	st=$(cd m && run ../err "$SG" merge -q -j 1 --shard $i/5 offerte.xml rows.csv -o one)
	[ "$st" = 0 ] || fail "shard $i/5: exit status $st: $(cat err)"
done
for f in $names; do
	[ -s "m/j1/$f" ] || fail "$f not written"
	cmp -s "m/j1/$f" "m/j2/$f" || fail "$f differs between -j 1 and -j 2"
	cmp -s "m/j1/$f" "m/sh/$f" || fail "$f differs between the whole run and its shard"
	cmp -s "m/j1/$f" "m/one/$f" || fail "$f differs between the whole run and a shard of one row"
done
cmp -s m/j1/F-1.pdf m/j1/F-4.pdf && fail "F-1 and F-4 are one file: the nummer is not in the document"
pdftotext -enc UTF-8 m/j1/F-2.pdf f2.txt || fail "pdftotext failed on F-2.pdf"
for w in 'Zakłady Łódź' 'Øystein Ğülşen' 'Piotrkowska'; do
	grep -q "$w" f2.txt || fail "'$w' not in the text of F-2.pdf:
$(head -20 f2.txt)"
done
pdftotext -enc UTF-8 m/j1/F-5.pdf f5.txt || fail "pdftotext failed on F-5.pdf"
grep -q 'Zoë Ćosić' f5.txt || fail "'Zoë Ćosić' not in the text of F-5.pdf"
grep -q 'Łódź' f5.txt && fail "F-5.pdf holds F-2's 'Łódź'"
# salesgen verify: F-2.pdf belongs with the template holding F-2's values
sed -e 's/nummer="2026-100"/nummer="F-2"/' \
    -e 's|<naam>Voorbeeldklant B.V.</naam>|<naam>Zakłady Łódź Sp. z o.o.</naam>|' \
    -e 's|<adres>Voorbeeldstraat 1, 1234 AB Voorbeeldplaats</adres>|<adres>ul. Piotrkowska 12, 90-001 Łódź</adres>|' \
    -e 's|contact naam="Voornaam Achternaam"|contact naam="Øystein Ğülşen"|' m/offerte.xml > m/f2.xml
grep -q 'Øystein' m/f2.xml || fail "the template changed: f2.xml does not hold F-2's values"
st=$(run verr "$SG" verify m/j1/F-2.pdf m/f2.xml)
[ "$st" = 0 ] || fail "salesgen verify: F-2.pdf does not belong with its data (status $st): $(cat verr)"
if command -v pdffonts >/dev/null 2>&1; then
	for f in F-2.pdf F-5.pdf; do
		# name type encoding emb sub uni object ID: every font embedded, a subset, with a ToUnicode map
		pdffonts "m/j1/$f" | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad = 1 } END { exit bad }' ||
		    fail "$f: a font not embedded as a subset with ToUnicode:
$(pdffonts "m/j1/$f")"
	done
fi
exit 0
