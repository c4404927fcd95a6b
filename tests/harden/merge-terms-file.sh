# In a mailing, <voorwaarden bestand> in the template names a file
# relative to the template; every letter gets the terms on a page of its
# own after the letter.  A file outside the project stops the mailing at
# the attribute before any letter is written.  Before: the attribute was
# refused by the schema.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
mkdir m/tmpl
sed 's|<voorwaarden>|<voorwaarden bestand="../algemeen.md">|' m/offerte.xml > m/tmpl/offerte.xml
rm m/offerte.xml
grep -q 'bestand=' m/tmpl/offerte.xml || fail "the sample mailing changed"
line=$(grep -n 'bestand=' m/tmpl/offerte.xml | cut -d: -f1)
printf 'Artikel 1. Onze algemene voorwaarden.\n' > m/algemeen.md
printf 'nummer;klant.naam\n2026-1;Eerste BV\n2026-2;Tweede BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge tmpl/offerte.xml rows.csv -o out)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
for n in 1 2; do
	f=m/out/2026-$n.pdf
	[ -s $f ] || fail "$f not written: $(cat err)"
	pages=$(pdfinfo $f | awk '/^Pages:/ {print $2}')
	pdftotext -f "$pages" -l "$pages" $f last.txt
	grep -q "Algemene voorwaarden" last.txt &&
	    grep -q "Artikel 1. Onze algemene voorwaarden." last.txt &&
	    grep -q "$pages van $pages" last.txt ||
		fail "$f: no terms on its last page: $(cat last.txt)"
	pdftotext -f $((pages - 1)) -l $((pages - 1)) $f prev.txt
	grep -q "Artikel 1" prev.txt && fail "$f: the terms do not start a page"
done
secret=$(outside_file)
sed "s|../algemeen.md|$secret|" m/tmpl/offerte.xml > m/tmpl/x.xml
mv m/tmpl/x.xml m/tmpl/offerte.xml
rm -rf m/out
st=$(cd m && run ../err "$SG" merge tmpl/offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "outside: exit status $st, expected 1: $(cat err)"
grep -qx "tmpl/offerte.xml:$line:16: error: path '$secret' leads outside the project" err ||
	fail "outside: $(cat err)"
ls m/out/*.pdf > /dev/null 2>&1 && fail "outside: letters written"
no_secret m
exit 0
