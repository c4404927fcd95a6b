// The C index and the page's search.js agree on the terms of every word
// of a built site, each word in its own section's language: every word
// that has a term, searched for on its own (finished: no prefix), finds
// the section (or glossary term) it stands in.  A site with chapters in
// two languages (an English chapter with "lang: en" in a Dutch site)
// tests that the index made an English chapter's terms with the English
// stemmer and search.js looks for a query's English terms there.
//
//   node search-words.js SITE-DIR
// Prints one line per word that misses its section (at most 20) and a
// count; exits 1 when one does.
"use strict";
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
const api = require(path.resolve(dir, "search.js"));
const texts = {};
api.text = (ch, v) => { texts[ch] = v; };
let idx;
const index = api.index;
api.index = (d) => { index(d); idx = d; };
globalThis.SalesgenSearch = api;
const run = (f) => (0, eval)(fs.readFileSync(f, "utf8"));
run(path.join(dir, "search-index.js"));
for (let k = 0; k < idx.shards.length; k++)
	if (idx.shards[k][1] === null)
		run(path.join(dir, "search-index-" + k + ".js"));
for (const f of fs.readdirSync(path.join(dir, "search")))
	run(path.join(dir, "search", f));
const lang = { 1: "nl", 2: "en" };
// word -> the docs it stands in (with a term in their language)
const where = new Map();
const langs = new Set();
idx.docs.forEach((doc, d) => {
	const s = doc[2] + " " + ((texts[doc[0]] || [])[doc[4]] || "");
	langs.add(lang[doc[5]]);
	for (const x of api.words(s)) {
		if (api.term(x.w, lang[doc[5]]) === null)
			continue;
		if (!where.has(x.w))
			where.set(x.w, new Set());
		where.get(x.w).add(d);
	}
});
let bad = 0, pairs = 0;
for (const [w, docs] of where) {
	let got;
	api.run(w + " ", (r) => { got = new Set(r); }, true);
	for (const d of docs) {
		pairs++;
		if (got.has(d))
			continue;
		if (bad++ < 20)
			console.log("\"" + w + "\" (" + lang[idx.docs[d][5]] + " term \"" +
			    api.term(w, lang[idx.docs[d][5]]) + "\") does not find " +
			    api.url(d));
	}
}
console.log(where.size + " words, " + pairs + " word-section pairs, languages " +
    [...langs].sort().join(" ") + ": " + bad + " missed");
process.exit(bad ? 1 : 0);
