#!/bin/sh
# PDF benchmark: salesgen render -t pdf against WeasyPrint and wkhtmltopdf.
#
#   sh bench/pdf.sh [SALESGEN]        (default SALESGEN: ./salesgen)
#
# For each course size N (50, 200 chapters of ~1,500 words, made by
# bench/gen_course.py and cached in bench/work/N, shared with run.sh) it
# takes all.md -- every chapter in one Markdown file -- and measures, in
# this run:
#   (a) salesgen render -t pdf all.md -o out.pdf
#   (b) weasyprint all.html out-w.pdf
#   (c) wkhtmltopdf -q all.html out-k.pdf
#   and, for tagging's cost, (a) with --pdf-standard none against the
#   default, in turns (time and size; targets: +15 %, +20 %)
# where all.html is pandoc's standalone HTML of the same all.md
# (pandoc -f gfm -t html5 -s), made once per N and timed on its own,
# outside the comparison.  Each tool runs after one unmeasured warm-up
# (salesgen: on all.md itself, which is also the diagnostics check; the
# others: on a one-chapter page).  The table shows the median wall time,
# the pages (pdfinfo), ms per page, the largest peak RSS
# (bench/measure.py) and the PDF's size; then the ratios, the memory growth
# from the smallest to the largest N, and the targets.  Everything goes to
# bench/work/pdf-N/ and the table to bench/work/pdf-results.txt.  See the
# "PDF" section of bench/README.md.
#
# Environment: BENCH_PDF_SIZES ("50 200"), BENCH_PDF_RUNS (3, salesgen),
# BENCH_PDF_REF_RUNS (3, WeasyPrint and wkhtmltopdf).
#
# A missing weasyprint or wkhtmltopdf is installed with apt-get when run as
# root; a tool that still cannot be installed, or cannot run headless, is
# reported as "not available" in the table and the results, never guessed.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$here/work
sizes=${BENCH_PDF_SIZES:-50 200}
runs=${BENCH_PDF_RUNS:-3}
ref_runs=${BENCH_PDF_REF_RUNS:-3}
measure="python3 $here/measure.py"

arg1=${1:-}
sg_arg=${1:-$root/salesgen}
case $sg_arg in
*/*) ;;
*) if [ ! -e "$sg_arg" ]; then sg_arg=$(command -v "$sg_arg" || echo "$sg_arg"); fi ;;
esac
if [ ! -x "$sg_arg" ]; then
	echo "pdf.sh: no salesgen binary at '$sg_arg' (build it with 'make salesgen', or name one)" >&2
	exit 2
fi
for tool in python3 pandoc pdfinfo pdftotext; do
	command -v $tool >/dev/null 2>&1 || {
		echo "pdf.sh: '$tool' is not installed (Debian: pandoc, poppler-utils)" >&2; exit 2; }
done

mkdir -p "$work"
# Measure a snapshot: the working tree's binary may be rebuilt meanwhile.
# (Not bench/work/salesgen, which run.sh may be using at the same time.)
sg=$work/salesgen-pdf
cp "$sg_arg" "$sg.tmp" && mv "$sg.tmp" "$sg"

# result LINE FIELD -> value of FIELD=... in measure.py's RESULT line
result() { printf '%s\n' "$1" | sed -n "s/^RESULT .*$2=\([0-9.]*\).*/\1/p"; }
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages:[[:space:]]*//p'; }
# words a reader would count in the PDF's text (as gen_course.py counts)
pdfwords() {
	pdftotext -enc UTF-8 "$1" - 2>/dev/null |
	    python3 -c 'import sys; print(sum(1 for t in sys.stdin.read().split() if any(c.isalnum() for c in t)))'
}

out=$work/pdf-results.txt.tmp
: >"$out"
say() { printf '%s\n' "$*" | tee -a "$out"; }
notes=""
note() { notes="$notes
$*"; }

# --- the reference tools: present, or installable, and able to run headless
if ! command -v weasyprint >/dev/null 2>&1 || ! command -v wkhtmltopdf >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "pdf.sh: installing weasyprint and wkhtmltopdf with apt-get" >&2
		for p in weasyprint wkhtmltopdf; do
			command -v $p >/dev/null 2>&1 ||
			    DEBIAN_FRONTEND=noninteractive apt-get install -y $p >&2 ||
			    echo "pdf.sh: apt-get install $p failed" >&2
		done
	fi
fi

probe=$work/pdf-probe
mkdir -p "$probe"
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>p</title></head><body><h1>Probe</h1><p>Één regel tekst.</p></body></html>\n' >"$probe/p.html"
have_w=0 have_k=0 k_env="" k_how=""
if command -v weasyprint >/dev/null 2>&1; then
	if weasyprint "$probe/p.html" "$probe/p-w.pdf" 2>"$probe/w.log" && [ -n "$(pages "$probe/p-w.pdf")" ]; then
		have_w=1
	else
		note "weasyprint is installed but failed on a one-line page: $(head -n 3 "$probe/w.log" | tr '\n' ' ')"
	fi
else
	note "weasyprint: not installed and could not be installed here; its rows are n/a"
fi
if command -v wkhtmltopdf >/dev/null 2>&1; then
	# Without an X display it needs Qt's offscreen platform (Debian's
	# build picks it by itself; older ones need it named), else Xvfb.
	for how in plain offscreen xvfb; do
		case $how in
		plain) set -- ;;
		offscreen) set -- env QT_QPA_PLATFORM=offscreen ;;
		xvfb) command -v xvfb-run >/dev/null 2>&1 || continue
		      set -- xvfb-run -a ;;
		esac
		rm -f "$probe/p-k.pdf"
		if "$@" wkhtmltopdf -q "$probe/p.html" "$probe/p-k.pdf" >"$probe/k.log" 2>&1 &&
		    [ -n "$(pages "$probe/p-k.pdf")" ]; then
			have_k=1 k_env="$*" k_how=$how
			break
		fi
	done
	if [ "$have_k" -ne 1 ]; then
		note "wkhtmltopdf is installed but could not make a PDF headless (tried: as is, QT_QPA_PLATFORM=offscreen, xvfb-run): $(head -n 3 "$probe/k.log" | tr '\n' ' ')"
	elif [ "$k_how" = xvfb ]; then
		note "wkhtmltopdf ran under xvfb-run: its time and peak RSS include starting Xvfb"
	fi
else
	note "wkhtmltopdf: not installed and could not be installed here; its rows are n/a"
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
rev=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain -- gen templates Makefile 2>/dev/null | wc -l)
[ "$dirty" -gt 0 ] && rev="$rev + uncommitted changes in gen/templates/Makefile"
wv=$( [ "$have_w" -eq 1 ] && weasyprint --version 2>/dev/null | head -n 1 || echo "not available")
kv=$( [ "$have_k" -eq 1 ] && $k_env wkhtmltopdf --version 2>/dev/null | head -n 1 || echo "not available")
if [ "$have_k" -eq 1 ] && [ -n "$k_env" ]; then
	kv="$kv (run as: $k_env wkhtmltopdf)"
fi
knobs=""
if [ -n "${BENCH_PDF_SIZES:-}${BENCH_PDF_RUNS:-}${BENCH_PDF_REF_RUNS:-}" ]; then
	knobs=$(printf '   (BENCH_PDF_SIZES="%s" BENCH_PDF_RUNS=%s BENCH_PDF_REF_RUNS=%s)' "$sizes" "$runs" "$ref_runs")
fi

say "salesgen PDF benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "command:    cd $root && sh bench/pdf.sh${arg1:+ $arg1}$knobs"
say "machine:    $(nproc) CPUs, ${cpu:-unknown CPU}, ${mem:-? GiB} RAM, Linux $(uname -r)"
say "load:       $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1/5/15 min, at start)"
say "salesgen:   $($sg --version 2>/dev/null | head -n 1) ($sg_arg of $(date -u -r "$sg_arg" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$sg" | cut -c1-12); tree $rev)"
say "pandoc:     $(pandoc --version | head -n 1)"
say "weasyprint: $wv"
say "wkhtmltopdf: $kv"
say "pdfinfo:    $(pdfinfo -v 2>&1 | head -n 1)"
r=$($measure -r 3 /bin/true 2>/dev/null)
say "timing:     median wall ms of $runs salesgen runs and $ref_runs WeasyPrint / wkhtmltopdf runs, each after a warm-up; RSS = largest peak RSS"
say "baseline:   /bin/true measures $(result "$r" median_ms) ms, $(result "$r" maxrss_kib) KiB (see bench/measure.py)"
say ""

# salesgen's fixed cost: a one-line document (fonts, hyphenation patterns,
# the embedded fonts in the PDF).
printf '# Eén regel\n\nEen regel tekst.\n' >"$probe/tiny.md"
(cd "$probe" && "$sg" render -t pdf tiny.md -o tiny.pdf) >/dev/null 2>&1 || true
r=$(cd "$probe" && $measure -r "$runs" -- "$sg" render -t pdf tiny.md -o tiny.pdf 2>/dev/null)
fix_ms=$(result "$r" median_ms); fix_rss=$(result "$r" maxrss_kib)
fix_kib=$(( $(wc -c <"$probe/tiny.pdf") / 1024 ))
say "fixed cost: salesgen render -t pdf of a one-line document: $fix_ms ms, $(awk -v k="$fix_rss" 'BEGIN { printf "%.1f", k / 1024 }') MiB peak RSS, $fix_kib KiB PDF, $(pages "$probe/tiny.pdf") page(s)"
say ""

# Warm-ups for the reference tools: load their libraries (and fonts) into
# the page cache once, on a one-chapter page, so the first size does not
# pay for it.
first_n=$(echo "$sizes" | awk '{ print $1 }')

rows=$work/pdf-rows.tmp
: >"$rows"
for n in $sizes; do
	dir=$work/$n
	if [ ! -f "$dir/all.md" ] || [ ! -f "$dir/stats.txt" ] ||
	    [ -n "$(find "$here/gen_course.py" -newer "$dir/all.md")" ]; then
		python3 "$here/gen_course.py" "$n" "$dir" >&2
	else
		echo "bench/work/$n: cached" >&2
	fi
	words=$(awk '$1 == "words" { print $2 }' "$dir/stats.txt")
	in_bytes=$(wc -c <"$dir/all.md")
	pd=$work/pdf-$n
	mkdir -p "$pd"
	# A private copy of the input: run.sh or a regeneration may touch
	# bench/work/N meanwhile.
	cp "$dir/all.md" "$pd/all.md.tmp" && mv "$pd/all.md.tmp" "$pd/all.md"

	# (a) salesgen.  The warm-up is also the check: errors stop the run,
	# warnings and notes are counted and shown.
	echo "N=$n: salesgen warm-up and check" >&2
	rm -f "$pd/out.pdf"
	if ! (cd "$pd" && "$sg" render -t pdf all.md -o out.pdf) >"$work/pdf-diag-$n.txt" 2>&1; then
		cat "$work/pdf-diag-$n.txt" >&2
		echo "pdf.sh: salesgen render -t pdf failed on bench/work/pdf-$n/all.md (diagnostics above, also in bench/work/pdf-diag-$n.txt)" >&2
		exit 1
	fi
	n_err=$(grep -c ': error: ' "$work/pdf-diag-$n.txt" || true)
	n_warn=$(grep -c ': warning: ' "$work/pdf-diag-$n.txt" || true)
	n_note=$(grep -c ': note: ' "$work/pdf-diag-$n.txt" || true)
	n_diag=$(grep -c . "$work/pdf-diag-$n.txt" || true)
	if [ "$n_diag" -gt 0 ]; then
		head -n 20 "$work/pdf-diag-$n.txt" >&2
		note "N=$n: salesgen printed $n_diag line(s): $n_err error(s), $n_warn warning(s), $n_note note(s); see bench/work/pdf-diag-$n.txt"
	fi
	echo "N=$n: salesgen x$runs" >&2
	r=$(cd "$pd" && $measure -r "$runs" -- "$sg" render -t pdf all.md -o out.pdf)
	sg_ms=$(result "$r" median_ms); sg_rss=$(result "$r" maxrss_kib)
	sg_min=$(result "$r" min_ms); sg_cpu=$(result "$r" cpu_ms)
	sg_pages=$(pages "$pd/out.pdf"); sg_kib=$(( $(wc -c <"$pd/out.pdf") / 1024 ))
	sg_words=$(pdfwords "$pd/out.pdf")

	# (b) pandoc's HTML of the same text, timed on its own (one run).
	echo "N=$n: pandoc -> all.html" >&2
	r=$(cd "$pd" && $measure -r 1 -- pandoc -f gfm -t html5 -s \
	    --metadata pagetitle="Benchmarkcursus ($n hoofdstukken)" all.md -o all.html 2>"$pd/pandoc.log")
	pd_ms=$(result "$r" median_ms)

	if [ "$n" = "$first_n" ]; then
		awk 'NR > 1 && /^# / { exit } { print }' "$pd/all.md" >"$probe/one.md"
		pandoc -f gfm -t html5 -s --metadata pagetitle=one "$probe/one.md" -o "$probe/one.html"
		if [ "$have_w" -eq 1 ]; then
			weasyprint "$probe/one.html" "$probe/one-w.pdf" 2>/dev/null || true
		fi
		if [ "$have_k" -eq 1 ]; then
			$k_env wkhtmltopdf -q "$probe/one.html" "$probe/one-k.pdf" >/dev/null 2>&1 || true
		fi
	fi

	w="- - - - - - - -"
	if [ "$have_w" -eq 1 ]; then
		echo "N=$n: weasyprint x$ref_runs" >&2
		rm -f "$pd/out-w.pdf"
		r=$(cd "$pd" && $measure -r "$ref_runs" -- weasyprint all.html out-w.pdf 2>"$pd/weasyprint.log") || {
			cat "$pd/weasyprint.log" >&2; echo "pdf.sh: weasyprint failed on N=$n" >&2; exit 1; }
		grep '^  run ' "$pd/weasyprint.log" >&2 || true
		w="$(result "$r" median_ms) $(result "$r" maxrss_kib) $(result "$r" min_ms) $(result "$r" cpu_ms) $(pages "$pd/out-w.pdf") $(( $(wc -c <"$pd/out-w.pdf") / 1024 )) $(pdfwords "$pd/out-w.pdf") $ref_runs"
	fi
	k="- - - - - - - -"
	if [ "$have_k" -eq 1 ]; then
		echo "N=$n: wkhtmltopdf x$ref_runs" >&2
		rm -f "$pd/out-k.pdf"
		# shellcheck disable=SC2086 # $k_env is a command prefix
		r=$(cd "$pd" && $measure -r "$ref_runs" -- $k_env wkhtmltopdf -q all.html out-k.pdf 2>"$pd/wkhtmltopdf.log") || {
			cat "$pd/wkhtmltopdf.log" >&2; echo "pdf.sh: wkhtmltopdf failed on N=$n" >&2; exit 1; }
		grep '^  run ' "$pd/wkhtmltopdf.log" >&2 || true
		k="$(result "$r" median_ms) $(result "$r" maxrss_kib) $(result "$r" min_ms) $(result "$r" cpu_ms) $(pages "$pd/out-k.pdf") $(( $(wc -c <"$pd/out-k.pdf") / 1024 )) $(pdfwords "$pd/out-k.pdf") $ref_runs"
	fi
	# fields: 1 n 2 words 3 in_bytes 4 pandoc_ms 5 n_warn 6 n_note
	#   7-14 salesgen, 15-22 weasyprint, 23-30 wkhtmltopdf, each as
	#   median_ms maxrss_kib min_ms cpu_ms pages pdf_kib pdf_words runs
	echo "$n $words $in_bytes $pd_ms $n_warn $n_note $sg_ms $sg_rss $sg_min $sg_cpu $sg_pages $sg_kib $sg_words $runs $w $k" >>"$rows"
done

awk -v ncpu="$(nproc)" '
function mib(k) { return sprintf("%.1f", k / 1024) }
function row(name, b) {
	if ($(b) == "-") {
		printf fmt, $1, name, "-", "n/a", "-", "-", "-", "-", "-", "-"
		return
	}
	printf fmt, $1, name, $(b + 7), sprintf("%.0f", $(b)), $(b + 4),
	    sprintf("%.2f", $(b) / $(b + 4)), sprintf("%.0f", $(b + 3)),
	    mib($(b + 1)), sprintf("%.1f", $(b + 5) / 1024),
	    sprintf("%.1f", $(b + 1) / ($3 / 1024))
}
function marg(name, t, m, p) {
	if (t[1] == "-" || p[rows] == p[1])
		return
	printf "  %-11s %.2f ms/page, %.0f KiB peak RSS/page\n", name,
	    (t[rows] - t[1]) / (p[rows] - p[1]), (m[rows] - m[1]) / (p[rows] - p[1])
}
function verdict(t, base, want,   i) {
	for (i = 1; i <= rows; i++) {
		if (t[i] == "-")
			return "n/a"
		if (t[i] / base[i] < want)
			return "NOT met"
	}
	return "met"
}
function x(a, b) { return (a == "-" || b == "-" || b == 0) ? "n/a" : sprintf("%.1fx", a / b) }
BEGIN {
	fmt = "%5s  %-11s %4s %9s %6s %8s %8s %9s %8s %8s\n"
	printf fmt, "N", "tool", "runs", "wall ms", "pages", "ms/page", "cpu ms",
	    "peak MiB", "PDF MiB", "RSS/in"
}
{
	row("salesgen", 7); row("weasyprint", 15); row("wkhtmltopdf", 23)
	k = NR; N[k] = $1; words[k] = $2; inb[k] = $3; pdms[k] = $4
	sg[k] = $7; sgmin[k] = $9; sgpp[k] = $7 / $11; sgrss[k] = $8; sgp[k] = $11; wp[k] = $19; kp[k] = $27
	sgcpu[k] = $10; wcpu[k] = $18; kcpu[k] = $26
	wt[k] = $15; wmin[k] = $17; wrss[k] = $16; wpp[k] = ($15 == "-") ? "-" : $15 / $19
	kt[k] = $23; kmin[k] = $25; krss[k] = $24; kpp[k] = ($23 == "-") ? "-" : $23 / $27
	wc[k] = sprintf("N=%s: words in the PDF text (pdftotext) vs %d in all.md: salesgen %s, weasyprint %s, wkhtmltopdf %s",
	    $1, $2, $13, $21, $29)
	pg[k] = sprintf("N=%s: input %.0f KiB (%d words); pandoc -> all.html %.0f ms (one run, not in the ratios); salesgen: %d warning(s), %d note(s)",
	    $1, $3 / 1024, $2, $4, $5, $6)
	rows = k
}
END {
	printf "\nwall ms = median; cpu ms = median user+sys (above wall: more than one of the %d cores used);\n", ncpu
	printf "peak MiB = largest peak RSS; RSS/in = peak RSS / size of all.md; runs: salesgen after a warm-up on all.md,\n"
	printf "the others after a warm-up on one chapter\n"
	for (i = 1; i <= rows; i++) print pg[i]
	for (i = 1; i <= rows; i++) print wc[i]
	printf "\nratios, same text (wall: median wall time of the whole document; fastest: fastest runs;\n"
	printf "cpu: median user+sys time; per page: ms/page, each tool over its own page count):\n"
	for (i = 1; i <= rows; i++) {
		printf "N=%s: weasyprint/salesgen  %7s wall %7s fastest %7s cpu %7s per page\n",
		    N[i], x(wt[i], sg[i]), x(wmin[i], sgmin[i]), x(wcpu[i], sgcpu[i]), x(wpp[i], sgpp[i])
		printf "%*s  wkhtmltopdf/salesgen %7s wall %7s fastest %7s cpu %7s per page\n", length(N[i]) + 2, "",
		    x(kt[i], sg[i]), x(kmin[i], sgmin[i]), x(kcpu[i], sgcpu[i]), x(kpp[i], sgpp[i])
	}
	if (rows > 1) {
		printf "\nmemory growth N=%s -> N=%s: input size %.2fx\n", N[1], N[rows], inb[rows] / inb[1]
		printf "  salesgen    peak RSS %s (%s -> %s MiB)\n", x(sgrss[rows], sgrss[1]), mib(sgrss[1]), mib(sgrss[rows])
		if (wrss[1] != "-")
			printf "  weasyprint  peak RSS %s (%s -> %s MiB)\n", x(wrss[rows], wrss[1]), mib(wrss[1]), mib(wrss[rows])
		if (krss[1] != "-")
			printf "  wkhtmltopdf peak RSS %s (%s -> %s MiB)\n", x(krss[rows], krss[1]), mib(krss[1]), mib(krss[rows])
		printf "\nmarginal cost N=%s -> N=%s (difference / extra pages of that tool):\n", N[1], N[rows]
		marg("salesgen", sg, sgrss, sgp)
		marg("weasyprint", wt, wrss, wp)
		marg("wkhtmltopdf", kt, krss, kp)
	}
	printf "\ntargets (every N, median wall time of the whole document; in brackets the same on cpu time,\n"
	printf "which other load on the machine disturbs less):\n"
	printf "  at least 50x faster than WeasyPrint:   %s (cpu: %s)\n", verdict(wt, sg, 50), verdict(wcpu, sgcpu, 50)
	printf "  at least 30x faster than wkhtmltopdf:  %s (cpu: %s)\n", verdict(kt, sg, 30), verdict(kcpu, sgcpu, 30)
	ok = 1; okc = 1; s = ""; sc = ""
	for (i = 1; i <= rows; i++) {
		if (sgpp[i] > 1.0) ok = 0
		if (sgcpu[i] / sgp[i] > 1.0) okc = 0
		s = s sprintf(" %.2f", sgpp[i]); sc = sc sprintf(" %.2f", sgcpu[i] / sgp[i])
	}
	printf "  about 1 ms/page (<= 1.00 on %d cores): %s (ms/page:%s) (cpu: %s, ms/page:%s)\n", ncpu,
	    ok ? "met" : "NOT met", s, okc ? "met" : "NOT met", sc
	if (rows > 1) {
		g = sgrss[rows] / sgrss[1]; d = inb[rows] / inb[1]
		printf "  peak RSS grows no faster than input:   %s (%.2fx vs %.2fx)\n", g <= d ? "met" : "NOT met", g, d
	}
}' "$rows" | tee -a "$out"
# Tagging's cost (issue 11): the same all.md as an untagged PDF
# (--pdf-standard none) against the default (tagged PDF/UA-1 and PDF/A-2a,
# its small objects packed into object streams, gen/pdf/pdf_pack.h), run
# in turns so that other load on the machine falls on both alike; the
# median wall and cpu time of each and the PDFs' sizes.  Targets: tagging
# costs at most 15 % more time and makes the file at most 20 % larger.
say ""
say "tagging: the default (a2a+ua) against --pdf-standard none, same all.md, x$runs each, in turns:"
for n in $sizes; do
	pd=$work/pdf-$n
	: >"$pd/tag-times"
	i=0
	while [ $i -lt "$runs" ]; do
		for std in none a2a+ua; do
			r=$(cd "$pd" && $measure -r 1 -- "$sg" render -q -t pdf --pdf-standard $std all.md -o "out-$std.pdf" 2>/dev/null)
			echo "$std $(result "$r" median_ms) $(result "$r" cpu_ms)" >>"$pd/tag-times"
		done
		i=$((i + 1))
	done
	awk -v n="$n" -v bn="$(wc -c <"$pd/out-none.pdf")" -v bt="$(wc -c <"$pd/out-a2a+ua.pdf")" '
	function med(a, k,   i, j, t) {
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
			if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
	}
	$1 == "none" { nw[++kn] = $2; nc[kn] = $3 }
	$1 != "none" { tw[++kt] = $2; tc[kt] = $3 }
	END {
		w0 = med(nw, kn); w1 = med(tw, kt); c0 = med(nc, kn); c1 = med(tc, kt)
		printf "N=%s: none %.0f ms wall, %.0f ms cpu, %d bytes; tagged %.0f ms wall, %.0f ms cpu, %d bytes\n",
		    n, w0, c0, bn, w1, c1, bt
		printf "%*s  tagging costs %+.1f %% wall, %+.1f %% cpu (target <= +15 %%: %s); size %+.1f %% (target <= +20 %%: %s)\n",
		    length(n), "", 100 * (w1 / w0 - 1), 100 * (c1 / c0 - 1),
		    c1 / c0 <= 1.15 ? "met" : "NOT met", 100 * (bt / bn - 1),
		    bt / bn <= 1.20 ? "met" : "NOT met"
	}' "$pd/tag-times" | tee -a "$out"
done
if [ -n "$notes" ]; then
	say ""
	say "notes:$notes"
fi
say ""
say "load:       $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (1/5/15 min, at the end, $(date -u '+%H:%M UTC'))"
rm -f "$rows"
mv "$out" "$work/pdf-results.txt"
echo "written: bench/work/pdf-results.txt" >&2
