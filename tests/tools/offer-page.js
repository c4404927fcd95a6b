// The interactive offer in headless Chromium (playwright-core and Debian's
// chromium): axe-core's accessibility rules, keyboard use, and the time
// one update of the totals takes.
//
//   node offer-page.js axe PAGE.html     violations, one a line; exit 1 if any
//   node offer-page.js bench PAGE.html   median and worst update time, ms
//   node offer-page.js print PAGE.html   what a print shows: the letter
//                                        alone, then, after a change to
//                                        the first control, the choice
//                                        too, without the controls
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
	} else if (mode === "print") {
		await page.emulateMedia({ media: "print" });
		const shown = (sel) => page.evaluate((s) => {
			const e = document.querySelector(s);
			return e !== null && getComputedStyle(e).display !== "none" &&
			    e.getClientRects().length > 0;
		}, sel);
		const say = (m) => { bad++; console.log("print: " + m); };
		if (!await shown("main")) say("the letter is not printed");
		if (await shown(".sg-conf"))
			say("the choice is printed before anything was chosen");
		// a fixed element repeats on every printed page, over the text
		const fixed = await page.evaluate(() =>
		    [...document.querySelectorAll("body *")].filter((e) =>
			getComputedStyle(e).position === "fixed" &&
			e.getClientRects().length > 0).length);
		if (fixed > 0) say(fixed + " fixed elements, printed over the text");
		const first = await page.$("#sg-form input");
		if (first) {
			const t = await first.getAttribute("type");
			if (t === "number")
				await first.evaluate((e) => {
					e.value = String(Number(e.value) + 1 <=
					    Number(e.max) ? Number(e.value) + 1 :
					    Number(e.value) - 1);
				});
			else if (t === "radio")
				await page.evaluate(() => {
					document.querySelector(
					    "#sg-form input[type=radio]:not(:checked)")
					    .checked = true;
				});
			else
				await first.evaluate((e) => { e.checked = !e.checked; });
			await page.evaluate(() => SG.update(document));
			if (!await shown(".sg-conf"))
				say("the choice is not printed after a change");
			if (!await shown("#sg-rows tr"))
				say("the choice's totals are not printed");
			if (await shown(".sg-akkoord"))
				say("the accept button is printed");
			if (await shown("#sg-form input[type=checkbox]"))
				say("a checkbox is printed");
			const left = await page.evaluate(() =>
			    [...document.querySelectorAll(".sg-line")].filter((l) => {
				const c = l.querySelector(
				    "input[type=checkbox],input[type=radio]");
				return c && !c.checked &&
				    getComputedStyle(l).display !== "none";
			    }).length);
			if (left > 0)
				say(left + " lines not chosen are printed");
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
