// The index round trip: every (term, doc) pair the C side indexed
// (build/tests/test_search pairs) is found by search.js's decoder, with
// its mark (heading or glossary term), and search.js decodes no pair the
// C side did not index.  An encoder or decoder off by one in a doc
// number, a gap, a mark's place or a named term's rank fails it.
//
//   node search-pairs.js SITE-DIR PAIRS-FILE
// SITE-DIR holds the index (search-index*.js, search/N.js) and search.js.
// Prints the first mismatches (at most 20) and a count; exits 1 on any.
"use strict";
const fs = require("fs");
const { api, idx } = require("./search-site.js")(process.argv[2]);
const want = new Map();		// term -> Map(doc -> marked)
let npairs = 0;
for (const line of fs.readFileSync(process.argv[3], "utf8").split("\n")) {
	if (!line) continue;
	const [t, d, m] = line.split("\t");
	if (!want.has(t)) want.set(t, new Map());
	want.get(t).set(+d, m === "1");
	npairs++;
}
let bad = 0, terms = 0, refs = 0;
const say = (s) => { if (bad++ < 20) console.log(s); };
const all = [];
idx.shards.forEach((sh) => { if (sh[1]) all.push(...sh[1].split(" ")); });
for (const t of all) {
	const p = api.docs(t), w = want.get(t);
	terms++;
	if (p === null) { say("\"" + t + "\": not decoded"); continue; }
	if (!w) { say("\"" + t + "\": a term the C side does not have"); continue; }
	for (let k = 0; k < p[0].length; k++) {
		const d = p[0][k];
		if (k > 0 && d <= p[0][k - 1]) say("\"" + t + "\": docs out of order at " + d);
		if (!w.has(d)) { say("\"" + t + "\": doc " + d + " decoded, not indexed"); continue; }
		if ((p[1][k] > 1) !== w.get(d))
			say("\"" + t + "\": doc " + d + " marked " + (p[1][k] > 1) + ", indexed " + w.get(d));
		w.delete(d);
		refs++;
	}
	for (const d of w.keys()) say("\"" + t + "\": doc " + d + " indexed, not decoded");
	want.delete(t);
}
for (const t of want.keys()) say("\"" + t + "\": indexed, not in the index's terms");
console.log(npairs + " pairs of " + terms + " terms over " + idx.docs.length + " docs, " +
    idx.shards.length + " shard(s): " + refs + " decoded, " + bad + " wrong");
process.exit(bad || refs !== npairs ? 1 : 0);
