/*
 * sales_offer — the totals of an offerte: line discounts, the document
 * discount split exactly over VAT rates and lines, VAT per rate or per line
 * (see sales.h).  Every amount goes through sales_muldiv() or
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
S_disc_ok(const struct sales_disc *d)
{
	switch (d->kind) {
	case SALES_DISC_NONE:
		return 1;
	case SALES_DISC_PERCENT:
		return d->value >= 0 && d->value <= SALES_BP;
	case SALES_DISC_AMOUNT:
		return d->value >= 0;
	}
	return 0;
}

/*
 * Gross and net of one line.  qty * price is in thousandths of a cent, so
 * both discounts are applied to that exact value and rounded once.
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
	}
	return S_sub(t->gross, t->net, &t->disc);
}

/* Rates descending, the reverse-charge row last. */
static int
S_row_cmp(const void *a, const void *b)
{
	const struct sales_vat_row *x = a, *y = b;

	if (x->reverse != y->reverse)
		return x->reverse - y->reverse;
	return x->rate_bp > y->rate_bp ? -1 : x->rate_bp < y->rate_bp;
}

static size_t
S_row_find(const struct sales_offer_sum *s, const struct sales_offer_line *l)
{
	int64_t rate = l->reverse ? 0 : l->vat_bp;
	size_t i;

	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].reverse == !!l->reverse &&
		    s->rows[i].rate_bp == rate)
			break;
	return i;
}

/* The rows of the lines with optional == opt, sorted; every such line's
 * row index set. */
static void
S_rows(const struct sales_offer_line *in, size_t n, int opt,
    struct sales_line_total *lt, struct sales_offer_sum *s)
{
	size_t i, r;

	s->rows = xcalloc(n > 0 ? n : 1, sizeof(*s->rows));
	for (i = 0; i < n; i++) {
		if (!!in[i].optional != opt)
			continue;
		if ((r = S_row_find(s, &in[i])) == s->nrows) {
			s->rows[r].reverse = !!in[i].reverse;
			s->rows[r].rate_bp = in[i].reverse ? 0 : in[i].vat_bp;
			s->nrows++;
		}
	}
	qsort(s->rows, s->nrows, sizeof(*s->rows), S_row_cmp);
	for (i = 0; i < n; i++)
		if (!!in[i].optional == opt)
			lt[i].row = S_row_find(s, &in[i]);
}

/*
 * Splits each row's document discount over the row's lines in proportion
 * to their nets, so line bases add up to the row base exactly.
 */
static int
S_split_rows(const struct sales_offer_line *in, size_t n,
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
			if (!in[i].optional && lt[i].row == r) {
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

/* The document discount per row, for the non-optional lines. */
static int
S_doc_disc(const struct sales_disc *d, struct sales_offer_sum *s)
{
	int64_t *w, *part;
	size_t r;
	int rc = 0;

	switch (d->kind) {
	case SALES_DISC_NONE:
		return 0;
	case SALES_DISC_PERCENT:
		for (r = 0; r < s->nrows; r++)
			if (sales_pct_of(s->rows[r].net, d->value,
			    &s->rows[r].disc) == -1)
				return -1;
		return 0;
	case SALES_DISC_AMOUNT:
		break;
	}
	if (d->value == 0)
		return 0;
	if (s->subtotal <= 0 || d->value > s->subtotal)
		return -1;
	w = xmalloc(s->nrows * sizeof(*w));
	part = xmalloc(s->nrows * sizeof(*part));
	for (r = 0; r < s->nrows; r++)
		w[r] = s->rows[r].net;
	if ((rc = sales_allocate(d->value, w, s->nrows, part)) == 0)
		for (r = 0; r < s->nrows; r++)
			s->rows[r].disc = part[r];
	free(w);
	free(part);
	return rc;
}

/* One set of lines (optional == opt): rows, discount, VAT, totals. */
static int
S_sum(const struct sales_offer_line *in, size_t n, int opt,
    const struct sales_offer_opts *o, struct sales_line_total *lt,
    struct sales_offer_sum *s)
{
	struct sales_vat_row *row;
	size_t i, r;

	S_rows(in, n, opt, lt, s);
	for (i = 0; i < n; i++)
		if (!!in[i].optional == opt &&
		    S_add(&s->rows[lt[i].row].net, lt[i].net) == -1)
			return -1;
	for (r = 0; r < s->nrows; r++)
		if (S_add(&s->subtotal, s->rows[r].net) == -1)
			return -1;
	if (!opt && (S_doc_disc(&o->disc, s) == -1 ||
	    S_split_rows(in, n, lt, s) == -1))
		return -1;
	for (i = 0; i < n; i++) {
		if (!!in[i].optional != opt)
			continue;
		row = &s->rows[lt[i].row];
		if (S_sub(lt[i].net, lt[i].doc_disc, &lt[i].base) == -1)
			return -1;
		if (o->vat_mode == SALES_VAT_PER_LINE && !row->reverse &&
		    (sales_pct_of(lt[i].base, row->rate_bp, &lt[i].vat) == -1 ||
		    S_add(&row->vat, lt[i].vat) == -1))
			return -1;
	}
	for (r = 0; r < s->nrows; r++) {
		row = &s->rows[r];
		if (S_sub(row->net, row->disc, &row->base) == -1 ||
		    S_add(&s->disc, row->disc) == -1)
			return -1;
		if (o->vat_mode == SALES_VAT_PER_RATE && !row->reverse &&
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

int
sales_offer_compute(const struct sales_offer_line *lines, size_t n,
    const struct sales_offer_opts *opts, struct sales_offer *out)
{
	static const struct sales_offer_opts defaults;
	const struct sales_offer_opts *o = opts != NULL ? opts : &defaults;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!S_disc_ok(&o->disc) || (o->vat_mode != SALES_VAT_PER_RATE &&
	    o->vat_mode != SALES_VAT_PER_LINE))
		return -1;
	for (i = 0; i < n; i++)
		if (!S_disc_ok(&lines[i].disc) || (!lines[i].reverse &&
		    (lines[i].vat_bp < 0 || lines[i].vat_bp > SALES_BP)))
			return -1;
	out->lines = xcalloc(n > 0 ? n : 1, sizeof(*out->lines));
	out->nlines = n;
	for (i = 0; i < n; i++)
		if (S_line(&lines[i], &out->lines[i]) == -1)
			goto fail;
	if (S_sum(lines, n, 0, o, out->lines, &out->sum) == -1 ||
	    S_sum(lines, n, 1, o, out->lines, &out->opt) == -1)
		goto fail;
	return 0;
fail:
	sales_offer_free(out);
	return -1;
}

void
sales_offer_free(struct sales_offer *o)
{
	if (o == NULL)
		return;
	free(o->lines);
	free(o->sum.rows);
	free(o->opt.rows);
	memset(o, 0, sizeof(*o));
}
