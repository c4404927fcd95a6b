/* pdf_break — total-fit line breaking (see pdf_break.h). */
#include "pdf_break.h"
#include "mem.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE	SIZE_MAX

/* Ratios are differences of sums of widths; without the slack a line that
 * fits exactly could be refused for a rounding error. */
#define EPS	1e-9

/*
 * A feasible break, with the best way found to reach it.  Nodes are never
 * freed during the run: deactivated ones are still needed to walk back the
 * chosen breaks, so they live in one pool and point back by index.
 */
struct node {
	size_t	 pos;		/* index of the break item */
	size_t	 start;		/* first item of the line after it */
	size_t	 prev;		/* pool index of the previous break, or NONE */
	size_t	 line;		/* lines ended up to here */
	double	 total;		/* demerits up to here */
	double	 ratio;		/* of the line ending here */
	int	 fit;		/* its fitness class; -1 for the start */
	int	 run;		/* hyphenated lines ending here in a row */
	int	 flagged;	/* the break is a hyphen */
};

/* The best way found so far to reach the break at hand with one fitness
 * class and hyphen run. */
struct cand {
	double	 total;
	double	 ratio;
	size_t	 prev;
	int	 fit, run;
	int	 dead;
};

struct ctx {
	const struct brk_item	*it;
	const struct brk_params	*p;
	size_t			 n;
	size_t			 last;	/* the final break: n - 1 or n */
	double			*sw, *sy, *sz;	/* prefix sums over [0, i) */
	struct node		*pool;
	size_t			 npool, cpool;
	size_t			*act;	/* active nodes, by position */
	size_t			 nact, cact;
	struct cand		*cd;	/* for the break at hand */
	size_t			 ncd, ccd;
};

static int
S_forced(const struct ctx *c, size_t b)
{
	return b == c->n || (c->it[b].type == BRK_PENALTY &&
	    c->it[b].penalty <= -BRK_INF);
}

static int
S_flagged(const struct ctx *c, size_t b)
{
	return b < c->n && c->it[b].type == BRK_PENALTY && c->it[b].flagged;
}

static int
S_legal(const struct ctx *c, size_t b)
{
	if (b >= c->n)
		return b == c->last;
	switch (c->it[b].type) {
	case BRK_GLUE:
		return b > 0 && c->it[b - 1].type == BRK_BOX;
	case BRK_PENALTY:
		return c->it[b].penalty < BRK_INF;
	default:
		return 0;
	}
}

/* The first item of the line after a break at b: what follows the break
 * is dropped up to a box or a forced break, so lines never start with
 * stray glue. */
static size_t
S_after(const struct ctx *c, size_t b)
{
	size_t j;

	for (j = b + 1; j < c->n; j++)
		if (c->it[j].type == BRK_BOX || S_forced(c, j))
			break;
	return j;
}

/*
 * Adjustment ratio of the line [s, b) broken at b; first: it is the first
 * line of the paragraph.  Returns +-INFINITY when the line cannot reach the
 * width.  *overfull, if not NULL, gets whether the line would be overfull
 * even without the hyphen at b: only then can no later break on this line
 * fit (items only add width, and glue no more shrink than its width), so
 * only then is its start deactivated.
 */
static double
S_ratio(const struct ctx *c, size_t s, size_t b, int first, int *overfull)
{
	double lw, L, Y, Z, pw;

	lw = first && c->p->first_width > 0 ? c->p->first_width : c->p->width;
	pw = b < c->n && c->it[b].type == BRK_PENALTY ? c->it[b].width : 0;
	L = c->sw[b] - c->sw[s] + pw;
	Y = c->sy[b] - c->sy[s];
	Z = c->sz[b] - c->sz[s];
	if (overfull != NULL)
		*overfull = Z < BRK_INF && L - pw > lw + Z + EPS;
	if (L < lw - EPS) {
		if (Y >= BRK_INF)
			return 0;
		return Y > 0 ? (lw - L) / Y : INFINITY;
	}
	if (L > lw + EPS) {
		if (Z >= BRK_INF)
			return 0;
		return Z > 0 ? (lw - L) / Z : -INFINITY;
	}
	return 0;
}

static int
S_emergency(const struct ctx *c, size_t b)
{
	return b < c->n && c->it[b].type == BRK_PENALTY && c->it[b].emergency;
}

/*
 * A line [s, b) ending at an emergency break that is looser than the
 * tolerance (a piece of a word too long for any line, with little or no
 * space to stretch) is set at its natural width instead, flush left.  It
 * is charged as a line at the tolerance scaled by how much of the width
 * it leaves empty, so that fuller lines win.  Returns that ratio.
 */
static double
S_loose(const struct ctx *c, size_t s, size_t b, int first)
{
	double lw, L;

	lw = first && c->p->first_width > 0 ? c->p->first_width : c->p->width;
	L = c->sw[b] - c->sw[s];
	return lw > 0 && L < lw ? c->p->tolerance * (lw - L) / lw : 0;
}

/* Fitness class: 0 tight, 1 normal, 2 loose, 3 very loose. */
static int
S_fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

/* Demerits of one line with ratio r broken at b, before the terms that
 * depend on the line before it. */
static double
S_demerits(const struct ctx *c, size_t b, double r)
{
	double d, pen;

	d = c->p->line_penalty + 100 * fabs(r) * r * r;
	d *= d;
	if (S_forced(c, b))
		return d;
	pen = c->it[b].type == BRK_PENALTY ? c->it[b].penalty : 0;
	return pen >= 0 ? d + pen * pen : d - pen * pen;
}

static size_t
S_push(struct ctx *c, const struct node *nd)
{
	if (c->npool == c->cpool) {
		c->cpool = c->cpool ? c->cpool * 2 : 256;
		c->pool = xrealloc(c->pool, c->cpool * sizeof(*c->pool));
	}
	c->pool[c->npool] = *nd;
	return c->npool++;
}

static void
S_activate(struct ctx *c, size_t k)
{
	if (c->nact == c->cact) {
		c->cact = c->cact ? c->cact * 2 : 64;
		c->act = xrealloc(c->act, c->cact * sizeof(*c->act));
	}
	c->act[c->nact++] = k;
}

static int
S_setup(struct ctx *c, const struct brk_item *items, size_t n,
    const struct brk_params *p, struct brk_result *out)
{
	size_t i;

	if (out != NULL)
		memset(out, 0, sizeof(*out));
	if (items == NULL || n == 0 || p == NULL || out == NULL)
		return -1;
	memset(c, 0, sizeof(*c));
	c->it = items;
	c->p = p;
	c->n = n;
	c->last = items[n - 1].type == BRK_PENALTY &&
	    items[n - 1].penalty <= -BRK_INF ? n - 1 : n;
	c->sw = xmalloc((n + 1) * sizeof(double));
	c->sy = xmalloc((n + 1) * sizeof(double));
	c->sz = xmalloc((n + 1) * sizeof(double));
	c->sw[0] = c->sy[0] = c->sz[0] = 0;
	for (i = 0; i < n; i++) {
		c->sw[i + 1] = c->sw[i];
		c->sy[i + 1] = c->sy[i];
		c->sz[i + 1] = c->sz[i];
		if (items[i].type == BRK_PENALTY)
			continue;
		c->sw[i + 1] += items[i].width;
		if (items[i].type == BRK_GLUE) {
			c->sy[i + 1] += items[i].stretch;
			c->sz[i + 1] += items[i].shrink;
		}
	}
	return 0;
}

static void
S_cleanup(struct ctx *c)
{
	free(c->sw);
	free(c->sy);
	free(c->sz);
	free(c->pool);
	free(c->act);
	free(c->cd);
}

/* The ratio as reported: the fallback may have lines that cannot reach
 * the width at all. */
static double
S_clamp(double r)
{
	if (r > BRK_INF)
		return BRK_INF;
	if (r < -BRK_INF)
		return -BRK_INF;
	return r;
}

/*
 * Whether a hyphen at b, after a line starting at s, would be the line
 * right before the last: the rest of the paragraph then fits on one line.
 * lastforced is the last forced break before the final one, or NONE.
 */
static int
S_before_last(const struct ctx *c, size_t b, size_t lastforced)
{
	size_t s = S_after(c, b);

	if (lastforced != NONE && s <= lastforced)
		return 0;
	return S_ratio(c, s, c->last, 0, NULL) >= -1 - EPS;
}

static void
S_greedy(struct ctx *c, struct brk_result *out)
{
	struct brk_line *v = NULL;
	size_t nv = 0, cv = 0, s = 0, b, ok, any, pick, lastforced = NONE;
	int run = c->p->prev_run > 0 ? c->p->prev_run : 0;
	int max = c->p->max_hyphen_run;
	double r;

	for (b = 0; b < c->last; b++)
		if (S_forced(c, b))
			lastforced = b;
	for (;;) {
		ok = any = pick = NONE;
		for (b = s; b <= c->last; b++) {
			if (!S_legal(c, b))
				continue;
			r = S_ratio(c, s, b, nv == 0, NULL);
			if (r < -1 - EPS) {
				/* Overfull: the last break that fitted, or
				 * this one if none did. */
				pick = ok != NONE ? ok : any != NONE ? any : b;
				break;
			}
			if (S_forced(c, b)) {
				pick = b;
				break;
			}
			any = b;
			if (S_flagged(c, b) && ((max > 0 && run >= max) ||
			    (c->p->no_hyphen_last &&
			    S_before_last(c, b, lastforced))))
				continue;
			ok = b;
		}
		if (nv == cv) {
			cv = cv ? cv * 2 : 16;
			v = xrealloc(v, cv * sizeof(*v));
		}
		v[nv].start = s;
		v[nv].end = pick;
		v[nv].ratio = S_clamp(S_ratio(c, s, pick, nv == 0, NULL));
		v[nv].hyphen = S_flagged(c, pick);
		nv++;
		if (pick == c->last)
			break;
		run = S_flagged(c, pick) ? run + 1 : 0;
		s = S_after(c, pick);
	}
	out->lines = v;
	out->n = nv;
	out->greedy = 1;
}

/* Walks back from the final node k and fills out. */
static void
S_collect(const struct ctx *c, size_t k, struct brk_result *out)
{
	const struct node *nd;
	size_t i;

	out->n = c->pool[k].line;
	out->lines = xcalloc(out->n, sizeof(*out->lines));
	out->greedy = 0;
	for (i = out->n; i > 0; i--, k = nd->prev) {
		nd = &c->pool[k];
		out->lines[i - 1].end = nd->pos;
		out->lines[i - 1].ratio = nd->ratio;
		out->lines[i - 1].hyphen = nd->flagged;
		out->lines[i - 1].start = c->pool[nd->prev].start;
	}
}

/* Keeps d as the way to reach the break at hand with fitness fit and run
 * run if it is the cheapest yet.  The list stays short: one entry per
 * fitness class and run among the active nodes. */
static void
S_offer(struct ctx *c, double d, double r, size_t prev, int fit, int run)
{
	struct cand *x;
	size_t i;

	for (i = 0; i < c->ncd; i++) {
		x = &c->cd[i];
		if (x->fit == fit && x->run == run) {
			if (d < x->total) {
				x->total = d;
				x->ratio = r;
				x->prev = prev;
			}
			return;
		}
	}
	if (c->ncd == c->ccd) {
		c->ccd = c->ccd ? c->ccd * 2 : 16;
		c->cd = xrealloc(c->cd, c->ccd * sizeof(*c->cd));
	}
	c->cd[c->ncd++] = (struct cand){ .total = d, .ratio = r,
	    .prev = prev, .fit = fit, .run = run };
}

/*
 * Of the candidates for one break position, drops those another one beats
 * whatever follows: every later line costs them the same except the
 * fitness demerits (at most fitness_demerits apart), and a candidate with
 * a run no longer than the other's may take every break the other may.
 * This keeps the active list near one node per position without losing
 * the optimum.
 */
static void
S_prune(struct ctx *c)
{
	struct cand *x, *y;
	double fd = c->p->fitness_demerits;
	size_t i, j;

	for (i = 0; i < c->ncd; i++) {
		x = &c->cd[i];
		for (j = 0; j < c->ncd; j++) {
			y = &c->cd[j];
			if (j == i || y->dead || y->run > x->run)
				continue;
			if (y->total + (y->fit == x->fit ? 0 : fd) <=
			    x->total) {
				x->dead = 1;
				break;
			}
		}
	}
}

/*
 * The main loop of the algorithm.  For each legal break b, every active
 * node a gives a candidate line [a.start, b); the best candidate per
 * (fitness class, hyphen run) becomes a new active node.  The run is part
 * of a node's identity so that max_hyphen_run is kept exactly: a costlier
 * way to reach b with a shorter run survives next to the cheapest one.
 * Returns the final node, or NONE when no feasible breaks exist.
 */
static size_t
S_total(struct ctx *c)
{
	const struct brk_params *p = c->p;
	struct node nd, *a;
	struct cand *x, *bx;
	size_t b, i, k, best = NONE;
	int max = p->max_hyphen_run > 0 ? p->max_hyphen_run : 0;
	int forced, flagged, fit, run, over;
	double r, rd, d;

	memset(&nd, 0, sizeof(nd));
	nd.pos = NONE;
	nd.prev = NONE;
	nd.fit = -1;
	nd.run = p->prev_run > 0 ? p->prev_run : 0;
	nd.flagged = nd.run > 0;
	S_activate(c, S_push(c, &nd));
	for (b = 0; b <= c->last; b++) {
		if (!S_legal(c, b))
			continue;
		forced = S_forced(c, b);
		flagged = S_flagged(c, b);
		c->ncd = 0;
		for (i = k = 0; i < c->nact; i++) {
			a = &c->pool[c->act[i]];
			if (a->start > b) {
				/* Its line has not begun: b was dropped. */
				c->act[k++] = c->act[i];
				continue;
			}
			r = S_ratio(c, a->start, b, a->line == 0, &over);
			if (!forced && !over)
				c->act[k++] = c->act[i];
			rd = r;
			if (r > p->tolerance + EPS && S_emergency(c, b)) {
				rd = S_loose(c, a->start, b, a->line == 0);
				r = 0;
			}
			if (r < -1 - EPS || r > p->tolerance + EPS)
				continue;
			if (flagged && max > 0 && a->run >= max)
				continue;
			if (b == c->last && p->no_hyphen_last && a->flagged)
				continue;
			d = a->total + S_demerits(c, b, rd);
			fit = S_fitness(rd);
			if (a->fit >= 0 && abs(fit - a->fit) > 1)
				d += p->fitness_demerits;
			if (flagged && a->flagged)
				d += p->hyphen_demerits;
			/* Without a limit only "after a hyphen or not"
			 * matters, and that is the flag of the break. */
			run = flagged ? (max > 0 ? a->run + 1 : 1) : 0;
			S_offer(c, d, r, c->act[i], fit, run);
		}
		c->nact = k;
		if (b == c->last) {
			for (bx = NULL, i = 0; i < c->ncd; i++)
				if (bx == NULL || c->cd[i].total < bx->total)
					bx = &c->cd[i];
			if (bx != NULL) {
				nd = (struct node){ .pos = b, .prev = bx->prev,
				    .line = c->pool[bx->prev].line + 1,
				    .total = bx->total, .ratio = bx->ratio,
				    .fit = bx->fit, .run = bx->run,
				    .flagged = flagged };
				best = S_push(c, &nd);
			}
			break;
		}
		S_prune(c);
		for (i = 0; i < c->ncd; i++) {
			x = &c->cd[i];
			if (x->dead)
				continue;
			nd = (struct node){ .pos = b, .start = S_after(c, b),
			    .prev = x->prev, .line = c->pool[x->prev].line + 1,
			    .total = x->total, .ratio = x->ratio,
			    .fit = x->fit, .run = x->run, .flagged = flagged };
			S_activate(c, S_push(c, &nd));
		}
		if (c->nact == 0)
			break;
	}
	return best;
}

int
brk_total_fit(const struct brk_item *items, size_t n,
    const struct brk_params *p, struct brk_result *out)
{
	struct ctx c;
	size_t k;

	if (S_setup(&c, items, n, p, out) == -1)
		return -1;
	if ((k = S_total(&c)) != NONE) {
		S_collect(&c, k, out);
		S_cleanup(&c);
		return 0;
	}
	S_greedy(&c, out);
	S_cleanup(&c);
	return 1;
}

int
brk_first_fit(const struct brk_item *items, size_t n,
    const struct brk_params *p, struct brk_result *out)
{
	struct ctx c;

	if (S_setup(&c, items, n, p, out) == -1)
		return -1;
	S_greedy(&c, out);
	S_cleanup(&c);
	return 0;
}

void
brk_result_free(struct brk_result *res)
{
	if (res == NULL)
		return;
	free(res->lines);
	memset(res, 0, sizeof(*res));
}
