# Forty nested lists, block quotes or callouts keep all their text in the
# PDF (only 25 levels of lists used to reach it, silently), and the
# indentation that stops growing is told once, at the first container
# past the limit.
. "$2/tests/harden/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext (poppler-utils) is not installed"
note='note: lists, quotes and callouts nested deeper than 10 levels are set at the indentation of level 10 in the PDF'

# check FILE WORD WHERE: renders FILE, wants all 40 WORDn and one note at WHERE
check() {
	st=$(run err "$SG" render "$1" -o "$1.pdf")
	[ "$st" = 0 ] || fail "$1: exit status $st: $(cat err)"
	pdftotext "$1.pdf" "$1.txt" || fail "$1: pdftotext failed"
	i=1
	while [ $i -le 40 ]; do
		grep -qw "$2$i" "$1.txt" || fail "$1: '$2$i' is missing from the PDF"
		i=$((i + 1))
	done
	[ "$(cat err)" = "$1:$3: $note" ] ||
	    fail "$1: expected '$1:$3: $note', got: $(cat err)"
}

awk 'BEGIN { for (i = 1; i <= 40; i++) { s = "";
	for (j = 1; j < i; j++) s = s "  "; print s "- niveau" i } }' > lists.md
check lists.md niveau 11:21

awk 'BEGIN { for (i = 1; i <= 40; i++) { s = "";
	for (j = 1; j < i; j++) s = s "> "; print s "citaat" i; print s } }' > quotes.md
check quotes.md citaat 23:21

awk 'BEGIN { for (i = 1; i <= 40; i++) { s = "";
	for (j = 1; j < i; j++) s = s "> "; print s "> [!tip]"; print s "> tip" i; print s } }' > callouts.md
check callouts.md tip 31:21
exit 0
