// What the site search loads per query on a built site (issue 12.1, the
// index split into chapters): the queries of search-page.js --bench (200
// prefixes of 20 words as typed) and of QUERIES.tsv (finished), each
// from a cold start (nothing loaded but the index) for the best 50, as
// the search page asks: how many chapters' files it loads and their
// bytes gzip (-9), median, p95 and the most; for the best MAX (50, as
// the search page; the box's drop-down shows 8).
//
//   node bench/search_load.js SITE-DIR QUERIES.tsv [MAX]
"use strict";
const fs = require("fs");
const zlib = require("zlib");
const path = require("path");
const [dir, qfile, max] = process.argv.slice(2);
const site = path.join(__dirname, "../tests/tools/search-site.js");
const gz = {};
const size = (f) => gz[f] !== undefined ? gz[f] :
    (gz[f] = zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length);
const qs = require("../tests/tools/search-typed.js");
for (const line of fs.readFileSync(qfile, "utf8").split("\n"))
	if (line && line[0] !== "#")
		qs.push(line.split("\t")[0] + " ");
const files = [], bytes = [];
for (const q of qs) {
	/* a cold start: search.js and the index again */
	delete require.cache[path.resolve(dir, "search.js")];
	delete globalThis.SalesgenSearch;
	const s = require(site)(dir, true);
	const from = s.loaded.length;
	s.api.run(q, () => {}, false, +(max || 50));
	const mine = s.loaded.slice(from).filter((f) => f.includes(path.sep + "search" + path.sep));
	files.push(mine.length);
	bytes.push(mine.reduce((a, f) => a + size(f), 0));
}
const stat = (v) => {
	const s = [...v].sort((x, y) => x - y);
	return "median " + s[s.length >> 1] + ", p95 " + s[Math.floor(s.length * 0.95)] +
	    ", most " + s[s.length - 1];
};
console.log(qs.length + " queries, cold, best " + (max || 50) + ": chapters' files loaded " + stat(files) +
    "; bytes gzip " + stat(bytes));
