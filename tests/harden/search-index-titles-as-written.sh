# The search index (the chapters' files, search/N.js) leaves out heading
# numbers that follow from the one before and anchors that follow from
# the title; search.js makes them
# again, and every result comes back with its heading's text and a link
# to its id, also for headings that look like the index's own marks
# ("^2 ...") or carry a number of their own ("3.1 ...", "1.01 ...").
. "$2/tests/harden/lib.sh"
command -v node >/dev/null 2>&1 || { echo "node not found: not checked"; exit 0; }
mkdir -p p/content
printf '# ^Dakje\n\nTekst een.\n\n## ^2 Geen nummer\n\nTekst twee.\n\n### 3.1 Eigen nummer\n\nTekst drie.\n\n#### Diep\n\nTekst vier.\n\n## 1.01 Raar\n\nTekst vijf.\n\n## Één ^ teken\n\nZes.\n' > p/content/01-een.md
printf '# Twee\n\n## Sub\n\nTekst.\n\n## Sub\n\nNog eens.\n' > p/content/02-twee.md
st=$(run out "$SG" build p --only site)
[ "$st" = 0 ] || fail "exit $st: $(cat out)"
node -e '
const fs = require("fs");
const api = require(process.cwd() + "/p/out/site/search.js");
let idx;
global.SalesgenSearch = { index: (d) => { api.index(d); idx = d; }, text: api.text };
eval(fs.readFileSync("p/out/site/search-index.js", "utf8"));
/* the titles and anchors are in search/N.js */
eval(fs.readFileSync("p/out/site/search/0.js", "utf8"));
eval(fs.readFileSync("p/out/site/search/1.js", "utf8"));
/* the headings of the pages, as a reader sees them: [file#id, text] */
const want = [];
for (const f of ["01-een.html", "02-twee.html"]) {
	const h = fs.readFileSync("p/out/site/" + f, "utf8");
	for (const m of h.matchAll(/<h[1-6] id="([^"]*)">(.*?)<\/h[1-6]>/g))
		want.push(f + "#" + m[1] + " " + m[2].replace(/<a class="anchor".*?<\/a>/, "")
		    .replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim());
}
const got = idx.docs.map((d, k) => decodeURIComponent(api.url(k)) + " " + d[2]);
if (JSON.stringify(got) !== JSON.stringify(want)) {
	console.log("got:  " + JSON.stringify(got) + "\nwant: " + JSON.stringify(want));
	process.exit(1);
}
' > why 2>&1 || fail "$(cat why)"
exit 0
