// The best 50 of a query (what a keystroke shows) are the first 50 of
// all its results in order: search.js picks them by a selection of the
// 50th score (nth()), not by sorting every result, and a selection off
// by one place, or wrong where scores tie, shows other results than the
// full sort would.  Runs, in node, every two-, three- and four-letter
// prefix of the site's terms that has more than 200 results (where the
// selection is used), typed (a prefix query) and finished; and nth()
// on random scores against a sort.
//
//   node search-top.js SITE-DIR
// Prints the first mismatches (at most 10) and a count; exits 1 on any.
"use strict";
const { api, idx } = require("./search-site.js")(process.argv[2]);
const seen = new Set();
let bad = 0, runs = 0, big = 0;
const say = (s) => { if (bad++ < 10) console.log(s); };
idx.shards.forEach((sh) => {
	for (const t of (sh[1] || "").split(" "))
		for (const n of [2, 3, 4])
			if (t.length >= n) seen.add(t.slice(0, n));
});
for (const p of [...seen].sort()) {
	for (const s of [p, p + " "]) {
		let all = null, top = null;
		api.run(s, (r) => { all = r; }, true);
		api.run(s, (r) => { top = r; }, false);
		runs++;
		if (all === null || top === null) { say("\"" + s + "\": no answer"); continue; }
		if (all.length > 200) big++;
		const want = all.slice(0, 50).join(",");
		if (top.join(",") !== want)
			say("\"" + s + "\": best 50 " + top.slice(0, 8).join(",") + "..., of all " +
			    all.slice(0, 8).join(",") + "...");
	}
}
// and nth() itself against a sort, on scores with and without ties
let x = 12345;
const rnd = (n) => { x = (x * 1103515245 + 12345) % 2147483648; return x % n; };
for (let r = 0; r < 300; r++) {
	const n = 1 + rnd(400), span = [2, 5, 40, 100000][r % 4];
	const v = new Float64Array(n);
	for (let k = 0; k < n; k++) v[k] = rnd(span) * (r % 8 < 4 ? 1 : 10) + (r % 3 === 0 ? 0.5 : 0);
	const want = Float64Array.from(v).sort(), k = rnd(n);
	const got = api.nth(v, k);
	if (got !== want[k]) say("nth: " + got + " for place " + k + " of " + n + ", sorted " + want[k]);
	runs++;
}
console.log(runs + " queries, " + big + " with more than 200 results: " + bad + " wrong");
process.exit(bad || big === 0 ? 1 : 0);
