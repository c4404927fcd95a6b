# A heading's anchor is the one GitHub gives it, so links written for a
# README land: "## Main" is #main, a second one #main-1, since our own
# page shell's ids start with "sg-" (<main id="sg-main">).  A heading
# whose anchor would be an id the shell writes itself steps round it, as
# a repeated heading does ("## Sg main" is sg-main-1); no id stands twice
# on any page, and the skip link lands on <main>.  The shell's ids are
# read from the shell in use, so a project's own page.html with other
# ids is respected too.
. "$2/tests/harden/lib.sh"
project p
printf '# Main\n\nDe titel.\n\n## Main\n\nEen sectie.\n\nZie [de sectie](#main-1).\n\n## Sg main\n\nZie [de kop](#sg-main-1).\n' > p/content/01-eerste.md
printf '# Tweede\n\nZie [het eerste](01-eerste.md#main).\n\n## Kop\n' > p/content/02-tweede.md
st=$(run err "$SG" build p)
[ "$st" = 0 ] || fail "exit status $st: $(cat err)"
h=p/out/site/01-eerste.html
for want in '<a class="skip" href="#sg-main">' '<main id="sg-main">' \
    '<h1 id="main">' '<h2 id="main-1">' '<h2 id="sg-main-1">' \
    'href="#main-1"' 'href="#sg-main-1"'; do
	grep -qF "$want" "$h" || fail "not in $h: $want"
done
grep -qF 'href="01-eerste.html#main"' p/out/site/02-tweede.html ||
	fail "the link to the title is not to #main"
for f in p/out/site/*.html; do
	d=$(grep -o ' id="[^"]*"' "$f" | sort | uniq -d)
	[ -z "$d" ] || fail "ids twice in $f: $d"
done
# A project's own shell with an id of its own.
mkdir -p p/templates/site
sed 's|<header class="top">|<header class="top" id="kop">|' \
    "$TOP/templates/site/page.html" > p/templates/site/page.html
grep -q 'id="kop"' p/templates/site/page.html || fail "could not make the shell"
rm -rf p/out
st=$(run err "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit status $st with the project's shell: $(cat err)"
grep -qF '<h2 id="kop-1">' p/out/site/02-tweede.html ||
	fail "heading 'Kop' beside the shell's id=\"kop\": $(grep -o '<h2 id="[^"]*"' p/out/site/02-tweede.html)"
exit 0
