# merge removes the temporary files a killed mailing left in its folder,
# and keeps the user's files there.
. "$2/tests/harden/lib.sh"
. "$2/tests/harden/mailing.inc"
mailing m
printf 'nummer;klant.naam\n2026-1;Eerste BV\n' > m/rows.csv
mkdir -p m/out
printf '%s\n' "$CANARY" > m/out/.2026-9.html.sg-tmp-999999999-7
printf 'mine\n' > m/out/.2026-9.html.sg-tmp-999999999-7.bak
st=$(cd m && run ../err "$SG" merge -t html offerte.xml rows.csv -o out)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
only_files m/out ".2026-9.html.sg-tmp-999999999-7.bak
2026-1.html
manifest.csv"
exit 0
