/*
 * sales_offer — the totals of an offerte: line discounts, the document
 * discount split exactly over VAT rates and lines, VAT per rate or per line,
 * each period's lines on their own, section subtotals, the contract value
 * and the payment terms (see sales.h).  Every amount goes through sales_muldiv() or
 * sales_round_div(), so the rounding rule stays in sales.c; sums and
 * differences are checked for overflow here.
 */
#include "sales.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int
S_add(int64_t *acc, int64_t v)
{
	return __builtin_add_overflow(*acc, v, acc) ? -1 : 0;
}

static int
S_sub(int64_t a, int64_t b, int64_t *out)
{
	return __builtin_sub_overflow(a, b, out) ? -1 : 0;
}

static int
S_disc_ok(const struct sales_disc *d, int line)
{
	switch (d->kind) {
	case SALES_DISC_NONE:
		return 1;
	case SALES_DISC_PERCENT:
		return d->value >= 0 && d->value <= SALES_BP;
	case SALES_DISC_AMOUNT:
		return d->value >= 0;
	case SALES_DISC_PER_UNIT:
		return line && d->value >= 0;
	}
	return 0;
}

int
sales_period_months(enum sales_period p)
{
	static const int months[SALES_NPERIODS] = { 0, 1, 3, 12 };

	return (unsigned)p < SALES_NPERIODS ? months[p] : 0;
}

/*
 * The sets a line can fall in: period * 2 + optional, so 0 is the offerte
 * as it always was and 1 its optional lines; -1 for an alternative not
 * chosen, which is in no total at all.
 */
#define NSETS	(SALES_NPERIODS * 2)

static int
S_set_of(const struct sales_offer_line *l)
{
	return l->alternative ? -1 : (int)l->period * 2 + !!l->optional;
}

static struct sales_offer_sum *
S_set(struct sales_offer *o, int set)
{
	int p = set / 2;

	if (p == SALES_ONCE)
		return set % 2 ? &o->opt : &o->sum;
	return set % 2 ? &o->recur_opt[p] : &o->recur[p];
}

/*
 * Gross and net of one line.  qty * price is in thousandths of a cent, so
 * every discount is applied to that exact value and rounded once.
 */
static int
S_line(const struct sales_offer_line *l, struct sales_line_total *t)
{
	int64_t milli, a;

	if (__builtin_mul_overflow(l->qty, l->price, &milli) ||
	    sales_round_div(milli, SALES_QTY_ONE, &t->gross) == -1)
		return -1;
	switch (l->disc.kind) {
	case SALES_DISC_NONE:
		t->net = t->gross;
		break;
	case SALES_DISC_PERCENT:
		if (sales_muldiv(milli, SALES_BP - l->disc.value,
		    (int64_t)SALES_QTY_ONE * SALES_BP, &t->net) == -1)
			return -1;
		break;
	case SALES_DISC_AMOUNT:
		if (__builtin_mul_overflow(l->disc.value, SALES_QTY_ONE, &a) ||
		    S_sub(milli, a, &a) == -1 ||
		    sales_round_div(a, SALES_QTY_ONE, &t->net) == -1)
			return -1;
		break;
	case SALES_DISC_PER_UNIT:
		/* qty * value comes off, in the same thousandths */
		if (__builtin_mul_overflow(l->qty, l->disc.value, &a) ||
		    S_sub(milli, a, &a) == -1 ||
		    sales_round_div(a, SALES_QTY_ONE, &t->net) == -1)
			return -1;
		break;
	}
	return S_sub(t->gross, t->net, &t->disc);
}

/* Rates descending, then the VAT-free kinds in enum order. */
static int
S_row_cmp(const void *a, const void *b)
{
	const struct sales_vat_row *x = a, *y = b;

	if (x->vat_kind != y->vat_kind)
		return (int)x->vat_kind - (int)y->vat_kind;
	return x->rate_bp > y->rate_bp ? -1 : x->rate_bp < y->rate_bp;
}

static size_t
S_row_find(const struct sales_offer_sum *s, const struct sales_offer_line *l)
{
	int64_t rate = l->vat_kind != SALES_VAT_RATE ? 0 : l->vat_bp;
	size_t i;

	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].vat_kind == l->vat_kind &&
		    s->rows[i].rate_bp == rate)
			break;
	return i;
}

/* The rows of the lines in set, sorted; every such line's row index set. */
static void
S_rows(const struct sales_offer_line *in, size_t n, int set,
    struct sales_line_total *lt, struct sales_offer_sum *s)
{
	size_t i, r;

	s->rows = xcalloc(n > 0 ? n : 1, sizeof(*s->rows));
	for (i = 0; i < n; i++) {
		if (S_set_of(&in[i]) != set)
			continue;
		s->nlines++;
		if ((r = S_row_find(s, &in[i])) == s->nrows) {
			s->rows[r].vat_kind = in[i].vat_kind;
			s->rows[r].rate_bp = in[i].vat_kind != SALES_VAT_RATE ?
			    0 : in[i].vat_bp;
			s->nrows++;
		}
	}
	qsort(s->rows, s->nrows, sizeof(*s->rows), S_row_cmp);
	for (i = 0; i < n; i++)
		if (S_set_of(&in[i]) == set)
			lt[i].row = S_row_find(s, &in[i]);
}

/* Whether the document discount reaches line i of set. */
static int
S_disc_line(const struct sales_offer_line *l, int set)
{
	return S_set_of(l) == set && !l->no_doc_disc;
}

/*
 * Splits each row's document discount over the row's discounted lines in
 * proportion to their nets, so line bases add up to the row base exactly.
 */
static int
S_split_rows(const struct sales_offer_line *in, size_t n, int set,
    struct sales_line_total *lt, const struct sales_offer_sum *s)
{
	int64_t *w, *part;
	size_t *idx, r, i, k;
	int rc = 0;

	w = xmalloc((n > 0 ? n : 1) * sizeof(*w));
	part = xmalloc((n > 0 ? n : 1) * sizeof(*part));
	idx = xmalloc((n > 0 ? n : 1) * sizeof(*idx));
	for (r = 0; r < s->nrows && rc == 0; r++) {
		for (i = k = 0; i < n; i++)
			if (S_disc_line(&in[i], set) && lt[i].row == r) {
				idx[k] = i;
				w[k++] = lt[i].net;
			}
		if ((rc = sales_allocate(s->rows[r].disc, w, k, part)) == 0)
			for (i = 0; i < k; i++)
				lt[idx[i]].doc_disc = part[i];
	}
	free(w);
	free(part);
	free(idx);
	return rc;
}

/*
 * The document discount per row of a set: of each rate's net of the lines
 * the discount reaches (dnet[], one per row).
 */
static int
S_doc_disc(const struct sales_disc *d, const int64_t *dnet,
    struct sales_offer_sum *s)
{
	int64_t *part, sum = 0;
	size_t r;
	int rc = 0;

	switch (d->kind) {
	case SALES_DISC_NONE:
	case SALES_DISC_PER_UNIT:
		return 0;
	case SALES_DISC_PERCENT:
		for (r = 0; r < s->nrows; r++)
			if (sales_pct_of(dnet[r], d->value,
			    &s->rows[r].disc) == -1)
				return -1;
		return 0;
	case SALES_DISC_AMOUNT:
		break;
	}
	if (d->value == 0)
		return 0;
	for (r = 0; r < s->nrows; r++)
		if (S_add(&sum, dnet[r]) == -1)
			return -1;
	if (sum <= 0 || d->value > sum)
		return -1;
	part = xmalloc(s->nrows * sizeof(*part));
	if ((rc = sales_allocate(d->value, dnet, s->nrows, part)) == 0)
		for (r = 0; r < s->nrows; r++)
			s->rows[r].disc = part[r];
	free(part);
	return rc;
}

/* One set of lines: rows, discount, VAT, totals. */
static int
S_sum(const struct sales_offer_line *in, size_t n, int set,
    const struct sales_offer_opts *o, struct sales_line_total *lt,
    struct sales_offer_sum *s)
{
	static const struct sales_disc none = { SALES_DISC_NONE, 0 };
	const struct sales_disc *d = &none;
	struct sales_vat_row *row;
	int64_t *dnet;
	size_t i, r;
	int rc;

	S_rows(in, n, set, lt, s);
	dnet = xcalloc(s->nrows > 0 ? s->nrows : 1, sizeof(*dnet));
	for (i = 0; i < n; i++) {
		if (S_set_of(&in[i]) != set)
			continue;
		if (S_add(&s->rows[lt[i].row].net, lt[i].net) == -1 ||
		    (!in[i].no_doc_disc &&
		    S_add(&dnet[lt[i].row], lt[i].net) == -1)) {
			free(dnet);
			return -1;
		}
	}
	/* the optional sets take no document discount; an amount is for
	 * the one-off lines only */
	if (set % 2 == 0 && (o->disc.kind == SALES_DISC_PERCENT ||
	    set == SALES_ONCE * 2))
		d = &o->disc;
	rc = S_doc_disc(d, dnet, s);
	free(dnet);
	if (rc == -1)
		return -1;
	for (r = 0; r < s->nrows; r++)
		if (S_add(&s->subtotal, s->rows[r].net) == -1)
			return -1;
	if (set % 2 == 0 && S_split_rows(in, n, set, lt, s) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (S_set_of(&in[i]) != set)
			continue;
		row = &s->rows[lt[i].row];
		if (S_sub(lt[i].net, lt[i].doc_disc, &lt[i].base) == -1)
			return -1;
		if (o->vat_mode == SALES_VAT_PER_LINE &&
		    row->vat_kind == SALES_VAT_RATE &&
		    (sales_pct_of(lt[i].base, row->rate_bp, &lt[i].vat) == -1 ||
		    S_add(&row->vat, lt[i].vat) == -1))
			return -1;
	}
	for (r = 0; r < s->nrows; r++) {
		row = &s->rows[r];
		if (S_sub(row->net, row->disc, &row->base) == -1 ||
		    S_add(&s->disc, row->disc) == -1)
			return -1;
		if (o->vat_mode == SALES_VAT_PER_RATE &&
		    row->vat_kind == SALES_VAT_RATE &&
		    sales_pct_of(row->base, row->rate_bp, &row->vat) == -1)
			return -1;
		if (S_add(&s->vat, row->vat) == -1)
			return -1;
	}
	if (S_sub(s->subtotal, s->disc, &s->net) == -1)
		return -1;
	s->total = s->net;
	return S_add(&s->total, s->vat);
}

/* Section subtotals: per section and period, the nets in the totals. */
static int
S_sections(const struct sales_offer_line *in, size_t n, struct sales_offer *o)
{
	struct sales_section_total *st;
	size_t i;

	for (i = 0; i < n; i++)
		if (in[i].section > o->nsections)
			o->nsections = in[i].section;
	o->sections = xcalloc(o->nsections > 0 ? o->nsections : 1,
	    sizeof(*o->sections));
	for (i = 0; i < n; i++) {
		if (in[i].section == 0 || in[i].optional || in[i].alternative)
			continue;
		st = &o->sections[in[i].section - 1];
		if (S_add(&st->net[in[i].period], o->lines[i].net) == -1)
			return -1;
		st->nlines[in[i].period]++;
	}
	return 0;
}

/* The value over the term: every set of the totals times its count. */
static int
S_contract(const struct sales_offer_line *in, size_t n, int term,
    struct sales_offer *o)
{
	struct sales_contract *c = &o->contract;
	const struct sales_offer_sum *s;
	int64_t v;
	size_t i;
	int p, m;

	if (term < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (term > 0 && !in[i].alternative && in[i].period != SALES_ONCE &&
		    term % sales_period_months(in[i].period) != 0)
			return -1;
	if (term == 0)
		return 0;
	for (p = 0; p < SALES_NPERIODS; p++) {
		m = sales_period_months((enum sales_period)p);
		c->count[p] = p == SALES_ONCE ? 1 : term / m;
		s = p == SALES_ONCE ? &o->sum : &o->recur[p];
		if (__builtin_mul_overflow(s->net, c->count[p], &v) ||
		    S_add(&c->net, v) == -1 ||
		    __builtin_mul_overflow(s->total, c->count[p], &v) ||
		    S_add(&c->total, v) == -1)
			return -1;
	}
	return 0;
}

int
sales_offer_compute(const struct sales_offer_line *lines, size_t n,
    const struct sales_offer_opts *opts, struct sales_offer *out)
{
	static const struct sales_offer_opts defaults;
	const struct sales_offer_opts *o = opts != NULL ? opts : &defaults;
	size_t i;
	int set;

	memset(out, 0, sizeof(*out));
	if (!S_disc_ok(&o->disc, 0) || (o->vat_mode != SALES_VAT_PER_RATE &&
	    o->vat_mode != SALES_VAT_PER_LINE))
		return -1;
	for (i = 0; i < n; i++)
		if (!S_disc_ok(&lines[i].disc, 1) ||
		    (unsigned)lines[i].vat_kind > SALES_VAT_EXPORT ||
		    (unsigned)lines[i].period >= SALES_NPERIODS ||
		    (lines[i].vat_kind == SALES_VAT_RATE &&
		    (lines[i].vat_bp < 0 || lines[i].vat_bp > SALES_BP)))
			return -1;
	out->lines = xcalloc(n > 0 ? n : 1, sizeof(*out->lines));
	out->nlines = n;
	for (i = 0; i < n; i++)
		if (S_line(&lines[i], &out->lines[i]) == -1)
			goto fail;
	for (set = 0; set < NSETS; set++)
		if (S_sum(lines, n, set, o, out->lines, S_set(out, set)) == -1)
			goto fail;
	if (S_sections(lines, n, out) == -1 ||
	    S_contract(lines, n, o->term_months, out) == -1)
		goto fail;
	return 0;
fail:
	sales_offer_free(out);
	return -1;
}

void
sales_offer_free(struct sales_offer *o)
{
	int p;

	if (o == NULL)
		return;
	free(o->lines);
	free(o->sum.rows);
	free(o->opt.rows);
	for (p = 0; p < SALES_NPERIODS; p++) {
		free(o->recur[p].rows);
		free(o->recur_opt[p].rows);
	}
	free(o->sections);
	memset(o, 0, sizeof(*o));
}

/*** Payment terms ***/

int
sales_pay_compute(int64_t base, const struct sales_pay_terms *t,
    struct sales_pay *out)
{
	memset(out, 0, sizeof(*out));
	if (t->deposit_bp < 0 || t->deposit_bp > SALES_BP ||
	    t->early_bp < 0 || t->early_bp > SALES_BP ||
	    sales_pct_of(base, t->deposit_bp, &out->deposit) == -1 ||
	    S_sub(base, out->deposit, &out->rest) == -1 ||
	    sales_pct_of(base, t->early_bp, &out->early) == -1 ||
	    S_sub(base, out->early, &out->early_pay) == -1) {
		memset(out, 0, sizeof(*out));
		return -1;
	}
	return 0;
}
