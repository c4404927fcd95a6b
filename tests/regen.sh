#!/bin/sh
# make regen: every kind of expected output the suites compare against,
# run again; each difference shown as a unified diff and offered for
# acceptance (tests/lib.sh, golden):
#
#   tests/regress/**        HTML and diagnostics of the golden cases, the
#                           cli cases' output, the projects' diagnostics
#                           (tests/regress.sh)
#   tests/regress/pdf/*.layout
#                           the PDF layout dumps (tests/pdf.sh)
#   tests/regress/chart/*.svg
#                           the chart SVGs (build/tests/test_chart)
#   tests/projects/*/expect the index order of other tools' courses
#                           (tests/courses.sh)
#   tests/fuzz/**/*.err     the diagnostics of replayed fuzz inputs
#                           (tests/fuzz.sh)
#
#   sh tests/regen.sh SALESGEN BUILDDIR
#
# On a terminal each difference is asked about ("accept? [y/N/a(ll)/q]");
# REGEN=yes accepts them all; with no terminal (CI) nothing is overwritten,
# the differences are shown and the exit status is 1.  The suites' other
# failures (an exit status that is not the expected one) are listed after.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
build=${2:-build}
regen=--regen
lib_tmp regen
REGEN_STATE=$tmp/state
export REGEN_STATE
: > "$REGEN_STATE"
if [ "${REGEN-}" != yes ] && ! [ -t 0 ]; then
	echo "regen: standard input is not a terminal: differences are shown," \
	    "nothing is overwritten (REGEN=yes accepts them all)" >&2
fi

run() {	# run LABEL COMMAND...: the command's verdicts kept, its FAILs shown
	label=$1
	shift
	"$@" > "$tmp/out"
	grep -A 30 '^FAIL' "$tmp/out" | grep -v '^PASS' > "$tmp/fail"
	if [ -s "$tmp/fail" ]; then
		echo "regen: $label: failures left (not about a golden file, or kept):"
		sed 's/^/  /' "$tmp/fail" | head -40
	fi
}

run "golden files" sh "$top/tests/regress.sh" "$bin" --regen
run "pdf layout dumps" sh "$top/tests/pdf.sh" "$bin" --regen

# test_chart writes its SVGs into a folder of their own; golden compares.
if [ -x "$build/tests/test_chart" ]; then
	mkdir -p "$tmp/chart"
	"$build/tests/test_chart" --regen "$tmp/chart" > /dev/null
	for s in "$tmp"/chart/*.svg; do
		[ -f "$s" ] || continue
		n=$(basename "$s")
		golden "chart: golden $n" "$top/tests/regress/chart/$n" "$s"
	done
else
	echo "regen: $build/tests/test_chart not built (make units): chart SVGs not checked" >&2
	echo refused >> "$REGEN_STATE"
fi

run "other tools' courses" sh "$top/tests/courses.sh" "$bin" --regen
run "fuzz replay" sh "$top/tests/fuzz.sh" "$bin" --regen

acc=$(grep -cx accepted "$REGEN_STATE")
kept=$(grep -cx kept "$REGEN_STATE")
echo "regen: $acc accepted, $kept kept"
if grep -qx refused "$REGEN_STATE"; then
	echo "regen: not a terminal: nothing was overwritten; look at the" \
	    "differences above, then run REGEN=yes make regen" >&2
	exit 1
fi
exit 0
