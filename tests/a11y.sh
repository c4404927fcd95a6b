#!/bin/sh
# Accessibility of every page salesgen writes: axe-core with the WCAG 2.2
# A/AA rules (tags wcag2a wcag2aa wcag21a wcag21aa wcag22aa) finds no
# violation, in a light and a dark colour scheme, and the skip link, the
# focus ring and prefers-reduced-motion work (tests/tools/a11y-pages.js).
#
#   sh tests/a11y.sh SALESGEN
#
# The pages:
#   sample     every out/site/**/*.html of the sample project after a full
#              `salesgen build`: chapters, index, glossary, the sales
#              documents' pages, and the search page once there is one
#              (also with the results for "klant" in it)
#   documents  every content/data/*.xml rendered alone (`render -t html`)
#   bench50    every page of bench/gen_course.py's 50-chapter course
#   bench200   of the 200-chapter course: index, glossary and every 10th
#              chapter (A11Y_ALL=1: all 202 pages, about 4 minutes more)
# One Chromium for all of them.  axe-core and playwright-core come from
# npm into tests/.tools/axe/ (as in tests/offer.sh); Chromium is Debian's
# (.ci/deps test).  Without chromium, node, npm or python3: a SKIP line,
# no failure.  PREFIX is put before every name.
unset SOURCE_DATE_EPOCH
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$chromium" ] || ! command -v node >/dev/null 2>&1 ||
    ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP a11y: chromium, node or python3 not found (.ci/deps test installs them)"
	echo "PASS ${PREFIX}a11y/skipped"
	exit 0
fi
mods=$top/tests/.tools/axe/node_modules
if [ ! -d "$mods/axe-core" ] || [ ! -d "$mods/playwright-core" ]; then
	npm install --prefix "$top/tests/.tools/axe" --no-save --no-audit \
	    --no-fund axe-core@4 playwright-core@1 > "$tmp/npm" 2>&1
	if [ ! -d "$mods/axe-core" ] || [ ! -d "$mods/playwright-core" ]; then
		echo "SKIP a11y: could not install axe-core and playwright-core from npm:"
		sed 's/^/  /' "$tmp/npm" | tail -5
		echo "PASS ${PREFIX}a11y/skipped"
		exit 0
	fi
fi
list=$tmp/pages
: > "$list"

pages() {	# pages GROUP FILE...: add pages to the list
	g=$1; shift
	for f in "$@"; do
		[ -f "$f" ] && printf '%s\t%s\n' "$g" "$f" >> "$list"
	done
}

built() {	# built NAME DIR [OPTIONS...]: salesgen build, or a FAIL line
	name=$1; d=$2; shift 2
	if "$bin" build "$@" "$d" > "$tmp/out" 2> "$tmp/err" &&
	    [ -f "$d/out/site/index.html" ]; then
		return 0
	fi
	echo "FAIL ${PREFIX}a11y/$name: salesgen build failed"
	sed 's/^/  /' "$tmp/err" | head -20
	return 1
}

# the sample project, built whole so its sales documents are pages too
mkdir -p "$tmp/sample"
cp -R "$top/content" "$tmp/sample/"
[ ! -d "$top/templates" ] || cp -R "$top/templates" "$tmp/sample/"
if built sample "$tmp/sample"; then
	find "$tmp/sample/out/site" -name '*.html' | LC_ALL=C sort > "$tmp/f"
	while IFS= read -r f; do pages sample "$f"; done < "$tmp/f"
	# the search page with results in it, as a link to a search shows it
	s=$tmp/sample/out/site/search.html
	[ ! -f "$s" ] || printf 'sample\t%s?q=klant\n' "$s" >> "$list"
fi

# every sales document as the page `render -t html` writes for it
mkdir -p "$tmp/doc"
for x in "$top"/content/data/*.xml; do
	n=$(basename "$x" .xml)
	if "$bin" render "$x" -t html -o "$tmp/doc/$n.html" 2> "$tmp/err"; then
		pages documents "$tmp/doc/$n.html"
	else
		echo "FAIL ${PREFIX}a11y/documents-$n: render failed"
		sed 's/^/  /' "$tmp/err" | head -10
	fi
done

# the benchmark courses, as many chapters as a large course has
for n in 50 200; do
	d=$tmp/bench$n
	if ! python3 "$top/bench/gen_course.py" "$n" "$d" > /dev/null 2> "$tmp/err"; then
		echo "FAIL ${PREFIX}a11y/bench$n: bench/gen_course.py failed"
		sed 's/^/  /' "$tmp/err" | head -10
		continue
	fi
	[ ! -d "$top/templates" ] || cp -R "$top/templates" "$d/"
	built "bench$n" "$d" --only site || continue
	s=$d/out/site
	if [ "$n" = 50 ] || [ -n "$A11Y_ALL" ]; then
		find "$s" -name '*.html' | LC_ALL=C sort > "$tmp/f"
	else
		{ echo "$s/index.html"; echo "$s/begrippenlijst.html"
		  find "$s" -name '[0-9]*.html' | LC_ALL=C sort | awk 'NR % 10 == 1'
		} > "$tmp/f"
	fi
	while IFS= read -r f; do pages "bench$n" "$f"; done < "$tmp/f"
done

NODE_PATH=$mods CHROMIUM=$chromium PREFIX=$PREFIX timeout 900 node \
    "$top/tests/tools/a11y-pages.js" "$list" > "$tmp/axe" 2>&1
st=$?
cat "$tmp/axe"
if [ $st != 0 ] && ! grep -q '^FAIL' "$tmp/axe"; then
	echo "FAIL ${PREFIX}a11y: the browser run ended with status $st"
fi
