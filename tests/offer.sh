#!/bin/sh
# The interactive HTML offer in a real browser: axe-core finds no
# accessibility violation on the sample offers' pages (and the keyboard
# changes the totals), run in headless Chromium through playwright-core.
# axe-core and playwright-core come from npm into tests/.tools/axe/ (as
# the W3C checker does in tests/site.sh); Chromium is Debian's (.ci/deps
# test).  Without chromium, node or npm: a SKIP line, no failure.
#
#   sh tests/offer.sh SALESGEN
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
lib_tmp offer
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$chromium" ] || ! command -v node >/dev/null 2>&1; then
	echo "SKIP offer/axe: chromium or node not found (.ci/deps test installs them)"
	echo "PASS offer/skipped"
	exit 0
fi
mods=$top/tests/.tools/axe/node_modules
if [ ! -d "$mods/axe-core" ] || [ ! -d "$mods/playwright-core" ]; then
	npm install --prefix "$top/tests/.tools/axe" --no-save --no-audit \
	    --no-fund axe-core@4 playwright-core@1 > "$tmp/npm" 2>&1
	if [ ! -d "$mods/axe-core" ] || [ ! -d "$mods/playwright-core" ]; then
		echo "SKIP offer/axe: could not install axe-core and playwright-core from npm:"
		sed 's/^/  /' "$tmp/npm" | tail -5
		echo "PASS offer/skipped"
		exit 0
	fi
fi
cd "$top" || exit 1
for x in content/data/offerte-van-dalen.xml content/data/offerte-hendriks.xml \
    content/data/offerte-en.xml tests/regress/data/nl/offerte-samenstellen.xml \
    tests/regress/data/nl/offerte-keuze.xml; do
	name=$(basename "$x" .xml)
	if ! "$bin" render "$x" -t html -o "$tmp/$name.html" 2> "$tmp/err"; then
		echo "FAIL offer/axe-$name: render failed"
		sed 's/^/  /' "$tmp/err"
		continue
	fi
	if NODE_PATH=$mods CHROMIUM=$chromium timeout 120 node \
	    "$top/tests/tools/offer-page.js" axe "$tmp/$name.html" > "$tmp/axe" 2>&1; then
		echo "PASS offer/axe-$name"
	else
		echo "FAIL offer/axe-$name"
		sed 's/^/  /' "$tmp/axe" | head -20
	fi
	if NODE_PATH=$mods CHROMIUM=$chromium timeout 120 node \
	    "$top/tests/tools/offer-page.js" print "$tmp/$name.html" > "$tmp/print" 2>&1; then
		echo "PASS offer/print-$name"
	else
		echo "FAIL offer/print-$name"
		sed 's/^/  /' "$tmp/print" | head -20
	fi
done
