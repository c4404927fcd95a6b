#!/bin/sh
# The site search: the C index and the page's search.js make the same
# terms of every word of the sample site (and of English text), and in
# headless Chromium, opened from disk (file://), search.html?q= finds
# Dutch compounds by their head ("plan" → verkoopplan, "prijs" →
# verkoopprijzen), an English site is stemmed as English, and the
# keyboard works.  Chromium runs through playwright-core from npm (as in
# tests/offer.sh); without chromium, node or npm those are SKIPped.
#
#   sh tests/search.sh SALESGEN
unset SOURCE_DATE_EPOCH
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
units=${UNITS:-$top/build/tests}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

if ! command -v node >/dev/null 2>&1; then
	echo "SKIP search: node not found (.ci/deps test installs it)"
	echo "PASS ${PREFIX}search/skipped"
	exit 0
fi

# ------------------------------------------- C and JS agree on every word
mkdir -p "$tmp/sample"
cp -R "$top/content" "$tmp/sample/"
# an English chapter in the Dutch sample: its words get the English
# stemmer's terms (and no compound splitting); "over" is a Dutch stop
# word but an English term, "the" the other way round
printf -- '---\nlang: en\n---\n# Networking\n\n## Leads\n\nEvery connection counts: think it over.\n\n## Pricing plans\n\nThe planning of the offers, priced per account.\n' \
    > "$tmp/sample/content/99-networking.md"
if ! "$bin" build "$tmp/sample" --only site -q > "$tmp/err" 2>&1; then
	echo "FAIL ${PREFIX}search/sample-build"
	sed 's/^/  /' "$tmp/err" | head -20
	exit 0
fi
# the words of every page (tags and entities are no words in either)
cat "$tmp/sample/out/site/"*.html "$tmp/sample/out/site/search/"*.js \
    "$tmp/sample/out/site/search-index.js" |
    sed 's/<[^>]*>/ /g' > "$tmp/words-nl"
cat "$top/README.md" "$top/man/salesgen.1" "$tmp/sample/out/site/"*networking.html |
    sed 's/<[^>]*>/ /g' > "$tmp/words-en"
for lang in nl en; do
	"$units/test_search" terms $lang "$tmp/words-$lang" > "$tmp/c-$lang"
	node "$top/tests/tools/search-terms.js" "$top/templates/site/search.js" \
	    $lang "$tmp/words-$lang" > "$tmp/js-$lang"
	n=$(wc -l < "$tmp/c-$lang")
	if [ "$n" -gt 1000 ] && cmp -s "$tmp/c-$lang" "$tmp/js-$lang"; then
		echo "PASS ${PREFIX}search/terms-c-js-$lang"
	else
		echo "FAIL ${PREFIX}search/terms-c-js-$lang: $n words; word, C term, JS term:"
		paste "$tmp/c-$lang" "$tmp/js-$lang" | awk -F'\t' '$2 != $4' |
		    head -20 | sed 's/^/  /'
	fi
done

# the index's terms are search.js's: every word of every section, each in
# its chapter's language, searched on its own finds that section (the
# English chapter's words by their English terms)
if node "$top/tests/tools/search-words.js" "$tmp/sample/out/site" > "$tmp/words" 2>&1 &&
    grep -q 'languages en nl: 0 missed' "$tmp/words"; then
	echo "PASS ${PREFIX}search/words-find-their-section-nl-en"
else
	echo "FAIL ${PREFIX}search/words-find-their-section-nl-en"
	sed 's/^/  /' "$tmp/words" | head -20
fi

# every result links to an id that is there, also where the index left
# the anchor out for search.js to make from the title
if node "$top/tests/tools/search-links.js" "$tmp/sample/out/site" > "$tmp/links" 2>&1; then
	echo "PASS ${PREFIX}search/result-links-exist"
else
	echo "FAIL ${PREFIX}search/result-links-exist"
	sed 's/^/  /' "$tmp/links" | head -20
fi

# the index's format round trip: on a generated 1,500-chapter course (so
# that the terms are sharded and name terms in other shards), every
# (term, section) pair the C side indexed, with its heading mark, is
# what search.js decodes, no pair more or less
g=$tmp/gen
mkdir -p "$g/pairs"
if python3 "$top/bench/gen_course.py" 1500 "$g" > /dev/null 2>&1 &&
    "$bin" build --only site -q "$g" > "$tmp/err" 2>&1 &&
    "$units/test_search" pairs "$g/pairs" nl $(ls "$g"/out/site/[0-9]*.html | sort) \
    > "$tmp/pairs" 2> "$tmp/err" &&
    cp "$top/templates/site/search.js" "$g/pairs/" &&
    node "$top/tests/tools/search-pairs.js" "$g/pairs" "$tmp/pairs" > "$tmp/rt" 2>&1 &&
    grep -q 'shard(s): [0-9]* decoded, 0 wrong' "$tmp/rt" &&
    ! grep -q ' 1 shard(s)' "$tmp/rt"; then
	echo "PASS ${PREFIX}search/index-round-trip-sharded"
else
	echo "FAIL ${PREFIX}search/index-round-trip-sharded"
	cat "$tmp/err" "$tmp/rt" 2>/dev/null | head -20 | sed 's/^/  /'
fi
# on the same site: the index's size (issue 12: at most 250 KB gzip per
# 1,000 chapters; gzip -9 of every index file, as bench/search.sh
# counts), which the range code of gen/search_code.c brings there
gz=0
for f in "$g"/out/site/search-index*.js; do
	[ -f "$f" ] && gz=$((gz + $(gzip -9c "$f" | wc -c)))
done
if [ "$gz" -gt 0 ] && [ $((gz * 1000 / 1500)) -le $((250 * 1024)) ]; then
	echo "PASS ${PREFIX}search/index-size-per-1000"
else
	echo "FAIL ${PREFIX}search/index-size-per-1000"
	echo "  $((gz * 1000 / 1500 / 1024)) KB gzip per 1,000 chapters, want <= 250"
fi
# on the same site: a keystroke's best 50 (picked by a selection of the
# 50th score, not a sort) are the first 50 of all the results in order
if [ -d "$g/out/site" ] &&
    node "$top/tests/tools/search-top.js" "$g/out/site" > "$tmp/top" 2>&1; then
	echo "PASS ${PREFIX}search/best-50-as-sorted"
else
	echo "FAIL ${PREFIX}search/best-50-as-sorted"
	head -12 "$tmp/top" 2>/dev/null | sed 's/^/  /'
fi
# the same course with 900 chapters (its links only to those), built
# again into the same site: small enough for one index file, so the
# shard files and the cut chapters' files of the build before go
# (S_prune()), as the new site would not load them
if [ -d "$g/out/site" ] && ls "$g"/out/site/search-index-1.js > /dev/null 2>&1; then
	rm -rf "$g/content"
	python3 "$top/bench/gen_course.py" 900 "$g" > /dev/null 2>&1
	"$bin" build --only site -q "$g" > "$tmp/err" 2>&1
	if [ -f "$g/out/site/search-index.js" ] && [ -f "$g/out/site/search/899.js" ] &&
	    ! ls "$g"/out/site/search-index-*.js > /dev/null 2>&1 &&
	    [ ! -f "$g/out/site/search/900.js" ]; then
		echo "PASS ${PREFIX}search/stale-shards-removed"
	else
		echo "FAIL ${PREFIX}search/stale-shards-removed"
		(cat "$tmp/err"; ls "$g/out/site" | grep search) | head -10 | sed 's/^/  /'
	fi
else
	echo "FAIL ${PREFIX}search/stale-shards-removed: the 1,500-chapter site has no shards"
fi
rm -rf "$g"

# ------------------------------------------------ Chromium, from file://
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
mods=$top/tests/.tools/axe/node_modules
if [ -z "$chromium" ]; then
	echo "SKIP search/browser: chromium not found"
	exit 0
fi
if [ ! -d "$mods/playwright-core" ]; then
	npm install --prefix "$top/tests/.tools/axe" --no-save --no-audit \
	    --no-fund axe-core@4 playwright-core@1 > "$tmp/npm" 2>&1
	if [ ! -d "$mods/playwright-core" ]; then
		echo "SKIP search/browser: could not install playwright-core from npm"
		exit 0
	fi
fi
# a Dutch course whose compounds are found only by their heads
p=$tmp/nl
mkdir -p "$p/content"
printf '<course lang="nl"><title>Zoektest</title></course>\n' > "$p/content/salesgen.xml"
printf '# Jaarplanning\n\nIn het verkoopplan staan de doelen van het jaar.\n\n## Budget\n\nDe kosten van de campagne.\n' > "$p/content/01-jaar.md"
printf '# Offertes\n\n## Kortingen\n\nDe verkoopprijzen dalen bij grote aantallen.\n' > "$p/content/02-offertes.md"
printf '# Overig\n\nNiets over geld of doelen.\n' > "$p/content/03-overig.md"
# an English chapter in it: "connected" finds "connection" only by the
# English stemmer (Dutch leaves both words whole)
printf -- '---\nlang: en\n---\n# Networks\n\n## Leads\n\nEvery connection counts.\n' > "$p/content/04-networks.md"
# an English course: "connected" finds "connection" only when stemmed
# as English
e=$tmp/en
mkdir -p "$e/content"
printf '<course lang="en"><title>Search test</title></course>\n' > "$e/content/salesgen.xml"
printf '# Networks\n\n## Leads\n\nEvery connection counts.\n' > "$e/content/01-networks.md"
printf '# Other\n\nNothing here.\n' > "$e/content/02-other.md"
for d in "$p" "$e"; do
	if ! "$bin" build "$d" --only site -q > "$tmp/err" 2>&1; then
		echo "FAIL ${PREFIX}search/build-$(basename "$d")"
		sed 's/^/  /' "$tmp/err" | head -10
	fi
done
check() {	# check NAME SITE QUERY WANT [key]
	if NODE_PATH=$mods CHROMIUM=$chromium timeout 120 node \
	    "$top/tests/tools/search-page.js" "$2" "$3" "$4" $5 > "$tmp/out" 2>&1; then
		echo "PASS ${PREFIX}search/$1"
	else
		echo "FAIL ${PREFIX}search/$1"
		sed 's/^/  /' "$tmp/out" | head -20
	fi
}
check file-plan-finds-verkoopplan "$p/out/site" plan "01-jaar.html#jaarplanning" key
check file-prijs-finds-verkoopprijzen "$p/out/site" prijs "02-offertes.html#kortingen"
check file-english-stemmer "$e/out/site" connected "01-networks.html#leads"
check file-english-chapter-in-dutch-site "$p/out/site" connected "04-networks.html#leads"
