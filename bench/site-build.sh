#!/bin/sh
# The site build against raw cmark-gfm (issue 12: "the site build with
# search stays <= 1.5x raw cmark-gfm on the 200-chapter benchmark course,
# on tmpfs"), for one or more salesgen binaries side by side:
#
#   sh bench/site-build.sh [-n CHAPTERS] [-r RUNS] [SALESGEN...]
#
# Generates the course (bench/gen_course.py, 200 chapters by default),
# copies it to tmpfs (/dev/shm) and measures, in rounds so that a shared
# machine's load falls on every binary alike: cmark-gfm over the same
# chapters (all.md, their concatenation), then each binary's
# `build --only site` on -j 1 and -j 2.  Prints per binary and -j the
# median wall and CPU time (bench/measure.py) and the factors against
# cmark-gfm.  Each build writes over the last one's out/site, as an edit
# and rebuild does; the first, unmeasured, build writes it all.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
n=200
runs=5
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-r) runs=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || set -- "$root/salesgen"
measure="python3 $here/measure.py"
result() { printf '%s\n' "$1" | sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p"; }
src=$here/work/search-$n
[ -f "$src/all.md" ] || python3 "$here/gen_course.py" "$n" "$src" >&2
fast=$src
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	fast=/dev/shm/salesgen-site-build-$$
	rm -rf "$fast"
	cp -R "$src" "$fast"
	trap 'rm -rf "$fast"' EXIT
fi
cm="cmark-gfm --extension table --extension strikethrough --extension autolink"
echo "site build against cmark-gfm, $n chapters$( [ "$fast" != "$src" ] && echo ', tmpfs'), median of $runs, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
tmp=$(mktemp -d)
trap 'rm -rf "$fast" "$tmp"' EXIT
r=0
while [ $r -lt "$runs" ]; do
	r=$((r + 1))
	# shellcheck disable=SC2086
	$measure -- $cm "$fast/all.md" 2>/dev/null >> "$tmp/cmark"
	k=0
	for sg in "$@"; do
		k=$((k + 1))
		for j in 1 2; do
			[ $r -gt 1 ] || "$sg" build --only site -q -j $j "$fast"
			$measure -- "$sg" build --only site -q -j $j "$fast" 2>/dev/null >> "$tmp/$k.$j"
		done
	done
done
# med FILE FIELD: the median of FIELD over the RESULT lines of FILE
med() {
	sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p" "$1" | sort -n |
	    awk '{ v[NR] = $1 } END { printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
cw=$(med "$tmp/cmark" median_ms)
cc=$(med "$tmp/cmark" cpu_ms)
echo "cmark-gfm: $cw ms wall, $cc ms CPU"
k=0
for sg in "$@"; do
	k=$((k + 1))
	for j in 1 2; do
		w=$(med "$tmp/$k.$j" median_ms)
		c=$(med "$tmp/$k.$j" cpu_ms)
		echo "$sg -j $j: $w ms wall, $c ms CPU: $(echo "$w $cw" | awk '{ printf "%.2f", $1 / $2 }')x wall, $(echo "$c $cc" | awk '{ printf "%.2f", $1 / $2 }')x CPU"
	done
done
