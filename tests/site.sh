#!/bin/sh
# Site checks: build the sample course (and a few small projects) into
# temporary folders and check what `salesgen build` writes.
#
#   sh tests/site.sh SALESGEN
#
# One line per test, "PASS name" or "FAIL name" with the details indented
# by two spaces below it; the exit status is always 0 (tests/run.sh counts
# the lines).  PREFIX is put before every name; SKIP_VNU=1 leaves out the
# W3C Nu HTML checker, which is otherwise installed from npm into
# tests/.tools on first use.  Nothing is written into the repository but
# tests/.tools: the project (content/ and templates/) is copied into a
# mktemp -d folder and built there.
unset SOURCE_DATE_EPOCH
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
linkcheck=$top/tests/linkcheck.py
lib_tmp site

# ---------------------------------------------------------------- helpers
# (note, note_file, result, copy_sample, build: tests/lib.sh)

build_ok() {	# build_ok DIR: note what is wrong unless exit 0 and no error
	st=$(cat "$1.status")
	[ "$st" = 0 ] || note "build exit status $st, expected 0"
	if grep -q 'error:' "$1.err"; then
		note "errors reported:"
		grep 'error:' "$1.err" | head -20 >> "$why"
	elif [ "$st" != 0 ]; then
		note_file "$1.err"
	fi
}

need_site() {	# need_site SITE: note (and so fail) when there is no site
	[ -f "$1/index.html" ] && return 0
	note "no site to check in ${1#"$tmp"/}: its build failed"
	return 1
}

chapters() {	# chapters PROJECT: the chapter files of a project, one a line
	if [ -d "$1/content" ]; then c=$1/content; else c=$1; fi
	for f in "$c"/*.md; do		# dot files do not match *
		[ -f "$f" ] && basename "$f"
	done | LC_ALL=C sort
}

snapshot() {	# snapshot SITE COPY: keep a copy of a built site to compare
	rm -rf "$2" && cp -Rp "$1" "$2"
}

tmpfiles() {	# tmpfiles DIR: note temporary files a run left behind
	find "$1" -name '*.tmp.*' > "$tmp/left" 2>/dev/null
	if [ -s "$tmp/left" ]; then
		note "temporary files left behind:"
		sed 's/^/  /' "$tmp/left" >> "$why"
	fi
}

same_tree() {	# same_tree A B WHAT: note differences between two trees
	if ! diff -r "$1" "$2" > "$tmp/diff" 2>&1; then
		note "$3:"
		head -n 20 "$tmp/diff" | cut -c1-200 | sed 's/^/  /' >> "$why"
	fi
}

# ------------------------------------------------- 1. the sample builds

# The first build is the full `salesgen build`; the others write the site
# alone (--only site), which is what this suite checks, and is faster.

proj=$tmp/a/proj
copy_sample "$proj"
build "$proj"
site=$proj/out/site
build_ok "$proj"
if [ -d "$site" ]; then
	for f in index.html begrippenlijst.html style.css print.css; do
		[ -f "$site/$f" ] || note "missing $f"
	done
	for md in $(chapters "$proj"); do
		[ -f "$site/${md%.md}.html" ] || note "missing ${md%.md}.html (for content/$md)"
	done
else
	note "no out/site folder written"
fi
result site/build

# The teacher edition, checked along with the student one below.
tproj=$tmp/t/proj
copy_sample "$tproj"
build "$tproj" --only site --edition teacher
tsite=$tproj/out/site

# ---------------------------------------------------------- 2. links

linkcheck() {	# linkcheck SITE: tests/linkcheck.py, its complaints as details
	if need_site "$1"; then
		python3 "$linkcheck" "$1" > "$tmp/lc" 2>&1
		st=$?
		if [ $st != 0 ]; then
			note "linkcheck.py exit status $st:"
			head -n 40 "$tmp/lc" >> "$why"
			n=$(wc -l < "$tmp/lc")
			[ "$n" -gt 40 ] && { note "..."; tail -n 1 "$tmp/lc" >> "$why"; }
		fi
	fi
}
linkcheck "$site"
result site/links
build_ok "$tproj"
linkcheck "$tsite"
result site/links-teacher-edition

# ------------------------------------ 3. navigation, glossary, editions

# structure SITE PROJECT: the chapter order that the project asks for, then
# per page the sidebar (every chapter, in order), per chapter page its
# prev/next links, and the glossary against the <dfn> terms of the chapters.
structure() {
	python3 - "$@" <<'EOF'
import os, re, sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit
import xml.etree.ElementTree as ET

mode, site, proj = sys.argv[1:4]
content = os.path.join(proj, "content")
if not os.path.isdir(content):
    content = proj

def chapter_order():
    for x in (os.path.join(proj, "salesgen.xml"),
              os.path.join(content, "salesgen.xml")):
        if os.path.isfile(x):
            listed = ET.parse(x).getroot().findall("./chapters/chapter")
            if listed:
                return [os.path.basename(c.text.strip()) for c in listed]
            break
    files = sorted((f for f in os.listdir(content)
                    if f.endswith(".md") and not f.startswith(".")),
                   key=lambda f: f.encode())
    def order(f):
        with open(os.path.join(content, f), encoding="utf-8") as fh:
            text = fh.read()
        m = re.match(r"---\n(.*?)\n(?:---|\.\.\.)\n", text, re.S)
        if m:
            o = re.search(r"^order:\s*(-?\d+)\s*$", m.group(1), re.M)
            if o:
                return int(o.group(1))
        return None
    with_order = [f for f in files if order(f) is not None]
    with_order.sort(key=order)
    return with_order + [f for f in files if order(f) is None]

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []         # classes of the open <nav> elements
        self.sidebar = []       # hrefs in <nav class="sidebar">
        self.rel = {}           # rel word -> [hrefs]
        self.dfn = []           # text of every <dfn>
        self.in_dfn = 0
    def handle_starttag(self, tag, attrs):
        a = dict((k, v or "") for k, v in attrs)
        if tag == "nav":
            self.stack.append(a.get("class", "").split())
        if tag == "a" and "href" in a:
            if any("sidebar" in c for c in self.stack):
                self.sidebar.append(a["href"])
            for r in a.get("rel", "").lower().split():
                self.rel.setdefault(r, []).append(a["href"])
        if tag == "dfn":
            self.in_dfn += 1
            if self.in_dfn == 1:
                self.dfn.append("")
    def handle_endtag(self, tag):
        if tag == "nav" and self.stack:
            self.stack.pop()
        if tag == "dfn" and self.in_dfn:
            self.in_dfn -= 1
    def handle_data(self, data):
        if self.in_dfn:
            self.dfn[-1] += data

def parse(name):
    p = Page()
    with open(os.path.join(site, name), encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p

def target(href):
    return unquote(urlsplit(href).path)

problems = []
chapters = [c[:-3] + ".html" for c in chapter_order()]
missing = [c for c in chapters if not os.path.isfile(os.path.join(site, c))]
if missing:
    print("chapter pages missing: " + ", ".join(missing))
    sys.exit(1)
pages = {c: parse(c) for c in chapters}

if mode == "nav":
    glossary = "begrippenlijst.html"
    others = [f for f in ("index.html", glossary)
              if os.path.isfile(os.path.join(site, f))]
    for name in chapters + others:
        p = pages.get(name) or parse(name)
        listed = []
        for h in p.sidebar:
            t = target(h)
            if t in chapters and t not in listed:
                listed.append(t)
        if listed != chapters:
            problems.append("%s: sidebar lists %s, expected %s"
                            % (name, listed, chapters))
    for i, name in enumerate(chapters):
        p = pages[name]
        for rel, want in (("prev", chapters[i - 1:i]),
                          ("next", chapters[i + 1:i + 2])):
            got = [target(h) for h in p.rel.get(rel, [])]
            if got != want:
                problems.append("%s: rel=%s links to %s, expected %s"
                                % (name, rel, got or "nothing",
                                   want or "nothing"))
elif mode == "glossary":
    norm = lambda s: " ".join(s.split())
    defined = {}
    for name in chapters:
        for t in pages[name].dfn:
            defined.setdefault(norm(t), name)
    gname = "begrippenlijst.html"
    if not os.path.isfile(os.path.join(site, gname)):
        print("no %s" % gname)
        sys.exit(1)
    listed = [norm(t) for t in parse(gname).dfn]
    if not defined:
        problems.append("no <dfn> in the chapter pages: nothing to compare")
    for t, name in defined.items():
        if t not in listed:
            problems.append("term %r (<dfn> in %s) is not in %s"
                            % (t, name, gname))
    for t in listed:
        if t not in defined:
            problems.append("%s lists %r, which no chapter page defines"
                            % (gname, t))
    for t in sorted(set(listed)):
        if listed.count(t) > 1:
            problems.append("%s lists %r %d times" % (gname, t,
                                                      listed.count(t)))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

pystructure() {	# pystructure MODE SITE PROJECT: structure, output as details
	if need_site "$2"; then
		structure "$@" > "$tmp/st" 2>&1 || {
			[ -s "$tmp/st" ] || echo "structure check failed" > "$tmp/st"
			head -n 30 "$tmp/st" >> "$why"
		}
	fi
}
pystructure nav "$site" "$proj"
result site/navigation
pystructure glossary "$site" "$proj"
result site/glossary

# callout-antwoord in the pages of a site
answers() {
	cat "$1"/*.html 2>/dev/null | grep -o 'callout-antwoord' | wc -l | tr -d ' '
}
# answer callouts in the chapters' Markdown (with the other names of the kind)
nanswers=$(cat "$proj"/content/*.md |
    grep -ciE '^ {0,3}>[[:space:]]*\[!(antwoord|answer|solution)\]')
if need_site "$site"; then
	n=$(answers "$site")
	[ "$n" = 0 ] || {
		note "the student edition shows $n antwoord callouts:"
		grep -l 'callout-antwoord' "$site"/*.html | sed "s|$site/|  |" >> "$why"
	}
fi
result site/edition-student-without-answers
if need_site "$tsite"; then
	n=$(answers "$tsite")
	[ "$nanswers" -gt 0 ] || note "the sample has no [!antwoord] callout to test with"
	[ "$n" = "$nanswers" ] ||
	    note "--edition teacher: $n callout-antwoord in the pages, $nanswers [!antwoord] callouts in content/*.md"
fi
result site/edition-teacher-with-answers

# ------------------------------------------------------- 4. determinism

# A second copy at another absolute path, built from inside the folder
# (relative paths) with SOURCE_DATE_EPOCH and TZ set; the first was built
# by absolute path with SOURCE_DATE_EPOCH unset.
dproj=$tmp/b/another/path/proj2
copy_sample "$dproj"
(cd "$dproj" && SOURCE_DATE_EPOCH=86400 TZ=Pacific/Auckland \
    $VALGRIND "$bin" build --only site > "$dproj.out" 2> "$dproj.err"; echo $? > "$dproj.status")
build_ok "$dproj"
if need_site "$site" && need_site "$dproj/out/site"; then
	same_tree "$site" "$dproj/out/site" "the two builds differ"
fi
result site/deterministic

# --------------------------------------------- 5. atomic writes, errors

# A check error: nothing is written (by the full build), nothing is lost.
if need_site "$dproj/out/site"; then
	snapshot "$dproj/out" "$tmp/before"
	touch "$tmp/marker"
	ch=$(chapters "$dproj" | sed -n 3p)
	[ -n "$ch" ] || ch=$(chapters "$dproj" | head -n 1)
	printf '\n> [!bestaatniet] X\n' >> "$dproj/content/$ch"
	line=$(wc -l < "$dproj/content/$ch" | tr -d ' ')
	build "$dproj"
	st=$(cat "$dproj.status")
	[ "$st" = 1 ] || note "exit status $st, expected 1"
	grep -q "content/$ch:$line:[0-9][0-9]*: error: .*bestaatniet" "$dproj.err" || {
		note "no error naming content/$ch:$line:COL and 'bestaatniet'; stderr:"
		note_file "$dproj.err"
	}
	same_tree "$tmp/before" "$dproj/out" "out/ changed"
	find "$dproj/out" -newer "$tmp/marker" > "$tmp/newer"
	[ -s "$tmp/newer" ] && { note "written although the check failed:"; sed 's/^/  /' "$tmp/newer" >> "$why"; }
	tmpfiles "$dproj"
fi
result site/failed-check-writes-nothing

# write_error NAME SETUP: after a good build of a fresh copy, SETUP (run in
# the project folder) makes writing fail; the build must fail with
# "error: cannot write", leave no temporary file and change nothing else.
write_error() {
	wproj=$tmp/w/$1
	copy_sample "$wproj"
	build "$wproj" --only site
	if need_site "$wproj/out/site"; then
		(cd "$wproj" && eval "$2")
		snapshot "$wproj/out" "$tmp/wbefore"
		build "$wproj" --only site
		st=$(cat "$wproj.status")
		[ "$st" = 1 ] || note "exit status $st, expected 1"
		grep -q "error: cannot write '" "$wproj.err" || {
			note "no \"error: cannot write '...'\" message; stderr:"
			note_file "$wproj.err"
		}
		same_tree "$tmp/wbefore" "$wproj/out" "files were lost or changed"
		tmpfiles "$wproj"
	fi
	(cd "$wproj" && chmod -R u+w . 2>/dev/null)
	result "site/$1"
}
write_error write-error-out-is-file 'rm -rf out && printf "keep\n" > out'
write_error write-error-site-is-file 'rm -rf out/site && printf "keep\n" > out/site'
write_error write-error-page-is-folder 'rm -f out/site/style.css && mkdir -p out/site/style.css/x'
# Permissions do not bite for root: test them only where they do.
probe=$tmp/probe
mkdir -p "$probe" && chmod a-w "$probe"
if ! (: > "$probe/x") 2>/dev/null; then
	write_error write-error-read-only-folder 'chmod a-w out/site'
fi
chmod u+w "$probe"

# ----------------------------------------------------------- 6. W3C vnu

vnu() {
	jar=$top/tests/.tools/node_modules/vnu-jar/build/dist/vnu.jar
	if [ ! -f "$jar" ]; then
		npm install --prefix "$top/tests/.tools" --no-save --no-audit \
		    --no-fund vnu-jar > "$tmp/npm" 2>&1
		if [ ! -f "$jar" ]; then
			note "could not install vnu-jar from npm:"
			note_file "$tmp/npm"
			result site/vnu
			return
		fi
	fi
	if ! need_site "$site" || ! need_site "$tsite"; then
		result site/vnu
		return
	fi
	if ! command -v java > /dev/null 2>&1; then
		note "java not found: the Nu HTML checker needs Java 11 or later"
		result site/vnu
		return
	fi
	# --skip-non-html --also-check-css: the pages and the style sheets.
	# Exit status 1 means errors were found; anything else, no run.
	java -jar "$jar" --errors-only --format gnu --skip-non-html \
	    --also-check-css "$site" "$tsite" > "$tmp/vnu" 2>&1
	st=$?
	if [ $st -gt 1 ]; then
		note "java -jar vnu.jar: exit status $st"
		note_file "$tmp/vnu"
		result site/vnu
		return
	fi
	: > "$tmp/vnu.seen"
	for ed in student teacher; do
		if [ $ed = student ]; then s=$site; else s=$tsite; fi
		for f in "$s"/*.html "$s"/*.css; do
			[ -f "$f" ] || continue
			grep -F "\"file:$f\"" "$tmp/vnu" > "$tmp/vnu.f"
			cat "$tmp/vnu.f" >> "$tmp/vnu.seen"
			sed "s|\"file:$s/||; s|\":|:|" "$tmp/vnu.f" | cut -c1-300 >> "$why"
			result "site/vnu/$ed/$(basename "$f")"
		done
	done
	# Messages about no page, or a failure without messages.
	grep -vxF -f "$tmp/vnu.seen" "$tmp/vnu" | grep -v "^Picked up " > "$tmp/vnu.rest"
	if [ -s "$tmp/vnu.rest" ] || { [ $st != 0 ] && [ ! -s "$tmp/vnu.seen" ]; }; then
		note "java -jar vnu.jar: exit status $st"
		note_file "$tmp/vnu.rest"
		result site/vnu
	fi
}
[ "$SKIP_VNU" = 1 ] || vnu

# ----------------------------------------------- 7. works from disk

for s in "$site" "$tsite"; do
	need_site "$s" || continue
	ed=student; [ "$s" = "$tsite" ] && ed=teacher
	grep -nE "(href|src|srcset|action|poster)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*(/|file:)" \
	    "$s"/*.html > "$tmp/abs"
	grep -nE "url\([[:space:]]*[\"']?[[:space:]]*(/|file:)" "$s"/*.css >> "$tmp/abs"
	[ -s "$tmp/abs" ] && {
		note "links that are not relative ($ed edition):"
		sed "s|^$s/|  |" "$tmp/abs" | cut -c1-200 | head -n 20 >> "$why"
	}
done
result site/relative-links

# ------------------------------------------------ 8. bare projects

bare=$tmp/bare/proj
mkdir -p "$bare/content"
# Two chapters, no salesgen.xml, no definitions (so no glossary terms).
printf '# Alfa\n\nZie [Beta](b.md#tweede-kop).\n' > "$bare/content/a.md"
printf '# Beta\n\n## Tweede kop\n\nTerug naar [Alfa](a.md).\n' > "$bare/content/b.md"
build "$bare" --only site
build_ok "$bare"
for f in a.html b.html index.html style.css print.css; do
	[ -f "$bare/out/site/$f" ] || note "missing $f"
done
if [ -f "$bare/out/site/index.html" ]; then
	linkcheck "$bare/out/site"
	pystructure nav "$bare/out/site" "$bare"
fi
result site/bare-project

flat=$tmp/flat/proj
mkdir -p "$flat"
# The chapters in the project folder itself, one with a definition.
printf '# Alfa\n\n> [!definitie] Offerte\n> Een offerte is een aanbod.\n\nZie [Beta](b.md#tweede-kop).\n' > "$flat/a.md"
cp "$bare/content/b.md" "$flat/"
build "$flat" --only site
build_ok "$flat"
for f in a.html b.html index.html begrippenlijst.html style.css print.css; do
	[ -f "$flat/out/site/$f" ] || note "missing $f"
done
if [ -f "$flat/out/site/index.html" ]; then
	linkcheck "$flat/out/site"
	pystructure nav "$flat/out/site" "$flat"
	pystructure glossary "$flat/out/site" "$flat"
fi
result site/flat-project-without-content-folder

# ------------------------------------------- 9. check writes nothing

cproj=$tmp/c/proj
copy_sample "$cproj"
(cd "$cproj" && find . | LC_ALL=C sort) > "$tmp/tree.before"
touch "$tmp/marker"
(cd "$cproj" && $VALGRIND "$bin" check . > "$cproj.out" 2> "$cproj.err"; echo $? > "$cproj.status")
st=$(cat "$cproj.status")
[ "$st" = 0 ] || { note "exit status $st, expected 0"; note_file "$cproj.err"; }
grep -q 'error:' "$cproj.err" && { note "errors reported:"; grep 'error:' "$cproj.err" | head >> "$why"; }
[ -e "$cproj/out" ] && note "check created out/"
(cd "$cproj" && find . | LC_ALL=C sort) > "$tmp/tree.after"
cmp -s "$tmp/tree.before" "$tmp/tree.after" || {
	note "files appeared or vanished:"
	diff "$tmp/tree.before" "$tmp/tree.after" | grep '^[<>]' | head >> "$why"
}
find "$cproj" -newer "$tmp/marker" > "$tmp/newer"
[ -s "$tmp/newer" ] && { note "written by check:"; head "$tmp/newer" >> "$why"; }
result site/check-writes-nothing

# ------------------------------------------ 10. small fixture projects

# fixture NAME [FILE...]: tests/site/NAME builds without a diagnostic, its
# site passes linkcheck.py and holds the files given.
fixture() {
	name=$1; shift
	fproj=$tmp/f/$name
	mkdir -p "$tmp/f" && cp -R "$top/tests/site/$name" "$fproj"
	build "$fproj" --only site
	build_ok "$fproj"
	grep -E ': (warning|error): ' "$fproj.err" | grep -v 'error:' > "$tmp/warn"
	[ -s "$tmp/warn" ] && { note "warnings:"; head "$tmp/warn" >> "$why"; }
	for f in "$@"; do
		[ -f "$fproj/out/site/$f" ] || note "missing $f"
	done
	[ -f "$fproj/out/site/index.html" ] && linkcheck "$fproj/out/site"
	result "site/fixture/$name"
}
fixture images a.html img/funnel.png assets/pics/piramide.png
fixture pct-anchor a.html b.html
fixture pct-file a.html 'b c.html'
fixture pct-image a.html 'img/foto een.png'
fixture names a.html 'b c.html' 'c#1.html'
fixture glossary-ids a.html begrippenlijst.html

# ----------------------------------- 11. parallel parses stay independent

# cmark-gfm sets and clears the extensions' special characters in one
# process-wide table; chapters parsed on two threads must still each get
# every strikethrough and autolink (it failed on a few of 300 pages when
# the inline passes overlapped).
rproj=$tmp/race
mkdir -p "$rproj/content"
i=1
while [ $i -le 200 ]; do
	awk -v n=$i 'BEGIN { printf "# Hoofdstuk %d\n\n", n;
	    for (j = 1; j <= 30; j++)
		printf "Zin %d met ~~doorgehaald~~ en www.voorbeeld.nl erin.\n\n", j }' \
	    > "$rproj/content/h$(printf %03d $i).md"
	i=$((i + 1))
done
build "$rproj" --only site -j 2
build_ok "$rproj"
bad=0
for f in "$rproj"/out/site/h*.html; do
	[ "$(grep -o '<del>' "$f" | wc -l)" -eq 30 ] &&
	    [ "$(grep -o 'href="http://www.voorbeeld.nl"' "$f" | wc -l)" -eq 30 ] ||
	    bad=$((bad + 1))
done
[ $bad -eq 0 ] || note "$bad of 200 pages lost strikethrough or autolinks"
result site/parallel-parse-extensions

# ------------------------------------------------- 12. tabs in code

# Code keeps its tabs on the site; the style sheet sets the stops to 4, as
# the PDF has them, and <code tabs="n"/> in salesgen.xml sets n on every
# page; without it the pages say nothing of their own.
T=$(printf '\t')
for n in 4 8 -; do
	tproj=$tmp/tabs$n
	mkdir -p "$tproj/content"
	if [ "$n" = - ]; then
		printf '<course><title>Tabs</title></course>\n' > "$tproj/salesgen.xml"
	else
		printf '<course><title>Tabs</title><code tabs="%s"/></course>\n' "$n" > "$tproj/salesgen.xml"
	fi
	printf '%s\n' '# Tabs' '' '```' 'if (x) {' "${T}return;" '}' '```' > "$tproj/content/01-tabs.md"
	build "$tproj" --only site
	build_ok "$tproj"
	page=$tproj/out/site/01-tabs.html
	grep -q "^${T}return;\$" "$page" || note "tabs=$n: the tab is not kept in the page's code"
	grep -q '^pre, code { tab-size: 4; }$' "$tproj/out/site/style.css" ||
	    note "tabs=$n: style.css does not set tab-size: 4"
	case $n in
	8) grep -qxF '<style>pre, code { tab-size: 8; }</style>' "$page" ||
	    note "tabs=8: the page does not set tab-size: 8" ;;
	*) grep -q 'tab-size' "$page" && note "tabs=$n: the page sets a tab-size of its own" ;;
	esac
done
result site/code-tab-size
exit 0
