// A built site's search in node, as a page has it once every file is
// loaded: its search.js (the module's api), the index, its shards and
// every chapter's file (search/N.js).  For the tools that run the site's
// own search outside a browser: tests/tools/search-words.js,
// bench/search_eval.js, bench/search_peers.js.
//
//   const { api, idx, texts } = require(".../search-site.js")(SITE-DIR);
"use strict";
const fs = require("fs");
const path = require("path");

module.exports = function (dir) {
	const api = require(path.resolve(dir, "search.js"));
	const texts = {};
	const text = api.text;
	api.text = (ch, v, h) => { texts[ch] = v; text(ch, v, h); };
	let idx;
	const index = api.index;
	api.index = (d) => { idx = d; index(d); };
	globalThis.SalesgenSearch = api;
	const run = (f) => (0, eval)(fs.readFileSync(f, "utf8"));
	run(path.join(dir, "search-index.js"));
	for (let k = 0; k < idx.shards.length; k++)
		if (idx.shards[k][1] === null)
			run(path.join(dir, "search-index-" + k + ".js"));
	for (const f of fs.readdirSync(path.join(dir, "search")))
		run(path.join(dir, "search", f));
	return { api, idx, texts };
};
