# Without script, the interactive offer shows the offer as it is: the
# totals block holds C's totals, the same amounts the letter's own totals
# table shows; --select changes them, and a bad selection is an error at
# its item with nothing written.
. "$2/tests/harden/lib.sh"
cp "$TOP/tests/regress/data/nl/offerte-keuze.xml" o.xml
S=$(printf '\302\240')	# amounts have a no-break space after the euro
st=$(run e "$SG" render o.xml -t html -o a.html); [ "$st" = 0 ] || fail "render: $st $(cat e)"
rows=$(sed -n '/<tbody id="sg-rows">/,/<\/tbody>/p' a.html)
printf '%s\n' "$rows" | grep -q "<tr class=\"sg-t\"><th scope=\"row\">Totaal inclusief btw</th><td>€${S}3.993,00</td></tr>" ||
	fail "no-script total: $rows"
grep -q "<strong>€${S}3.993,00</strong>" a.html || fail "the letter's total is not C's € 3.993,00"
grep -q "<output class=\"sg-amt\" id=\"sg-b2\">€${S}2.400,00</output>" a.html || fail "line amount"
grep -q 'name="keuze1" value="2" checked' a.html || fail "the chosen line is not checked"
# Premium and the extra dagdeel: 3.100 + 900 + 450 = 4.450, +21 %
st=$(run e "$SG" render o.xml -t html --select keuze1=3,regel5=on -o b.html); [ "$st" = 0 ] || fail "select: $st $(cat e)"
grep -q "<tr class=\"sg-t\"><th scope=\"row\">Totaal inclusief btw</th><td>€${S}5.384,50</td></tr>" b.html ||
	fail "selected total: $(sed -n '/sg-rows/,/tbody>/p' b.html)"
for bad in 'regel4=on|the line is not optional (optioneel="ja")' \
    'keuze1=4|not one of the <keuze>'"'"'s lines (from 1)' \
    'regel9=on|no such <regel> (numbered from 1 in document order)' \
    'regel4=3|the line'"'"'s quantity is fixed (no aantal-min or aantal-max)' \
    'prijs=1|names neither regelN nor keuzeN'; do
	item=${bad%%|*} why=${bad#*|}
	st=$(run e "$SG" render o.xml -t html --select "$item" -o c.html)
	[ "$st" = 1 ] || fail "--select $item: status $st"
	grep -qxF "salesgen: error: --select '$item': $why" e || fail "--select $item said: $(cat e)"
	[ -e c.html ] && fail "--select $item wrote c.html"
done
exit 0
