#!/bin/sh
# Incremental builds: a fixed-seed random sequence of edits to a copy of
# the sample project, each built into the copy's own out/ (incrementally,
# with the cache of the build before) and compared byte for byte with a
# clean build of the same input (diff -r, the cache file aside): the
# same files, the same bytes, the same exit status and diagnostics.  A
# step that breaks a chapter must fail as the clean build does and leave
# out/ as it was; every few steps a build with nothing changed must
# change nothing under out/ (not an mtime, not the cache).
#
#   sh tests/incr.sh SALESGEN
#
# INCR_SEED and INCR_STEPS choose another sequence (default 7 and 30).
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib.sh"
bin=$(abs_bin "$1")
result_prefix="${PREFIX-}incr: "
lib_tmp incr
cd "$tmp" || exit 0
export SOURCE_DATE_EPOCH=1700000000
seed=${INCR_SEED:-7}
steps=${INCR_STEPS:-30}

# The project is p/ and its clean twin c/p/: the folder's name is the
# course's default title, so both are called p.
copy_sample p
mkdir c

rnd=$seed
# roll N: a number 0..N-1 in r (a fixed linear congruential sequence)
roll() {
	rnd=$(( (rnd * 1103515245 + 12345) % 2147483648 ))
	r=$(( (rnd / 65536) % $1 ))
}
# pick PATTERN...: one of the files the patterns match, in f
pick() {
	set -- $(ls "$@" 2>/dev/null | sort)
	roll $#
	shift $r
	f=$1
}
# the diagnostics of a build, without the lines that tell what was
# written or skipped (those differ by design), with the project's path
# made the same
diags() {
	grep -E ': (warning|error|note): ' "$1" | grep -v 'nothing this build reads' |
	    sed 's|c/p/|p/|g'
}
snap() { find p/out | sort | xargs stat -c '%n %y %s %i'; }

# check NAME: builds p incrementally and c/p clean, and compares them.
check() {
	"$bin" build -q p > inc.err 2>&1
	ist=$?
	rm -rf c/p
	cp -R p c/p
	rm -rf c/p/out
	"$bin" build -q c/p > clean.err 2>&1
	cst=$?
	[ "$ist" = "$cst" ] || note "exit status $ist, a clean build's $cst"
	diags inc.err > inc.d
	diags clean.err > clean.d
	cmp -s inc.d clean.d || { note "diagnostics differ from a clean build's:";
	    diff inc.d clean.d | head -10 | while read -r l; do note "$l"; done; }
	if [ "$cst" = 0 ]; then
		if ! diff -r -x .salesgen-cache p/out c/p/out > d.out 2>&1; then
			note "out/ differs from a clean build:"
			note_file d.out 15
		fi
	fi
	result "$1"
}

check "step 0: first build"
i=1
while [ $i -le $steps ]; do
	roll 10
	case $r in
	0)	pick p/content/0*.md p/content/9*.md
		printf '\nEen nieuwe alinea (stap %d).\n' $i >> "$f"
		what="paragraph added to $(basename "$f")" ;;
	1)	pick p/content/0*.md p/content/9*.md
		sed -i "1s/\$/ $i/" "$f"
		what="title of $(basename "$f") changed" ;;
	2)	printf '# Extra %d\n\nTekst van extra hoofdstuk %d.\n' $i $i \
		    > p/content/9$i-extra.md
		what="chapter 9$i-extra.md added" ;;
	3)	if ls p/content/9*-extra.md > /dev/null 2>&1; then
			pick p/content/9*-extra.md
			rm "$f"
			what="chapter $(basename "$f") removed"
		else
			printf '# Extra %d\n\nTekst.\n' $i > p/content/9$i-extra.md
			what="chapter 9$i-extra.md added (none to remove)"
		fi ;;
	4)	pick p/content/0*.md p/content/9*.md
		printf '\n> [!definitie] Stapterm %d\n> De betekenis van term %d.\n' \
		    $i $i >> "$f"
		what="glossary term added to $(basename "$f")" ;;
	5)	mkdir -p p/templates/site
		roll 2
		if [ $r = 0 ]; then
			printf '\n/* stap %d */\n' $i >> p/templates/site/style.css
			what="style.css changed"
		else
			sed -i "s|</body>|<!-- stap $i --></body>|" \
			    p/templates/site/page.html
			what="page.html template changed"
		fi ;;
	6)	sed -i "s|</subtitle>| ($i)</subtitle>|" p/content/salesgen.xml
		what="salesgen.xml changed" ;;
	7)	pick p/content/0*.md p/content/data/*.xml p/content/salesgen.xml
		touch "$f"
		what="$(basename "$f") touched, not changed" ;;
	8)	pick p/content/0*.md p/content/9*.md
		cp "$f" saved
		printf '\n> [!onbekend] Kapot\n> Tekst.\n' >> "$f"
		snap > before
		check "step $i: $(basename "$f") broken"
		snap > after
		cmp -s before after || { note "a failed build changed out/:";
		    diff before after | head -5 | while read -r l; do note "$l"; done; }
		result "step $i: failed build leaves out/ alone"
		cp saved "$f"
		touch "$f"
		what="$(basename "$f") fixed" ;;
	9)	pick p/content/data/*.xml
		sed -i "s|<lead naam=\"Bouwbedrijf Hendriks B.V.\">|<lead naam=\"Bouwbedrijf Hendriks $i B.V.\">|;
		    \$s|\$|<!-- stap $i -->|" "$f"
		what="data document $(basename "$f") changed" ;;
	esac
	check "step $i: $what"
	if [ $((i % 5)) = 0 ]; then
		snap > before
		"$bin" build -q p > noop.err 2>&1 || note "no-op build failed: $(cat noop.err)"
		snap > after
		cmp -s before after || { note "a build with nothing changed changed out/:";
		    diff before after | head -5 | while read -r l; do note "$l"; done; }
		result "step $i: no-op rebuild changes no mtime"
	fi
	i=$((i + 1))
done
exit 0
