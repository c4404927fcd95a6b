/*
 * test_break — the total-fit line breaker on paragraphs whose best breaks
 * can be worked out by hand, the hard hyphen rules, the fallback, a
 * 10,000-word paragraph against the clock, and random paragraphs against
 * two references written apart from the breaker (their own ratios and
 * demerits): an exhaustive search of every set of breaks for small ones,
 * and a dynamic programming over every (break, fitness, hyphen run) with
 * no pruning for longer ones.  Every result is also checked to cover each
 * item exactly once, in order.  One PASS or FAIL line per test; exit
 * status 1 if any failed.
 */
#include "mem.h"
#include "pdf/pdf_break.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
static char why[4096];
static size_t nwhy;
static size_t ncovered, nuncovered;	/* results checked by S_cover() */
static char coverwhy[1024];

static void
S_why(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Adds a line of detail to the next verdict. */
static void
S_why(const char *fmt, ...)
{
	va_list ap;
	int k;

	if (nwhy >= sizeof(why) - 2)
		return;
	va_start(ap, fmt);
	k = vsnprintf(why + nwhy, sizeof(why) - nwhy - 1, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	nwhy += (size_t)k < sizeof(why) - nwhy - 1 ? (size_t)k :
	    sizeof(why) - nwhy - 2;
	why[nwhy++] = '\n';
	why[nwhy] = '\0';
}

/* Prints the verdict, failing as well if details were collected. */
static void
S_verdict(const char *name, int ok)
{
	check_verdict("break", name, ok && nwhy == 0, why);
	nwhy = 0;
	why[0] = '\0';
}

/* --- building paragraphs --- */

struct para {
	struct brk_item	*v;
	size_t		 n, cap;
};

static void
S_add(struct para *pa, enum brk_type t, double w, double y, double z,
    double pen, int flag)
{
	if (pa->n == pa->cap) {
		pa->cap = pa->cap ? pa->cap * 2 : 32;
		pa->v = xrealloc(pa->v, pa->cap * sizeof(*pa->v));
	}
	pa->v[pa->n++] = (struct brk_item){ .type = t, .width = w,
	    .stretch = y, .shrink = z, .penalty = pen, .flagged = flag };
}

static void
S_box(struct para *pa, double w)
{
	S_add(pa, BRK_BOX, w, 0, 0, 0, 0);
}

/* The interword glue of every hand-worked case. */
static void
S_space(struct para *pa)
{
	S_add(pa, BRK_GLUE, 10, 5, 3, 0, 0);
}

static void
S_pen(struct para *pa, double w, double pen, int flag)
{
	S_add(pa, BRK_PENALTY, w, 0, 0, pen, flag);
}

static void
S_hyph(struct para *pa)
{
	S_pen(pa, 0, 50, 1);
}

/* parfillskip and the forced break that ends a paragraph. */
static void
S_end(struct para *pa)
{
	S_add(pa, BRK_GLUE, 0, 1e6, 0, 0, 0);
	S_pen(pa, 0, -BRK_INF, 0);
}

/* Words of the given widths, spaced, then the end. */
static void
S_words(struct para *pa, const double *w, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		if (i > 0)
			S_space(pa);
		S_box(pa, w[i]);
	}
	S_end(pa);
}

static struct brk_params
S_params(double width)
{
	struct brk_params p;

	memset(&p, 0, sizeof(p));
	p.width = width;
	p.tolerance = 2;
	p.line_penalty = 10;
	p.hyphen_demerits = 3000;
	p.fitness_demerits = 100;
	return p;
}

/* --- an independent reading of the conventions --- */

static int
S_isforced(const struct brk_item *it, size_t n, size_t b)
{
	return b >= n || (it[b].type == BRK_PENALTY &&
	    it[b].penalty <= -BRK_INF);
}

static size_t
S_last(const struct brk_item *it, size_t n)
{
	return S_isforced(it, n, n - 1) ? n - 1 : n;
}

static int
S_legal(const struct brk_item *it, size_t n, size_t b)
{
	if (b >= n)
		return b == S_last(it, n);
	if (it[b].type == BRK_GLUE)
		return b > 0 && it[b - 1].type == BRK_BOX;
	return it[b].type == BRK_PENALTY && it[b].penalty < BRK_INF;
}

static size_t
S_next(const struct brk_item *it, size_t n, size_t b)
{
	size_t j = b + 1;

	while (j < n && it[j].type != BRK_BOX && !S_isforced(it, n, j))
		j++;
	return j;
}

static int
S_flag(const struct brk_item *it, size_t n, size_t b)
{
	return b < n && it[b].type == BRK_PENALTY && it[b].flagged;
}

/* Ratio of the line [s, b) summed item by item. */
static double
S_lineratio(const struct brk_item *it, size_t n, size_t s, size_t b,
    double lw)
{
	double L = 0, Y = 0, Z = 0;
	size_t j;

	for (j = s; j < b; j++) {
		if (it[j].type == BRK_PENALTY)
			continue;
		L += it[j].width;
		if (it[j].type == BRK_GLUE) {
			Y += it[j].stretch;
			Z += it[j].shrink;
		}
	}
	if (b < n && it[b].type == BRK_PENALTY)
		L += it[b].width;
	if (fabs(L - lw) <= 1e-9)
		return 0;
	if (L < lw)
		return Y >= BRK_INF ? 0 : Y > 0 ? (lw - L) / Y : INFINITY;
	return Z >= BRK_INF ? 0 : Z > 0 ? (lw - L) / Z : -INFINITY;
}

static double
S_width(const struct brk_params *p, size_t line)
{
	return line == 0 && p->first_width > 0 ? p->first_width : p->width;
}

static int
S_class(double r)
{
	return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/*
 * Checks that the lines cover every item exactly once, in order: each line
 * starts where the items dropped after the previous break end, breaks at a
 * legal item, passes no forced break, and the last ends at the final break.
 */
static int
S_cover(const struct brk_item *it, size_t n, const struct brk_result *res,
    char *err, size_t errsz)
{
	size_t i, j, expect = 0, last = S_last(it, n);
	const struct brk_line *l;

	if (res->n == 0 || res->lines == NULL) {
		snprintf(err, errsz, "no lines");
		return 0;
	}
	for (i = 0; i < res->n; i++) {
		l = &res->lines[i];
		if (l->start != expect) {
			snprintf(err, errsz, "line %zu starts at %zu, not %zu",
			    i, l->start, expect);
			return 0;
		}
		if (l->end < l->start || l->end > last ||
		    (i + 1 < res->n && l->end == last) ||
		    (i + 1 == res->n && l->end != last)) {
			snprintf(err, errsz, "line %zu ends at %zu (last %zu, "
			    "%zu lines)", i, l->end, last, res->n);
			return 0;
		}
		if (!S_legal(it, n, l->end)) {
			snprintf(err, errsz, "line %zu breaks at item %zu, "
			    "not a legal break", i, l->end);
			return 0;
		}
		for (j = l->start; j < l->end; j++)
			if (S_isforced(it, n, j)) {
				snprintf(err, errsz, "line %zu runs past the "
				    "forced break %zu", i, j);
				return 0;
			}
		if (l->hyphen != S_flag(it, n, l->end)) {
			snprintf(err, errsz, "line %zu: hyphen %d", i,
			    l->hyphen);
			return 0;
		}
		expect = S_next(it, n, l->end);
	}
	return 1;
}

/* Runs the breaker (or the fallback) and checks coverage on the way. */
static int
S_run(const struct para *pa, const struct brk_params *p,
    struct brk_result *res, int greedy)
{
	int rc;

	rc = greedy ? brk_first_fit(pa->v, pa->n, p, res) :
	    brk_total_fit(pa->v, pa->n, p, res);
	if (rc >= 0) {
		if (S_cover(pa->v, pa->n, res, coverwhy, sizeof(coverwhy)))
			ncovered++;
		else {
			nuncovered++;
			S_why("coverage: %s", coverwhy);
		}
	}
	return rc;
}

/* Demerits of a line with ratio r broken at b, alone. */
static double
S_linedem(const struct brk_item *it, size_t n, const struct brk_params *p,
    size_t b, double r)
{
	double bad = 100 * pow(fabs(r), 3), d, pen;

	d = (p->line_penalty + bad) * (p->line_penalty + bad);
	pen = b < n && it[b].type == BRK_PENALTY ? it[b].penalty : 0;
	if (pen > -BRK_INF)
		d += pen >= 0 ? pen * pen : -pen * pen;
	return d;
}

/*
 * Recomputes every line: returns 1 and the total demerits if the lines are
 * feasible under p (ratios in [-1, tolerance], hyphen rules), else 0.
 * check: compare the reported ratios too.
 */
static int
S_eval(const struct brk_item *it, size_t n, const struct brk_params *p,
    const struct brk_line *l, size_t nl, int check, double *dem)
{
	double r, d, total = 0;
	size_t i;
	int fit, pfit = -1, run = 0, ok = 1, fl, pfl = 0;

	for (i = 0; i < nl; i++) {
		r = S_lineratio(it, n, l[i].start, l[i].end, S_width(p, i));
		if (check && !(fabs(r - l[i].ratio) <= 1e-9))
			S_why("line %zu: ratio %g, recomputed %g", i,
			    l[i].ratio, r);
		if (!(r >= -1 - 1e-9 && r <= p->tolerance + 1e-9))
			ok = 0;
		fl = S_flag(it, n, l[i].end);
		run = fl ? run + 1 : 0;
		if (p->max_hyphen_run > 0 && run > p->max_hyphen_run)
			ok = 0;
		if (p->no_hyphen_last && fl && i + 2 == nl)
			ok = 0;
		d = S_linedem(it, n, p, l[i].end, r);
		fit = S_class(r);
		if (pfit >= 0 && abs(fit - pfit) > 1)
			d += p->fitness_demerits;
		if (fl && pfl)
			d += p->hyphen_demerits;
		total += d;
		pfit = fit;
		pfl = fl;
	}
	*dem = total;
	return ok;
}

/* Whether the breaks (the end of each line) are exactly want[0..k). */
static int
S_ends(const struct brk_result *res, const size_t *want, size_t k)
{
	size_t i;

	if (res->n != k)
		return 0;
	for (i = 0; i < k; i++)
		if (res->lines[i].end != want[i])
			return 0;
	return 1;
}

static void
S_why_ends(const char *what, const struct brk_result *res,
    const size_t *want, size_t k)
{
	char got[512], exp[512];
	size_t i, g = 0, e = 0;

	got[0] = exp[0] = '\0';
	for (i = 0; i < res->n && g < sizeof(got) - 24; i++)
		g += (size_t)snprintf(got + g, sizeof(got) - g, " %zu",
		    res->lines[i].end);
	for (i = 0; i < k && e < sizeof(exp) - 24; i++)
		e += (size_t)snprintf(exp + e, sizeof(exp) - e, " %zu",
		    want[i]);
	S_why("%s: breaks at%s, expected%s", what, got, exp);
}

static void
S_expect_ends(const char *what, const struct brk_result *res,
    const size_t *want, size_t k)
{
	if (!S_ends(res, want, k))
		S_why_ends(what, res, want, k);
}

static void
S_expect_dem(const char *what, const struct para *pa,
    const struct brk_params *p, const struct brk_result *res, double want)
{
	double d;

	if (!S_eval(pa->v, pa->n, p, res->lines, res->n, 1, &d))
		S_why("%s: not feasible", what);
	if (fabs(d - want) > 1e-6 * (1 + want))
		S_why("%s: demerits %.4f, expected %.4f", what, d, want);
}

/* --- exhaustive search --- */

struct bf {
	const struct brk_item	*it;
	size_t			 n, last;
	const struct brk_params	*p;
	struct brk_line		 l[128];
	double			 best;
	int			 found;
	unsigned long		 count;
};

/* Tries every legal break for line k starting at s. */
static void
S_bf(struct bf *bf, size_t s, size_t k)
{
	size_t b;
	double r, d;

	if (k >= 128)
		return;
	for (b = s; b <= bf->last; b++) {
		if (!S_legal(bf->it, bf->n, b))
			continue;
		bf->l[k] = (struct brk_line){ .start = s, .end = b,
		    .hyphen = S_flag(bf->it, bf->n, b) };
		r = S_lineratio(bf->it, bf->n, s, b, S_width(bf->p, k));
		if (r >= -1 - 1e-9 && r <= bf->p->tolerance + 1e-9) {
			if (b == bf->last) {
				bf->count++;
				if (S_eval(bf->it, bf->n, bf->p, bf->l, k + 1,
				    0, &d) && (!bf->found || d < bf->best)) {
					bf->best = d;
					bf->found = 1;
				}
			} else
				S_bf(bf, S_next(bf->it, bf->n, b), k + 1);
		}
		if (S_isforced(bf->it, bf->n, b))
			break;
	}
}

/*
 * The exact optimum for paragraphs too long to search: dynamic programming
 * over every (break, fitness class, hyphen run) with no pruning, no
 * deactivation and no active list.  Returns whether a feasible set exists,
 * and its demerits.
 */
static int
S_dp(const struct brk_item *it, size_t n, const struct brk_params *p,
    double *best)
{
	size_t last = S_last(it, n), nb = 1, i, j, s, b, x, k, *pos, *st, *nf;
	double *sw, *sy, *sz, *cost, L, Y, Z, lw, r, d;
	int cap = p->max_hyphen_run > 0 ? p->max_hyphen_run + 1 : 2;
	int f, run, fit, nrun, found = 0;

	pos = xcalloc(n + 2, sizeof(*pos));
	st = xcalloc(n + 2, sizeof(*st));
	nf = xcalloc(n + 2, sizeof(*nf));
	sw = xcalloc(n + 1, sizeof(*sw));
	sy = xcalloc(n + 1, sizeof(*sy));
	sz = xcalloc(n + 1, sizeof(*sz));
	for (k = 0; k < n; k++) {
		sw[k + 1] = sw[k] + (it[k].type != BRK_PENALTY ? it[k].width : 0);
		sy[k + 1] = sy[k] + (it[k].type == BRK_GLUE ? it[k].stretch : 0);
		sz[k + 1] = sz[k] + (it[k].type == BRK_GLUE ? it[k].shrink : 0);
		nf[k + 1] = nf[k] + (S_isforced(it, n, k) ? 1 : 0);
	}
	for (b = 0; b <= last; b++)
		if (S_legal(it, n, b)) {
			pos[nb] = b;
			st[nb++] = S_next(it, n, b);
		}
	/* cost[(j * 5 + fitness) * cap + run]; fitness 4: the start. */
	cost = xmalloc(nb * 5 * (size_t)cap * sizeof(*cost));
	for (x = 0; x < nb * 5 * (size_t)cap; x++)
		cost[x] = INFINITY;
	cost[4 * (size_t)cap] = 0;
	for (j = 1; j < nb; j++) {
		b = pos[j];
		for (i = 0; i < j; i++) {
			s = st[i];
			if (s > b || nf[b] - nf[s] > 0)
				continue;
			lw = S_width(p, i == 0 ? 0 : 1);
			L = sw[b] - sw[s] + (b < n && it[b].type == BRK_PENALTY ?
			    it[b].width : 0);
			Y = sy[b] - sy[s];
			Z = sz[b] - sz[s];
			if (fabs(L - lw) <= 1e-9)
				r = 0;
			else if (L < lw)
				r = Y >= BRK_INF ? 0 : Y > 0 ? (lw - L) / Y :
				    INFINITY;
			else
				r = Z > 0 ? (lw - L) / Z : -INFINITY;
			if (!(r >= -1 - 1e-9 && r <= p->tolerance + 1e-9))
				continue;
			fit = S_class(r);
			for (f = 0; f < 5; f++)
				for (run = 0; run < cap; run++) {
					d = cost[(i * 5 + (size_t)f) *
					    (size_t)cap + (size_t)run];
					if (d == INFINITY)
						continue;
					if (S_flag(it, n, b) &&
					    p->max_hyphen_run > 0 &&
					    run >= p->max_hyphen_run)
						continue;
					if (b == last && p->no_hyphen_last &&
					    i > 0 && S_flag(it, n, pos[i]))
						continue;
					d += S_linedem(it, n, p, b, r);
					if (f < 4 && abs(fit - f) > 1)
						d += p->fitness_demerits;
					if (i > 0 && S_flag(it, n, b) &&
					    S_flag(it, n, pos[i]))
						d += p->hyphen_demerits;
					nrun = S_flag(it, n, b) ? run + 1 : 0;
					if (nrun >= cap)
						nrun = cap - 1;
					x = (j * 5 + (size_t)fit) *
					    (size_t)cap + (size_t)nrun;
					if (d < cost[x])
						cost[x] = d;
				}
		}
	}
	*best = INFINITY;
	for (x = (nb - 1) * 5 * (size_t)cap; x < nb * 5 * (size_t)cap; x++)
		if (cost[x] < *best) {
			*best = cost[x];
			found = 1;
		}
	free(pos);
	free(st);
	free(nf);
	free(sw);
	free(sy);
	free(sz);
	free(cost);
	return found;
}

/*
 * Compares brk_total_fit() with the exact optimum: the same verdict on
 * feasibility and, when feasible, the same least demerits.  search: also
 * run the exhaustive search (small paragraphs only), which must agree with
 * the dynamic programming.  Returns 0 and adds details on a mismatch.
 */
static int
S_optimal(const char *what, const struct para *pa,
    const struct brk_params *p, int search)
{
	struct brk_result res;
	struct bf bf;
	double d, best;
	int rc, ok = 1, found;

	found = S_dp(pa->v, pa->n, p, &best);
	if (search) {
		memset(&bf, 0, sizeof(bf));
		bf.it = pa->v;
		bf.n = pa->n;
		bf.last = S_last(pa->v, pa->n);
		bf.p = p;
		S_bf(&bf, 0, 0);
		if (bf.found != found || (found &&
		    fabs(bf.best - best) > 1e-7 * (1 + best))) {
			S_why("%s: search %d %.6f, dynamic programming %d "
			    "%.6f", what, bf.found, bf.best, found, best);
			ok = 0;
		}
	}
	rc = S_run(pa, p, &res, 0);
	if (rc == 0) {
		if (!S_eval(pa->v, pa->n, p, res.lines, res.n, 1, &d)) {
			S_why("%s: result not feasible", what);
			ok = 0;
		} else if (!found) {
			S_why("%s: optimum has nothing feasible", what);
			ok = 0;
		} else if (fabs(d - best) > 1e-7 * (1 + best)) {
			S_why("%s: demerits %.6f, optimum %.6f", what, d,
			    best);
			ok = 0;
		}
	} else if (rc == 1) {
		if (found) {
			S_why("%s: no feasible result, optimum %.6f", what,
			    best);
			ok = 0;
		}
		if (!res.greedy) {
			S_why("%s: rc 1 without greedy", what);
			ok = 0;
		}
	} else {
		S_why("%s: rc %d", what, rc);
		ok = 0;
	}
	brk_result_free(&res);
	return ok;
}

/* --- random paragraphs --- */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
S_rand(uint32_t k)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % k);
}

/* A random paragraph of up to maxw words with every kind of item, and
 * its params. */
static void
S_random(struct para *pa, struct brk_params *p, uint32_t maxw)
{
	size_t i, k = 3 + S_rand(maxw - 2);
	double w, a, hpen;
	int heavy = S_rand(3) == 0;	/* hyphens everywhere, cheap */

	pa->n = 0;
	*p = S_params(60 + S_rand(120));
	if (S_rand(3) == 0)
		p->first_width = p->width - 30 + S_rand(60);
	p->tolerance = 1 + S_rand(3);
	p->hyphen_demerits = heavy ? S_rand(2) * 100 : S_rand(2) ? 3000 : 200;
	p->fitness_demerits = S_rand(3) ? 100 : S_rand(2) ? 0 : 5000;
	p->max_hyphen_run = (int)S_rand(3);
	p->no_hyphen_last = (int)S_rand(2);
	hpen = heavy ? S_rand(2) * 20 : 50;
	for (i = 0; i < k; i++) {
		if (i > 0) {
			switch (S_rand(12)) {
			case 0:		/* a tie: no break here */
				S_pen(pa, 0, BRK_INF, 0);
				S_space(pa);
				break;
			case 1:		/* a line break inside */
				S_end(pa);
				break;
			case 2:		/* a good place to break */
				S_pen(pa, 0, -50 - S_rand(100), 0);
				S_space(pa);
				break;
			default:
				S_add(pa, BRK_GLUE, 10, 3 + S_rand(5),
				    2 + S_rand(3), 0, 0);
				break;
			}
		}
		w = 8 + S_rand(40);
		if (w >= 16 && (heavy || S_rand(2) == 0)) {
			a = 4 + S_rand((uint32_t)w - 8);
			S_box(pa, a);
			S_pen(pa, S_rand(4) ? 4 * S_rand(2) : 20, hpen, 1);
			S_box(pa, w - a);
		} else
			S_box(pa, w);
	}
	switch (S_rand(10)) {
	case 0:			/* no parfillskip: the last line is set too */
		S_pen(pa, 0, -BRK_INF, 0);
		break;
	case 1:			/* no final forced break */
		S_add(pa, BRK_GLUE, 0, 1e6, 0, 0, 0);
		break;
	default:
		S_end(pa);
		break;
	}
}

/* --- the tests --- */

static void
T_one_line(void)
{
	static const double w[] = { 20, 20, 20 };
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want[] = { 6 };
	int rc;

	S_words(&pa, w, 3);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("rc %d", rc);
	else {
		S_expect_ends("total fit", &res, want, 1);
		if (res.n == 1 && res.lines[0].ratio != 0)
			S_why("ratio %g", res.lines[0].ratio);
		S_expect_dem("total fit", &pa, &p, &res, 100);
	}
	brk_result_free(&res);
	free(pa.v);
	S_verdict("a paragraph that fits on one line", 1);
}

/*
 * Width 100, spaces 10/5/3, tolerance 2.  Words 14 15 14 15 2 | 11.5 x4 |
 * 30.  First fit fills line 1 exactly (r 0) and leaves line 2 very loose
 * (76 of 100 with stretch 15: r 1.6, a very loose line after a normal
 * one).  Total fit moves the "2" down: 88/100 with stretch 15 (r 0.8)
 * then 88/100 with stretch 20 (r 0.6), both loose.
 *   first fit: 10^2 + (10 + 409.6)^2 + 100 + (10^2 + 100) = 176464.16
 *   total fit: (10 + 51.2)^2 + (10 + 21.6)^2 + 10^2       =   4844.00
 */
static void
T_greedy_differs(void)
{
	static const double w[] = { 14, 15, 14, 15, 2, 11.5, 11.5, 11.5, 11.5,
	    30 };
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result tf, ff;
	size_t want_tf[] = { 7, 17, 20 }, want_ff[] = { 9, 17, 20 };
	double dtf = 0, dff = 0;
	int rc;

	S_words(&pa, w, 10);
	rc = S_run(&pa, &p, &tf, 0);
	if (rc != 0 || tf.greedy)
		S_why("total fit rc %d greedy %d", rc, tf.greedy);
	S_expect_ends("total fit", &tf, want_tf, 3);
	S_expect_dem("total fit", &pa, &p, &tf, 4844.0);
	rc = S_run(&pa, &p, &ff, 1);
	if (rc != 0 || !ff.greedy)
		S_why("first fit rc %d greedy %d", rc, ff.greedy);
	S_expect_ends("first fit", &ff, want_ff, 3);
	S_expect_dem("first fit", &pa, &p, &ff, 176464.16);
	S_eval(pa.v, pa.n, &p, tf.lines, tf.n, 0, &dtf);
	S_eval(pa.v, pa.n, &p, ff.lines, ff.n, 0, &dff);
	if (!(dtf < dff))
		S_why("total fit %.2f not below first fit %.2f", dtf, dff);
	S_optimal("search", &pa, &p, 1);
	brk_result_free(&tf);
	brk_result_free(&ff);
	free(pa.v);
	S_verdict("total fit beats first fit (14 15 14 15 2 | 11.5x4 | 30)",
	    1);
}

static void
T_ratios(void)
{
	struct para pa = { 0 };
	struct brk_params p;
	struct brk_result res;
	size_t i, j, nl = 0, nzero = 0;
	double d;
	int rc;

	rng = 0x5eed;
	for (j = 0; j < 50; j++) {
		pa.n = 0;
		p = S_params(600);
		for (i = 0; i < 200; i++) {
			if (i > 0)
				S_space(&pa);
			S_box(&pa, 20 + S_rand(61));
		}
		S_end(&pa);
		rc = S_run(&pa, &p, &res, 0);
		if (rc != 0) {
			S_why("paragraph %zu: rc %d", j, rc);
			brk_result_free(&res);
			continue;
		}
		for (i = 0; i + 1 < res.n; i++)
			if (res.lines[i].ratio < -1 ||
			    res.lines[i].ratio > p.tolerance)
				S_why("paragraph %zu line %zu: ratio %g", j, i,
				    res.lines[i].ratio);
		/* 0 unless it is longer than the line and shrinks. */
		if (res.lines[res.n - 1].ratio > 0 ||
		    res.lines[res.n - 1].ratio < -1)
			S_why("paragraph %zu: last ratio %g", j,
			    res.lines[res.n - 1].ratio);
		nzero += res.lines[res.n - 1].ratio == 0;
		if (!S_eval(pa.v, pa.n, &p, res.lines, res.n, 1, &d))
			S_why("paragraph %zu: not feasible", j);
		nl += res.n;
		brk_result_free(&res);
	}
	if (nl < 50 * 15)
		S_why("only %zu lines", nl);
	if (nzero < 40)
		S_why("only %zu last lines at ratio 0", nzero);
	free(pa.v);
	S_verdict("ratios in [-1, tolerance], last line 0 or shrunk (50 paragraphs)", 1);
}

/*
 * 10 10 \\ 10 10: the forced break ends line 1 although all four words
 * would fit; the fill glue before it makes both lines ratio 0.  Without
 * the fill glue the first line cannot be set (no stretch): the fallback
 * still breaks there.  A paragraph without a final penalty ends at n (its
 * fill glue is a legal break too, but would leave the line underfull).
 */
static void
T_forced(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want[] = { 4, 9 }, want2[] = { 3, 8 }, want3[] = { 4 };
	int rc;

	S_box(&pa, 10);
	S_space(&pa);
	S_box(&pa, 10);
	S_end(&pa);
	S_box(&pa, 10);
	S_space(&pa);
	S_box(&pa, 10);
	S_end(&pa);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("with fill: rc %d", rc);
	S_expect_ends("with fill", &res, want, 2);
	S_expect_dem("with fill", &pa, &p, &res, 200);
	brk_result_free(&res);

	pa.n = 0;
	S_box(&pa, 10);
	S_space(&pa);
	S_box(&pa, 10);
	S_pen(&pa, 0, -BRK_INF, 0);
	S_box(&pa, 10);
	S_space(&pa);
	S_box(&pa, 10);
	S_end(&pa);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 1 || !res.greedy)
		S_why("without fill: rc %d greedy %d", rc, res.greedy);
	S_expect_ends("without fill", &res, want2, 2);
	brk_result_free(&res);

	pa.n = 0;
	S_box(&pa, 10);
	S_space(&pa);
	S_box(&pa, 10);
	S_add(&pa, BRK_GLUE, 0, 1e6, 0, 0, 0);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("no final penalty: rc %d", rc);
	S_expect_ends("no final penalty", &res, want3, 1);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("forced breaks", 1);
}

/*
 * 40 _ 44 [pen 0] 6 [pen P] 30 _ 40: with P = 0 line 1 ends at P, exactly
 * 100 wide; with P = BRK_INF it must end at the looser pen 0 (94 of 100,
 * r 1.2).  A glue after an infinite penalty (a tie) is no break either:
 * checked on every result by S_cover().
 */
static void
T_inf_penalty(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want0[] = { 5, 10 }, wantinf[] = { 3, 10 };
	int rc;

	S_box(&pa, 40);
	S_space(&pa);
	S_box(&pa, 44);
	S_pen(&pa, 0, 0, 0);
	S_box(&pa, 6);
	S_pen(&pa, 0, 0, 0);
	S_box(&pa, 30);
	S_space(&pa);
	S_box(&pa, 40);
	S_end(&pa);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("penalty 0: rc %d", rc);
	S_expect_ends("penalty 0", &res, want0, 2);
	brk_result_free(&res);
	pa.v[5].penalty = BRK_INF;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("penalty BRK_INF: rc %d", rc);
	S_expect_ends("penalty BRK_INF", &res, wantinf, 2);
	S_optimal("search", &pa, &p, 1);
	brk_result_free(&res);
	rc = S_run(&pa, &p, &res, 1);
	if (res.n > 0 && res.lines[0].end == 5)
		S_why("first fit breaks at BRK_INF");
	brk_result_free(&res);
	free(pa.v);
	S_verdict("a penalty of BRK_INF is never chosen", 1);
}

/*
 * Width 100, tolerance 2, hyphens of penalty 50 and no width:
 *   50 _ 40- | 40 _ 50- | 10 _ 8 _ 8 _ 8 _ 8 _ 8- | 50
 * Lines 1 and 2 can only end at their hyphens (r 0).  Line 3 ends at its
 * hyphen (r 0: 2600 + 3000 for the second hyphen in a row = 5600) or one
 * word earlier (82 of 100, stretch 20: r 0.9, (10 + 72.9)^2 = 6872.41).
 *   three hyphens:  2600 + 5600 + 5600   + 100 = 13900
 *   two hyphens:    2600 + 5600 + 6872.41 + 100 = 15172.41
 */
static void
S_three_hyphens(struct para *pa)
{
	static const double c[] = { 8, 8, 8, 8 };
	size_t i;

	pa->n = 0;
	S_box(pa, 50);
	S_space(pa);
	S_box(pa, 40);
	S_hyph(pa);		/* 3 */
	S_box(pa, 40);
	S_space(pa);
	S_box(pa, 50);
	S_hyph(pa);		/* 7 */
	S_box(pa, 10);
	for (i = 0; i < 4; i++) {
		S_space(pa);
		S_box(pa, c[i]);
	}
	S_space(pa);		/* 17 */
	S_box(pa, 8);
	S_hyph(pa);		/* 19 */
	S_box(pa, 50);
	S_end(pa);		/* 21, 22 */
}

static void
T_hyphen_run(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want3[] = { 3, 7, 19, 22 }, want2[] = { 3, 7, 17, 22 };
	int rc, lim;

	S_three_hyphens(&pa);
	for (lim = 0; lim <= 3; lim++) {
		p.max_hyphen_run = lim;
		rc = S_run(&pa, &p, &res, 0);
		if (lim == 1) {
			/* Line 2 has no other break. */
			if (rc != 1 || !res.greedy)
				S_why("limit 1: rc %d greedy %d", rc,
				    res.greedy);
		} else if (rc != 0)
			S_why("limit %d: rc %d", lim, rc);
		else if (lim == 2) {
			S_expect_ends("limit 2", &res, want2, 4);
			S_expect_dem("limit 2", &pa, &p, &res, 15172.41);
		} else {
			S_expect_ends(lim ? "limit 3" : "no limit", &res,
			    want3, 4);
			S_expect_dem(lim ? "limit 3" : "no limit", &pa, &p,
			    &res, 13900);
		}
		S_optimal(lim == 0 ? "search, no limit" : lim == 1 ?
		    "search, limit 1" : lim == 2 ? "search, limit 2" :
		    "search, limit 3", &pa, &p, 1);
		brk_result_free(&res);
	}
	free(pa.v);
	S_verdict("max_hyphen_run 2 refuses a third hyphen that is optimal "
	    "without it", 1);
}

/* A paragraph broken in parts (pdf_inline.c, a very long one) tells the
 * breaker how many hyphenated lines came right before: one before the
 * three-hyphen paragraph makes its third hyphen a fourth in a row, which
 * limit 3 refuses, as limit 2 does without it. */
static void
T_prev_run(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want3[] = { 3, 7, 19, 22 }, want2[] = { 3, 7, 17, 22 };
	int rc;

	S_three_hyphens(&pa);
	p.max_hyphen_run = 3;
	p.prev_run = 1;
	rc = brk_total_fit(pa.v, pa.n, &p, &res);
	if (rc != 0)
		S_why("prev_run 1: rc %d", rc);
	else
		S_expect_ends("limit 3 after one hyphenated line", &res,
		    want2, 4);
	brk_result_free(&res);
	p.prev_run = 0;
	rc = brk_total_fit(pa.v, pa.n, &p, &res);
	if (rc != 0)
		S_why("prev_run 0: rc %d", rc);
	else
		S_expect_ends("limit 3, nothing before", &res, want3, 4);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("prev_run: the hyphen limit counts the lines before a "
	    "paragraph's part", 1);
}

/*
 * Two ways reach the hyphen at 19 with the same fitness: through the
 * hyphen at 11 (cheaper, two hyphens in a row) or the glue at 9 (one).
 * Line 3 can only end at the hyphen at 23, so under max_hyphen_run 2 only
 * the costlier way leads on: keeping the cheapest node per break and
 * fitness alone would find no solution.  Width 100, tolerance 2:
 *   10 _ 8 _ 8 _ 8 _ 8 _ 8- 16 _ 16 _ 16 _ 18- 40 _ 50- 40
 *   via 11: 2600 + (11.8963^2 + 2500 + 3000) + 5600 + 100 = 13941.52
 *   via 9:  6872.41 + (18.7792^2 + 2500) + 5600 + 100     = 15425.07
 */
static void
T_run_identity(void)
{
	static const double w[] = { 10, 8, 8, 8, 8 };
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t i, want[] = { 11, 19, 23, 26 }, want2[] = { 9, 19, 23, 26 };
	double d9;
	int rc;

	for (i = 0; i < 5; i++) {
		if (i > 0)
			S_space(&pa);
		S_box(&pa, w[i]);
	}
	S_space(&pa);		/* 9 */
	S_box(&pa, 8);
	S_hyph(&pa);		/* 11 */
	S_box(&pa, 16);
	S_space(&pa);
	S_box(&pa, 16);
	S_space(&pa);
	S_box(&pa, 16);
	S_space(&pa);
	S_box(&pa, 18);
	S_hyph(&pa);		/* 19 */
	S_box(&pa, 40);
	S_space(&pa);
	S_box(&pa, 50);
	S_hyph(&pa);		/* 23 */
	S_box(&pa, 40);
	S_end(&pa);		/* 25, 26 */
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("no limit: rc %d", rc);
	S_expect_ends("no limit", &res, want, 4);
	S_expect_dem("no limit", &pa, &p, &res,
	    2600 + pow(10 + 6400.0 / 3375, 2) + 5500 + 5600 + 100);
	brk_result_free(&res);
	S_optimal("search, no limit", &pa, &p, 1);
	p.max_hyphen_run = 2;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("limit 2: rc %d", rc);
	S_expect_ends("limit 2", &res, want2, 4);
	d9 = pow(10 + 72.9, 2) + pow(10 + 6400.0 / 729, 2) + 2500 + 5600 +
	    100;
	S_expect_dem("limit 2", &pa, &p, &res, d9);
	brk_result_free(&res);
	S_optimal("search, limit 2", &pa, &p, 1);
	free(pa.v);
	S_verdict("the hyphen run is part of a node's identity", 1);
}

/*
 * The paragraph above: with no_hyphen_last, the third line (right before
 * the last) may not end at its hyphen, with or without a run limit.
 * 50 _ 40- | 40 + fill has no other break: no feasible solution.
 */
static void
T_no_hyphen_last(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want[] = { 3, 7, 17, 22 }, want2[] = { 3, 6 };
	int rc;

	S_three_hyphens(&pa);
	p.no_hyphen_last = 1;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("rc %d", rc);
	S_expect_ends("no_hyphen_last", &res, want, 4);
	S_expect_dem("no_hyphen_last", &pa, &p, &res, 15172.41);
	S_optimal("search", &pa, &p, 1);
	brk_result_free(&res);

	pa.n = 0;
	S_box(&pa, 50);
	S_space(&pa);
	S_box(&pa, 40);
	S_hyph(&pa);
	S_box(&pa, 40);
	S_end(&pa);
	p.no_hyphen_last = 0;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("two lines, allowed: rc %d", rc);
	S_expect_ends("two lines, allowed", &res, want2, 2);
	brk_result_free(&res);
	p.no_hyphen_last = 1;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 1 || !res.greedy)
		S_why("two lines, refused: rc %d greedy %d", rc, res.greedy);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("no_hyphen_last", 1);
}

/*
 * 30 _ 150 _ 30 in 100: the wide box cannot be set.  The fallback puts it
 * alone on an overfull line between two underfull ones.
 */
static void
T_infeasible(void)
{
	static const double w[] = { 30, 150, 30 };
	struct para pa = { 0 };
	struct brk_params p = S_params(100);
	struct brk_result res;
	size_t want[] = { 1, 3, 6 };
	int rc;

	S_words(&pa, w, 3);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 1 || !res.greedy)
		S_why("rc %d greedy %d", rc, res.greedy);
	S_expect_ends("fallback", &res, want, 3);
	if (res.n == 3 && res.lines[1].ratio != -BRK_INF)
		S_why("overfull line ratio %g", res.lines[1].ratio);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("a box wider than the line falls back to first fit", 1);
}

/* first_width 60 takes two words of 25 on line 1, width 95 three. */
static void
T_first_width(void)
{
	static const double w[] = { 25, 25, 25, 25, 25 };
	struct para pa = { 0 };
	struct brk_params p = S_params(95);
	struct brk_result res;
	size_t want[] = { 5, 10 }, want60[] = { 3, 10 };
	int rc;

	S_words(&pa, w, 5);
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("rc %d", rc);
	S_expect_ends("width 95", &res, want, 2);
	brk_result_free(&res);
	p.first_width = 60;
	rc = S_run(&pa, &p, &res, 0);
	if (rc != 0)
		S_why("first 60: rc %d", rc);
	S_expect_ends("first 60", &res, want60, 2);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("first_width", 1);
}

static void
T_invalid(void)
{
	struct brk_item it = { .type = BRK_BOX, .width = 1 };
	struct brk_params p = S_params(100);
	struct brk_result res;

	if (brk_total_fit(&it, 0, &p, &res) != -1 || res.n != 0 ||
	    res.lines != NULL)
		S_why("n == 0 accepted");
	if (brk_first_fit(&it, 0, &p, &res) != -1)
		S_why("first fit: n == 0 accepted");
	if (brk_total_fit(NULL, 1, &p, &res) != -1)
		S_why("NULL items accepted");
	brk_result_free(&res);
	brk_result_free(NULL);
	S_verdict("invalid input returns -1", 1);
}

/* Random small paragraphs: total fit equals the exhaustive search. */
static void
T_random_optimal(void)
{
	struct para pa = { 0 };
	struct brk_params p;
	char what[64];
	int i, bad = 0;

	rng = 0x9e3779b97f4a7c15ULL;
	for (i = 0; i < 3000 && bad < 5; i++) {
		S_random(&pa, &p, 13);
		snprintf(what, sizeof(what), "paragraph %d", i);
		if (!S_optimal(what, &pa, &p, 1))
			bad++;
	}
	free(pa.v);
	S_verdict("3000 small random paragraphs: optimal (exhaustive search)",
	    1);
}

/*
 * Longer random paragraphs, where several ways reach the same break with
 * different fitness or hyphen runs: total fit equals the dynamic
 * programming over all of them.
 */
static void
T_random_dp(void)
{
	struct para pa = { 0 };
	struct brk_params p;
	char what[64];
	int i, bad = 0;

	rng = 0xc0ffee;
	for (i = 0; i < 3000 && bad < 5; i++) {
		S_random(&pa, &p, 80);
		p.width += 100;
		snprintf(what, sizeof(what), "paragraph %d", i);
		if (!S_optimal(what, &pa, &p, 0))
			bad++;
	}
	free(pa.v);
	S_verdict("3000 random paragraphs of up to 80 words: optimal "
	    "(dynamic programming)", 1);
}

/* Both breakers on random paragraphs, feasible or not. */
static void
T_random_cover(void)
{
	struct para pa = { 0 };
	struct brk_params p;
	struct brk_result res;
	int i, rc;

	for (i = 0; i < 3000; i++) {
		S_random(&pa, &p, 30);
		if (S_rand(3) == 0)	/* often infeasible */
			p.width = 30 + S_rand(40);
		rc = S_run(&pa, &p, &res, 0);
		if (rc < 0)
			S_why("paragraph %d: rc %d", i, rc);
		brk_result_free(&res);
		rc = S_run(&pa, &p, &res, 1);
		if (rc != 0)
			S_why("paragraph %d: first fit rc %d", i, rc);
		brk_result_free(&res);
	}
	free(pa.v);
	S_verdict("3000 random paragraphs, both breakers", 1);
	if (nuncovered > 0)
		S_why("%zu of %zu results miss or repeat items", nuncovered,
		    ncovered + nuncovered);
	S_verdict("every result covers every item once, in order", 1);
}

static double
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * 10,000 words of 20-80 with spaces 10/5/3, one in five with a hyphen (4
 * wide, penalty 50), lines of 500 (at 400, some stretch of this text has
 * no feasible breaks with tolerance 2).  Loose time limit: sanitizers are
 * slow; unsanitized at -O2 it takes a few milliseconds.
 */
static void
T_large(void)
{
	struct para pa = { 0 };
	struct brk_params p = S_params(500);
	struct brk_result res;
	size_t i, hyph = 0, run = 0;
	double t, w, a, d;
	int rc;

	rng = 0x1234567;
	for (i = 0; i < 10000; i++) {
		if (i > 0)
			S_space(&pa);
		w = 20 + S_rand(61);
		if (S_rand(5) == 0) {
			a = 8 + S_rand((uint32_t)w - 15);
			S_box(&pa, a);
			S_pen(&pa, 4, 50, 1);
			S_box(&pa, w - a);
		} else
			S_box(&pa, w);
	}
	S_end(&pa);
	p.max_hyphen_run = 2;
	p.no_hyphen_last = 1;
	t = S_now();
	rc = S_run(&pa, &p, &res, 0);
	t = S_now() - t;
	if (rc != 0)
		S_why("rc %d", rc);
	if (t > 1.0)
		S_why("took %.3f s", t);
	for (i = 0; rc == 0 && i < res.n; i++) {
		if (i + 1 < res.n && (res.lines[i].ratio < -1 ||
		    res.lines[i].ratio > p.tolerance))
			S_why("line %zu: ratio %g", i, res.lines[i].ratio);
		run = res.lines[i].hyphen ? run + 1 : 0;
		hyph += res.lines[i].hyphen;
		if (run > 2)
			S_why("line %zu: third hyphen in a row", i);
	}
	if (rc == 0 && !S_eval(pa.v, pa.n, &p, res.lines, res.n, 1, &d))
		S_why("not feasible");
	if (rc == 0 && hyph == 0)
		S_why("no line ends with a hyphen");
	if (rc == 0 && res.n < 1000)
		S_why("only %zu lines", res.n);
	brk_result_free(&res);
	free(pa.v);
	S_verdict("10,000 words, hyphens, run limit: fast and in tolerance",
	    1);
}

int
main(void)
{
	T_one_line();
	T_greedy_differs();
	T_ratios();
	T_forced();
	T_inf_penalty();
	T_hyphen_run();
	T_prev_run();
	T_run_identity();
	T_no_hyphen_last();
	T_infeasible();
	T_first_width();
	T_invalid();
	T_random_optimal();
	T_random_dp();
	T_large();
	T_random_cover();
	return check_status();
}
