# Quotes, backslashes, "</script>" and U+2028 in a heading or its text do
# not break the search index out of its JavaScript strings: the index
# still runs, and the title and text come back as written (in code spans,
# which keep straight quotes).
. "$2/tests/harden/lib.sh"
command -v node >/dev/null 2>&1 || { echo "node not found: not checked"; exit 0; }
mkdir -p p/content
printf "# Een\n\n## Code \`a'b\\\\\"c</script>\` \342\200\250 end\n\nTekst \`met ' en \\\\ en </script>\` en \342\200\250 hier.\n" > p/content/01-een.md
st=$(run out "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit $st: $(cat out)"
node -e '
const fs = require("fs");
let idx, text;
/* search.js reads the index (its docs are stored compactly) and the
 * chapter file (its titles) */
const api = require(process.cwd() + "/p/out/site/search.js");
global.SalesgenSearch = { index: (d) => { api.index(d); idx = d; },
    text: (c, v, h) => { api.text(c, v, h); text = v; } };
eval(fs.readFileSync("p/out/site/search-index.js", "utf8"));
eval(fs.readFileSync("p/out/site/search/0.js", "utf8"));
const t = idx.docs.find((d) => d[2] !== "1 Een");
const want = "1.1 Code a\x27b\\\"c</script> \u2028 end";
if (!t || t[2] !== want) { console.log("title: " + JSON.stringify(t && t[2]) + ", want " + JSON.stringify(want)); process.exit(1); }
const body = "Tekst met \x27 en \\ en </script> en \u2028 hier.";
if (text[t[4]] !== body) { console.log("text: " + JSON.stringify(text[t[4]]) + ", want " + JSON.stringify(body)); process.exit(1); }
' > why 2>&1 || fail "$(cat why)"
exit 0
