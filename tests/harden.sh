#!/bin/sh
# Hardening: what an attacker or a careless user does to a project, one
# case a file.  Each tests/harden/<case>.sh is run as
#
#	sh CASE.sh SALESGEN TOP TMPDIR
#
# in a fresh empty TMPDIR (its working directory), with SALESGEN an
# absolute path and TOP the source tree.  A case exits 0 when salesgen
# behaved; otherwise it prints why on its standard output and exits 1.
# Cases may use the helpers in tests/harden/lib.sh (`. "$TOP/tests/harden/lib.sh"`).
# Each case is stopped after HARDEN_TIMEOUT seconds (default 60): a hang
# is a failure.  One line per case, "PASS harden: case" or "FAIL harden:
# case" with its output indented below.
#
#   sh tests/harden.sh SALESGEN
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
pfx=${PREFIX:+$PREFIX }
hard=${HARDEN_TIMEOUT:-60}
lib_tmp harden

for c in "$top"/tests/harden/*.sh; do
	name=$(basename "$c" .sh)
	[ "$name" = lib ] && continue
	d=$tmp/$name
	mkdir -p "$d"
	out=$(cd "$d" && timeout -k 5 "$hard" sh "$c" "$bin" "$top" "$d" 2>&1)
	st=$?
	if [ $st = 0 ]; then
		echo "PASS ${pfx}harden: $name"
	else
		[ $st = 124 ] && out="$out
timed out after ${hard}s"
		echo "FAIL ${pfx}harden: $name (status $st)"
		printf '%s\n' "$out" | head -30 | sed 's/^/  /'
	fi
	chmod -R u+w "$d" 2>/dev/null
	rm -rf "$d"
done
