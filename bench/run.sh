#!/bin/sh
# Site-build benchmark: salesgen against raw cmark-gfm and pandoc.
#
#   sh bench/run.sh [SALESGEN]        (default SALESGEN: ./salesgen)
#
# For each course size N (50, 200, 1000 chapters of ~1,500 words, made by
# bench/gen_course.py and cached in bench/work/N) it measures, in this run:
#   salesgen build --only site -q bench/work/N      (N chapters + index + glossary)
#   cmark-gfm --extension table --extension strikethrough --extension autolink all.md
#   pandoc -f gfm -t html all.md -o /dev/null
# where all.md is every chapter in one file.  Each is run RUNS times after
# one unmeasured warm-up run; the table shows the median wall time and the
# largest peak RSS (bench/measure.py).  pandoc runs PANDOC_RUNS times, and
# once for N >= 1000.  The table is printed and written to
# bench/work/results.txt.  See bench/README.md.
#
# Environment: BENCH_SIZES ("50 200 1000"), BENCH_RUNS (5),
# BENCH_PANDOC_RUNS (3).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$here/work
sizes=${BENCH_SIZES:-50 200 1000}
runs=${BENCH_RUNS:-5}
pandoc_runs=${BENCH_PANDOC_RUNS:-3}
measure="python3 $here/measure.py"

sg_arg=${1:-$root/salesgen}
case $sg_arg in
*/*) ;;
*) if [ ! -e "$sg_arg" ]; then sg_arg=$(command -v "$sg_arg" || echo "$sg_arg"); fi ;;
esac
if [ ! -x "$sg_arg" ]; then
	echo "run.sh: no salesgen binary at '$sg_arg' (build it with 'make salesgen', or name one)" >&2
	exit 2
fi
for tool in python3 cmark-gfm pandoc; do
	command -v $tool >/dev/null 2>&1 || {
		echo "run.sh: '$tool' is not installed" >&2; exit 2; }
done

mkdir -p "$work"
# Measure a snapshot: the working tree's binary may be rebuilt meanwhile.
sg=$work/salesgen
cp "$sg_arg" "$sg.tmp" && mv "$sg.tmp" "$sg"

# result LINE FIELD -> value of FIELD=... in measure.py's RESULT line
result() { printf '%s\n' "$1" | sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p"; }

out=$work/results.txt.tmp
: >"$out"
say() { printf '%s\n' "$*" | tee -a "$out"; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
rev=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain -- gen templates Makefile 2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && rev="$rev + uncommitted changes in gen/templates/Makefile"

say "salesgen site-build benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "command:  cd $root && sh bench/run.sh${1:+ $1}$( [ -n "${BENCH_SIZES:-}${BENCH_RUNS:-}${BENCH_PANDOC_RUNS:-}" ] && printf '   (BENCH_SIZES="%s" BENCH_RUNS=%s BENCH_PANDOC_RUNS=%s)' "$sizes" "$runs" "$pandoc_runs")"
say "machine:  $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, Linux $(uname -r)"
say "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1/5/15 min, at start)"
say "salesgen: $($sg --version 2>/dev/null | head -n 1) ($sg_arg, tree $rev)"
say "cmark:    $(cmark-gfm --version | head -n 1)"
say "pandoc:   $(pandoc --version | head -n 1)"
r=$($measure -r 3 /bin/true 2>/dev/null)
say "timing:   median wall ms of $runs runs after a warm-up (pandoc: $pandoc_runs, 1 for N >= 1000); RSS = largest peak RSS"
say "baseline: /bin/true measures $(result "$r" median_ms) ms, $(result "$r" maxrss_kib) KiB (launch=$(printf '%s\n' "$r" | sed -n 's/.*launch=//p'); see bench/measure.py)"
say ""

rows=$work/rows.tmp
: >"$rows"
notes=""
for n in $sizes; do
	dir=$work/$n
	if [ ! -f "$dir/all.md" ] || [ ! -f "$dir/stats.txt" ] ||
	    [ -n "$(find "$here/gen_course.py" -newer "$dir/all.md")" ]; then
		python3 "$here/gen_course.py" "$n" "$dir" >&2
	else
		echo "bench/work/$n: cached" >&2
	fi
	words=$(awk '$1 == "words" { print $2 }' "$dir/stats.txt")

	# Warm-up, and a check that the course builds cleanly: any
	# diagnostic (warnings too) is shown, an error stops the run.
	echo "N=$n: salesgen warm-up" >&2
	rm -rf "$dir/out"
	if ! "$sg" build --only site "$dir" >"$work/diag-$n.txt" 2>&1; then
		cat "$work/diag-$n.txt" >&2
		echo "run.sh: salesgen build failed on bench/work/$n (diagnostics above, also in bench/work/diag-$n.txt)" >&2
		exit 1
	fi
	ndiag=$(grep -c -v "^salesgen: .*/out/site: " "$work/diag-$n.txt" || true)
	if [ "$ndiag" -gt 0 ]; then
		cat "$work/diag-$n.txt" >&2
		notes="$notes
N=$n: salesgen printed $ndiag diagnostic line(s), see bench/work/diag-$n.txt"
	fi
	pages=$(find "$dir/out/site" -maxdepth 1 -name '*.html' | wc -l)
	if [ "$pages" -ne $((n + 2)) ]; then
		notes="$notes
N=$n: expected $((n + 2)) pages, the site has $pages"
	fi
	site_kib=$(du -sk "$dir/out/site" | cut -f1)

	echo "N=$n: salesgen x$runs" >&2
	r=$($measure -r "$runs" -- "$sg" build --only site -q "$dir")
	sg_ms=$(result "$r" median_ms); sg_rss=$(result "$r" maxrss_kib)
	sg_min=$(result "$r" min_ms)

	cm="cmark-gfm --extension table --extension strikethrough --extension autolink"
	echo "N=$n: cmark-gfm x$runs" >&2
	$cm "$dir/all.md" >/dev/null
	# shellcheck disable=SC2086 # $cm is the command and its options
	r=$($measure -r "$runs" -- $cm "$dir/all.md")
	cm_ms=$(result "$r" median_ms); cm_rss=$(result "$r" maxrss_kib)
	cm_min=$(result "$r" min_ms)

	pr=$pandoc_runs
	[ "$n" -ge 1000 ] && pr=1
	echo "N=$n: pandoc x$pr" >&2
	r=$($measure -r "$pr" -- pandoc -f gfm -t html "$dir/all.md" -o /dev/null)
	pd_ms=$(result "$r" median_ms); pd_rss=$(result "$r" maxrss_kib)
	pd_min=$(result "$r" min_ms)

	echo "$n $words $pages $sg_ms $sg_rss $cm_ms $cm_rss $pd_ms $pd_rss $pr $site_kib $sg_min $cm_min $pd_min" >>"$rows"
done

awk '
function mib(k) { return sprintf("%.1f", k / 1024) }
BEGIN {
	fmt = "%6s %10s %6s %9s %8s %8s %9s %8s %10s %8s %9s %11s\n"
	printf fmt, "N", "words", "pages", "sg ms", "ms/page", "sg MiB",
	    "cmark ms", "cm MiB", "pandoc ms", "pd MiB", "sg/cmark", "pandoc/sg"
}
{
	printf fmt, $1, $2, $3, sprintf("%.1f", $4), sprintf("%.2f", $4 / $3),
	    mib($5), sprintf("%.1f", $6), mib($7),
	    sprintf("%.0f%s", $8, $10 == 1 ? "*" : ""), mib($9),
	    sprintf("%.2fx", $4 / $6), sprintf("%.1fx", $8 / $4)
	if (NR == 1) { first = $5; n1 = $1 }
	last = $5; nl = $1; n[NR] = $1; r[NR] = $4 / $6; p[NR] = $8 / $4; site[NR] = $11
	mins[NR] = sprintf("N=%s: fastest runs: salesgen %.1f ms, cmark %.1f ms, pandoc %.0f ms; sg/cmark %.2fx, pandoc/sg %.1fx",
	    $1, $12, $13, $14, $12 / $13, $14 / $12)
	rows = NR
}
END {
	printf "\n(* = one run)  pages = chapters + index + glossary; sg = salesgen build --only site -q\n"
	for (i = 1; i <= rows; i++)
		printf "N=%s: site %.1f MiB (%.1f KiB/page)\n", n[i], site[i] / 1024, site[i] / (n[i] + 2)
	for (i = 1; i <= rows; i++)
		print mins[i]
	printf "\ntargets:\n"
	ok = 1; for (i = 1; i <= rows; i++) if (r[i] > 1.5) ok = 0
	printf "  site build within 1.5x of cmark-gfm:  %s\n", ok ? "met" : "NOT met"
	ok = 1; for (i = 1; i <= rows; i++) if (p[i] < 20) ok = 0
	printf "  at least 20x faster than pandoc:      %s\n", ok ? "met" : "NOT met"
	printf "  peak RSS flat (largest N / smallest N <= 1.5): %.2fx, %s",
	    last / first, last / first <= 1.5 ? "met" : "NOT met"
	if (nl > n1)
		printf " (+%.1f KiB per chapter)", (last - first) / (nl - n1)
	printf "\n"
}' "$rows" | tee -a "$out"
if [ -n "$notes" ]; then
	say ""
	say "notes:$notes"
fi
rm -f "$rows"
mv "$out" "$work/results.txt"
echo "written: bench/work/results.txt" >&2
