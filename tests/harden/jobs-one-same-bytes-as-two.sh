# -j 1 runs everything on one thread (no pool workers, no paragraph,
# compression, pattern-loading or row-freeing thread) and writes the same
# bytes as -j 2, where all of those run: the sample project, a generated
# 50-chapter course, a mailing of 50 rows (PDF and HTML) and one long
# document rendered, every output file compared.
. "$2/tests/harden/lib.sh"
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

# same DIR1 DIR2: fail unless both trees hold the same files, byte for byte.
same() {
	(cd "$1" && find . -type f | LC_ALL=C sort) > list1
	(cd "$2" && find . -type f | LC_ALL=C sort) > list2
	cmp -s list1 list2 || fail "$1 and $2 hold other files: $(diff list1 list2 | head -5)"
	[ -s list1 ] || fail "$1 is empty"
	while IFS= read -r f; do
		cmp -s "$1/$f" "$2/$f" || fail "$f differs between $1 and $2"
	done < list1
}

mkdir sample
cp -R "$TOP/content" sample/content
python3 "$TOP/bench/gen_course.py" 50 course >/dev/null 2>&1 || fail "gen_course.py failed"
python3 "$TOP/bench/gen_rows.py" 50 rows.csv >/dev/null 2>&1 || fail "gen_rows.py failed"
# past the paragraph helper's 8 KB and the compressor's fourth page
for k in 1 2 3; do cat course/content/000*.md; done > long.md
for j in 1 2; do
	for p in sample course; do
		rm -rf "$p/out"
		st=$(run err "$SG" build -q -j $j "$p")
		[ "$st" = 0 ] || fail "build $p -j $j: exit status $st: $(head -5 err)"
		mv "$p/out" "$p-j$j"
	done
	for t in pdf html; do
		st=$(run err "$SG" merge -q -j $j -t $t "$TOP/content/mailing/offerte.xml" rows.csv -o merge-$t-j$j)
		[ "$st" = 0 ] || fail "merge -t $t -j $j: exit status $st: $(head -5 err)"
	done
	mkdir render-j$j
	st=$(run err "$SG" render -q -j $j long.md -o render-j$j/long.pdf)
	[ "$st" = 0 ] || fail "render -j $j: exit status $st: $(head -5 err)"
done
same sample-j1 sample-j2
same course-j1 course-j2
same render-j1 render-j2
[ "$(ls course-j1/pdf | wc -l)" -ge 50 ] || fail "the course made fewer than 50 PDFs"
for t in pdf html; do
	same merge-$t-j1 merge-$t-j2
	[ "$(ls merge-$t-j1 | grep -c "\.$t\$")" = 50 ] || fail "merge -t $t wrote $(ls merge-$t-j1 | grep -c "\.$t\$") documents, not 50"
done
exit 0
