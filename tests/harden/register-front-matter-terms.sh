# Terms a chapter lists under `register:` in its front matter come in the
# course PDF's register with the pages they occur on: by inflection
# ("prijzen" for "prijs"), inside a compound ("verkoopplannen" for
# "plan"), and a subentry under its main term ("piramide > klanten-" is
# "klantenpiramide", indented under "piramide"); a term nothing mentions
# is left out, and pages in a row are a range.
. "$2/tests/harden/lib.sh"
project p
{
	printf -- '---\nregister:\n  - prijs\n  - plan\n  - "piramide > klanten-"\n  - nergensgenoemd\n---\n'
	printf '# Eerste\n\nDe prijzen stijgen.\n\n'
	printf 'Tekst die niets zegt. %.0s' $(seq 400); printf '\n\n'
	printf 'Hier staan de verkoopplannen van het jaar.\n\n'
	printf 'Tekst die niets zegt. %.0s' $(seq 400); printf '\n\n'
	printf 'De klantenpiramide heeft lagen. Weer een prijs.\n\n'
	printf 'Tekst die niets zegt. %.0s' $(seq 400); printf '\n\n'
	printf 'En nog een prijs.\n'
} > p/content/01-eerste.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
pdf=p/out/pdf/p.pdf
pdftotext "$pdf" all.txt || fail "pdftotext failed"
n=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
pdftotext -f "$n" -l "$n" "$pdf" reg.txt
head -n 1 reg.txt | grep -qx Register || fail "the last page is no register: $(head -n 3 reg.txt)"
# the page each sentence is on, as the reader sees it
page_of() {
	i=1
	while [ "$i" -lt "$n" ]; do
		pdftotext -f "$i" -l "$i" "$pdf" - | tr '\n' ' ' | grep -qF "$1" && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo none
}
a=$(page_of 'De prijzen stijgen') b=$(page_of 'verkoopplannen van het')
c=$(page_of 'klantenpiramide heeft') d=$(page_of 'nog een prijs')
[ "$a" != none ] && [ "$b" != "$a" ] && [ "$c" != "$b" ] && [ "$d" != "$c" ] ||
    fail "the sentences are not on pages of their own: $a $b $c $d"
want="piramide
klanten- $c
plan $b
prijs $a, $c, $d"
[ "$((c + 1))" = "$d" ] && want="piramide
klanten- $c
plan $b
prijs $a, $c–$d"
got=$(sed -n '2,$p' reg.txt | tr -d '\f' | grep -v '^[0-9]*$' | grep .)
[ "$got" = "$want" ] || fail "register:
$got
expected:
$want"
# the subentry is indented under its main term
pdftotext -f "$n" -l "$n" -layout "$pdf" - | grep -q '^ \{2,\}klanten-' ||
    fail "klanten- is not indented: $(pdftotext -f "$n" -l "$n" -layout "$pdf" - | grep klanten)"
exit 0
