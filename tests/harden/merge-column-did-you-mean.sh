# A misspelt column names the nearest field of the template and says how to
# keep a column unused; a column of notes gets no guess.  Nothing is written.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.contakt@naam;Opmerking verkoper;Klant.Naam\n2026-1;Anja;bellen;X BV\n' > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 1 ] || fail "exit status $st, expected 1: $(cat err)"
grep -qx "rows.csv:1:8: error: column 'klant.contakt@naam' names no element or attribute of <offerte> (did you mean klant.contact@naam?); to keep it unused, begin its name with '_' or give --ignore 'klant.contakt@naam'" err ||
	fail "misspelt attribute column: $(cat err)"
grep -qx "rows.csv:1:27: error: column 'Opmerking verkoper' names no element or attribute of <offerte>; to keep it unused, begin its name with '_' or give --ignore 'Opmerking verkoper'" err ||
	fail "notes column: $(cat err)"
grep -qx "rows.csv:1:46: error: column 'Klant.Naam' names no element or attribute of <offerte> (did you mean klant.naam?); to keep it unused, begin its name with '_' or give --ignore 'Klant.Naam'" err ||
	fail "column in the wrong case: $(cat err)"
[ ! -e m/out ] || fail "something was written: $(ls -A m/out)"
exit 0
