# The ends of the accepted range give their dates: 1970-01-01 00:00:00
# and 9999-12-31 23:59:59 UTC.
. "$2/tests/harden/lib.sh"
printf '# Kop\n\nTekst.\n' > in.md
st=$(SOURCE_DATE_EPOCH=0 run err "$SG" render in.md -o a.pdf)
[ "$st" = 0 ] || fail "0: exit status $st: $(cat err)"
grep -aq "/CreationDate (D:19700101000000Z" a.pdf || fail "0: no 1970 date"
st=$(SOURCE_DATE_EPOCH=253402300799 run err "$SG" render in.md -o b.pdf)
[ "$st" = 0 ] || fail "253402300799: exit status $st: $(cat err)"
grep -aq "/CreationDate (D:99991231235959Z" b.pdf || fail "253402300799: no 9999 date: $(grep -a CreationDate b.pdf)"
exit 0
