// Holds the interactive offer's script against the C arithmetic: for each
// offer, the page's own script (extracted from what `render -t html`
// wrote) computes the totals of random selections, and `render --select`
// computes them in C; every total, line amount and the totals rows as
// shown must agree.  The first selection is the offer as it is (the page
// without script shows C's totals; the script must show the same).
//
//   node offer-agree.js SALESGEN CWD N OFFER.xml...
//
// Prints one line per offer ("N selections agree") and exits 0, or prints
// the first disagreement and exits 1.
"use strict";
const { execFileSync } = require("child_process");
const vm = require("vm");

const [sg, cwd, nstr, ...offers] = process.argv.slice(2);
const N = Number(nstr);
let seed = 20261126;
function rnd(n) {		// a fixed sequence: a failure replays
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return seed % n;
}
function page(xml, spec) {
	const args = ["render", xml, "-t", "html", "-o", "-"];
	if (spec) args.push("--select", spec);
	return execFileSync(sg, args, { cwd, encoding: "utf8",
	    stdio: ["ignore", "pipe", "pipe"] });
}
function grab(html, re, what) {
	const m = html.match(re);
	if (!m) throw new Error("no " + what + " in the page");
	return m[1];
}
function parts(html) {
	return {
		model: JSON.parse(grab(html,
		    /<script type="application\/json" id="sg-model">([^]*?)<\/script>/,
		    "model")),
		totals: JSON.parse(grab(html,
		    /<script type="application\/json" id="sg-totals">([^]*?)<\/script>/,
		    "C totals")),
		rows: grab(html, /<tbody id="sg-rows">\n([^]*?)<\/tbody>/, "rows"),
		amts: [...html.matchAll(/<output class="sg-amt" id="sg-b(\d+)">([^<]*)<\/output>/g)]
		    .map((m) => m[2].replace(/&amp;/g, "&")),
		script: grab(html, /<script>\n([^]*?)<\/script>/, "script")
	};
}
function fail(xml, spec, what, c, js) {
	console.log(xml + " --select '" + spec + "': " + what + " differ\n  C:  " +
	    JSON.stringify(c) + "\n  JS: " + JSON.stringify(js));
	process.exit(1);
}

let total = 0;
for (const xml of offers) {
	const base = parts(page(xml, null));
	const box = { module: {} };
	vm.runInNewContext(base.script, box);
	const SG = box.module.exports;
	const m = base.model, en = m.lang === "en";
	// what the client can change
	const opt = [], bounded = [], choice = {};
	m.l.forEach((l, i) => {
		if (l[6] && !l[11]) opt.push(i + 1);
		if (l[12] !== l[0] || l[13] !== l[0]) bounded.push(i + 1);
		if (l[11]) choice[l[11]] = (choice[l[11]] || 0) + 1;
	});
	let done = 0;
	for (let k = 0; k < N; k++) {
		const sel = { on: {}, keuze: {}, qty: {} }, spec = [];
		if (k > 0) {
			for (const i of opt)
				if (rnd(2)) { sel.on[i] = true; spec.push("regel" + i + "=on"); }
			for (const c in choice) {
				sel.keuze[c] = 1 + rnd(choice[c]);
				spec.push("keuze" + c + "=" + sel.keuze[c]);
			}
			for (const i of bounded) {
				const lo = Math.ceil(m.l[i - 1][12] / 1000);
				const hi = Math.floor(m.l[i - 1][13] / 1000);
				const q = lo + rnd(hi - lo + 1);
				sel.qty[i] = q * 1000;
				spec.push("regel" + i + "=" + q);
			}
		}
		const s = spec.join(",");
		const c = k === 0 ? base : parts(page(xml, s));
		const t = SG.compute(m, sel);
		if (JSON.stringify(c.totals) !== JSON.stringify(t))
			fail(xml, s, "totals", c.totals, t);
		const shown = t.l.map((v) => SG.fmtMoney(v, en));
		if (JSON.stringify(c.amts) !== JSON.stringify(shown))
			fail(xml, s, "line amounts", c.amts, shown);
		const rows = SG.rows(m, t, en);
		if (c.rows !== rows)
			fail(xml, s, "totals as shown", c.rows, rows);
		done++;
		if (k > 0 && opt.length + bounded.length +
		    Object.keys(choice).length === 0)
			break;		// nothing to choose: one is enough
	}
	console.log(xml.replace(/.*\//, "") + ": " + done + " selections agree");
	total += done;
}
console.log("total " + total);
