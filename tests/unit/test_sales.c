/*
 * test_sales — the sales arithmetic against cases worked by hand: the
 * rounding rule, exact allocation, what people type, offerte totals in
 * both VAT modes, dates, the pitch timer, funnel, klantenpiramide, CLV,
 * NPS, lead scores, break-even and ROI, the nl/en notation, and the
 * overflow guards.  The hand calculation stands next to each expected
 * value.  One PASS or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "diag.h"
#include "sales.h"
#include "sales_doc.h"
#include "val.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBSP	"\xc2\xa0"
#define EURO	"\xe2\x82\xac"

#include "check.h"

/* One test: its name and the reasons it failed, if any. */
struct S_t {
	const char	*name;
	struct buf	 why;
	int		 bad;
};

static void
S_begin(struct S_t *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
}

static void
S_fail(struct S_t *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
S_fail(struct S_t *t, const char *fmt, ...)
{
	va_list ap;

	t->bad++;
	buf_puts(&t->why, "  ");
	va_start(ap, fmt);
	buf_vprintf(&t->why, fmt, ap);
	va_end(ap);
	buf_putc(&t->why, '\n');
}

static void
S_i64(struct S_t *t, const char *what, int64_t got, int64_t want)
{
	if (got != want)
		S_fail(t, "%s: expected %lld, got %lld", what,
		    (long long)want, (long long)got);
}

static void
S_str(struct S_t *t, const char *what, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		S_fail(t, "%s: expected \"%s\", got \"%s\"", what, want, got);
}

static void
S_true(struct S_t *t, const char *what, int cond)
{
	if (!cond)
		S_fail(t, "%s", what);
}

/* Prints the verdict and the reasons. */
static void
S_end(struct S_t *t)
{
	check_verdict("sales", t->name, !t->bad, buf_cstr(&t->why));
	buf_free(&t->why);
}

static struct sales_offer_line
S_line(int64_t qty, int64_t price, enum sales_disc_kind dk, int64_t dv,
    int64_t vat, int reverse, int optional)
{
	struct sales_offer_line l;

	memset(&l, 0, sizeof(l));
	l.qty = qty;
	l.price = price;
	l.disc.kind = dk;
	l.disc.value = dv;
	l.vat_bp = vat;
	l.vat_kind = reverse ? SALES_VAT_REVERSE : SALES_VAT_RATE;
	l.optional = optional;
	return l;
}

/* Checks a row: rate, reverse, net, document discount, base, VAT. */
static void
S_row(struct S_t *t, const struct sales_offer_sum *s, size_t r, int64_t rate,
    int reverse, int64_t net, int64_t disc, int64_t base, int64_t vat)
{
	char what[64];

	if (r >= s->nrows) {
		S_fail(t, "row %zu missing (%zu rows)", r, s->nrows);
		return;
	}
	snprintf(what, sizeof(what), "row %zu rate", r);
	S_i64(t, what, s->rows[r].rate_bp, rate);
	snprintf(what, sizeof(what), "row %zu reverse", r);
	S_i64(t, what, s->rows[r].vat_kind == SALES_VAT_REVERSE, reverse);
	snprintf(what, sizeof(what), "row %zu net", r);
	S_i64(t, what, s->rows[r].net, net);
	snprintf(what, sizeof(what), "row %zu disc", r);
	S_i64(t, what, s->rows[r].disc, disc);
	snprintf(what, sizeof(what), "row %zu base", r);
	S_i64(t, what, s->rows[r].base, base);
	snprintf(what, sizeof(what), "row %zu vat", r);
	S_i64(t, what, s->rows[r].vat, vat);
}

/* The invariants of any computed offerte: rows add up to the totals, and
 * line bases add up to their row's base. */
static void
S_offer_sums(struct S_t *t, const struct sales_offer_line *in,
    const struct sales_offer *o)
{
	int64_t net = 0, disc = 0, vat = 0, base;
	size_t r, i;

	for (r = 0; r < o->sum.nrows; r++) {
		net += o->sum.rows[r].net;
		disc += o->sum.rows[r].disc;
		vat += o->sum.rows[r].vat;
		base = 0;
		for (i = 0; i < o->nlines; i++)
			if (!in[i].optional && o->lines[i].row == r)
				base += o->lines[i].base;
		S_i64(t, "line bases sum to the row base", base,
		    o->sum.rows[r].base);
	}
	S_i64(t, "rows' net = subtotal", net, o->sum.subtotal);
	S_i64(t, "rows' discount = document discount", disc, o->sum.disc);
	S_i64(t, "rows' VAT = VAT total", vat, o->sum.vat);
	S_i64(t, "net = subtotal - discount", o->sum.net,
	    o->sum.subtotal - o->sum.disc);
	S_i64(t, "total = net + VAT", o->sum.total, o->sum.net + o->sum.vat);
}

/* ---------------------------------------------------------------- rounding */

static void
t_round(void)
{
	static const struct {
		int64_t	 num, den, want;
	} c[] = {
		{ 5, 10, 1 },		/* 0,5 -> 1 */
		{ -5, 10, -1 },		/* -0,5 -> -1: away from zero */
		{ 15, 10, 2 },
		{ -15, 10, -2 },
		{ 14, 10, 1 },
		{ -14, 10, -1 },
		{ 16, 10, 2 },
		{ -16, 10, -2 },
		{ 0, 7, 0 },
		{ 5, -10, -1 },		/* a negative denominator */
		{ 253753500, 100000, 2538 },	/* 2537,535 -> 2538 */
		{ INT64_MIN, 1, INT64_MIN },
		{ INT64_MAX, 2, 4611686018427387904 },	/* ...903,5 up */
		{ INT64_MIN, 2, -4611686018427387904 },
	};
	struct S_t t;
	int64_t v;
	size_t i;
	char what[64];

	S_begin(&t, "rounding is half-up away from zero, both signs");
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(what, sizeof(what), "%lld / %lld",
		    (long long)c[i].num, (long long)c[i].den);
		v = 12345;
		S_true(&t, what, sales_round_div(c[i].num, c[i].den, &v) == 0);
		S_i64(&t, what, v, c[i].want);
	}
	S_true(&t, "division by 0 is an error",
	    sales_round_div(1, 0, &v) == -1);
	S_true(&t, "INT64_MIN / -1 does not fit",
	    sales_round_div(INT64_MIN, -1, &v) == -1);
	S_end(&t);

	S_begin(&t, "muldiv: exact product past 64 bits, overflow refused");
	/* 9223372036854775807 * 0,21 = 1936908127739502919,47 -> ...919 */
	S_true(&t, "INT64_MAX * 21 %",
	    sales_muldiv(INT64_MAX, 2100, SALES_BP, &v) == 0);
	S_i64(&t, "INT64_MAX * 21 %", v, 1936908127739502919LL);
	S_true(&t, "INT64_MAX * 2 refused",
	    sales_muldiv(INT64_MAX, 2, 1, &v) == -1);
	S_true(&t, "den 0 refused", sales_muldiv(1, 1, 0, &v) == -1);
	/* 5 % of € 0,10 = 0,5 ct -> 1 ct; of -€ 0,10 -> -1 ct */
	S_true(&t, "pct_of", sales_pct_of(10, 500, &v) == 0);
	S_i64(&t, "5 % of 10 ct", v, 1);
	sales_pct_of(-10, 500, &v);
	S_i64(&t, "5 % of -10 ct", v, -1);
	S_end(&t);
}

static void
t_allocate(void)
{
	struct S_t t;
	int64_t p[4];
	static const int64_t ones[3] = { 1, 1, 1 };
	static const int64_t mixed[2] = { 3, -1 };
	static const int64_t zero[2] = { 0, 0 };
	static const int64_t rows[4] = { 201874, 19095, 100000, 150000 };

	S_begin(&t, "allocate: largest remainder, exact sum, first of a tie");
	/* 100 / 3 = 33 r 1 each; one unit left, to the first of the tie. */
	S_true(&t, "100 over 1:1:1", sales_allocate(100, ones, 3, p) == 0);
	S_i64(&t, "part 0", p[0], 34);
	S_i64(&t, "part 1", p[1], 33);
	S_i64(&t, "part 2", p[2], 33);
	/* Symmetric: the magnitude is split, the sign put back. */
	sales_allocate(-100, ones, 3, p);
	S_i64(&t, "-100 part 0", p[0], -34);
	S_i64(&t, "-100 part 1", p[1], -33);
	S_i64(&t, "-100 part 2", p[2], -33);
	/* 7 over 3:-1 (sum 2): exact 10,5 and -3,5; floors 10 and -4
	 * leave 1, both remainders are 0,5, the first gets it: 11, -4. */
	S_true(&t, "mixed signs", sales_allocate(7, mixed, 2, p) == 0);
	S_i64(&t, "mixed 0", p[0], 11);
	S_i64(&t, "mixed 1", p[1], -4);
	/* The amount case of the mixed offerte below:
	 *   10000 * 201874 / 470969 = 4286 r 166866
	 *   10000 *  19095 / 470969 =  405 r 207555
	 *   10000 * 100000 / 470969 = 2123 r 132813
	 *   10000 * 150000 / 470969 = 3184 r 434704
	 * floors 9998, 2 left: to r 434704 and r 207555. */
	S_true(&t, "€ 100 over four rates",
	    sales_allocate(10000, rows, 4, p) == 0);
	S_i64(&t, "21 %", p[0], 4286);
	S_i64(&t, "9 %", p[1], 406);
	S_i64(&t, "0 %", p[2], 2123);
	S_i64(&t, "verlegd", p[3], 3185);
	S_true(&t, "0 over zero weights", sales_allocate(0, zero, 2, p) == 0 &&
	    p[0] == 0 && p[1] == 0);
	S_true(&t, "5 over zero weights refused",
	    sales_allocate(5, zero, 2, p) == -1);
	S_end(&t);
}

/* ----------------------------------------------------------------- parsing */

static void
t_parse_money(void)
{
	static const struct {
		const char	*s;
		int64_t		 want;
	} ok[] = {
		{ "1250", 125000 },
		{ "1250,5", 125050 },
		{ "1250,50", 125050 },
		{ "1.250,00", 125000 },
		{ "1250.00", 125000 },
		{ "1,250.00", 125000 },		/* en */
		{ EURO " 1.250,00", 125000 },
		{ EURO "1250", 125000 },
		{ "-12,50", -1250 },
		{ "  12,50  ", 1250 },
		{ "12.5", 1250 },		/* '.' + 1-2 digits: decimal */
		{ "1.250", 125000 },		/* '.' + 3 digits: thousands */
		{ "1.250.000", 125000000 },
		{ "1,250,000.50", 125000050 },
		{ EURO " -12,50", -1250 },
		{ "-" EURO "12.50", -1250 },	/* en output */
		{ EURO NBSP "-12,50", -1250 },	/* nl output */
		{ "12,50 " EURO, 1250 },
		{ "EUR 99", 9900 },
		{ "\xe2\x88\x92" "12,50", -1250 },	/* U+2212 */
		{ "+5", 500 },
		{ "0,05", 5 },
		{ "-0", 0 },
		{ "\t1.234.567,89\t", 123456789 },
		{ "92233720368547758,07", INT64_MAX },
		{ "-92233720368547758,07", -INT64_MAX },
	};
	static const char *const bad[] = {
		"12,5x", "1.2.3,4", "", "   ", "1,2345", EURO, "-", "1,",
		",5", "1..250", "1.25.0", "12 50", "1.250,00,00", "--5",
		EURO EURO "5", "5 " EURO " " EURO, "1.2345", "0.250,00",
		"1,250,00", "92233720368547758,08", "99999999999999999999",
		"1e5", "12,50-", "0.125", "12.34.567", "1,250.00.00", "x12",
		"12,5 %", "1.250,5.0",
	};
	struct S_t t;
	int64_t v;
	size_t i;

	S_begin(&t, "parse money: accepted forms");
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = -7;
		if (sales_parse_money(ok[i].s, "nl", &v) == -1)
			S_fail(&t, "\"%s\" rejected", ok[i].s);
		else
			S_i64(&t, ok[i].s, v, ok[i].want);
	}
	S_end(&t);

	S_begin(&t, "parse money: rejected forms (incl. 12,5x)");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = -7;
		if (sales_parse_money(bad[i], "nl", &v) != -1 || v != -7)
			S_fail(&t, "\"%s\" accepted as %lld", bad[i],
			    (long long)v);
	}
	S_true(&t, "NULL", sales_parse_money(NULL, "nl", &v) == -1);
	S_end(&t);
}

/* The same strings in an English document (num.h): the lone mark that is
 * ambiguous reads the English way, everything else as in Dutch.  NO: not
 * a value of that kind. */
#define NO	INT64_MIN

static void
t_parse_en(void)
{
	static const struct {
		const char	*s;
		int		 kind;	/* 0 money (cents), 1 quantity, 2 % */
		int64_t		 nl, en;
	} tab[] = {
		/* money has two decimals: a third is refused, not read
		 * as thousands the other language's way */
		{ "1,250", 0, NO, 125000 },
		{ "1.250", 0, 125000, NO },
		{ "1,25", 0, 125, 125 },
		{ "1.25", 0, 125, 125 },
		{ "1,250", 1, 1250, 1250000 },
		{ "1.250", 1, 1250000, 1250 },
		{ "2,5", 1, 2500, 2500 },
		{ "2.5", 1, 2500, 2500 },
		{ "0,125", 1, 125, 125 },
		{ "0.125", 1, 125, 125 },
		{ "1250.5", 1, 1250500, 1250500 },
		{ "1250,5", 1, 1250500, 1250500 },
		{ "1.250,50", 0, 125050, 125050 },
		{ "1,250.50", 0, 125050, 125050 },
		{ "1.250.000", 0, 125000000, 125000000 },
		{ "1,250,000", 0, 125000000, 125000000 },
		{ EURO " 1,250", 0, NO, 125000 },
		{ EURO " 1.250", 0, 125000, NO },
		{ "12,5 %", 2, 1250, 1250 },
		{ "12.5%", 2, 1250, 1250 },
	};
	struct S_t t;
	int64_t v;
	size_t i;
	int l, rc;

	S_begin(&t, "parse: \"1,250\" and \"1.250\" in nl and en");
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		for (l = 0; l < 2; l++) {
			const char *lang = l ? "en" : "nl";

			v = -7;
			rc = tab[i].kind == 0 ?
			    sales_parse_money(tab[i].s, lang, &v) :
			    tab[i].kind == 1 ?
			    sales_parse_qty(tab[i].s, lang, &v) :
			    sales_parse_percent(tab[i].s, lang, &v);
			if ((rc != 0) != ((l ? tab[i].en : tab[i].nl) == NO))
				S_fail(&t, "%s \"%s\" %s", lang, tab[i].s,
				    rc != 0 ? "rejected" : "accepted");
			else if (rc == 0)
				S_i64(&t, tab[i].s, v,
				    l ? tab[i].en : tab[i].nl);
		}
	S_end(&t);
}

static void
t_parse_qty_pct(void)
{
	static const struct {
		const char	*s;
		int64_t		 want;
	} qty[] = {
		{ "3", 3000 },
		{ "2,5", 2500 },
		{ "1.5", 1500 },
		{ "1.250", 1250000 },	/* thousands, by the '.' rule */
		{ "1,250", 1250 },	/* a lone ',' is decimal */
		{ "0.125", 125 },	/* no thousands group starts with 0 */
		{ "12,375", 12375 },
		{ "-2", -2000 },
		{ "1.000,125", 1000125 },
	}, pct[] = {
		{ "21", 2100 },
		{ "5,5%", 550 },
		{ "5.5 %", 550 },
		{ "0,25%", 25 },
		{ "21" NBSP "%", 2100 },
		{ "100%", 10000 },
		{ "5,55 %", 555 },
		{ "-3%", -300 },
	};
	static const char *const badqty[] = {
		"1,2345", EURO " 5", "5%", "", "1.2.3",
	}, *const badpct[] = {
		"5,555%", "%", "5%%", EURO "5", "% 5", "5,5x%",
	};
	struct S_t t;
	int64_t v;
	size_t i;

	S_begin(&t, "parse quantity (thousandths) and percent (bp)");
	for (i = 0; i < sizeof(qty) / sizeof(qty[0]); i++) {
		if (sales_parse_qty(qty[i].s, "nl", &v) == -1)
			S_fail(&t, "qty \"%s\" rejected", qty[i].s);
		else
			S_i64(&t, qty[i].s, v, qty[i].want);
	}
	for (i = 0; i < sizeof(pct) / sizeof(pct[0]); i++) {
		if (sales_parse_percent(pct[i].s, "nl", &v) == -1)
			S_fail(&t, "percent \"%s\" rejected", pct[i].s);
		else
			S_i64(&t, pct[i].s, v, pct[i].want);
	}
	for (i = 0; i < sizeof(badqty) / sizeof(badqty[0]); i++)
		if (sales_parse_qty(badqty[i], "nl", &v) != -1)
			S_fail(&t, "qty \"%s\" accepted", badqty[i]);
	for (i = 0; i < sizeof(badpct) / sizeof(badpct[0]); i++)
		if (sales_parse_percent(badpct[i], "nl", &v) != -1)
			S_fail(&t, "percent \"%s\" accepted", badpct[i]);
	S_end(&t);
}

/* ----------------------------------------------------------------- offerte */

/*
 * 50 lines of 1 x € 241,67 at 21 %.
 *   subtotal 50 x 241,67 = 12.083,50
 *   per rate: 12.083,50 x 0,21 = 2.537,535 -> 2.537,54
 *   per line: 241,67 x 0,21 = 50,7507 -> 50,75; x 50 = 2.537,50
 */
static void
t_offer_50(void)
{
	struct sales_offer_line l[50];
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;
	size_t i;

	for (i = 0; i < 50; i++)
		l[i] = S_line(1000, 24167, SALES_DISC_NONE, 0, 2100, 0, 0);
	memset(&o, 0, sizeof(o));

	S_begin(&t, "offerte 50 x 241,67 at 21 %: VAT per rate 2.537,54");
	S_true(&t, "computes", sales_offer_compute(l, 50, &o, &r) == 0);
	S_i64(&t, "rows", (int64_t)r.sum.nrows, 1);
	S_row(&t, &r.sum, 0, 2100, 0, 1208350, 0, 1208350, 253754);
	S_i64(&t, "subtotal", r.sum.subtotal, 1208350);
	S_i64(&t, "vat", r.sum.vat, 253754);
	/* 12.083,50 + 2.537,54 */
	S_i64(&t, "total", r.sum.total, 1462104);
	S_i64(&t, "line vat unset in per-rate mode", r.lines[0].vat, 0);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_end(&t);

	S_begin(&t, "offerte 50 x 241,67 at 21 %: VAT per line 2.537,50");
	o.vat_mode = SALES_VAT_PER_LINE;
	S_true(&t, "computes", sales_offer_compute(l, 50, &o, &r) == 0);
	S_row(&t, &r.sum, 0, 2100, 0, 1208350, 0, 1208350, 253750);
	S_i64(&t, "line vat", r.lines[49].vat, 5075);
	/* 12.083,50 + 2.537,50 */
	S_i64(&t, "total", r.sum.total, 1462100);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_true(&t, "free zeroes", r.lines == NULL && r.sum.rows == NULL);
	S_end(&t);
}

/*
 * The mixed offerte (per line: qty x price, discount, net):
 *   0  12,5 h x  95,00 = 1.187,50, -10 %      -> 1.068,75   21 %
 *   1   3    x 333,33 =   999,99, -€ 50 line ->   949,99   21 %
 *   2   7    x  24,95 =   174,65, -5 %: 165,9175 -> 165,92  9 %
 *   3   1    x 1000,00                        -> 1.000,00   0 %
 *   4   2    x 750,00                         -> 1.500,00   verlegd
 *   5   1    x 499,00   optional              ->   499,00   21 %
 *   6   2,5  x  10,01 = 25,025                ->    25,03   9 %
 * Rows: 21 % 1.068,75 + 949,99 = 2.018,74; 9 % 165,92 + 25,03 = 190,95;
 * 0 % 1.000,00; verlegd 1.500,00; subtotal 4.709,69.
 */
static void
S_mixed(struct sales_offer_line *l)
{
	l[0] = S_line(12500, 9500, SALES_DISC_PERCENT, 1000, 2100, 0, 0);
	l[1] = S_line(3000, 33333, SALES_DISC_AMOUNT, 5000, 2100, 0, 0);
	l[2] = S_line(7000, 2495, SALES_DISC_PERCENT, 500, 900, 0, 0);
	l[3] = S_line(1000, 100000, SALES_DISC_NONE, 0, 0, 0, 0);
	l[4] = S_line(2000, 75000, SALES_DISC_NONE, 0, 2100, 1, 0);
	l[5] = S_line(1000, 49900, SALES_DISC_NONE, 0, 2100, 0, 1);
	l[6] = S_line(2500, 1001, SALES_DISC_NONE, 0, 900, 0, 0);
}

static void
t_offer_mixed_pct(void)
{
	struct sales_offer_line l[7];
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;

	S_mixed(l);
	memset(&o, 0, sizeof(o));
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = 250;

	/*
	 * 2,5 % document discount, per rate:
	 *   21 %  2.018,74 x 0,025 = 50,4685 -> 50,47; base 1.968,27
	 *         VAT 1.968,27 x 0,21 = 413,3367 -> 413,34
	 *    9 %  190,95 x 0,025 = 4,77375 -> 4,77; base 186,18
	 *         VAT 186,18 x 0,09 = 16,7562 -> 16,76
	 *    0 %  25,00; base 975,00
	 *   verl. 37,50; base 1.462,50
	 * discount 117,74; net 4.591,95; VAT 430,10; total 5.022,05
	 * Lines of the 21 % row share its 50,47 by their nets:
	 *   5047 x 106875 / 201874 = 2671 r 192671
	 *   5047 x  94999 / 201874 = 2375 r   9203  -> 26,72 and 23,75
	 */
	S_begin(&t, "offerte mixed 21/9/0/verlegd, 2,5 % off, VAT per rate");
	S_true(&t, "computes", sales_offer_compute(l, 7, &o, &r) == 0);
	S_i64(&t, "line 0 gross", r.lines[0].gross, 118750);
	S_i64(&t, "line 0 disc", r.lines[0].disc, 11875);
	S_i64(&t, "line 0 net", r.lines[0].net, 106875);
	S_i64(&t, "line 1 gross", r.lines[1].gross, 99999);
	S_i64(&t, "line 1 net", r.lines[1].net, 94999);
	S_i64(&t, "line 2 net", r.lines[2].net, 16592);
	S_i64(&t, "line 2 disc", r.lines[2].disc, 873);
	S_i64(&t, "line 6 net", r.lines[6].net, 2503);
	S_i64(&t, "rows", (int64_t)r.sum.nrows, 4);
	S_row(&t, &r.sum, 0, 2100, 0, 201874, 5047, 196827, 41334);
	S_row(&t, &r.sum, 1, 900, 0, 19095, 477, 18618, 1676);
	S_row(&t, &r.sum, 2, 0, 0, 100000, 2500, 97500, 0);
	S_row(&t, &r.sum, 3, 0, 1, 150000, 3750, 146250, 0);
	S_i64(&t, "subtotal", r.sum.subtotal, 470969);
	S_i64(&t, "discount", r.sum.disc, 11774);
	S_i64(&t, "net", r.sum.net, 459195);
	S_i64(&t, "vat", r.sum.vat, 43010);
	S_i64(&t, "total", r.sum.total, 502205);
	S_i64(&t, "line 0 doc disc", r.lines[0].doc_disc, 2672);
	S_i64(&t, "line 1 doc disc", r.lines[1].doc_disc, 2375);
	S_i64(&t, "line 0 row", (int64_t)r.lines[0].row, 0);
	S_i64(&t, "line 4 row (verlegd)", (int64_t)r.lines[4].row, 3);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_end(&t);

	/*
	 * Same, VAT per line.  Line bases after the split:
	 *   0  1.068,75 - 26,72 = 1.042,03 x 0,21 = 218,8263 -> 218,83
	 *   1    949,99 - 23,75 =   926,24 x 0,21 = 194,5104 -> 194,51
	 *   2    165,92 - 4,14  =   161,78 x 0,09 = 14,5602  -> 14,56
	 *   6     25,03 - 0,63  =    24,40 x 0,09 = 2,196    -> 2,20
	 * (9 % row: 477 x 16592 / 19095 = 414 r 9054, 477 x 2503 / 19095
	 * = 62 r 10041: the unit goes to line 6.)  21 %: 413,34, 9 %:
	 * 16,76: the same as per rate here.
	 */
	S_begin(&t, "offerte mixed, 2,5 % off, VAT per line");
	o.vat_mode = SALES_VAT_PER_LINE;
	S_true(&t, "computes", sales_offer_compute(l, 7, &o, &r) == 0);
	S_i64(&t, "line 0 base", r.lines[0].base, 104203);
	S_i64(&t, "line 0 vat", r.lines[0].vat, 21883);
	S_i64(&t, "line 1 vat", r.lines[1].vat, 19451);
	S_i64(&t, "line 2 doc disc", r.lines[2].doc_disc, 414);
	S_i64(&t, "line 6 doc disc", r.lines[6].doc_disc, 63);
	S_i64(&t, "line 2 vat", r.lines[2].vat, 1456);
	S_i64(&t, "line 6 vat", r.lines[6].vat, 220);
	S_i64(&t, "verlegd line vat", r.lines[4].vat, 0);
	S_row(&t, &r.sum, 0, 2100, 0, 201874, 5047, 196827, 41334);
	S_row(&t, &r.sum, 1, 900, 0, 19095, 477, 18618, 1676);
	S_i64(&t, "total", r.sum.total, 502205);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_end(&t);
}

static void
t_offer_mixed_amount(void)
{
	struct sales_offer_line l[7];
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;

	S_mixed(l);
	memset(&o, 0, sizeof(o));
	o.disc.kind = SALES_DISC_AMOUNT;
	o.disc.value = 10000;

	/*
	 * € 100,00 document discount split over the rates (see t_allocate):
	 * 42,86 + 4,06 + 21,23 + 31,85 = 100,00.
	 *   21 % base 2.018,74 - 42,86 = 1.975,88; x 0,21 = 414,9348 -> 414,93
	 *    9 % base 190,95 - 4,06 = 186,89; x 0,09 = 16,8201 -> 16,82
	 *    0 % base 978,77; verlegd 1.468,15
	 * net 4.609,69; VAT 431,75; total 5.041,44
	 */
	S_begin(&t, "offerte mixed, € 100 off split exactly, VAT per rate");
	S_true(&t, "computes", sales_offer_compute(l, 7, &o, &r) == 0);
	S_row(&t, &r.sum, 0, 2100, 0, 201874, 4286, 197588, 41493);
	S_row(&t, &r.sum, 1, 900, 0, 19095, 406, 18689, 1682);
	S_row(&t, &r.sum, 2, 0, 0, 100000, 2123, 97877, 0);
	S_row(&t, &r.sum, 3, 0, 1, 150000, 3185, 146815, 0);
	S_i64(&t, "discount is exactly the amount", r.sum.disc, 10000);
	S_i64(&t, "net", r.sum.net, 460969);
	S_i64(&t, "vat", r.sum.vat, 43175);
	S_i64(&t, "total", r.sum.total, 504144);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_end(&t);

	/*
	 * Per line.  21 %: 4286 x 106875 / 201874 = 2269 r 14144,
	 * 4286 x 94999 / 201874 = 2016 r 187730 -> 22,69 and 20,17;
	 * bases 1.046,06 (VAT 219,6726 -> 219,67) and 929,82 (195,2622 ->
	 * 195,26): 414,93.  9 %: 406 x 16592 / 19095 = 352 r 14912,
	 * 406 x 2503 / 19095 = 53 r 4183 -> 3,53 and 0,53; bases 162,39
	 * (14,6151 -> 14,62) and 24,50 (2,205 -> 2,21): 16,83, one cent
	 * more than 186,89 x 0,09 = 16,82 per rate.
	 * VAT 431,76; total 5.041,45.
	 */
	S_begin(&t, "offerte mixed, € 100 off, VAT per line (a cent apart)");
	o.vat_mode = SALES_VAT_PER_LINE;
	S_true(&t, "computes", sales_offer_compute(l, 7, &o, &r) == 0);
	S_i64(&t, "line 0 doc disc", r.lines[0].doc_disc, 2269);
	S_i64(&t, "line 1 doc disc", r.lines[1].doc_disc, 2017);
	S_i64(&t, "line 2 doc disc", r.lines[2].doc_disc, 353);
	S_i64(&t, "line 6 doc disc", r.lines[6].doc_disc, 53);
	S_i64(&t, "line 3 doc disc", r.lines[3].doc_disc, 2123);
	S_i64(&t, "line 4 doc disc", r.lines[4].doc_disc, 3185);
	S_i64(&t, "line 6 vat (2,205 -> 2,21)", r.lines[6].vat, 221);
	S_row(&t, &r.sum, 0, 2100, 0, 201874, 4286, 197588, 41493);
	S_row(&t, &r.sum, 1, 900, 0, 19095, 406, 18689, 1683);
	S_i64(&t, "vat", r.sum.vat, 43176);
	S_i64(&t, "total", r.sum.total, 504145);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	S_end(&t);
}

static void
t_offer_rules(void)
{
	struct sales_offer_line l[7], two[2], h[4];
	struct sales_offer_opts o;
	struct sales_offer r, r2;
	struct S_t t;

	/*
	 * The optional line (€ 499,00 at 21 %) stays out of every total;
	 * on its own: 499,00 + 104,79 = 603,79.  Without it the totals are
	 * the same.
	 */
	S_begin(&t, "offerte optional lines outside the totals");
	S_mixed(l);
	memset(&o, 0, sizeof(o));
	S_true(&t, "computes", sales_offer_compute(l, 7, &o, &r) == 0);
	l[5] = l[6];
	S_true(&t, "computes without", sales_offer_compute(l, 6, &o, &r2) == 0);
	S_i64(&t, "same subtotal", r.sum.subtotal, r2.sum.subtotal);
	S_i64(&t, "same vat", r.sum.vat, r2.sum.vat);
	S_i64(&t, "same total", r.sum.total, r2.sum.total);
	S_i64(&t, "optional net", r.opt.net, 49900);
	S_i64(&t, "optional vat", r.opt.vat, 10479);
	S_i64(&t, "optional total", r.opt.total, 60379);
	S_i64(&t, "optional rows", (int64_t)r.opt.nrows, 1);
	S_i64(&t, "optional line's row", (int64_t)r.lines[5].row, 0);
	S_i64(&t, "optional line gets no document discount",
	    r.lines[5].doc_disc, 0);
	sales_offer_free(&r);
	sales_offer_free(&r2);
	S_end(&t);

	/*
	 * A percentage off is rounded per rate: two lines of € 0,10 at
	 * 21 % and 9 %, 5 % off: 0,5 ct -> 1 ct on each rate, 2 ct in all,
	 * where 5 % of the 20 ct subtotal would be 1 ct.
	 */
	S_begin(&t, "offerte percent document discount rounded per rate");
	two[0] = S_line(1000, 10, SALES_DISC_NONE, 0, 2100, 0, 0);
	two[1] = S_line(1000, 10, SALES_DISC_NONE, 0, 900, 0, 0);
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = 500;
	S_true(&t, "computes", sales_offer_compute(two, 2, &o, &r) == 0);
	S_i64(&t, "discount", r.sum.disc, 2);
	S_row(&t, &r.sum, 0, 2100, 0, 10, 1, 9, 2);	/* 1,89 -> 2 */
	S_row(&t, &r.sum, 1, 900, 0, 10, 1, 9, 1);	/* 0,81 -> 1 */
	sales_offer_free(&r);
	S_end(&t);

	/*
	 * Half-up at half a cent, both signs:
	 *   2,5 x € 10,01 = 25,025 -> 25,03; -2,5 x 10,01 -> -25,03
	 *   1 x € 0,10 less 5 % = 9,5 ct -> 10 ct; 1 x -€ 0,10 -> -10 ct
	 *   VAT per line: 50 ct x 21 % = 10,5 -> 11; -50 ct -> -11
	 */
	S_begin(&t, "offerte rounding half-up at .5 cent, both signs");
	memset(&o, 0, sizeof(o));
	h[0] = S_line(2500, 1001, SALES_DISC_NONE, 0, 2100, 0, 0);
	h[1] = S_line(-2500, 1001, SALES_DISC_NONE, 0, 2100, 0, 0);
	h[2] = S_line(1000, 10, SALES_DISC_PERCENT, 500, 2100, 0, 0);
	h[3] = S_line(1000, -10, SALES_DISC_PERCENT, 500, 2100, 0, 0);
	S_true(&t, "computes", sales_offer_compute(h, 4, &o, &r) == 0);
	S_i64(&t, "2,5 x 10,01", r.lines[0].net, 2503);
	S_i64(&t, "-2,5 x 10,01", r.lines[1].net, -2503);
	S_i64(&t, "0,10 - 5 %", r.lines[2].net, 10);
	S_i64(&t, "-0,10 - 5 %", r.lines[3].net, -10);
	S_i64(&t, "subtotal", r.sum.subtotal, 0);
	sales_offer_free(&r);
	o.vat_mode = SALES_VAT_PER_LINE;
	h[0] = S_line(1000, 50, SALES_DISC_NONE, 0, 2100, 0, 0);
	h[1] = S_line(1000, -50, SALES_DISC_NONE, 0, 2100, 0, 0);
	S_true(&t, "computes", sales_offer_compute(h, 2, &o, &r) == 0);
	S_i64(&t, "VAT on 50 ct", r.lines[0].vat, 11);
	S_i64(&t, "VAT on -50 ct", r.lines[1].vat, -11);
	sales_offer_free(&r);
	S_end(&t);

	/*
	 * An amount discount is off the line total, not per unit:
	 * 4 x € 25,00 = 100,00 less € 15,00 = 85,00 (not 4 x 10,00).
	 */
	S_begin(&t, "offerte amount line discount is off the line total");
	memset(&o, 0, sizeof(o));
	h[0] = S_line(4000, 2500, SALES_DISC_AMOUNT, 1500, 2100, 0, 0);
	S_true(&t, "computes", sales_offer_compute(h, 1, &o, &r) == 0);
	S_i64(&t, "net", r.lines[0].net, 8500);
	S_i64(&t, "disc", r.lines[0].disc, 1500);
	S_i64(&t, "vat", r.sum.vat, 1785);	/* 85,00 x 0,21 */
	sales_offer_free(&r);
	S_true(&t, "empty offerte", sales_offer_compute(NULL, 0, NULL, &r) ==
	    0 && r.sum.nrows == 0 && r.sum.total == 0);
	sales_offer_free(&r);
	S_end(&t);
}

static void
t_offer_errors(void)
{
	struct sales_offer_line l[2], *big;
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;
	size_t i;

	S_begin(&t, "offerte errors and overflow guards");
	memset(&o, 0, sizeof(o));
	l[0] = S_line(1000, 10000, SALES_DISC_PERCENT, 10001, 2100, 0, 0);
	S_true(&t, "line discount over 100 %",
	    sales_offer_compute(l, 1, &o, &r) == -1 && r.lines == NULL);
	l[0] = S_line(1000, 10000, SALES_DISC_AMOUNT, -1, 2100, 0, 0);
	S_true(&t, "negative amount discount",
	    sales_offer_compute(l, 1, &o, &r) == -1);
	l[0] = S_line(1000, 10000, SALES_DISC_NONE, 0, 10001, 0, 0);
	S_true(&t, "VAT over 100 %", sales_offer_compute(l, 1, &o, &r) == -1);
	l[0] = S_line(1000, 10000, SALES_DISC_NONE, 0, -1, 1, 0);
	S_true(&t, "reverse charge ignores the rate",
	    sales_offer_compute(l, 1, &o, &r) == 0 && r.sum.vat == 0);
	sales_offer_free(&r);
	l[0] = S_line(1000, 10000, SALES_DISC_NONE, 0, 2100, 0, 0);
	o.disc.kind = SALES_DISC_AMOUNT;
	o.disc.value = 10001;
	S_true(&t, "amount off more than the subtotal",
	    sales_offer_compute(l, 1, &o, &r) == -1 && r.sum.rows == NULL);
	o.disc.value = 10000;
	S_true(&t, "amount off the whole subtotal",
	    sales_offer_compute(l, 1, &o, &r) == 0 && r.sum.total == 0);
	sales_offer_free(&r);
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = -1;
	S_true(&t, "negative document percent",
	    sales_offer_compute(l, 1, &o, &r) == -1);
	memset(&o, 0, sizeof(o));
	/* qty x price past int64: 9,2e15 units x € 20. */
	l[0] = S_line(INT64_MAX / 1000, 2000, SALES_DISC_NONE, 0, 2100, 0, 0);
	S_true(&t, "qty x price overflow",
	    sales_offer_compute(l, 1, &o, &r) == -1);
	/* qty x price fits in thousandths of a cent, so a line is at most
	 * INT64_MAX / 1000 cents: 1.000 such lines fit without VAT, their
	 * VAT does not, and 1.001 overflow the subtotal. */
	big = malloc(1001 * sizeof(*big));
	for (i = 0; i < 1001; i++)
		big[i] = S_line(1000, INT64_MAX / 1000, SALES_DISC_NONE, 0,
		    0, 0, 0);
	S_true(&t, "1.000 maximal lines at 0 % fit",
	    sales_offer_compute(big, 1000, &o, &r) == 0);
	sales_offer_free(&r);
	S_true(&t, "subtotal overflow",
	    sales_offer_compute(big, 1001, &o, &r) == -1 && r.lines == NULL);
	for (i = 0; i < 1000; i++)
		big[i].vat_bp = 2100;
	S_true(&t, "total incl. VAT overflow",
	    sales_offer_compute(big, 1000, &o, &r) == -1);
	o.vat_mode = SALES_VAT_PER_LINE;
	S_true(&t, "total incl. VAT overflow, per line",
	    sales_offer_compute(big, 1000, &o, &r) == -1);
	o.vat_mode = SALES_VAT_PER_RATE;
	free(big);
	/* A percent discount on a huge line is exact, not overflowed. */
	l[0] = S_line(1000000, 1000000000, SALES_DISC_PERCENT, 1000, 0, 0, 0);
	S_true(&t, "1.000 x € 10 mln less 10 %",
	    sales_offer_compute(l, 1, &o, &r) == 0 &&
	    r.lines[0].net == 900000000000LL);
	sales_offer_free(&r);
	S_end(&t);
}

/* ------------------------------------------------------------------- dates */

static void
t_dates(void)
{
	static const struct {
		struct sales_date	 from;
		long			 days;
		struct sales_date	 want;
	} c[] = {
		/* 26 nov + 4 = 30 nov, + 26 = 26 dec */
		{ { 2026, 11, 26 }, 30, { 2026, 12, 26 } },
		/* 15 dec + 16 = 31 dec, + 14 = 14 jan */
		{ { 2026, 12, 15 }, 30, { 2027, 1, 14 } },
		/* 2028 is a leap year: 15 feb + 14 = 29 feb, + 16 = 16 mar */
		{ { 2028, 2, 15 }, 30, { 2028, 3, 16 } },
		/* 2027 is not: 15 feb + 13 = 28 feb, + 17 = 17 mar */
		{ { 2027, 2, 15 }, 30, { 2027, 3, 17 } },
		/* 30 jan + 1 = 31 jan, + 29 = 29 feb 2028 */
		{ { 2028, 1, 30 }, 30, { 2028, 2, 29 } },
		/* from 29 feb: + 0 = 29 feb, + 30 = 30 mar */
		{ { 2028, 2, 29 }, 30, { 2028, 3, 30 } },
		{ { 2100, 2, 28 }, 1, { 2100, 3, 1 } },	/* 2100: no leap */
		{ { 2000, 2, 28 }, 1, { 2000, 2, 29 } },	/* 2000: leap */
		{ { 2027, 1, 14 }, -30, { 2026, 12, 15 } },
		{ { 2026, 1, 1 }, 365, { 2027, 1, 1 } },
		{ { 2028, 1, 1 }, 366, { 2029, 1, 1 } },
		{ { 1, 1, 1 }, 3652058, { 9999, 12, 31 } },
	};
	static const char *const bad[] = {
		"2026-02-29", "2026-13-01", "2026-1-5", "26-11-2026",
		"2026-11-26x", "2026-00-10", "2026-04-31", "", "2026/11/26",
		"0000-01-01",
	};
	struct sales_date d;
	struct S_t t;
	size_t i;
	long n;
	char what[64];

	S_begin(&t, "date + days across month and year ends and 29 feb");
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(what, sizeof(what), "%04d-%02d-%02d %+ld",
		    c[i].from.y, c[i].from.m, c[i].from.d, c[i].days);
		memset(&d, 0, sizeof(d));
		if (sales_date_add(c[i].from, c[i].days, &d) == -1) {
			S_fail(&t, "%s: refused", what);
			continue;
		}
		if (d.y != c[i].want.y || d.m != c[i].want.m ||
		    d.d != c[i].want.d)
			S_fail(&t, "%s: expected %04d-%02d-%02d, got "
			    "%04d-%02d-%02d", what, c[i].want.y, c[i].want.m,
			    c[i].want.d, d.y, d.m, d.d);
		if (sales_date_diff(c[i].from, d, &n) == -1 ||
		    n != c[i].days)
			S_fail(&t, "%s: diff back gives %ld", what, n);
	}
	d.y = 9999;
	d.m = 12;
	d.d = 31;
	S_true(&t, "past 9999 refused", sales_date_add(d, 1, &d) == -1);
	d.y = 2026;
	d.m = 2;
	d.d = 29;
	S_true(&t, "from an invalid date refused",
	    sales_date_add(d, 1, &d) == -1);
	S_end(&t);

	S_begin(&t, "date parsing (ISO, checked)");
	S_true(&t, "2026-11-26", sales_parse_date(" 2026-11-26 ", &d) == 0 &&
	    d.y == 2026 && d.m == 11 && d.d == 26);
	S_true(&t, "2028-02-29", sales_parse_date("2028-02-29", &d) == 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (sales_parse_date(bad[i], &d) != -1)
			S_fail(&t, "\"%s\" accepted", bad[i]);
	S_i64(&t, "days in feb 2028", sales_days_in_month(2028, 2), 29);
	S_i64(&t, "days in feb 1900", sales_days_in_month(1900, 2), 28);
	S_i64(&t, "days in month 13", sales_days_in_month(2026, 13), 0);
	S_end(&t);
}

/* ------------------------------------------------------------------ pitch */

static void
t_pitch(void)
{
	static const struct {
		const char	*s;
		size_t		 want;
	} c[] = {
		{ "", 0 },
		{ "   \n\t ", 0 },
		{ "Hallo, wereld!", 2 },
		{ "auto's en e-mail", 3 },
		{ "zo\xe2\x80\x99n klant", 2 },			/* U+2019 */
		{ EURO " 1.250,00 per maand", 3 },
		{ "B2B-sales", 1 },
		{ "a - b", 2 },
		{ "'quoted' words.", 2 },
		/* "Één café — naïef" */
		{ "\xc3\x89\xc3\xa9n caf\xc3\xa9 \xe2\x80\x94 na\xc3\xaf" "ef",
		    3 },
		{ "\xf0\x9f\x91\x8d top", 1 },			/* emoji */
		{ "\xff\xfe", 0 },				/* invalid */
		{ "ver\xc2\xadkoop", 1 },		/* soft hyphen */
		{ "1,2,3", 1 },
		{ "einde. Begin", 2 },
		{ "10 m\xc2\xb2", 2 },
	};
	struct sales_pitch p;
	struct buf b = { 0 };
	struct S_t t;
	int64_t s;
	size_t i;

	S_begin(&t, "word count in UTF-8 text");
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		S_i64(&t, c[i].s, (int64_t)sales_word_count(c[i].s,
		    strlen(c[i].s)), (int64_t)c[i].want);
	S_i64(&t, "len limits", (int64_t)sales_word_count("een twee", 3), 1);
	S_end(&t);

	/*
	 * words x 60 / 130: 130 -> 60,0; 131 -> 60,46 -> 60 (not flagged:
	 * the flag follows the shown value); 132 -> 60,92 -> 61 (flagged);
	 * 65 -> 30; 1 -> 0,46 -> 0; 2 words at 240/min -> 0,5 -> 1.
	 */
	S_begin(&t, "pitch speaking time and the 60 s flag");
	sales_speaking_seconds(130, 0, &s);
	S_i64(&t, "130 words", s, 60);
	sales_speaking_seconds(131, 0, &s);
	S_i64(&t, "131 words", s, 60);
	sales_speaking_seconds(132, 130, &s);
	S_i64(&t, "132 words", s, 61);
	sales_speaking_seconds(65, 0, &s);
	S_i64(&t, "65 words", s, 30);
	sales_speaking_seconds(1, 0, &s);
	S_i64(&t, "1 word", s, 0);
	sales_speaking_seconds(2, 240, &s);
	S_i64(&t, "2 words at 240", s, 1);
	S_true(&t, "negative wpm", sales_speaking_seconds(1, -1, &s) == -1);
	for (i = 0; i < 130; i++)
		buf_puts(&b, "woord ");
	S_true(&t, "130-word pitch", sales_pitch(b.data, b.len, 0, &p) == 0 &&
	    p.words == 130 && p.seconds == 60 && !p.too_long);
	buf_puts(&b, "nog twee");
	S_true(&t, "132-word pitch", sales_pitch(b.data, b.len, 0, &p) == 0 &&
	    p.words == 132 && p.seconds == 61 && p.too_long);
	buf_free(&b);
	S_end(&t);
}

/* ----------------------------------------------------------------- funnel */

static void
t_funnel(void)
{
	static const int64_t conv[4] = { 6000, 2000, 4000, 3500 };
	struct sales_funnel f;
	int64_t bad[4] = { 6000, 2000, 0, 3500 };
	struct S_t t;

	/*
	 * Target € 750.000, average order € 18.500:
	 *   klanten  ceil(750000 / 18500) = ceil(40,54)   =    41
	 *   hot      ceil(41 / 0,35)      = ceil(117,14)  =   118
	 *   prospect ceil(118 / 0,40)     = ceil(295,0)   =   295
	 *   suspect  ceil(295 / 0,20)     = ceil(1475,0)  = 1.475
	 *   lead     ceil(1475 / 0,60)    = ceil(2458,33) = 2.459
	 * (295 and 1475 are exact: with 0.4 and 0.2 in binary floating
	 * point they could come out one too high.)
	 */
	S_begin(&t, "funnel worked back from € 750.000");
	S_true(&t, "computes", sales_funnel_back(75000000, 1850000, conv, &f)
	    == 0);
	S_i64(&t, "klanten", f.count[SALES_KLANT], 41);
	S_i64(&t, "hot", f.count[SALES_HOT], 118);
	S_i64(&t, "prospect", f.count[SALES_PROSPECT], 295);
	S_i64(&t, "suspect", f.count[SALES_SUSPECT], 1475);
	S_i64(&t, "lead", f.count[SALES_LEAD], 2459);
	S_i64(&t, "revenue 41 x 18.500", f.revenue, 75850000);
	S_true(&t, "target 0", sales_funnel_back(0, 1850000, conv, &f) == 0 &&
	    f.count[SALES_LEAD] == 0);
	S_true(&t, "rate 0 refused",
	    sales_funnel_back(75000000, 1850000, bad, &f) == -1);
	bad[2] = 10001;
	S_true(&t, "rate over 100 % refused",
	    sales_funnel_back(75000000, 1850000, bad, &f) == -1);
	S_true(&t, "average order 0 refused",
	    sales_funnel_back(75000000, 0, conv, &f) == -1);
	S_true(&t, "overflow refused",
	    sales_funnel_back(INT64_MAX, 1, conv, &f) == -1);
	S_end(&t);
}

/* ------------------------------------------------------- klantenpiramide */

static void
t_pyramid_400(void)
{
	struct sales_pyramid p;
	int64_t rev[402];
	struct S_t t;
	size_t i;

	/*
	 * 400 active customers with revenues € 1 .. € 400 (100 .. 40000
	 * ct), shuffled: entry j holds ((7j mod 400) + 1) x 100; plus two
	 * zero entries (inactive).
	 *   top    round(4)  = 4:        400..397 -> 1.594 x 100 = 159400
	 *   groot  round(20) - 4 = 16:   396..381 -> 6.216 x 100 = 621600
	 *   middel round(80) - 20 = 60:  380..321 -> 21.030 x 100 = 2103000
	 *   klein  400 - 80 = 320:       320..1   -> 51.360 x 100 = 5136000
	 *   total 80.200 x 100 = 8020000
	 * Shares x 10000: 198,753 / 775,062 / 2622,194 / 6403,990; floors
	 * 9998, the two units to the largest remainders (klein ,990 and
	 * top ,753): 199 / 775 / 2622 / 6404.
	 * The top customer (€ 400) is entry j with 7j = 399 mod 400:
	 * j = 399 x 343 mod 400 = 57 (7 x 343 = 2401 = 1 mod 400).
	 */
	for (i = 0; i < 400; i++)
		rev[i] = (int64_t)((7 * i) % 400 + 1) * 100;
	rev[400] = rev[401] = 0;
	S_begin(&t, "klantenpiramide 400 customers: 4/16/60/320");
	S_true(&t, "computes", sales_pyramid_compute(rev, 402, 5, 30, 200,
	    NULL, &p) == 0);
	S_i64(&t, "active", (int64_t)p.active, 400);
	S_i64(&t, "inactive 5 + 2 zero", (int64_t)p.inactive, 7);
	S_i64(&t, "prospects", (int64_t)p.prospects, 30);
	S_i64(&t, "suspects", (int64_t)p.suspects, 200);
	S_i64(&t, "top", (int64_t)p.level[SALES_TOP].count, 4);
	S_i64(&t, "groot", (int64_t)p.level[SALES_GROOT].count, 16);
	S_i64(&t, "middel", (int64_t)p.level[SALES_MIDDEL].count, 60);
	S_i64(&t, "klein", (int64_t)p.level[SALES_KLEIN].count, 320);
	S_i64(&t, "top revenue", p.level[SALES_TOP].revenue, 159400);
	S_i64(&t, "groot revenue", p.level[SALES_GROOT].revenue, 621600);
	S_i64(&t, "middel revenue", p.level[SALES_MIDDEL].revenue, 2103000);
	S_i64(&t, "klein revenue", p.level[SALES_KLEIN].revenue, 5136000);
	S_i64(&t, "total", p.revenue, 8020000);
	S_i64(&t, "top share", p.level[SALES_TOP].share_bp, 199);
	S_i64(&t, "groot share", p.level[SALES_GROOT].share_bp, 775);
	S_i64(&t, "middel share", p.level[SALES_MIDDEL].share_bp, 2622);
	S_i64(&t, "klein share", p.level[SALES_KLEIN].share_bp, 6404);
	S_i64(&t, "rank 0", (int64_t)p.rank[0], 57);
	S_i64(&t, "top hi", p.level[SALES_TOP].hi, 40000);
	S_i64(&t, "top lo", p.level[SALES_TOP].lo, 39700);
	S_i64(&t, "groot first", (int64_t)p.level[SALES_GROOT].first, 4);
	S_i64(&t, "klein hi", p.level[SALES_KLEIN].hi, 32000);
	S_i64(&t, "klein lo", p.level[SALES_KLEIN].lo, 100);
	for (i = 1; i < 400; i++)
		if (rev[p.rank[i]] > rev[p.rank[i - 1]])
			S_fail(&t, "rank %zu out of order", i);
	sales_pyramid_free(&p);
	S_end(&t);
}

static void
t_pyramid_small(void)
{
	static const struct {
		size_t	 n, top, groot, middel, klein;
	} c[] = {
		/* n = 1: all boundaries min(1, ...) = 1 */
		{ 1, 1, 0, 0, 0 },
		{ 2, 1, 1, 0, 0 },
		/* n = 3: max(0,1)=1, max(0,2)=2, max(round(0,6)=1,3)=3 */
		{ 3, 1, 1, 1, 0 },
		{ 4, 1, 1, 1, 1 },
		/* n = 10: round(0,1)=0 -> 1; round(0,5)=1 -> 2; round(2)=2
		 * -> 3: 1/1/1/7 */
		{ 10, 1, 1, 1, 7 },
		/* n = 25: round(0,25)=0 -> 1; round(1,25)=1 -> 2; round(5)
		 * = 5: 1/1/3/20 */
		{ 25, 1, 1, 3, 20 },
		/* n = 100: 1, 5, 20 */
		{ 100, 1, 4, 15, 80 },
		/* n = 150: round(1,5)=2, round(7,5)=8, 30 */
		{ 150, 2, 6, 22, 120 },
	};
	struct sales_pyramid p;
	int64_t rev[150], tie[3] = { 500, 900, 500 };
	int64_t bad[3] = { 0, 700, 400 };
	size_t b[3], prev[3] = { 0, 0, 0 }, i, n;
	struct S_t t;
	char what[64];

	S_begin(&t, "klantenpiramide small n (1, 3, 10, 25) and the rule");
	for (i = 0; i < 150; i++)
		rev[i] = 1000 + (int64_t)i;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(what, sizeof(what), "n=%zu", c[i].n);
		if (sales_pyramid_compute(rev, c[i].n, 0, 0, 0, NULL, &p)
		    == -1) {
			S_fail(&t, "%s refused", what);
			continue;
		}
		if (p.level[0].count != c[i].top ||
		    p.level[1].count != c[i].groot ||
		    p.level[2].count != c[i].middel ||
		    p.level[3].count != c[i].klein)
			S_fail(&t, "%s: expected %zu/%zu/%zu/%zu, got "
			    "%zu/%zu/%zu/%zu", what, c[i].top, c[i].groot,
			    c[i].middel, c[i].klein, p.level[0].count,
			    p.level[1].count, p.level[2].count,
			    p.level[3].count);
		S_i64(&t, what, p.level[0].share_bp + p.level[1].share_bp +
		    p.level[2].share_bp + p.level[3].share_bp, 10000);
		sales_pyramid_free(&p);
	}
	/* The rule for every n up to 5000: boundaries never shrink as n
	 * grows, never pass n, and from n = 4 every level has a customer. */
	for (n = 0; n <= 5000; n++) {
		sales_pyramid_bounds(n, NULL, b);
		if (b[0] < prev[0] || b[1] < prev[1] || b[2] < prev[2] ||
		    b[0] > b[1] || b[1] > b[2] || b[2] > n ||
		    (n >= 4 && (b[0] < 1 || b[1] - b[0] < 1 ||
		    b[2] - b[1] < 1 || n - b[2] < 1)) ||
		    (n > 0 && n < 4 && b[0] != 1)) {
			S_fail(&t, "n=%zu: bounds %zu %zu %zu", n, b[0], b[1],
			    b[2]);
			break;
		}
		memcpy(prev, b, sizeof(prev));
	}
	/* Equal revenues keep input order. */
	S_true(&t, "ties", sales_pyramid_compute(tie, 3, 0, 0, 0, NULL, &p) ==
	    0 && p.rank[0] == 1 && p.rank[1] == 0 && p.rank[2] == 2);
	sales_pyramid_free(&p);
	S_true(&t, "no customers", sales_pyramid_compute(NULL, 0, 3, 0, 0,
	    NULL, &p) == 0 && p.active == 0 && p.inactive == 3 &&
	    p.level[0].share_bp == 0);
	sales_pyramid_free(&p);
	tie[1] = -1;
	S_true(&t, "negative revenue refused", sales_pyramid_compute(tie, 3,
	    0, 0, 0, NULL, &p) == -1 && p.rank == NULL);
	S_true(&t, "falling cum_bp refused", sales_pyramid_compute(rev, 10,
	    0, 0, 0, bad, &p) == -1);
	S_end(&t);
}

/* ------------------------------------------------------------------- CLV */

static void
t_clv(void)
{
	/*
	 * Yearly margin € 4.000 (400000 ct), retention 80 %, discount 10 %,
	 * acquisition € 2.500, 5 years: m x 0,8^(t-1) / 1,1^t
	 *   t=1  400000 / 1,1         = 363636,3636 -> 363636
	 *   t=2  320000 / 1,21        = 264462,8099 -> 264463
	 *   t=3  256000 / 1,331       = 192336,5890 -> 192337
	 *   t=4  204800 / 1,4641      = 139881,1557 -> 139881
	 *   t=5  163840 / 1,61051     = 101731,7496 -> 101732
	 *   sum 1062048,6678 -> € 10.620,49; less 250000: 812048,6678
	 *   -> € 8.120,49  (python Fraction: 1062048.6678133...)
	 * Cumulative: 363636, 628099 (628099,17), 820436 (820435,76),
	 * 960317 (960316,92), 1062049.
	 */
	static const int64_t value[5] = {
		363636, 264463, 192337, 139881, 101732
	}, cum[5] = {
		363636, 628099, 820436, 960317, 1062049
	}, kept[5] = {
		10000, 8000, 6400, 5120, 4096
	}, margin[5] = {
		400000, 320000, 256000, 204800, 163840
	};
	struct sales_clv c;
	struct S_t t;
	int64_t v;
	int i;

	S_begin(&t, "CLV simple");
	/* € 1.250 x 4 a year x 5 years x 30 % = € 7.500 */
	S_true(&t, "computes", sales_clv_simple(125000, 4000, 5, 3000, &v) ==
	    0);
	S_i64(&t, "1250 x 4 x 5 x 30 %", v, 750000);
	sales_clv_simple(125000, 4000, 5, SALES_BP, &v);
	S_i64(&t, "no margin: revenue", v, 2500000);
	/* € 99,99 x 2,5 x 3 x 33 % = 247,47525 -> € 247,48 */
	sales_clv_simple(9999, 2500, 3, 3300, &v);
	S_i64(&t, "99,99 x 2,5 x 3 x 33 %", v, 24748);
	S_true(&t, "negative years refused",
	    sales_clv_simple(9999, 2500, -1, 3300, &v) == -1);
	S_true(&t, "overflow refused",
	    sales_clv_simple(INT64_MAX / 2, 3000, 1, 3300, &v) == -1);
	S_end(&t);

	S_begin(&t, "CLV discounted, 5 years (€ 4.000, 80 %, 10 %, € 2.500)");
	S_true(&t, "computes", sales_clv_discounted(400000, 8000, 1000, 5,
	    250000, &c) == 0);
	S_i64(&t, "years", c.years, 5);
	for (i = 0; i < 5; i++) {
		S_i64(&t, "year", c.year[i].year, i + 1);
		S_i64(&t, "retained", c.year[i].retained_bp, kept[i]);
		S_i64(&t, "margin", c.year[i].margin, margin[i]);
		S_i64(&t, "value", c.year[i].value, value[i]);
		S_i64(&t, "cum", c.year[i].cum, cum[i]);
	}
	S_i64(&t, "gross", c.gross, 1062049);
	S_i64(&t, "acquisition", c.acquisition, 250000);
	S_i64(&t, "clv", c.clv, 812049);
	S_true(&t, "0 years refused", sales_clv_discounted(400000, 8000, 1000,
	    0, 0, &c) == -1);
	S_true(&t, "retention over 100 % refused", sales_clv_discounted(400000,
	    10001, 1000, 5, 0, &c) == -1);
	S_end(&t);

	/*
	 * Infinite horizon m x r / (1 + d - r): 400000 x 0,8 / 0,3 =
	 * 1066666,67 -> € 10.666,67.  The 5-year sum (1062048,67) is close
	 * to m / (1 + d - r) x (1 - (0,8/1,1)^5) = 1333333,33 x 0,7965.
	 */
	S_begin(&t, "CLV infinite horizon");
	S_true(&t, "computes", sales_clv_infinite(400000, 8000, 1000, &v) == 0);
	S_i64(&t, "m r / (1 + d - r)", v, 1066667);
	S_true(&t, "r = 100 %, d = 0 refused",
	    sales_clv_infinite(400000, 10000, 0, &v) == -1);
	sales_clv_infinite(400000, 10000, 1000, &v);
	S_i64(&t, "r = 100 %, d = 10 %: m / d", v, 4000000);
	S_end(&t);
}

/* -------------------------------------------------------------------- NPS */

static void
t_nps(void)
{
	static const int scores[10] = { 10, 9, 8, 7, 6, 0, 10, 3, 9, 9 };
	struct sales_nps r;
	struct S_t t;

	/* 84 promoters (42 %), 58 passives (29 %), 58 detractors (29 %) of
	 * 200: 42 - 29 = +13, in bp 1300. */
	S_begin(&t, "NPS 84/58/58 of 200 is +13");
	S_true(&t, "computes", sales_nps_groups(84, 58, 58, &r) == 0);
	S_i64(&t, "n", r.n, 200);
	S_i64(&t, "nps", r.nps, 13);
	S_i64(&t, "nps bp", r.nps_bp, 1300);
	S_i64(&t, "promoters bp", r.promoters_bp, 4200);
	S_i64(&t, "passives bp", r.passives_bp, 2900);
	S_i64(&t, "detractors bp", r.detractors_bp, 2900);
	S_end(&t);

	S_begin(&t, "NPS rounding, scores and distribution");
	/* 2 promoters, 1 detractor of 3: 33,33 -> 33, bp 3333; shares
	 * 6666,67 / 0 / 3333,33: floors 9999, the unit to promoters. */
	sales_nps_groups(2, 0, 1, &r);
	S_i64(&t, "1/3 nps", r.nps, 33);
	S_i64(&t, "1/3 nps bp", r.nps_bp, 3333);
	S_i64(&t, "1/3 promoters bp", r.promoters_bp, 6667);
	S_i64(&t, "1/3 detractors bp", r.detractors_bp, 3333);
	/* 1 promoter, 5 passives, 2 detractors of 8: -12,5 -> -13. */
	sales_nps_groups(1, 5, 2, &r);
	S_i64(&t, "-12,5 rounds away from zero", r.nps, -13);
	S_i64(&t, "-12,5 bp", r.nps_bp, -1250);
	/* Scores: promoters 10 9 10 9 9 (5), passives 8 7 (2),
	 * detractors 6 0 3 (3): (5 - 3) / 10 = +20. */
	S_true(&t, "scores", sales_nps_scores(scores, 10, &r) == 0);
	S_i64(&t, "scores nps", r.nps, 20);
	S_i64(&t, "scores promoters", r.promoters, 5);
	S_i64(&t, "scores passives", r.passives, 2);
	S_i64(&t, "scores detractors", r.detractors, 3);
	S_i64(&t, "score 9 count", r.dist[9], 3);
	S_i64(&t, "score 10 count", r.dist[10], 2);
	S_i64(&t, "score 5 count", r.dist[5], 0);
	sales_nps_groups(0, 0, 7, &r);
	S_i64(&t, "all detractors", r.nps, -100);
	S_true(&t, "no answers refused", sales_nps_groups(0, 0, 0, &r) == -1);
	S_true(&t, "score 11 refused", sales_nps_scores((const int[]){ 11 },
	    1, &r) == -1);
	S_end(&t);
}

/* ----------------------------------------------------------- lead scoring */

static void
t_lead(void)
{
	static const struct sales_lead_points p[] = {
		{ SALES_LEAD_FIT, 20 },		/* beslisser */
		{ SALES_LEAD_FIT, 15 },		/* doelbranche */
		{ SALES_LEAD_FIT, -10 },	/* te klein bedrijf */
		{ SALES_LEAD_BEHAVIOUR, 25 },	/* prijspagina bekeken */
		{ SALES_LEAD_BEHAVIOUR, 10 },	/* webinar */
		{ SALES_LEAD_BEHAVIOUR, 30 },	/* demo aangevraagd */
		{ SALES_LEAD_BEHAVIOUR, -15 },	/* nieuwsbrief opgezegd */
	};
	struct sales_lead_score s;
	struct S_t t;

	/* fit 20 + 15 - 10 = 25; behaviour 25 + 10 + 30 - 15 = 50; 75. */
	S_begin(&t, "lead scores and thresholds");
	S_true(&t, "computes", sales_lead_score(p, 7, 40, 70, &s) == 0);
	S_i64(&t, "fit", s.fit, 25);
	S_i64(&t, "behaviour", s.behaviour, 50);
	S_i64(&t, "total", s.total, 75);
	S_i64(&t, "75 >= SQL 70", s.cls, SALES_LEAD_SQL);
	sales_lead_score(p, 7, SALES_LEAD_MQL_DEFAULT, SALES_LEAD_SQL_DEFAULT,
	    &s);
	S_i64(&t, "75 with 50/100: MQL", s.cls, SALES_LEAD_MQL);
	sales_lead_score(p, 7, 75, 76, &s);
	S_i64(&t, "at the MQL threshold: MQL", s.cls, SALES_LEAD_MQL);
	sales_lead_score(p + 2, 1, 40, 70, &s);
	S_i64(&t, "-10: cold", s.cls, SALES_LEAD_COLD);
	S_i64(&t, "-10 total", s.total, -10);
	sales_lead_score(NULL, 0, 40, 70, &s);
	S_i64(&t, "nothing: cold", s.cls, SALES_LEAD_COLD);
	S_true(&t, "MQL above SQL refused", sales_lead_score(p, 7, 80, 70,
	    &s) == -1);
	S_end(&t);
}

/* ------------------------------------------------------------ verkoopplan */

static void
t_plan(void)
{
	struct sales_break_even be;
	struct S_t t;
	int64_t bp;

	/*
	 * Fixed € 120.000, price € 250, variable € 130: contribution € 120,
	 * 120000 / 120 = 1.000 units exactly, revenue € 250.000, ratio
	 * 120 / 250 = 48 %.  Fixed € 100.000: 833,33 -> 834 units.
	 */
	S_begin(&t, "break-even and ROI");
	S_true(&t, "computes", sales_break_even(12000000, 25000, 13000, &be)
	    == 0);
	S_i64(&t, "units", be.units, 1000);
	S_i64(&t, "contribution", be.contribution, 12000);
	S_i64(&t, "ratio", be.cm_ratio_bp, 4800);
	S_i64(&t, "revenue", be.revenue, 25000000);
	sales_break_even(10000000, 25000, 13000, &be);
	S_i64(&t, "833,33 -> 834", be.units, 834);
	S_i64(&t, "revenue 834 x 250", be.revenue, 20850000);
	S_true(&t, "price = variable refused",
	    sales_break_even(100, 13000, 13000, &be) == -1);
	S_true(&t, "price < variable refused",
	    sales_break_even(100, 12000, 13000, &be) == -1);
	/* (150.000 - 120.000) / 120.000 = 25 %; (90.000 - 120.000) /
	 * 120.000 = -25 %; (1.000 - 300) / 300 = 233,333 % -> 23333 bp. */
	S_true(&t, "roi", sales_roi(15000000, 12000000, &bp) == 0);
	S_i64(&t, "roi 25 %", bp, 2500);
	sales_roi(9000000, 12000000, &bp);
	S_i64(&t, "roi -25 %", bp, -2500);
	sales_roi(100000, 30000, &bp);
	S_i64(&t, "roi 233,33 %", bp, 23333);
	S_true(&t, "investment 0 refused", sales_roi(1, 0, &bp) == -1);
	S_true(&t, "overflow refused", sales_roi(INT64_MIN, 1, &bp) == -1);
	S_end(&t);
}

/* ------------------------------------------------------------- formatting */

static void
t_fmt(void)
{
	struct buf b = { 0 };
	struct S_t t;
	int64_t v;
	static const int64_t rt[] = { 0, 5, -1250, 125000, 123456789012LL,
	    INT64_MAX, -INT64_MAX };
	size_t i;

	S_begin(&t, "format money nl/en");
	sales_fmt_money(&b, 125000, "nl");
	S_str(&t, "nl", buf_cstr(&b), EURO NBSP "1.250,00");
	buf_reset(&b);
	sales_fmt_money(&b, -1250, NULL);
	S_str(&t, "nl negative (NULL lang)", buf_cstr(&b), EURO NBSP "-12,50");
	buf_reset(&b);
	sales_fmt_money(&b, 125000, "en");
	S_str(&t, "en", buf_cstr(&b), EURO "1,250.00");
	buf_reset(&b);
	sales_fmt_money(&b, -1250, "en-GB");
	S_str(&t, "en negative", buf_cstr(&b), "-" EURO "12.50");
	buf_reset(&b);
	sales_fmt_money(&b, 5, "nl");
	S_str(&t, "5 ct", buf_cstr(&b), EURO NBSP "0,05");
	buf_reset(&b);
	sales_fmt_money(&b, 123456789012LL, "nl");
	S_str(&t, "large", buf_cstr(&b), EURO NBSP "1.234.567.890,12");
	buf_reset(&b);
	sales_fmt_money(&b, INT64_MIN, "en");
	S_str(&t, "INT64_MIN", buf_cstr(&b),
	    "-" EURO "92,233,720,368,547,758.08");
	buf_reset(&b);
	sales_fmt_amount(&b, -123456, "nl");
	S_str(&t, "amount nl", buf_cstr(&b), "-1.234,56");
	buf_reset(&b);
	sales_fmt_amount(&b, 99, "en");
	S_str(&t, "amount en", buf_cstr(&b), "0.99");
	/* What we write, we read back. */
	for (i = 0; i < sizeof(rt) / sizeof(rt[0]); i++) {
		buf_reset(&b);
		sales_fmt_money(&b, rt[i], "nl");
		if (sales_parse_money(buf_cstr(&b), "nl", &v) == -1 ||
		    v != rt[i])
			S_fail(&t, "round trip nl \"%s\"", buf_cstr(&b));
		buf_reset(&b);
		sales_fmt_money(&b, rt[i], "en");
		if (sales_parse_money(buf_cstr(&b), "en", &v) == -1 ||
		    v != rt[i])
			S_fail(&t, "round trip en \"%s\"", buf_cstr(&b));
	}
	S_end(&t);

	S_begin(&t, "format percent, integers, quantities nl/en");
	buf_reset(&b);
	sales_fmt_pct(&b, 2100, "nl", 2);
	S_str(&t, "21 % nl", buf_cstr(&b), "21" NBSP "%");
	buf_reset(&b);
	sales_fmt_pct(&b, 550, "nl", 1);
	S_str(&t, "5,5 % nl", buf_cstr(&b), "5,5" NBSP "%");
	buf_reset(&b);
	sales_fmt_pct(&b, 2100, "en", 2);
	S_str(&t, "21% en", buf_cstr(&b), "21%");
	buf_reset(&b);
	sales_fmt_pct(&b, 550, "en", 2);
	S_str(&t, "5.5% en", buf_cstr(&b), "5.5%");
	buf_reset(&b);
	sales_fmt_pct(&b, 1255, "nl", 1);	/* 12,55 -> 12,6 */
	S_str(&t, "half-up to 1 decimal", buf_cstr(&b), "12,6" NBSP "%");
	buf_reset(&b);
	sales_fmt_pct(&b, 1250, "nl", 0);	/* 12,5 -> 13 */
	S_str(&t, "half-up to 0 decimals", buf_cstr(&b), "13" NBSP "%");
	buf_reset(&b);
	sales_fmt_pct(&b, -40, "nl", 0);	/* -0,4 -> 0, no "-0" */
	S_str(&t, "no minus zero", buf_cstr(&b), "0" NBSP "%");
	buf_reset(&b);
	sales_fmt_pct(&b, -1333, "en", 2);
	S_str(&t, "negative", buf_cstr(&b), "-13.33%");
	buf_reset(&b);
	sales_fmt_pct(&b, 23333, "nl", 5);	/* clamped to 2 */
	S_str(&t, "decimals clamped", buf_cstr(&b), "233,33" NBSP "%");
	buf_reset(&b);
	sales_fmt_int(&b, 2459, "nl");
	S_str(&t, "2.459 nl", buf_cstr(&b), "2.459");
	buf_reset(&b);
	sales_fmt_int(&b, 2459, "en");
	S_str(&t, "2,459 en", buf_cstr(&b), "2,459");
	buf_reset(&b);
	sales_fmt_int(&b, 999, "nl");
	S_str(&t, "999", buf_cstr(&b), "999");
	buf_reset(&b);
	sales_fmt_int(&b, -1000000, "nl");
	S_str(&t, "-1.000.000", buf_cstr(&b), "-1.000.000");
	buf_reset(&b);
	sales_fmt_qty(&b, 2500, "nl");
	S_str(&t, "qty 2,5", buf_cstr(&b), "2,5");
	buf_reset(&b);
	sales_fmt_qty(&b, 1250000, "nl");
	S_str(&t, "qty 1.250", buf_cstr(&b), "1.250");
	buf_reset(&b);
	sales_fmt_qty(&b, 12375, "en");
	S_str(&t, "qty 12.375 en", buf_cstr(&b), "12.375");
	S_end(&t);

	S_begin(&t, "format dates nl/en");
	buf_reset(&b);
	S_true(&t, "nl", sales_fmt_date(&b, 2026, 11, 26, "nl") == 0);
	S_str(&t, "nl", buf_cstr(&b), "26 november 2026");
	buf_reset(&b);
	sales_fmt_date(&b, 2026, 11, 26, "en");
	S_str(&t, "en", buf_cstr(&b), "26 November 2026");
	buf_reset(&b);
	sales_fmt_date(&b, 2028, 2, 29, "nl");
	S_str(&t, "29 feb", buf_cstr(&b), "29 februari 2028");
	buf_reset(&b);
	S_true(&t, "invalid date refused",
	    sales_fmt_date(&b, 2027, 2, 29, "nl") == -1 && b.len == 0);
	buf_free(&b);
	S_end(&t);
}

/*** The vocabulary of issue 9: kinds, periods, exclusions, payment ***/

static void
t_offer_pay(void)
{
	struct sales_pay_terms pt;
	struct sales_pay p;
	struct S_t t;

	/*
	 * Each percentage of the total incl. VAT is rounded once, half up,
	 * and the rest is what remains, so the two always add up.
	 * 30 % of 6.352,86 = 1.905,858 -> 1.905,86, rest 4.447,00;
	 * 2 % = 127,0572 -> 127,06, paid 6.225,80.
	 */
	S_begin(&t, "payment terms: deposit and payment discount rounded once");
	memset(&pt, 0, sizeof(pt));
	pt.deposit_bp = 3000;
	pt.early_bp = 200;
	S_true(&t, "computes", sales_pay_compute(635286, &pt, &p) == 0);
	S_i64(&t, "deposit", p.deposit, 190586);
	S_i64(&t, "rest", p.rest, 444700);
	S_i64(&t, "early", p.early, 12706);
	S_i64(&t, "early pay", p.early_pay, 622580);
	/* exactly half a cent: 2 % of 0,25 = 0,5 ct -> 1 ct; 30 % of
	 * 0,05 = 1,5 ct -> 2 ct; the rest 3 ct, not 4 */
	S_true(&t, "half", sales_pay_compute(25, &pt, &p) == 0);
	S_i64(&t, "half early", p.early, 1);
	S_i64(&t, "half early pay", p.early_pay, 24);
	S_true(&t, "half deposit", sales_pay_compute(5, &pt, &p) == 0);
	S_i64(&t, "1,5 ct deposit", p.deposit, 2);
	S_i64(&t, "1,5 ct rest", p.rest, 3);
	/* a credit total: -0,25 at 2 % is -0,5 ct -> -1 ct (away from 0) */
	S_true(&t, "negative", sales_pay_compute(-25, &pt, &p) == 0);
	S_i64(&t, "negative early", p.early, -1);
	pt.deposit_bp = 10001;
	S_true(&t, "deposit over 100 %", sales_pay_compute(100, &pt, &p) == -1 &&
	    p.deposit == 0);
	S_end(&t);
}

static void
t_offer_recurring(void)
{
	struct sales_offer_line l[5];
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;

	/*
	 * One-off 2.500,00, 25 x 12,50 per month, 450 per quarter, 1.200 per
	 * year, optional 9,95 per month; 10 % off every period; 36 months:
	 * per month 281,25 + 59,0625 -> 59,06 = 340,31; contract excl. VAT
	 * 2.250 + 36 x 281,25 + 12 x 405 + 3 x 1.080 = 20.475,00, incl.
	 * 2.722,50 + 36 x 340,31 + 12 x 490,05 + 3 x 1.306,80 = 24.774,66.
	 */
	S_begin(&t, "offerte recurring prices totalled per period, over a term");
	l[0] = S_line(1000, 250000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[1] = S_line(25000, 1250, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[1].period = SALES_MONTH;
	l[2] = S_line(1000, 45000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[2].period = SALES_QUARTER;
	l[3] = S_line(1000, 120000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[3].period = SALES_YEAR;
	l[4] = S_line(1000, 995, SALES_DISC_NONE, 0, 2100, 0, 1);
	l[4].period = SALES_MONTH;
	memset(&o, 0, sizeof(o));
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = 1000;
	o.term_months = 36;
	S_true(&t, "computes", sales_offer_compute(l, 5, &o, &r) == 0);
	S_i64(&t, "one-off total", r.sum.total, 272250);
	S_i64(&t, "one-off lines", (int64_t)r.sum.nlines, 1);
	S_i64(&t, "month net", r.recur[SALES_MONTH].net, 28125);
	S_i64(&t, "month vat", r.recur[SALES_MONTH].vat, 5906);
	S_i64(&t, "month total", r.recur[SALES_MONTH].total, 34031);
	S_i64(&t, "month optional", r.recur_opt[SALES_MONTH].net, 995);
	S_i64(&t, "quarter total", r.recur[SALES_QUARTER].total, 49005);
	S_i64(&t, "year total", r.recur[SALES_YEAR].total, 130680);
	S_i64(&t, "months counted", r.contract.count[SALES_MONTH], 36);
	S_i64(&t, "quarters counted", r.contract.count[SALES_QUARTER], 12);
	S_i64(&t, "years counted", r.contract.count[SALES_YEAR], 3);
	S_i64(&t, "contract net", r.contract.net, 2047500);
	S_i64(&t, "contract total", r.contract.total, 2477466);
	sales_offer_free(&r);
	/* 10 months do not hold whole quarters (the optional line counts
	 * too: the client may still take it) */
	o.term_months = 10;
	S_true(&t, "10 months with quarters refused",
	    sales_offer_compute(l, 5, &o, &r) == -1 && r.lines == NULL);
	o.term_months = 6;
	l[3].period = SALES_QUARTER;
	S_true(&t, "6 months with quarters", sales_offer_compute(l, 5, &o,
	    &r) == 0 && r.contract.count[SALES_QUARTER] == 2);
	sales_offer_free(&r);
	o.term_months = -1;
	S_true(&t, "negative term refused",
	    sales_offer_compute(l, 5, &o, &r) == -1);
	/* without a term, no contract value */
	o.term_months = 0;
	S_true(&t, "no term", sales_offer_compute(l, 5, &o, &r) == 0 &&
	    r.contract.net == 0 && r.contract.count[SALES_ONCE] == 0);
	sales_offer_free(&r);
	/* an amount off is for the one-off lines only */
	o.disc.kind = SALES_DISC_AMOUNT;
	o.disc.value = 10000;
	S_true(&t, "amount", sales_offer_compute(l, 5, &o, &r) == 0);
	S_i64(&t, "amount off one-off", r.sum.disc, 10000);
	S_i64(&t, "amount not off per month", r.recur[SALES_MONTH].disc, 0);
	sales_offer_free(&r);
	S_end(&t);
}

static void
t_offer_exclude(void)
{
	struct sales_offer_line l[4];
	struct sales_offer_opts o;
	struct sales_offer r;
	struct S_t t;

	/*
	 * Printer 3 x (499 - 25 per unit) = 1.422,00; toner 899,00 passed
	 * by; papier 109,80; koffie 49,40 at 9 %.  € 100 over 1.531,80 and
	 * 49,40: 96,8758 and 3,1242 -> 96,87 + 3,12 = 99,99, the cent to
	 * 21 %: 96,88 and 3,12.  Inside 21 %: printer 89,9356, papier 6,9443
	 * -> 89,93 + 6,94, the cent to the printer: 89,94.  VAT 2.333,92 x
	 * 21 % = 490,1232 -> 490,12; 46,28 x 9 % = 4,1652 -> 4,17.
	 */
	S_begin(&t, "offerte document discount passes excluded lines by");
	l[0] = S_line(3000, 49900, SALES_DISC_PER_UNIT, 2500, 2100, 0, 0);
	l[1] = S_line(10000, 8990, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[1].no_doc_disc = 1;
	l[2] = S_line(20000, 549, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[3] = S_line(4000, 1235, SALES_DISC_NONE, 0, 900, 0, 0);
	memset(&o, 0, sizeof(o));
	o.disc.kind = SALES_DISC_AMOUNT;
	o.disc.value = 10000;
	S_true(&t, "computes", sales_offer_compute(l, 4, &o, &r) == 0);
	S_i64(&t, "per unit gross", r.lines[0].gross, 149700);
	S_i64(&t, "per unit net", r.lines[0].net, 142200);
	S_i64(&t, "per unit disc", r.lines[0].disc, 7500);
	S_i64(&t, "printer share", r.lines[0].doc_disc, 8994);
	S_i64(&t, "toner share", r.lines[1].doc_disc, 0);
	S_i64(&t, "papier share", r.lines[2].doc_disc, 694);
	S_row(&t, &r.sum, 0, 2100, 0, 243080, 9688, 233392, 49012);
	S_row(&t, &r.sum, 1, 900, 0, 4940, 312, 4628, 417);
	S_i64(&t, "total", r.sum.total, 287449);
	S_offer_sums(&t, l, &r);
	sales_offer_free(&r);
	/* a percentage: 10 % of the lines it reaches only */
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = 1000;
	S_true(&t, "percent", sales_offer_compute(l, 4, &o, &r) == 0);
	S_i64(&t, "10 % of 1.531,80", r.sum.rows[0].disc, 15318);
	sales_offer_free(&r);
	/* an amount larger than the lines it reaches is refused, though the
	 * subtotal would cover it */
	o.disc.kind = SALES_DISC_AMOUNT;
	o.disc.value = 158121;
	S_true(&t, "amount above the reached nets",
	    sales_offer_compute(l, 4, &o, &r) == -1);
	/* every line excluded: a percentage takes nothing */
	l[0].no_doc_disc = l[2].no_doc_disc = l[3].no_doc_disc = 1;
	o.disc.kind = SALES_DISC_PERCENT;
	o.disc.value = 1000;
	S_true(&t, "all excluded", sales_offer_compute(l, 4, &o, &r) == 0 &&
	    r.sum.disc == 0);
	sales_offer_free(&r);
	/* per unit on a credit line: -2 x (10 - 1) = -18 */
	l[0] = S_line(-2000, 1000, SALES_DISC_PER_UNIT, 100, 2100, 0, 0);
	S_true(&t, "credit", sales_offer_compute(l, 1, NULL, &r) == 0 &&
	    r.lines[0].net == -1800);
	sales_offer_free(&r);
	/* a per-unit discount on the document is refused */
	o.disc.kind = SALES_DISC_PER_UNIT;
	S_true(&t, "per unit on the document",
	    sales_offer_compute(l, 1, &o, &r) == -1);
	S_end(&t);
}

static void
t_offer_kinds(void)
{
	struct sales_offer_line l[6];
	struct sales_offer r;
	struct S_t t;

	/*
	 * 21 %, verlegd, vrijgesteld, icp, export, and an alternative: a
	 * row per VAT-free kind, in enum order after the rates, none with
	 * VAT whatever vat_bp says; the alternative in no set.
	 */
	S_begin(&t, "offerte VAT-free kinds and alternatives");
	l[0] = S_line(1000, 10000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[1] = S_line(1000, 20000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[1].vat_kind = SALES_VAT_EXPORT;
	l[2] = S_line(1000, 30000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[2].vat_kind = SALES_VAT_EXEMPT;
	l[3] = S_line(1000, 40000, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[3].vat_kind = SALES_VAT_ICP;
	l[4] = S_line(1000, 50000, SALES_DISC_NONE, 0, 2100, 1, 0);
	l[5] = S_line(1000, 99999, SALES_DISC_NONE, 0, 2100, 0, 0);
	l[5].alternative = 1;
	l[5].section = 2;
	l[0].section = 2;
	S_true(&t, "computes", sales_offer_compute(l, 6, NULL, &r) == 0);
	S_i64(&t, "rows", (int64_t)r.sum.nrows, 5);
	if (r.sum.nrows == 5) {
		S_i64(&t, "row 1 reverse", r.sum.rows[1].vat_kind,
		    SALES_VAT_REVERSE);
		S_i64(&t, "row 2 exempt", r.sum.rows[2].vat_kind,
		    SALES_VAT_EXEMPT);
		S_i64(&t, "row 3 icp", r.sum.rows[3].vat_kind, SALES_VAT_ICP);
		S_i64(&t, "row 4 export", r.sum.rows[4].vat_kind,
		    SALES_VAT_EXPORT);
		S_i64(&t, "icp base", r.sum.rows[3].base, 40000);
	}
	S_i64(&t, "vat only on 21 %", r.sum.vat, 2100);
	S_i64(&t, "subtotal without the alternative", r.sum.subtotal, 150000);
	S_i64(&t, "alternative amount", r.lines[5].net, 99999);
	S_i64(&t, "sections", (int64_t)r.nsections, 2);
	S_i64(&t, "section 2 without the alternative",
	    r.sections[1].net[SALES_ONCE], 10000);
	S_i64(&t, "section 1 empty", (int64_t)r.sections[0].nlines[SALES_ONCE],
	    0);
	sales_offer_free(&r);
	l[0].vat_kind = (enum sales_vat_kind)99;
	S_true(&t, "unknown kind refused",
	    sales_offer_compute(l, 1, NULL, &r) == -1);
	S_end(&t);
}

/* A minimal offerte as xml_data.c would give it, one line with btw. */
static struct val *
S_offer_val(const char *btw, const char *klant_btw, const char *korting)
{
	struct val *d = val_map(), *v, *k, *rs, *l, *r;

	val_set_num(d, "_line", 3);
	val_set_num(d, "_col", 1);
	val_set_str(d, "nummer", "1");
	val_set_str(d, "datum", "2026-11-26");
	val_set_str(d, "geldig", "30");
	v = val_set(d, "verkoper", val_map());
	val_set_str(v, "naam", "V");
	k = val_set(d, "klant", val_map());
	val_set_str(k, "naam", "K");
	if (klant_btw != NULL)
		val_set_str(k, "btw", klant_btw);
	val_set_str(d, "inleiding", "Tekst.");
	rs = val_set(d, "regels", val_map());
	l = val_set(rs, "regel", val_list());
	r = val_at(val_map(), NULL, 9, 5);
	val_set_str(r, "aantal", "1");
	val_set_str(r, "prijs", "100");
	val_at(val_set(r, "btw", val_str(btw)), NULL, 10, 12);
	if (korting != NULL)
		val_at(val_set(r, "korting", val_str(korting)), NULL, 10, 22);
	val_set_str(r, "tekst", "Iets");
	val_push(l, r);
	return d;
}

static void
t_offer_doc_checks(void)
{
	struct diag_list *dl;
	struct val *d, *ctx;
	struct S_t t;

	S_begin(&t, "offerte icp needs the customer's VAT number");
	dl = diag_list_new();
	d = S_offer_val("icp", NULL, NULL);
	ctx = sales_context("offerte", d, "nl", "o.xml", dl);
	S_true(&t, "refused", ctx == NULL);
	S_true(&t, "one diagnostic", dl->n == 1);
	if (dl->n == 1) {
		S_i64(&t, "code", dl->v[0].code, DIAG_DATA_ICP);
		S_i64(&t, "line of btw", dl->v[0].line, 10);
		S_i64(&t, "col of btw", dl->v[0].col, 12);
	}
	val_free(d);
	diag_list_free(dl);
	dl = diag_list_new();
	d = S_offer_val("icp", "DE123456789", NULL);
	ctx = sales_context("offerte", d, "nl", "o.xml", dl);
	S_true(&t, "with the number", ctx != NULL && dl->n == 0);
	val_free(ctx);
	val_free(d);
	diag_list_free(dl);
	S_end(&t);

	S_begin(&t, "offerte bare korting shows both readings");
	dl = diag_list_new();
	d = S_offer_val("21", NULL, "7,5");
	ctx = sales_context("offerte", d, "nl", "o.xml", dl);
	S_true(&t, "refused", ctx == NULL && dl->n == 1);
	if (dl->n == 1) {
		S_str(&t, "text", dl->v[0].msg, "korting '7,5': write 7,5% "
		    "for a percentage or " EURO " 7,50 for an amount");
		S_i64(&t, "col of korting", dl->v[0].col, 22);
	}
	val_free(d);
	diag_list_free(dl);
	dl = diag_list_new();
	d = S_offer_val("21", NULL, "0");
	ctx = sales_context("offerte", d, "en", "o.xml", dl);
	S_true(&t, "a bare 0 is nothing off either way", ctx != NULL &&
	    dl->n == 0);
	val_free(ctx);
	val_free(d);
	diag_list_free(dl);
	S_end(&t);
}

/* The letter's salutation: surname without initials, a tussenvoegsel
 * capitalised when it stands first, the form from aanhef or the title. */
static void
t_salutation(void)
{
	static const struct {
		const char *name, *form, *lang, *want;
	} c[] = {
		{ "M. van Dongen", "heer", "nl", "Geachte heer Van Dongen," },
		{ "Anne de Vries", "mevrouw", "nl", "Geachte mevrouw De Vries," },
		{ "M. van Dongen", NULL, "nl", "Geachte heer, mevrouw," },
		{ NULL, NULL, "nl", "Geachte heer, mevrouw," },
		{ "J. ten Brink-de Boer", "mevrouw", "nl",
		    "Geachte mevrouw Ten Brink-de Boer," },
		{ "de heer P. van Dalen", NULL, "nl", "Geachte heer Van Dalen," },
		{ "mevrouw E. Bosman", NULL, "nl", "Geachte mevrouw Bosman," },
		{ "Van Dongen", "heer", "nl", "Geachte heer Van Dongen," },
		{ "Jan Jansen", "heer", "nl", "Geachte heer Jansen," },
		{ "M. van Dongen", "heer", "en", "Dear Mr Van Dongen," },
		{ "Ms L. Andersen", NULL, "en", "Dear Ms Andersen," },
		{ "L. Andersen", NULL, "en", "Dear Sir or Madam," },
	};
	struct S_t t;
	struct buf b = { 0 };
	size_t i;

	S_begin(&t, "salutation");
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		buf_reset(&b);
		sales_salutation(&b, c[i].name, c[i].form, c[i].lang);
		if (strcmp(buf_cstr(&b), c[i].want) != 0)
			S_fail(&t, "%s/%s: expected '%s', got '%s'",
			    c[i].name ? c[i].name : "(none)",
			    c[i].form ? c[i].form : "-", c[i].want,
			    buf_cstr(&b));
	}
	buf_reset(&b);
	sales_attention(&b, "M. van Dongen", "heer", "nl");
	if (strcmp(buf_cstr(&b), "de heer M. van Dongen") != 0)
		S_fail(&t, "attention: got '%s'", buf_cstr(&b));
	buf_free(&b);
	S_end(&t);
}

int
main(void)
{
	t_round();
	t_allocate();
	t_parse_money();
	t_parse_en();
	t_parse_qty_pct();
	t_offer_50();
	t_offer_mixed_pct();
	t_offer_mixed_amount();
	t_offer_rules();
	t_offer_errors();
	t_offer_pay();
	t_offer_recurring();
	t_offer_exclude();
	t_offer_kinds();
	t_offer_doc_checks();
	t_dates();
	t_pitch();
	t_funnel();
	t_pyramid_400();
	t_pyramid_small();
	t_clv();
	t_nps();
	t_lead();
	t_plan();
	t_fmt();
	t_salutation();
	return check_status();
}
