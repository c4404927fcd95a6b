# render from standard input keeps images to the current folder.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
mkdir -p d
printf '\211PNG\r\n\032\n' > "$T/outside/x.png"
st=$(cd d && printf '# T\n\n![a](../outside/x.png)\n' | "$SG" render - -t pdf -o out.pdf > ../err 2>&1; echo $?)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
grep -qx "<stdin>:3:1: error: path '../outside/x.png' leads outside the project" err ||
	fail "no diagnostic at the image: $(cat err)"
[ ! -e d/out.pdf ] || fail "a PDF was written"
exit 0
