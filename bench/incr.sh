#!/bin/sh
# Incremental-build benchmark (run by hand; not part of make check):
# a clean build, a rebuild with nothing changed, and a rebuild after one
# chapter's paragraph was edited, on the 50- and 1,000-chapter courses of
# bench/gen_course.py.  Each figure is the median wall time of RUNS runs
# (default 3), and the no-change rebuild's count of files whose mtime
# changed (must be 0).
#
#   sh bench/incr.sh [SALESGEN]
#
# Writes to bench/work/incr/ (gitignored).
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/salesgen}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
runs=${RUNS:-3}
work=$top/bench/work/incr
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$work"

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# timed CMD...: wall seconds of one run
timed() { t0=$(now); "$@" > /dev/null 2>&1; t1=$(now); echo "$t1 - $t0" | bc; }

printf '%-8s %10s %10s %8s %10s %10s\n' chapters clean no-change ratio edit-1 changed
for n in 50 1000; do
	d=$work/c$n
	[ -d "$d/content" ] || python3 "$top/bench/gen_course.py" $n "$d" > /dev/null
	clean=$(for i in $(seq $runs); do rm -rf "$d/out"; timed "$bin" build -q "$d"; done | median)
	noop=$(for i in $(seq $runs); do timed "$bin" build -q "$d"; done | median)
	find "$d/out" -type f | sort | xargs stat -c '%n %y' > "$work/before"
	"$bin" build -q "$d"
	find "$d/out" -type f | sort | xargs stat -c '%n %y' > "$work/after"
	moved=$(diff "$work/before" "$work/after" | grep -c '^>')
	ch=$(ls "$d"/content/*.md | sed -n "$((n / 2))p")
	edit=$(for i in $(seq $runs); do
		printf '\nEen gewijzigde alinea %s.\n' "$i$(now)" >> "$ch"
		timed "$bin" build -q "$d"; done | median)
	ratio=$(echo "scale=3; $noop / $clean" | bc)
	printf '%-8s %9.3fs %9.3fs %7.1f%% %9.3fs %10s\n' $n $clean $noop \
	    "$(echo "$ratio * 100" | bc)" $edit "$moved files"
done
