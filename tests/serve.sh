#!/bin/sh
# salesgen serve: the preview server, tried over HTTP with curl.  Each
# check starts `salesgen serve --port 0` (a free port, read from the line
# "serving ... at http://127.0.0.1:PORT/") in a copy of a small project:
#
#   bind-loopback      without --bind it listens on 127.0.0.1 only
#   script-injected    a page as served has the reload script; the file
#                      in out/site does not
#   types              Content-Type per extension, Cache-Control: no-store,
#                      the PDFs under /pdf/
#   traversal-*        "..", "%2e%2e", "..%2f", a NUL, a symbolic link in
#                      out/site to / : 403 or 404, never the file
#   edit-reloads       an edit sends "event: reload" on /__salesgen/events
#                      and the page then has the new text
#   error-overlay      a build error is shown over the page (file:line:col,
#                      escaped), the last good page stays in out/site
#   sigterm / sigint   stop the server with exit status 0
#   port-in-use        exit 1 and the catalogue's message
#   options            --port out of range, --bind elsewhere: exit 2
#   kept-scan-*        edits to the sample: the first pass (incr_first.c)
#                      goes on from its kept scan after a body edit and
#                      scans anew after an outline edit (SALESGEN_INCR_TRACE);
#                      the page it writes first is the one the whole build
#                      makes (-v: the build does not write it again), and
#                      out/site ends as a clean build's
#
#   sh tests/serve.sh SALESGEN
#
# Waits are generous (seconds): this checks behaviour, not speed
# (bench/serve.sh measures that).
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
cd "$tmp" || exit 1

pass() { echo "PASS ${PREFIX}serve: $1"; }
fail() { echo "FAIL ${PREFIX}serve: $1"; shift; printf '  %s\n' "$@"; }

if ! command -v curl >/dev/null 2>&1; then
	fail setup "curl is not installed (.ci/deps test)"
	exit 0
fi

CANARY=c4nary-0f-the-outside
# project DIR: two chapters, and a file beside content/ that must never
# be served
project() {
	mkdir -p "$1/content"
	printf '# Eerste\n\nTekst van het eerste hoofdstuk.\n' > "$1/content/01-eerste.md"
	printf '# Tweede\n\nTekst van het tweede hoofdstuk.\n' > "$1/content/02-tweede.md"
	printf '%s\n' "$CANARY" > "$1/secret.txt"
}

# start DIR [OPTIONS]: serve DIR in the background; sets PID and PORT
# (empty when it did not come up within 60 s)
start() {
	d=$1; shift
	# the last run's log names its port: it must not be read for this one
	rm -f "$d.log"
	(cd "$d" && exec "$bin" serve --port 0 "$@" > ../"$d".log 2>&1) &
	PID=$!
	pids="$pids $PID"
	PORT=
	i=0
	while [ $i -lt 600 ]; do
		PORT=$(sed -n 's|.*serving .* at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$d.log" 2>/dev/null)
		[ -n "$PORT" ] && return 0
		kill -0 "$PID" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# stop SIGNAL: signal the server; ST is its exit status ("hung" when it
# has not ended after 10 s).  Not run in $(...): only this shell can wait
# for it, and a child not waited for stays visible to kill -0.
stop() {
	kill -"$1" "$PID"
	( sleep 10; kill -9 "$PID" 2>/dev/null && echo hung > hung.out ) &
	w=$!
	rm -f hung.out
	wait "$PID"
	ST=$?
	kill "$w" 2>/dev/null
	[ -e hung.out ] && ST=hung
}

# get PATH: the status, then the body into body.out
get() {
	curl -s --path-as-is -o body.out -D head.out -w '%{http_code}' \
	    "http://127.0.0.1:$PORT$1"
}

project p
if ! start p; then
	fail start "serve did not come up:" "$(cat p.log)"
	exit 0
fi

# bind-loopback: /proc/net/tcp lists the listening socket (state 0A) by
# address and port in hex; 0100007F is 127.0.0.1
hexport=$(printf '%04X' "$PORT")
if grep -q " 0100007F:$hexport 00000000:0000 0A" /proc/net/tcp; then
	pass bind-loopback
else
	fail bind-loopback "no listening socket 127.0.0.1:$PORT in /proc/net/tcp:" \
	    "$(grep ":$hexport " /proc/net/tcp /proc/net/tcp6)"
fi

# script-injected
st=$(get /01-eerste.html)
if [ "$st" = 200 ] && grep -q '<script src="/__salesgen/live.js" data-gen="1"></script>' body.out &&
    grep -q 'Tekst van het eerste' body.out &&
    ! grep -q '__salesgen' p/out/site/01-eerste.html; then
	pass script-injected
else
	fail script-injected "status $st; served:" "$(tail -3 body.out)" \
	    "in out/site: $(grep -c __salesgen p/out/site/01-eerste.html)"
fi

# types
ok=1
why=
for c in "/ 200 text/html; charset=utf-8" "/style.css 200 text/css; charset=utf-8" \
    "/pdf/01-eerste.pdf 200 application/pdf" "/nothing.png 404 text/plain; charset=utf-8" \
    "/nothing.html 404 text/html; charset=utf-8" \
    "/__salesgen/live.js 200 text/javascript; charset=utf-8"; do
	set -- $c
	u=$1 want=$2; shift 2
	st=$(get "$u")
	ct=$(sed -n 's/^Content-Type: \(.*\)\r$/\1/ip' head.out)
	cc=$(sed -n 's/^Cache-Control: \(.*\)\r$/\1/ip' head.out)
	if [ "$st" != "$want" ] || [ "$ct" != "$*" ] || [ "$cc" != no-store ]; then
		ok=0
		why="$why $u: $st '$ct' '$cc';"
	fi
done
[ $ok = 1 ] && pass types || fail types "$why"

# missing-page: a page not built (yet) answers 404 with the reload
# script, so it shows up by itself once a build makes it
st=$(get /03-derde.html)
if [ "$st" = 404 ] && grep -q '<script src="/__salesgen/live.js" data-gen="1"></script>' body.out; then
	pass missing-page
else
	fail missing-page "status $st:" "$(cat body.out)"
fi

# traversal: the file beside content/, by every spelling, and a link
# in out/site that leads out of it
ln -s / p/out/site/root
for u in /../secret.txt /%2e%2e/secret.txt /..%2fsecret.txt /%2E%2E%2Fsecret.txt \
    /pdf/../../secret.txt /pdf/%2e%2e/%2e%2e/secret.txt '/.%2e/secret.txt' \
    /root/etc/passwd /root/ "/01-eerste.html%00.png" /%5c..%5csecret.txt; do
	st=$(get "$u")
	name=traversal-$(printf '%s' "$u" | tr -c 'A-Za-z0-9.\n' _)
	if { [ "$st" = 403 ] || [ "$st" = 404 ]; } &&
	    ! grep -q "$CANARY" body.out && ! grep -q 'root:' body.out; then
		pass "$name"
	else
		fail "$name" "GET $u gave $st:" "$(head -c 200 body.out)"
	fi
done
rm p/out/site/root

# edit-reloads: a stream opened on build 1; the edit must end in a reload
curl -sN --max-time 20 "http://127.0.0.1:$PORT/__salesgen/events?since=1" > events.out 2>/dev/null &
cpid=$!
pids="$pids $cpid"
sleep 0.5
printf '# Eerste\n\nNieuwe tekst na de wijziging.\n' > p/content/01-eerste.md.tmp
mv p/content/01-eerste.md.tmp p/content/01-eerste.md	# as vim saves
i=0
while ! grep -q '^event: reload' events.out && [ $i -lt 150 ]; do
	sleep 0.1
	i=$((i + 1))
done
kill "$cpid" 2>/dev/null
st=$(get /01-eerste.html)
if grep -q '^event: reload' events.out && grep -q 'Nieuwe tekst na de wijziging' body.out; then
	pass edit-reloads
else
	fail edit-reloads "events: $(tr '\n' '|' < events.out)" "page: $(grep -c Nieuwe body.out)" \
	    "$(tail -5 p.log)"
fi

# edit-page-first: the edited chapter's page was written, and the pages
# told to reload, before the rest of the build (incr_first.c); the build
# goes on after that reload, so the next edit waits for its end
i=0
while ! grep -q 'rebuilt in' p.log && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
if grep -q '^salesgen: 1 page first, in [0-9]* ms$' p.log; then
	pass edit-page-first
else
	fail edit-page-first "$(tail -4 p.log)"
fi
get /01-eerste.html > /dev/null

# error-overlay: an unknown callout kind; the diagnostic with its place
# and escaped quotes is on the page, the page is the last good one
gen0=$(sed -n 's/.*data-gen="\([0-9]*\)".*/\1/p' body.out)
printf '# Eerste\n\n> [!defintie] Term\n> tekst\n\nKapotte versie.\n' > p/content/01-eerste.md
i=0
while [ $i -lt 150 ]; do
	get /01-eerste.html > /dev/null
	g=$(sed -n 's/.*data-gen="\([0-9]*\)".*/\1/p' body.out)
	[ -n "$g" ] && [ "$g" -gt "$gen0" ] && break
	sleep 0.1
	i=$((i + 1))
done
want="content/01-eerste.md:3:3: error: unknown callout kind &#39;defintie&#39; (expected definitie, voorbeeld, opdracht, antwoord, tip, let-op or vraag)"
if grep -qF "$want" body.out && grep -q 'id="salesgen-errors"' body.out &&
    grep -q 'Nieuwe tekst na de wijziging' body.out &&
    ! grep -q Kapotte p/out/site/01-eerste.html &&
    grep -q "content/01-eerste.md:3:3: error: unknown callout kind 'defintie'" p.log; then
	pass error-overlay
else
	fail error-overlay "page:" "$(grep -A2 salesgen-errors body.out | head -4)" "log:" "$(tail -3 p.log)"
fi

# the overlay goes when the error is fixed
printf '# Eerste\n\nHersteld.\n' > p/content/01-eerste.md
i=0
while [ $i -lt 150 ]; do
	get /01-eerste.html > /dev/null
	grep -q Hersteld body.out && ! grep -q salesgen-errors body.out && break
	sleep 0.1
	i=$((i + 1))
done
if grep -q Hersteld body.out && ! grep -q salesgen-errors body.out; then
	pass overlay-cleared
else
	fail overlay-cleared "$(grep -c salesgen-errors body.out) overlays; $(tail -2 p.log)"
fi

# port-in-use: a second server on the first one's port
(cd p && exec "$bin" serve --port "$PORT" > ../busy.log 2>&1)
st=$?
if [ $st = 1 ] && grep -q "^salesgen: error: cannot serve on 127.0.0.1 port $PORT: " busy.log; then
	pass port-in-use
else
	fail port-in-use "exit $st:" "$(cat busy.log)"
fi

stop TERM
st=$ST
if [ "$st" = 0 ] && grep -q '^salesgen: stopped serving$' p.log; then
	pass sigterm
else
	fail sigterm "exit status $st" "$(tail -2 p.log)"
fi

if start p; then
	stop INT
	st=$ST
	[ "$st" = 0 ] && pass sigint || fail sigint "exit status $st"
else
	fail sigint "did not start again: $(tail -2 p.log)"
fi

# kept-scan: the sample, served without PDFs; each edit waits for the
# build it causes ("rebuilt in" once more in the log)
mkdir k
cp -R "$top/content" k/
SALESGEN_INCR_TRACE=$tmp/ktrace
export SALESGEN_INCR_TRACE
if start k -v --only site; then
	i=0
	while ! grep -q 'built in' k.log && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	# kedit NAME FILE HOW: FILE was changed; the first pass went HOW
	# ("kept-scan 1", "scan 0"); with a page written first, the build
	# after it did not write that page again
	kedit() {
		n=$(grep -c 'rebuilt in' k.log)
		i=0
		while [ "$(grep -c 'rebuilt in' k.log)" -le "$n" ] && [ $i -lt 600 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		got=$(grep '^first ' ktrace | tail -1)
		page="out/site/$(basename "$2" .md).html"
		# the log of this edit's build: after the last "page first"
		again=$(awk '/ first, in /{s=""} {s=s $0 "\n"} END{printf "%s", s}' k.log |
		    grep -c "wrote '$page'")
		if [ "$got" = "first $3" ] &&
		    { [ "$3" = "scan 0" ] || [ "$again" = 0 ]; }; then
			pass "kept-scan-$1"
		else
			fail "kept-scan-$1" "first pass: '$got', expected 'first $3'" \
			    "the build wrote $page again: $again" "$(tail -3 k.log)"
		fi
	}
	printf '\nEen nieuwe alinea.\n' >> k/content/02-targets-en-marktanalyse.md
	kedit body content/02-targets-en-marktanalyse.md "kept-scan 1"
	printf '\nNog een alinea.\n' >> k/content/04-leadgeneratie.md
	kedit body-again content/04-leadgeneratie.md "kept-scan 1"
	# 01 and 02 link to this heading: the outline changes
	sed -i "s/^## Wat is een waardepropositie.*/## Wat is een waardepropositie nu?/" \
	    k/content/03-waardepropositie.md
	kedit heading content/03-waardepropositie.md "scan 0"
	printf '\nEen alinea na de kop.\n' >> k/content/03-waardepropositie.md
	kedit body-after-heading content/03-waardepropositie.md "kept-scan 1"
	printf '\n> [!definitie] Testterm\n> De betekenis.\n' >> k/content/05-funnel-en-verkoopplan.md
	kedit term content/05-funnel-en-verkoopplan.md "scan 0"
	printf '\nEen slotalinea.\n' >> k/content/05-funnel-en-verkoopplan.md
	kedit body-after-term content/05-funnel-en-verkoopplan.md "kept-scan 1"
	stop TERM
	mkdir -p kc/k
	cp -R k/content kc/k/
	(cd kc/k && "$bin" build -q --only site > ../../kc.log 2>&1)
	if diff -r k/out/site kc/k/out/site > kdiff.out 2>&1; then
		pass kept-scan-equals-clean
	else
		fail kept-scan-equals-clean "$(head -5 kdiff.out)"
	fi
else
	fail kept-scan "serve did not come up:" "$(cat k.log)"
fi
unset SALESGEN_INCR_TRACE

# options
"$bin" serve --port 70000 > opt.out 2>&1
a=$?
"$bin" build p --port 8000 > opt2.out 2>&1
b=$?
"$bin" serve p --bind nowhere --port 0 > opt3.out 2>&1
c=$?
if [ $a = 2 ] && [ $b = 2 ] && [ $c = 2 ] &&
    grep -q "^salesgen: error: --port takes a number from 0 (any free port) to 65535, not '70000'" opt.out &&
    grep -q "^salesgen: error: --port, --bind and --open are options of serve only" opt2.out &&
    grep -q "^salesgen: error: --bind takes an IPv4 or IPv6 address" opt3.out; then
	pass options
else
	fail options "$a $b $c" "$(cat opt.out opt2.out opt3.out)"
fi
exit 0
