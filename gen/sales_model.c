/*
 * sales_model — the course's sales models as arithmetic: elevator pitch
 * timing and the word count behind it, the funnel worked back from a
 * target, Curry's klantenpiramide, CLV, NPS, lead scoring, break-even and
 * ROI (see sales.h).  Rounding goes through sales_muldiv() and
 * sales_round_div(); only CLV's discounted sum is taken in long double, as
 * the geometric factors have no exact integer form.
 */
#include "sales.h"
#include "mem.h"
#include "utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- word count */

enum S_cls { S_SEP, S_LETTER, S_DIGIT, S_APOS, S_HYPHEN, S_POINT };

/*
 * One code point at s[0..len): returns its length (at least 1) and sets *cp,
 * or -1 for a byte that does not start valid UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF included), which then counts alone.
 */
static size_t
S_utf8(const unsigned char *s, size_t len, long *cp)
{
	uint32_t c;
	size_t n;

	if ((n = utf8_decode(s, len, &c)) == 0) {
		*cp = -1;
		return 1;
	}
	*cp = (long)c;
	return n;
}

/*
 * What a code point is to a word.  Without Unicode tables: outside ASCII
 * everything is a letter except the blocks that hold only punctuation,
 * symbols, spaces and emoji, which is right for nl and en text.
 */
static enum S_cls
S_class(long cp)
{
	static const long sep[][2] = {
		{ 0x0080, 0x00a9 }, { 0x00ab, 0x00b1 }, { 0x00b4, 0x00b4 },
		{ 0x00b6, 0x00b8 }, { 0x00bb, 0x00bb }, { 0x00bf, 0x00bf },
		{ 0x00d7, 0x00d7 }, { 0x00f7, 0x00f7 },
		{ 0x2000, 0x2bff }, { 0x2e00, 0x2e7f }, { 0x3000, 0x303f },
		{ 0xe000, 0xf8ff }, { 0xfe00, 0xfe1f }, { 0xfe30, 0xfe6f },
		{ 0xfeff, 0xfeff }, { 0xff01, 0xff0f }, { 0xff1a, 0xff20 },
		{ 0xff3b, 0xff40 }, { 0xff5b, 0xff65 }, { 0xfff0, 0xffff },
		{ 0x1f000, 0x1faff }, { 0xe0000, 0xe007f },
		{ 0xf0000, 0x10ffff }
	};
	size_t i;

	if (cp < 0)
		return S_SEP;
	if (cp < 0x80) {
		if (cp >= '0' && cp <= '9')
			return S_DIGIT;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return S_LETTER;
		if (cp == '\'')
			return S_APOS;
		if (cp == '-')
			return S_HYPHEN;
		if (cp == '.' || cp == ',')
			return S_POINT;
		return S_SEP;
	}
	if (cp == 0x2019)
		return S_APOS;
	/* A soft hyphen is a hint inside a word, never a break in it. */
	if (cp == 0x2010 || cp == 0x2011 || cp == 0xad)
		return S_HYPHEN;
	/* Superscript digits and vulgar fractions: "m²", "½". */
	if (cp == 0xb2 || cp == 0xb3 || cp == 0xb9 ||
	    (cp >= 0xbc && cp <= 0xbe))
		return S_DIGIT;
	for (i = 0; i < sizeof(sep) / sizeof(sep[0]); i++)
		if (cp >= sep[i][0] && cp <= sep[i][1])
			return S_SEP;
	return S_LETTER;
}

static int
S_wordch(enum S_cls c)
{
	return c == S_LETTER || c == S_DIGIT;
}

size_t
sales_word_count(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, l, words = 0;
	enum S_cls c, prev = S_SEP, next;
	long cp;
	int in = 0;

	while (i < len && u[i] != '\0') {
		l = S_utf8(u + i, len - i, &cp);
		c = S_class(cp);
		if (S_wordch(c)) {
			if (!in)
				words++;
			in = 1;
		} else if (in && c != S_SEP) {
			/* A joiner keeps the word going only when a word
			 * character follows: "auto's", "1.250". */
			next = S_SEP;
			if (i + l < len && u[i + l] != '\0') {
				S_utf8(u + i + l, len - i - l, &cp);
				next = S_class(cp);
			}
			if (c == S_POINT)
				in = prev == S_DIGIT && next == S_DIGIT;
			else
				in = S_wordch(next);
		} else
			in = 0;
		prev = c;
		i += l;
	}
	return words;
}

int
sales_speaking_seconds(size_t words, int wpm, int64_t *seconds)
{
	if (wpm < 0 || words > INT64_MAX)
		return -1;
	if (wpm == 0)
		wpm = SALES_PITCH_WPM;
	return sales_muldiv((int64_t)words, 60, wpm, seconds);
}

int
sales_pitch(const char *text, size_t len, int wpm, struct sales_pitch *out)
{
	struct sales_pitch p;

	memset(&p, 0, sizeof(p));
	p.words = sales_word_count(text, len);
	if (sales_speaking_seconds(p.words, wpm, &p.seconds) == -1)
		return -1;
	p.too_long = p.seconds > SALES_PITCH_MAX_SECONDS;
	*out = p;
	return 0;
}

/* ----------------------------------------------------------------- funnel */

/* ceil(a / b) for a >= 0, b > 0, without the overflow of a + b - 1. */
static int64_t
S_ceil_div(int64_t a, int64_t b)
{
	return a / b + (a % b != 0);
}

int
sales_funnel_back(int64_t target, int64_t avg_order,
    const int64_t conv_bp[SALES_NSTAGES - 1], struct sales_funnel *out)
{
	struct sales_funnel f;
	int64_t x;
	int s;

	if (target < 0 || avg_order <= 0)
		return -1;
	for (s = 0; s < SALES_NSTAGES - 1; s++)
		if (conv_bp[s] < 1 || conv_bp[s] > SALES_BP)
			return -1;
	memset(&f, 0, sizeof(f));
	f.count[SALES_KLANT] = S_ceil_div(target, avg_order);
	/* Integers all the way: a rate of 35 % is 3500 bp, and
	 * ceil(41 / 0.35) is ceil(41 * 10000 / 3500), with no 0.35 that
	 * binary floating point cannot hold. */
	for (s = SALES_KLANT - 1; s >= SALES_LEAD; s--) {
		if (__builtin_mul_overflow(f.count[s + 1], SALES_BP, &x))
			return -1;
		f.count[s] = S_ceil_div(x, conv_bp[s]);
	}
	if (__builtin_mul_overflow(f.count[SALES_KLANT], avg_order,
	    &f.revenue))
		return -1;
	*out = f;
	return 0;
}

/* ------------------------------------------------------- klantenpiramide */

static const int64_t S_curry[3] = { 100, 500, 2000 };

void
sales_pyramid_bounds(size_t active, const int64_t cum_bp[3],
    size_t bound[3])
{
	const int64_t *c = cum_bp != NULL ? cum_bp : S_curry;
	int64_t v;
	size_t b;
	int k;

	for (k = 0; k < 3; k++) {
		/* a * c / 10000 <= a, so this cannot overflow. */
		if (sales_muldiv((int64_t)active, c[k], SALES_BP, &v) == -1 ||
		    v < 0)
			v = 0;
		b = (size_t)v;
		if (b < (k == 0 ? 1 : bound[k - 1] + 1))
			b = k == 0 ? 1 : bound[k - 1] + 1;
		bound[k] = b < active ? b : active;
	}
}

struct S_ranked {
	int64_t	 rev;
	size_t	 i;
};

static int
S_rank_cmp(const void *a, const void *b)
{
	const struct S_ranked *x = a, *y = b;

	if (x->rev != y->rev)
		return x->rev > y->rev ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

int
sales_pyramid_compute(const int64_t *revenue, size_t n, size_t inactive,
    size_t prospects, size_t suspects, const int64_t cum_bp[3],
    struct sales_pyramid *out)
{
	const int64_t *c = cum_bp != NULL ? cum_bp : S_curry;
	struct sales_level_row *lv;
	struct S_ranked *r;
	int64_t w[SALES_NLEVELS], share[SALES_NLEVELS];
	size_t bound[3], i, k, a = 0;

	memset(out, 0, sizeof(*out));
	if (c[0] < 0 || c[0] > c[1] || c[1] > c[2] || c[2] > SALES_BP)
		return -1;
	for (i = 0; i < n; i++) {
		if (revenue[i] < 0)
			return -1;
		a += revenue[i] > 0;
	}
	out->active = a;
	out->inactive = inactive + (n - a);
	out->prospects = prospects;
	out->suspects = suspects;
	out->rank = xmalloc((a > 0 ? a : 1) * sizeof(*out->rank));
	r = xmalloc((a > 0 ? a : 1) * sizeof(*r));
	for (i = k = 0; i < n; i++)
		if (revenue[i] > 0) {
			r[k].rev = revenue[i];
			r[k++].i = i;
		}
	qsort(r, a, sizeof(*r), S_rank_cmp);
	sales_pyramid_bounds(a, c, bound);
	for (k = 0; k < SALES_NLEVELS; k++) {
		lv = &out->level[k];
		lv->first = k == 0 ? 0 : bound[k - 1];
		lv->count = (k < 3 ? bound[k] : a) - lv->first;
		for (i = lv->first; i < lv->first + lv->count; i++) {
			out->rank[i] = r[i].i;
			if (__builtin_add_overflow(lv->revenue, r[i].rev,
			    &lv->revenue))
				goto fail;
		}
		if (lv->count > 0) {
			lv->hi = r[lv->first].rev;
			lv->lo = r[lv->first + lv->count - 1].rev;
		}
		if (__builtin_add_overflow(out->revenue, lv->revenue,
		    &out->revenue))
			goto fail;
		w[k] = lv->revenue;
	}
	free(r);
	r = NULL;
	if (out->revenue > 0) {
		if (sales_allocate(SALES_BP, w, SALES_NLEVELS, share) == -1)
			goto fail;
		for (k = 0; k < SALES_NLEVELS; k++)
			out->level[k].share_bp = share[k];
	}
	return 0;
fail:
	free(r);
	sales_pyramid_free(out);
	return -1;
}

void
sales_pyramid_free(struct sales_pyramid *p)
{
	if (p == NULL)
		return;
	free(p->rank);
	memset(p, 0, sizeof(*p));
}

/* ------------------------------------------------------------------- CLV */

int
sales_clv_simple(int64_t avg_order, int64_t orders_milli, int years,
    int64_t margin_bp, int64_t *out)
{
	int64_t x;

	if (orders_milli < 0 || years < 0 ||
	    __builtin_mul_overflow(avg_order, orders_milli, &x) ||
	    __builtin_mul_overflow(x, (int64_t)years, &x))
		return -1;
	return sales_muldiv(x, margin_bp, (int64_t)SALES_QTY_ONE * SALES_BP,
	    out);
}

/* Half-up to whole cents, like sales_round_div(): roundl() rounds halves
 * away from zero. */
static int
S_round_ld(long double x, int64_t *out)
{
	x = roundl(x);
	if (!(x >= -9.2e18L && x <= 9.2e18L))	/* also NaN */
		return -1;
	*out = (int64_t)x;
	return 0;
}

int
sales_clv_discounted(int64_t margin, int64_t retention_bp,
    int64_t discount_bp, int years, int64_t acquisition,
    struct sales_clv *out)
{
	struct sales_clv_year *y;
	long double m = margin, r, d, kept = 1, df = 1, v, sum = 0;
	int t;

	memset(out, 0, sizeof(*out));
	if (years < 1 || years > SALES_CLV_MAX_YEARS || retention_bp < 0 ||
	    retention_bp > SALES_BP || discount_bp < 0)
		return -1;
	r = (long double)retention_bp / SALES_BP;
	d = 1 + (long double)discount_bp / SALES_BP;
	for (t = 1; t <= years; t++) {
		y = &out->year[t - 1];
		df *= d;
		v = m * kept / df;
		sum += v;
		y->year = t;
		if (S_round_ld(kept * SALES_BP, &y->retained_bp) == -1 ||
		    S_round_ld(m * kept, &y->margin) == -1 ||
		    S_round_ld(v, &y->value) == -1 ||
		    S_round_ld(sum, &y->cum) == -1)
			goto fail;
		kept *= r;
	}
	out->years = years;
	out->acquisition = acquisition;
	if (S_round_ld(sum, &out->gross) == -1 ||
	    S_round_ld(sum - acquisition, &out->clv) == -1)
		goto fail;
	return 0;
fail:
	memset(out, 0, sizeof(*out));
	return -1;
}

int
sales_clv_infinite(int64_t margin, int64_t retention_bp,
    int64_t discount_bp, int64_t *out)
{
	int64_t den;

	/* m * (r / 10000) / (1 + d / 10000 - r / 10000), scaled by 10000. */
	if (retention_bp < 0 || retention_bp > SALES_BP || discount_bp < 0 ||
	    __builtin_add_overflow(discount_bp, SALES_BP - retention_bp,
	    &den) || den <= 0)
		return -1;
	return sales_muldiv(margin, retention_bp, den, out);
}

/* -------------------------------------------------------------------- NPS */

int
sales_nps_groups(int64_t promoters, int64_t passives, int64_t detractors,
    struct sales_nps *out)
{
	struct sales_nps r;
	int64_t w[3], share[3], nps, diff;

	memset(&r, 0, sizeof(r));
	if (promoters < 0 || passives < 0 || detractors < 0 ||
	    __builtin_add_overflow(promoters, passives, &r.n) ||
	    __builtin_add_overflow(r.n, detractors, &r.n) || r.n == 0)
		return -1;
	r.promoters = w[0] = promoters;
	r.passives = w[1] = passives;
	r.detractors = w[2] = detractors;
	diff = promoters - detractors;
	if (sales_allocate(SALES_BP, w, 3, share) == -1 ||
	    sales_muldiv(diff, SALES_BP, r.n, &r.nps_bp) == -1 ||
	    sales_muldiv(diff, 100, r.n, &nps) == -1)
		return -1;
	r.promoters_bp = share[0];
	r.passives_bp = share[1];
	r.detractors_bp = share[2];
	r.nps = (int)nps;
	*out = r;
	return 0;
}

int
sales_nps_dist(const int64_t dist[11], struct sales_nps *out)
{
	int64_t g[3] = { 0, 0, 0 };
	int s, k;

	for (s = 0; s <= 10; s++) {
		k = s >= 9 ? 0 : s >= 7 ? 1 : 2;
		if (dist[s] < 0 || __builtin_add_overflow(g[k], dist[s], &g[k]))
			return -1;
	}
	if (sales_nps_groups(g[0], g[1], g[2], out) == -1)
		return -1;
	memcpy(out->dist, dist, sizeof(out->dist));
	return 0;
}

int
sales_nps_scores(const int *scores, size_t n, struct sales_nps *out)
{
	int64_t dist[11];
	size_t i;

	memset(dist, 0, sizeof(dist));
	for (i = 0; i < n; i++) {
		if (scores[i] < 0 || scores[i] > 10)
			return -1;
		dist[scores[i]]++;
	}
	return sales_nps_dist(dist, out);
}

/* ----------------------------------------------------------- lead scoring */

int
sales_lead_score(const struct sales_lead_points *p, size_t n, int64_t mql,
    int64_t sql, struct sales_lead_score *out)
{
	struct sales_lead_score s;
	int64_t *acc;
	size_t i;

	if (mql > sql)
		return -1;
	memset(&s, 0, sizeof(s));
	for (i = 0; i < n; i++) {
		switch (p[i].kind) {
		case SALES_LEAD_FIT:
			acc = &s.fit;
			break;
		case SALES_LEAD_BEHAVIOUR:
			acc = &s.behaviour;
			break;
		default:
			return -1;
		}
		if (__builtin_add_overflow(*acc, p[i].points, acc))
			return -1;
	}
	if (__builtin_add_overflow(s.fit, s.behaviour, &s.total))
		return -1;
	s.cls = s.total >= sql ? SALES_LEAD_SQL :
	    s.total >= mql ? SALES_LEAD_MQL : SALES_LEAD_COLD;
	*out = s;
	return 0;
}

/* ------------------------------------------------------------ verkoopplan */

int
sales_break_even(int64_t fixed, int64_t price, int64_t variable,
    struct sales_break_even *out)
{
	struct sales_break_even b;

	if (fixed < 0 || variable < 0 || price <= variable)
		return -1;
	b.contribution = price - variable;
	b.units = S_ceil_div(fixed, b.contribution);
	if (sales_muldiv(b.contribution, SALES_BP, price, &b.cm_ratio_bp) ==
	    -1 || __builtin_mul_overflow(b.units, price, &b.revenue))
		return -1;
	*out = b;
	return 0;
}

int
sales_roi(int64_t ret, int64_t investment, int64_t *bp)
{
	int64_t gain;

	if (investment <= 0 || __builtin_sub_overflow(ret, investment, &gain))
		return -1;
	return sales_muldiv(gain, SALES_BP, investment, bp);
}
