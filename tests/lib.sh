# tests/lib.sh — what the test runners share.  A runner sets top (the top
# of the tree) and sources it:
#
#	top=$(cd "$(dirname "$0")/.." && pwd)
#	. "$top/tests/lib.sh"
#
# Every runner prints one line per test, "PASS name" or "FAIL name" with
# its details indented by two spaces below, and exits 0: tests/run.sh
# counts the lines.  PREFIX (e.g. "asan:") is put before the names.
#
#   abs_bin PATH        PATH made absolute (runners change folders)
#   lib_tmp [NAME]      tmp: a new temporary folder, removed at exit (made
#                       writable first); why: the detail file in it
#   note TEXT...        one detail line for the test running now
#   note_file FILE [N]  the first N (20) lines of FILE as details
#   result NAME [WHY]   "PASS $result_prefix$NAME" when nothing was noted
#                       and WHY is empty, else FAIL and the details
#   verdict NAME [WHY]  for runners that gather the details in a string:
#                       "PASS NAME" when WHY is empty, else "FAIL NAME"
#                       and WHY's lines indented (empty ones dropped)
#   have TOOL...        notes the missing ones; 0 when all are there
#   limited CMD...      CMD under limit_s seconds and limit_kb KiB (a
#                       resident-size limit when limit_mem is empty, as a
#                       sanitizer build cannot run under ulimit -v)
#   copy_sample DIR     the sample project (content/, templates/) in DIR
#   build DIR [OPT...]  salesgen build, output in DIR.out/.err/.status
#   golden NAME EXPECTED GOT
#                       compares an expectation; 0 when it holds.  With
#                       regen=--regen, a difference is shown and offered
#                       for acceptance (see "Golden files" below).
#
# result_prefix defaults to $PREFIX; a runner whose names carry its own
# area sets it after sourcing (data.sh: "${PREFIX}data: ").
result_prefix=${PREFIX-}

abs_bin() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")" ;;
	esac
}

lib_tmp() {
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/${1:-salesgen-test}.XXXXXX") || exit 0
	trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 1' INT TERM
	why=$tmp/why
	: > "$why"
}

note() {
	printf '%s\n' "$*" >> "$why"
}

note_file() {
	[ -s "$1" ] && head -n "${2:-20}" "$1" >> "$why"
	return 0
}

result() {
	[ -n "${2-}" ] && note "$2"
	if [ -s "$why" ]; then
		echo "FAIL $result_prefix$1"
		sed 's/^/  /' "$why"
	else
		echo "PASS $result_prefix$1"
	fi
	: > "$why"
}

verdict() {
	if [ -z "${2-}" ]; then
		echo "PASS $1"
	else
		echo "FAIL $1"
		printf '%s\n' "$2" | sed '/^$/d; s/^/  /'
	fi
}

have() {
	h=0
	for t; do
		command -v "$t" > /dev/null 2>&1 || { note "$t is not installed"; h=1; }
	done
	return $h
}

limited() {
	if [ -n "$limit_mem" ]; then
		(ulimit -v "$limit_kb" && exec timeout "$limit_s" "$@")
	else
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$((limit_kb / 1024))" \
		    timeout "$limit_s" "$@"
	fi
}

copy_sample() {
	mkdir -p "$1" &&
	cp -R "$top/content" "$1/" &&
	{ [ ! -d "$top/templates" ] || cp -R "$top/templates" "$1/"; }
}

build() {
	d=$1; shift
	$VALGRIND "$bin" build "$@" "$d" > "$d.out" 2> "$d.err"
	echo $? > "$d.status"
}

# ------------------------------------------------------------ golden files
#
# An expectation that is absent stands for empty output.  When a runner is
# given --regen (make regen runs tests/regen.sh, which runs each of them
# so), every expectation that differs is shown as a unified diff and then:
#
#   REGEN=yes       accepted (scripted use);
#   on a terminal   "accept? [y/N/a(ll)/q]": y replaces it, a replaces it
#                   and every one after, q keeps it and every one after,
#                   anything else keeps it;
#   otherwise       kept: with no one to ask nothing is overwritten, and
#                   the run says so and ends with exit status 1.
#
# The answers "all" and "quit" hold across runners through the file
# REGEN_STATE (tests/regen.sh sets it), which also collects the counts.

golden() {	# golden NAME EXPECTED GOT
	if [ -f "$2" ] && cmp -s "$2" "$3"; then
		return 0
	fi
	if [ ! -f "$2" ] && [ ! -s "$3" ]; then
		return 0
	fi
	[ "${regen-}" = --regen ] || return 1
	_gs=${REGEN_STATE:-$tmp/regen.state}
	# on standard error: a runner's standard output holds its verdicts
	exec 3>&1 1>&2
	echo "--- ${2#"$top"/}: $1"
	if [ -f "$2" ]; then diff -u "$2" "$3"; else diff -u /dev/null "$3"; fi
	if [ "${REGEN-}" = yes ] || grep -qx all "$_gs" 2>/dev/null; then
		_ga=y
	elif grep -qx quit "$_gs" 2>/dev/null; then
		_ga=n
	elif [ -t 0 ] && { : < /dev/tty; } 2>/dev/null; then
		printf 'accept? [y/N/a(ll)/q] ' > /dev/tty
		read -r _ga < /dev/tty || _ga=q
		case $_ga in
		a|all) echo all >> "$_gs"; _ga=y ;;
		q|quit) echo quit >> "$_gs"; _ga=n ;;
		y|yes) _ga=y ;;
		*) _ga=n ;;
		esac
	else
		echo "not a terminal: ${2#"$top"/} is left as it is" \
		    "(REGEN=yes make regen accepts every difference)"
		echo refused >> "$_gs"
		_ga=n
	fi
	exec 1>&3 3>&-
	if [ "$_ga" = y ]; then
		if [ -s "$3" ]; then cp "$3" "$2"; else rm -f "$2"; fi
		echo accepted >> "$_gs"
		return 0
	fi
	echo kept >> "$_gs"
	return 1
}
