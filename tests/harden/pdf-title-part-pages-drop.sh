# A course PDF's title page and a part's page set their title a good way
# down the page (a book's drop), not at its top where a space at a page's
# top is dropped; the part's page reads "Deel N" above its title and has
# no running head.  The Jupyter Book course has two parts.
. "$2/tests/harden/lib.sh"
command -v pdftotext > /dev/null 2>&1 || { echo "SKIP: no pdftotext"; exit 0; }
cp -r "$2/tests/projects/jupyter-book" jb
st=$(run err "$SG" build jb --only pdf)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
pdf=jb/out/pdf/verkopen-met-beleid.pdf
# word yMin per page: the topmost word of page 1 and of page 3 (the
# first part's page), in points from the top of an A4 page (842)
top() {
	pdftotext -bbox -f "$1" -l "$1" "$pdf" - |
	    sed -n 's/.*yMin="\([0-9.]*\)".*>\(.*\)<\/word>/\1 \2/p' | sort -s -n -k1,1 | head -1
}
t1=$(top 1); t3=$(top 3)
awk -v t="${t1%% *}" 'BEGIN { exit !(t > 200) }' || fail "title page: the title is at $t1 pt from the top, not dropped"
awk -v t="${t3%% *}" 'BEGIN { exit !(t > 200) }' || fail "part page: its first word is at $t3 pt from the top (a running head, or no drop)"
[ "${t3#* }" = Deel ] || fail "part page: the first word is '${t3#* }', not Deel"
pdftotext -f 3 -l 3 "$pdf" - | grep -q '^Deel 1$' || fail "part page: no 'Deel 1' line"
exit 0
