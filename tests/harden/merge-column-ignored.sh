# Columns whose names begin with '_', and those --ignore names, are left
# unused: the mailing runs.  An --ignore naming no column is a warning.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam;Opmerking verkoper;_intern\n2026-1;Eerste BV;%s;%s\n' "$CANARY" "$CANARY" > m/rows.csv
st=$(cd m && run ../err "$SG" merge -t html --ignore 'Opmerking verkoper' --ignore Opmerking offerte.xml rows.csv -o out)
[ "$st" = 0 ] || fail "exit status $st, expected 0: $(cat err)"
grep -qx "rows.csv:1:1: warning: --ignore 'Opmerking' names no column of this file" err ||
	fail "no warning for the --ignore that names nothing: $(cat err)"
grep -q "Eerste BV" m/out/2026-1.html || fail "the document lacks its customer"
no_secret m/out
# without --ignore, the notes column is refused
st=$(cd m && run ../err2 "$SG" merge -t html offerte.xml rows.csv -o out2)
[ "$st" = 1 ] || fail "without --ignore: exit status $st, expected 1"
# --ignore belongs to merge
st=$(run err3 "$SG" build --ignore x)
[ "$st" = 2 ] || fail "build --ignore: exit status $st, expected 2"
grep -qx "salesgen: error: --ignore is an option of merge only" err3 || fail "build --ignore: $(cat err3)"
exit 0
