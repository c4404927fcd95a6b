# A letter's closing ("Met vriendelijke groet,") never ends a page with
# the name under it on the next: the template's ```frame keep``` keeps
# the closing paragraph with the name/function lines.  The introduction
# grows a line at a time, so the closing reaches every place near the
# foot of page 1.  Before: at some lengths page 1 ended with the closing
# and page 2 began with the name.
. "$2/tests/harden/lib.sh"
k=0
intro=""
while [ $k -lt 34 ]; do
	sed "s|<inleiding>|<inleiding>$intro|" "$TOP/tests/harden/offerte.xml" > o.xml
	st=$(run err "$SG" render o.xml -o o.pdf)
	[ "$st" = 0 ] || fail "$k lines more: exit status $st: $(head -c 400 err)"
	pdftotext -layout o.pdf o.txt || fail "pdftotext fails"
	# the page (form feeds part them) that has the closing has the name
	# right under it
	awk -v RS='\f' '/Met vriendelijke groet,/ {
		sub(/.*Met vriendelijke groet,[ \n]*/, "")
		if ($0 !~ /^Sanne de Wit/) bad = 1
		found = 1
	}
	END { exit !(found && !bad) }' o.txt ||
		fail "$k lines more: the closing is not followed by the name on its page"
	intro="$intro Deze zin is er alleen om de inleiding precies een regel langer te maken dan zij was, nummer $k."
	k=$((k + 1))
done
exit 0
