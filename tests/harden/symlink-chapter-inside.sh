# A chapter that is a symbolic link to a file inside the project is fine.
. "$2/tests/harden/lib.sh"
project p
mkdir p/drafts
printf '# Derde\n\nTekst.\n' > p/drafts/derde.md
ln -s ../drafts/derde.md p/content/03-derde.md
st=$(run err "$SG" build -q --only site p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
[ -f p/out/site/03-derde.html ] || fail "no page for the linked chapter"
exit 0
