/*
 * sales — the rounding rule, exact allocation, parsing of typed amounts and
 * calendar dates (see sales.h).  The offerte lives in sales_offer.c, the
 * sales models in sales_model.c, the notation in sales_fmt.c.
 */
#include "sales.h"
#include "mem.h"
#include "num.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifndef __SIZEOF_INT128__
#error "sales.c needs a 128-bit integer type for exact intermediate products"
#endif

/* Products of two int64_t values are exact in 128 bits; the extension
 * keyword keeps -pedantic builds quiet. */
__extension__ typedef __int128 S_wide;

/*
 * The one rounding rule: num / den, half-up away from zero.  Comparing the
 * remainder with den - remainder instead of doubling it cannot overflow.
 */
static int
S_div_round(S_wide num, S_wide den, int64_t *out)
{
	S_wide q, r;

	if (den == 0)
		return -1;
	if (den < 0) {
		num = -num;
		den = -den;
	}
	q = num / den;
	r = num % den;
	if (r < 0)
		r = -r;
	if (r >= den - r)
		q += num < 0 ? -1 : 1;
	if (q < INT64_MIN || q > INT64_MAX)
		return -1;
	*out = (int64_t)q;
	return 0;
}

int
sales_round_div(int64_t num, int64_t den, int64_t *out)
{
	return S_div_round(num, den, out);
}

int
sales_muldiv(int64_t a, int64_t b, int64_t den, int64_t *out)
{
	return S_div_round((S_wide)a * b, den, out);
}

int
sales_pct_of(int64_t amount, int64_t bp, int64_t *out)
{
	return sales_muldiv(amount, bp, SALES_BP, out);
}

/* A part's fractional remainder, in units of 1/W. */
struct S_rem {
	S_wide	 r;
	size_t	 i;
};

/* Largest remainder first; equal remainders in input order, so the result
 * does not depend on qsort's stability. */
static int
S_rem_cmp(const void *a, const void *b)
{
	const struct S_rem *x = a, *y = b;

	if (x->r != y->r)
		return x->r > y->r ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

int
sales_allocate(int64_t total, const int64_t *weight, size_t n,
    int64_t *part)
{
	struct S_rem *rem;
	S_wide w = 0, t = total, sum = 0, num, q;
	size_t i, k;
	int neg = 0, ws = 1;

	for (i = 0; i < n; i++)
		w += weight[i];
	if (total == 0) {
		for (i = 0; i < n; i++)
			part[i] = 0;
		return 0;
	}
	if (w == 0)
		return -1;
	/* Split the magnitude over positive weights and put the signs back
	 * afterwards, so -100 over three parts is -34, -33, -33. */
	if (t < 0) {
		neg = 1;
		t = -t;
	}
	if (w < 0) {
		ws = -1;
		w = -w;
	}
	rem = xmalloc(n * sizeof(*rem));
	for (i = 0; i < n; i++) {
		num = t * weight[i] * ws;
		q = num / w;
		if (num % w != 0 && num < 0)
			q--;	/* floor, so every remainder is in [0, w) */
		if (q < INT64_MIN || q >= INT64_MAX) {
			free(rem);
			return -1;
		}
		part[i] = (int64_t)q;
		sum += q;
		rem[i].r = num - q * w;
		rem[i].i = i;
	}
	/* The remainders sum to (t - sum) * w and each is below w, so fewer
	 * than n units are left, and only to parts with a remainder. */
	k = (size_t)(t - sum);
	qsort(rem, n, sizeof(*rem), S_rem_cmp);
	for (i = 0; i < k; i++)
		part[rem[i].i]++;
	free(rem);
	if (neg)
		for (i = 0; i < n; i++) {
			if (part[i] == INT64_MIN)
				return -1;
			part[i] = -part[i];
		}
	return 0;
}

/* ----------------------------------------------------------------- parsing */

enum S_kind { S_MONEY, S_QTY, S_PCT };

/* Length of the blank at p (space, tab, U+00A0, U+202F), or 0. */
static size_t
S_blank(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0xaf)
		return 3;
	return 0;
}

static const char *
S_skip_blanks(const char *p)
{
	size_t l;

	while ((l = S_blank(p)) > 0)
		p += l;
	return p;
}

/* Length of a euro sign at p ("€" or "EUR"), or 0. */
static size_t
S_euro(const char *p)
{
	if (strncmp(p, "\xe2\x82\xac", 3) == 0)
		return 3;
	if (strncmp(p, "EUR", 3) == 0)
		return 3;
	return 0;
}

/* Length of a sign at p (-, + or U+2212), or 0; sets *neg. */
static size_t
S_sign(const char *p, int *neg)
{
	if (*p == '-' || *p == '+') {
		*neg = *p == '-';
		return 1;
	}
	if (strncmp(p, "\xe2\x88\x92", 3) == 0) {
		*neg = 1;
		return 3;
	}
	return 0;
}

static int
S_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
S_parse(const char *s, const char *lang, enum S_kind kind, int maxdec,
    int64_t *out)
{
	const char *p, *num;
	size_t l;
	int64_t v;
	int neg = 0, sign = 0, cur = 0;

	if (s == NULL)
		return -1;
	p = S_skip_blanks(s);
	for (;;) {
		if (!sign && (l = S_sign(p, &neg)) > 0) {
			sign = 1;
			p = S_skip_blanks(p + l);
		} else if (kind == S_MONEY && !cur && (l = S_euro(p)) > 0) {
			cur = 1;
			p = S_skip_blanks(p + l);
		} else
			break;
	}
	for (num = p; S_digit(*p) || *p == '.' || *p == ','; p++)
		continue;
	if (num_fixed(num, p, lang, maxdec, &v) == -1)
		return -1;
	p = S_skip_blanks(p);
	if (kind == S_MONEY && !cur && (l = S_euro(p)) > 0)
		p = S_skip_blanks(p + l);
	else if (kind == S_PCT && *p == '%')
		p = S_skip_blanks(p + 1);
	if (*p != '\0')
		return -1;
	*out = neg ? -v : v;
	return 0;
}

int
sales_parse_money(const char *s, const char *lang, int64_t *cents)
{
	return S_parse(s, lang, S_MONEY, 2, cents);
}

int
sales_parse_qty(const char *s, const char *lang, int64_t *thousandths)
{
	return S_parse(s, lang, S_QTY, 3, thousandths);
}

int
sales_parse_percent(const char *s, const char *lang, int64_t *bp)
{
	return S_parse(s, lang, S_PCT, 2, bp);
}

/* ------------------------------------------------------------------- dates */

static int
S_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
sales_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && S_leap(y));
}

int
sales_date_check(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > sales_days_in_month(y, m))
		return -1;
	return 0;
}

/*
 * Days since 1970-01-01 and back, after Howard Hinnant's algorithms: years
 * start on 1 March so the leap day is the last day of a year, and 400-year
 * eras repeat exactly.  Only called on years 1..9999, so no negative eras.
 */
static long
S_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
S_civil_from_days(long z, struct sales_date *out)
{
	long era, doe, yoe, doy, mp, y;

	z += 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

int
sales_parse_date(const char *s, struct sales_date *out)
{
	const char *p;
	int v[3] = { 0, 0, 0 }, i, j;
	static const int width[3] = { 4, 2, 2 };

	if (s == NULL)
		return -1;
	p = S_skip_blanks(s);
	for (i = 0; i < 3; i++) {
		if (i > 0 && *p++ != '-')
			return -1;
		for (j = 0; j < width[i]; j++, p++) {
			if (!S_digit(*p))
				return -1;
			v[i] = v[i] * 10 + (*p - '0');
		}
	}
	if (*S_skip_blanks(p) != '\0' || sales_date_check(v[0], v[1], v[2]))
		return -1;
	out->y = v[0];
	out->m = v[1];
	out->d = v[2];
	return 0;
}

int
sales_date_add(struct sales_date from, long days, struct sales_date *out)
{
	/* 0001-01-01 and 9999-12-31 as day numbers. */
	const long lo = -719162, hi = 2932896;
	long z;

	if (sales_date_check(from.y, from.m, from.d) == -1)
		return -1;
	z = S_days_from_civil(from.y, from.m, from.d);
	if (days < lo - z || days > hi - z)
		return -1;
	S_civil_from_days(z + days, out);
	return 0;
}

int
sales_date_diff(struct sales_date from, struct sales_date to, long *days)
{
	if (sales_date_check(from.y, from.m, from.d) == -1 ||
	    sales_date_check(to.y, to.m, to.d) == -1)
		return -1;
	*days = S_days_from_civil(to.y, to.m, to.d) -
	    S_days_from_civil(from.y, from.m, from.d);
	return 0;
}
