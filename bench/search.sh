#!/bin/sh
# Site search benchmark (issue 12.1): the figures, not a timed test.
#
#   sh bench/search.sh [SALESGEN]
#
# On the sample course and a generated 1,000-chapter course
# (bench/gen_course.py; about 1,500 words a chapter):
#   - recall and precision, macro over the queries of
#     bench/search-queries.tsv (hand-written judgements), run through the
#     pages' own search.js in node (bench/search_eval.js);
#   - the index's size, raw and gzip, per 1,000 pages;
#   - the index build time (build/tests/test_search index: the sections,
#     compound splitting with hunspell-nl, the files);
#   - in headless Chromium from file:// at 1,000 pages: load + init of
#     search.js and the index, first query, p95 of 200 queries typed as
#     prefixes (tests/tools/search-page.js --bench);
#   - beside it, on the same sections and queries (bench/search_peers.js):
#     lunr with lunr-languages' Dutch stemmer, and Pagefind over http on
#     127.0.0.1 (it cannot run from disk); optional columns, from npm into
#     tests/.tools/peers (lunr, lunr-languages, pagefind, playwright-core);
#     SEARCH_PEERS=0 leaves them out;
# and on the 200-chapter course, on tmpfs when /dev/shm is there: the site
# build (with the search) on -j 1 and -j 2 against raw cmark-gfm, median
# of 5 runs each, wall and CPU.
# Writes bench/work/ (gitignored); needs python3, node, cmark-gfm,
# chromium and playwright-core (tests/.tools, as tests/search.sh installs).
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
sg=$(cd "$(dirname "${1:-$root/salesgen}")" && pwd)/$(basename "${1:-$root/salesgen}")
work=$here/work
measure="python3 $here/measure.py"
result() { printf '%s\n' "$1" | sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p"; }
mkdir -p "$work"
mods=$root/tests/.tools/axe/node_modules
peers=$root/tests/.tools/peers
chromium=${CHROMIUM:-$(command -v chromium || true)}
if [ "${SEARCH_PEERS:-1}" != 0 ] && [ ! -d "$peers/node_modules/pagefind" ] &&
    command -v npm > /dev/null; then
	npm install --prefix "$peers" --no-save --no-audit --no-fund \
	    lunr@2 lunr-languages@1 pagefind@1 playwright-core@1 > /dev/null 2>&1 || true
fi
# The peers' columns on a built site: lunr-nl in node, Pagefind indexed
# into SITE/pagefind and run in Chromium over http.
peer_columns() {
	[ "${SEARCH_PEERS:-1}" != 0 ] || return 0
	if [ ! -d "$peers/node_modules/lunr-languages" ]; then
		echo "$2 lunr-nl, Pagefind: not measured (npm packages missing)"
		return 0
	fi
	printf '%s ' "$2"
	NODE_PATH=$peers/node_modules node "$here/search_peers.js" "$1" "$here/search-queries.tsv" salesgen | tail -n 1
	printf '%s ' "$2"
	NODE_PATH=$peers/node_modules node "$here/search_peers.js" "$1" "$here/search-queries.tsv" lunr | tail -n 1
	if [ -z "$chromium" ]; then
		echo "$2 Pagefind: not measured (no chromium)"
		return 0
	fi
	rm -rf "$1/pagefind"
	r=$($measure -- "$peers/node_modules/.bin/pagefind" --site "$1" --glob '[0-9]*.html' \
	    --root-selector main --exclude-selectors nav --force-language nl --silent)
	echo "$2 Pagefind index: $(result "$r" median_ms) ms wall, $(result "$r" cpu_ms) ms CPU, index $(($(find "$1/pagefind" -type f \( -name '*.pf_index' -o -name '*.pf_meta' \) -exec cat {} + | wc -c) / 1024)) KB, page texts (fragments) $(($(find "$1/pagefind" -type f -name '*.pf_fragment' -exec cat {} + | wc -c) / 1024)) KB (both gzip already)"
	printf '%s ' "$2"
	NODE_PATH=$peers/node_modules CHROMIUM=$chromium node "$here/search_peers.js" "$1" "$here/search-queries.tsv" pagefind | grep -v '^[^:]*: [0-9]* relevant' || true
	rm -rf "$1/pagefind"
}

echo "salesgen site search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "command:  cd $root && sh bench/search.sh${1:+ $1}"
echo "machine:  $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# ---------------------------------------------------------------- quality
rm -rf "$work/search-sample"
mkdir -p "$work/search-sample"
cp -R "$root/content" "$work/search-sample/"
"$sg" build "$work/search-sample" --only site -q
printf 'sample course:   '
node "$here/search_eval.js" "$work/search-sample/out/site" "$here/search-queries.tsv" | tail -n 1
peer_columns "$work/search-sample/out/site" "sample course:  "

n=1000
dir=$work/search-$n
if [ ! -f "$dir/all.md" ]; then
	python3 "$here/gen_course.py" $n "$dir" >&2
fi
rm -rf "$dir/out"
r=$($measure -- "$sg" build --only site -q "$dir")
echo "1,000 chapters:  site build with search $(result "$r" median_ms) ms wall, $(result "$r" cpu_ms) ms CPU"
printf '1,000 chapters:  '
node "$here/search_eval.js" "$dir/out/site" "$here/search-queries.tsv" | tail -n 1
peer_columns "$dir/out/site" "1,000 chapters: "

# ------------------------------------------------------------------- size
site=$dir/out/site
raw=$(cat "$site"/search-index*.js | wc -c)
gz=0
for f in "$site"/search-index*.js; do
	gz=$((gz + $(gzip -9c "$f" | wc -c)))
done
shards=$(ls "$site"/search-index-*.js 2>/dev/null | wc -l)
echo "index, 1,000 chapters: $((raw / 1024)) KB raw, $((gz / 1024)) KB gzip ($shards shard files); search.js $(wc -c < "$site/search.js") B, $(gzip -9c "$site/search.js" | wc -c) B gzip"

# ------------------------------------------------------------ build time
pages=$(ls "$site"/[0-9]*.html | sort)
rm -rf "$work/search-index"
mkdir -p "$work/search-index"
# the machine may be shared: CPU time beside the wall time
# shellcheck disable=SC2086
r=$($measure -r 3 -- "$root/build/tests/test_search" index "$work/search-index" nl $pages)
echo "index build, 1,000 chapters: $(result "$r" median_ms) ms wall, $(result "$r" cpu_ms) ms CPU (median of 3; read pages, sections, split, write)"
# shellcheck disable=SC2086
r=$(SALESGEN_DICT_NL=/nonexistent $measure -r 3 -- "$root/build/tests/test_search" index "$work/search-index" nl $pages 2>/dev/null)
echo "index build, 1,000 chapters, without hunspell-nl: $(result "$r" median_ms) ms wall, $(result "$r" cpu_ms) ms CPU"

# --------------------------------------------------------------- browser
if [ -n "$chromium" ] && [ -d "$mods/playwright-core" ]; then
	printf 'Chromium, file://, 1,000 chapters: '
	NODE_PATH=$mods CHROMIUM=$chromium node "$root/tests/tools/search-page.js" "$site" verkoopplan --bench
else
	echo "Chromium: not measured (chromium or playwright-core missing)"
fi

# ------------------------------------------------------- against cmark
n=200
src=$work/search-$n
[ -f "$src/all.md" ] || python3 "$here/gen_course.py" $n "$src" >&2
fast=$src
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	fast=/dev/shm/salesgen-search-bench-$$
	rm -rf "$fast"
	cp -R "$src" "$fast"
fi
"$sg" build --only site -q "$fast"
cm="cmark-gfm --extension table --extension strikethrough --extension autolink"
# shellcheck disable=SC2086
r=$($measure -r 5 -- $cm "$fast/all.md")
cm_ms=$(result "$r" median_ms); cm_cpu=$(result "$r" cpu_ms)
# -j 1: the CPU the build costs; -j 2: hunspell-nl loads on a thread of
# its own while the chapters parse (gen/dict.c)
for j in 1 2; do
	r=$($measure -r 5 -- "$sg" build --only site -q -j $j "$fast")
	sg_ms=$(result "$r" median_ms); sg_cpu=$(result "$r" cpu_ms)
	echo "200 chapters$( [ "$fast" != "$src" ] && echo ' (tmpfs)'), -j $j: site build with search $sg_ms ms wall / $sg_cpu ms CPU, cmark-gfm $cm_ms ms / $cm_cpu ms: $(echo "$sg_ms $cm_ms" | awk '{ printf "%.2f", $1 / $2 }')x wall, $(echo "$sg_cpu $cm_cpu" | awk '{ printf "%.2f", $1 / $2 }')x CPU"
done
[ "$fast" != "$src" ] && rm -rf "$fast"
