// The interactive offer in headless Chromium (playwright-core and Debian's
// chromium): axe-core's accessibility rules, keyboard use, and the time
// one update of the totals takes.
//
//   node offer-page.js axe PAGE.html     violations, one a line; exit 1 if any
//   node offer-page.js bench PAGE.html   median and worst update time, ms
//
// NODE_PATH names the node_modules holding axe-core and playwright-core;
// CHROMIUM the browser (default /usr/bin/chromium).
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const [mode, file] = process.argv.slice(2);
(async () => {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: ["--no-sandbox"]
	});
	const page = await browser.newPage();
	const errors = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	// the page must not ask for anything: it is one file
	page.on("request", (r) => {
		if (!r.url().startsWith("file:") && !r.url().startsWith("data:"))
			errors.push("request for " + r.url());
	});
	await page.goto("file://" + path.resolve(file));
	let bad = 0;
	if (mode === "axe") {
		await page.addScriptTag({ content: fs.readFileSync(
		    require.resolve("axe-core/axe.min.js"), "utf8") });
		const r = await page.evaluate(() => window.axe.run(document));
		for (const v of r.violations) {
			bad++;
			console.log(v.id + ": " + v.help + " (" + v.nodes.length +
			    ") " + v.nodes.map((n) => n.target.join(" ")).join(", "));
		}
		// by keyboard: Tab reaches the first control, Space ticks it,
		// and the totals follow
		const before = await page.textContent("#sg-rows");
		const first = await page.$("#sg-form input");
		if (first) await first.focus();
		const t = first && await page.evaluate(() =>
		    document.activeElement.type);
		if (t === "checkbox") await page.keyboard.press("Space");
		else if (t === "radio") await page.keyboard.press("ArrowDown");
		else if (t === "number") await page.keyboard.press("ArrowUp");
		const after = await page.textContent("#sg-rows");
		if (t && t !== "radio" && before === after) {
			bad++;
			console.log("keyboard: the totals did not change after a key on the first " + t);
		}
	} else {
		const ms = await page.evaluate(() => {
			const form = document.getElementById("sg-form");
			const ins = [...form.querySelectorAll("input")];
			const times = [];
			for (let k = 0; k < 200; k++) {
				const el = ins.length ? ins[k % ins.length] : null;
				if (el === null) ;
				else if (el.type === "number")
					el.value = String(Math.max(Number(el.min),
					    Math.min(Number(el.max), k % 20)));
				else el.checked = !el.checked || el.type === "radio";
				const t0 = performance.now();
				SG.update(document);
				times.push(performance.now() - t0);
			}
			times.sort((a, b) => a - b);
			return [times[100], times[199]];
		});
		console.log("update: median " + ms[0].toFixed(2) + " ms, worst " +
		    ms[1].toFixed(2) + " ms over 200 updates");
		if (ms[1] > 16) bad++;
	}
	for (const e of errors) { bad++; console.log("page: " + e); }
	await browser.close();
	process.exit(bad ? 1 : 0);
})().catch((e) => { console.log(String(e)); process.exit(2); });
