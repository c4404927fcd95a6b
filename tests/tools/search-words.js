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
const { api, idx, texts } = require("./search-site.js")(process.argv[2]);
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
