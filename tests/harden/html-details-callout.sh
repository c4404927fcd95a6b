# mdBook's <details><summary>Titel</summary>...</details> is a callout
# with the summary as its title, raw HTML on or off: its tags are never
# shown as text on the site or in the PDF, and its content is kept.
. "$2/tests/harden/lib.sh"
mkdir -p p/content
cat > p/content/01-een.md <<'MD'
# Een

<details>
<summary>Oplossing bekijken</summary>

Het antwoord is **42**.

</details>

<details><summary>Meer weten</summary>

Lees verder.
</details>

Na afloop.
MD
for raw in no yes; do
	printf '<course><html raw="%s"/></course>\n' $raw > p/salesgen.xml
	st=$(run err "$SG" build p)
	[ "$st" = 0 ] || fail "raw=$raw: exit status $st: $(cat err)"
	grep -q 'warning\|error\|raw HTML' err && fail "raw=$raw: diagnostics: $(cat err)"
	h=p/out/site/01-een.html
	grep -qF '<span class="label">Tip</span> Oplossing bekijken</p>' $h ||
		fail "raw=$raw: no callout titled by the summary: $(grep -n 'details\|Oplossing' $h)"
	grep -qF '<span class="label">Tip</span> Meer weten</p>' $h || fail "raw=$raw: second details"
	grep -qF 'Het antwoord is <strong>42</strong>.' $h || fail "raw=$raw: content lost"
	grep -q 'details&gt;\|summary&gt;\|<details\|<summary' $h && fail "raw=$raw: tags on the site"
	pdftotext p/out/pdf/01-een.pdf t.txt
	grep -q 'details>\|summary>' t.txt && fail "raw=$raw: tags in the PDF"
	grep -q 'Tip Oplossing bekijken' t.txt || fail "raw=$raw: no callout title in the PDF: $(cat t.txt)"
done
exit 0
