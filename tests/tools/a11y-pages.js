// Every page of a built site in headless Chromium (playwright-core and
// Debian's chromium), in a light and a dark colour scheme: axe-core's
// WCAG 2.2 A/AA rules, and what axe cannot see by itself: the skip link
// is the first Tab stop and shows up, keyboard focus is visible (3:1
// against the ground), a site page turns dark when asked, and with
// prefers-reduced-motion nothing scrolls smoothly or moves.
//
//   node a11y-pages.js LIST
//
// The light run is a laptop (1280 px wide, no motion preference), the
// dark run a phone (390 px, prefers-reduced-motion: reduce), so both
// layouts and both motion settings are seen without a third pass.
//
// LIST holds one page a line, "GROUP<TAB>FILE"; one result line per group
// and colour scheme, "PASS a11y/GROUP-light (N pages)" or "FAIL ..." with
// one indented line per problem: page, rule, element.  One browser for
// all pages, so hundreds of pages take a minute or two, not one launch
// each.  NODE_PATH names the node_modules holding axe-core and
// playwright-core; CHROMIUM the browser (default /usr/bin/chromium);
// PREFIX goes before every test name.  Exit status 0 always unless the
// browser itself fails (2): the result lines carry the verdict.
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// and, outside those tags, rules for what screen readers list: regions
// with one name each, one main, one banner
const EXTRA = { "landmark-unique": { enabled: true },
    "landmark-one-main": { enabled: true },
    "landmark-no-duplicate-main": { enabled: true },
    "landmark-no-duplicate-banner": { enabled: true } };
const SCHEMES = ["light", "dark"];
const prefix = process.env.PREFIX || "";

// In the page: the checks axe has no rule for.  Returns problem lines.
function ownChecks() {
	const bad = [];
	const shown = (el) => {
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.right > 0 &&
		    r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
	};
	// the skip link: on a page with a header or navigation before the
	// content (2.4.1), the first Tab stop (focused by the caller),
	// visible when focused, and its target exists.  A one-page sales
	// document has none of those, so nothing to skip.
	const a = document.activeElement;
	if (!document.querySelector("header, nav"))
		;
	else if (!a || !a.matches("a.skip"))
		bad.push("skip-link: the first Tab stop is " +
		    (a ? a.outerHTML.replace(/\s+/g, " ").slice(0, 80) :
		    "nothing") +
		    ", not the skip link");
	else {
		if (!shown(a))
			bad.push("skip-link: not visible when focused");
		const id = decodeURIComponent(a.hash.slice(1));
		if (!document.getElementById(id))
			bad.push("skip-link: target #" + id + " does not exist");
	}
	// focus is visible: an outline (or a box shadow) on every kind of
	// focusable element the page has, checked on the first of each; an
	// outline stands out 3:1 from the page's ground (1.4.11)
	const lum = (c) => {
		const v = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
			x = Number(x) / 255;
			return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
	};
	const ground = lum(getComputedStyle(document.body).backgroundColor
	    .replace(/^rgba\(0, 0, 0, 0\)$/, "rgb(255, 255, 255)"));
	const seen = new Set();
	for (const el of document.querySelectorAll(
	    "a[href], [tabindex], button, input, select, textarea, summary")) {
		if (el.tabIndex < 0) continue;
		const key = el.tagName + "." + (el.getAttribute("class") || "") +
		    (el.hasAttribute("tabindex") ? "[tabindex]" : "");
		if (seen.has(key)) continue;
		seen.add(key);
		el.focus();
		if (document.activeElement !== el) continue;
		const cs = getComputedStyle(el);
		const ow = parseFloat(cs.outlineWidth) || 0;
		if (!((cs.outlineStyle !== "none" && ow >= 2) ||
		    cs.boxShadow !== "none"))
			bad.push("focus-visible: no visible focus on " +
			    el.outerHTML.replace(/\s+/g, " ").slice(0, 100));
		else if (cs.outlineStyle !== "none" && ow >= 2) {
			const l = lum(cs.outlineColor);
			const k = (Math.max(l, ground) + 0.05) /
			    (Math.min(l, ground) + 0.05);
			if (k < 3)
				bad.push("focus-contrast: the focus ring " +
				    cs.outlineColor + " has " + k.toFixed(2) +
				    ":1 against the ground, not 3:1, on " +
				    el.outerHTML.replace(/\s+/g, " ").slice(0, 80));
		}
	}
	return bad;
}

// In the page, in the dark run (prefers-color-scheme: dark and
// prefers-reduced-motion: reduce).
function darkChecks() {
	const bad = [];
	// a site page (one with the site's style.css) turns dark; a sales
	// document rendered alone is a letter and stays on white
	if (document.querySelector('link[rel=stylesheet][href$="style.css"]')) {
		const m = getComputedStyle(document.body).backgroundColor
		    .match(/[\d.]+/g).map(Number);
		if (m[0] + m[1] + m[2] > 3 * 64)
			bad.push("dark-theme: the page's ground is " +
			    getComputedStyle(document.body).backgroundColor +
			    " with prefers-color-scheme: dark");
	}
	const h = getComputedStyle(document.documentElement);
	if (h.scrollBehavior !== "auto")
		bad.push("reduced-motion: html scroll-behavior is " + h.scrollBehavior);
	for (const el of document.body.querySelectorAll("*")) {
		const cs = getComputedStyle(el);
		const t = cs.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
		if (cs.animationName !== "none" || t || cs.scrollBehavior !== "auto") {
			bad.push("reduced-motion: " + el.tagName.toLowerCase() +
			    (el.className ? "." + el.className : "") +
			    " still moves (animation " + cs.animationName +
			    ", transition " + cs.transitionDuration +
			    ", scroll-behavior " + cs.scrollBehavior + ")");
			break;
		}
	}
	return bad;
}

(async () => {
	const list = fs.readFileSync(process.argv[2], "utf8").split("\n")
	    .filter((l) => l !== "").map((l) => l.split("\t"));
	const groups = new Map();
	for (const [g, f] of list) {
		if (!groups.has(g)) groups.set(g, []);
		groups.get(g).push(f);
	}
	const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: ["--no-sandbox"]
	});
	// one colour scheme over a group's pages: problem lines
	const run = async (files, scheme) => {
		const context = await browser.newContext({
		    colorScheme: scheme,
		    reducedMotion: scheme === "dark" ? "reduce" : "no-preference",
		    viewport: scheme === "dark" ?
		    { width: 390, height: 844 } :
		    { width: 1280, height: 800 } });
		const page = await context.newPage();
		let errors = [];
		page.on("pageerror", (e) => errors.push("script error: " + e));
		// a site opened from disk asks for nothing outside itself
		page.on("request", (r) => {
			const u = r.url();
			if (!u.startsWith("file:") && !u.startsWith("data:"))
				errors.push("request for " + u);
		});
		const problems = [];
		for (const f of files) {
			errors = [];
			const rel = path.basename(f);
			await page.goto("file://" + path.resolve(f));
			// a search page asked for results: check them, not the
			// page before its script has filled them in
			if (f.includes("?q="))
				await page.waitForSelector("#search-results a",
				    { timeout: 10000 }).catch(() =>
				    errors.push("no results in #search-results"));
			await page.addScriptTag({ content: axe });
			const r = await page.evaluate(([TAGS, EXTRA]) =>
			    window.axe.run(document, { runOnly:
			    { type: "tag", values: TAGS },
			    rules: EXTRA, resultTypes: ["violations"] }),
			    [TAGS, EXTRA]);
			for (const v of r.violations)
				for (const n of v.nodes)
					problems.push(rel + ": " + v.id + " (" +
					    v.impact + "): " + v.help + ": " +
					    n.target.join(" ") +
					    (n.failureSummary ? " — " + n.failureSummary
					    .replace(/\s+/g, " ").slice(0, 160) : ""));
			await page.keyboard.press("Tab");
			for (const p of await page.evaluate(ownChecks))
				problems.push(rel + ": " + p);
			if (scheme === "dark")
				for (const p of await page.evaluate(darkChecks))
					problems.push(rel + ": " + p);
			for (const e of errors)
				problems.push(rel + ": " + e);
		}
		await context.close();
		return problems;
	};
	for (const [g, files] of groups) {
		// both schemes at once: two cores, one browser
		const res = await Promise.all(SCHEMES.map((sc) => run(files, sc)));
		SCHEMES.forEach((scheme, k) => {
			const problems = res[k];
			const name = prefix + "a11y/" + g + "-" + scheme;
			if (problems.length === 0)
				console.log("PASS " + name + " (" + files.length + " pages)");
			else {
				console.log("FAIL " + name + " (" + files.length +
				    " pages, " + problems.length + " problems)");
				for (const p of problems.slice(0, 60))
					console.log("  " + p);
				if (problems.length > 60)
					console.log("  ... and " +
					    (problems.length - 60) + " more");
			}
		});
	}
	await browser.close();
})().catch((e) => { console.log("FAIL " + prefix + "a11y: " + e); process.exit(2); });
