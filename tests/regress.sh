#!/bin/sh
# Golden files: input beside expected output, diagnostics tested as output.
#
#   tests/regress/<area>/<case>.md|.xml  rendered with `salesgen render --fragment`
#                                      (areas may nest: data/nl, data/en)
#       <case>.html                    expected standard output
#       <case>.err                     expected diagnostics (absent: none)
#       <case>.args                    extra options (optional)
#   tests/regress/cli/<case>.cmd       a salesgen command line, run in that folder
#       <case>.out / .err / .status    expected stdout, stderr, exit status
#   tests/regress/project/<case>/      a small project, run with `salesgen check`
#       <case>.err                     beside the folder: expected diagnostics
#
# A case whose .err holds an "error:" line must exit 1, otherwise 0.
# With --regen (make regen), each difference is shown and offered for
# acceptance (tests/lib.sh, golden).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
regen=$2
lib_tmp regress

compare() {	# compare NAME EXPECTED-FILE GOT-FILE
	golden "$PREFIX$1" "$2" "$3" && return 0
	# with --regen, golden showed the difference already
	[ "$regen" = --regen ] && return 1
	echo "FAIL $PREFIX$1"
	diff -u "$2" "$3" 2>/dev/null | head -40 | sed 's/^/  /' ||
		sed 's/^/  got: /' "$3" | head -20
	return 1
}

want_status() {	# want_status ERRFILE -> 0 or 1
	if [ -f "$1" ] && grep -q ': error: ' "$1"; then echo 1; else echo 0; fi
}

check() {	# check NAME STATUS WANT [compare results...]
	name=$1; st=$2; want=$3; shift 3
	ok=0
	for r in "$@"; do [ "$r" = 0 ] || ok=1; done
	if [ "$st" != "$want" ]; then
		[ "$regen" = --regen ] || { echo "FAIL $PREFIX$name"; echo "  exit status $st, expected $want"; }
		return
	fi
	if [ $ok = 0 ]; then
		echo "PASS $PREFIX$name"
	elif [ "$regen" = --regen ]; then
		echo "FAIL $PREFIX$name"
		echo "  differs from its expectation, kept"
	fi
}

# Areas may nest (data/nl/, data/en/); cli/ and project/ run differently.
for dir in $(cd "$top/tests/regress" && find . -mindepth 1 -type d | sort); do
	area=${dir#./}
	case $area in cli|cli/*|project|project/*) continue;; esac
	dir=$top/tests/regress/$area/
	for in in "$dir"*.md "$dir"*.xml; do
		[ -f "$in" ] || continue
		file=$(basename "$in")
		case=${file%.*}
		args=
		[ -f "$dir$case.args" ] && args=$(cat "$dir$case.args")
		(cd "$dir" && $VALGRIND "$bin" render --fragment $args "$file" \
		    > "$tmp/out" 2> "$tmp/err")
		st=$?
		compare "$area/$case (html)" "$dir$case.html" "$tmp/out"; r1=$?
		compare "$area/$case (diagnostics)" "$dir$case.err" "$tmp/err"; r2=$?
		check "$area/$case" $st "$(want_status "$dir$case.err")" $r1 $r2
	done
done

dir=$top/tests/regress/cli/
for cmd in "$dir"*.cmd; do
	[ -f "$cmd" ] || continue
	case=$(basename "$cmd" .cmd)
	(cd "$dir" && eval "$VALGRIND \"$bin\" $(cat "$cmd")" > "$tmp/out" 2> "$tmp/err" < /dev/null)
	st=$?
	want=0
	[ -f "$dir$case.status" ] && want=$(cat "$dir$case.status")
	r1=0
	[ -f "$dir$case.out" ] && { compare "cli/$case (stdout)" "$dir$case.out" "$tmp/out"; r1=$?; }
	compare "cli/$case (stderr)" "$dir$case.err" "$tmp/err"; r2=$?
	check "cli/$case" $st "$want" $r1 $r2
done

dir=$top/tests/regress/project/
for p in "$dir"*/; do
	[ -d "$p" ] || continue
	case=$(basename "$p")
	(cd "$dir" && $VALGRIND "$bin" check "$case" > "$tmp/out" 2> "$tmp/err")
	st=$?
	compare "project/$case (diagnostics)" "$dir$case.err" "$tmp/err"; r2=$?
	check "project/$case" $st "$(want_status "$dir$case.err")" $r2
done
exit 0
