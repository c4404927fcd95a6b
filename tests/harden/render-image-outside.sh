# render keeps a chapter's images to its folder (or project): "../",
# an absolute path and a link out are refused in the PDF, with the same
# message whether or not anything is there.
. "$2/tests/harden/lib.sh"
s=$(outside_file)
mkdir -p d
convert -size 4x4 xc:red "$T/outside/x.png" 2>/dev/null ||
	printf '\211PNG\r\n\032\n' > "$T/outside/x.png"
ln -s "$T/outside/x.png" d/link.png
ln -s "$T/outside/none.png" d/dangling.png
cat > d/in.md <<EOT
# Beelden

![a](../outside/x.png)

![b](../outside/none.png)

![c]($T/outside/x.png)

![d]($T/outside/none.png)

![e](link.png)

![f](dangling.png)
EOT
st=$(run err "$SG" render d/in.md -o d/out.pdf)
[ "$st" = 1 ] || fail "exit status $st, not 1: $(cat err)"
want="d/in.md:3:1: error: path '../outside/x.png' leads outside the project
d/in.md:5:1: error: path '../outside/none.png' leads outside the project
d/in.md:7:1: error: path '$T/outside/x.png' leads outside the project
d/in.md:9:1: error: path '$T/outside/none.png' leads outside the project
d/in.md:11:1: error: path 'link.png' leads outside the project
d/in.md:13:1: error: path 'dangling.png' leads outside the project"
[ "$(cat err)" = "$want" ] || fail "diagnostics differ: $(cat err)"
[ ! -e d/out.pdf ] || fail "a PDF was written"
exit 0
