/* salesgen site search: a classic script (no fetch, no modules), so the
 * site searches opened from disk (file://) as well as over http.  The
 * index is search-index.js beside this file (written by salesgen's
 * search_index.c); words become terms here exactly as they do there
 * (search_text.c): folded, stop words dropped, Snowball-stemmed (Dutch
 * with rules N, or English), checked word for word by
 * tests/search-terms.sh.  The stemmers follow the published Snowball
 * algorithms (snowballstem.org). */
(function (root) {
"use strict";
if (root.SalesgenSearch && root.SalesgenSearch.term)
	return;

/*** Words ***/

var LATIN1 = "aaaaaa*ceeeeiiiidnooooo-ouuuuyt*aaaaaa*ceeeeiiiidnooooo-ouuuuyty";
var LATIN_A = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllll" +
    "nnnnnnnnnoooooo**rrrrrrsssssssstttttt" + "uuuuuuuuuuuuwwyyyzzzzzzs";

function two(cp) {
	if (cp === 0xC6 || cp === 0xE6) return "ae";
	if (cp === 0xDF) return "ss";
	if (cp === 0x132 || cp === 0x133) return "ij";
	return "oe";
}

/* 0: no part of a word; 1: letter or digit; 2: inside a word, leaves
 * nothing (soft hyphen, combining accents, joiners) */
function cls(cp) {
	if (cp < 0x80)
		return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ||
		    (cp >= 48 && cp <= 57) ? 1 : 0;
	if (cp === 0xAD || (cp >= 0x300 && cp <= 0x36F) ||
	    (cp >= 0x200B && cp <= 0x200D))
		return 2;
	if (cp < 0xC0 || cp === 0xD7 || cp === 0xF7)
		return 0;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF20) ||
	    cp === 0xFEFF || cp === 0xFFFD || cp >= 0x1F000 ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return 1;
}

function foldChar(cp) {
	var c;
	if (cp >= 65 && cp <= 90) return String.fromCharCode(cp + 32);
	if (cp < 0x80) return String.fromCharCode(cp);
	if (cp >= 0xC0 && cp < 0x100) {
		c = LATIN1.charAt(cp - 0xC0);
		return c === "*" ? two(cp) : c;
	}
	if (cp >= 0x100 && cp < 0x180) {
		c = LATIN_A.charAt(cp - 0x100);
		return c === "*" ? two(cp) : c;
	}
	return String.fromCodePoint(cp);
}

/* The words of s: [{w: folded, a: start, b: end}] (UTF-16 offsets). */
function words(s) {
	var out = [], i = 0, n = s.length, cp, k, w, a, b, len;
	while (i < n) {
		cp = s.codePointAt(i);
		len = cp > 0xFFFF ? 2 : 1;
		if (cls(cp) !== 1) { i += len; continue; }
		w = ""; a = i;
		for (;;) {
			k = cls(cp);
			if (k === 0) break;
			if (k === 1) w += foldChar(cp);
			i += len;
			b = i;
			if (i >= n) break;
			cp = s.codePointAt(i);
			len = cp > 0xFFFF ? 2 : 1;
		}
		/* search_text.c keeps 63 bytes of a word */
		out.push({ w: cut(w), a: a, b: b });
	}
	return out;
}

function utf8len(cp) {
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function cut(w) {
	var bytes = 0, out = "", ch;
	for (ch of w) {
		var l = utf8len(ch.codePointAt(0));
		if (bytes + l > 63) break;
		bytes += l;
		out += ch;
	}
	return out;
}

var STOP = {
	nl: "aan al als bij dan dat de der deze die dit door dus een en er ge had heb hem het hier hij hoe hun ik in is je kan me men met mij mijn na naar niet nog nu of om omdat ons ook op over te tot u uit uw van voor want was wat werd wie wil wordt ze zich zij zijn zo zou",
	en: "a about an and are as at be been but by can did do does for from had has have he her his how i if in into is it its me my no not of on or our she so than that the their them then there these they this those to too was we were what when where which who why will with you your"
};
/* no prototype: "constructor" is a word, not a stop word */
var stopSet = Object.create(null);
Object.keys(STOP).forEach(function (l) {
	stopSet[l] = Object.create(null);
	STOP[l].split(" ").forEach(function (w) { stopSet[l][w] = 1; });
});

/*** Snowball Dutch ***/

function isVnl(c) { return "aeiouy\u00E8".indexOf(c) >= 0 && c !== ""; }

function dutch(word) {
	var a = Array.from(word), n, p1, p2, i, p, e_found = false;
	/* prelude: accents (folded already); y and i as consonants */
	if (a[0] === "y") a[0] = "Y";
	i = 0;
	for (;;) {
		var hit = false;
		for (p = i; p < a.length; p++) {
			if (!isVnl(a[p])) continue;
			if (a[p + 1] === "i" && p + 2 < a.length && isVnl(a[p + 2])) {
				a[p + 1] = "I"; i = p + 3; hit = true; break;
			}
			if (a[p + 1] === "y") {
				a[p + 1] = "Y"; i = p + 2; hit = true; break;
			}
		}
		if (!hit) break;
	}
	/* regions */
	n = a.length;
	p1 = n; p2 = n;
	(function () {
		var c = 0, x;
		if (n < 3) return;
		x = 3;
		while (c < n && !isVnl(a[c])) c++;
		if (c >= n) return; c++;
		while (c < n && isVnl(a[c])) c++;
		if (c >= n) return; c++;
		p1 = c < x ? x : c;
		while (c < n && !isVnl(a[c])) c++;
		if (c >= n) return; c++;
		while (c < n && isVnl(a[c])) c++;
		if (c >= n) return; c++;
		p2 = c;
	})();
	function ends(s) {
		var k = s.length, j;
		if (k > a.length) return false;
		for (j = 0; j < k; j++)
			if (a[a.length - k + j] !== s.charAt(j)) return false;
		return true;
	}
	function nonv(c) { return c !== undefined && !isVnl(c); }
	function undouble() {
		if (ends("kk") || ends("dd") || ends("tt")) a.length -= 1;
	}
	function en_ending(start) {
		if (start < p1 || !nonv(a[start - 1])) return false;
		if (start >= 3 && a[start - 3] === "g" && a[start - 2] === "e" &&
		    a[start - 1] === "m") return false;
		a.length = start;
		undouble();
		return true;
	}
	function e_ending() {
		var s = a.length - 1;
		e_found = false;
		if (ends("e") && s >= p1 && nonv(a[s - 1])) {
			a.length = s;
			e_found = true;
			undouble();
		}
	}
	/* step 1 */
	if (ends("heden")) {
		if (a.length - 5 >= p1) a.splice(a.length - 5, 5, "h", "e", "i", "d");
	} else if (ends("ene")) en_ending(a.length - 3);
	else if (ends("en")) en_ending(a.length - 2);
	else if (ends("se") || ends("s")) {
		var st = a.length - (ends("se") ? 2 : 1);
		if (st >= p1 && nonv(a[st - 1]) && a[st - 1] !== "j") a.length = st;
	}
	/* step 2 */
	e_ending();
	/* step 3a */
	if (ends("heid") && a.length - 4 >= p2 && a[a.length - 5] !== "c") {
		a.length -= 4;
		if (ends("en")) en_ending(a.length - 2);
	}
	/* step 3b */
	var s3 = a.length;
	if (ends("lijk")) {
		if (s3 - 4 >= p2) { a.length = s3 - 4; e_ending(); }
	} else if (ends("baar")) {
		if (s3 - 4 >= p2) a.length = s3 - 4;
	} else if (ends("end") || ends("ing")) {
		if (s3 - 3 >= p2) {
			a.length = s3 - 3;
			if (ends("ig") && a.length - 2 >= p2 && a[a.length - 3] !== "e")
				a.length -= 2;
			else
				undouble();
		}
	} else if (ends("bar")) {
		if (s3 - 3 >= p2 && e_found) a.length = s3 - 3;
	} else if (ends("ig")) {
		if (s3 - 2 >= p2 && a[s3 - 3] !== "e") a.length = s3 - 2;
	}
	/* step 4: undouble a vowel (maan -> man) */
	n = a.length;
	if (n >= 4 && nonv(a[n - 1]) && a[n - 1] !== "I" &&
	    a[n - 2] === a[n - 3] && "aeou".indexOf(a[n - 2]) >= 0 &&
	    a[n - 2] !== "" && nonv(a[n - 4]))
		a.splice(n - 2, 1);
	return a.join("").replace(/I/g, "i").replace(/Y/g, "y");
}

/*** Snowball English (Porter2) ***/

var EN_EXC1 = { skis: "ski", skies: "sky", dying: "die", lying: "lie",
	tying: "tie", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli",
	only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
	atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" };
var EN_EXC2 = { inning: 1, outing: 1, canning: 1, herring: 1, earring: 1,
	proceed: 1, exceed: 1, succeed: 1 };

function isVen(c) { return c !== undefined && "aeiouy".indexOf(c) >= 0 && c !== ""; }

function english(word) {
	if (Object.prototype.hasOwnProperty.call(EN_EXC1, word))
		return EN_EXC1[word];
	var a = Array.from(word), n, p1, p2, i, c;
	if (a.length < 3) return word;
	if (a[0] === "y") a[0] = "Y";
	for (i = 1; i < a.length; i++)
		if (a[i] === "y" && isVen(a[i - 1])) a[i] = "Y";
	n = a.length; p1 = n; p2 = n;
	(function () {
		var s = a.join(""), c2 = 0;
		if (/^(gener|commun|arsen)/.test(s))
			c2 = s.match(/^(gener|commun|arsen)/)[1].length;
		else {
			while (c2 < n && !isVen(a[c2])) c2++;
			if (c2 >= n) return; c2++;
			while (c2 < n && isVen(a[c2])) c2++;
			if (c2 >= n) return; c2++;
		}
		p1 = c2;
		while (c2 < n && !isVen(a[c2])) c2++;
		if (c2 >= n) return; c2++;
		while (c2 < n && isVen(a[c2])) c2++;
		if (c2 >= n) return; c2++;
		p2 = c2;
	})();
	function ends(s) {
		var k = s.length, j;
		if (k > a.length) return false;
		for (j = 0; j < k; j++)
			if (a[a.length - k + j] !== s.charAt(j)) return false;
		return true;
	}
	function first(list) {	/* the longest suffix of list, or null */
		var best = null;
		list.forEach(function (s) {
			if (ends(s) && (best === null || s.length > best.length))
				best = s;
		});
		return best;
	}
	function set(k, s) {	/* replace the last k letters by s */
		a.length -= k;
		for (var j = 0; j < s.length; j++) a.push(s.charAt(j));
	}
	function shortv(end) {	/* a short syllable ends before end */
		var x = a[end - 1], y = a[end - 2], z = a[end - 3];
		if (end >= 3 && !isVen(x) && x !== "w" && x !== "x" && x !== "Y" &&
		    isVen(y) && !isVen(z)) return true;
		return end === 2 && !isVen(x) && isVen(y);
	}
	/* step 1a */
	var s = first(["sses", "ied", "ies", "us", "ss", "s"]);
	if (s === "sses") set(4, "ss");
	else if (s === "ied" || s === "ies") set(3, a.length - 3 >= 2 ? "i" : "ie");
	else if (s === "s") {
		for (i = a.length - 3; i >= 0; i--)
			if (isVen(a[i])) break;
		if (i >= 0) a.length -= 1;
	}
	if (Object.prototype.hasOwnProperty.call(EN_EXC2, a.join("")))
		return a.join("").replace(/Y/g, "y");
	/* step 1b */
	s = first(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
	if (s === "eed" || s === "eedly") {
		if (a.length - s.length >= p1) set(s.length, "ee");
	} else if (s !== null) {
		for (i = a.length - s.length - 1; i >= 0; i--)
			if (isVen(a[i])) break;
		if (i >= 0) {
			a.length -= s.length;
			var t = first(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm",
			    "nn", "pp", "rr", "tt"]);
			if (t === "at" || t === "bl" || t === "iz") a.push("e");
			else if (t !== null) a.length -= 1;
			else if (a.length === p1 && shortv(a.length)) a.push("e");
		}
	}
	/* step 1c */
	n = a.length;
	if ((a[n - 1] === "y" || a[n - 1] === "Y") && n >= 3 && !isVen(a[n - 2]))
		a[n - 1] = "i";
	/* step 2 */
	var S2 = { tional: "tion", enci: "ence", anci: "ance", abli: "able",
		entli: "ent", izer: "ize", ization: "ize", ational: "ate",
		ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al",
		fulness: "ful", ousli: "ous", ousness: "ous", iveness: "ive",
		iviti: "ive", biliti: "ble", bli: "ble", ogi: "og", fulli: "ful",
		lessli: "less", li: "" };
	s = first(Object.keys(S2));
	if (s !== null && a.length - s.length >= p1) {
		c = a[a.length - s.length - 1];
		if (s === "ogi") { if (c === "l") set(3, "og"); }
		else if (s === "li") { if (c !== undefined && "cdeghkmnrt".indexOf(c) >= 0) a.length -= 2; }
		else set(s.length, S2[s]);
	}
	/* step 3 */
	var S3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic",
		iciti: "ic", ical: "ic", ful: "", ness: "", ative: null };
	s = first(Object.keys(S3));
	if (s !== null && a.length - s.length >= p1) {
		if (s === "ative") { if (a.length - 5 >= p2) a.length -= 5; }
		else set(s.length, S3[s]);
	}
	/* step 4 */
	s = first(["al", "ance", "ence", "er", "ic", "able", "ible", "ant",
	    "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
	    "ion"]);
	if (s !== null && a.length - s.length >= p2) {
		if (s === "ion") {
			c = a[a.length - 4];
			if (c === "s" || c === "t") a.length -= 3;
		} else a.length -= s.length;
	}
	/* step 5 */
	n = a.length;
	if (a[n - 1] === "e") {
		if (n - 1 >= p2 || (n - 1 >= p1 && !shortv(n - 1))) a.length -= 1;
	} else if (a[n - 1] === "l") {
		if (n - 1 >= p2 && a[n - 2] === "l") a.length -= 1;
	}
	return a.join("").replace(/Y/g, "y");
}

/*** Terms ***/

/* The term of a folded word, or null; as search_text_term(). */
function term(word, lang) {
	var a = Array.from(word), n, s;
	if (utf8bytes(word) >= 256 || a.length < 2) return null;
	if (/^[0-9]+$/.test(word)) return word;
	if (stopSet[lang === "en" ? "en" : "nl"][word]) return null;
	if (lang === "en") return english(word);
	/* rule N(a): offertes, acties */
	n = a.length;
	if (n >= 5 && a[n - 1] === "s" && a[n - 2] === "e" &&
	    "aeos".indexOf(a[n - 3]) < 0)
		a.length = n - 1;
	s = Array.from(dutch(a.join("")));
	n = s.length;
	/* N(b): plann -> plan */
	if (n > 3 && s[n - 1] === s[n - 2] && s[n - 1].codePointAt(0) < 0x80 &&
	    "aeiouy".indexOf(s[n - 1]) < 0)
		s.length = --n;
	/* N(c), N(d) */
	if (s[n - 1] === "v") s[n - 1] = "f";
	else if (s[n - 1] === "z") s[n - 1] = "s";
	return s.join("");
}

function utf8bytes(w) {
	var b = 0, ch;
	for (ch of w) b += utf8len(ch.codePointAt(0));
	return b;
}

/*** The index ***/

var base = "", idx = null, waiting = [], texts = {}, textWait = {};

function load(src, done) {
	var s = document.createElement("script");
	s.src = src;
	s.onload = done;
	s.onerror = done;
	document.head.appendChild(s);
}

function shardOf(t) {	/* the last shard whose first term is <= t */
	var lo = 0, hi = idx.shards.length - 1, mid;
	while (lo < hi) {
		mid = (lo + hi + 1) >> 1;
		if (idx.shards[mid][0] <= t) lo = mid; else hi = mid - 1;
	}
	return lo;
}

function parsed(k) {	/* shard k's terms as an array, its lines */
	var sh = idx.shards[k];
	if (!sh.t) {
		sh.t = sh[1] === "" ? [] : sh[1].split(" ");
		sh.p = sh[2].split("\n");
	}
	return sh;
}

/* lower bound of t in the sorted array v */
function lower(v, t) {
	var lo = 0, hi = v.length, mid;
	while (lo < hi) {
		mid = (lo + hi) >> 1;
		if (v[mid] < t) lo = mid + 1; else hi = mid;
	}
	return lo;
}

/* The shards a query needs that are not loaded yet. */
function missing(q) {
	var need = {}, out = [];
	function from(t, end) {
		for (var k = shardOf(t); k < idx.shards.length && idx.shards[k][0] <= end; k++) {
			if (idx.shards[k][1] === null) need[k] = 1;
			if (t === end) break;
		}
	}
	q.forEach(function (w) {
		w.ts.forEach(function (x) { from(x[0], x[0]); });
		if (w.p) from(w.p, w.p + "\uffff");
	});
	for (var k in need) out.push(+k);
	return out;
}

/* A term's postings, decoded once: [docs, weights] */
var decoded = Object.create(null);

/* A digit's value: 0-31 for a number's inner digits, 32-63 for its last
 * (gen/search_index.c, S_num) */
var DIGIT = (function () {
	var v = new Int8Array(128), a = "0123456789abcdefghijklmnopqrstuv",
	    z = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_~", k;
	for (k = 0; k < 32; k++) {
		v[a.charCodeAt(k)] = k;
		v[z.charCodeAt(k)] = 32 + k;
	}
	return v;
})();

/* The docs of s[a..b) in Rice code (S_rice()): n and k as numbers,
 * then each gap less one as a unary quotient and k bits, six bits a
 * digit (DIGIT's value) */
function rice(s, a, b) {
	var at = a, n = 0, k = 0, d, i, q, acc = 0, nb = 0, prev = -1, out, mask;
	if (a >= b) return new Int32Array(0);
	while ((d = DIGIT[s.charCodeAt(at++)]) < 32) n = n * 32 + d;
	n = n * 32 + d - 32;
	while ((d = DIGIT[s.charCodeAt(at++)]) < 32) k = k * 32 + d;
	k = k * 32 + d - 32;
	mask = (1 << k) - 1;
	out = new Int32Array(n);
	for (i = 0; i < n; i++) {
		/* the quotient: ones up to a zero */
		q = 0;
		for (;;) {
			if (nb === 0) { acc = DIGIT[s.charCodeAt(at++)]; nb = 6; }
			if (((acc >> --nb) & 1) === 0) break;
			q++;
		}
		/* the k low bits at once: acc keeps its nb unread bits */
		while (nb < k) {
			acc = ((acc & ((1 << nb) - 1)) << 6) | DIGIT[s.charCodeAt(at++)];
			nb += 6;
		}
		nb -= k;
		prev += q * (mask + 1) + ((acc >> nb) & mask) + 1;
		out[i] = prev;
	}
	return out;
}

/*
 * The range code (gen/search_code.c, which says why): bytes, six bits a
 * digit, zeros after the last; a bit's chance of a 0 made of the zeros
 * and ones so far in its context, n[2 * ctx] and n[2 * ctx + 1]
 * (S_p0(): (n0 + 0.2) / (n + 0.4) in 12 bits, never 0 or 1).  range
 * and code have 31 bits: small integers, so bit operations on them are
 * safe and quick (held as doubles, 32-bit ones took twice the time).
 */
/* The decoder's state: its digits s[at..end), the bits of the last
 * read not yet taken (acc, nb), range and code */
function Rc(s, a, b) {
	this.s = s;
	this.at = a;
	this.end = b;
	this.acc = 0;
	this.nb = 0;
	this.range = 2147483647;
	this.code = 0;
	for (var k = 0; k < 4; k++) this.code = (this.code << 8) | this.byte();
}
Rc.prototype.byte = function () {
	while (this.nb < 8) {
		this.acc = ((this.acc & 255) << 6) |
		    (this.at < this.end ? DIGIT[this.s.charCodeAt(this.at++)] : 0);
		this.nb += 6;
	}
	this.nb -= 8;
	return (this.acc >> this.nb) & 255;
};
/* The next bit, in the context whose counts are n[i] (zeros) and
 * n[i + 1] (ones), counted on */
Rc.prototype.bit = function (n, i) {
	var p0 = ((10 * n[i] + 2) * 4096 / (10 * (n[i] + n[i + 1]) + 4)) | 0;
	var bound = (this.range >> 12) * (p0 < 1 ? 1 : p0 > 4095 ? 4095 : p0), one = 0;
	if (this.code < bound) {
		this.range = bound;
	} else {
		this.code -= bound;
		this.range -= bound;
		one = 1;
	}
	n[i + one]++;
	while (this.range < 8388608) {
		this.range <<= 8;
		this.code = (this.code << 8) | this.byte();
	}
	return one;
};

/* The docs of s[a..b) as bits in the range code (search_code_bits()):
 * each doc's bit in its context, for a section its size class (idx.cls)
 * and in how many sections before it in its chapter the term is (0, 1,
 * more), for a glossary term whether the term is in its section
 * (idx.def); the docs of the terms its line names (parts) are skipped,
 * as known */
function bits(s, a, b, parts) {
	var n = new Int32Array(22), nd = idx.docs.length, nsec = idx.firstGloss;
	var cls = idx.cls, first = idx.first, def = idx.def, rc = new Rc(s, a, b);
	var bit = new Uint8Array(nd), d, k, j, ctx, before = 0, m = 0, out;
	for (k = 0; k < parts.length; k++)
		for (j = 0; j < parts[k].length; j++)
			bit[parts[k][j]] = 2;
	for (d = 0; d < nsec; d++) {
		if (first[d] === 1) before = 0;
		if (bit[d] === 2) { before++; continue; }
		ctx = 2 * (cls[d] * 3 + (before < 2 ? before : 2));
		if (rc.bit(n, ctx) === 1) {
			bit[d] = 1;
			m++;
			before++;
		}
	}
	for (; d < nd; d++) {
		if (bit[d] === 2) continue;
		ctx = 18 + (def[d - nsec] >= 0 && bit[def[d - nsec]] !== 0 ? 2 : 0);
		if (rc.bit(n, ctx) === 1) {
			bit[d] = 1;
			m++;
		}
	}
	out = new Int32Array(m);
	for (m = 0, d = 0; d < nd; d++)
		if (bit[d] === 1) out[m++] = d;
	return out;
}

/* The weights of docs (ten for a marked section, twenty for a marked
 * glossary term, one for any other) from the bits of s[a..b) in the
 * range code (search_code_marks()), a doc's context its size class or,
 * for a glossary term, one of its own */
function weights(s, a, b, docs) {
	var n = new Int32Array(8), nsec = idx.firstGloss, cls = idx.cls;
	var ws = new Uint8Array(docs.length).fill(1), rc = new Rc(s, a, b), k, d;
	for (k = 0; k < docs.length; k++) {
		d = docs[k];
		if (rc.bit(n, d < nsec ? 2 * cls[d] : 6) === 1)
			ws[k] = d < nsec ? 10 : 20;
	}
	return ws;
}

/* The numbers of s[a..b) (S_num()), summed as they go when sum */
function nums(s, a, b, sum) {
	var n = 0, k, d, v = 0, at = 0, out;
	for (k = a; k < b; k++)
		if (DIGIT[s.charCodeAt(k)] >= 32) n++;
	out = new Int32Array(n);
	for (n = 0, k = a; k < b; k++) {
		d = DIGIT[s.charCodeAt(k)];
		if (d < 32) { v = v * 32 + d; continue; }
		v = v * 32 + d - 32;
		at = sum ? at + v : v;
		out[n++] = at;
		v = 0;
	}
	return out;
}

/* The term of rank r (its place in all terms) and its line, or null
 * when its shard is not loaded yet (then noted in lack, unless quiet) */
var lack = Object.create(null);
function lineOf(r, quiet) {
	var lo = 0, hi = idx.shards.length - 1, mid, sh;
	while (lo < hi) {
		mid = (lo + hi + 1) >> 1;
		if (idx.shards[mid][3] <= r) lo = mid; else hi = mid - 1;
	}
	if (idx.shards[lo][1] === null) {
		if (!quiet) lack[lo] = 1;
		return null;
	}
	sh = parsed(lo);
	return [sh.t[r - idx.shards[lo][3]], sh.p[r - idx.shards[lo][3]]];
}

/* About how many docs a term's line has: its length with those of the
 * terms it names (those loaded) */
var sizes = Object.create(null);
function size(line) {
	var e = line.indexOf(";"), n = line.length, drv, k, x;
	if (e < 0) return n;
	if (sizes[line] !== undefined) return sizes[line];
	drv = nums(line, e + 1, line.length, true);
	for (k = 0; k < drv.length; k++)
		if ((x = lineOf(drv[k], true)) !== null && x[1] !== undefined)
			n += size(x[1]);
	return (sizes[line] = n);
}

/* The sorted docs of u or v (both sorted), each once */
function union(u, v) {
	var out = new Int32Array(u.length + v.length), i = 0, j = 0, at = 0;
	while (i < u.length && j < v.length)
		if (u[i] < v[j]) out[at++] = u[i++];
		else if (u[i] > v[j]) out[at++] = v[j++];
		else { out[at++] = u[i++]; j++; }
	while (i < u.length) out[at++] = u[i++];
	while (j < v.length) out[at++] = v[j++];
	return out.subarray(0, at);
}

/* The sorted docs of the sorted lists v, each once: marks in one array
 * kept for it (a new one for each term, over all docs, was most of a
 * first keystroke's time), read back between the least and the most */
var marks = null;
function unions(v) {
	var k, j, x, lo = Infinity, hi = -1, n = 0, out, at = 0;
	if (marks === null || marks.length !== idx.docs.length)
		marks = new Uint8Array(idx.docs.length);
	for (k = 0; k < v.length; k++) {
		x = v[k];
		if (x.length === 0) continue;
		if (x[0] < lo) lo = x[0];
		if (x[x.length - 1] > hi) hi = x[x.length - 1];
		for (j = 0; j < x.length; j++) {
			n += 1 - marks[x[j]];
			marks[x[j]] = 1;
		}
	}
	out = new Int32Array(n);
	for (k = lo; k <= hi; k++)
		if (marks[k]) { out[at++] = k; marks[k] = 0; }
	return out;
}

/* A term's line (S_line()): its docs (rice()), after "," the places in
 * the whole list of the docs where it is in the heading or is the
 * glossary term, which weigh ten (twenty) where the others weigh one,
 * and after ";" the
 * ranks of the terms whose docs are all among its own (a compound's, a
 * set phrase's other words'); null while one of those is in a shard not
 * loaded */
function postings(t, line) {
	var p = decoded[t];
	if (p) return p;
	var e = line.indexOf(";"), c = line.indexOf(",");
	if (e < 0) e = line.length;
	if (c < 0 || c > e) c = e;
	/* the terms it names first: bits() skips their docs */
	var docs, k, x, parts = [], at, lost = 0;
	if (e < line.length) {
		var drv = nums(line, e + 1, line.length, true);
		for (k = 0; k < drv.length; k++) {
			x = lineOf(drv[k]);
			if (x !== null && x[1] === undefined) { lost = 1; continue; }	/* shard failed */
			if (x !== null) x = postings(x[0], x[1]);
			if (x === null) return null;
			parts.push(x[0]);
		}
	}
	if (line.charAt(0) !== ".")
		docs = rice(line, 0, c);
	else	/* without all of the parts the bits cannot be read */
		docs = lost ? new Int32Array(0) : bits(line, 1, c, parts);
	if (parts.length > 0) {
		parts.unshift(docs);
		docs = parts.length === 2 ? union(parts[0], parts[1]) : unions(parts);
	}
	var ws, gl = idx.firstGloss;
	if (c < e && line.charAt(c + 1) === ".")
		ws = weights(line, c + 2, e, docs);
	else {
		ws = new Uint8Array(docs.length).fill(1);
		var gaps = nums(line, c + 1, e, false);
		for (at = 0, k = 0; k < gaps.length; k++) {
			at += gaps[k];
			ws[at] = docs[at] >= gl ? 20 : 10;
			at++;
		}
	}
	return (decoded[t] = [docs, ws]);
}

/* Adds the weights of one query word to acc (per doc), the docs it
 * finds to hits: its terms exactly, each in the docs of the languages
 * that make it of the word, and for the last word every term that
 * begins with what was typed so far (the first 200) */
function match(w, acc, hits) {
	var k, sh, i, n = 0;
	function add(t, line, langs) {
		var p = postings(t, line), d, j, lang = idx.bits;
		if (p === null) return;		/* see lack */
		var ds = p[0], ws = p[1], len = ds.length;
		/* a word with a term in every language of the site (any
		 * prefix) asks no doc its language: the common case, and
		 * the loop every keystroke runs over thousands of postings */
		if ((langs & idx.langBits) === idx.langBits) {
			for (j = 0; j < len; j++) {
				d = ds[j];
				if (acc[d] === 0) hits.push(d);
				acc[d] += ws[j];
			}
			return;
		}
		for (j = 0; j < len; j++) {
			d = ds[j];
			if ((langs & lang[d]) === 0) continue;
			if (acc[d] === 0) hits.push(d);
			acc[d] += ws[j];
		}
	}
	w.ts.forEach(function (x) {
		sh = parsed(shardOf(x[0]));
		i = lower(sh.t, x[0]);
		if (sh.t[i] === x[0]) add(x[0], sh.p[i], x[1]);
	});
	if (w.p) {
		var cand = [], budget = PREFIX_BUDGET;
		for (k = shardOf(w.p); k < idx.shards.length && n < 200; k++) {
			sh = parsed(k);
			for (i = lower(sh.t, w.p); i < sh.t.length && n < 200 &&
			    sh.t[i].lastIndexOf(w.p, 0) === 0; i++, n++)
				if (!w.ts.some(own(sh.t[i]))) cand.push([sh.t[i], sh.p[i]]);
			if (i < sh.t.length) break;
		}
		/* while a word is typed, its commonest completions first, up
		 * to a budget of postings: a keystroke stays quick however
		 * many words begin with "ver" (how common: the length of the
		 * line and of the lines it names) */
		cand.forEach(function (x) { x.push(size(x[1])); });
		cand.sort(function (x, y) { return y[2] - x[2]; });
		for (i = 0; i < cand.length && budget > 0; i++) {
			add(cand[i][0], cand[i][1], ALL);
			if (decoded[cand[i][0]])
				budget -= decoded[cand[i][0]][0].length;
		}
	}
}
var PREFIX_BUDGET = 20000;
function own(t) { return function (x) { return x[0] === t; }; }

/* The languages as bits (a doc's is docs[d][5]); a site has chapters in
 * its own language and perhaps some in the other (search_index.c) */
var BIT = { nl: 1, en: 2 }, ALL = 3;

/* The query's words: {ts: [[term, langs]...], p: prefix (last word
 * only), w: folded, free: langs}: a word's term in each language of the
 * site (langs: the bits of those that make it), free the languages in
 * which it is a stop word, and so asks nothing of their docs */
function query(s) {
	var ws = words(s), out = [], last = ws.length - 1;
	var open = last >= 0 && ws[last].b === s.length;
	ws.forEach(function (x, k) {
		var ts = [], p = null, free = 0;
		if (k === last && open && x.w.length >= 2) p = x.w;
		idx.langs.forEach(function (l) {
			var t = term(x.w, l), e = t && ts.filter(own(t))[0];
			if (e) e[1] |= BIT[l];
			else if (t) ts.push([t, BIT[l]]);
			else if (!p) free |= BIT[l];
		});
		if (ts.length || p) out.push({ ts: ts, p: p, w: x.w, free: free });
	});
	/* a word every doc must have first: its docs are the candidates */
	return out.filter(function (w) { return !w.free; }).concat(
	    out.filter(function (w) { return w.free; }));
}

/* The term that w has in the language of bit, or null */
function termIn(w, bit) {
	for (var k = 0; k < w.ts.length; k++)
		if (w.ts[k][1] & bit) return w.ts[k][0];
	return null;
}

function prefetch(k) {
	while (k < idx.shards.length && idx.shards[k][1] !== null) k++;
	if (k >= idx.shards.length) return;
	load(base + "search-index-" + k + ".js", function () {
		if (idx.shards[k][1] === null) idx.shards[k][1] = "", idx.shards[k][2] = "";
		setTimeout(function () { prefetch(k + 1); }, 0);
	});
}

/* A zeroed array of n scores, and back when done with it: reused, as a
 * new one for every keystroke's words cost a collection of garbage
 * every few keystrokes (a large typed array lives outside the heap) */
var pool = [];
function take(n) {
	var m = pool.pop();
	return m && m.length === n ? m : new Float64Array(n);
}
function give(m) {
	if (m === null) return;
	m.fill(0);
	pool.push(m);
}

/* Runs s; calls done(results) once the shards it needs are there: the
 * best 50, or all of them. */
function search(s, done, all) {
	var q = query(s), need = missing(q), left = need.length;
	if (left > 0) {
		need.forEach(function (k) {
			load(base + "search-index-" + k + ".js", function () {
				if (idx.shards[k][1] === null) idx.shards[k][1] = "", idx.shards[k][2] = "";
				if (--left === 0) search(s, done, all);
			});
		});
		return;
	}
	var n = idx.docs.length, score = null, list = [], docs = idx.docs;
	lack = Object.create(null);
	q.forEach(function (w, k) {
		var m = take(n), hits = [], seen;
		match(w, m, hits);
		if (k === 0 && !w.free) { score = m; list = hits; return; }
		if (k === 0) {
			/* every word is a stop word somewhere (a site in two
			 * languages): the candidates are all the words' docs */
			score = new Float64Array(n);
			seen = new Uint8Array(n);
			list = [];
			q.forEach(function (v) {
				var h = [];
				match(v, new Float64Array(n), h);
				h.forEach(function (d) { if (!seen[d]) { seen[d] = 1; list.push(d); } });
			});
		}
		/* every word must be found, but in the docs of a language in
		 * which it is a stop word */
		list = list.filter(function (d) { return m[d] > 0 || (w.free & docs[d][5]) !== 0; });
		list.forEach(function (d) { score[d] += m[d]; });
		give(m);
	});
	/* the terms a line names in shards still to load: those, then again */
	need = Object.keys(lack).map(Number);
	if (need.length > 0) {
		give(score);
		left = need.length;
		need.forEach(function (k) {
			load(base + "search-index-" + k + ".js", function () {
				if (idx.shards[k][1] === null) idx.shards[k][1] = "", idx.shards[k][2] = "";
				if (--left === 0) search(s, done, all);
			});
		});
		return;
	}
	if (!all && list.length > 200) {
		/* the best 50 only: the 50th score by a selection (nth()),
		 * many times quicker than sorting the pairs, or the scores:
		 * a typed sort of 10,000 was most of a keystroke's time */
		var v = new Float64Array(list.length), k;
		for (k = 0; k < list.length; k++) v[k] = score[list[k]];
		var min = nth(v, v.length - 50);
		list = list.filter(function (d) { return score[d] >= min; });
	}
	var res = list.map(function (d) { return [d, score[d]]; });
	give(score);
	res.sort(function (x, y) { return y[1] - x[1] || x[0] - y[0]; });
	done(res.slice(0, all ? res.length : 50).map(function (r) { return r[0]; }), q);
}

/* The k-th smallest (from 0) of v, which it reorders: a quickselect
 * with a three-way partition, as scores repeat (sums of 1, 10 and 20) */
function nth(v, k) {
	var lo = 0, hi = v.length - 1, i, lt, gt, p, x;
	while (lo < hi) {
		p = v[(lo + hi) >> 1];
		lt = lo; gt = hi; i = lo;
		while (i <= gt) {
			x = v[i];
			if (x < p) { v[i++] = v[lt]; v[lt++] = x; }
			else if (x > p) { v[i] = v[gt]; v[gt--] = x; }
			else i++;
		}
		if (k < lt) hi = lt - 1;
		else if (k > gt) lo = gt + 1;
		else return p;
	}
	return v[k];
}

/*** Results ***/

function esc(s) {
	return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/* 1 when the word x of a doc in the language of bit is one the query
 * q found */
function hit(x, q, bit) {
	var t = null, lang = bit === BIT.en ? "en" : "nl";
	return q.some(function (w) {
		var wt = termIn(w, bit);
		if (w.p && x.w.lastIndexOf(w.p, 0) === 0) return true;
		if (!wt) return false;
		if (t === null) t = term(x.w, lang) || "";
		if (t === wt) return true;
		/* a compound ends in the term: verkoopplan for plan,
		 * verkoopprijzen for prijs */
		for (var k = 3; wt.length >= 3 && k + 3 <= x.w.length; k++)
			if (x.w.charAt(k) === wt.charAt(0) &&
			    term(x.w.slice(k), lang) === wt) return true;
		return x.w.indexOf(wt) >= 0 && wt.length >= 3;
	});
}

/* s (of a doc in the language of bit) with the query's words marked,
 * around the first hit (a snippet) or whole (a title) */
function marked(s, q, snip, bit) {
	var ws = words(s), hits = ws.filter(function (x) { return hit(x, q, bit); });
	var a = 0, b = s.length, out = "", at;
	if (snip) {
		var first = hits.length ? hits[0].a : 0;
		a = Math.max(0, first - 60);
		while (a > 0 && s.charAt(a - 1) !== " ") a--;
		b = Math.min(s.length, a + 200);
		while (b < s.length && s.charAt(b) !== " ") b++;
	}
	at = a;
	hits.forEach(function (x) {
		if (x.a < a || x.b > b) return;
		out += esc(s.slice(at, x.a)) + "<mark>" + esc(s.slice(x.a, x.b)) + "</mark>";
		at = x.b;
	});
	out += esc(s.slice(at, b));
	return (a > 0 ? "… " : "") + out + (b < s.length ? " …" : "");
}

/* The anchor search_index.c left out as this of the title (S_slug()):
 * ASCII letters and digits lowercased, "-" and "_" kept, spaces to "-",
 * after a heading number "1.2 " when num */
function slug(t, num) {
	var i = 0, out = "", c;
	if (num) {
		while (i < t.length && ((c = t.charCodeAt(i)) === 46 || (c >= 48 && c <= 57))) i++;
		i = i > 0 && t.charAt(i) === " " ? i + 1 : 0;
	}
	for (; i < t.length; i++) {
		c = t.charCodeAt(i);
		if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)
			out += t.charAt(i);
		else if (c >= 65 && c <= 90)
			out += String.fromCharCode(c + 32);
		else if (c === 32)
			out += "-";
	}
	return out;
}

/* The index's docs as [chapter, anchor, title, kind, text, lang]:
 * every chapter's sections, then the glossary terms (data.gloss: their
 * chapters); kind 1 for a glossary term, text the doc's number in its
 * chapter's file (search/N.js: the sections', then the glossary
 * terms'), lang its chapter's as a bit of BIT.  Title and anchor are
 * null until that file is there (heads()); data.of[ch] are chapter ch's
 * docs, data.langs the languages of the site's chapters */
function expand(data) {
	var docs = [], d = 0, has = {};
	data.of = [];
	data.chapters.forEach(function (c, ch) {
		var bit = BIT[c[3] || data.lang];
		has[c[3] || data.lang] = 1;
		data.of[ch] = [];
		for (var k = 0; k < c[2]; k++, d++) {
			docs.push([ch, null, null, 0, k, bit]);
			data.of[ch].push(d);
		}
	});
	data.firstGloss = d;	/* the docs from here on are glossary terms */
	/* the glossary terms' chapters: numbers without separators */
	data.gloss = Array.prototype.slice.call(nums(data.gloss, 0, data.gloss.length, false));
	data.gloss.forEach(function (ch) {
		docs.push([ch, null, null, 1, data.of[ch].length,
		    BIT[data.chapters[ch][3] || data.lang]]);
		data.of[ch].push(d++);
	});
	data.docs = docs;
	/* bits()'s model: the sections' size classes (data.cls: three a
	 * digit), which are first in their chapters, the glossary terms'
	 * sections as docs (data.def: their numbers in their chapters;
	 * -1 for none) */
	var cls = new Uint8Array(data.firstGloss), first = new Uint8Array(data.firstGloss);
	for (d = 0; d < data.firstGloss; d++) {
		cls[d] = Math.floor(DIGIT[data.cls.charCodeAt(Math.floor(d / 3))] /
		    [9, 3, 1][d % 3]) % 3;
		first[d] = docs[d][4] === 0 ? 1 : 0;
	}
	var def = new Int32Array(data.gloss.length), gd = nums(data.def || "", 0,
	    (data.def || "").length, false);
	data.gloss.forEach(function (ch, g) {
		def[g] = data.chapters[ch][2] > 0 ? data.of[ch][gd[g]] : -1;
	});
	data.cls = cls;
	data.first = first;
	data.def = def;
	/* each doc's language bit, for the loop over postings (match()) */
	data.bits = new Uint8Array(docs.length);
	data.langBits = 0;
	docs.forEach(function (x, k) { data.bits[k] = x[5]; data.langBits |= x[5]; });
	/* the site's own language first: a word's term in it leads */
	data.langs = [data.lang].concat(Object.keys(has).filter(function (l) {
		return l !== data.lang;
	}).sort());
}

/* Chapter ch's titles and anchors from its file (S_heads()): each
 * "title" (the anchor made from it: docUrl()) or [title, anchor], a
 * section's heading number counted on from the one before where
 * search_index.c left it out (S_title()) */
function heads(ch, h) {
	var num = [], c = idx.chapters[ch];
	function title(t) {
		var m, n;
		if (t.charAt(0) === "^") {
			n = t.charCodeAt(1) - 48;
			t = t.slice(2);
			if (n > 0) {
				num = n <= num.length ? num.slice(0, n) : num.concat([0]);
				num[n - 1]++;
				return num.join(".") + " " + t;
			}
		}
		if ((m = /^([0-9]{1,9}(?:\.[0-9]{1,9}){0,15}) /.exec(t)) !== null)
			num = m[1].split(".").map(Number);
		return t;
	}
	idx.of[ch].forEach(function (d, k) {
		var doc = idx.docs[d], x = h[k];
		if (x === undefined) return;
		if (typeof x === "string") x = [x, null];
		doc[2] = doc[3] ? x[0] : title(x[0]);
		doc[1] = x[1];
	});
	/* 0: the title of its first section */
	if (c[1] === 0 && c[2] > 0) c[1] = idx.docs[idx.of[ch][0]][2];
}

function docUrl(d) {
	var doc = idx.docs[d], ch = idx.chapters[doc[0]], a = doc[1];
	if (a === null) a = doc[2] === null ? "" : (doc[3] ? "def-" : "") + slug(doc[2], !doc[3]);
	return base + ch[0] + (a ? "#" + encodeURIComponent(a).replace(/%2F/g, "/") : "");
}

/* The results as a list of links into el, each shown once its
 * chapter's file (titles, anchors, texts) is there, in its place. */
function render(el, res, q, max) {
	var ul = document.createElement("ul");
	ul.className = "search-list";
	res.slice(0, max).forEach(function (d) {
		var doc = idx.docs[d], li = document.createElement("li");
		li.hidden = true;
		ul.appendChild(li);
		chapter(doc[0], function () {
			li.innerHTML = "<a href=\"" + esc(docUrl(d)) + "\"><span class=\"search-chapter\">" +
			    esc(idx.chapters[doc[0]][1] || "") + "</span> <span class=\"search-title\">" +
			    (doc[3] ? "<span class=\"search-kind\" lang=\"" + idx.lang + "\">" +
			    esc(LABELS[idx.lang].term) + "</span> " : "") +
			    marked(doc[2] || "", q, false, doc[5]) + "</span></a><p class=\"search-snippet\">" +
			    marked(texts[doc[0]][doc[4]] || "", q, true, doc[5]) + "</p>";
			/* a result of a chapter in the other language says
			 * which, for a screen reader's voice (WCAG 3.1.2) */
			if (doc[5] !== BIT[idx.lang])
				li.lang = idx.chapters[doc[0]][3];
			li.hidden = false;
		});
	});
	el.textContent = "";
	el.appendChild(ul);
}

/* Calls f once chapter ch's file (search/N.js) is loaded, or failed */
function chapter(ch, f) {
	if (texts[ch]) { f(); return; }
	(textWait[ch] = textWait[ch] || []).push(f);
	if (textWait[ch].length === 1)
		load(base + "search/" + ch + ".js", function () {
			var w = textWait[ch] || [];
			textWait[ch] = null;
			texts[ch] = texts[ch] || [];
			w.forEach(function (g) { g(); });
		});
}

var LABELS = {
	nl: { none: "Geen resultaten voor ", one: "1 resultaat voor ", many: " resultaten voor ", term: "Begrip" },
	en: { none: "No results for ", one: "1 result for ", many: " results for ", term: "Term" }
};

function say(n, s) {
	var l = LABELS[idx.lang];
	return (n === 0 ? l.none : n === 1 ? l.one : n + l.many) + "\u201C" + s + "\u201D";
}

/*** The page ***/

function ready(f) {
	if (idx) f(); else waiting.push(f);
}

function boxes() {
	var input = document.getElementById("search-q");
	var drop = document.getElementById("search-drop");
	var live = document.getElementById("search-live");
	var page = document.getElementById("search-results");
	var status = document.getElementById("search-status");
	var seq = 0;

	function run() {
		var s = input.value, mine = ++seq;
		if (page && history.replaceState && location.protocol !== "file:")
			history.replaceState(null, "", "?q=" + encodeURIComponent(s));
		if (!s.trim()) {
			if (drop) { drop.hidden = true; drop.textContent = ""; }
			return;
		}
		ready(function () {
			search(s, function (res, q) {
				if (mine !== seq) return;
				if (page) {
					render(page, res, q, 50);
					status.textContent = say(res.length, s);
				} else {
					render(drop, res, q, 8);
					drop.hidden = false;
					live.textContent = say(res.length, s);
				}
			});
		});
	}
	function links() {
		return Array.prototype.slice.call((page || drop).querySelectorAll("a"));
	}
	function close() {
		if (drop) { drop.hidden = true; }
	}
	if (!input) return;
	input.addEventListener("input", run);
	input.addEventListener("keydown", function (e) {
		var l = links();
		if (e.key === "ArrowDown" && l.length) { e.preventDefault(); l[0].focus(); }
		else if (e.key === "Escape") { close(); if (!drop || drop.hidden) input.value = ""; }
	});
	(page || drop).addEventListener("keydown", function (e) {
		var l = links(), i = l.indexOf(document.activeElement);
		if (i < 0) return;
		if (e.key === "ArrowDown" && i + 1 < l.length) { e.preventDefault(); l[i + 1].focus(); }
		else if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? l[i - 1] : input).focus(); }
		else if (e.key === "Escape") { e.preventDefault(); close(); input.focus(); }
	});
	if (drop)
		document.addEventListener("click", function (e) {
			if (!input.form.contains(e.target)) close();
		});
	if (page) {
		var m = /[?&]q=([^&]*)/.exec(location.search);
		if (m) input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
	}
	if (input.value) run();
}

var api = {
	term: term, words: words, dutch: dutch, english: english,
	ready: function () { return idx !== null; },
	url: function (d) { return docUrl(d); },	/* doc d's link, for the tests */
	run: function (s, done, all) { ready(function () { search(s, done, all); }); },
	index: function (data) {
		expand(data);
		idx = data;
		var w = waiting;
		waiting = [];
		w.forEach(function (f) { f(); });
		/* from disk a shard costs no transfer: fetch them all, one
		 * after the other, so no keystroke waits for one */
		if (typeof location !== "undefined" && location.protocol === "file:")
			prefetch(0);
	},
	shards: function () {	/* how many shards are still to load */
		return idx ? idx.shards.filter(function (sh) { return sh[1] === null; }).length : -1;
	},
	/* term t's docs and weights as the index has them (null: not
	 * there, or its shard not loaded), for the tests' round trip */
	docs: function (t) {
		var sh = parsed(shardOf(t)), i = lower(sh.t, t);
		return sh.t[i] === t ? postings(t, sh.p[i]) : null;
	},
	nth: nth,	/* for the tests: the selection the best 50 come from */
	shard: function (k, t, p) { idx.shards[k][1] = t; idx.shards[k][2] = p; },
	text: function (ch, v, h) { texts[ch] = v; if (idx) heads(ch, h || []); }
};
root.SalesgenSearch = api;
if (typeof module !== "undefined" && module.exports) {
	module.exports = api;
	return;
}
var me = document.currentScript;
base = me ? me.src.replace(/search\.js([?#].*)?$/, "") : "";
if (document.readyState === "loading")
	document.addEventListener("DOMContentLoaded", boxes);
else
	boxes();
load(base + "search-index.js", function () {});
})(typeof window !== "undefined" ? window : globalThis);
