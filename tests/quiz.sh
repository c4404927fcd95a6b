#!/bin/sh
# Self-tests (`> [!vraag]`, salesgen(1) Self-tests) end to end, on the
# project in tests/quiz/project:
#
#   - the GIFT file and every member of the QTI package equal the ones in
#     tests/quiz/ (expect.gift, qti/), and the package is the same bytes in
#     a second build;
#   - every QTI item validates against the IMS QTI 2.1 XSD, the manifest
#     against IMS CP 1.1, with libxml2 (xmllint --nonet), for this
#     project's package and for the sample course's (content/).  The
#     schemas are in tests/quiz/schemes (see its README for where they come
#     from); QTI_SCHEMES names another folder laid out the same way;
#   - the site's page holds no right answer or feedback as text;
#   - the student PDF holds no answer, ticked box or feedback; the teacher
#     PDF holds them all;
#   - in headless Chromium, from file://, each question answered wrong and
#     right by keyboard gives the feedback in tests/quiz/browser.out, and
#     axe-core finds no violation (SKIP without chromium, node or npm).
#
#   sh tests/quiz.sh SALESGEN
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
want=$top/tests/quiz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

pass() { echo "PASS quiz/$1"; }
fail() { echo "FAIL quiz/$1"; shift; for l in "$@"; do echo "  $l"; done; }

cp -R "$want/project" "$tmp/p"
if ! "$bin" build -q "$tmp/p" > "$tmp/build.err" 2>&1; then
	fail build "salesgen build failed:" "$(head -5 "$tmp/build.err")"
	exit 0
fi
pass build
q=$tmp/p/out/quiz

# GIFT and QTI, byte for byte
if cmp -s "$want/expect.gift" "$q/01-vragen.gift"; then pass gift
else fail gift "$(diff -u "$want/expect.gift" "$q/01-vragen.gift" | head -20)"; fi
[ -e "$q/02-geen.gift" ] || [ -e "$q/02-geen.qti.zip" ] &&
	fail no-questions-no-files "02-geen.md has no questions but got files"
[ -e "$q/02-geen.gift" ] || [ -e "$q/02-geen.qti.zip" ] ||
	pass no-questions-no-files
mkdir "$tmp/qti"
if python3 -c "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]);
assert z.testzip() is None; z.extractall(sys.argv[2])" \
    "$q/01-vragen.qti.zip" "$tmp/qti" 2> "$tmp/zip.err"; then
	d=$(diff -r "$want/qti" "$tmp/qti")
	if [ -z "$d" ]; then pass qti-package
	else fail qti-package "$(printf '%s\n' "$d" | head -20)"; fi
else
	fail qti-package "not a zip file: $(tail -1 "$tmp/zip.err")"
fi
cp -R "$want/project" "$tmp/p2"
"$bin" build -q "$tmp/p2" > /dev/null 2>&1
if cmp -s "$q/01-vragen.qti.zip" "$tmp/p2/out/quiz/01-vragen.qti.zip"; then
	pass qti-same-bytes
else fail qti-same-bytes "a second build made another package"; fi

# QTI against IMS's schemas: this project's package, and the one the
# sample course (the repository's own content/) exports.
schemes=${QTI_SCHEMES:-$top/tests/quiz/schemes}
mkdir "$tmp/sample" "$tmp/sq"
cp -R "$top/content" "$top/templates" "$tmp/sample/"
"$bin" build -q "$tmp/sample" > "$tmp/sample.err" 2>&1
for z in "$tmp"/sample/out/quiz/*.qti.zip; do
	[ -f "$z" ] || continue
	d=$tmp/sq/$(basename "$z" .qti.zip)
	python3 -c "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$z" "$d"
done
if [ ! -f "$schemes/qtiv2p1/imsqti_v2p1.xsd" ]; then
	fail qti-xsd "no IMS QTI 2.1 schemas in $schemes"
elif ! command -v xmllint > /dev/null 2>&1; then
	fail qti-xsd "xmllint not found (libxml2-utils, in .ci/deps)"
elif ! ls "$tmp"/sq/*/Q-*.xml > /dev/null 2>&1; then
	fail qti-xsd "the sample course exported no QTI package:" "$(head -3 "$tmp/sample.err")"
else
	bad= n=0
	for f in "$tmp"/qti/Q-*.xml "$tmp"/sq/*/Q-*.xml; do
		n=$((n + 1))
		xmllint --nonet --noout --schema \
		    "$schemes/qtiv2p1/imsqti_v2p1.xsd" "$f" > "$tmp/x" 2>&1 ||
			bad="$bad $(basename "$f"): $(head -3 "$tmp/x")"
	done
	for f in "$tmp"/qti/imsmanifest.xml "$tmp"/sq/*/imsmanifest.xml; do
		xmllint --nonet --noout --schema "$schemes/imscp_v1p1.xsd" \
		    "$f" > "$tmp/x" 2>&1 ||
			bad="$bad $f: $(head -3 "$tmp/x")"
	done
	if [ -z "$bad" ] && ls "$tmp"/qti/Q-*.xml > /dev/null 2>&1; then
		pass qti-xsd
	else fail qti-xsd "$bad"; fi
fi

# the page's source gives nothing away
page=$tmp/p/out/site/01-vragen.html
leak=
for s in "25 %" "25 procent" "vijfentwintig" "vijftig gedeeld" \
    "Juist: budget" "Bijna: een prospect" "een concurrent zit niet"; do
	grep -qF "$s" "$page" && leak="$leak '$s'"
done
grep -q '<script src="quiz.js" defer></script>' "$page" ||
	leak="$leak (no quiz.js)"
[ -f "$tmp/p/out/site/quiz.js" ] || leak="$leak (quiz.js not copied)"
grep -q 'quiz.js' "$tmp/p/out/site/02-geen.html" &&
	leak="$leak (quiz.js on a page without questions)"
if [ -z "$leak" ]; then pass site-no-plain-answers
else fail site-no-plain-answers "in the page:$leak"; fi

# the two editions of the PDF
pdftotext "$tmp/p/out/pdf/01-vragen.pdf" "$tmp/student.txt" 2>/dev/null
pdftotext "$tmp/p/out/pdf/p.pdf" "$tmp/teacher.txt" 2>/dev/null
bad=
for s in "25 procent" "vijftig gedeeld" "Juist: budget" "Bijna: een" \
    "een concurrent zit niet" "☑"; do
	grep -qF "$s" "$tmp/student.txt" && bad="$bad '$s'"
done
for s in "In welke fase zit dit bedrijf?" "Hot prospect" "☐" "_____"; do
	grep -qF "$s" "$tmp/student.txt" || bad="$bad missing '$s'"
done
if [ -z "$bad" ]; then pass pdf-student-without-answers
else fail pdf-student-without-answers "student edition:$bad"; fi
bad=
for s in "25 % | 25 procent | vijfentwintig" "vijftig gedeeld" \
    "Juist: budget" "Bijna: een" "een concurrent zit niet"; do
	grep -qF "$s" "$tmp/teacher.txt" || bad="$bad '$s'"
done
n=$(grep -c "☑" "$tmp/teacher.txt")
[ "$n" = 3 ] || bad="$bad ($n ticked boxes, not 3)"
if [ -z "$bad" ]; then pass pdf-teacher-with-answers
else fail pdf-teacher-with-answers "teacher edition lacks:$bad"; fi

# in the browser, from file://
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
mods=$top/tests/.tools/axe/node_modules
if [ -z "$chromium" ] || ! command -v node > /dev/null 2>&1; then
	echo "SKIP quiz/browser: chromium or node not found"
	exit 0
fi
if [ ! -d "$mods/axe-core" ] || [ ! -d "$mods/playwright-core" ]; then
	npm install --prefix "$top/tests/.tools/axe" --no-save --no-audit \
	    --no-fund axe-core@4 playwright-core@1 > "$tmp/npm" 2>&1
	if [ ! -d "$mods/playwright-core" ]; then
		echo "SKIP quiz/browser: could not install playwright-core"
		exit 0
	fi
fi
NODE_PATH=$mods CHROMIUM=$chromium QUIZ_MANY=0,1 \
    QUIZ_SHORT='["25", "  25   PROCENT ", "vijfentwintig"]' timeout 120 \
    node "$top/tests/tools/quiz-page.js" "$page" > "$tmp/browser" 2>&1
if cmp -s "$want/browser.out" "$tmp/browser"; then pass browser
else fail browser "$(diff -u "$want/browser.out" "$tmp/browser" | head -30)"; fi
