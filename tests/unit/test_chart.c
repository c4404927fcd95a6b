/*
 * test_chart — chart descriptions, their layout and their SVG: numbers in
 * Dutch and English notation, titles, comments and errors with their line
 * numbers; funnel widths, pyramid bands, nps colours and caption; zeros,
 * single items and huge ranges; escaping; deterministic output checked
 * against tests/regress/chart/<name>.svg.  One PASS or FAIL line per test;
 * exit status 1 if any failed.
 *
 *	test_chart [--regen] [GOLDEN-DIR]
 *
 * GOLDEN-DIR defaults to tests/regress/chart under the current directory
 * (the top of the tree, where tests/run.sh runs), else under the tree the
 * binary was built in (build/tests/test_chart).  --regen rewrites the
 * golden files instead of comparing; look at them before committing.
 */
#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "mem.h"
#include "svg.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
static int	 regen;
static const char *golden = "tests/regress/chart";

static void
S_verdict(const char *name, int ok, const char *why,
    const struct diag_list *dl)
{
	check_verdict("chart", name, ok, why);
	if (!ok)
		check_diags(dl);
}

static int
S_parse(const char *kind, const char *body, struct chart *c,
    struct diag_list *dl)
{
	return chart_parse(kind, body, NULL, "t.md", 10, DIAG_CHART, c, dl);
}

/* Every shape finite and inside the box; polygons at least CHART_MIN_SIZE
 * wide and of positive height; text of positive size, inside the box as
 * the default measure sees it. */
static void
S_sane(struct buf *why, const struct chart_geom *g)
{
	const double e = 0.01;
	const struct shape *s;
	double minx, maxx, miny, maxy, w;
	size_t i, n;
	int k;

	check_why(why, isfinite(g->w) && isfinite(g->h) && g->w > 0 && g->h > 0,
	    "box %g x %g", g->w, g->h);
	for (i = 0; i < g->n; i++) {
		s = &g->s[i];
		if (s->type == SHAPE_TEXT) {
			check_why(why, s->text != NULL && isfinite(s->x) &&
			    isfinite(s->y) && s->size > 0, "shape %zu: bad "
			    "text", i);
			if (s->text == NULL)
				continue;
			for (n = 0, k = 0; s->text[k] != '\0'; k++)
				n += ((unsigned char)s->text[k] & 0xc0) != 0x80;
			w = 0.55 * s->size * (double)n;
			minx = s->x - (s->anchor == 2 ? w : s->anchor == 1 ?
			    w / 2 : 0);
			check_why(why, minx >= -e && minx + w <= g->w + e &&
			    s->y - s->size * 0.75 >= -e && s->y <= g->h + e,
			    "shape %zu: text '%s' at %g,%g (%g wide) outside "
			    "%g x %g", i, s->text, minx, s->y, w, g->w, g->h);
			continue;
		}
		check_why(why, (s->type == SHAPE_POLY && (s->npt == 3 ||
		    s->npt == 4)) || (s->type == SHAPE_LINE && s->npt == 2),
		    "shape %zu: %d points", i, s->npt);
		minx = miny = INFINITY;
		maxx = maxy = -INFINITY;
		for (k = 0; k < s->npt && k < 4; k++) {
			check_why(why, isfinite(s->pt[2 * k]) &&
			    isfinite(s->pt[2 * k + 1]), "shape %zu: NaN", i);
			minx = fmin(minx, s->pt[2 * k]);
			maxx = fmax(maxx, s->pt[2 * k]);
			miny = fmin(miny, s->pt[2 * k + 1]);
			maxy = fmax(maxy, s->pt[2 * k + 1]);
		}
		check_why(why, minx >= -e && maxx <= g->w + e && miny >= -e &&
		    maxy <= g->h + e, "shape %zu: %g,%g-%g,%g outside %g x %g",
		    i, minx, miny, maxx, maxy, g->w, g->h);
		if (s->type == SHAPE_POLY)
			check_why(why, maxx - minx >= CHART_MIN_SIZE - e &&
			    maxy - miny > 0, "shape %zu: %g x %g polygon", i,
			    maxx - minx, maxy - miny);
	}
}

/* The polygons of g, in order. */
static size_t
S_polys(const struct chart_geom *g, const struct shape **out, size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < g->n && n < max; i++)
		if (g->s[i].type == SHAPE_POLY)
			out[n++] = &g->s[i];
	return n;
}

/* The first text shape whose text starts with prefix, or NULL. */
static const struct shape *
S_find_text(const struct chart_geom *g, const char *prefix)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (g->s[i].type == SHAPE_TEXT &&
		    strncmp(g->s[i].text, prefix, strlen(prefix)) == 0)
			return &g->s[i];
	return NULL;
}

/* ---------------------------------------------------------- parsing */

static void
t_numbers(void)
{
	/* what each is worth in Dutch and in English (num.h) */
	static const struct {
		const char	*in;
		double		 nl, en;
	} good[] = {
		{ "1.475", 1475, 1.475 }, { "1,475", 1.475, 1475 },
		{ "2,5", 2.5, 2.5 }, { "2.5", 2.5, 2.5 }, { "12 %", 12, 12 },
		{ "12%", 12, 12 }, { "0", 0, 0 }, { "0,475", 0.475, 0.475 },
		{ "0.475", 0.475, 0.475 }, { "1234.567", 1234.567, 1234.567 },
		{ "1.475.000", 1475000, 1475000 },
		{ "1,475,000", 1475000, 1475000 },
		{ "1.475,50", 1475.5, 1475.5 }, { "1,475.50", 1475.5, 1475.5 },
		{ "1 475", 1475, 1475 }, { "1\xc2\xa0" "475", 1475, 1475 },
		{ "\xe2\x82\xac 25.000", 25000, 25 },
		{ "$1,200", 1.2, 1200 }, { "  42  ", 42, 42 },
		{ "12,50 %", 12.5, 12.5 }, { "007", 7, 7 },
		{ "99999999999999", 99999999999999.0, 99999999999999.0 },
	};
	static const char *const bad[] = {
		"", "abc", "1..2", "1.2.3", "12,", ",5", ".5", "-5", "1e5",
		"1.475,5.0", "1,47.5", "12 % %", "5 apples", "1 ,5", "%",
		"1.2,3.4", "\xe2\x82\xac",
	};
	struct buf why = { 0 };
	double v;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		v = -1;
		check_why(&why, chart_parse_number(good[i].in, "nl", &v) == 0 &&
		    fabs(v - good[i].nl) < 1e-9 * fmax(1, good[i].nl),
		    "nl '%s': got %.10g, want %.10g", good[i].in, v,
		    good[i].nl);
		v = -1;
		check_why(&why, chart_parse_number(good[i].in, "en", &v) == 0 &&
		    fabs(v - good[i].en) < 1e-9 * fmax(1, good[i].en),
		    "en '%s': got %.10g, want %.10g", good[i].in, v,
		    good[i].en);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_why(&why, chart_parse_number(bad[i], "nl", &v) == -1 &&
		    chart_parse_number(bad[i], "en", &v) == -1,
		    "'%s' read as %g", bad[i], v);
	S_verdict("numbers in Dutch and English notation", why.len == 0,
	    buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_parse_basic(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 };
	struct chart c;
	int rc;

	rc = S_parse(" funnel ",
	    "\n# stages of 2024\r\ntitle: Trechter \"2024\"\r\n\n"
	    "lead; 1.475\r\n  # not data\n"
	    "suspect ;2,5\n"
	    "a; b; 12 %\n"
	    "prospect \xc3\xa9\xc3\xa9n; 0", &c, dl);
	check_why(&why, rc == 0 && dl->n == 0, "rc %d", rc);
	if (rc == 0) {
		check_why(&why, c.kind == CHART_FUNNEL, "kind %d", c.kind);
		check_why(&why, c.title != NULL &&
		    strcmp(c.title, "Trechter \"2024\"") == 0, "title '%s'",
		    c.title ? c.title : "(null)");
		check_why(&why, c.n == 4, "n %zu", c.n);
		if (c.n == 4) {
			check_why(&why, strcmp(c.labels[0], "lead") == 0 &&
			    c.values[0] == 1475 &&
			    strcmp(c.value_text[0], "1.475") == 0, "line 1");
			check_why(&why, strcmp(c.labels[1], "suspect") == 0 &&
			    c.values[1] == 2.5, "line 2: '%s' %g",
			    c.labels[1], c.values[1]);
			check_why(&why, strcmp(c.labels[2], "a; b") == 0 &&
			    c.values[2] == 12 &&
			    strcmp(c.value_text[2], "12 %") == 0,
			    "label with ';': '%s'", c.labels[2]);
			check_why(&why, strcmp(c.labels[3],
			    "prospect \xc3\xa9\xc3\xa9n") == 0 &&
			    c.values[3] == 0, "UTF-8 label, no final newline");
		}
	}
	chart_clear(&c);
	check_why(&why, c.n == 0 && c.title == NULL, "chart_clear");
	chart_clear(NULL);
	S_verdict("parse: title line, comments, blank lines, CRLF, ';' in "
	    "labels", why.len == 0, buf_cstr(&why), dl);
	buf_free(&why);
	diag_list_free(dl);
}

static void
t_parse_errors(void)
{
	static const struct {
		int		 line;
		const char	*text;
	} want[] = {
		{ 12, "chart: 'zonder puntkomma': expected 'label; value'" },
		{ 13, "chart: 'veel' is not a number (write for example "
		    "1.475, 2,5 or 12 %)" },
		{ 15, "chart: no label before ';'" },
		{ 16, "chart: value '-3' is negative; chart values are 0 or "
		    "more" },
		{ 17, "chart: no value after ';'" },
		{ 18, "chart: 'title: te laat': expected 'label; value'" },
	};
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 };
	struct chart c;
	size_t i;
	int rc;

	rc = S_parse("bar", "goed; 1\n"
	    "# comment\n"
	    "zonder puntkomma\n"
	    "te; veel\n"
	    "\n"
	    " ; 4\n"
	    "neg; -3\n"
	    "leeg;\n"
	    "title: te laat\n"
	    "ook goed; 2\n", &c, dl);
	check_why(&why, rc == -1 && c.n == 0 && c.labels == NULL &&
	    c.title == NULL, "rc %d, n %zu", rc, c.n);
	check_why(&why, dl->n == sizeof(want) / sizeof(want[0]),
	    "%zu diagnostics", dl->n);
	for (i = 0; i < dl->n && i < sizeof(want) / sizeof(want[0]); i++) {
		check_why(&why, dl->v[i].line == want[i].line &&
		    dl->v[i].code == DIAG_CHART &&
		    dl->v[i].level == DIAG_ERROR &&
		    strcmp(dl->v[i].file, "t.md") == 0 &&
		    strcmp(dl->v[i].msg, want[i].text) == 0,
		    "diagnostic %zu: line %d '%s', want line %d '%s'", i,
		    dl->v[i].line, dl->v[i].msg, want[i].line, want[i].text);
	}
	S_verdict("parse errors: each bad line at its line number",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
	diag_list_free(dl);
}

static void
t_parse_chart_errors(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 }, body = { 0 };
	struct chart c;
	size_t i;
	int rc;

	rc = S_parse("taart", "a; 1\n", &c, dl);
	check_why(&why, rc == -1 && dl->n == 1 && dl->v[0].line == 9 &&
	    strcmp(dl->v[0].msg, "chart: unknown kind 'taart' (expected "
	    "funnel, pyramid, bar or nps)") == 0, "unknown kind: %s",
	    dl->n ? dl->v[0].msg : "no diagnostic");
	diag_list_free(dl);
	dl = diag_list_new();
	rc = S_parse("pyramid", "title: Leeg\n# niets\n\n", &c, dl);
	check_why(&why, rc == -1 && dl->n == 1 && dl->v[0].line == 9 &&
	    strcmp(dl->v[0].msg, "chart: no data: write one 'label; value' "
	    "line per item") == 0 && c.title == NULL, "no data: %s",
	    dl->n ? dl->v[0].msg : "no diagnostic");
	diag_list_free(dl);
	dl = diag_list_new();
	rc = S_parse("nps", "", &c, dl);
	check_why(&why, rc == -1 && dl->n == 1, "empty body");
	diag_list_free(dl);
	dl = diag_list_new();
	rc = S_parse(NULL, NULL, &c, dl);
	check_why(&why, rc == -1 && dl->n == 1 && strcmp(dl->v[0].msg,
	    "chart: no kind: write 'chart funnel', 'chart pyramid', 'chart "
	    "bar' or 'chart nps'") == 0, "no kind: %s",
	    dl->n ? dl->v[0].msg : "none");
	diag_list_free(dl);
	dl = diag_list_new();
	for (i = 0; i < CHART_MAX_ITEMS + 5; i++)
		buf_printf(&body, "item %zu; %zu\n", i, i);
	rc = S_parse("bar", buf_cstr(&body), &c, dl);
	check_why(&why, rc == -1 && dl->n == 1 &&
	    dl->v[0].line == 10 + CHART_MAX_ITEMS && strcmp(dl->v[0].msg,
	    "chart: more than 200 items; no chart shows that many legibly")
	    == 0, "too many items: %s", dl->n ? dl->v[0].msg : "none");
	buf_free(&body);
	diag_list_free(dl);
	dl = diag_list_new();
	for (i = 0; i < CHART_MAX_ITEMS; i++)
		buf_printf(&body, "item %zu; %zu\n", i, i);
	rc = S_parse("bar", buf_cstr(&body), &c, dl);
	check_why(&why, rc == 0 && c.n == CHART_MAX_ITEMS, "%d items",
	    CHART_MAX_ITEMS);
	chart_clear(&c);
	buf_free(&body);
	S_verdict("parse errors: unknown kind, no data, too many items",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
	diag_list_free(dl);
}

static void
t_parse_nps(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 };
	struct chart c;
	size_t i;
	int rc;

	rc = S_parse("nps", "10; 5\n0; 1\n07; 3\n9; 2,0\n", &c, dl);
	check_why(&why, rc == 0 && c.n == 11, "rc %d n %zu", rc, c.n);
	for (i = 0; rc == 0 && i < 11; i++) {
		char num[4];

		snprintf(num, sizeof(num), "%zu", i);
		check_why(&why, strcmp(c.labels[i], num) == 0, "label %zu: '%s'",
		    i, c.labels[i]);
	}
	if (rc == 0)
		check_why(&why, c.values[0] == 1 && c.values[7] == 3 &&
		    c.values[9] == 2 && c.values[10] == 5 &&
		    c.values[5] == 0 && strcmp(c.value_text[5], "0") == 0 &&
		    strcmp(c.value_text[9], "2,0") == 0, "values");
	chart_clear(&c);
	rc = S_parse("nps", "0; 1\n11; 2\nvijf; 3\n0; 4\n-1; 1\n6.5; 1\n",
	    &c, dl);
	check_why(&why, rc == -1 && dl->n == 5, "rc %d, %zu diagnostics", rc,
	    dl->n);
	if (dl->n == 5) {
		check_why(&why, dl->v[0].line == 11 && strcmp(dl->v[0].msg,
		    "chart: nps: '11' is not a score; labels are the scores "
		    "0 to 10") == 0, "'%s'", dl->v[0].msg);
		check_why(&why, dl->v[1].line == 12, "vijf");
		check_why(&why, dl->v[2].line == 13 && strcmp(dl->v[2].msg,
		    "chart: nps: score 0 is given twice (first on line 10)")
		    == 0, "'%s'", dl->v[2].msg);
		check_why(&why, dl->v[3].line == 14 && dl->v[4].line == 15,
		    "-1, 6.5");
	}
	S_verdict("parse nps: scores 0..10 in order, missing ones 0, bad "
	    "labels rejected", why.len == 0, buf_cstr(&why), dl);
	buf_free(&why);
	diag_list_free(dl);
}

static void
t_parse_clean(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 };
	struct chart c;
	int rc;

	rc = S_parse("bar", "title: a\x01" "b\n"
	    "x\xff" "y\tz\x7f; 1\n"
	    "\xed\xa0\x80 \xc2\x85; 2\n", &c, dl);
	check_why(&why, rc == 0 && c.n == 2, "rc %d", rc);
	if (rc == 0 && c.n == 2) {
		check_why(&why, strcmp(c.title, "a b") == 0, "title '%s'",
		    c.title);
		check_why(&why, strcmp(c.labels[0],
		    "x\xef\xbf\xbdy z") == 0, "label '%s'", c.labels[0]);
		check_why(&why, strcmp(c.labels[1],
		    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") == 0,
		    "surrogate and C1 control: '%s'", c.labels[1]);
	}
	chart_clear(&c);
	S_verdict("parse: invalid UTF-8 and control characters cleaned",
	    why.len == 0, buf_cstr(&why), dl);
	buf_free(&why);
	diag_list_free(dl);
}

/* ----------------------------------------------------------- layout */

/* Parses and lays out at 480 pt; 0 on success. */
static int
S_geom(const char *kind, const char *body, struct chart_geom *g,
    struct buf *why)
{
	struct diag_list *dl = diag_list_new();
	struct chart c;
	int rc;

	memset(g, 0, sizeof(*g));
	rc = S_parse(kind, body, &c, dl);
	check_why(why, rc == 0, "%s does not parse: %s", kind,
	    dl->n ? dl->v[0].msg : "");
	diag_list_free(dl);
	if (rc != 0)
		return -1;
	chart_layout(&c, 480, NULL, NULL, g);
	chart_clear(&c);
	S_sane(why, g);
	return 0;
}

static void
t_funnel_widths(void)
{
	static const double v[] = { 1000, 800, 500, 250, 100 };
	const struct shape *p[8];
	struct buf why = { 0 };
	struct chart_geom g;
	double top[5], cx;
	size_t n, i;

	if (S_geom("funnel", "a; 1.000\nb; 800\nc; 500\nd; 250\ne; 100\n",
	    &g, &why) == 0) {
		n = S_polys(&g, p, 8);
		check_why(&why, n == 5, "%zu polygons", n);
		for (i = 0; i < n && i < 5; i++) {
			top[i] = p[i]->pt[2] - p[i]->pt[0];
			cx = (p[i]->pt[2] + p[i]->pt[0]) / 2;
			check_why(&why, fabs(cx - (p[0]->pt[2] +
			    p[0]->pt[0]) / 2) < 1e-9, "band %zu not centred",
			    i);
			check_why(&why, i == 0 || p[i]->pt[1] > p[i - 1]->pt[1],
			    "band %zu not below band %zu", i, i - 1);
			check_why(&why, i == 0 || top[i] < top[i - 1],
			    "band %zu not narrower", i);
			check_why(&why, fabs(top[i] / top[0] - v[i] / v[0]) <
			    1e-9, "band %zu: width ratio %g, want %g", i,
			    top[i] / top[0], v[i] / v[0]);
			/* each band narrows into the next */
			check_why(&why, i + 1 >= n || fabs((p[i]->pt[4] -
			    p[i]->pt[6]) - (p[i + 1]->pt[2] -
			    p[i + 1]->pt[0])) < 1e-9, "band %zu bottom", i);
		}
		check_why(&why, S_find_text(&g, "1.000") != NULL &&
		    S_find_text(&g, "e") != NULL, "label or value missing");
	}
	chart_geom_clear(&g);
	S_verdict("funnel: widths monotone, proportional, centred",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_funnel_huge(void)
{
	const struct shape *p[8];
	struct buf why = { 0 };
	struct chart_geom g;
	double w0, w1, w2;
	size_t n;

	if (S_geom("funnel", "a; 1.000.000.000\nb; 10.000.000\nc; 0,001\n", &g,
	    &why) == 0) {
		n = S_polys(&g, p, 8);
		check_why(&why, n == 3, "%zu polygons", n);
		if (n == 3) {
			w0 = p[0]->pt[2] - p[0]->pt[0];
			w1 = p[1]->pt[2] - p[1]->pt[0];
			w2 = p[2]->pt[2] - p[2]->pt[0];
			check_why(&why, fabs(w1 / w0 - sqrt(1e7 / 1e9)) < 1e-9,
			    "square-root scale: %g", w1 / w0);
			check_why(&why, w2 >= CHART_MIN_SIZE && w1 > w2,
			    "smallest %g", w2);
		}
	}
	chart_geom_clear(&g);
	S_verdict("funnel: huge range goes square-root, nothing zero-wide",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_pyramid_nested(void)
{
	const struct shape *p[16];
	struct buf why = { 0 };
	struct chart_geom g;
	double ax, ay, by, bl, br, x, y, h0, hw;
	size_t n, i;
	int k;

	if (S_geom("pyramid", "title: Klantenpiramide\ntop; 5\ngroot; 20\n"
	    "middelgroot; 80\nklein; 400\n", &g, &why) == 0) {
		n = S_polys(&g, p, 16);
		check_why(&why, n == 4 && p[0]->npt == 3, "%zu polygons", n);
		if (n == 4 && p[0]->npt == 3) {
			/* The triangle: apex of band 0, base of band 3. */
			ax = p[0]->pt[0];
			ay = p[0]->pt[1];
			by = p[3]->pt[5];
			bl = p[3]->pt[6];
			br = p[3]->pt[4];
			check_why(&why, fabs(ax - (bl + br) / 2) < 1e-9,
			    "apex not centred over the base");
			h0 = 0;
			for (i = 0; i < n; i++) {
				double top = INFINITY, bot = -INFINITY;

				for (k = 0; k < p[i]->npt; k++) {
					x = p[i]->pt[2 * k];
					y = p[i]->pt[2 * k + 1];
					hw = (y - ay) / (by - ay) *
					    (br - bl) / 2;
					check_why(&why, y >= ay - 1e-9 &&
					    y <= by + 1e-9 &&
					    fabs(x - ax) <= hw + 1e-9,
					    "band %zu point %d (%g,%g) "
					    "outside the triangle", i, k, x,
					    y);
					top = fmin(top, y);
					bot = fmax(bot, y);
				}
				/* equal heights, the gap shared out */
				if (i == 0)
					h0 = bot - top + 1;
				else
					check_why(&why, fabs((bot - top +
					    (i + 1 < n ? 2 : 1)) - h0) < 1e-9,
					    "band %zu height %g", i,
					    bot - top);
				check_why(&why, i == 0 || top > p[i - 1]->pt[5],
				    "band %zu overlaps the one above", i);
			}
		}
		check_why(&why, S_find_text(&g, "79%") != NULL &&
		    S_find_text(&g, "1%") != NULL, "shares missing");
		check_why(&why, S_find_text(&g, "Klantenpiramide") != NULL &&
		    S_find_text(&g, "Klantenpiramide")->bold, "title");
	}
	chart_geom_clear(&g);
	S_verdict("pyramid: equal bands nested inside the triangle",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_pyramid_percent(void)
{
	struct buf why = { 0 };
	struct chart_geom g;

	if (S_geom("pyramid", "top; 60 %\nrest; 40 %\n", &g, &why) == 0)
		check_why(&why, S_find_text(&g, "60%") == NULL &&
		    S_find_text(&g, "60 %") != NULL, "share shown twice");
	chart_geom_clear(&g);
	S_verdict("pyramid: no share column when values are percentages",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_nps(void)
{
	const struct shape *p[32], *t;
	struct buf why = { 0 };
	struct chart_geom g;
	uint32_t want;
	size_t n, i;

	if (S_geom("nps", "0;2\n1;1\n3;3\n4;2\n5;6\n6;9\n7;18\n8;25\n9;21\n"
	    "10;13\n", &g, &why) == 0) {
		n = S_polys(&g, p, 32);
		check_why(&why, n == 14, "%zu polygons (11 bars, 3 swatches)",
		    n);
		for (i = 0; i < 11 && i < n; i++) {
			want = i <= 6 ? p[0]->fill : i <= 8 ? p[7]->fill :
			    p[9]->fill;
			check_why(&why, p[i]->fill == want, "bar %zu colour "
			    "%06x", i, p[i]->fill);
			check_why(&why, i == 0 || p[i]->pt[0] > p[i - 1]->pt[0],
			    "bar %zu not right of bar %zu", i, i - 1);
			/* bars stand on one baseline */
			check_why(&why, fabs(p[i]->pt[5] - p[0]->pt[5]) < 1e-9,
			    "bar %zu baseline", i);
		}
		if (n >= 11) {
			check_why(&why, p[0]->fill != p[7]->fill &&
			    p[7]->fill != p[9]->fill &&
			    p[0]->fill != p[9]->fill, "groups share colours");
			/* red, grey, green */
			check_why(&why, (p[0]->fill >> 16) > (p[0]->fill >> 8 &
			    0xff) && (p[9]->fill >> 8 & 0xff) >
			    (p[9]->fill >> 16) && (p[7]->fill >> 16) ==
			    (p[7]->fill & 0xff), "hues %06x %06x %06x",
			    p[0]->fill, p[7]->fill, p[9]->fill);
			check_why(&why, p[3]->pt[5] - p[3]->pt[1] > p[2]->pt[5] -
			    p[2]->pt[1] && p[2]->pt[5] - p[2]->pt[1] ==
			    CHART_MIN_SIZE, "bar heights");
		}
		/* detractors 23, passives 43, promoters 34: NPS +11 */
		t = S_find_text(&g, "NPS");
		check_why(&why, t != NULL && strcmp(t->text, "NPS +11") == 0 &&
		    t->bold, "caption '%s'", t ? t->text : "(none)");
		check_why(&why, S_find_text(&g, "0\xe2\x80\x93" "6: 23%") &&
		    S_find_text(&g, "7\xe2\x80\x93" "8: 43%") &&
		    S_find_text(&g, "9\xe2\x80\x93" "10: 34%"), "legend");
	}
	chart_geom_clear(&g);
	if (S_geom("nps", "0; 10\n", &g, &why) == 0) {
		t = S_find_text(&g, "NPS");
		check_why(&why, t != NULL && strcmp(t->text, "NPS -100") == 0,
		    "all detractors: '%s'", t ? t->text : "(none)");
	}
	chart_geom_clear(&g);
	S_verdict("nps: bars coloured by score, counts, NPS in the caption",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_bar(void)
{
	const struct shape *p[8];
	struct buf why = { 0 };
	struct chart_geom g;
	size_t n;

	if (S_geom("bar", "Noord; 400\nZuid; 100\nWest; 200\n", &g, &why)
	    == 0) {
		n = S_polys(&g, p, 8);
		check_why(&why, n == 3, "%zu bars", n);
		if (n == 3) {
			check_why(&why, p[0]->pt[0] == p[1]->pt[0] &&
			    p[1]->pt[0] == p[2]->pt[0], "bars do not share "
			    "an axis");
			check_why(&why, fabs((p[1]->pt[2] - p[1]->pt[0]) * 4 -
			    (p[0]->pt[2] - p[0]->pt[0])) < 1e-9 &&
			    fabs((p[2]->pt[2] - p[2]->pt[0]) * 2 -
			    (p[0]->pt[2] - p[0]->pt[0])) < 1e-9,
			    "lengths not proportional");
		}
	}
	chart_geom_clear(&g);
	S_verdict("bar: lengths proportional from one axis", why.len == 0,
	    buf_cstr(&why), NULL);
	buf_free(&why);
}

static void
t_single_and_zero(void)
{
	static const char *const kinds[] = { "funnel", "pyramid", "bar",
	    "nps" };
	static const char *const bodies[] = {
		"alleen; 7\n",
		"nul; 0\n",
		"a; 0\nb; 0\nc; 0\n",
		"a; 5\nb; 0\nc; 0,0\n",
	};
	struct buf why = { 0 }, svg = { 0 };
	struct chart_geom g;
	size_t k, b;
	char body[64];

	for (k = 0; k < 4; k++)
		for (b = 0; b < sizeof(bodies) / sizeof(bodies[0]); b++) {
			if (k == 3)	/* nps labels are scores */
				snprintf(body, sizeof(body), "%s",
				    b == 0 ? "7; 7\n" : b == 1 ? "0; 0\n" :
				    b == 2 ? "0;0\n5;0\n10;0\n" :
				    "0;5\n9;0\n10;0,0\n");
			else
				snprintf(body, sizeof(body), "%s", bodies[b]);
			if (S_geom(kinds[k], body, &g, &why) == 0) {
				buf_reset(&svg);
				svg_render(&g, NULL, &svg);
				check_why(&why, strstr(buf_cstr(&svg), "nan") ==
				    NULL && strstr(buf_cstr(&svg), "inf") ==
				    NULL, "%s %zu: NaN in SVG", kinds[k], b);
			}
			chart_geom_clear(&g);
		}
	S_verdict("one item, zeros and all zeros, every kind", why.len == 0,
	    buf_cstr(&why), NULL);
	buf_free(&why);
	buf_free(&svg);
}

/* Twice the estimate: a wide font. */
static double
S_wide(void *arg, const char *text, double size, int bold)
{
	(*(int *)arg)++;
	(void)bold;
	return 1.1 * size * (double)strlen(text);
}

static void
t_measure_and_fit(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 }, long_label = { 0 };
	const struct shape *t;
	struct chart_geom g;
	struct chart c;
	size_t i;
	int calls = 0;

	for (i = 0; i < 20000; i++)
		buf_puts(&long_label, "\xc3\xa9");
	buf_puts(&long_label, "; 5\nkort; 3\n");
	if (S_parse("bar", buf_cstr(&long_label), &c, dl) == 0) {
		chart_layout(&c, 480, S_wide, &calls, &g);
		check_why(&why, calls > 0 && calls < 1000, "%d measure calls",
		    calls);
		t = S_find_text(&g, "\xc3\xa9");
		check_why(&why, t != NULL && strlen(t->text) > 3 &&
		    strcmp(t->text + strlen(t->text) - 3, "\xe2\x80\xa6") ==
		    0 && 1.1 * t->size * (double)strlen(t->text) <= 0.4 * 480
		    + 1e-9, "long label not shortened to its column");
		chart_geom_clear(&g);
		/* a box too narrow grows rather than cutting text off */
		chart_layout(&c, 10, NULL, NULL, &g);
		check_why(&why, g.w >= 120, "width %g", g.w);
		S_sane(&why, &g);
		chart_geom_clear(&g);
	} else
		check_why(&why, 0, "does not parse");
	chart_clear(&c);
	S_verdict("measure callback, long labels shortened, narrow boxes",
	    why.len == 0, buf_cstr(&why), dl);
	buf_free(&why);
	buf_free(&long_label);
	diag_list_free(dl);
}

/* -------------------------------------------------------------- svg */

static void
t_svg_escape(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 }, out = { 0 };
	struct chart_geom g;
	struct chart c;
	const char *s;

	if (S_parse("bar", "title: Say \"hi\" & <b>bye</b>\n"
	    "<script>alert(\"x\")</script>; 5\n"
	    "'quoted' & \"double\"; 3\n", &c, dl) == 0) {
		chart_layout(&c, 480, NULL, NULL, &g);
		svg_render(&g, c.title, &out);
		s = buf_cstr(&out);
		check_why(&why, strstr(s, "<script") == NULL &&
		    strstr(s, "<b>") == NULL && strstr(s, "\"hi\"") == NULL,
		    "raw markup in the SVG");
		check_why(&why, strstr(s, "aria-label=\"Say &quot;hi&quot; "
		    "&amp; &lt;b&gt;bye&lt;/b&gt;\"") != NULL,
		    "aria-label not escaped");
		check_why(&why, strstr(s, "<title>Say &quot;hi&quot; &amp; "
		    "&lt;b&gt;bye&lt;/b&gt;</title>") != NULL, "title");
		check_why(&why, strstr(s, "&lt;script&gt;alert(&quot;x&quot;)"
		    "&lt;/script&gt;") != NULL, "label");
		check_why(&why, strstr(s, "&#39;quoted&#39; &amp; "
		    "&quot;double&quot;") != NULL, "quotes in a label");
		chart_geom_clear(&g);
	} else
		check_why(&why, 0, "does not parse");
	chart_clear(&c);
	S_verdict("svg: titles and labels escaped", why.len == 0,
	    buf_cstr(&why), dl);
	buf_free(&why);
	buf_free(&out);
	diag_list_free(dl);
}

static void
t_svg_form(void)
{
	static const char open[] = "<figure class=\"chart chart-funnel\">"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ";
	struct buf why = { 0 }, a = { 0 }, b = { 0 };
	struct chart_geom g;
	const char *s, *q;
	size_t k;

	if (S_geom("funnel", "a; 1\nb; 0,3333\nc; 0,1\n", &g, &why) == 0) {
		svg_render(&g, NULL, &a);
		svg_render(&g, NULL, &b);
		s = buf_cstr(&a);
		check_why(&why, strcmp(s, buf_cstr(&b)) == 0, "not "
		    "deterministic");
		check_why(&why, strncmp(s, open, strlen(open)) == 0,
		    "opening: %.100s", s);
		check_why(&why, strstr(s, "role=\"img\" aria-label=\"a: 1; b: "
		    "0,3333; c: 0,1\"") != NULL && strstr(s, "<desc>") ==
		    NULL, "untitled chart named by its data");
		check_why(&why, strlen(s) > 16 && strcmp(s + strlen(s) - 16,
		    "</svg></figure>\n") == 0, "closing");
		check_why(&why, strstr(s, "\n\n") == NULL, "blank line");
		/* at most two decimals, no trailing zeros, no "-0" */
		for (q = strchr(s, '\n'); q != NULL && *q != '\0'; q++) {
			if (*q != '.' || q == s || q[-1] < '0' || q[-1] > '9')
				continue;
			k = strspn(q + 1, "0123456789");
			check_why(&why, k >= 1 && k <= 2 && q[k] != '0',
			    "number %.12s", q - 3);
		}
		check_why(&why, strstr(s, "\"-0\"") == NULL, "-0");
	}
	buf_reset(&a);
	chart_geom_clear(&g);
	if (S_geom("bar", "a; 1\n", &g, &why) == 0) {
		svg_render(&g, "Titel", &a);
		check_why(&why, strstr(buf_cstr(&a), "aria-label=\"Titel\"") &&
		    strstr(buf_cstr(&a), "<title>Titel</title>\n<desc>a: 1"
		    "</desc>"), "titled chart: %s", buf_cstr(&a));
	}
	chart_geom_clear(&g);
	S_verdict("svg: deterministic, numbers trimmed, named and described",
	    why.len == 0, buf_cstr(&why), NULL);
	buf_free(&why);
	buf_free(&a);
	buf_free(&b);
}

/* Compares the SVG of a sample chart with its golden file (--regen:
 * writes it). */
static void
S_golden(const char *name, const char *kind, const char *body)
{
	struct diag_list *dl = diag_list_new();
	struct buf why = { 0 }, out = { 0 }, path = { 0 }, want = { 0 };
	struct chart_geom g;
	struct chart c;
	char tmp[4096], label[128];
	size_t n, line;
	FILE *f;
	const char *a, *b;

	buf_printf(&path, "%s/%s.svg", golden, name);
	if (S_parse(kind, body, &c, dl) != 0) {
		check_why(&why, 0, "does not parse");
		goto done;
	}
	chart_layout(&c, 480, NULL, NULL, &g);
	svg_render(&g, c.title, &out);
	chart_geom_clear(&g);
	chart_clear(&c);
	if (regen) {
		if ((f = fopen(buf_cstr(&path), "w")) == NULL ||
		    fwrite(out.data, 1, out.len, f) != out.len ||
		    fclose(f) != 0)
			check_why(&why, 0, "cannot write %s", buf_cstr(&path));
		goto done;
	}
	if ((f = fopen(buf_cstr(&path), "r")) == NULL) {
		check_why(&why, 0, "cannot read %s (run test_chart --regen "
		    "from the top of the tree)", buf_cstr(&path));
		goto done;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_put(&want, tmp, n);
	fclose(f);
	if (strcmp(buf_cstr(&want), buf_cstr(&out)) != 0) {
		/* show the first line that differs */
		a = buf_cstr(&want);
		b = buf_cstr(&out);
		for (line = 1; *a != '\0' && *a == *b; a++, b++)
			line += *a == '\n';
		while (a > buf_cstr(&want) && a[-1] != '\n') {
			a--;
			b--;
		}
		check_why(&why, 0, "%s differs at line %zu:\n  want: %.*s\n"
		    "  got:  %.*s", buf_cstr(&path), line,
		    (int)strcspn(a, "\n"), a, (int)strcspn(b, "\n"), b);
	}
done:
	snprintf(label, sizeof(label), "golden %s.svg%s", name,
	    regen ? " (written)" : "");
	S_verdict(label, why.len == 0, buf_cstr(&why), dl);
	buf_free(&why);
	buf_free(&out);
	buf_free(&path);
	buf_free(&want);
	diag_list_free(dl);
}

static void
t_golden(void)
{
	S_golden("funnel", "funnel",
	    "title: Verkooptrechter derde kwartaal\n"
	    "# contacten per fase\n"
	    "lead; 1.475\n"
	    "suspect; 820\n"
	    "prospect; 310\n"
	    "hot prospect; 96\n"
	    "klant; 42\n");
	S_golden("pyramid", "pyramid",
	    "title: Klantenpiramide (aantal klanten)\n"
	    "top; 5\n"
	    "groot; 20\n"
	    "middelgroot; 80\n"
	    "klein; 400\n");
	S_golden("bar", "bar",
	    "title: Omzet per regio 2024\n"
	    "Noord; \xe2\x82\xac 48.500\n"
	    "Oost; \xe2\x82\xac 31.200\n"
	    "Zuid; \xe2\x82\xac 62.750\n"
	    "West; \xe2\x82\xac 27.000\n"
	    "Groothandel \"De Vries & Zn\"; \xe2\x82\xac 9.800\n");
	S_golden("nps", "nps",
	    "title: Klanttevredenheid: aanbevelingsscores (n = 100)\n"
	    "0; 2\n1; 1\n3; 3\n4; 2\n5; 6\n6; 9\n"
	    "7; 18\n8; 25\n9; 21\n10; 13\n");
}

int
main(int argc, char *argv[])
{
	struct buf alt = { 0 };
	const char *slash;
	int i, given = 0;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--regen") == 0)
			regen = 1;
		else {
			golden = argv[i];
			given = 1;
		}
	if (!given && access(golden, F_OK) != 0 &&
	    (slash = strrchr(argv[0], '/')) != NULL) {
		buf_printf(&alt, "%.*s/../../%s", (int)(slash - argv[0]),
		    argv[0], golden);
		golden = buf_cstr(&alt);
	}
	t_numbers();
	t_parse_basic();
	t_parse_errors();
	t_parse_chart_errors();
	t_parse_nps();
	t_parse_clean();
	t_funnel_widths();
	t_funnel_huge();
	t_pyramid_nested();
	t_pyramid_percent();
	t_nps();
	t_bar();
	t_single_and_zero();
	t_measure_and_fit();
	t_svg_escape();
	t_svg_form();
	t_golden();
	buf_free(&alt);
	return check_status();
}
