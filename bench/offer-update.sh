#!/bin/sh
# How long one update of the interactive offer's totals takes in a browser:
# renders the offer (default: the configurable golden, every feature at
# once) with -t html, opens it in headless Chromium and times SG.update()
# with performance.now() over 200 changes of its controls.  The target
# (issue 9) is 16 ms, one frame; the script exits 1 when the worst update
# is slower.  Not a timed test: run it by hand.
#
#   sh bench/offer-update.sh [SALESGEN] [OFFER.xml]
top=$(cd "$(dirname "$0")/.." && pwd)
sg=${1:-$top/salesgen}
offer=${2:-$top/tests/regress/data/nl/offerte-samenstellen.xml}
mods=$top/tests/.tools/axe/node_modules
[ -d "$mods/playwright-core" ] || npm install --prefix "$top/tests/.tools/axe" \
    --no-save --no-audit --no-fund axe-core@4 playwright-core@1 >/dev/null 2>&1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$top" && "$sg" render "$offer" -t html -o "$tmp/offer.html") || exit 1
printf '%s: %s bytes\n' "$(basename "$offer")" "$(wc -c < "$tmp/offer.html")"
NODE_PATH=$mods node "$top/tests/tools/offer-page.js" bench "$tmp/offer.html"
