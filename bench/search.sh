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
# and on the 200-chapter course, on tmpfs when /dev/shm is there: the site
# build (with the search) against raw cmark-gfm, median of 5 runs each.
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
chromium=${CHROMIUM:-$(command -v chromium || true)}
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
r=$($measure -r 5 -- "$sg" build --only site -q "$fast")
sg_ms=$(result "$r" median_ms); sg_cpu=$(result "$r" cpu_ms)
cm="cmark-gfm --extension table --extension strikethrough --extension autolink"
# shellcheck disable=SC2086
r=$($measure -r 5 -- $cm "$fast/all.md")
cm_ms=$(result "$r" median_ms); cm_cpu=$(result "$r" cpu_ms)
[ "$fast" != "$src" ] && rm -rf "$fast"
echo "200 chapters$( [ "$fast" != "$src" ] && echo ' (tmpfs)'): site build with search $sg_ms ms wall / $sg_cpu ms CPU, cmark-gfm $cm_ms ms / $cm_cpu ms: $(echo "$sg_ms $cm_ms" | awk '{ printf "%.2f", $1 / $2 }')x wall, $(echo "$sg_cpu $cm_cpu" | awk '{ printf "%.2f", $1 / $2 }')x CPU"
