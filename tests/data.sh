#!/bin/sh
# Sales documents end to end: what the golden files under tests/regress/data*
# cannot show, because it is about files, exit statuses and time.
#
#   sh tests/data.sh SALESGEN
#
# - `salesgen new` writes a schema-valid file for every kind that renders
#   without a diagnostic, and never overwrites;
# - a failed render or mailing leaves an existing output file as it was
#   and no temporary file behind;
# - hostile data (<script>, quotes, Markdown, a Mustache tag) comes out as
#   text in the HTML page and in the PDF's text;
# - XXE and entity-bomb files are refused fast, before anything is read;
# - a template that names an unknown field warns at its file:line:col, and
#   is an error under --strict;
# - a mailing writes the good rows, reports a bad one at its CSV line, and
#   refuses a misspelt column before writing anything;
# - the same input gives byte-identical HTML and PDF.
#
# One line per test, "PASS data: name" or "FAIL data: name" with details
# indented below; the exit status is always 0 (tests/run.sh counts lines).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
lib_tmp data
result_prefix="${PREFIX}data: "	# note, result: tests/lib.sh
export SOURCE_DATE_EPOCH=1764115200
# expect_status WANT GOT WHAT
expect_status() { [ "$2" = "$1" ] || note "$3: exit status $2, expected $1"; }

# ------------------------------------------------------------ new KIND

for kind in offerte sellogram pitch verkoopplan accountplan klanten nps leads; do
	d=$tmp/new-$kind
	mkdir -p "$d"
	(cd "$d" && "$bin" new "$kind" start.xml) > "$d/out" 2>&1
	expect_status 0 $? "salesgen new $kind"
	if [ -f "$d/start.xml" ]; then
		if command -v xmllint > /dev/null 2>&1 &&
		    ! xmllint --noout --relaxng "$top/templates/schema/salesgen.rng" \
		    "$d/start.xml" > "$d/lint" 2>&1; then
			note "start file is not schema-valid:"
			sed 's/^/  /' "$d/lint" >> "$why"
		fi
		# a klanten start file may name a CSV file that is not there
		if [ "$kind" != klanten ] || ! grep -q 'bron=' "$d/start.xml"; then
			(cd "$d" && "$bin" render start.xml -o start.html) > "$d/r" 2>&1
			expect_status 0 $? "rendering the start file"
			[ -s "$d/r" ] && { note "diagnostics:"; sed 's/^/  /' "$d/r" >> "$why"; }
		fi
		cp "$d/start.xml" "$d/before"
		(cd "$d" && "$bin" new "$kind" start.xml) > "$d/again" 2>&1
		expect_status 1 $? "salesgen new over an existing file"
		cmp -s "$d/start.xml" "$d/before" || note "the existing file was changed"
		grep -q "exists already" "$d/again" || note "no 'exists already' message"
	else
		note "no start.xml written"
	fi
	result "new $kind writes a valid start file and never overwrites"
done

# ------------------------------------------- failures leave files alone

d=$tmp/keep
mkdir -p "$d"
cp "$top/tests/regress/data/nl/sellogram.xml" "$d/good.xml"
cp "$top/tests/regress/data-bad/price-bad.xml" "$d/bad.xml"
for t in html pdf md; do
	(cd "$d" && "$bin" render good.xml -t $t -o out.$t) 2> "$d/err"
	expect_status 0 $? "good render -t $t"
	cp "$d/out.$t" "$d/out.$t.before" 2> /dev/null
	(cd "$d" && "$bin" render bad.xml -t $t -o out.$t) 2> "$d/err"
	expect_status 1 $? "bad render -t $t"
	cmp -s "$d/out.$t" "$d/out.$t.before" || note "-t $t: the previous output changed"
	grep -q '^bad.xml:8:29: error: ' "$d/err" || { note "-t $t: diagnostics:"; sed 's/^/  /' "$d/err" >> "$why"; }
	left=$(cd "$d" && ls -a | grep -v -e '^\.\.\?$' -e '^good.xml$' -e '^bad.xml$' \
	    -e '^out\.[a-z]*$' -e '^out\.[a-z]*\.before$' -e '^err$')
	[ -z "$left" ] && continue
	note "-t $t: left behind: $left"
done
result "a failed render keeps the previous output and leaves no temporary file"

# a build whose data document breaks keeps the last good site page
d=$tmp/proj
mkdir -p "$d/content/data"
printf '# Hoofdstuk\n\nTekst.\n' > "$d/content/01-een.md"
cp "$top/tests/regress/data/nl/pitch.xml" "$d/content/data/pitch.xml"
"$bin" build "$d" -q > /dev/null 2>&1
expect_status 0 $? "first build"
page=$(find "$d/out/site" -name 'pitch*.html' | head -1)
if [ -n "$page" ]; then
	cp "$page" "$tmp/page.before"
	sed -i 's/<pitch /<pitch onbekend="1" /' "$d/content/data/pitch.xml"
	"$bin" build "$d" -q > /dev/null 2> "$tmp/err"
	expect_status 1 $? "build with a broken document"
	cmp -s "$page" "$tmp/page.before" || note "the page of the broken document changed"
	grep -q "pitch.xml:[0-9]*:[0-9]*: error: <pitch> has no attribute 'onbekend'" "$tmp/err" ||
	    { note "diagnostics:"; sed 's/^/  /' "$tmp/err" >> "$why"; }
	tmps=$(find "$d/out" -name '*.tmp*' -o -name '.*~' | head -3)
	[ -z "$tmps" ] || note "temporary files left: $tmps"
else
	note "the first build wrote no page for pitch.xml"
fi
result "a failed build keeps the document's previous page"

# ------------------------------------------------------- hostile values

d=$tmp/esc
mkdir -p "$d"
cp "$top/tests/regress/data/nl/escape.xml" "$d/"
(cd "$d" && "$bin" render escape.xml -o escape.html && "$bin" render escape.xml -o escape.pdf) 2> "$d/err"
expect_status 0 $? "render escape.xml"
if [ -f "$d/escape.html" ]; then
	for bad in '<script' '<img' '<b>' '<i>' '<h1>Fout' 'href="javascript' '<em>geen vet' '<code>geen code'; do
		# the offer's own form and script stand outside <main>'s letter
		sed -n '/<main>/,/<section class="sg-conf"/p' "$d/escape.html" |
		    grep -q -F "$bad" && note "HTML holds markup from the data: $bad"
	done
	for good in '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' '**geen vet**' '{{titel}}' '&amp;amp; entity'; do
		grep -q -F "$good" "$d/escape.html" || note "HTML lacks the text: $good"
	done
fi
if command -v pdftotext > /dev/null 2>&1 && [ -f "$d/escape.pdf" ]; then
	pdftotext -enc UTF-8 "$d/escape.pdf" "$d/escape.txt" 2>> "$why"
	for good in '<script>alert("x")</script>' '**geen vet**' '{{titel}}' '<b>1</b>'; do
		grep -q -F "$good" "$d/escape.txt" || note "PDF text lacks: $good"
	done
fi
result "data values with markup come out as text (HTML and PDF)"

# ------------------------------------------------------ XXE and bombs

for f in xxe xxe-net bomb; do
	start=$(date +%s%N)
	(cd "$top/tests/regress/data-xml" && "$bin" render "$f.xml" -o "$tmp/$f.html") 2> "$tmp/err"
	st=$?
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	expect_status 1 $st "$f.xml"
	[ $ms -lt 1000 ] || note "$f.xml took $ms ms"
	[ -f "$tmp/$f.html" ] && note "$f.xml: an output file was written"
	grep -q 'DOCTYPE is not allowed' "$tmp/err" || { note "$f.xml:"; sed 's/^/  /' "$tmp/err" >> "$why"; }
	grep -q 'root:' "$tmp/err" && note "$f.xml: /etc/passwd leaked into a message"
	result "$f.xml is refused fast ($ms ms)"
done

# ------------------------------------------- unknown template variable

d=$tmp/tpl
mkdir -p "$d/templates/nl"
cp "$top/tests/regress/data/nl/sellogram.xml" "$d/"
{ printf '# {{titel}}\n\nVoor {{klant}}: {{onbekend}} en\n{{#regels}}{{kenmerk}} {{geenveld}}{{/regels}}\n'; } > "$d/templates/nl/sellogram.md"
(cd "$d" && "$bin" render sellogram.xml -t md -o out.md) 2> "$d/err"
expect_status 0 $? "render with an unknown template field"
grep -q "^templates/nl/sellogram.md:3:[0-9]*: warning: template variable 'onbekend' is not defined" "$d/err" ||
    { note "no warning at the template's file:line:col:"; sed 's/^/  /' "$d/err" >> "$why"; }
grep -q "^templates/nl/sellogram.md:4:[0-9]*: warning: template variable 'geenveld'" "$d/err" ||
    note "no warning for the unknown field inside a section"
echo old > "$d/out2.md"
(cd "$d" && "$bin" render sellogram.xml -t md -o out2.md --strict) 2> "$d/err"
expect_status 1 $? "the same under --strict"
grep -q "sellogram.md:3:[0-9]*: error: template variable 'onbekend'" "$d/err" || note "--strict does not make it an error"
[ "$(cat "$d/out2.md")" = old ] || note "--strict failure replaced the output"
result "a template naming an unknown field warns at file:line:col (error with --strict)"

# ------------------------------------------------------------- mailing

d=$tmp/mail
mkdir -p "$d"
sed 's|<logo>[^<]*</logo>||' "$top/content/mailing/offerte.xml" > "$d/offerte.xml"
printf '\357\273\277nummer;klant.naam;korting\r\nM-1;Klant Een;5%%\r\nM-2;Klant Twee;vijf\r\nM-3;"Klant; Drie";\342\202\254 10\r\n' > "$d/rows.csv"
(cd "$d" && "$bin" merge offerte.xml rows.csv -o out -q) 2> "$d/err"
expect_status 1 $? "mailing with a bad row"
[ -f "$d/out/M-1.pdf" ] && [ -f "$d/out/M-3.pdf" ] || note "the good rows were not written: $(ls "$d/out" 2>&1)"
[ -f "$d/out/M-2.pdf" ] && note "the bad row was written"
grep -q "^rows.csv:3:16: error: korting: 'vijf' is not" "$d/err" || { note "diagnostics:"; sed 's/^/  /' "$d/err" >> "$why"; }
if command -v pdftotext > /dev/null 2>&1 && [ -f "$d/out/M-3.pdf" ]; then
	pdftotext "$d/out/M-3.pdf" - | grep -q 'Klant; Drie' || note "M-3.pdf does not name its customer"
fi
result "a mailing writes the good rows and reports the bad one at its CSV line"

# A bare number in korting reads as 7,5 % to one reader and € 7,50 to the
# next: refused at its cell, with both readings, and the row not written.
printf 'nummer;klant.naam;korting\nK-1;Klant Een;7,5\nK-2;Klant Twee;7,5%%\n' > "$d/kale.csv"
(cd "$d" && "$bin" merge offerte.xml kale.csv -o kale -q) 2> "$d/kale.err"
expect_status 1 $? "mailing with a bare korting"
[ -f "$d/kale/K-1.pdf" ] && note "the row with korting '7,5' was written"
[ -f "$d/kale/K-2.pdf" ] || note "the good row was not written: $(ls "$d/kale" 2>&1)"
grep -qx "kale.csv:2:15: error: korting '7,5': write 7,5% for a percentage or € 7,50 for an amount" "$d/kale.err" ||
	{ note "diagnostics:"; sed 's/^/  /' "$d/kale.err" >> "$why"; }
result "a mailing refuses a bare number in korting at its cell, with both readings"

printf 'nummer;klant.naam;klant.contakt@naam\nN-1;Een;A\n' > "$d/typo.csv"
(cd "$d" && "$bin" merge offerte.xml typo.csv -o out2 -q) 2> "$d/err"
expect_status 1 $? "mailing with a misspelt column"
grep -q "^typo.csv:1:19: error: column 'klant.contakt@naam' names no element or attribute of <offerte>" "$d/err" ||
    { note "diagnostics:"; sed 's/^/  /' "$d/err" >> "$why"; }
[ -e "$d/out2/N-1.pdf" ] && note "a document was written despite the bad column"
result "a mailing refuses a column that names no field, before writing"

# the sample mailing, run from its own folder: the project (salesgen.xml
# two levels up) is found, so the logo above the folder is inside it
(cd "$top/content/mailing" && "$bin" merge offerte.xml klanten.csv -o "$tmp/mm" -q) 2> "$tmp/err"
expect_status 0 $? "merge from content/mailing"
[ -s "$tmp/err" ] && { note "diagnostics:"; sed 's/^/  /' "$tmp/err" >> "$why"; }
n=$(ls "$tmp/mm" 2> /dev/null | grep -c '\.pdf$')
rows=$(($(grep -c . "$top/content/mailing/klanten.csv") - 1))
[ "$n" = "$rows" ] || note "$n PDFs for $rows rows"
result "merge finds the project above the template (its logo, fonts, paper)"

# ---------------------------------------------------------- determinism

d=$tmp/det
mkdir -p "$d"
for f in offerte verkoopplan klanten; do
	cp "$top/tests/regress/data/nl/$f.xml" "$d/"
done
cp "$top/tests/regress/data/nl/klanten.csv" "$d/"
for f in offerte verkoopplan klanten; do
	for t in html pdf; do
		(cd "$d" && "$bin" render $f.xml -o a.$t && "$bin" render $f.xml -o b.$t) 2>> "$why"
		cmp -s "$d/a.$t" "$d/b.$t" || note "$f.xml -t $t differs between two runs"
	done
done
result "the same document renders byte-identical HTML and PDF"
exit 0
