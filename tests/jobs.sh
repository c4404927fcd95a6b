#!/bin/sh
# -j 1 and -j 2 write the same bytes.  -j 1 runs everything on one thread
# (no pool workers, no paragraph-helper, compression, pattern-loading or
# row-freeing thread); -j 2 runs all of those.  Built both ways, with
# SOURCE_DATE_EPOCH set, every output file is compared with cmp:
#
#   sample      the bundled project (content/), site and PDFs
#   course-50   a 50-chapter course (bench/gen_course.py)
#   merge-pdf   a mailing of 50 rows (content/mailing/offerte.xml and
#   merge-html  bench/gen_rows.py), as PDFs and as HTML
#   render      one long document (past the helper's 8 KB of text and
#               the compressor's fourth page) rendered to PDF
#   site-many   a 150-chapter course, every fifth chapter in English, as
#               a site at -j 1 against -j 2 and -j 8: more pages than the
#               pool's window, finishing out of order, each adding its
#               words to the search index (numbered on the owning thread
#               in chapter order) while the index's and the site's own
#               thread write their files at once; big enough that the
#               index makes its terms' lines on two threads at -j 2 and
#               -j 8 (S_lines_all(), LINE_SHARE), joined in term order
#
#   sh tests/jobs.sh SALESGEN
#
# One line per comparison, "PASS jobs: NAME" or "FAIL jobs: NAME" with
# the reason indented below (tests/run.sh counts them); PREFIX is put
# before every name.  A suite of its own rather than a hardening case: the
# sanitizer builds take minutes over it (tests/tsan.sh runs it on the
# ThreadSanitizer build).
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
cd "$tmp" || exit 1

pass() { echo "PASS ${PREFIX}jobs: $1"; }
fail() { echo "FAIL ${PREFIX}jobs: $1"; shift; printf '  %s\n' "$@"; }

# same NAME MIN [J]: compare NAME-j1 with NAME-jJ (J: 2 unless given),
# file by file; MIN files at least.
same() {
	j2=${3:-2}
	# the incremental cache holds mtimes, not outputs
	(cd "$1-j1" 2>/dev/null && find . -type f ! -name .salesgen-cache | LC_ALL=C sort) > list1
	(cd "$1-j$j2" 2>/dev/null && find . -type f ! -name .salesgen-cache | LC_ALL=C sort) > list2
	if ! cmp -s list1 list2; then
		fail "$1" "-j 1 and -j $j2 wrote other files:" "$(diff list1 list2 | head -5)"
		return
	fi
	if [ "$(wc -l < list1)" -lt "$2" ]; then
		fail "$1" "only $(wc -l < list1) files, not $2 or more"
		return
	fi
	while IFS= read -r f; do
		if ! cmp -s "$1-j1/$f" "$1-j$j2/$f"; then
			fail "$1" "$f differs between -j 1 and -j $j2"
			return
		fi
	done < list1
	pass "$1${3:+ -j $3}"
}

# run NAME J CMD...: CMD (a salesgen command line); on failure, NAME-jJ
# is removed, so the comparison fails.
run() {
	name=$1 j=$2
	shift 2
	if ! "$@" > err 2>&1; then
		echo "  $name -j $j: exit status $?: $(head -3 err)" >> why
		rm -rf "$name-j$j"
	fi
}

mkdir sample
cp -R "$top/content" sample/content
python3 "$top/bench/gen_course.py" 50 course > /dev/null 2>&1
python3 "$top/bench/gen_rows.py" 50 rows.csv > /dev/null 2>&1
for k in 1 2 3; do cat course/content/000*.md; done > long.md
python3 "$top/bench/gen_course.py" 150 many > /dev/null 2>&1
k=0
for f in many/content/0*.md; do
	k=$((k + 1))
	[ $((k % 5)) -eq 0 ] || continue
	# front matter: lang: en, and English words after the Dutch ones
	sed -i '1a lang: en' "$f"
	printf '\nThe account manager plans every meeting with the buyer.\n' >> "$f"
done
: > why
for j in 1 2; do
	for p in sample course; do
		rm -rf "$p/out"
		run $p $j "$bin" build -q -j $j $p
		[ -d $p/out ] && mv $p/out $p-j$j
	done
	for t in pdf html; do
		run merge-$t $j "$bin" merge -q -j $j -t $t \
		    "$top/content/mailing/offerte.xml" rows.csv -o merge-$t-j$j
	done
	mkdir render-j$j
	run render $j "$bin" render -q -j $j long.md -o render-j$j/long.pdf
done
for j in 1 2 8; do
	rm -rf many/out
	run site-many $j "$bin" build -q -j $j --only site many
	[ -d many/out ] && mv many/out site-many-j$j
done
cat why
mv course-j1 course-50-j1 2>/dev/null
mv course-j2 course-50-j2 2>/dev/null
same sample 20
same course-50 100
same merge-pdf 50
same merge-html 50
same render 1
same site-many 300
same site-many 300 8
