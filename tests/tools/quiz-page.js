// A page with self-test questions in headless Chromium, opened from
// file:// as a site on a USB stick is: answers each question wrong and
// right by keyboard and prints what the feedback area says, one line per
// answer, for tests/quiz.sh to compare; then axe-core's rules.
//
//   node quiz-page.js PAGE.html
//
// NODE_PATH names the node_modules holding axe-core and playwright-core;
// CHROMIUM the browser (default /usr/bin/chromium).
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const file = process.argv[2];
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
	await page.goto("file://" + path.resolve(file));
	const forms = await page.$$("form.quiz");
	const said = async (f) => (await f.$eval(".quiz-feedback",
	    (e) => [...e.querySelectorAll("p")].map((p) => p.textContent)
	    .join(" / ")));
	// submit by keyboard: focus the control, Enter on the button
	const submit = async (f) => {
		await (await f.$("button")).focus();
		await page.keyboard.press("Enter");
	};
	let k = 0;
	for (const f of forms) {
		k++;
		const kind = await f.getAttribute("data-kind");
		if (kind === "short") {
			const input = await f.$("input[type=text]");
			const tries = JSON.parse(process.env.QUIZ_SHORT ||
			    '["verkeerd", "21"]');
			for (const t of tries) {
				await input.fill("");
				await input.focus();
				await page.keyboard.type(t);
				await page.keyboard.press("Enter");
				console.log(`q${k} '${t}': ${await said(f)}`);
			}
			continue;
		}
		const boxes = await f.$$("input[data-t]");
		// one at a time ticked, by Space on the focused box
		for (let i = 0; i < boxes.length; i++) {
			if (kind === "many")
				for (const b of boxes) await b.setChecked(false);
			await boxes[i].focus();
			await page.keyboard.press("Space");
			await submit(f);
			console.log(`q${k} option ${i}: ${await said(f)}`);
		}
		if (kind === "many") {
			for (const b of boxes) await b.setChecked(false);
			for (const b of boxes) {
				// the right ones: the page does not say which,
				// the test's expectation does
				const v = await b.getAttribute("value");
				if ((process.env.QUIZ_MANY || "0,1").split(",")
				    .includes(v))
					await b.setChecked(true);
			}
			await submit(f);
			console.log(`q${k} options ${process.env.QUIZ_MANY || "0,1"}: ${await said(f)}`);
		}
	}
	await page.addScriptTag({ content: fs.readFileSync(
	    require.resolve("axe-core/axe.min.js"), "utf8") });
	const r = await page.evaluate(() => window.axe.run(document,
	    { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }));
	for (const v of r.violations)
		console.log("axe " + v.id + ": " + v.help + " (" +
		    v.nodes.map((n) => n.target.join(" ")).join(", ") + ")");
	for (const e of errors)
		console.log("error: " + e);
	await browser.close();
})().catch((e) => { console.log("error: " + e); process.exit(1); });
