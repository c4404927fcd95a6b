/*
 * sales — the arithmetic of sales documents and of the course's sales
 * models: money, percentages, quantities and dates as people type them; the
 * totals of an offerte (line discounts, document discount, VAT per rate and
 * per VAT-free kind, one-off and recurring prices apart, sections,
 * alternatives, the contract value over a term) and its payment terms;
 * the elevator pitch's speaking time; the funnel worked back from a revenue
 * target; Curry's klantenpiramide; customer lifetime value; NPS; lead
 * scoring; break-even and ROI; and the nl/en notation of all of these.
 *
 * It owns the rounding rule and the units.  Everything here is a pure
 * function: no I/O, no globals, no locale.  Errors are return codes (-1);
 * nothing prints or exits.  Memory comes from xmalloc (out of memory exits,
 * see mem.h); a result that owns memory says so and has a _free function.
 *
 * Units, everywhere:
 *   money        int64_t cents (EUR): 125000 is € 1.250,00
 *   percentage   int64_t basis points, 1/100 of a percent: 21 % is 2100,
 *                5,5 % is 550, 100 % is SALES_BP (10000)
 *   quantity     int64_t thousandths: 1 is 1000, 2,5 is 2500
 *   date         struct sales_date, proleptic Gregorian, years 1..9999
 *
 * Rounding is half-up, away from zero (0,5 ct -> 1 ct, -0,5 ct -> -1 ct),
 * applied once to the exact value of a calculation, never to intermediate
 * results unless a rule below says so (VAT per rate, discount per rate).
 * Intermediate products are exact (128-bit where needed); a result that does
 * not fit int64_t is an error (-1), never a wrapped value.
 *
 * Language arguments are "nl" or "en" ("en-GB", "en_US" count as "en");
 * NULL or anything else is Dutch.
 */
#ifndef SALESGEN_SALES_H
#define SALESGEN_SALES_H

#include <stddef.h>
#include <stdint.h>

struct buf;

#define SALES_BP	10000	/* 100 % in basis points */
#define SALES_QTY_ONE	1000	/* a quantity of 1 in thousandths */

/* ---------------------------------------------------------------- rounding */

/*
 * *out = num / den rounded half-up (away from zero).  This is the rounding
 * rule of the module; everything else rounds through it or sales_muldiv().
 * Returns -1 if den == 0 or the result does not fit (INT64_MIN / -1).
 */
int	sales_round_div(int64_t num, int64_t den, int64_t *out);

/*
 * *out = a * b / den rounded half-up (away from zero), with the product
 * exact (not truncated to 64 bits first).  Returns -1 if den == 0 or the
 * result does not fit int64_t.  E.g. sales_muldiv(base, 2100, SALES_BP, &vat).
 */
int	sales_muldiv(int64_t a, int64_t b, int64_t den, int64_t *out);

/* *out = amount * bp / 10000 rounded: "bp percent of amount".  -1 on
 * overflow. */
int	sales_pct_of(int64_t amount, int64_t bp, int64_t *out);

/*
 * Splits total over n parts in proportion to weight[] so that the parts
 * sum exactly to total (largest remainder method): every part gets the
 * floor of its exact share, and the units left over go one each to the
 * parts with the largest fractional remainders, ties to the lowest index.
 * A negative total is split as its magnitude and negated, so the rule is
 * symmetric.  Weights may have mixed signs as long as their sum is not 0;
 * all-zero weights are allowed only for a total of 0.  part[] is written
 * (caller-owned, n entries).  Returns -1 on a zero weight sum with a
 * non-zero total, or on overflow; part[] is then unspecified.
 */
int	sales_allocate(int64_t total, const int64_t *weight, size_t n,
	    int64_t *part);

/* ----------------------------------------------------------------- parsing */

/*
 * What people type, with surrounding blanks (space, tab, U+00A0, U+202F).
 * One sign (-, + or U+2212 minus) and, for money, one euro sign (€ or
 * "EUR") before or after the number, in any order, blanks between allowed:
 * "€ 1.250,00", "€1250", "-€ 12,50", "€ -12,50", "12,50 €".
 *
 * The number is read by num_fixed() (num.h) in the document's language
 * lang ("nl", "en"; NULL is Dutch): in Dutch "1.250,00" and "1.250" are
 * 1250 and "1,250" is 1.25, in English "1,250.00" and "1,250" are 1250 and
 * "1.250" is 1.25.  Decimals are limited per function (a longer fraction
 * is rejected, not rounded: "1,2345" is not money).  No exponents, no
 * spaces inside the number.
 *
 * All return 0 and set *out, or -1 (and leave *out alone) on anything else,
 * including a value that does not fit int64_t.
 */

/* The notation a data document writes its numbers in, whatever its lang:
 * the vocabulary's, which is Dutch (templates/schema/salesgen.rng's types
 * accept "1.250,00" and "1.250" for 1250, not "1,250").  A document's
 * lang chooses the words and the number format on the page, not how its
 * data is written, so an English offer's "1.000" is a thousand as in a
 * Dutch one. */
#define SALES_NOTATION	"nl"

/* Money, up to 2 decimals -> cents.  "1.250,00" -> 125000, "1250,5" ->
 * 125050, "1,250.00" -> 125000, "-12,50" -> -1250 (in either language). */
int	sales_parse_money(const char *s, const char *lang, int64_t *cents);

/* Quantity, up to 3 decimals -> thousandths, no currency sign.  "2,5" ->
 * 2500 and "0.125" -> 125 in either language; "1.250" -> 1250000 in Dutch
 * and 1250 in English, "1,250" -> 1250 in Dutch and 1250000 in English. */
int	sales_parse_qty(const char *s, const char *lang, int64_t *thousandths);

/* Percentage, up to 2 decimals -> basis points, with an optional '%' after
 * the number.  "21" -> 2100, "5,5%" -> 550, "5.5 %" -> 550, "0,25%" -> 25. */
int	sales_parse_percent(const char *s, const char *lang, int64_t *bp);

/* ------------------------------------------------------------------- dates */

struct sales_date {
	int	 y, m, d;	/* 2026, 11, 26 */
};

/* Days in month m of year y (Gregorian leap years); 0 if m is not 1..12. */
int	sales_days_in_month(int y, int m);

/* 0 if y-m-d is a real date with year 1..9999, else -1. */
int	sales_date_check(int y, int m, int d);

/* ISO 8601 calendar date "YYYY-MM-DD" exactly (blanks around allowed),
 * checked: "2026-02-29" is rejected.  0 or -1. */
int	sales_parse_date(const char *s, struct sales_date *out);

/* *out = from + days (days may be negative), e.g. an offerte's validity
 * date.  -1 if from is not a valid date or the result leaves 1..9999. */
int	sales_date_add(struct sales_date from, long days,
	    struct sales_date *out);

/* *days = to - from in days.  -1 if either is not a valid date. */
int	sales_date_diff(struct sales_date from, struct sales_date to,
	    long *days);

/* ----------------------------------------------------------------- offerte */

enum sales_disc_kind {
	SALES_DISC_NONE,
	SALES_DISC_PERCENT,	/* value: basis points, 0..10000 */
	SALES_DISC_AMOUNT,	/* value: cents >= 0, off the line total (not
				   per unit) or off the document total */
	SALES_DISC_PER_UNIT	/* value: cents >= 0 off every unit's price
				   (lines only): qty * (price - value) */
};

struct sales_disc {
	enum sales_disc_kind	 kind;
	int64_t			 value;
};

enum sales_vat_mode {
	/* VAT computed once per rate on the rate's base (the usual rule on
	 * an invoice total): the default, a zeroed options struct. */
	SALES_VAT_PER_RATE,
	/* VAT rounded per line, then summed per rate. */
	SALES_VAT_PER_LINE
};

/*
 * What VAT a line bears.  Every kind but SALES_VAT_RATE charges no VAT
 * (vat_bp is ignored) and forms a row of its own, shown after the rates in
 * this order, because the document must name the legal ground for each.
 */
enum sales_vat_kind {
	SALES_VAT_RATE,		/* vat_bp */
	SALES_VAT_REVERSE,	/* verlegd: the customer accounts for it */
	SALES_VAT_EXEMPT,	/* vrijgesteld (art. 11 Wet OB 1968) */
	SALES_VAT_ICP,		/* intracommunautaire levering, 0 % */
	SALES_VAT_EXPORT	/* export outside the EU, 0 % */
};

/* How often a line's price is charged.  Each period is totalled on its
 * own; SALES_ONCE is the offerte as it always was. */
enum sales_period {
	SALES_ONCE,
	SALES_MONTH,
	SALES_QUARTER,
	SALES_YEAR,
	SALES_NPERIODS
};

/* Months in a period: 0, 1, 3, 12. */
int	sales_period_months(enum sales_period);

/* One line of an offerte, as entered.  A zeroed line is one unit at 0,00,
 * 0 % VAT, charged once. */
struct sales_offer_line {
	int64_t			 qty;	/* thousandths; negative for a
					   credit or trade-in line */
	int64_t			 price;	/* unit price excl. VAT, cents */
	struct sales_disc	 disc;	/* line discount */
	int64_t			 vat_bp; /* 2100, 900, 0; 0..10000 */
	enum sales_vat_kind	 vat_kind; /* not SALES_VAT_RATE: vat_bp is
					   ignored */
	int			 optional; /* shown with its price, outside
					   the totals */
	int			 alternative; /* an alternative not chosen:
					   shown with its price, outside
					   every total (optional ones too) */
	int			 no_doc_disc; /* the document discount passes
					   this line by */
	enum sales_period	 period;
	size_t			 section; /* 0: none; k: subtotalled with
					   the other lines of section k */
};

struct sales_offer_opts {
	enum sales_vat_mode	 vat_mode;
	struct sales_disc	 disc;	/* document discount (not per unit):
					   a percentage applies to every
					   period, an amount to the one-off
					   lines only */
	int			 term_months; /* contract term; 0: none.  A
					   multiple of every period used */
};

/* The computed amounts of one line, in input order. */
struct sales_line_total {
	int64_t		 gross;		/* qty * price, rounded */
	int64_t		 disc;		/* gross - net: the line discount as
					   shown */
	int64_t		 net;		/* qty * price - line discount, exact,
					   rounded once */
	int64_t		 doc_disc;	/* this line's part of its rate's
					   document discount (0 on optional,
					   alternative and excluded lines) */
	int64_t		 base;		/* net - doc_disc */
	int64_t		 vat;		/* VAT on base, rounded on its own:
					   set in SALES_VAT_PER_LINE mode
					   only, else 0 */
	size_t		 row;		/* index into the rows of the line's
					   set (sum, opt, recur[period] or
					   recur_opt[period]); 0 on an
					   alternative */
};

/* One VAT row of a set of lines. */
struct sales_vat_row {
	int64_t			 rate_bp; /* 0 unless vat_kind is a rate */
	enum sales_vat_kind	 vat_kind; /* not SALES_VAT_RATE: vat is 0 */
	int64_t			 net;	/* sum of the line nets */
	int64_t			 disc;	/* document discount on this rate */
	int64_t			 base;	/* net - disc: the VAT base */
	int64_t			 vat;
};

struct sales_offer_sum {
	struct sales_vat_row	*rows;	/* owned; rates descending, then
					   the VAT-free kinds in enum
					   order */
	size_t			 nrows;
	size_t			 nlines; /* lines in the set */
	int64_t			 subtotal; /* sum of line nets (after line
					   discounts) */
	int64_t			 disc;	/* document discount */
	int64_t			 net;	/* subtotal - disc: total excl. VAT */
	int64_t			 vat;	/* sum of the rows' VAT */
	int64_t			 total;	/* net + vat: total incl. VAT */
};

/* A section's subtotal: the nets (after line discounts, before the
 * document discount) of its lines in the totals, per period. */
struct sales_section_total {
	int64_t		 net[SALES_NPERIODS];
	size_t		 nlines[SALES_NPERIODS];
};

/* The value of the contract over its term (opts.term_months > 0). */
struct sales_contract {
	int64_t		 count[SALES_NPERIODS]; /* periods in the term; 1 for
					   SALES_ONCE */
	int64_t		 net;		/* sum of set net * count */
	int64_t		 total;		/* sum of set total * count */
};

struct sales_offer {
	struct sales_line_total	*lines;	/* owned, one per input line */
	size_t			 nlines;
	struct sales_offer_sum	 sum;	/* the offerte: one-off lines, not
					   optional */
	struct sales_offer_sum	 opt;	/* optional one-off lines on their
					   own, same VAT mode, no document
					   discount */
	struct sales_offer_sum	 recur[SALES_NPERIODS]; /* recurring lines
					   per period, as sum; [SALES_ONCE]
					   stays empty */
	struct sales_offer_sum	 recur_opt[SALES_NPERIODS]; /* optional
					   recurring lines, as opt */
	struct sales_section_total *sections; /* owned; [k - 1] for
					   section k */
	size_t			 nsections; /* the largest section number */
	struct sales_contract	 contract; /* zero without a term */
};

/*
 * Computes an offerte in this order: line discounts, document discount,
 * VAT.  The lines fall into sets that are totalled on their own: per
 * period (once, per month, quarter, year), the optional lines apart from
 * the others; alternatives not chosen are in no set.
 *
 * Line: net = qty * price - discount, computed exactly and rounded once: a
 * percent discount takes bp of qty * price, an amount discount is taken off
 * the line total (it may exceed it: the net goes negative), a per-unit
 * discount is qty * value off (qty * (price - value)).
 *
 * Document discount (non-optional lines without no_doc_disc only; a
 * percentage in every period's set, an amount in the one-off set): a
 * percentage is taken of each rate's net of those lines and rounded per
 * rate, so the document discount is the sum of those and may differ by a
 * cent from the percentage of the subtotal; an amount is split over the
 * rates in proportion to those nets by sales_allocate(), so the parts add
 * up to exactly the amount.  An amount needs a positive net of those lines
 * and may not exceed it.  Each rate's discount is then split over that
 * rate's lines in proportion to their nets, again by sales_allocate()
 * (line doc_disc), in both VAT modes.
 *
 * VAT: SALES_VAT_PER_RATE: round(base * rate) once per rate.
 * SALES_VAT_PER_LINE: round(line base * rate) per line, summed per rate.
 * Lines of a VAT-free kind form one row per kind with VAT 0.  Rows appear
 * only for rates and kinds that have lines.
 *
 * Sections: per section and period, the sum of the nets of the lines
 * in the totals (not optional, not alternatives).
 *
 * Contract (term_months > 0): each period's set counts term / months
 * times, the one-off set once; term_months must be a multiple of the
 * months of every period that has lines, optional ones included.
 *
 * Limits: qty * price must fit int64_t in thousandths of a cent (a line
 * of up to about € 9.2 x 10^13), and every sum must fit int64_t cents.
 *
 * Returns 0 and fills *out (free it with sales_offer_free()), or -1 with
 * *out zeroed (nothing to free) on a bad discount, rate, kind or period,
 * a term that is negative or not a whole number of a period used, or an
 * amount that does not fit int64_t.  n may be 0; opts NULL means a zeroed
 * struct (VAT per rate, no document discount, no term).
 */
int	sales_offer_compute(const struct sales_offer_line *lines, size_t n,
	    const struct sales_offer_opts *opts, struct sales_offer *out);
/* Frees what sales_offer_compute() allocated and zeroes *o; NULL is fine. */
void	sales_offer_free(struct sales_offer *o);

/* ------------------------------------------------------- payment terms */

struct sales_pay_terms {
	int64_t		 deposit_bp;	/* aanbetaling: 0..10000 */
	int64_t		 early_bp;	/* betalingskorting: 0..10000 */
};

struct sales_pay {
	int64_t		 deposit;	/* round(base * deposit_bp) */
	int64_t		 rest;		/* base - deposit */
	int64_t		 early;		/* round(base * early_bp) */
	int64_t		 early_pay;	/* base - early: paid within the
					   early-payment days */
};

/*
 * The amounts of the payment terms over base (the one-off total including
 * VAT, what the first invoice asks): each percentage of base rounded once,
 * half-up, and the rest so that deposit + rest and early + early_pay are
 * exactly base.  -1 on a percentage outside 0..10000 or overflow.
 */
int	sales_pay_compute(int64_t base, const struct sales_pay_terms *t,
	    struct sales_pay *out);

/* --------------------------------------------------------- elevator pitch */

#define SALES_PITCH_WPM		130	/* default speaking rate, words/min */
#define SALES_PITCH_MAX_SECONDS	60	/* longer than this is flagged */

/*
 * Words in UTF-8 text: maximal runs of letters and digits.  Non-ASCII code
 * points count as letters except the punctuation, symbol and space blocks
 * (Latin-1 punctuation, U+2000-U+2BFF, U+2E00-U+2E7F, U+3000-U+303F,
 * fullwidth punctuation, private use, emoji); invalid UTF-8 separates words.
 * So that a word reads as one: an apostrophe (' or U+2019) or hyphen
 * (- or U+2010, U+2011, soft hyphen U+00AD) between two word characters
 * joins them ("auto's", "zo'n", "e-mail", "B2B-sales"), and '.' or ','
 * between two digits joins them ("1.250,00").  Reads at most len bytes;
 * stops at a NUL.
 */
size_t	sales_word_count(const char *s, size_t len);

/* *seconds = words * 60 / wpm rounded half-up; wpm 0 means
 * SALES_PITCH_WPM.  -1 if wpm < 0. */
int	sales_speaking_seconds(size_t words, int wpm, int64_t *seconds);

struct sales_pitch {
	size_t		 words;
	int64_t		 seconds;	/* rounded, as shown */
	int		 too_long;	/* seconds > SALES_PITCH_MAX_SECONDS,
					   on the rounded value so the flag
					   agrees with what is shown */
};

/* Counts the words of text[0..len) and times them at wpm (0: default).
 * 0 or -1 (wpm < 0). */
int	sales_pitch(const char *text, size_t len, int wpm,
	    struct sales_pitch *out);

/* ----------------------------------------------------------------- funnel */

/* The stages in curriculum order. */
enum sales_stage {
	SALES_LEAD,
	SALES_SUSPECT,
	SALES_PROSPECT,
	SALES_HOT,		/* hot prospect */
	SALES_KLANT,
	SALES_NSTAGES
};

struct sales_funnel {
	int64_t		 count[SALES_NSTAGES];	/* needed per stage */
	int64_t		 revenue;	/* count[SALES_KLANT] * avg_order:
					   >= the target */
};

/*
 * Works the funnel back from a revenue target (cents) and an average order
 * (cents): klanten = ceil(target / avg_order), then every earlier stage =
 * ceil(next stage * 10000 / conv_bp[stage]), in exact integers.
 * conv_bp[i] is the conversion from stage i to stage i + 1 (lead->suspect,
 * suspect->prospect, prospect->hot, hot->klant), each 1..10000.  Returns -1
 * on target < 0, avg_order <= 0, a rate out of range or overflow.
 */
int	sales_funnel_back(int64_t target, int64_t avg_order,
	    const int64_t conv_bp[SALES_NSTAGES - 1], struct sales_funnel *out);

/* ------------------------------------------------------- klantenpiramide */

enum sales_level {
	SALES_TOP,		/* top 1 % */
	SALES_GROOT,		/* next 4 % */
	SALES_MIDDEL,		/* middelgroot, next 15 % */
	SALES_KLEIN,		/* klein, the other 80 % */
	SALES_NLEVELS
};

struct sales_level_row {
	size_t		 count;		/* customers on this level */
	size_t		 first;		/* their position in rank[] */
	int64_t		 revenue;	/* their revenue, cents */
	int64_t		 share_bp;	/* of the total revenue; the four sum
					   to 10000 (largest remainder), or
					   all 0 with no revenue */
	int64_t		 hi, lo;	/* largest and smallest revenue on the
					   level; 0 when empty */
};

struct sales_pyramid {
	struct sales_level_row	 level[SALES_NLEVELS];
	size_t			 active;	/* customers with revenue */
	size_t			 inactive;	/* passed in + zero revenues */
	size_t			 prospects, suspects;	/* passed in */
	int64_t			 revenue;	/* total of the active */
	size_t			*rank;	/* owned, active entries: input
					   indices by revenue descending,
					   ties in input order */
};

/*
 * Curry's pyramid from the 12-month revenues (cents) of n customers.  An
 * entry of 0 is an inactive customer (added to inactive); a negative one
 * is an error.  The active are ranked by revenue, descending.
 *
 * Level sizes, for a active customers and cumulative shares c1, c2, c3
 * (cum_bp; NULL is Curry's 100, 500, 2000: 1 %, 5 %, 20 %):
 *   b1 = min(a, max(round(a * c1), 1))
 *   b2 = min(a, max(round(a * c2), b1 + 1))
 *   b3 = min(a, max(round(a * c3), b2 + 1))
 *   top = b1, groot = b2 - b1, middelgroot = b3 - b2, klein = a - b3,
 * rounding half-up.  So the levels always sum to a, each boundary grows
 * with a (monotone), from 4 customers on every level has at least one
 * (10 customers: 1/1/1/7; 25: 1/1/3/20; 400: 4/16/60/320), and below 4 the
 * levels fill from the top, one each (1: 1/0/0/0; 3: 1/1/1/0).
 *
 * Returns 0 (free with sales_pyramid_free()) or -1 with *out zeroed on a
 * negative revenue, cum_bp not rising within 0..10000, or overflow.
 */
int	sales_pyramid_compute(const int64_t *revenue, size_t n,
	    size_t inactive, size_t prospects, size_t suspects,
	    const int64_t cum_bp[3], struct sales_pyramid *out);
/* The boundaries b1, b2, b3 above for a active customers. */
void	sales_pyramid_bounds(size_t active, const int64_t cum_bp[3],
	    size_t bound[3]);
/* Frees rank and zeroes *p; NULL is fine. */
void	sales_pyramid_free(struct sales_pyramid *p);

/* ------------------------------------------------------------------- CLV */

/*
 * Simple CLV: avg_order * orders per year * years * margin, exact and
 * rounded once.  orders_milli is orders per year in thousandths (2,5 a
 * year is 2500); margin_bp is SALES_BP when no margin is known (the
 * revenue value).  -1 on negative years or orders, or overflow.
 */
int	sales_clv_simple(int64_t avg_order, int64_t orders_milli, int years,
	    int64_t margin_bp, int64_t *out);

#define SALES_CLV_MAX_YEARS	100

struct sales_clv_year {
	int		 year;		/* t, from 1 */
	int64_t		 retained_bp;	/* r^(t-1): share still a customer */
	int64_t		 margin;	/* expected margin m * r^(t-1) */
	int64_t		 value;		/* m * r^(t-1) / (1 + d)^t */
	int64_t		 cum;		/* sum of the values so far */
};

struct sales_clv {
	int			 years;
	struct sales_clv_year	 year[SALES_CLV_MAX_YEARS];
	int64_t			 gross;	/* sum of the values */
	int64_t			 acquisition;
	int64_t			 clv;	/* gross - acquisition */
};

/*
 * Discounted CLV over years T: sum over t = 1..T of m * r^(t-1) / (1+d)^t,
 * minus the acquisition cost; m = yearly margin (cents), r = retention
 * (bp, 0..10000), d = discount rate (bp, >= 0).  The sum is taken in long
 * double and rounded to cents only at the end (gross, clv, cum); each row's
 * margin and value are rounded on their own for a table, so they may not
 * add up to gross by a cent.  -1 on years outside 1..SALES_CLV_MAX_YEARS,
 * rates out of range, or a result that does not fit.
 */
int	sales_clv_discounted(int64_t margin, int64_t retention_bp,
	    int64_t discount_bp, int years, int64_t acquisition,
	    struct sales_clv *out);

/*
 * Infinite-horizon CLV (Gupta & Lehmann): m * r / (1 + d - r), exact and
 * rounded once, without acquisition cost.  Note this formula retains from
 * year one (sum of m * r^t / (1+d)^t); the limit of sales_clv_discounted()'s
 * sum, which counts year one in full, is m / (1 + d - r), i.e. this value
 * divided by r.  -1 when 1 + d - r <= 0 or on overflow.
 */
int	sales_clv_infinite(int64_t margin, int64_t retention_bp,
	    int64_t discount_bp, int64_t *out);

/* -------------------------------------------------------------------- NPS */

struct sales_nps {
	int64_t		 dist[11];	/* answers per score 0..10 */
	int64_t		 n;
	int64_t		 promoters;	/* 9-10 */
	int64_t		 passives;	/* 7-8 */
	int64_t		 detractors;	/* 0-6 */
	int64_t		 promoters_bp, passives_bp, detractors_bp;
					/* shares of n, summing to 10000
					   (largest remainder) */
	int64_t		 nps_bp;	/* (P - D) * 10000 / n rounded, in
					   hundredths of a point: -10000..10000;
					   exact, so not always promoters_bp -
					   detractors_bp */
	int		 nps;		/* (P - D) * 100 / n rounded:
					   -100..100 */
};

/* NPS from n scores 0..10.  -1 on n == 0 or a score out of range. */
int	sales_nps_scores(const int *scores, size_t n, struct sales_nps *out);
/* NPS from the counts per score (dist[0..10]).  -1 on a negative count or
 * no answers. */
int	sales_nps_dist(const int64_t dist[11], struct sales_nps *out);
/* NPS from the three group counts only (dist is left 0).  -1 on a negative
 * count or no answers. */
int	sales_nps_groups(int64_t promoters, int64_t passives,
	    int64_t detractors, struct sales_nps *out);

/* ----------------------------------------------------------- lead scoring */

enum sales_lead_kind {
	SALES_LEAD_FIT,		/* explicit: who they are (role, sector) */
	SALES_LEAD_BEHAVIOUR	/* implicit: what they did (visits, demo) */
};

enum sales_lead_class {
	SALES_LEAD_COLD,
	SALES_LEAD_MQL,		/* marketing qualified */
	SALES_LEAD_SQL		/* sales qualified */
};

#define SALES_LEAD_MQL_DEFAULT	50
#define SALES_LEAD_SQL_DEFAULT	100

/* One scoring rule that applies to the lead; points may be negative. */
struct sales_lead_points {
	enum sales_lead_kind	 kind;
	int64_t			 points;
};

struct sales_lead_score {
	int64_t			 fit, behaviour, total;
	enum sales_lead_class	 cls;	/* total >= sql: SQL, else total >=
					   mql: MQL, else cold */
};

/* Sums the points of n rules and classifies.  -1 if mql > sql, on an
 * unknown kind or overflow. */
int	sales_lead_score(const struct sales_lead_points *p, size_t n,
	    int64_t mql, int64_t sql, struct sales_lead_score *out);

/* ------------------------------------------------------------ verkoopplan */

struct sales_break_even {
	int64_t		 units;		/* ceil(fixed / contribution) */
	int64_t		 contribution;	/* price - variable, per unit */
	int64_t		 cm_ratio_bp;	/* contribution / price, rounded */
	int64_t		 revenue;	/* units * price */
};

/* Break-even from fixed costs, price and variable cost per unit (cents).
 * -1 if price <= variable, fixed < 0, variable < 0, or overflow. */
int	sales_break_even(int64_t fixed, int64_t price, int64_t variable,
	    struct sales_break_even *out);

/* *bp = (ret - investment) / investment in basis points, rounded: ROI of a
 * campaign that brings ret for investment.  -1 if investment <= 0 or on
 * overflow. */
int	sales_roi(int64_t ret, int64_t investment, int64_t *bp);

/* ------------------------------------------------------------- formatting */

/*
 * Appends to b.  Dutch uses '.' for thousands and ',' for decimals and a
 * no-break space (U+00A0) after € and before %; English uses ',' and '.',
 * and no spaces.
 */

/* nl "€ 1.250,00", "€ -12,50"; en "€1,250.00", "-€12.50". */
void	sales_fmt_money(struct buf *b, int64_t cents, const char *lang);
/* The amount without the euro sign, for a column headed "€":
 * nl "1.250,00", "-12,50"; en "1,250.00". */
void	sales_fmt_amount(struct buf *b, int64_t cents, const char *lang);
/* Percentage rounded half-up to at most decimals (0..2, clamped) decimals,
 * trailing zeros dropped: 2100 -> nl "21 %", en "21%"; 550 -> "5,5 %",
 * "5.5%"; 1255 with 1 -> "12,6 %". */
void	sales_fmt_pct(struct buf *b, int64_t bp, const char *lang,
	    int decimals);
/* Integer with thousands separators: nl "2.459", en "2,459". */
void	sales_fmt_int(struct buf *b, int64_t n, const char *lang);
/* Quantity (thousandths), up to 3 decimals, trailing zeros dropped:
 * 2500 -> nl "2,5", en "2.5"; 1250000 -> "1.250". */
void	sales_fmt_qty(struct buf *b, int64_t thousandths, const char *lang);
/* nl "26 november 2026", en "26 November 2026".  -1 (nothing appended) on
 * an invalid date. */
int	sales_fmt_date(struct buf *b, int y, int m, int d, const char *lang);

/* A letter's salutation, with its comma, for a contact's name as written
 * ("M. van Dongen", "Anne de Vries", "Ms L. Andersen") and form ("heer",
 * "mevrouw", or NULL/"" when unknown; a title in the name, such as "Mr",
 * "Ms", "dhr.", "mevr.", tells it too).  The surname stands without
 * initials and first names, and then a Dutch tussenvoegsel takes a
 * capital: nl "Geachte heer Van Dongen,", "Geachte mevrouw De Vries,",
 * unknown "Geachte heer, mevrouw,"; en "Dear Mr Van Dongen,", "Dear Ms De
 * Vries,", "Dear Sir or Madam,".  sales_attention() appends the address
 * block's form of the name: nl "de heer M. van Dongen", "mevrouw A. de
 * Vries", en "Mr M. van Dongen"; the name alone when the form is unknown. */
void	sales_salutation(struct buf *b, const char *name, const char *form,
	    const char *lang);
void	sales_attention(struct buf *b, const char *name, const char *form,
	    const char *lang);

#endif
