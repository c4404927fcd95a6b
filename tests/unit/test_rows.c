/*
 * test_rows — the PDF back end's row store (gen/pdf/pdf_rows.c) on its
 * own, with no fonts: row_clear() frees everything a row owns (runs with
 * owned and pooled texts, rects, anchor, bookmark title, image, chart),
 * layout_rows_free() does the same for every row of a layout (a chart
 * row among them) and its links, and layout_link() and layout_anchor()
 * qualify targets by the chapter's slug.  The helper thread's rows and a
 * split table row are released through row_clear() too, so a member it
 * forgets leaks on every path: counted here with glibc's mallinfo2() over
 * a thousand rounds (freed chunks parked in malloc's per-thread cache
 * still count as in use, a bounded few), and caught by the
 * AddressSanitizer and valgrind runs of this binary.
 * One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "chart.h"
#include "mem.h"
#include "pdf/pdf_rows.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void
S_verdict(const char *name, int ok)
{
	printf("%s rows: %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok)
		failed = 1;
}

/* Bytes malloc has handed out and not had back, chunks in its cache
 * included (0 under a sanitizer or valgrind, whose own allocator
 * mallinfo2() does not see: then their leak check stands in). */
static size_t
S_in_use(void)
{
	return mallinfo2().uordblks;
}

#define ROUNDS		1000
#define SLACK		16384	/* what malloc's caches may hold */

/* Runs fn ROUNDS times after one round to warm up; 1 when no more than
 * SLACK bytes stayed in use, else says how many per round. */
static int
S_no_growth(int (*fn)(void), const char *what)
{
	size_t before, after, i;
	int ok = fn();

	before = S_in_use();
	for (i = 0; i < ROUNDS && ok; i++)
		ok = fn();
	after = S_in_use();
	if (after > before + SLACK) {
		printf("  %s: %zu bytes a round stay in use\n", what,
		    (after - before) / ROUNDS);
		ok = 0;
	}
	return ok;
}

/* A chart's geometry as chart_layout() leaves it: shapes with texts and
 * a description, all owned. */
static struct chart_geom *
S_chart(void)
{
	struct chart_geom *g = xcalloc(1, sizeof(*g));

	g->n = 2;
	g->s = xcalloc(g->n, sizeof(*g->s));
	g->s[0].type = SHAPE_TEXT;
	g->s[0].text = xstrdup("Omzet per kwartaal");
	g->s[1].type = SHAPE_POLY;
	g->desc = xstrdup("Q1 10, Q2 12, Q3 9, Q4 14");
	g->w = 400;
	g->h = 200;
	return g;
}

/* Gives r one of everything a row can own. */
static void
S_fill(struct pl_row *r)
{
	struct pl_run *run;

	row_run(r, 10, 20, FACE_REGULAR, 10, PL_NONE, "eigen", 5, -1);
	r->pool = xstrdup("gedeeld");
	r->npool = 8;
	run = row_run_blank(r, 40, 20, FACE_BOLD, 10, PL_NONE, -1);
	run->text = r->pool;
	run->len = 7;
	row_rect(r, 0, 0, 100, 1, PL_NONE);
	row_rect(r, 0, 10, 100, 1, PL_NONE);
	r->anchor = xstrdup("doc#hier");
	r->otitle = xstrdup("1 Inleiding");
	r->img = xstrdup("img/logo.png");
	r->chart = S_chart();
}

static int
T_clear(void)
{
	struct pl_row r;
	int ok;

	memset(&r, 0, sizeof(r));
	S_fill(&r);
	row_clear(&r);
	ok = r.runs == NULL && r.nruns == 0 && r.pool == NULL &&
	    r.rects == NULL && r.nrects == 0 && r.anchor == NULL &&
	    r.otitle == NULL && r.img == NULL && r.chart == NULL;
	if (!ok)
		printf("  a member is still set after row_clear()\n");
	row_clear(&r);		/* an empty row: nothing to do */
	return ok;
}

static int
T_store(void)
{
	struct layout l;
	struct pl_row *r;
	int ok;

	layout_rows_init(&l, NULL, NULL, NULL, NULL);
	r = layout_row(&l, PL_CHART, 0);
	r->chart = S_chart();
	r->h = r->chart->h;
	S_fill(layout_row(&l, PL_LINE, 12));
	layout_space(&l, 4);
	layout_link(&l, "https://example.nl/");
	l.img_base = xstrdup("content");
	layout_rows_free(&l);
	ok = l.rows == NULL && l.n == 0 && l.links == NULL && l.nlinks == 0 &&
	    l.img_base == NULL;
	if (!ok)
		printf("  the store is not empty after layout_rows_free()\n");
	return ok;
}

static int
S_link(struct layout *l, const char *url, int want, const char *key)
{
	int got = layout_link(l, url);

	if (got != want || got < 0 || (size_t)got >= l->nlinks ||
	    strcmp(l->links[got], key) != 0) {
		printf("  layout_link(\"%s\"): %d \"%s\", expected %d \"%s\"\n",
		    url, got, got >= 0 && (size_t)got < l->nlinks ?
		    l->links[got] : "", want, key);
		return 0;
	}
	return 1;
}

static int
T_links(void)
{
	struct layout l;
	char *a;
	int ok;

	layout_rows_init(&l, NULL, NULL, NULL, NULL);
	l.slug = "deel-1/a";
	ok = S_link(&l, "#hier", 0, "#deel-1/a#hier");
	ok &= S_link(&l, "b.html#daar", 1, "#deel-1/b#daar");
	ok &= S_link(&l, "../deel-2/c.html", 2, "#deel-2/c#");
	ok &= S_link(&l, "https://example.nl/x.html", 3,
	    "https://example.nl/x.html");
	ok &= S_link(&l, "#hier", 0, "#deel-1/a#hier");	/* once */
	a = layout_anchor(&l, "hier");
	if (strcmp(a, "deel-1/a#hier") != 0) {
		printf("  layout_anchor: \"%s\"\n", a);
		ok = 0;
	}
	free(a);
	layout_rows_free(&l);
	return ok;
}

int
main(void)
{
	S_verdict("row_clear() frees runs, pool, rects, anchor, title, "
	    "image and chart", S_no_growth(T_clear, "row_clear()"));
	S_verdict("layout_rows_free() frees every row, a chart row too, and "
	    "the links", S_no_growth(T_store, "layout_rows_free()"));
	S_verdict("links and anchors are qualified by the chapter's slug",
	    T_links());
	return failed ? 1 : 0;
}
