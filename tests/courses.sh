#!/bin/sh
# Courses written for other tools, built as they are.
#
#   sh tests/courses.sh SALESGEN
#
# Each folder of tests/projects is a small course in another tool's shape
# (Jupyter Book, MkDocs, mdBook, Quarto, Docusaurus), copied to a temporary
# folder and built there.  Each must build with status 0 and no error or
# warning; its index must list the parts and the chapters' pages in the
# order of the folder's `expect` file ("part TITLE" and "page PATH" lines);
# every page, and a PDF for each chapter at the same path under out/pdf,
# must exist; every link of the site must land (tests/linkcheck.py); every
# page in a folder must show the parts in its sidebar.  Then npm's own
# documentation, when this machine has it, is built as a course the same
# way (its links to npm's web site aside) and checked for numbers that
# skip a level ("1.0.1").  The W3C checker (vnu, installed by
# tests/site.sh) checks every site at once, with 0 errors; without it or
# Java that check is reported as SKIP, never as PASS.
#
# One line per check, "PASS courses: ..." or "FAIL courses: ..." with the
# reason indented below.  With --regen (make regen), an index listing that
# differs from its `expect` file is shown and offered for acceptance
# (tests/lib.sh, golden).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
regen=$2
pfx=${PREFIX:+$PREFIX }
lib_tmp courses

result() {	# result NAME [WHY]
	verdict "${pfx}courses: $1" "$2"
}

# The index's parts and chapter pages, in order, as the expect files say
# them.
listing() {
	sed -n '/<ol class="chapter-list">/,/<\/ol>/p' "$1" |
	grep -o '<li class="part">[^<]*</li>\|<li><a href="[^"]*"><span class="num">' |
	sed 's|<li class="part">\(.*\)</li>|part \1|; s|<li><a href="\([^"]*\)".*|page \1|'
}

# What other tools' markup looks like when it is printed instead of read.
syntax='!!!
???
:::
{note}
{warning}
{admonition}
{.callout
[!NOTE]
[!TIP]
[!WARNING]
{term}
{ref}
{doc}
{#sec-
{#fig-
[^'

sites=
for p in "$top"/tests/projects/*/; do
	[ -d "$p" ] || continue
	name=$(basename "$p")
	cp -R "$p" "$tmp/$name"
	d=$tmp/$name
	"$bin" build "$d" > "$tmp/$name.log" 2>&1
	st=$?
	why=
	[ $st = 0 ] || why="exit status $st"
	if grep -q ': \(error\|warning\): ' "$tmp/$name.log"; then
		why="$why
$(grep ': \(error\|warning\): ' "$tmp/$name.log" | head -5)"
	fi
	result "$name/build" "$why"

	why=
	if [ -f "$d/out/site/index.html" ]; then
		listing "$d/out/site/index.html" > "$tmp/$name.got"
		if ! golden "$name/expect" "${p%/}/expect" "$tmp/$name.got"; then
			why="index lists, expected vs got:
$(diff "$d/expect" "$tmp/$name.got")"
		fi
	else
		why="no out/site/index.html"
	fi
	result "$name/order-and-parts" "$why"

	why=
	for page in $(sed -n 's/^page //p' "$d/expect"); do
		[ -f "$d/out/site/$page" ] || why="$why
no out/site/$page"
		pdf=${page%.html}.pdf
		[ -f "$d/out/pdf/$pdf" ] || why="$why
no out/pdf/$pdf"
		case $page in
		*/*)
			for part in $(sed -n 's/^part //p' "$d/expect" | tr ' ' '_'); do
				part=$(echo "$part" | tr '_' ' ')
				grep -qF "<li class=\"part\">$part</li>" \
				    "$d/out/site/$page" 2>/dev/null ||
					why="$why
$page: no part '$part' in its sidebar"
			done
			grep -q 'href="\.\./style\.css"' "$d/out/site/$page" 2>/dev/null ||
				why="$why
$page: style sheet not linked as ../style.css" ;;
		esac
	done
	result "$name/pages-mirror-folders" "${why#
}"

	why=$(python3 "$top/tests/linkcheck.py" "$d/out/site" 2>&1) &&
		why=
	result "$name/links" "$why"

	# No other tool's markup left as text, on the site or in the PDFs.
	why=
	for f in $(cd "$d/out/site" 2>/dev/null && find . -name '*.html' | sort); do
		grep -HnoF "$syntax" "$d/out/site/$f" 2>/dev/null | head -3 |
		    sed 's|^\./||'
	done > "$tmp/$name.left"
	for f in $(cd "$d/out/pdf" 2>/dev/null && find . -name '*.pdf' | sort); do
		pdftotext "$d/out/pdf/$f" - 2>/dev/null |
		    grep -noF "$syntax" | head -3 | sed "s|^|${f#./}:|"
	done >> "$tmp/$name.left"
	[ ! -s "$tmp/$name.left" ] && why= ||
		why="markup left as text:
$(head -10 "$tmp/$name.left")"
	result "$name/no-foreign-markup" "$why"

	# Every picture (the project's `images` file: its path and the
	# colours of its halves, or of the whole of an icon) copied into the
	# site and drawn in the course's PDF with its colours.
	why=
	pdf=$(ls "$d"/out/pdf/*.pdf | grep -v -- '-student\.pdf$' | head -1)
	have=$(pdfimages -list "$pdf" 2>/dev/null | tail -n +3 | wc -l)
	want=$(wc -l < "$d/images")
	[ "$have" -ge "$want" ] || why="$pdf: $have pictures, expected $want or more"
	pdftoppm -r 50 "$pdf" "$tmp/$name.pg" 2>/dev/null
	while read -r src r1 g1 b1 r2 g2 b2; do
		base=$(basename "$src")
		cp=$(find "$d/out/site" -name "$base" | head -1)
		if [ -z "$cp" ] || ! cmp -s "$d/$src" "$cp"; then
			why="$why
$src: not copied into out/site"
		fi
		grep -rqF "$base\"" "$d/out/site" --include='*.html' ||
			why="$why
$src: no page refers to it"
		for rgb in "$r1 $g1 $b1" "${r2:+$r2 $g2 $b2}"; do
			[ -n "$rgb" ] || continue
			max=0
			for pg in "$tmp/$name".pg*.ppm; do
				# shellcheck disable=SC2086
				k=$(python3 "$top/tests/tools/ppmcount.py" \
				    "$pg" $rgb 14)
				[ "$k" -gt "$max" ] && max=$k
			done
			[ "$max" -ge 9 ] || why="$why
$src: colour $rgb on no page of $(basename "$pdf") (most: $max pixels)"
		done
	done < "$d/images"
	rm -f "$tmp/$name".pg*.ppm
	result "$name/pictures-site-and-pdf" "${why#
}"
	sites="$sites $d/out/site"
done
# make regen: the expect files were all; the rest is no golden file.
[ "$regen" = --regen ] && exit 0

# Jupyter Book: the file _toc.yml leaves out is noted, not built.
d=$tmp/jupyter-book
why=
grep -qx "$d/extra/kladblok.md: note: 'extra/kladblok.md' is not in the table of contents ($d/_toc.yml) and is left out" \
    "$tmp/jupyter-book.log" || why="no note for extra/kladblok.md: $(cat "$tmp/jupyter-book.log")"
[ ! -e "$d/out/site/extra/kladblok.html" ] || why="$why
extra/kladblok.html written"
result "jupyter-book/left-out-noted" "$why"
# ... and the linked PDF went along, at its path.
why=
cmp -s "$d/bijlagen/voorwaarden.pdf" "$d/out/site/bijlagen/voorwaarden.pdf" ||
	why="bijlagen/voorwaarden.pdf not copied into the site"
grep -q 'href="\.\./bijlagen/voorwaarden\.pdf"' "$d/out/site/deel-2/offerte.html" ||
	why="$why
deel-2/offerte.html does not link ../bijlagen/voorwaarden.pdf"
result "jupyter-book/linked-file-copied" "${why#
}"
# ... and the root page is the landing page's text.
why=
grep -q 'Deze module volgt een klant' "$d/out/site/index.html" ||
	why="intro.md's text is not on the index page"
grep -q '<a href="deel-1/gesprek.html#luister-eerst">' "$d/out/site/index.html" ||
	why="$why
the landing page's link to deel-1/gesprek.md#luister-eerst is not rewritten"
result "jupyter-book/landing-page" "${why#
}"

# Quarto: every @sec-/@fig-/@tbl- reference became a link with its number.
d=$tmp/quarto
why=
left=$(grep -rnoE '(^|[^[:alnum:]._%+-])@(sec|fig|tbl)-[[:alnum:]_-]+' "$d/out/site" --include='*.html' | head -3)
[ -z "$left" ] || why="left as text on the site: $left"
for f in $(cd "$d/out/pdf" && find . -name '*.pdf' | sort); do
	pdftotext "$d/out/pdf/$f" - | grep -qE '(^|[^[:alnum:]._%+-])@(sec|fig|tbl)-' &&
		why="$why
left as text in $f"
done
grep -qF '<a href="dmu.html#sec-rollen">paragraaf 2.1</a>' "$d/out/site/voorbereiden/doelen.html" ||
	why="$why
@sec-rollen is not a link to paragraaf 2.1"
grep -qF '<a href="#fig-doelen">Figuur 1.1</a>' "$d/out/site/voorbereiden/doelen.html" ||
	why="$why
@fig-doelen is not a link to Figuur 1.1"
grep -qF '<a href="#tbl-doelen">Tabel 1.1</a>' "$d/out/site/voorbereiden/doelen.html" ||
	why="$why
@tbl-doelen is not a link to Tabel 1.1"
result "quarto/cross-references" "${why#
}"

# Jupyter Book: (luister)= is an anchor beside the heading's own id, and
# the {glossary} entries are the glossary's.
d=$tmp/jupyter-book
why=
grep -q '<h2 id="luister-eerst"><span id="luister"></span>' "$d/out/site/deel-1/gesprek.html" ||
	why="the heading lost its id or the label has no anchor: $(grep '<h2' "$d/out/site/deel-1/gesprek.html")"
for t in open-vraag samenvatten; do
	grep -q "id=\"term-$t\"" "$d/out/site/begrippenlijst.html" ||
		why="$why
no glossary entry term-$t"
done
grep -q 'href="\.\./begrippenlijst\.html#term-open-vraag"' "$d/out/site/deel-2/offerte.html" ||
	why="$why
{term} open vraag does not reach the glossary"
result "jupyter-book/label-and-glossary" "${why#
}"

# mdBook: <details> is a callout with the summary as its title.
d=$tmp/mdbook
why=
grep -qF '<span class="label">Tip</span> Wat is jouw BATNA?</p>' "$d/out/site/basis/klant.html" ||
	why="no callout for <details>"
grep -q '&lt;details\|&lt;summary' "$d/out/site/basis/klant.html" && why="$why
the tags shown as text"
result "mdbook/details" "${why#
}"

# Docusaurus: the .mdx chapter is read (its tabs flattened), and no
# import line is left as text.
d=$tmp/docusaurus
why=
grep -rn '^import \|import .* from' "$d/out/site" --include='*.html' | head -3 | grep . &&
	why="import lines left on the site"
for f in $(cd "$d/out/pdf" && find . -name '*.pdf' | sort); do
	pdftotext "$d/out/pdf/$f" - | grep -q 'import .* from' && why="$why
import line in $f"
done
h=$d/out/site/20-opvolgen/mailen.html
grep -qF '<p><strong>Warme lead</strong></p>' "$h" 2>/dev/null || why="$why
mailen.mdx: no TabItem label as a bold line"
grep -q '&lt;Tab\|<Tab' "$h" 2>/dev/null && why="$why
mailen.mdx: JSX tags left"
grep -qx "$d/docs/20-opvolgen/mailen.mdx:10:1: note: JSX components (<Tabs> and any others in this file) are flattened: their text is kept, their behaviour is not" \
    "$tmp/docusaurus.log" || why="$why
no note for the flattened JSX: $(cat "$tmp/docusaurus.log")"
result "docusaurus/mdx" "${why#
}"

# Real documentation nobody here wrote: npm's.
npmdocs=/usr/lib/node_modules/npm/docs/content
if [ -d "$npmdocs" ]; then
	d=$tmp/npm
	mkdir -p "$d"
	cp -R "$npmdocs" "$d/content"
	"$bin" build "$d" > "$tmp/npm.log" 2>&1
	st=$?
	why=
	[ $st = 0 ] || why="exit status $st"
	if grep -q ': error: ' "$tmp/npm.log"; then
		why="$why
$(grep ': error: ' "$tmp/npm.log" | head -5)"
	fi
	n=$(find "$d/content" -name '*.md' | wc -l)
	m=$(find "$d/out/site" -name '*.html' ! -name index.html ! -name search.html | wc -l)
	[ "$n" = "$m" ] || why="$why
$n chapters, $m pages"
	result "npm-docs/build" "${why#
}"
	why=$(grep -rlE 'class="num">[0-9]+(\.[0-9]+)*\.0\.' "$d/out/site" | head -3)
	[ -z "$why" ] || why="numbers that skip a level in: $why"
	result "npm-docs/no-skipped-levels" "$why"
	# Links to npm's web site's own pages are theirs; the rest must land.
	why=$(python3 "$top/tests/linkcheck.py" "$d/out/site" 2>&1 |
	    grep -v "absolute path; links must be relative" |
	    grep -v '^[0-9]* links checked')
	result "npm-docs/links" "$why"
	sites="$sites $d/out/site"
else
	echo "SKIP ${pfx}courses: npm-docs (no $npmdocs on this machine)"
fi

# The W3C checker over every site at once: it takes seconds to start.
jar=$top/tests/.tools/node_modules/vnu-jar/build/dist/vnu.jar
if [ -n "$SKIP_VNU" ]; then
	:
elif [ ! -f "$jar" ] || ! command -v java > /dev/null 2>&1; then
	echo "SKIP ${pfx}courses: vnu (no $jar or no java; tests/site.sh installs it)"
else
	# shellcheck disable=SC2086
	java -jar "$jar" --errors-only --format gnu --skip-non-html $sites \
	    > "$tmp/vnu" 2>&1
	st=$?
	why=
	[ $st -le 1 ] || why="java -jar vnu.jar: exit status $st"
	[ -s "$tmp/vnu" ] && why="$why
$(sed "s|$tmp/||" "$tmp/vnu" | head -10)"
	result "vnu" "${why#
}"
fi
exit 0
