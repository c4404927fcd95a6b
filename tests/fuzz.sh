#!/bin/sh
# Replays every input the fuzzers found, through salesgen itself, the way
# its target took it: each file in tests/fuzz/crashes/ and
# tests/fuzz/regress/ (and their subfolders).  tests/fuzz/pending/ (found,
# cause not fixed yet) is not replayed.
#
# What a file is comes from its subfolder, named after its target, or else
# from its extension:
#
#   pdf/, md/, *.md          render NAME.md to PDF and to HTML; in pdf/ the
#                            bytes after the first NUL are the image,
#                            written as a.png and a.jpg beside it
#   data_pdf/, xml_data/,    render NAME.xml to PDF and to HTML; in
#   *.xml                    data_pdf/ the bytes after the first NUL are the
#                            image (a.png, a.jpg), in xml_data/ the CSV part.
#                            A CSV part (NAME.csv beside NAME.xml) is added
#                            as fuzz_xml_data adds it: bron="NAME.csv" on
#                            the root of a klanten or nps document
#   csv/, *.csv (alone)      the rows of a mailing: merge into a new offerte
#   tmpl/                    the nl offerte template of a project: render
#                            an offerte with it
#   config/                  salesgen.xml of a one-chapter project: check,
#                            then build
#   pack/                    not here: a PDF for pdf_pack alone, which no
#                            command takes; tests/unit/test_pack.c replays
#                            these (under ASan too, in make check)
#
# Every run must end with status 0 or 1 (no signal, no usage error), print
# no sanitizer report, finish within FUZZ_TIMEOUT seconds (default 60),
# write a complete output on 0 and none on 1.  With NAME.err beside the
# file, the PDF run's diagnostics must be those, columns aside (the cases
# are about what is reported and on which line; test_datadoc reads the
# same files).  One line per file, "PASS fuzz: crashes/x.md" or "FAIL ...".
#
#   sh tests/fuzz.sh SALESGEN [--regen]
#
# With --regen (make regen), a NAME.err that differs is shown and offered
# for acceptance (tests/lib.sh, golden), written without its columns.
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
regen=$2
pfx=${PREFIX:+$PREFIX }
lim=${FUZZ_TIMEOUT:-60}
lib_tmp fuzz

why=

# split IN HEAD TAIL: HEAD gets IN up to its first NUL, TAIL what follows
# it; without a NUL, HEAD is all of IN and TAIL is not written.
split() {
	off=$(LC_ALL=C grep -obUaP '\x00' "$1" | head -n 1 | cut -d: -f1)
	if [ -z "$off" ]; then
		cat "$1" > "$2"
	else
		head -c "$off" "$1" > "$2"
		tail -c +"$((off + 2))" "$1" > "$3"
	fi
}

# sg OUT ARGS...: runs salesgen in the current folder; its standard error
# goes to OUT.err.  OUT is the file or folder it must write on success
# (- for none).  Adds to $why what went wrong.
sg() {
	o=$1; shift
	timeout -k 5 "$lim" "$bin" "$@" > sg.stdout 2> "$o.err"
	st=$?
	last_err=$o.err
	if [ $st = 124 ] || [ $st = 137 ]; then
		why="$why
salesgen $*: no end after ${lim}s"
	elif [ $st -gt 128 ]; then
		why="$why
salesgen $*: killed by signal $((st - 128))"
	elif [ $st != 0 ] && [ $st != 1 ]; then
		why="$why
salesgen $*: exit status $st"
	fi
	if grep -q 'Sanitizer\|runtime error:' "$o.err"; then
		why="$why
salesgen $*: sanitizer report:
$(grep -m 5 'Sanitizer\|runtime error:\|#[0-9] ' "$o.err")"
	fi
	[ "$o" = - ] && return
	if [ $st = 1 ] && [ -e "$o" ]; then
		why="$why
salesgen $*: exit status 1 but $o was written"
	elif [ $st = 0 ] && [ ! -s "$o" ]; then
		why="$why
salesgen $*: exit status 0 but no $o"
	elif [ $st = 0 ] && [ "${o%.pdf}" != "$o" ] &&
	    [ "$(head -c 5 "$o")" != "%PDF-" ]; then
		why="$why
salesgen $*: $o is not a PDF"
	fi
}

# nocol FILE: the diagnostics with "file:line:col:" made "file:line:".
nocol() {
	sed 's/^\([^: ]*:[0-9][0-9]*\):[0-9][0-9]*:/\1:/' "$1"
}

# Data document NAME.xml in the current folder, its CSV part (if any) as
# NAME.csv.
data() {
	n=$1
	if [ -f "$n.csv" ]; then
		sed "1,/<\(klanten\|nps\)[ >]/s/<\(klanten\|nps\)\([ >/]\)/<\1 bron=\"$n.csv\"\2/" \
		    "$n.xml" > "$n.xml.tmp" && mv "$n.xml.tmp" "$n.xml"
	fi
	sg out.pdf render "$n.xml" -o out.pdf
	pdf_err=$last_err
	sg out.html render "$n.xml" -o out.html
}

replay() {	# replay FILE KIND
	f=$1
	base=$(basename "$f")
	stem=${base%.*}
	why=
	pdf_err=
	case $2 in
	pdf|md)
		if [ "$2" = pdf ]; then
			split "$f" "$stem.md" a.png
			[ -f a.png ] || : > a.png
			cp a.png a.jpg
		else
			cp "$f" "$stem.md"
		fi
		sg out.pdf render "$stem.md" -o out.pdf
		pdf_err=$last_err
		sg out.html render "$stem.md" -o out.html ;;
	data_pdf|xml_data|xml)
		case $2 in
		data_pdf)
			split "$f" "$stem.xml" a.png
			[ -f a.png ] || : > a.png
			cp a.png a.jpg ;;
		xml_data)
			split "$f" "$stem.xml" "$stem.csv" ;;
		*)
			cp "$f" "$stem.xml"
			[ -f "${f%.*}.csv" ] && cp "${f%.*}.csv" "$stem.csv" ;;
		esac
		data "$stem" ;;
	csv)
		cp "$f" rows.csv
		sg - new offerte mailing
		sg merged merge mailing.xml rows.csv -o merged ;;
	tmpl)
		mkdir -p templates/nl
		cp "$f" templates/nl/offerte.md
		cp "$top/tests/regress/data/nl/offerte.xml" offerte.xml
		sg out.pdf render offerte.xml -o out.pdf
		pdf_err=$last_err ;;
	config)
		mkdir -p p/content
		cp "$f" p/salesgen.xml
		printf '# Een\n\nTekst.\n' > p/content/01-een.md
		sg - check p
		sg - build p ;;
	esac
	if [ -f "${f%.*}.err" ]; then
		if [ -z "$pdf_err" ]; then
			why="$why
${f%.*}.err: nothing to compare it with"
		elif ! nocol "${f%.*}.err" > want.err ||
		    ! nocol "$pdf_err" > got.err || ! cmp -s want.err got.err; then
			[ "$regen" = --regen ] &&
			    golden "fuzz: $base (diagnostics)" "${f%.*}.err" got.err &&
			    return
			why="$why
diagnostics differ from ${f%.*}.err (columns aside):
$(diff want.err got.err | head -10)"
		fi
	fi
}

n=0
for f in $(cd "$top/tests/fuzz" && find crashes regress -type f 2>/dev/null |
    LC_ALL=C sort); do
	case $f in
	*.err) continue ;;
	*.csv) [ -f "$top/tests/fuzz/${f%.csv}.xml" ] && continue ;;
	esac
	kind=$(basename "$(dirname "$f")")
	case $kind in
	pack) continue ;;	# test_pack.c replays these
	pdf|md|data_pdf|xml_data|csv|tmpl|config) ;;
	*)	case $f in
		*.md|*.markdown) kind=md ;;
		*.xml) kind=xml ;;
		*.csv|*.tsv|*.txt) kind=csv ;;
		*)	echo "FAIL ${pfx}fuzz: $f"
			echo "  no rule says how to replay it (see tests/fuzz.sh)"
			continue ;;
		esac ;;
	esac
	d=$tmp/case
	rm -rf "$d"
	mkdir -p "$d"
	(cd "$d" || exit 1
	replay "$top/tests/fuzz/$f" "$kind"
	[ -z "$why" ] || printf '%s\n' "$why" > why)
	if [ -s "$d/why" ]; then
		echo "FAIL ${pfx}fuzz: $f"
		sed '/^$/d; s/^/  /' "$d/why" | head -30
	else
		echo "PASS ${pfx}fuzz: $f"
	fi
	n=$((n + 1))
done
[ $n -gt 0 ] || echo "FAIL ${pfx}fuzz: no files in tests/fuzz/crashes or tests/fuzz/regress"
rm -rf "$tmp"
