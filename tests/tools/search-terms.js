// Every word of a text file, one a line, as "word<TAB>term" ("-" for
// none), by the site's search.js: tests/search-terms.sh compares it with
// the C side (build/tests/test_search terms LANG FILE).
//
//   node search-terms.js SEARCH.JS LANG FILE
"use strict";
const fs = require("fs");
const [js, lang, file] = process.argv.slice(2);
const s = require(require("path").resolve(js));
const out = [];
for (const line of fs.readFileSync(file, "utf8").split("\n")) {
	for (const w of s.words(line)) {
		const t = s.term(w.w, lang);
		out.push(w.w + "\t" + (t === null ? "-" : t));
	}
}
process.stdout.write(out.length ? out.join("\n") + "\n" : "");
