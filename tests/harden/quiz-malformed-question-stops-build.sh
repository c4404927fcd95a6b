# A malformed self-test question (no right option, answers without a
# question, a question without answers) is an error at its line and
# column, exit 1, and nothing is built: no page, PDF or out/quiz/ file
# with half a question in it.
. "$2/tests/harden/lib.sh"
check() {	# check NAME EXPECTED-DIAGNOSTIC (the chapter is in p/content/01-eerste.md)
	st=$(run err "$SG" build -q p)
	[ "$st" = 1 ] || fail "$1: exit status $st, expected 1: $(cat err)"
	grep -qxF "$2" err || fail "$1: expected $2, got: $(cat err)"
	[ ! -e p/out ] || fail "$1: out/ was written: $(find p/out | head -5)"
}
rm -rf p; project p
printf '# Eerste\n\n> [!vraag]\n> Welke?\n>\n> - [ ] a\n> - [ ] b\n' > p/content/01-eerste.md
check no-right "p/content/01-eerste.md:6:3: error: no option is marked right: mark the right ones '- [x]'"
rm -rf p; project p
printf '# Eerste\n\n> [!vraag]\n> - [x] a\n> - [ ] b\n' > p/content/01-eerste.md
check no-stem "p/content/01-eerste.md:4:3: error: answers without a question: write the question above them, in the same callout"
rm -rf p; project p
printf '# Eerste\n\nTekst.\n\n> [!question]\n> Eerste?\n>\n> =: ja\n>\n> Tweede, zonder antwoord.\n' > p/content/01-eerste.md
check no-answer "p/content/01-eerste.md:10:3: error: question without answers: follow it with options ('- [x] right', '- [ ] wrong') or a line '=: answer | alternative'"
rm -rf p; project p
printf '# Eerste\n\n> [!vraag]\n> Welke?\n>\n> =: a | | b\n' > p/content/01-eerste.md
check empty-alternative "p/content/01-eerste.md:6:3: error: an answer after '=:' is empty"
exit 0
