# The general terms file of <voorwaarden bestand> must be a file of the
# project: one outside it (by "..", an absolute path or a symbolic link)
# is DIAG_PATH_ESCAPE at the attribute (line 38, column 16), a missing one
# an error there; the exit status is 1 and no PDF is written, and nothing
# of the outside file is read.  Before: the attribute was refused by the
# schema, a message that does not say where the file may lie.
. "$2/tests/harden/lib.sh"
secret=$(outside_file)
mkdir p
cd p || exit 1
ln -s "$secret" link.md
for f in ../outside/secret.txt "$secret" link.md geen.md; do
	sed "s|<voorwaarden>|<voorwaarden bestand=\"$f\">|" \
	    "$TOP/tests/harden/offerte.xml" > o.xml
	st=$(run err "$SG" render o.xml -o o.pdf)
	[ "$st" = 1 ] || fail "$f: exit status $st, expected 1: $(cat err)"
	case $f in
	geen.md) want="o.xml:38:16: error: cannot open 'geen.md': no such file" ;;
	*) want="o.xml:38:16: error: path '$f' leads outside the project" ;;
	esac
	[ "$(cat err)" = "$want" ] || fail "$f: expected: $want
got: $(cat err)"
	[ -e o.pdf ] && fail "$f: a PDF was written"
	st=$(run err "$SG" render o.xml -t html -o o.html)
	[ "$st" = 1 ] || fail "$f: html: exit status $st"
	[ -e o.html ] && fail "$f: an HTML file was written"
done
no_secret .
exit 0
