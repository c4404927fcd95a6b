// Recall and precision of the site search (templates/site/search.js, the
// code the pages run) on a built site, against the hand-written
// judgements of bench/search-queries.tsv; macro averages over the
// queries, a section (or glossary term) being the unit.  Each query is
// run as typed and finished (a space after it: no prefix match).
//
//   node bench/search_eval.js SITE-DIR QUERIES.tsv [-v]
"use strict";
const fs = require("fs");
const [dir, qfile, verbose] = process.argv.slice(2);
const { api, idx, texts } = require("../tests/tools/search-site.js")(dir);
const body = idx.docs.map((d) => d[2] + " " + ((texts[d[0]] || [])[d[4]] || ""));
let n = 0, heads = 0, rsum = 0, psum = 0;
for (const line of fs.readFileSync(qfile, "utf8").split("\n")) {
	if (!line || line[0] === "#") continue;
	const [q, judge, head] = line.split("\t");
	const res = judge.split(" && ").map((r) => new RegExp(r, "iu"));
	const rel = new Set();
	body.forEach((b, d) => { if (res.every((r) => r.test(b))) rel.add(d); });
	if (rel.size === 0) continue;
	let got;
	api.run(q + " ", (r) => { got = r; }, true);
	const hit = got.filter((d) => rel.has(d)).length;
	const r = hit / rel.size, p = got.length ? hit / got.length : 0;
	n++; rsum += r; psum += p;
	if (head === "head") heads++;
	if (verbose || r < 0.95 || p < 0.95) {
		console.log(q + ": " + rel.size + " relevant, " + got.length + " found, recall " +
		    r.toFixed(3) + ", precision " + p.toFixed(3));
		if (verbose === "-vv") {
			got.filter((d) => !rel.has(d)).slice(0, 3).forEach((d) =>
			    console.log("  extra: " + idx.docs[d][2]));
			[...rel].filter((d) => !got.includes(d)).slice(0, 3).forEach((d) =>
			    console.log("  missed: " + idx.docs[d][2] + " | " + body[d].slice(0, 120)));
		}
	}
}
console.log(n + " queries (" + heads + " compound heads) with relevant sections over " +
    idx.docs.length + " sections: recall " + (rsum / n).toFixed(3) +
    ", precision " + (psum / n).toFixed(3) + " (macro)");
