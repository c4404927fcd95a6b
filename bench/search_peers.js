// The site search beside its peers (issue 12.1): salesgen's search.js,
// lunr with lunr-languages' Dutch stemmer, and Pagefind, on the same
// sections of a built site and the same hand-judged queries as
// bench/search_eval.js.  Only in the benchmark, never in salesgen.
//
//   node bench/search_peers.js SITE-DIR QUERIES.tsv ENGINE [-v]
//
// ENGINE is salesgen, lunr or pagefind.  The unit is a section of a
// chapter (a heading's anchor): Pagefind's sub-results are sections, it
// has no glossary entries, so these go out of all three columns (which is
// why the salesgen column differs a little from search_eval.js's).
// lunr and lunr-languages come from NODE_PATH; for Pagefind, SITE-DIR/
// pagefind/ must be its index (pagefind --site SITE-DIR --glob
// '[0-9]*.html' --root-selector main --exclude-selectors nav) and
// CHROMIUM a Chromium that playwright-core (NODE_PATH) drives: Pagefind
// cannot run from disk (it fetches its index and WebAssembly), so the
// site is served over http on 127.0.0.1 for the length of the run.
// A query is run as the user finishes it; multi-word queries must match
// every word in all three (lunr: "+word").
"use strict";
const fs = require("fs");
const path = require("path");
const [dir, qfile, engine, verbose] = process.argv.slice(2);

/* the sections and their text, as search_eval.js reads them */
const { api, idx, texts } = require("../tests/tools/search-site.js")(dir);
const sect = [];	/* doc numbers of the sections (kind 0) */
idx.docs.forEach((d, i) => { if (d[3] === 0) sect.push(i); });
const text = (d) => (texts[idx.docs[d][0]] || [])[idx.docs[d][4]] || "";
const body = sect.map((d) => idx.docs[d][2] + " " + text(d));
const bydoc = new Map(sect.map((d, i) => [d, i]));
/* chapter url + "#" + anchor to a section */
const byurl = new Map();
sect.forEach((d, i) => {
	const u = idx.chapters[idx.docs[d][0]][0].replace(/^.*\//, "");
	byurl.set(u + "#" + idx.docs[d][1], i);
	if (!byurl.has(u)) byurl.set(u, i);	/* a page's own result */
});

const queries = [];
for (const line of fs.readFileSync(qfile, "utf8").split("\n")) {
	if (!line || line[0] === "#") continue;
	const [q, judge, head] = line.split("\t");
	const res = judge.split(" && ").map((r) => new RegExp(r, "iu"));
	const rel = new Set();
	body.forEach((b, s) => { if (res.every((r) => r.test(b))) rel.add(s); });
	if (rel.size > 0) queries.push({ q, rel, head: head === "head" });
}

function score(found) {	/* found[i]: the sections query i found */
	let rsum = 0, psum = 0, heads = 0;
	queries.forEach((x, i) => {
		const got = [...new Set(found[i])];
		const hit = got.filter((s) => x.rel.has(s)).length;
		const r = hit / x.rel.size, p = got.length ? hit / got.length : 0;
		rsum += r; psum += p;
		if (x.head) heads++;
		if (verbose || r < 0.95 || p < 0.95)
			console.log(x.q + ": " + x.rel.size + " relevant, " + got.length +
			    " found, recall " + r.toFixed(3) + ", precision " + p.toFixed(3));
	});
	const n = queries.length;
	console.log(engine + ": " + n + " queries (" + heads + " compound heads) over " +
	    sect.length + " sections: recall " + (rsum / n).toFixed(3) +
	    ", precision " + (psum / n).toFixed(3) + " (macro)");
}

if (engine === "salesgen") {
	score(queries.map((x) => {
		let got;
		api.run(x.q + " ", (r) => { got = r; }, true);
		return got.filter((d) => bydoc.has(d)).map((d) => bydoc.get(d));
	}));
} else if (engine === "lunr") {
	const lunr = require("lunr");
	require("lunr-languages/lunr.stemmer.support")(lunr);
	require("lunr-languages/lunr.nl")(lunr);
	const t0 = Date.now();
	const ix = lunr(function () {
		this.use(lunr.nl);
		this.ref("s");
		this.field("title", { boost: 10 });
		this.field("body");
		sect.forEach((d, s) => this.add({ s: String(s), title: idx.docs[d][2], body: text(d) }));
	});
	console.log("lunr index: " + (Date.now() - t0) + " ms, " +
	    JSON.stringify(ix).length + " B as JSON");
	score(queries.map((x) => {
		const q = x.q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
		    .map((w) => "+" + w).join(" ");
		return ix.search(q).map((r) => +r.ref);
	}));
} else if (engine === "pagefind") {
	const http = require("http");
	const { chromium } = require("playwright-core");
	const types = { ".js": "text/javascript", ".html": "text/html",
	    ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
	const server = http.createServer((req, res) => {
		const root = path.resolve(dir);
		const p = path.join(root, decodeURIComponent(req.url.split("?")[0]));
		if (!p.startsWith(root + path.sep) || !fs.existsSync(p) ||
		    fs.statSync(p).isDirectory()) {
			res.writeHead(404);
			res.end();
			return;
		}
		res.writeHead(200, { "Content-Type": types[path.extname(p)] ||
		    "application/octet-stream" });
		fs.createReadStream(p).pipe(res);
	});
	server.listen(0, "127.0.0.1", async () => {
		const base = "http://127.0.0.1:" + server.address().port;
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM,
		    args: ["--no-sandbox"] });
		try {
			const page = await browser.newPage();
			await page.goto(base + "/search.html");
			const urls = await page.evaluate(async (qs) => {
				const pf = await import("/pagefind/pagefind.js");
				const out = [];
				for (const q of qs) {
					const r = await pf.search(q);
					const data = await Promise.all(r.results.map((x) => x.data()));
					out.push([].concat(...data.map((d) =>
					    d.sub_results.length ? d.sub_results.map((s) => s.url) : [d.url])));
				}
				return out;
			}, queries.map((x) => x.q));
			let lost = 0;
			score(urls.map((l) => l.map((u) => u.replace(/^.*\//, ""))
			    .filter((u) => byurl.has(u) || !++lost).map((u) => byurl.get(u))));
			if (lost)
				console.log("pagefind: " + lost + " results that are no section left out");
		} finally {
			await browser.close();
			server.close();
		}
	});
} else {
	console.error("usage: node bench/search_peers.js SITE-DIR QUERIES.tsv salesgen|lunr|pagefind [-v]");
	process.exit(2);
}
