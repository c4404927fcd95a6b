# Temporary files a killed build left (the pattern .NAME.sg-tmp-PID-N, of
# a process that is gone) are removed by the next build in every folder
# under out/; files of the user with similar names, and those of a
# process still running, are kept.
. "$2/tests/harden/lib.sh"
project p
st=$(run err "$SG" build -q p)
[ "$st" = 0 ] || fail "first build: $(cat err)"
dead=999999999		# above any pid_max: no such process
mkdir -p p/out/site/img p/out/mailing/klanten
for f in pdf/.01-eerste.pdf.sg-tmp-$dead-3 site/.index.html.sg-tmp-$dead-0 \
    site/img/.a.png.sg-tmp-$dead-12 mailing/klanten/.k-1.pdf.sg-tmp-$dead-1; do
	printf '%s\n' "$CANARY" > "p/out/$f"
done
for f in site/notes.sg-tmp-$dead-1 site/.notes.sg-tmp-x-1 \
    site/.notes.sg-tmp-$dead-1.txt site/.notes.sg-tmp-$dead- \
    site/.sg-tmp-$dead-1 site/.live.sg-tmp-$$-1 site/notes.tmp.$dead \
    pdf/.mine.sg-tmp--1; do
	printf 'mine\n' > "p/out/$f"
done
ln -s ../../outside p/out/site/link 2>/dev/null
st=$(run err "$SG" build -q p)
[ "$st" = 0 ] || fail "second build: exit status $st: $(cat err)"
left=$(find p/out -name "*.sg-tmp-$dead-[0-9]*" ! -name 'notes*' ! -name '.notes*' ! -name '.sg-tmp-*')
[ -z "$left" ] || fail "stale temporary files left: $left"
no_secret p/out
for f in site/notes.sg-tmp-$dead-1 site/.notes.sg-tmp-x-1 \
    site/.notes.sg-tmp-$dead-1.txt site/.notes.sg-tmp-$dead- \
    site/.sg-tmp-$dead-1 site/.live.sg-tmp-$$-1 site/notes.tmp.$dead \
    pdf/.mine.sg-tmp--1; do
	[ -f "p/out/$f" ] || fail "a file of the user was removed: out/$f"
done
exit 0
