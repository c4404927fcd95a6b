/* salesgen: the interactive offer.  compute() is a direct port of
 * gen/sales_offer.c and gen/sales.c (sales_offer_compute, sales_allocate,
 * sales_pay_compute, half-up rounding away from zero) on BigInt, so every
 * product is exact as in C's 128-bit arithmetic; fmtMoney() and fmtPct()
 * port gen/sales_fmt.c.  tests/harden/offer-html-agrees.sh holds the two
 * side by side on random selections. */
"use strict";
var SG = (function () {
var BP = 10000n, Q1 = 1000n, MONTHS = [0n, 1n, 3n, 12n];

function dr(num, den) {			/* S_div_round */
	var q, r;
	if (den < 0n) { num = -num; den = -den; }
	q = num / den; r = num % den;
	if (r < 0n) r = -r;
	if (r >= den - r) q += num < 0n ? -1n : 1n;
	return q;
}
function pct(a, bp) { return dr(a * bp, BP); }
function alloc(total, w) {		/* sales_allocate */
	var n = w.length, W = 0n, t = total, neg = false, ws = 1n, sum = 0n;
	var part = [], rem = [], i, num, q, k;
	for (i = 0; i < n; i++) W += w[i];
	if (total === 0n) return w.map(function () { return 0n; });
	if (W === 0n) throw new Error("allocate");
	if (t < 0n) { neg = true; t = -t; }
	if (W < 0n) { ws = -1n; W = -W; }
	for (i = 0; i < n; i++) {
		num = t * w[i] * ws; q = num / W;
		if (num % W !== 0n && num < 0n) q--;
		part[i] = q; sum += q; rem.push({ r: num - q * W, i: i });
	}
	k = Number(t - sum);
	rem.sort(function (x, y) {
		return x.r !== y.r ? (x.r > y.r ? -1 : 1) : x.i - y.i;
	});
	for (i = 0; i < k; i++) part[rem[i].i]++;
	if (neg) for (i = 0; i < n; i++) part[i] = -part[i];
	return part;
}
function lineNet(l) {			/* S_line */
	var m = l.q * l.p;
	switch (l.dk) {
	case 1: return dr(m * (BP - l.dv), Q1 * BP);
	case 2: return dr(m - l.dv * Q1, Q1);
	case 3: return dr(m - l.q * l.dv, Q1);
	}
	return dr(m, Q1);
}
function setOf(l) { return l.a ? -1 : l.per * 2 + (l.o ? 1 : 0); }

/* One set (S_sum): rows sorted by kind, then rate descending. */
function sum(L, lt, set, o) {
	var rows = [], i, r, x, d = 0, dnet, part, idx, w, s;
	s = { sub: 0n, disc: 0n, net: 0n, vat: 0n, tot: 0n, n: 0, rows: rows };
	function find(l) {
		var rate = l.vk !== 0 ? 0n : l.vb, j;
		for (j = 0; j < rows.length; j++)
			if (rows[j].k === l.vk && rows[j].rate === rate) break;
		return j;
	}
	for (i = 0; i < L.length; i++) {
		if (setOf(L[i]) !== set) continue;
		s.n++;
		if (find(L[i]) === rows.length)
			rows.push({ k: L[i].vk, rate: L[i].vk !== 0 ? 0n : L[i].vb,
			    net: 0n, disc: 0n, base: 0n, vat: 0n, dnet: 0n });
	}
	rows.sort(function (a, b) {
		if (a.k !== b.k) return a.k - b.k;
		return a.rate > b.rate ? -1 : a.rate < b.rate ? 1 : 0;
	});
	for (i = 0; i < L.length; i++) {
		if (setOf(L[i]) !== set) continue;
		x = lt[i]; x.row = find(L[i]);
		rows[x.row].net += x.net;
		if (!L[i].n) rows[x.row].dnet += x.net;
	}
	if (set % 2 === 0 && (o.dk === 1 || set === 0)) d = o.dk;
	dnet = rows.map(function (q) { return q.dnet; });
	if (d === 1)
		for (r = 0; r < rows.length; r++) rows[r].disc = pct(dnet[r], o.dv);
	else if (d === 2 && o.dv !== 0n) {
		w = 0n;
		for (r = 0; r < rows.length; r++) w += dnet[r];
		if (w <= 0n || o.dv > w) throw new Error("discount");
		part = alloc(o.dv, dnet);
		for (r = 0; r < rows.length; r++) rows[r].disc = part[r];
	}
	for (r = 0; r < rows.length; r++) s.sub += rows[r].net;
	if (set % 2 === 0)		/* S_split_rows */
		for (r = 0; r < rows.length; r++) {
			idx = []; w = [];
			for (i = 0; i < L.length; i++)
				if (setOf(L[i]) === set && !L[i].n &&
				    lt[i].row === r) { idx.push(i); w.push(lt[i].net); }
			part = alloc(rows[r].disc, w);
			for (i = 0; i < idx.length; i++) lt[idx[i]].dd = part[i];
		}
	for (i = 0; i < L.length; i++) {
		if (setOf(L[i]) !== set) continue;
		x = lt[i]; r = rows[x.row];
		x.base = x.net - x.dd;
		if (o.vat === 1 && r.k === 0) r.vat += pct(x.base, r.rate);
	}
	for (r = 0; r < rows.length; r++) {
		x = rows[r];
		x.base = x.net - x.disc;
		s.disc += x.disc;
		if (o.vat === 0 && x.k === 0) x.vat = pct(x.base, x.rate);
		s.vat += x.vat;
	}
	s.net = s.sub - s.disc;
	s.tot = s.net + s.vat;
	return s;
}

/* The offer as the data has it, then the client's selection applied as
 * sales_select() applies it: sel = { on: {line: true}, keuze: {k: K},
 * qty: {line: thousandths} }, lines and choices numbered from 1. */
function lines(m, sel) {
	var L = [], pos = {}, i, a, l, c;
	for (i = 0; i < m.l.length; i++) {
		a = m.l[i];
		l = { q: BigInt(a[0]), p: BigInt(a[1]), dk: a[2], dv: BigInt(a[3]),
		    vk: a[4], vb: BigInt(a[5]), o: a[6], a: a[7], n: a[8],
		    per: a[9], sec: a[10], ch: a[11] };
		if (sel && sel.on && sel.on[i + 1]) l.o = 0;
		if (sel && sel.qty && sel.qty[i + 1] !== undefined)
			l.q = BigInt(sel.qty[i + 1]);
		if (l.ch > 0) {
			c = pos[l.ch] = (pos[l.ch] || 0) + 1;
			if (sel && sel.keuze && sel.keuze[l.ch] !== undefined)
				l.a = sel.keuze[l.ch] === c ? 0 : 1;
		}
		L.push(l);
	}
	return L;
}

function compute(m, sel) {
	var L = lines(m, sel), o = { vat: m.vat, dk: m.dk, dv: BigInt(m.dv) };
	var lt = [], S = [], set, i, p, nsec = 0, sec = [], c = [0n, 0n], pay = null;
	var base, dep, early, cnt;
	for (i = 0; i < L.length; i++) lt.push({ net: lineNet(L[i]), dd: 0n });
	for (set = 0; set < 8; set++) S.push(sum(L, lt, set, o));
	for (i = 0; i < L.length; i++) if (L[i].sec > nsec) nsec = L[i].sec;
	for (i = 0; i < nsec; i++) sec.push([0n, 0n, 0n, 0n]);
	for (i = 0; i < L.length; i++)
		if (L[i].sec > 0 && !L[i].o && !L[i].a)
			sec[L[i].sec - 1][L[i].per] += lt[i].net;
	if (m.term > 0)
		for (p = 0; p < 4; p++) {
			cnt = p === 0 ? 1n : BigInt(m.term) / MONTHS[p];
			c[0] += S[p * 2].net * cnt;
			c[1] += S[p * 2].tot * cnt;
		}
	if (m.pay) {
		base = S[0].tot;
		dep = pct(base, BigInt(m.pay[0]));
		early = pct(base, BigInt(m.pay[1]));
		pay = [dep, base - dep, early, base - early];
	}
	function N(v) { return Number(v); }
	return {
		l: lt.map(function (x) { return N(x.net); }),
		s: S.map(function (s) {
			return [N(s.sub), N(s.disc), N(s.net), N(s.vat), N(s.tot), s.n,
			    s.rows.map(function (r) {
				return [r.k, N(r.rate), N(r.base), N(r.vat)];
			    })];
		}),
		sec: sec.map(function (a) { return a.map(N); }),
		c: c.map(N),
		pay: pay && pay.map(N)
	};
}

/* gen/sales_fmt.c: "€ 1.250,00" (nl, no-break spaces), "€1,250.00" (en). */
function dec(mag, scale, trim, en) {
	var s = mag.toString(), ip, fp, out = "", i;
	while (s.length <= scale) s = "0" + s;
	ip = s.slice(0, s.length - scale); fp = s.slice(s.length - scale);
	for (i = 0; i < ip.length; i++) {
		out += ip[i];
		if ((ip.length - 1 - i) % 3 === 0 && i < ip.length - 1)
			out += en ? "," : ".";
	}
	if (trim) fp = fp.replace(/0+$/, "");
	return fp.length ? out + (en ? "." : ",") + fp : out;
}
function fmtMoney(c, en) {
	var v = BigInt(c), mag = v < 0n ? -v : v;
	if (en) return (v < 0n ? "-\u20ac" : "\u20ac") + dec(mag, 2, 0, 1);
	return (v < 0n ? "\u20ac\u00a0-" : "\u20ac\u00a0") + dec(mag, 2, 0, 0);
}
function fmtQty(q, en) {
	var v = BigInt(q);
	return (v < 0n ? "-" : "") + dec(v < 0n ? -v : v, 3, 1, en);
}

/* The totals as HTML rows, exactly as gen/ohtml.c writes them for the
 * offer as it is, in the words of the model's "w" (labels.txt). */
function esc(s) {
	return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}
function rows(m, t, en) {
	var w = m.w, h = "", p, s, r, any = false;
	function tr(k, v, cls) {
		h += "<tr" + (cls ? " class=\"" + cls + "\"" : "") +
		    "><th scope=\"row\">" + esc(k) + "</th><td>" + esc(v) +
		    "</td></tr>\n";
	}
	for (p = 1; p < 4; p++) any = any || t.s[p * 2][5] > 0 || t.s[p * 2 + 1][5] > 0;
	for (p = 0; p < 4; p++) {
		s = t.s[p * 2];
		if (s[5] === 0 && (p > 0 || any)) continue;
		h += "<tr class=\"sg-h\"><th colspan=\"2\" scope=\"colgroup\">" +
		    w[p] + "</th></tr>\n";
		tr(w[4], fmtMoney(s[0], en));
		if (s[1] !== 0) {
			tr(w[5], "\u2212\u00a0" + fmtMoney(s[1], en));
			tr(w[6], fmtMoney(s[2], en));
		}
		for (r = 0; r < s[6].length; r++)
			tr(m.vl[s[6][r][0] + ":" + s[6][r][1]] + " " + w[7] + " " +
			    fmtMoney(s[6][r][2], en), fmtMoney(s[6][r][3], en));
		tr(w[8], fmtMoney(s[4], en), "sg-t");
	}
	if (m.term > 0) tr(w[9], fmtMoney(t.c[1], en), "sg-t");
	if (t.pay && m.pay[0] > 0) {
		tr(w[10], fmtMoney(t.pay[0], en));
		tr(w[11], fmtMoney(t.pay[1], en));
	}
	if (t.pay && m.pay[1] > 0) tr(w[12], fmtMoney(t.pay[3], en));
	return h;
}

/* The page: read the form, recompute, show; "Akkoord" mails the choice. */
function selection(form, m) {
	var sel = { on: {}, keuze: {}, qty: {} }, spec = [], i, el, q, k;
	for (i = 1; i <= m.l.length; i++) {
		el = form.elements["regel" + i];
		if (el && el.type === "checkbox" && el.checked) {
			sel.on[i] = true; spec.push("regel" + i + "=on");
		}
		el = form.elements["aantal" + i];
		if (el && el.value !== "") {
			q = Math.round(Number(el.value));
			if (!isFinite(q)) continue;
			q = Math.min(Math.max(q * 1000, m.l[i - 1][12]),
			    m.l[i - 1][13]);
			sel.qty[i] = q;
			if (q !== m.l[i - 1][0])
				spec.push("regel" + i + "=" + fmtQty(q, 1));
		}
	}
	for (k = 1; form.elements["keuze" + k]; k++) {
		el = form.querySelector("input[name=keuze" + k + "]:checked");
		if (el) {
			sel.keuze[k] = Number(el.value);
			spec.push("keuze" + k + "=" + el.value);
		}
	}
	sel.spec = spec.join(",");
	return sel;
}
function update(doc) {
	var form = doc.getElementById("sg-form"), m = SG.model, en = m.lang === "en";
	var sel = selection(form, m), t = compute(m, sel), i, el, body, a;
	for (i = 0; i < t.l.length; i++) {
		el = doc.getElementById("sg-b" + (i + 1));
		if (el) el.textContent = fmtMoney(t.l[i], en);
	}
	doc.getElementById("sg-rows").innerHTML = rows(m, t, en);
	/* printed: the choice after the letter, once it differs from it
	 * (the form's defaults are the offer as sent) */
	doc.body.classList.toggle("sg-chosen", [].some.call(form.elements,
	    function (e) {
		return e.type === "number" ? e.value !== e.defaultValue :
		    (e.type === "checkbox" || e.type === "radio") &&
		    e.checked !== e.defaultChecked;
	    }));
	body = [];
	form.querySelectorAll(".sg-line").forEach(function (d) {
		var c = d.querySelector("input[type=checkbox],input[type=radio]");
		var n = d.querySelector("input[type=number]");
		if (c && !c.checked) return;
		body.push("- " + (n ? n.value + " x " : "") +
		    d.querySelector(".sg-text").textContent.trim() + ": " +
		    d.querySelector(".sg-amt").textContent);
	});
	body.push("");
	doc.getElementById("sg-rows").querySelectorAll("tr").forEach(function (r) {
		body.push(r.textContent.replace(/\s+/g, " ").trim());
	});
	body.push("", m.w[15] + " " + (sel.spec || "-"), m.w[14] + " " + m.fp);
	a = doc.getElementById("sg-akkoord");
	if (a && m.mail)
		a.href = "mailto:" + encodeURIComponent(m.mail).replace(/%40/g, "@") +
		    "?subject=" + encodeURIComponent(m.w[13] + " " + m.nr) + "&body=" +
		    encodeURIComponent(body.join("\r\n"));
	return t;
}
return { compute: compute, rows: rows, fmtMoney: fmtMoney, update: update,
    model: null };
}());
if (typeof document !== "undefined") {
	SG.model = JSON.parse(document.getElementById("sg-model").textContent);
	document.getElementById("sg-form").addEventListener("input", function () {
		SG.update(document);
	});
	document.getElementById("sg-form").addEventListener("change", function () {
		SG.update(document);
	});
	SG.update(document);
} else if (typeof module !== "undefined")
	module.exports = SG;
