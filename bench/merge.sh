#!/bin/sh
# Mailing benchmark: salesgen merge of a generated customer list.
#
#   sh bench/merge.sh [SALESGEN]        (default SALESGEN: ./salesgen)
#
# For each row count N (100, 1,000 and 5,000; rows made by
# bench/gen_rows.py in the column layout of content/mailing/klanten.csv,
# cached in bench/work/rows-N.csv) it measures, in this run:
#   salesgen merge content/mailing/offerte.xml rows-N.csv -o bench/work/merge-N -q -j 2
# and for N = 1000 also the same with -j 1 (into merge-1000-j1) and with
# -t html -j 2 (into merge-1000-html).  Each configuration runs once,
# unmeasured and without -q, as a warm-up and a check (its diagnostics go
# to bench/work/diag-TAG.txt; an error stops the benchmark), then
# RUNS times measured by bench/measure.py; the output directory is removed
# and the disk synced before every run, outside the timing.  After the
# last run bench/check_merge.py checks the output: one document per row and
# nothing else, `qpdf --check` on 10 of the PDFs, and the row's nummer and
# customer name in the text of those (and of 3 rows with quoted names).
# The table (median wall time, ms per document, largest peak RSS, bytes
# written, median CPU time, checks) is printed and written to
# bench/work/merge-results.txt.  See the "Mailing" section of
# bench/README.md.
#
# Environment: BENCH_MERGE_SIZES ("100 1000 5000"), BENCH_MERGE_RUNS (3).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$here/work
sizes=${BENCH_MERGE_SIZES:-100 1000 5000}
runs=${BENCH_MERGE_RUNS:-3}
measure="python3 $here/measure.py"
tmpl=$root/content/mailing/offerte.xml

sg_arg=${1:-$root/salesgen}
case $sg_arg in
*/*) ;;
*) if [ ! -e "$sg_arg" ]; then sg_arg=$(command -v "$sg_arg" || echo "$sg_arg"); fi ;;
esac
if [ ! -x "$sg_arg" ]; then
	echo "merge.sh: no salesgen binary at '$sg_arg' (build it with 'make salesgen', or name one)" >&2
	exit 2
fi
for tool in python3 qpdf pdftotext; do
	command -v $tool >/dev/null 2>&1 || {
		echo "merge.sh: '$tool' is not installed (Debian: python3, qpdf, poppler-utils)" >&2; exit 2; }
done

mkdir -p "$work"
# Measure a snapshot: the working tree's binary may be rebuilt meanwhile.
# (Not bench/work/salesgen: run.sh may be using that one.)
sg=$work/salesgen-merge
cp "$sg_arg" "$sg.tmp" && mv "$sg.tmp" "$sg"
# salesgen merge takes the working directory as the project: run from
# elsewhere, the template's logo (../data/img/veldkamp.png) "leads outside
# the project", an error, and the documents come out without it.
cd "$root"

# result LINE FIELD -> value of FIELD=... in a RESULT or CHECK line
result() { printf '%s\n' "$1" | sed -n "s/^[A-Z]* \(.* \)*$2=\([0-9.-]*\).*/\2/p"; }

out=$work/merge-results.txt.tmp
: >"$out"
say() { printf '%s\n' "$*" | tee -a "$out"; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
rev=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain -- gen templates Makefile 2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && rev="$rev + uncommitted changes in gen/templates/Makefile"

say "salesgen mailing (merge) benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "command:  cd $root && sh bench/merge.sh${1:+ $1}$( [ -n "${BENCH_MERGE_SIZES:-}${BENCH_MERGE_RUNS:-}" ] && printf '   (BENCH_MERGE_SIZES="%s" BENCH_MERGE_RUNS=%s)' "$sizes" "$runs")"
say "machine:  $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, Linux $(uname -r)"
say "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1/5/15 min, at start)"
say "salesgen: $($sg --version 2>/dev/null | head -n 1) ($sg_arg, tree $rev)"
say "qpdf:     $(qpdf --version | head -n 1)"
say "template: content/mailing/offerte.xml; rows: bench/gen_rows.py N (';', UTF-8 BOM, CRLF)"
r=$($measure -r 3 /bin/true 2>/dev/null)
say "timing:   median wall time of $runs runs after a warm-up; RSS = largest peak RSS of the runs"
say "baseline: /bin/true measures $(result "$r" median_ms) ms, $(result "$r" maxrss_kib) KiB (launch=$(printf '%s\n' "$r" | sed -n 's/.*launch=//p'); see bench/measure.py)"
say ""

rows=$work/merge-rows.tmp
: >"$rows"
notes=""

# med LIST, min LIST: median and smallest of blank-separated numbers
# shellcheck disable=SC2086 # $1 is split on purpose
med() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# shellcheck disable=SC2086
min() { printf '%s\n' $1 | sort -n | head -n 1; }

# bench TAG N JOBS FORMAT: warm up, measure and check one configuration.
bench() {
	tag=$1 n=$2 jobs=$3 fmt=$4
	csv=$work/rows-$n.csv
	dir=$work/$tag
	diag=$work/diag-$tag.txt
	set -- "$sg" merge "$tmpl" "$csv" -o "$dir" -j "$jobs"
	[ "$fmt" = html ] && set -- "$@" -t html

	echo "$tag: warm-up ($n rows, -j $jobs, $fmt)" >&2
	rm -rf "$dir"
	if ! "$@" >"$diag" 2>&1; then
		cat "$diag" >&2
		echo "merge.sh: salesgen merge failed on bench/work/rows-$n.csv (diagnostics above, also in bench/work/diag-$tag.txt)" >&2
		exit 1
	fi
	# Anything but the closing "N documents written, 0 failed" is news.
	ndiag=$(grep -c -v "^salesgen: .*: $n documents written, 0 failed$" "$diag" || true)
	if [ "$ndiag" -gt 0 ]; then
		cat "$diag" >&2
		notes="$notes
$tag: salesgen printed $ndiag diagnostic line(s), see bench/work/diag-$tag.txt"
	fi

	walls="" cpus="" rss=0
	k=1
	while [ "$k" -le "$runs" ]; do
		rm -rf "$dir"
		sync
		echo "$tag: run $k of $runs" >&2
		r=$($measure -- "$@" -q)
		walls="$walls $(result "$r" median_ms)"
		c=$(result "$r" cpu_ms)
		cpus="$cpus ${c:--1}"
		m=$(result "$r" maxrss_kib)
		[ "$m" -gt "$rss" ] && rss=$m
		k=$((k + 1))
	done
	echo "$tag: checking the output" >&2
	c=$(python3 "$here/check_merge.py" "$csv" "$dir" "$fmt" 10 "$work/check-$tag.txt")
	files=$(result "$c" files) bytes=$(result "$c" bytes)
	qok=$(result "$c" qpdf_ok) qbad=$(result "$c" qpdf_bad)
	tok=$(result "$c" text_ok) nsample=$(result "$c" sample)
	nquoted=$(result "$c" quoted) other=$(result "$c" other)
	if [ "$files" -ne "$n" ] || [ "$other" -ne 0 ]; then
		notes="$notes
$tag: $files of $n documents written, $other other file(s): see bench/work/check-$tag.txt"
	fi
	if [ "$fmt" = pdf ] && [ "$qbad" -ne 0 ]; then
		notes="$notes
$tag: qpdf --check failed on $qbad of $nsample PDFs: see bench/work/check-$tag.txt"
	fi
	if [ "$tok" -ne $((nsample + nquoted)) ]; then
		notes="$notes
$tag: nummer or klant.naam missing from $((nsample + nquoted - tok)) of $((nsample + nquoted)) checked documents: see bench/work/check-$tag.txt"
	fi
	[ "$fmt" = pdf ] && q="$qok/$nsample" || q="-"
	echo "$n $jobs $fmt $(med "$walls") $(min "$walls") $rss $bytes $(med "$cpus") $files $q $tok/$((nsample + nquoted))" >>"$rows"
}

for n in $sizes; do
	csv=$work/rows-$n.csv
	if [ ! -f "$csv" ] || [ -n "$(find "$here/gen_rows.py" -newer "$csv")" ]; then
		python3 "$here/gen_rows.py" "$n" "$csv"
	else
		echo "bench/work/rows-$n.csv: cached" >&2
	fi
	bench "merge-$n" "$n" 2 pdf
	if [ "$n" -eq 1000 ]; then
		bench "merge-$n-j1" "$n" 1 pdf
		bench "merge-$n-html" "$n" 2 html
	fi
done

awk '
function mib(k) { return sprintf("%.1f", k / 1024) }
BEGIN {
	fmt = "%6s %4s %6s %8s %7s %9s %10s %7s %6s %6s %6s\n"
	printf fmt, "N", "jobs", "format", "wall s", "ms/doc", "peak MiB",
	    "MB written", "cpu s", "docs", "qpdf", "text"
}
{
	printf fmt, $1, $2, $3, sprintf("%.2f", $4 / 1000),
	    sprintf("%.1f", $4 / $1), mib($6), sprintf("%.1f", $7 / 1e6),
	    $8 < 0 ? "?" : sprintf("%.2f", $8 / 1000), $9, $10, $11
	rows = NR
	line[NR] = sprintf("N=%s -j %s %s: fastest run %.2f s (%.1f ms/doc); %.1f KB per document",
	    $1, $2, $3, $5 / 1000, $5 / $1, $7 / $9 / 1000)
	if ($3 == "pdf" && $2 == 2) {
		if (!np) { n1 = $1; r1 = $6 }
		np++; nl = $1; rl = $6
		if ($1 == 1000) { t1000 = $4; f1000 = $5 }
	}
	if ($3 == "pdf" && $1 == 1000 && $2 == 1) j1 = $4
}
END {
	printf "\nwall s = median wall time; peak MiB = largest peak RSS; MB = 10^6 bytes of documents written;\n"
	printf "cpu s = median user+system CPU time; docs = documents written; qpdf = sample passing qpdf --check;\n"
	printf "text = checked documents whose text holds the row'"'"'s nummer and klant.naam\n"
	for (i = 1; i <= rows; i++)
		print line[i]
	if (t1000 && j1)
		printf "-j 2 against -j 1 at N=1000: %.2fx faster\n", j1 / t1000
	printf "\ntargets:\n"
	if (t1000)
		printf "  1,000 PDFs in <= 5 s with -j 2: %.2f s (fastest %.2f s), %s\n",
		    t1000 / 1000, f1000 / 1000, t1000 <= 5000 ? "met" : "NOT met"
	else
		printf "  1,000 PDFs in <= 5 s with -j 2: not measured (N=1000 not in BENCH_MERGE_SIZES)\n"
	if (np > 1)
		printf "  peak RSS independent of rows (N=%s -> N=%s, -j 2 PDF): %.1f -> %.1f MiB, %.3fx (%+.1f KiB per 1,000 rows), %s\n",
		    n1, nl, r1 / 1024, rl / 1024, rl / r1, (rl - r1) / (nl - n1) * 1000,
		    rl / r1 <= 1.10 ? "flat (within 10 %)" : "NOT flat (more than 10 %)"
}' "$rows" | tee -a "$out"
if [ -n "$notes" ]; then
	say ""
	say "notes:$notes"
fi
rm -f "$rows"
mv "$out" "$work/merge-results.txt"
echo "written: bench/work/merge-results.txt" >&2
