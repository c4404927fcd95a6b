// The queries of the search benchmarks as typed: 200 prefixes of 20
// words (tests/tools/search-page.js --bench, bench/search_load.js).
"use strict";
const words = ["klant", "plan", "prijs", "offerte", "verkoop", "account",
    "funnel", "lead", "marge", "korting", "segment", "waarde", "doel",
    "gesprek", "bezwaar", "afspraak", "omzet", "markt", "pitch", "nps"];
const typed = [];
for (let k = 0; k < 200; k++) {
	const w = words[k % words.length];
	typed.push(w.slice(0, 2 + (k % (w.length - 1))));
}
module.exports = typed;
