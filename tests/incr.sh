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
# The edits exercise the dependency graph (incr_graph.h): body-only
# edits, title edits, a heading in a chapter others link to, glossary
# terms, a quiz, register terms.  What the graph kept is read from
# SALESGEN_INCR_TRACE: after a paragraph is added to one chapter, every
# other chapter's PDF and page (the first page aside) must have been kept
# and that chapter's not, nor the course PDFs; after a title edit, no
# chapter page.
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
	rm -f trace
	SALESGEN_INCR_TRACE=$tmp/trace "$bin" build -q p > inc.err 2>&1
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

# slugs: the chapters' output stems, in course order
slugs() { ls p/content/*.md | sed 's|.*/||; s|\.md$||' | sort; }

# kept_body SLUGS: the graph kept everything a paragraph added to the
# chapters SLUGS (a list) does not change, and rendered their pages and
# PDFs and the course PDFs.  With SLUGS empty (a data document no chapter
# embeds), every chapter's page and PDF and, after a build that said
# nothing, the course PDFs were kept.
kept_body() {
	first=$(slugs | head -1)
	for s in $(slugs); do
		case " $1 " in
		*" $s "*)
			grep -qx "kept pdf/$s.pdf" trace && note "$s.pdf kept, what it reads changed"
			grep -qx "kept site/$s.html" trace && note "$s.html kept, what it reads changed"
			continue ;;
		esac
		grep -qx "kept pdf/$s.pdf" trace || note "pdf/$s.pdf rendered, nothing it reads changed"
		[ "$s" = "$first" ] ||
		    grep -qx "kept site/$s.html" trace || note "site/$s.html rendered, nothing it reads changed"
	done
	# a kept PDF not named after a chapter is a course PDF (a data
	# document's PDF is always made)
	sed -n 's|^kept pdf/\(.*\)\.pdf$|\1|p' trace | sort > kept.pdf
	slugs > all.slugs
	if [ -n "$1" ]; then
		comm -23 kept.pdf all.slugs | while read -r k; do
			note "pdf/$k.pdf kept after a chapter changed"; done
	elif [ -n "$prev_quiet" ]; then
		ls p/out/pdf | sed -n 's|\.pdf$||p' | sort > out.pdf
		ls p/content/data | sed -n 's|\.xml$||p' | sort > docs.pdf
		comm -23 out.pdf all.slugs | comm -23 - docs.pdf |
		    comm -23 - kept.pdf | while read -r k; do
			note "course PDF pdf/$k.pdf rendered, no chapter embeds the document"; done
	fi
	result "$2"
}

# embedders DOC: the slugs of the chapters that embed the data document
# DOC (a figure of data/NAME.xml)
embedders() {
	grep -l "](data/$(basename "$1"))" p/content/*.md 2>/dev/null |
	    sed 's|.*/||; s|\.md$||' | sort | tr '\n' ' ' | sed 's/ $//'
}

check "step 0: first build"
prev_ok=; [ "$ist" = 0 ] && prev_ok=1
prev_quiet=; [ -s inc.d ] || prev_quiet=1
i=1
while [ $i -le $steps ]; do
	roll 14
	graph=
	case $r in
	0)	pick p/content/0*.md p/content/9*.md
		printf '\nEen nieuwe alinea (stap %d).\n' $i >> "$f"
		graph=body
		what="paragraph added to $(basename "$f")" ;;
	1)	pick p/content/0*.md p/content/9*.md
		if head -1 "$f" | grep -q '^---'; then
			sed -i "s/^title: .*/& $i/" "$f"
		else
			sed -i "1s/\$/ $i/" "$f"
		fi
		graph=title
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
	10)	# chapters 01 and 02 link to 03: one of its headings changes
		sed -i "s/^## Wat is een waardepropositie.*/## Wat is een waardepropositie $i?/" \
		    p/content/03-waardepropositie.md
		what="a heading of 03 (linked to) changed" ;;
	11)	pick p/content/0*.md p/content/9*.md
		printf '\n> [!vraag] Stapvraag %d\n> Klopt dit?\n>\n> - [x] Ja\n> - [ ] Nee\n' \
		    $i >> "$f"
		what="quiz added to $(basename "$f")" ;;
	12)	pick p/content/0*.md
		sed -i "2a register:\\n  - stapterm $i" "$f"
		what="register term added to $(basename "$f")" ;;
	13)	pick p/content/0*.md p/content/9*.md
		sed -i "s/klant/klant/; \$s/\$/ Stap $i./" "$f"
		what="last line of $(basename "$f") changed" ;;
	9)	pick p/content/data/*.xml
		sed -i "s|<lead naam=\"Bouwbedrijf Hendriks B.V.\">|<lead naam=\"Bouwbedrijf Hendriks $i B.V.\">|;
		    s|EN ISO 11612 en|EN ISO 11612 ($i) en|;
		    \$s|\$|<!-- stap $i -->|" "$f"
		graph=data
		what="data document $(basename "$f") changed" ;;
	esac
	check "step $i: $what"
	if [ "$graph" = body ] && [ "$ist" = 0 ] && [ -n "$prev_ok" ]; then
		kept_body "$(basename "$f" .md)" "step $i: the graph kept all but $(basename "$f")"
	elif [ "$graph" = data ] && [ "$ist" = 0 ] && [ -n "$prev_ok" ]; then
		kept_body "$(embedders "$f")" "step $i: the graph kept all but what embeds $(basename "$f")"
	elif [ "$graph" = title ] && [ "$ist" = 0 ]; then
		grep -q '^kept site/.*[0-9]-.*\.html$' trace && note "a chapter page kept after a title changed"
		result "step $i: a title edit renders every chapter page"
	fi
	prev_ok=; [ "$ist" = 0 ] && prev_ok=1
	prev_quiet=; [ -s inc.d ] || prev_quiet=1
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

# a data document's edit, after the random steps: one a chapter embeds
# (a figure of data/sellogram-hivis.xml in 03) renders that chapter's
# page and PDF and the course PDFs, one none embeds (an offer) none of
# them; each is compared with a clean build, as every step
for doc in sellogram-hivis offerte-hendriks; do
	f=p/content/data/$doc.xml
	sed -i "s|EN ISO 11612 en|EN ISO 11612 (data) en|;
	    s|<ondertekening plaats=\"Deventer\"/>|<ondertekening plaats=\"Deventer (data)\"/>|" "$f"
	check "data: $doc.xml changed"
	emb=$(embedders "$f")
	case $doc in
	sellogram-hivis) [ "$emb" = 03-waardepropositie ] ||
		note "sellogram-hivis.xml is embedded by '$emb', not 03" ;;
	offerte-hendriks) [ -z "$emb" ] || note "offerte-hendriks.xml is embedded by '$emb'" ;;
	esac
	if [ "$ist" = 0 ] && [ -n "$prev_ok" ]; then
		kept_body "$emb" "data: $doc.xml: the graph kept all but what embeds it"
	else
		note "the build before or this one failed: nothing to compare"
		result "data: $doc.xml: the graph kept all but what embeds it"
	fi
	prev_ok=; [ "$ist" = 0 ] && prev_ok=1
	prev_quiet=; [ -s inc.d ] || prev_quiet=1
done
exit 0
