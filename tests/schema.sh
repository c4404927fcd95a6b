#!/bin/sh
# Schema checks: the data vocabulary (templates/schema/salesgen.rng) against
# the files that use it, with libxml2's own validator.
#
#   sh tests/schema.sh
#
# - every data document under content/data, content/mailing and
#   templates/new validates, and there is a starting file for every kind;
# - every file under tests/regress/data-bad fails to validate, and the
#   message names the element given on its "expect: NAME" comment line;
# - the CSV files the samples use are in Dutch Excel style (BOM, ';',
#   CRLF, decimal comma) and the documents' bron= files exist;
# - salesgen-data(5) mentions every element and attribute of the schema
#   and, when mandoc is installed, lints clean.
#
# One line per test, "PASS schema: name" or "FAIL schema: name" with the
# details indented by two spaces below it; the exit status is always 0
# (tests/run.sh counts the lines).  PREFIX is put before every name.
# Needs xmllint (Debian: libxml2-utils).
top=$(cd "$(dirname "$0")/.." && pwd)
rng=$top/templates/schema/salesgen.rng
man=$top/man/salesgen-data.5
. "$top/tests/lib.sh"
lib_tmp schema
result_prefix="${PREFIX}schema: "	# note, result: tests/lib.sh

rel() {		# rel PATH: PATH relative to the top of the repository
	printf '%s\n' "${1#"$top"/}"
}

if ! command -v xmllint > /dev/null 2>&1; then
	note "xmllint not found; install libxml2-utils"
	result "xmllint"
	exit 0
fi

# ------------------------------------------------------------- the schema

xmllint --noout "$rng" > "$tmp/out" 2>&1 || { note "not well-formed:"; sed 's/^/  /' "$tmp/out" >> "$why"; }
result "salesgen.rng is well-formed XML"

# ------------------------------------------------------------- good files

for f in $(find "$top/content/data" "$top/content/mailing" "$top/templates/new" \
    -name '*.xml' -type f 2>/dev/null | LC_ALL=C sort); do
	if ! xmllint --noout --relaxng "$rng" "$f" > "$tmp/out" 2>&1; then
		sed 's/^/  /' "$tmp/out" | head -n 20 >> "$why"
	fi
	result "$(rel "$f") validates"
done

for kind in offerte sellogram pitch verkoopplan accountplan klanten nps; do
	f=$top/templates/new/$kind.xml
	if [ ! -f "$f" ]; then
		note "missing: $(rel "$f")"
	else
		root=$(sed -n 's/^<\([a-z]*\) xmlns="urn:salesgen:1".*/\1/p' "$f" | head -n 1)
		[ "$root" = "$kind" ] || note "root element is <$root>, not <$kind>"
		grep -q '<!--' "$f" || note "has no comments"
	fi
	result "templates/new/$kind.xml is a commented <$kind>"
done

# -------------------------------------------------------------- bad files

n=0
for f in "$top"/tests/regress/data-bad/*.xml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name=$(sed -n 's/.*expect: *\([A-Za-z0-9_-]*\).*/\1/p' "$f" | head -n 1)
	if xmllint --noout --relaxng "$rng" "$f" > "$tmp/out" 2>&1; then
		note "validates, but should not"
	elif [ -z "$name" ]; then
		note "no 'expect: ELEMENT' comment in the file"
	elif ! grep -q 'fails to validate' "$tmp/out"; then
		note "xmllint failed without a validity error:"
		sed 's/^/  /' "$tmp/out" | head -n 10 >> "$why"
	# the element must be named in the message itself, not only in
	# libxml2's "element X:" prefix
	elif ! sed -n 's/.*validity error : //p' "$tmp/out" | grep -qw -- "$name"; then
		note "no message names <$name>:"
		sed 's/^/  /' "$tmp/out" | head -n 10 >> "$why"
	fi
	result "$(rel "$f") is rejected, naming <$name>"
done
[ $n -ge 7 ] || note "only $n files in tests/regress/data-bad (expected at least 7)"
result "tests/regress/data-bad has the bad cases"

# ------------------------------------------------------------------- CSV

# excel CSV COLUMNS MINROWS: UTF-8 BOM, ';' separator, CRLF line ends,
# the header COLUMNS, and at least MINROWS rows.
excel() {
	f=$1
	if [ ! -f "$f" ]; then
		note "missing"
		return
	fi
	[ "$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')" = efbbbf ] || note "no UTF-8 byte order mark"
	lines=$(wc -l < "$f")
	crlf=$(grep -c "$(printf '\r')\$" "$f")
	[ "$lines" = "$crlf" ] || note "$((lines - crlf)) of $lines lines do not end in CR LF"
	hdr=$(head -n 1 "$f" | sed "s/^$(printf '\357\273\277')//; s/$(printf '\r')\$//")
	[ "$hdr" = "$2" ] || note "header is '$hdr', expected '$2'"
	[ $((lines - 1)) -ge "$3" ] || note "$((lines - 1)) rows, expected at least $3"
}

excel "$top/content/data/klanten.csv" "nummer;naam;plaats;omzet12;status" 200
# every amount with a decimal comma, every status one of the four
tail -n +2 "$top/content/data/klanten.csv" 2>/dev/null | tr -d '\r' |
    awk -F';' '
	$4 !~ /^[0-9]+,[0-9][0-9]$/ { print "row " NR ": amount \"" $4 "\"" }
	$5 !~ /^(actief|inactief|prospect|suspect)$/ { print "row " NR ": status \"" $5 "\"" }
	$5 == "actief" && $4 == "0,00" { print "row " NR ": active without revenue" }
    ' | head -n 10 >> "$why"
result "content/data/klanten.csv is Excel-style CSV with 200+ customers"

# the pyramid shows the 80/20 pattern: the top 20 % of the active
# customers bring in at least 70 % of the revenue
tail -n +2 "$top/content/data/klanten.csv" 2>/dev/null | tr -d '\r' |
    awk -F';' '$NF == "actief" { v = $(NF-1); sub(",", ".", v); print v }' |
    sort -rn | awk '{ a[NR] = $1; t += $1 }
	END { k = int(NR * 0.2 + 0.5); for (i = 1; i <= k; i++) s += a[i];
	      if (NR == 0 || s / t < 0.7) printf "top 20%% has %.1f%% of the revenue\n", NR ? 100 * s / t : 0 }' >> "$why"
result "content/data/klanten.csv is heavy-tailed (80/20)"

excel "$top/content/data/nps-2026q3.csv" "klant;score" 100
tail -n +2 "$top/content/data/nps-2026q3.csv" 2>/dev/null | tr -d '\r' |
    awk -F';' '$NF !~ /^([0-9]|10)$/ { print "row " NR ": score \"" $NF "\"" }' |
    head -n 10 >> "$why"
result "content/data/nps-2026q3.csv is Excel-style CSV with scores 0 to 10"

excel "$top/content/mailing/klanten.csv" \
    "nummer;klant.naam;klant.adres;klant.contact@naam;klant.contact@functie;klant.contact@email" 12
result "content/mailing/klanten.csv is Excel-style CSV with 12+ rows"

for f in $(grep -l 'bron="' "$top"/content/data/*.xml "$top"/content/mailing/*.xml 2>/dev/null); do
	b=$(sed -n 's/.*bron="\([^"]*\)".*/\1/p' "$f" | head -n 1)
	[ -f "$(dirname "$f")/$b" ] || note "bron=\"$b\" does not exist"
	result "$(rel "$f"): its bron file exists"
done

# -------------------------------------------------------------- man page

if [ ! -f "$man" ]; then
	note "missing"
else
	# every element as "<name>" somewhere, every attribute as "Cm name"
	for e in $(sed -n 's/.*<element name="\([^"]*\)".*/\1/p' "$rng" | LC_ALL=C sort -u); do
		grep -q "<$e>\|<$e/>\|Aq Li $e\b" "$man" || note "element <$e> is not described"
	done
	for a in $(sed -n 's/.*<attribute name="\([^"]*\)".*/\1/p' "$rng" | LC_ALL=C sort -u); do
		grep -q "^\.It Cm $a\b\|Cm $a\b" "$man" || note "attribute $a is not described"
	done
fi
result "man/salesgen-data.5 describes every element and attribute"

if command -v mandoc > /dev/null 2>&1 && [ -f "$man" ]; then
	mandoc -Tlint -W warning "$man" > "$tmp/out" 2>&1
	sed 's/^/  /' "$tmp/out" | head -n 20 >> "$why"
	result "man/salesgen-data.5 passes mandoc -Tlint"
fi
exit 0
