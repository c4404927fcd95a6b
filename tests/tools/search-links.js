// Every result of the site search links to a page and an id in it: the
// index leaves out an anchor that search.js can make again from the
// title (gen/search_index.c, S_slug()), and this proves the two agree.
//
//   node search-links.js SITE-DIR
"use strict";
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
// titles and anchors are in the chapters' files (search/N.js)
const { api, idx } = require("./search-site.js")(dir);
const ids = {};
let bad = 0, made = 0;
for (let d = 0; d < idx.docs.length; d++) {
	const u = api.url(d);
	const [file, frag] = u.split("#");
	if (idx.docs[d][1] === null)
		made++;
	if (!ids[file]) {
		const f = path.join(dir, file);
		const h = fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "";
		ids[file] = new Set([...h.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]));
	}
	if (!ids[file].size || (frag !== undefined &&
	    !ids[file].has(decodeURIComponent(frag)))) {
		if (bad++ < 10)
			console.log("no such page or id: " + u + " (" + idx.docs[d][2] + ")");
	}
}
console.log(idx.docs.length + " results, " + made + " anchors made from the title, " +
    bad + " links to nothing");
process.exit(bad || made === 0 ? 1 : 0);
