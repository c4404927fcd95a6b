/* salesgen: grades the self-test questions of a page (gen/quiz_html.h
 * says what the page holds).  A classic script with its own SHA-256, so it
 * works from file:// as well as over http, where crypto.subtle may be
 * missing; fold() is gen/quiz.c's quiz_norm(), hex() and seal() its
 * quiz_sha256_hex() and quiz_seal(). */
"use strict";
(function () {
var K = [
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
];

function utf8(s) {
	return Array.prototype.slice.call(new TextEncoder().encode(s));
}

/* SHA-256 of a byte array, as a byte array (FIPS 180-4). */
function sha256(m) {
	var h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
	var l = m.length, w = new Array(64), i, j, t, a, b, c, d, e, f, g, k;
	var s0, s1, ch, mj, out = [];
	m = m.slice();
	m.push(0x80);
	while (m.length % 64 !== 56)
		m.push(0);
	for (i = 7; i >= 0; i--)
		m.push(i >= 4 ? 0 : ((l * 8) >>> (i * 8)) & 0xff);
	m[m.length - 5] = Math.floor(l / 0x20000000) & 0xff;
	for (i = 0; i < m.length; i += 64) {
		for (j = 0; j < 16; j++)
			w[j] = (m[i + 4 * j] << 24) | (m[i + 4 * j + 1] << 16) |
			    (m[i + 4 * j + 2] << 8) | m[i + 4 * j + 3];
		for (j = 16; j < 64; j++) {
			s0 = ror(w[j - 15], 7) ^ ror(w[j - 15], 18) ^ (w[j - 15] >>> 3);
			s1 = ror(w[j - 2], 17) ^ ror(w[j - 2], 19) ^ (w[j - 2] >>> 10);
			w[j] = (w[j - 16] + s0 + w[j - 7] + s1) | 0;
		}
		a = h[0]; b = h[1]; c = h[2]; d = h[3];
		e = h[4]; f = h[5]; g = h[6]; k = h[7];
		for (j = 0; j < 64; j++) {
			s1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
			ch = (e & f) ^ (~e & g);
			t = (k + s1 + ch + K[j] + w[j]) | 0;
			s0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
			mj = (a & b) ^ (a & c) ^ (b & c);
			k = g; g = f; f = e; e = (d + t) | 0;
			d = c; c = b; b = a; a = (t + s0 + mj) | 0;
		}
		h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0;
		h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
		h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0;
		h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
	}
	for (i = 0; i < 8; i++)
		out.push((h[i] >>> 24) & 0xff, (h[i] >>> 16) & 0xff,
		    (h[i] >>> 8) & 0xff, h[i] & 0xff);
	return out;
}
function ror(x, n) { return (x >>> n) | (x << (32 - n)); }

function hex(s) {
	return sha256(utf8(s)).map(function (b) {
		return (b < 16 ? "0" : "") + b.toString(16);
	}).join("");
}
function tag(s) { return hex(s).slice(0, 16); }

/* quiz_seal() undone: the hex text XOR SHA-256(key ":" j) blocks. */
function unseal(key, h) {
	var bytes = [], i, blk;
	if (!h)
		return "";
	for (i = 0; 2 * i < h.length; i++) {
		if (i % 32 === 0)
			blk = sha256(utf8(key + ":" + (i / 32)));
		bytes.push(parseInt(h.substr(2 * i, 2), 16) ^ blk[i % 32]);
	}
	return new TextDecoder().decode(new Uint8Array(bytes));
}

/* quiz_norm(): capitals A-Z and U+00C0-U+00DE (not U+00D7) to lower
 * case, white space trimmed and made single spaces. */
function fold(s) {
	s = s.normalize ? s.normalize("NFC") : s;
	s = s.replace(/[A-Z\u00C0-\u00D6\u00D8-\u00DE]/g, function (c) {
		return String.fromCharCode(c.charCodeAt(0) + 32);
	});
	return s.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, "");
}

function say(form, ok, notes) {
	var out = form.querySelector(".quiz-feedback"), p, i;
	out.textContent = "";
	p = document.createElement("p");
	p.className = ok ? "quiz-right" : "quiz-wrong";
	p.textContent = form.getAttribute(ok ? "data-right" : "data-wrong");
	out.appendChild(p);
	for (i = 0; i < notes.length; i++) {
		p = document.createElement("p");
		p.textContent = notes[i];
		out.appendChild(p);
	}
	form.setAttribute("data-result", ok ? "right" : "wrong");
}

function gradeChoice(form, salt) {
	var boxes = form.querySelectorAll("input[data-t]"), ok = true;
	var notes = [], i, b, right, key, any = false;
	for (i = 0; i < boxes.length; i++) {
		b = boxes[i];
		right = tag(salt + ":" + b.value + ":1") === b.getAttribute("data-t");
		if (b.checked !== right)
			ok = false;
		if (b.checked) {
			any = true;
			key = salt + ":" + b.value + ":" + (right ? 1 : 0) + ":f";
			if (b.getAttribute("data-f"))
				notes.push(unseal(key, b.getAttribute("data-f")));
		}
	}
	say(form, ok && any, notes);
}

function gradeShort(form, salt) {
	var input = form.querySelector("input[data-a]");
	var a = fold(input.value), t = tag(salt + ":" + a);
	var ents = input.getAttribute("data-a").split(" "), i, parts;
	for (i = 0; i < ents.length; i++) {
		parts = ents[i].split(".");
		if (parts[0] === t && a !== "") {
			say(form, true, parts[1] ?
			    [unseal(salt + ":" + a + ":f", parts[1])] : []);
			return;
		}
	}
	say(form, false, []);
}

function init() {
	var forms = document.querySelectorAll("form.quiz"), i;
	for (i = 0; i < forms.length; i++)
		forms[i].addEventListener("submit", function (ev) {
			var f = ev.currentTarget, salt = f.getAttribute("data-salt");
			ev.preventDefault();
			if (f.getAttribute("data-kind") === "short")
				gradeShort(f, salt);
			else
				gradeChoice(f, salt);
		});
}

if (document.readyState === "loading")
	document.addEventListener("DOMContentLoaded", init);
else
	init();
})();
