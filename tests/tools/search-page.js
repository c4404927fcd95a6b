// The site search in headless Chromium (playwright-core and Debian's
// chromium), from disk: search.html?q=QUERY must list a result whose link
// or text holds WANT, and ask for nothing but files.
//
//   node search-page.js SITE-DIR QUERY WANT [key]
//   node search-page.js SITE-DIR QUERY --bench     load+init, first query, p95
//
// With "key" it also types the query into the search box of index.html
// (after "/"), moves down the drop-down with the arrow keys and follows
// the result with Enter.
"use strict";
const { chromium } = require("playwright-core");
const path = require("path");

const [dir, q, want, mode] = process.argv.slice(2);
(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: ["--no-sandbox"]
	});
	const page = await browser.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	page.on("request", (r) => {
		if (!r.url().startsWith("file:"))
			errors.push("request for " + r.url());
	});
	const site = "file://" + path.resolve(dir);
	let bad = 0;
	if (want === "--bench") {
		await page.goto(site + "/index.html");
		const r = await page.evaluate(async (q) => {
			const t0 = performance.now();
			await new Promise((ok) => {
				const s = document.createElement("script");
				s.src = document.getElementById("search-q").getAttribute("data-src");
				s.onload = ok;
				document.head.appendChild(s);
			});
			await new Promise((ok) => {
				(function wait() {
					if (window.SalesgenSearch && window.SalesgenSearch.ready()) ok();
					else setTimeout(wait, 1);
				})();
			});
			const t1 = performance.now();
			await new Promise((ok) => {
				(function wait() {
					if (window.SalesgenSearch.shards() === 0) ok();
					else setTimeout(wait, 1);
				})();
			});
			const ts = performance.now();
			const run = (s) => new Promise((ok) => window.SalesgenSearch.run(s, ok));
			await run(q);
			const t2 = performance.now();
			const words = ["klant", "plan", "prijs", "offerte", "verkoop", "account",
			    "funnel", "lead", "marge", "korting", "segment", "waarde", "doel",
			    "gesprek", "bezwaar", "afspraak", "omzet", "markt", "pitch", "nps"];
			const times = [];
			for (let k = 0; k < 200; k++) {
				const w = words[k % words.length];
				const s = w.slice(0, 2 + (k % (w.length - 1)));
				const a = performance.now();
				await run(s);
				times.push(performance.now() - a);
			}
			times.sort((x, y) => x - y);
			return { init: t1 - t0, shards: ts - t1, first: t2 - ts, p95: times[Math.floor(times.length * 0.95)] };
		}, q);
		console.log("load+init " + r.init.toFixed(1) + " ms, then the shards in the background " +
		    r.shards.toFixed(1) + " ms; first query " +
		    r.first.toFixed(1) + " ms, p95 query " + r.p95.toFixed(2) + " ms");
	} else {
		await page.goto(site + "/search.html?q=" + encodeURIComponent(q));
		await page.waitForSelector("#search-results a", { timeout: 10000 }).catch(() => {});
		await page.waitForTimeout(300);
		const got = await page.$$eval("#search-results a", (as) =>
		    as.map((a) => a.getAttribute("href") + " " + a.textContent));
		if (!got.some((g) => g.toLowerCase().includes(want.toLowerCase()))) {
			bad++;
			console.log("search.html?q=" + q + ": no result holds '" + want + "'; got:");
			got.slice(0, 10).forEach((g) => console.log("  " + g));
		}
		const snip = await page.$$eval("#search-results mark", (m) => m.length);
		if (got.length && snip === 0) {
			bad++;
			console.log("search.html?q=" + q + ": no hit is marked in a snippet");
		}
		const status = await page.textContent("#search-status");
		if (!/\d|Geen|No/.test(status)) {
			bad++;
			console.log("no result count announced: '" + status + "'");
		}
		if (mode === "key") {
			await page.goto(site + "/index.html");
			await page.keyboard.press("/");
			const id = await page.evaluate(() => document.activeElement.id);
			if (id !== "search-q") {
				bad++;
				console.log("'/' did not focus the search box (" + id + ")");
			}
			await page.keyboard.type(q, { delay: 20 });
			await page.waitForSelector("#search-drop a", { timeout: 10000 }).catch(() => {});
			await page.keyboard.press("ArrowDown");
			const href = await page.evaluate(() => document.activeElement.getAttribute("href"));
			const live = await page.textContent("#search-live");
			if (!href || !live) {
				bad++;
				console.log("arrow down: no result focused, or nothing announced (" + href + ", '" + live + "')");
			} else {
				await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
				if (!page.url().includes(href.replace(/^.*\//, "").split("#")[0])) {
					bad++;
					console.log("Enter did not follow " + href + ": at " + page.url());
				}
			}
		}
	}
	for (const e of errors) {
		bad++;
		console.log(e);
	}
	await browser.close();
	process.exit(bad ? 1 : 0);
})().catch((e) => { console.log(String(e)); process.exit(1); });
