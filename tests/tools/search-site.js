// A built site's search in node: its search.js (the module's api), the
// index and its shards, and the chapters' files (search/N.js): every one
// at once, or (lazy) as the search asks for them, through api.loader as
// a page would load them (loaded: the files, in order).  For the tools
// that run the site's own search outside a browser:
// tests/tools/search-words.js, search-links.js, bench/search_eval.js,
// bench/search_peers.js, bench/search_load.js.
//
//   const { api, idx, texts, loaded } =
//       require(".../search-site.js")(SITE-DIR[, lazy]);
"use strict";
const fs = require("fs");
const path = require("path");

module.exports = function (dir, lazy) {
	const api = require(path.resolve(dir, "search.js"));
	const texts = {}, loaded = [];
	const chapter = api.chapter;
	api.chapter = (c, data, sect) => { texts[c] = data[1]; chapter(c, data, sect); };
	let idx;
	const index = api.index;
	api.index = (d) => { idx = d; index(d); };
	globalThis.SalesgenSearch = api;
	const run = (f) => (0, eval)(fs.readFileSync(f, "utf8"));
	api.loader = (src, done) => {
		const f = path.join(dir, src);
		loaded.push(f);
		if (fs.existsSync(f))
			run(f);
		done();
	};
	run(path.join(dir, "search-index.js"));
	for (let k = 0; k < idx.shards.length; k++)
		if (idx.shards[k][1] === null)
			run(path.join(dir, "search-index-" + k + ".js"));
	if (!lazy)
		for (const f of fs.readdirSync(path.join(dir, "search")))
			run(path.join(dir, "search", f));
	return { api, idx, texts, loaded };
};
