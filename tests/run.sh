#!/bin/sh
# The whole test suite.  Every suite prints one line per test, "PASS name"
# or "FAIL name" (details indented below); this script runs them, shows the
# failures and ends with the line "N passed, N failed".
#
#   tests/run.sh SALESGEN BUILDDIR [ASANDIR]
#
# With ASANDIR, the unit tests and golden files run a second time on the
# AddressSanitizer+UBSan build.  VALGRIND="valgrind ..." prefixes every run.
bin=$1
build=$2
asan=$3
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
spec=/dev/null
for d in "$top/../shared/spec/mustache" "$top/tests/spec/mustache"; do
	[ -d "$d" ] && { spec=$d; break; }
done

units() {	# units BUILDDIR LABEL
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		case $t in
		*test_mustache_spec)
			if [ "$spec" = /dev/null ]; then
				echo "FAIL $2mustache-spec: spec files not found"
				continue
			fi
			$VALGRIND "$t" "$spec"/comments.json "$spec"/delimiters.json \
			    "$spec"/interpolation.json "$spec"/inverted.json \
			    "$spec"/partials.json "$spec"/sections.json > "$log.u" 2>&1 ;;
		*)	$VALGRIND "$t" > "$log.u" 2>&1 ;;
		esac
		st=$?
		sed "s/^\(PASS\|FAIL\) /\1 $2/" "$log.u"
		# A crash or a sanitizer report may print no FAIL line of its own.
		if [ $st != 0 ] && ! grep -q '^FAIL' "$log.u"; then
			echo "FAIL $2$(basename "$t"): exit status $st"
		fi
		rm -f "$log.u"
	done
}

suite() {	# suite NAME COMMAND...
	name=$1; shift
	out=$("$@" 2>&1)
	printf '%s\n' "$out" >> "$log"
	p=$(printf '%s\n' "$out" | grep -c '^PASS')
	f=$(printf '%s\n' "$out" | grep -c '^FAIL')
	printf '%-28s %5d passed, %d failed\n' "$name" "$p" "$f"
	if [ "$f" -gt 0 ] || ! printf '%s\n' "$out" | grep -q '^PASS'; then
		printf '%s\n' "$out" | grep -v '^PASS' | head -60
		if ! printf '%s\n' "$out" | grep -q '^\(PASS\|FAIL\)'; then
			echo "FAIL $name: suite printed no results" >> "$log"
			echo "FAIL $name: suite printed no results"
		fi
	fi
}

suite "unit + mustache spec" units "$build" ""
suite "golden files" sh "$top/tests/regress.sh" "$bin"
suite "site" sh "$top/tests/site.sh" "$bin"
suite "pdf" sh "$top/tests/pdf.sh" "$bin"
suite "tagged pdf (pdf/ua)" sh "$top/tests/pdfua.sh" "$bin"
suite "data schema" sh "$top/tests/schema.sh"
suite "pathological input" sh "$top/tests/patho.sh" "$bin"
suite "data documents" sh "$top/tests/data.sh" "$bin"
suite "hardening" sh "$top/tests/harden.sh" "$bin"
suite "-j 1 same as -j 2" sh "$top/tests/jobs.sh" "$bin"
suite "incremental = clean build" sh "$top/tests/incr.sh" "$bin"
suite "serve" sh "$top/tests/serve.sh" "$bin"
suite "html offer (axe)" sh "$top/tests/offer.sh" "$bin"
suite "self-tests (quiz)" sh "$top/tests/quiz.sh" "$bin"
suite "site search" env UNITS="$(cd "$build" && pwd)/tests" sh "$top/tests/search.sh" "$bin"
suite "accessibility (axe)" sh "$top/tests/a11y.sh" "$bin"
suite "other tools' courses" sh "$top/tests/courses.sh" "$bin"
suite "fuzz replay" sh "$top/tests/fuzz.sh" "$bin"
# No module calls back into one that calls it (nm over the objects).
suite "call loops" python3 "$top/tests/tools/calls.py" "$build"
if [ -n "$asan" ]; then
	suite "asan: unit + spec" units "$asan" "asan:"
	suite "asan: golden files" env PREFIX=asan: sh "$top/tests/regress.sh" "$asan/salesgen-asan"
	suite "asan: site" env PREFIX=asan: SKIP_VNU=1 sh "$top/tests/site.sh" "$asan/salesgen-asan"
	suite "asan: hardening" env PREFIX=asan: sh "$top/tests/harden.sh" "$asan/salesgen-asan"
	suite "asan: fuzz replay" env PREFIX=asan: sh "$top/tests/fuzz.sh" "$asan/salesgen-asan"
	suite "asan: serve" env PREFIX=asan: sh "$top/tests/serve.sh" "$asan/salesgen-asan"
fi
p=$(grep -c '^PASS' "$log")
f=$(grep -c '^FAIL' "$log")
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
