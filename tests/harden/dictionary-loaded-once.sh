# A whole build loads hunspell-nl once (gen/dict.c): the site search, the
# site's register and both PDF editions' registers share it; before, each
# loaded its own (four opens of nl.dic, about 70 ms of CPU each).  On -j 2
# it loads on a thread of its own, and the build's bytes are those of -j 1.
. "$2/tests/harden/lib.sh"
command -v strace >/dev/null 2>&1 || fail "strace is missing (.ci/deps test)"
[ -f /usr/share/hunspell/nl.dic ] || fail "hunspell-nl is missing (.ci/deps build)"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
mkdir -p p/content
printf '# Een\n\n> [!definitie] Verkoopplan\n> Een plan voor de verkoop.\n\nHet verkoopplan en de plannen.\n' > p/content/01-een.md
printf -- '---\nregister:\n  - piramide\n---\n# Twee\n\nDe klantpiramide en het plan.\n' > p/content/02-twee.md
for j in 1 2; do
	rm -rf p/out
	st=$(run err strace -f -qq -o trace.txt -e trace=open,openat "$SG" build -q -j $j p)
	[ "$st" = 0 ] || fail "build -j $j: exit status $st: $(head -5 err)"
	for f in site/register.html site/search-index.js pdf/p.pdf pdf/p-student.pdf; do
		[ -f "p/out/$f" ] || fail "build -j $j wrote no $f"
	done
	n=$(grep -c 'hunspell/nl\.dic"' trace.txt)
	[ "$n" = 1 ] || fail "build -j $j opened nl.dic $n times, want 1"
	# the register found "piramide" in the compound "klantpiramide"
	grep -qF '<span class="term">piramide</span> <a href="02-twee.html#twee">' p/out/site/register.html ||
	    fail "-j $j: piramide not found in klantpiramide: $(grep piramide p/out/site/register.html)"
	rm -f p/out/.salesgen-cache
	mv p/out out$j
done
diff -r out1 out2 > diff.txt || fail "-j 1 and -j 2 differ: $(head -5 diff.txt)"
exit 0
