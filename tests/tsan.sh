#!/bin/sh
# ThreadSanitizer: the suites that run salesgen's threads, on a
# -fsanitize=thread build (`make tsan` builds it and runs this).
#
#   sh tests/tsan.sh SALESGEN-TSAN [JOBS]
#
# The unit tests of the pool and of the mailing's shared font cache
# (tests/unit/test_pool.c, test_fcache.c, built beside the binary) run
# first.  Every run of salesgen in the golden files, the PDF checks,
# the hardening cases and tests/jobs.sh (-j 1 and -j 2 the same) goes
# through a wrapper that puts -j JOBS (default 4) after the command word,
# so the pool, the paragraph helper, the compressor, the pattern loading
# and the row freeing all run whatever the machine's core count.  A report of
# ThreadSanitizer (a race, a lock-order inversion, a thread leak) goes to
# a log file of its own; each is a FAIL line, and the last line is
# "N passed, N failed" as in tests/run.sh.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
jobs=${2:-4}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

mkdir "$tmp/bin" "$tmp/log"
cat > "$tmp/bin/salesgen" <<WRAP
#!/bin/sh
case \$1 in
""|-*) exec "$bin" "\$@" ;;
esac
cmd=\$1
shift
exec "$bin" "\$cmd" -j $jobs "\$@"
WRAP
chmod +x "$tmp/bin/salesgen"
# report races and go on: the suites' own verdicts stay meaningful, and
# every report is counted below
TSAN_OPTIONS="log_path=$tmp/log/tsan second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
export TSAN_OPTIONS
# the cases' time limit: the sanitizer runs five to fifteen times slower
HARDEN_TIMEOUT=${HARDEN_TIMEOUT:-600}
export HARDEN_TIMEOUT

out=$tmp/out
: > "$out"
# the pool's and the font cache's own tests, when built beside the binary
for unit in test_pool test_fcache; do
	unit=$(dirname "$bin")/tests/$unit
	if [ -x "$unit" ]; then
		"$unit" 2>&1 | sed 's/^\(PASS\|FAIL\) /\1 tsan:/' >> "$out"
	fi
done
PREFIX=tsan: sh "$top/tests/regress.sh" "$tmp/bin/salesgen" >> "$out" 2>&1
PREFIX=tsan: sh "$top/tests/pdf.sh" "$tmp/bin/salesgen" >> "$out" 2>&1
PREFIX=tsan: sh "$top/tests/harden.sh" "$tmp/bin/salesgen" >> "$out" 2>&1
# the wrapper's -j comes first: the suite's own -j 1 and -j 2 win
PREFIX=tsan: sh "$top/tests/jobs.sh" "$tmp/bin/salesgen" >> "$out" 2>&1
grep '^FAIL' "$out" -A30 | grep -v '^PASS'
for f in "$tmp"/log/tsan.*; do
	[ -f "$f" ] || continue
	echo "FAIL tsan: report in run $(basename "$f" | sed 's/^tsan\.//')"
	head -40 "$f" | sed 's/^/  /'
done > "$tmp/reports"
cat "$tmp/reports"
p=$(grep -c '^PASS' "$out")
f=$(( $(grep -c '^FAIL' "$out") + $(grep -c '^FAIL' "$tmp/reports") ))
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
