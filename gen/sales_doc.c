/*
 * sales_doc — per document kind, from data to template context (see
 * sales_doc.h).  All amounts go through sales.c: money in cents, rates in
 * basis points, rounding in one place; this file only reads the values
 * people wrote, hands them to the arithmetic and formats the results in
 * the document's language.
 */
#include "sales_doc.h"
#include "buf.h"
#include "i18n.h"
#include "mem.h"
#include "sales.h"
#include "val.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sctx {
	const char		*lang;
	const char		*path;
	struct diag_list	*dl;
	int			 bad;	/* a value could not be used */
};

/* A word of the document's language (templates/<lang>/labels.txt). */
static const char *
S_w(const struct sctx *s, int k)
{
	return i18n(s->lang, (enum i18n_key)k);
}

/*** Reading values ***/

/* The text of key in map v: a string, or a map's "tekst". */
static const char *
S_s(const struct val *v, const char *key)
{
	const struct val *x = val_get(v, key);

	if (x != NULL && x->type == VAL_MAP)
		x = val_get(x, "tekst");
	return x != NULL && x->type == VAL_STR ? x->str : NULL;
}

/* Where an element (a map) starts; 0 for anything else. */
static int
S_line(const struct val *v)
{
	return v != NULL && v->type == VAL_MAP ? v->line : 0;
}

static int
S_col(const struct val *v)
{
	return v != NULL && v->type == VAL_MAP ? v->col : 0;
}

/* A list under key: a list as is, a single map as a list of one. */
static size_t
S_list(const struct val *v, const char *key, const struct val ***items)
{
	const struct val *x = val_get(v, key);

	if (x == NULL) {
		*items = NULL;
		return 0;
	}
	if (x->type == VAL_LIST) {
		*items = (const struct val **)x->items;
		return x->n;
	}
	*items = (const struct val **)&v->items[0];
	{
		size_t i;

		for (i = 0; i < v->n; i++)
			if (v->items[i] == x) {
				*items = (const struct val **)&v->items[i];
				return 1;
			}
	}
	return 0;
}

/* A CSV row (datadoc_csv()) names its file in its position. */
static void
S_bad(struct sctx *s, const struct val *where, const char *what,
    const char *value, const char *expected)
{
	const char *f = where != NULL ? where->file : NULL;
	int col = S_col(where);

	if (f != NULL) {
		/* a CSV row: the column of the field itself */
		const struct val *c = val_get(where, what);

		col = c != NULL ? c->col : 0;
	}
	diag_add(s->dl, DIAG_DATA_VALUE, f != NULL ? f : s->path,
	    S_line(where), col, what, value, expected);
	s->bad = 1;
}

static int64_t
S_money(struct sctx *s, const struct val *v, const char *key, int64_t dflt)
{
	const char *t = S_s(v, key);
	int64_t c;

	if (t == NULL || *t == '\0')
		return dflt;
	if (sales_parse_money(t, SALES_NOTATION, &c) != 0) {
		S_bad(s, v, key, t, "an amount");
		return dflt;
	}
	return c;
}

static int64_t
S_pct(struct sctx *s, const struct val *v, const char *key, int64_t dflt)
{
	const char *t = S_s(v, key);
	int64_t bp;

	if (t == NULL || *t == '\0')
		return dflt;
	if (sales_parse_percent(t, SALES_NOTATION, &bp) != 0) {
		S_bad(s, v, key, t, "a percentage");
		return dflt;
	}
	return bp;
}

static int64_t
S_qty(struct sctx *s, const struct val *v, const char *key, int64_t dflt)
{
	const char *t = S_s(v, key);
	int64_t q;

	if (t == NULL || *t == '\0')
		return dflt;
	if (sales_parse_qty(t, SALES_NOTATION, &q) != 0) {
		S_bad(s, v, key, t, "a number");
		return dflt;
	}
	return q;
}

static long
S_int(struct sctx *s, const struct val *v, const char *key, long dflt)
{
	const char *t = S_s(v, key);
	char *end;
	long n;

	if (t == NULL || *t == '\0')
		return dflt;
	errno = 0;
	n = strtol(t, &end, 10);
	if (*end != '\0' || n < 0 || n > INT_MAX || errno == ERANGE) {
		S_bad(s, v, key, t, *end != '\0' || n < 0 ? "a whole number" :
		    "a whole number up to 2147483647");
		return dflt;
	}
	return n;
}

/*** Writing values ***/

static void
S_setf(struct val *m, const char *key, struct buf *b)
{
	val_set(m, key, val_str_own(buf_detach(b)));
}

static void
S_money_to(struct sctx *s, struct val *m, const char *key, int64_t c)
{
	struct buf b = { 0 };

	sales_fmt_money(&b, c, s->lang);
	S_setf(m, key, &b);
}

static void
S_pct_to(struct sctx *s, struct val *m, const char *key, int64_t bp)
{
	struct buf b = { 0 };

	sales_fmt_pct(&b, bp, s->lang, 1);
	S_setf(m, key, &b);
}

static void
S_int_to(struct sctx *s, struct val *m, const char *key, int64_t n)
{
	struct buf b = { 0 };

	sales_fmt_int(&b, n, s->lang);
	S_setf(m, key, &b);
}

/* Copies a field as written; an absent one becomes "", which templates
 * read as false in a section and as nothing in a table cell: optional
 * fields are optional without a warning per document. */
static void
S_copy(struct val *dst, const struct val *src, const char *key)
{
	const char *t = S_s(src, key);

	val_set_str(dst, key, t != NULL ? t : "");
}

static void
S_date(struct sctx *s, struct val *ctx, const char *key,
    struct sales_date d)
{
	struct buf b = { 0 };

	sales_fmt_date(&b, d.y, d.m, d.d, s->lang);
	S_setf(ctx, key, &b);
}

/* Strings that go into a chart's data lines, where ';' and line breaks
 * mean something. */
static void
S_chart_label(struct buf *b, const char *t)
{
	for (; t != NULL && *t; t++)
		buf_putc(b, *t == ';' || *t == '\n' || *t == '\r' ? ' ' : *t);
}

/*** Kinds ***/

static const char *S_pitch_parts[] = { "hook", "wie", "voorwie", "probleem",
    "oplossing", "bewijs", "actie" };

static struct val *
S_pitch(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map(), *parts = val_list(), *p;
	struct buf text = { 0 };
	struct sales_pitch sp;
	const char *t;
	long wpm;
	size_t i;

	for (i = 0; i < sizeof(S_pitch_parts) / sizeof(S_pitch_parts[0]); i++) {
		if ((t = S_s(d, S_pitch_parts[i])) == NULL || *t == '\0')
			continue;
		if (text.len > 0)
			buf_putc(&text, ' ');
		buf_puts(&text, t);
		p = val_map();
		val_set_str(p, "naam", S_w(s, I18N_S_PITCH_HOOK + (int)i));
		val_set_str(p, "tekst", t);
		val_push(parts, p);
	}
	val_set(ctx, "onderdelen", parts);
	wpm = S_int(s, d, "tempo", SALES_PITCH_WPM);
	if (wpm <= 0)
		wpm = SALES_PITCH_WPM;
	sales_pitch(buf_cstr(&text), text.len, (int)wpm, &sp);
	val_set_str(ctx, "titel", S_s(d, "titel") ? S_s(d, "titel") :
	    "Elevator pitch");
	val_set(ctx, "tekst", val_str_own(buf_detach(&text)));
	val_set_num(ctx, "woorden", (double)sp.words);
	val_set_num(ctx, "seconden", (double)sp.seconds);
	val_set_num(ctx, "tempo", (double)wpm);
	val_set_bool(ctx, "te_lang", sp.too_long);
	if (sp.too_long) {
		struct buf m = { 0 };

		buf_printf(&m,
		    "the elevator pitch takes %lld seconds at %ld words a minute; keep it under %d",
		    (long long)sp.seconds, wpm, SALES_PITCH_MAX_SECONDS);
		diag_add(s->dl, DIAG_DATA_WARN, s->path, S_line(d), S_col(d), m.data);
		buf_free(&m);
	}
	return ctx;
}

static const char *
S_motief(struct sctx *s, const char *m)
{
	static const char *data[] = { "gewin", "gemak", "genot",
	    "veiligheid" };
	size_t i;

	if (m == NULL)
		return "";
	for (i = 0; i < sizeof(data) / sizeof(data[0]); i++)
		if (strcmp(m, data[i]) == 0)
			return S_w(s, I18N_S_MOTIEF_GEWIN + (int)i);
	return m;
}

static struct val *
S_sellogram(struct sctx *s, const struct val *d)
{
	static const char *motives[] = { "gewin", "gemak", "genot",
	    "veiligheid" };
	struct val *ctx = val_map(), *rows = val_list(), *r, *mot, *lst, *e;
	const struct val **items;
	size_t n, i, k, count[4] = { 0, 0, 0, 0 };
	const char *m;

	n = S_list(d, "regel", &items);
	for (i = 0; i < n; i++) {
		r = val_map();
		S_copy(r, items[i], "kenmerk");
		S_copy(r, items[i], "voordeel");
		S_copy(r, items[i], "klantvoordeel");
		S_copy(r, items[i], "bewijs");
		m = S_s(items[i], "motief");
		val_set_str(r, "motief", S_motief(s, m));
		for (k = 0; m != NULL && k < 4; k++)
			if (strcmp(m, motives[k]) == 0)
				count[k]++;
		val_push(rows, r);
	}
	val_set(ctx, "regels", rows);
	if (S_s(d, "titel") != NULL)
		S_copy(ctx, d, "titel");
	else
		val_set_str(ctx, "titel", "Sellogram");
	S_copy(ctx, d, "klant");
	mot = val_set(ctx, "motieven", val_map());
	lst = val_set(mot, "lijst", val_list());
	for (k = 0; k < 4; k++) {
		if (count[k] == 0)
			continue;
		e = val_map();
		val_set_str(e, "motief", S_motief(s, motives[k]));
		val_set_num(e, "aantal", (double)count[k]);
		val_set_bool(e, "een", count[k] == 1);
		val_push(lst, e);
	}
	if (lst->n == 0)
		val_set(ctx, "motieven", val_bool(0));
	return ctx;
}

/*
 * Where the value of key in v was written: a CSV cell (datadoc_set()), an
 * attribute or text-only child (xml_data.c), the first of repeated
 * text-only children; else the element.
 */
static const char *
S_at(struct sctx *s, const struct val *v, const char *key, int *line,
    int *col)
{
	const struct val *x = val_get(v, key);
	const char *file = s->path;

	*line = S_line(v);
	*col = S_col(v);
	/* a child element (a map, a list of them) is not where its name is
	 * written: the element holding it is */
	if (x != NULL && x->type != VAL_MAP) {
		if (x->line > 0)
			*line = x->line;
		if (x->col > 0)
			*col = x->col;
		if (x->file != NULL)
			file = x->file;
	}
	return file;
}

/*
 * A discount as written: "5%" a percentage, "€ 5" an amount.  A bare
 * number other than 0 is refused: "7,5" reads as 7,5 % to one person and
 * € 7,50 to the next, and a wrong guess changes the price.
 */
static struct sales_disc
S_disc(struct sctx *s, const struct val *v, const char *key)
{
	struct sales_disc d = { SALES_DISC_NONE, 0 };
	const char *t = S_s(v, key), *file;
	struct buf amt = { 0 };
	int64_t c;
	int line, col;

	if (t == NULL || *t == '\0')
		return d;
	if (strchr(t, '%') != NULL) {
		d.kind = SALES_DISC_PERCENT;
		d.value = S_pct(s, v, key, 0);
		return d;
	}
	d.kind = SALES_DISC_AMOUNT;
	d.value = S_money(s, v, key, 0);
	if (strstr(t, "€") == NULL && strstr(t, "EUR") == NULL &&
	    sales_parse_money(t, SALES_NOTATION, &c) == 0 && c != 0) {
		file = S_at(s, v, key, &line, &col);
		sales_fmt_amount(&amt, c, s->lang);
		diag_add(s->dl, DIAG_DATA_DISC_BARE, file, line, col, key, t,
		    t, buf_cstr(&amt));
		buf_free(&amt);
		s->bad = 1;
	}
	return d;
}

static void
S_disc_text(struct sctx *s, struct buf *b, struct sales_disc d)
{
	if (d.kind == SALES_DISC_PERCENT)
		sales_fmt_pct(b, d.value, s->lang, 1);
	else if (d.kind == SALES_DISC_AMOUNT)
		sales_fmt_money(b, d.value, s->lang);
	else if (d.kind == SALES_DISC_PER_UNIT) {
		sales_fmt_money(b, d.value, s->lang);
		buf_putc(b, ' ');
		buf_puts(b, S_w(s, I18N_S_PER_UNIT));
	}
}

static void
S_vat_label(struct sctx *s, struct buf *b, const struct sales_vat_row *r)
{
	buf_puts(b, S_w(s, I18N_S_VAT_RATE + (int)r->vat_kind));
	if (r->vat_kind == SALES_VAT_RATE) {
		buf_putc(b, ' ');
		sales_fmt_pct(b, r->rate_bp, s->lang, 1);
	}
}

/* The words of a line's btw cell. */
static void
S_vat_cell(struct sctx *s, struct val *r, const struct sales_offer_line *l)
{
	if (l->vat_kind == SALES_VAT_RATE)
		S_pct_to(s, r, "btw", l->vat_bp);
	else
		val_set_str(r, "btw", S_w(s, I18N_S_CELL_RATE +
		    (int)l->vat_kind));
}

static int
S_yes(const char *t)
{
	return t != NULL && (!strcmp(t, "ja") || !strcmp(t, "yes") ||
	    !strcmp(t, "true") || !strcmp(t, "1"));
}

/*** The offerte's lines: order, sections, choices ***/

enum oitem_kind {
	OI_LINE,		/* a priced <regel> */
	OI_TEXT,		/* <tekstregel> */
	OI_SECTION,		/* <sectie> starts */
	OI_SUBTOTAL,		/* <sectie> ends */
	OI_CHOICE		/* <keuze> starts */
};

struct oitem {
	enum oitem_kind		 kind;
	const struct val	*v;	/* the element */
	size_t			 line;	/* OI_LINE: index into the lines */
	size_t			 section; /* OI_SECTION, OI_SUBTOTAL: 1.. */
};

struct oseq {
	const struct val	*v;
	const char		*name;
	double			 seq;
};

static int
S_seq_cmp(const void *a, const void *b)
{
	const struct oseq *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The children of parent named in names[], in document order (xml_data.c
 * numbers them under "_seq").  Caller frees *out. */
static size_t
S_children(const struct val *parent, const char *const *names,
    struct oseq **out)
{
	const struct val **items, *q;
	size_t n = 0, k, i, cnt;

	*out = NULL;
	for (k = 0; names[k] != NULL; k++) {
		cnt = S_list(parent, names[k], &items);
		*out = xrealloc(*out, (n + cnt + 1) * sizeof(**out));
		for (i = 0; i < cnt; i++) {
			q = val_get(items[i], "_seq");
			(*out)[n].v = items[i];
			(*out)[n].name = names[k];
			(*out)[n++].seq = q != NULL && q->type == VAL_NUM ?
			    q->num : (double)i;
		}
	}
	if (n > 0)
		qsort(*out, n, sizeof(**out), S_seq_cmp);
	return n;
}

struct owalk {
	struct oitem		*it;
	size_t			 nit, capit;
	const struct val	**lv;	/* the <regel> of each line */
	struct sales_offer_line	*lines;
	size_t			 nlines, caplines;
	size_t			 nsections;
	/* per line, for the interactive HTML offer: the quantity's bounds
	 * (both the quantity itself without aantal-min/-max) and the
	 * <keuze> it is in (1.., 0 none) */
	int64_t			*qmin, *qmax;
	size_t			*choice;
	size_t			 nchoices;
};

static void
S_item(struct owalk *w, enum oitem_kind kind, const struct val *v,
    size_t section)
{
	if (w->nit == w->capit) {
		w->capit = w->capit ? w->capit * 2 : 16;
		w->it = xrealloc(w->it, w->capit * sizeof(*w->it));
	}
	w->it[w->nit].kind = kind;
	w->it[w->nit].v = v;
	w->it[w->nit].line = w->nlines;
	w->it[w->nit++].section = section;
}

static const char *S_periods[SALES_NPERIODS] = { "", "maand", "kwartaal",
    "jaar" };

/* The range the client may set a line's quantity in (aantal-min,
 * aantal-max; each the quantity itself when absent), which must hold it. */
static void
S_bounds(struct sctx *s, const struct val *v, int64_t qty, int64_t *lo,
    int64_t *hi)
{
	struct buf a = { 0 }, b = { 0 };
	const char *file;
	int line, col;

	*lo = S_qty(s, v, "aantal-min", qty);
	*hi = S_qty(s, v, "aantal-max", qty);
	if (*lo <= qty && qty <= *hi)
		return;
	sales_fmt_qty(&a, *lo, s->lang);
	sales_fmt_qty(&b, *hi, s->lang);
	file = S_at(s, v, "aantal", &line, &col);
	diag_add(s->dl, DIAG_DATA_QTY_RANGE, file, line, col, S_s(v, "aantal"),
	    buf_cstr(&a), buf_cstr(&b));
	buf_free(&a);
	buf_free(&b);
	s->bad = 1;
	*lo = *hi = qty;
}

/* One priced <regel>: its values into a sales_offer_line.  in_choice is
 * the number of the <keuze> it is in, 0 for none. */
static void
S_regel(struct sctx *s, struct owalk *w, const struct val *v,
    size_t section, size_t in_choice)
{
	struct sales_offer_line *l;
	const char *t;
	int p, line, col;

	if (w->nlines == w->caplines) {
		w->caplines = w->caplines ? w->caplines * 2 : 16;
		w->lines = xrealloc(w->lines, w->caplines * sizeof(*w->lines));
		w->lv = xrealloc(w->lv, w->caplines * sizeof(*w->lv));
		w->qmin = xrealloc(w->qmin, w->caplines * sizeof(*w->qmin));
		w->qmax = xrealloc(w->qmax, w->caplines * sizeof(*w->qmax));
		w->choice = xrealloc(w->choice, w->caplines *
		    sizeof(*w->choice));
	}
	S_item(w, OI_LINE, v, section);
	l = &w->lines[w->nlines];
	memset(l, 0, sizeof(*l));
	w->choice[w->nlines] = in_choice;
	l->qty = S_qty(s, v, "aantal", SALES_QTY_ONE);
	S_bounds(s, v, l->qty, &w->qmin[w->nlines], &w->qmax[w->nlines]);
	w->lv[w->nlines++] = v;
	l->price = S_money(s, v, "prijs", 0);
	l->disc = S_disc(s, v, "korting");
	if ((t = S_s(v, "korting-per-stuk")) != NULL && *t != '\0') {
		if (l->disc.kind != SALES_DISC_NONE) {
			const char *file = S_at(s, v, "korting-per-stuk", &line,
			    &col);

			diag_add(s->dl, DIAG_DATA_DISC_BOTH, file, line, col);
			s->bad = 1;
		}
		l->disc.kind = SALES_DISC_PER_UNIT;
		l->disc.value = S_money(s, v, "korting-per-stuk", 0);
	}
	t = S_s(v, "btw");
	if (t != NULL && strcmp(t, "verlegd") == 0)
		l->vat_kind = SALES_VAT_REVERSE;
	else if (t != NULL && strcmp(t, "vrijgesteld") == 0)
		l->vat_kind = SALES_VAT_EXEMPT;
	else if (t != NULL && strcmp(t, "icp") == 0)
		l->vat_kind = SALES_VAT_ICP;
	else if (t != NULL && strcmp(t, "export") == 0)
		l->vat_kind = SALES_VAT_EXPORT;
	else
		l->vat_bp = S_pct(s, v, "btw", 2100);
	l->optional = S_yes(S_s(v, "optioneel"));
	l->alternative = in_choice > 0 && !S_yes(S_s(v, "gekozen"));
	l->no_doc_disc = S_yes(S_s(v, "geen-korting"));
	l->section = section;
	if ((t = S_s(v, "per")) != NULL)
		for (p = 1; p < SALES_NPERIODS; p++)
			if (strcmp(t, S_periods[p]) == 0)
				l->period = (enum sales_period)p;
}

/* A <keuze>: its lines, exactly one of them chosen. */
static void
S_keuze(struct sctx *s, struct owalk *w, const struct val *v, size_t section)
{
	static const char *const names[] = { "regel", NULL };
	struct oseq *c;
	struct buf b = { 0 };
	size_t n, i, chosen = 0, k = ++w->nchoices;

	S_item(w, OI_CHOICE, v, section);
	n = S_children(v, names, &c);
	for (i = 0; i < n; i++) {
		chosen += S_yes(S_s(c[i].v, "gekozen"));
		S_regel(s, w, c[i].v, section, k);
	}
	if (chosen != 1) {
		if (chosen == 0)
			buf_puts(&b, "no line");
		else
			buf_printf(&b, "%zu lines", chosen);
		diag_add(s->dl, DIAG_DATA_CHOICE, s->path, S_line(v), S_col(v),
		    buf_cstr(&b));
		buf_free(&b);
		s->bad = 1;
	}
	free(c);
}

/* The children of <regels> or a <sectie> (section 0 for <regels>). */
static void
S_walk(struct sctx *s, struct owalk *w, const struct val *parent,
    size_t section)
{
	static const char *const names[] = { "regel", "tekstregel", "sectie",
	    "keuze", NULL };
	struct oseq *c;
	size_t n, i, k;

	n = S_children(parent, names, &c);
	for (i = 0; i < n; i++) {
		if (strcmp(c[i].name, "regel") == 0)
			S_regel(s, w, c[i].v, section, 0);
		else if (strcmp(c[i].name, "tekstregel") == 0)
			S_item(w, OI_TEXT, c[i].v, section);
		else if (strcmp(c[i].name, "keuze") == 0)
			S_keuze(s, w, c[i].v, section);
		else if (section == 0) {	/* the schema nests no deeper */
			k = ++w->nsections;
			S_item(w, OI_SECTION, c[i].v, k);
			S_walk(s, w, c[i].v, k);
			S_item(w, OI_SUBTOTAL, c[i].v, k);
		}
	}
	free(c);
}

static void
S_walk_free(struct owalk *w)
{
	free(w->lines);
	free(w->lv);
	free(w->it);
	free(w->qmin);
	free(w->qmax);
	free(w->choice);
}

/* A set's totals as the interactive offer's script gives them:
 * [subtotal, discount, net, vat, total, lines, [[kind, rate, base, vat]...]] */
static void
S_sum_json(struct buf *b, const struct sales_offer_sum *s)
{
	size_t r;

	buf_printf(b, "[%lld,%lld,%lld,%lld,%lld,%zu,[", (long long)s->subtotal,
	    (long long)s->disc, (long long)s->net, (long long)s->vat,
	    (long long)s->total, s->nlines);
	for (r = 0; r < s->nrows; r++)
		buf_printf(b, "%s[%d,%lld,%lld,%lld]", r ? "," : "",
		    (int)s->rows[r].vat_kind, (long long)s->rows[r].rate_bp,
		    (long long)s->rows[r].base, (long long)s->rows[r].vat);
	buf_puts(b, "]]");
}

/*
 * For the interactive HTML offer (ohtml.c): "_offer", the numbers its
 * script recomputes the totals from, and "_totals", these totals as
 * computed here, in the shape the script's compute() returns them, so a
 * test can hold the two side by side.  Numbers only: no text to escape.
 *
 * _offer: {"vat":MODE,"dk":KIND,"dv":VALUE,"term":MONTHS,
 *	"pay":[DEPOSIT_BP,EARLY_BP] or null,
 *	"vl":{"KIND:RATE":"the VAT row's label",...} for every line's row,
 *	"l":[[qty,price,disc kind,disc value,vat kind,vat bp,optional,
 *	      alternative,no doc disc,period,section,keuze,min,max]...]}
 * _totals: {"l":[line net...],"s":[set 0..7, see S_sum_json()],
 *	"sec":[[net per period]...],"c":[contract net,total],
 *	"pay":[deposit,rest,early,early_pay] or null}
 */
static void
S_model(struct sctx *s, struct val *ctx, const struct owalk *w,
    const struct sales_offer_opts *oo, const struct sales_offer *off,
    const struct sales_pay_terms *pt)
{
	const struct sales_offer_line *l;
	struct sales_vat_row row;
	struct sales_pay pay;
	struct buf b = { 0 };
	size_t i, j;
	int p;

	buf_printf(&b, "{\"vat\":%d,\"dk\":%d,\"dv\":%lld,\"term\":%d,"
	    "\"pay\":", (int)oo->vat_mode, (int)oo->disc.kind,
	    (long long)oo->disc.value, oo->term_months);
	if (pt != NULL)
		buf_printf(&b, "[%lld,%lld]", (long long)pt->deposit_bp,
		    (long long)pt->early_bp);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\"vl\":{");
	for (i = 0; i < w->nlines; i++) {
		l = &w->lines[i];
		for (j = 0; j < i; j++)		/* once per row */
			if (w->lines[j].vat_kind == l->vat_kind &&
			    (l->vat_kind != SALES_VAT_RATE ||
			    w->lines[j].vat_bp == l->vat_bp))
				break;
		if (j < i)
			continue;
		memset(&row, 0, sizeof(row));
		row.vat_kind = l->vat_kind;
		row.rate_bp = l->vat_kind == SALES_VAT_RATE ? l->vat_bp : 0;
		buf_printf(&b, "%s\"%d:%lld\":\"", b.data[b.len - 1] == '{' ?
		    "" : ",", (int)row.vat_kind, (long long)row.rate_bp);
		/* fixed words, a rate: nothing to escape in JSON */
		S_vat_label(s, &b, &row);
		buf_putc(&b, '"');
	}
	buf_puts(&b, "},\"l\":[");
	for (i = 0; i < w->nlines; i++) {
		l = &w->lines[i];
		buf_printf(&b, "%s[%lld,%lld,%d,%lld,%d,%lld,%d,%d,%d,%d,%zu,"
		    "%zu,%lld,%lld]", i ? "," : "", (long long)l->qty,
		    (long long)l->price, (int)l->disc.kind,
		    (long long)l->disc.value, (int)l->vat_kind,
		    (long long)l->vat_bp, !!l->optional, !!l->alternative,
		    !!l->no_doc_disc, (int)l->period, l->section, w->choice[i],
		    (long long)w->qmin[i], (long long)w->qmax[i]);
	}
	buf_puts(&b, "]}");
	val_set_str(ctx, "_offer", buf_cstr(&b));
	buf_reset(&b);
	buf_puts(&b, "{\"l\":[");
	for (i = 0; i < off->nlines; i++)
		buf_printf(&b, "%s%lld", i ? "," : "",
		    (long long)off->lines[i].net);
	buf_puts(&b, "],\"s\":[");
	S_sum_json(&b, &off->sum);
	buf_putc(&b, ',');
	S_sum_json(&b, &off->opt);
	for (p = 1; p < SALES_NPERIODS; p++) {
		buf_putc(&b, ',');
		S_sum_json(&b, &off->recur[p]);
		buf_putc(&b, ',');
		S_sum_json(&b, &off->recur_opt[p]);
	}
	buf_puts(&b, "],\"sec\":[");
	for (i = 0; i < off->nsections; i++)
		buf_printf(&b, "%s[%lld,%lld,%lld,%lld]", i ? "," : "",
		    (long long)off->sections[i].net[0],
		    (long long)off->sections[i].net[1],
		    (long long)off->sections[i].net[2],
		    (long long)off->sections[i].net[3]);
	buf_printf(&b, "],\"c\":[%lld,%lld],\"pay\":",
	    (long long)off->contract.net, (long long)off->contract.total);
	if (pt != NULL && sales_pay_compute(off->sum.total, pt, &pay) == 0)
		buf_printf(&b, "[%lld,%lld,%lld,%lld]", (long long)pay.deposit,
		    (long long)pay.rest, (long long)pay.early,
		    (long long)pay.early_pay);
	else
		buf_puts(&b, "null");
	buf_putc(&b, '}');
	val_set_str(ctx, "_totals", buf_cstr(&b));
	buf_free(&b);
}

/* "per maand", "per month"; "" once. */
static const char *
S_per(struct sctx *s, enum sales_period p)
{
	return S_w(s, I18N_S_PER_ONCE + (int)p);
}

/* An empty row of the lines table with every flag set, so no name is
 * looked up in an outer context. */
static struct val *
S_row(void)
{
	struct val *r = val_map();

	val_set_str(r, "kop", "");
	val_set_str(r, "keuze_kop", "");
	val_set_bool(r, "keuze", 0);
	val_set_bool(r, "tekstregel", 0);
	val_set_bool(r, "prijsregel", 0);
	val_set_str(r, "subtotaal", "");
	return r;
}

/* A set's totals, for the tables: subtotal, discount, VAT rows, total. */
static void
S_sum_to(struct sctx *s, struct val *m, const struct sales_offer_sum *sum,
    const struct sales_disc *disc, int64_t disc_base)
{
	struct val *vat, *e;
	struct buf b = { 0 };
	size_t i;

	S_money_to(s, m, "subtotaal", sum->subtotal);
	if (sum->disc != 0) {
		S_money_to(s, m, "korting", sum->disc);
		if (disc->kind == SALES_DISC_PERCENT)
			sales_fmt_pct(&b, disc->value, s->lang, 1);
		S_setf(m, "korting_label", &b);
		/* lines the discount passes by: say what it was taken of */
		if (disc_base != sum->subtotal)
			S_money_to(s, m, "korting_over", disc_base);
	} else
		val_set_str(m, "korting", "");
	S_money_to(s, m, "netto", sum->net);
	vat = val_set(m, "btw", val_list());
	for (i = 0; i < sum->nrows; i++) {
		e = val_map();
		S_vat_label(s, &b, &sum->rows[i]);
		S_setf(e, "label", &b);
		S_money_to(s, e, "grondslag", sum->rows[i].base);
		S_money_to(s, e, "bedrag", sum->rows[i].vat);
		val_push(vat, e);
	}
	S_money_to(s, m, "btw_totaal", sum->vat);
	S_money_to(s, m, "totaal", sum->total);
	buf_free(&b);
}

/* The nets the document discount was taken of, in one period's totals
 * (the rows' sums fit, so this sum does). */
static int64_t
S_disc_base(const struct sales_offer_line *lines,
    const struct sales_offer *off, size_t n, enum sales_period p)
{
	int64_t base = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (!lines[i].no_doc_disc && !lines[i].optional &&
		    !lines[i].alternative && lines[i].period == p)
			base += off->lines[i].net;
	return base;
}

/* "36 maanden", "3 jaar"; "1 maand".  *months = 0 when absent; -1 and a
 * diagnostic when it cannot be read. */
static int
S_term(struct sctx *s, const struct val *regels, int *months)
{
	const char *t = regels ? S_s(regels, "looptijd") : NULL;
	char *end;
	long n;

	*months = 0;
	if (t == NULL || *t == '\0')
		return 0;
	n = strtol(t, &end, 10);
	while (*end == ' ')
		end++;
	if (n >= 1 && n <= 999 && (!strcmp(end, "maand") ||
	    !strcmp(end, "maanden"))) {
		*months = (int)n;
		return 0;
	}
	if (n >= 1 && n <= 999 && !strcmp(end, "jaar")) {
		*months = (int)n * 12;
		return 0;
	}
	S_bad(s, regels, "looptijd", t, "a contract term such as 36 maanden or 3 jaar");
	return -1;
}

static struct val *
S_offerte(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map(), *rows, *r, *tot, *e, *l;
	const struct val *regels = val_get(d, "regels"), *klant, *x;
	struct sales_offer_line *lines;
	struct sales_offer_opts oo;
	struct sales_offer off;
	struct sales_date date, until;
	struct owalk w;
	struct buf b = { 0 };
	const char *t;
	size_t n, i, k;
	long days;
	int any_disc = 0, any_opt = 0, any_alt = 0, any_recur = 0;
	int icp_told = 0, has_pay = 0;
	struct sales_pay_terms mpt;
	int kinds[SALES_VAT_EXPORT + 1] = { 0 }, p, term, line, col;

	S_copy(ctx, d, "nummer");
	val_set_str(ctx, "versie", S_s(d, "versie") ? S_s(d, "versie") : "1");
	S_copy(ctx, d, "referentie");
	S_copy(ctx, d, "onderwerp");
	S_copy(ctx, d, "inleiding");
	if ((x = val_get(d, "voorwaarden")) != NULL && x->type == VAL_MAP) {
		/* <voorwaarden bestand="...">: the file goes after the
		 * letter (datadoc.c), the element's own text, if any, in it */
		val_set_str(ctx, "voorwaarden", S_s(x, "tekst") ?
		    S_s(x, "tekst") : "");
		val_set_bool(ctx, "voorwaarden_bijgevoegd", 1);
	} else
		S_copy(ctx, d, "voorwaarden");
	val_set(ctx, "verkoper", val_clone(val_get(d, "verkoper")));
	val_set(ctx, "klant", val_clone(val_get(d, "klant")));
	if (val_get(d, "ondertekening") != NULL)
		S_copy(ctx, val_get(d, "ondertekening"), "plaats");
	/* the letter's salutation and the address block's "T.a.v." line,
	 * from the customer's contact (sales_salutation()) */
	{
		/* its own buffer: S_offerte returns early on bad data */
		struct buf sb = { 0 };

		klant = val_get(d, "klant");
		x = klant != NULL ? val_get(klant, "contact") : NULL;
		buf_reset(&sb);
		sales_salutation(&sb, x != NULL ? S_s(x, "naam") : NULL,
		    x != NULL ? S_s(x, "aanhef") : NULL, s->lang);
		val_set_str(ctx, "aanhef", buf_cstr(&sb));
		if (x != NULL && S_s(x, "naam") != NULL) {
			buf_reset(&sb);
			sales_attention(&sb, S_s(x, "naam"), S_s(x, "aanhef"),
			    s->lang);
			val_set_str(ctx, "ter_attentie", buf_cstr(&sb));
		}
		buf_free(&sb);
	}
	/* the address on lines of its own, for a letter's window: written
	 * on one line, its parts are separated by ", " */
	if (klant != NULL && (t = S_s(klant, "adres")) != NULL) {
		struct val *al = val_set(ctx, "adresregels", val_list());
		const char *q;

		while (*t != '\0') {
			q = strstr(t, ", ");
			r = val_map();
			val_set(r, "regel", val_strn(t, q != NULL ?
			    (size_t)(q - t) : strlen(t)));
			val_push(al, r);
			t = q != NULL ? q + 2 : t + strlen(t);
		}
	}
	t = S_s(d, "datum");
	if (t == NULL || sales_parse_date(t, &date) != 0) {
		S_bad(s, d, "datum", t ? t : "", "a date (2026-11-26)");
		date.y = 2026, date.m = 1, date.d = 1;
	}
	days = S_int(s, d, "geldig", 30);
	if (sales_date_add(date, days, &until) != 0) {
		t = S_s(d, "geldig");
		S_bad(s, d, "geldig", t ? t : "30",
		    "a number of days that ends before the year 10000");
		until = date;
	}
	S_date(s, ctx, "datum", date);
	S_date(s, ctx, "geldig_tot", until);

	memset(&w, 0, sizeof(w));
	if (regels != NULL)
		S_walk(s, &w, regels, 0);
	lines = w.lines;
	n = w.nlines;
	memset(&oo, 0, sizeof(oo));
	if (regels != NULL && (t = S_s(regels, "afronding")) != NULL &&
	    strcmp(t, "regel") == 0)
		oo.vat_mode = SALES_VAT_PER_LINE;
	oo.disc = S_disc(s, d, "korting");
	if (S_term(s, regels, &term) == 0)
		oo.term_months = term;
	/* what the arithmetic would refuse, told at its place first */
	klant = val_get(d, "klant");
	for (i = 0; i < n; i++) {
		kinds[lines[i].vat_kind] = 1;
		if (lines[i].vat_kind == SALES_VAT_ICP && !icp_told &&
		    (S_s(klant, "btw") == NULL || *S_s(klant, "btw") == '\0')) {
			t = S_at(s, w.lv[i], "btw", &line, &col);
			diag_add(s->dl, DIAG_DATA_ICP, t, line, col);
			s->bad = 1;
			icp_told = 1;	/* once is enough */
		}
		p = (int)lines[i].period;
		if (oo.term_months > 0 && p != SALES_ONCE &&
		    !lines[i].alternative &&
		    oo.term_months % sales_period_months(lines[i].period) != 0) {
			t = S_at(s, regels, "looptijd", &line, &col);
			diag_add(s->dl, DIAG_DATA_TERM, t, line, col,
			    S_s(regels, "looptijd"), S_periods[p]);
			s->bad = 1;
			oo.term_months = 0;
		}
	}
	memset(&off, 0, sizeof(off));
	if (s->bad || sales_offer_compute(lines, n, &oo, &off) != 0) {
		if (!s->bad)
			diag_add(s->dl, DIAG_DATA, s->path,
			    S_line(regels ? regels : d),
			    S_col(regels ? regels : d),
			    "the amounts of this proposal are too large to compute");
		s->bad = 1;
		S_walk_free(&w);
		return ctx;
	}
	rows = val_set(ctx, "regels", val_list());
	for (k = 0; k < w.nit; k++) {
		const struct oitem *it = &w.it[k];

		r = S_row();
		switch (it->kind) {
		case OI_SECTION:
			S_copy(r, it->v, "titel");
			val_set_str(r, "kop", val_get(r, "titel")->str);
			break;
		case OI_SUBTOTAL:
			S_copy(r, it->v, "titel");
			buf_reset(&b);
			for (p = 0; p < SALES_NPERIODS; p++) {
				const struct sales_section_total *st =
				    &off.sections[it->section - 1];

				if (st->nlines[p] == 0)
					continue;
				if (b.len > 0)
					buf_puts(&b, " + ");
				sales_fmt_money(&b, st->net[p], s->lang);
				if (p != SALES_ONCE) {
					buf_putc(&b, ' ');
					buf_puts(&b, S_per(s, (enum sales_period)p));
				}
			}
			if (b.len == 0)
				sales_fmt_money(&b, 0, s->lang);
			S_setf(r, "subtotaal", &b);
			break;
		case OI_CHOICE:
			val_set_bool(r, "keuze", 1);
			S_copy(r, it->v, "titel");
			val_set_str(r, "keuze_kop", val_get(r, "titel")->str);
			break;
		case OI_TEXT:
			val_set_bool(r, "tekstregel", 1);
			t = S_s(it->v, "tekst");
			val_set_str(r, "omschrijving", t ? t : "");
			break;
		case OI_LINE: {
			const struct sales_offer_line *ln = &lines[it->line];

			val_set_bool(r, "prijsregel", 1);
			val_set_num(r, "_regel", (double)it->line + 1);
			val_set_num(r, "_keuze", (double)w.choice[it->line]);
			t = S_s(it->v, "tekst");
			val_set_str(r, "omschrijving", t ? t : "");
			buf_reset(&b);
			sales_fmt_qty(&b, ln->qty, s->lang);
			S_setf(r, "aantal", &b);
			S_copy(r, it->v, "eenheid");
			S_money_to(s, r, "prijs", ln->price);
			buf_reset(&b);
			S_disc_text(s, &b, ln->disc);
			S_setf(r, "korting", &b);
			S_vat_cell(s, r, ln);
			S_money_to(s, r, "bedrag", off.lines[it->line].net);
			val_set_bool(r, "optioneel", ln->optional);
			val_set_bool(r, "alternatief", ln->alternative);
			val_set_bool(r, "gekozen", S_yes(S_s(it->v, "gekozen")));
			val_set_bool(r, "geen_korting", ln->no_doc_disc &&
			    oo.disc.kind != SALES_DISC_NONE && !ln->optional &&
			    !ln->alternative);
			val_set_str(r, "per", S_per(s, ln->period));
			any_disc |= ln->disc.kind != SALES_DISC_NONE;
			any_opt |= ln->optional;
			any_alt |= ln->alternative;
			any_recur |= ln->period != SALES_ONCE;
			break;
		}
		}
		val_push(rows, r);
	}
	val_set_bool(ctx, "heeft_korting", any_disc);
	tot = val_set(ctx, "totalen", val_map());
	S_sum_to(s, tot, &off.sum, &oo.disc, S_disc_base(lines, &off, n,
	    SALES_ONCE));
	/* without recurring lines the one-off table is the offerte's, as
	 * ever; with them it is shown when it has lines */
	val_set_bool(tot, "tonen", !any_recur || off.sum.nlines > 0 ||
	    off.opt.nlines > 0);
	val_set_bool(tot, "eenmalig", any_recur);
	val_set_bool(tot, "per_regel", oo.vat_mode == SALES_VAT_PER_LINE);
	if (off.opt.nlines > 0)
		S_money_to(s, tot, "optioneel", off.opt.net);
	val_set_bool(tot, "vrijgesteld", kinds[SALES_VAT_EXEMPT]);
	val_set_bool(tot, "icp", kinds[SALES_VAT_ICP]);
	val_set_bool(tot, "export", kinds[SALES_VAT_EXPORT]);
	l = val_set(ctx, "terugkerend", val_list());
	for (p = 1; p < SALES_NPERIODS; p++) {
		if (off.recur[p].nlines == 0 && off.recur_opt[p].nlines == 0)
			continue;
		e = val_map();
		val_set_str(e, "titel", S_w(s, I18N_S_PERIOD_ONCE + p));
		val_set_str(e, "per", S_per(s, (enum sales_period)p));
		S_sum_to(s, e, &off.recur[p], &oo.disc, S_disc_base(lines,
		    &off, n, (enum sales_period)p));
		if (off.recur_opt[p].nlines > 0)
			S_money_to(s, e, "optioneel", off.recur_opt[p].net);
		else
			val_set_str(e, "optioneel", "");
		val_push(l, e);
	}
	if (l->n == 0)
		val_set(ctx, "terugkerend", val_bool(0));
	if (oo.term_months > 0) {
		e = val_set(ctx, "contract", val_map());
		buf_reset(&b);
		if (oo.term_months % 12 == 0 && strstr(S_s(regels, "looptijd"),
		    "jaar") != NULL)
			buf_printf(&b, "%d %s", oo.term_months / 12,
			    S_w(s, oo.term_months == 12 ? I18N_S_YEAR :
			    I18N_S_YEARS));
		else
			buf_printf(&b, "%d %s", oo.term_months,
			    S_w(s, oo.term_months == 1 ? I18N_S_MONTH :
			    I18N_S_MONTHS));
		S_setf(e, "looptijd", &b);
		S_money_to(s, e, "netto", off.contract.net);
		S_money_to(s, e, "totaal", off.contract.total);
	}
	val_set_bool(ctx, "heeft_optioneel", any_opt);
	val_set_bool(ctx, "heeft_alternatief", any_alt);
	if ((x = val_get(d, "betaling")) != NULL && x->type == VAL_MAP) {
		struct sales_pay_terms pt;
		struct sales_pay pay;
		long termijn = S_int(s, x, "termijn", 0), binnen;

		e = val_set(ctx, "betaling", val_map());
		memset(&pt, 0, sizeof(pt));
		pt.deposit_bp = S_pct(s, x, "aanbetaling", 0);
		pt.early_bp = S_pct(s, x, "betalingskorting", 0);
		mpt = pt;
		has_pay = 1;
		binnen = S_int(s, x, "binnen", 0);
		if (pt.early_bp > 0 && binnen == 0) {
			t = S_at(s, x, "betalingskorting", &line, &col);
			diag_add(s->dl, DIAG_DATA_EARLY_DAYS, t, line, col);
			s->bad = 1;
		}
		if (sales_pay_compute(off.sum.total, &pt, &pay) == 0) {
			buf_reset(&b);
			buf_printf(&b, "%ld %s", termijn, S_w(s, termijn == 1 ?
			    I18N_S_DAY : I18N_S_DAYS));
			S_setf(e, "termijn", &b);
			if (pt.deposit_bp > 0) {
				S_pct_to(s, e, "aanbetaling_pct", pt.deposit_bp);
				S_money_to(s, e, "aanbetaling", pay.deposit);
				S_money_to(s, e, "restant", pay.rest);
			} else
				val_set_str(e, "aanbetaling", "");
			if (pt.early_bp > 0) {
				S_pct_to(s, e, "betalingskorting_pct", pt.early_bp);
				S_money_to(s, e, "betalingskorting", pay.early);
				S_money_to(s, e, "te_betalen", pay.early_pay);
				buf_reset(&b);
				buf_printf(&b, "%ld %s", binnen, S_w(s,
				    binnen == 1 ? I18N_S_DAY : I18N_S_DAYS));
				S_setf(e, "binnen", &b);
			} else
				val_set_str(e, "betalingskorting", "");
		}
	}
	if (val_get(d, "pitch") != NULL)
		val_set(ctx, "pitch", S_pitch(s, val_get(d, "pitch")));
	if (val_get(d, "sellogram") != NULL)
		val_set(ctx, "sellogram", S_sellogram(s, val_get(d, "sellogram")));
	S_model(s, ctx, &w, &oo, &off, has_pay ? &mpt : NULL);
	sales_offer_free(&off);
	S_walk_free(&w);
	buf_free(&b);
	return ctx;
}

/* SWOT lists side by side, a row per line. */
static struct val *
S_swot(const struct val *swot)
{
	static const char *cols[] = { "sterkte", "zwakte", "kans",
	    "bedreiging" };
	const struct val **items[4];
	struct val *ctx, *rows, *r;
	size_t n[4], max = 0, i, k;

	if (swot == NULL)
		return NULL;
	for (k = 0; k < 4; k++) {
		n[k] = S_list(swot, cols[k], &items[k]);
		if (n[k] > max)
			max = n[k];
	}
	ctx = val_map();
	rows = val_set(ctx, "rijen", val_list());
	for (i = 0; i < max; i++) {
		r = val_map();
		for (k = 0; k < 4; k++) {
			const struct val *x = i < n[k] ? items[k][i] : NULL;

			val_set_str(r, cols[k], x == NULL ? "" :
			    x->type == VAL_STR ? x->str :
			    S_s(x, "tekst") ? S_s(x, "tekst") : "");
		}
		val_push(rows, r);
	}
	return ctx;
}

static struct val *
S_strings(const struct val *v, const char *key)
{
	const struct val **items;
	struct val *l = val_list();
	size_t n = S_list(v, key, &items), i;

	for (i = 0; i < n; i++)
		val_push(l, val_str(items[i]->type == VAL_STR ? items[i]->str :
		    S_s(items[i], "tekst")));
	return l;
}

static const char *S_stage_key[] = { "lead", "suspect", "prospect",
    "hot prospect" };

static struct val *
S_funnel(struct sctx *s, const struct val *f)
{
	struct val *ctx = val_map(), *steps, *e;
	const struct val **items;
	struct sales_funnel out;
	struct buf chart = { 0 };
	int64_t conv[SALES_NSTAGES - 1] = { 0, 0, 0, 0 }, target, order;
	size_t n, i, k;
	const char *name;

	target = S_money(s, f, "omzetdoel", 0);
	order = S_money(s, f, "order", 0);
	n = S_list(f, "stap", &items);
	for (i = 0; i < n; i++) {
		name = S_s(items[i], "naam");
		for (k = 0; name != NULL && k < SALES_NSTAGES - 1; k++)
			if (strcmp(name, S_stage_key[k]) == 0)
				conv[k] = S_pct(s, items[i], "conversie", 0);
	}
	for (k = 0; k < SALES_NSTAGES - 1; k++)
		if (conv[k] <= 0) {
			S_bad(s, f, S_stage_key[k], "", "a conversion rate above 0 %");
			val_free(ctx);
			return NULL;
		}
	if (sales_funnel_back(target, order, conv, &out) != 0) {
		if (target < 0)
			S_bad(s, f, "omzetdoel", S_s(f, "omzetdoel"),
			    "a revenue target of 0 or more");
		else if (order <= 0)
			S_bad(s, f, "order", S_s(f, "order") ? S_s(f, "order") :
			    "", "an average order above zero");
		else {
			diag_add(s->dl, DIAG_DATA, s->path, S_line(f), S_col(f),
			    "the funnel is too large to compute");
			s->bad = 1;
		}
		val_free(ctx);
		return NULL;
	}
	S_money_to(s, ctx, "omzetdoel", target);
	S_money_to(s, ctx, "order", order);
	S_int_to(s, ctx, "klanten", out.count[SALES_KLANT]);
	steps = val_set(ctx, "stappen", val_list());
	for (k = 0; k < SALES_NSTAGES; k++) {
		e = val_map();
		val_set_str(e, "naam", S_w(s, I18N_S_STAGE_LEAD + (int)k));
		S_int_to(s, e, "aantal", out.count[k]);
		if (k < SALES_NSTAGES - 1)
			S_pct_to(s, e, "conversie", conv[k]);
		else
			val_set_str(e, "conversie", "");
		val_push(steps, e);
		buf_printf(&chart, "%s; %lld\n", S_w(s, I18N_S_STAGE_LEAD +
		    (int)k), (long long)out.count[k]);
	}
	val_set(ctx, "grafiek", val_str_own(buf_detach(&chart)));
	return ctx;
}

static struct val *
S_verkoopplan(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map(), *acts, *a, *fin;
	const struct val *x, *f, **items;
	struct sales_break_even be;
	int64_t price, var, fixed, inv, target, units, ret, roi;
	size_t n, i;

	S_copy(ctx, d, "titel");
	S_copy(ctx, d, "periode");
	if ((x = val_get(d, "doelstellingen")) != NULL)
		val_set(ctx, "doelen", S_strings(x, "doel"));
	if ((x = val_get(d, "onderzoek")) != NULL) {
		S_copy(ctx, x, "intern");
		S_copy(ctx, x, "extern");
		if (val_get(x, "swot") != NULL)
			val_set(ctx, "swot", S_swot(val_get(x, "swot")));
	}
	if ((x = val_get(d, "keuze")) != NULL) {
		S_copy(ctx, x, "segment");
		S_copy(ctx, x, "doelgroep");
		S_copy(ctx, x, "positionering");
	}
	acts = val_set(ctx, "activiteiten", val_list());
	if ((x = val_get(d, "activiteiten")) != NULL) {
		n = S_list(x, "activiteit", &items);
		for (i = 0; i < n; i++) {
			a = val_map();
			val_set_str(a, "wat", items[i]->type == VAL_STR ?
			    items[i]->str : S_s(items[i], "tekst"));
			S_copy(a, items[i], "wie");
			S_copy(a, items[i], "wanneer");
			S_copy(a, items[i], "middelen");
			val_push(acts, a);
		}
	}
	target = 0;
	if ((f = val_get(d, "funnel")) != NULL) {
		struct val *fc = S_funnel(s, f);

		if (fc != NULL)
			val_set(ctx, "funnel", fc);
		target = S_money(s, f, "omzetdoel", 0);
	}
	if ((f = val_get(d, "financieel")) != NULL) {
		price = S_money(s, f, "prijs", 0);
		var = S_money(s, f, "variabel", 0);
		fixed = S_money(s, f, "vast", 0);
		inv = S_money(s, f, "investering", 0);
		if (sales_break_even(fixed, price, var, &be) != 0) {
			if (fixed < 0)
				S_bad(s, f, "vast", S_s(f, "vast"),
				    "an amount of 0 or more");
			else if (var < 0)
				S_bad(s, f, "variabel", S_s(f, "variabel"),
				    "an amount of 0 or more");
			else if (price <= var)
				S_bad(s, f, "prijs", S_s(f, "prijs") ?
				    S_s(f, "prijs") : "",
				    "a price above the variable cost");
			else {
				diag_add(s->dl, DIAG_DATA, s->path, S_line(f),
				    S_col(f), "the break-even is too large to compute");
				s->bad = 1;
			}
			return ctx;
		}
		fin = val_set(ctx, "financieel", val_map());
		S_money_to(s, fin, "prijs", price);
		S_money_to(s, fin, "variabel", var);
		S_money_to(s, fin, "dekking", be.contribution);
		S_money_to(s, fin, "vast", fixed);
		S_int_to(s, fin, "breakeven", be.units);
		if (inv > 0 && target > 0 && price > 0) {
			/* units at the revenue target, their contribution
			 * after the fixed costs, and that against the
			 * investment */
			units = target / price;
			ret = units * be.contribution - fixed;
			S_money_to(s, fin, "investering", inv);
			S_money_to(s, fin, "opbrengst", ret);
			S_int_to(s, fin, "eenheden", units);
			if (sales_roi(ret, inv, &roi) == 0)
				S_pct_to(s, fin, "roi", roi);
		}
	}
	return ctx;
}

static const char *
S_role(struct sctx *s, const char *r)
{
	/* the data's values, in the order of the I18N_S_ROLE_ keys */
	static const char *data[] = { "initiatiefnemer", "gebruiker",
	    "beinvloeder", "beïnvloeder", "inkoper", "beslisser",
	    "poortwachter", "laag", "midden", "hoog", "negatief", "neutraal",
	    "positief", "groot", "middelgroot", "klein" };
	size_t i;

	if (r == NULL)
		return "";
	for (i = 0; i < sizeof(data) / sizeof(data[0]); i++)
		if (strcmp(r, data[i]) == 0)
			return S_w(s, I18N_S_ROLE_INITIATIEFNEMER + (int)i);
	return r;
}

static struct val *
S_accountplan(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map(), *l, *e, *sub;
	const struct val *x, **items;
	struct buf chart = { 0 };
	size_t n, i;
	int64_t om, pot, sow, sum;

	S_copy(ctx, d, "titel");
	val_set(ctx, "klant", val_clone(val_get(d, "klant")));
	S_copy(ctx, d, "profiel");
	S_copy(ctx, d, "klantanalyse");
	S_copy(ctx, d, "concurrentie");
	S_copy(ctx, d, "strategie");
	S_copy(ctx, d, "evaluatie");
	if ((x = val_get(d, "dmu")) != NULL) {
		sub = val_set(ctx, "dmu", val_map());
		l = val_set(sub, "leden", val_list());
		n = S_list(x, "lid", &items);
		for (i = 0; i < n; i++) {
			e = val_map();
			S_copy(e, items[i], "naam");
			S_copy(e, items[i], "functie");
			{
				/* one person may hold several roles */
				struct buf rb = { 0 };
				const char *r = S_s(items[i], "rol"), *sp;
				char *w;

				while (r != NULL && *r) {
					sp = r + strcspn(r, " ");
					w = xstrndup(r, (size_t)(sp - r));
					if (rb.len > 0)
						buf_puts(&rb, ", ");
					buf_puts(&rb, S_role(s, w));
					free(w);
					r = *sp ? sp + 1 : sp;
				}
				S_setf(e, "rol", &rb);
			}
			val_set_str(e, "invloed", S_role(s,
			    S_s(items[i], "invloed")));
			val_set_str(e, "houding", S_role(s,
			    S_s(items[i], "houding")));
			val_push(l, e);
		}
	}
	if ((x = val_get(d, "historie")) != NULL) {
		sub = val_set(ctx, "historie", val_map());
		l = val_set(sub, "jaren", val_list());
		n = S_list(x, "jaar", &items);
		for (i = 0; i < n; i++) {
			e = val_map();
			S_copy(e, items[i], "jaar");
			om = S_money(s, items[i], "omzet", 0);
			pot = S_money(s, items[i], "potentieel", 0);
			S_money_to(s, e, "omzet", om);
			S_money_to(s, e, "potentieel", pot);
			if (pot > 0 && sales_muldiv(om, SALES_BP, pot, &sow) == 0)
				S_pct_to(s, e, "sow", sow);
			else
				val_set_str(e, "sow", "");
			val_push(l, e);
			S_chart_label(&chart, S_s(items[i], "jaar"));
			buf_printf(&chart, "; %lld\n", (long long)(om / 100));
		}
		val_set(sub, "grafiek", val_str_own(buf_detach(&chart)));
	}
	if ((x = val_get(d, "klantwaarde")) != NULL) {
		struct sales_clv clv;
		int64_t order, orders, margin, simple, m;
		long years;

		sub = val_set(ctx, "klantwaarde", val_map());
		val_set_str(sub, "niveau", S_role(s, S_s(x, "niveau")));
		order = S_money(s, x, "ordergrootte", 0);
		orders = S_qty(s, x, "orders", SALES_QTY_ONE);
		margin = S_pct(s, x, "marge", SALES_BP);
		years = S_int(s, x, "jaren", 5);
		if (years < 1 || years > SALES_CLV_MAX_YEARS) {
			char lim[64];

			snprintf(lim, sizeof(lim), "a number of years from 1 to %d",
			    SALES_CLV_MAX_YEARS);
			S_bad(s, x, "jaren", S_s(x, "jaren") ? S_s(x, "jaren") :
			    "", lim);
			s->bad = 1;
			years = 5;
		}
		val_set_num(sub, "jaren", (double)years);
		if (sales_clv_simple(order, orders, (int)years, margin,
		    &simple) == 0)
			S_money_to(s, sub, "eenvoudig", simple);
		/* the yearly margin: order x orders a year x margin */
		if (sales_muldiv(order, orders, SALES_QTY_ONE, &m) == 0 &&
		    sales_muldiv(m, margin, SALES_BP, &m) == 0 &&
		    sales_clv_discounted(m, S_pct(s, x, "retentie", SALES_BP),
		    S_pct(s, x, "rente", 0), (int)years,
		    S_money(s, x, "acquisitie", 0), &clv) == 0)
			S_money_to(s, sub, "verdisconteerd", clv.clv);
	}
	if ((x = val_get(d, "swot")) != NULL)
		val_set(ctx, "swot", S_swot(x));
	if ((x = val_get(d, "doelstellingen")) != NULL) {
		sub = val_set(ctx, "doelen", val_map());
		val_set(sub, "lijst", S_strings(x, "doel"));
	}
	if ((x = val_get(d, "acties")) != NULL) {
		sub = val_set(ctx, "acties", val_map());
		l = val_set(sub, "lijst", val_list());
		n = S_list(x, "actie", &items);
		for (i = 0; i < n; i++) {
			e = val_map();
			val_set_str(e, "wat", items[i]->type == VAL_STR ?
			    items[i]->str : S_s(items[i], "tekst"));
			S_copy(e, items[i], "wie");
			S_copy(e, items[i], "wanneer");
			val_push(l, e);
		}
	}
	if ((x = val_get(d, "budget")) != NULL) {
		sub = val_set(ctx, "budget", val_map());
		l = val_set(sub, "posten", val_list());
		n = S_list(x, "post", &items);
		sum = 0;
		for (i = 0; i < n; i++) {
			int64_t a = S_money(s, items[i], "bedrag", 0);

			e = val_map();
			val_set_str(e, "omschrijving", items[i]->type ==
			    VAL_STR ? items[i]->str : S_s(items[i], "tekst"));
			S_money_to(s, e, "bedrag", a);
			val_push(l, e);
			if (__builtin_add_overflow(sum, a, &sum)) {
				diag_add(s->dl, DIAG_DATA, s->path,
				    S_line(items[i]), S_col(items[i]),
				    "the budget is too large to add up");
				s->bad = 1;
				return ctx;
			}
		}
		S_money_to(s, sub, "totaal", sum);
	}
	return ctx;
}


static struct val *
S_klanten(struct sctx *s, const struct val *d)
{
	static const int64_t cum[3] = { 100, 500, 2000 };
	struct val *ctx = val_map(), *levels, *e;
	const struct val **items;
	struct sales_pyramid p;
	struct sales_date date;
	struct buf chart = { 0 }, b = { 0 };
	int64_t *rev;
	size_t n, i, na = 0, inact = 0, pros = 0, sus = 0, k;
	const char *st, *t;

	n = S_list(d, "klant", &items);
	rev = xcalloc(n + 1, sizeof(*rev));
	for (i = 0; i < n; i++) {
		st = S_s(items[i], "status");
		if (st != NULL && strcmp(st, "prospect") == 0)
			pros++;
		else if (st != NULL && strcmp(st, "suspect") == 0)
			sus++;
		else if (st != NULL && strcmp(st, "inactief") == 0)
			inact++;
		else if ((rev[na++] = S_money(s, items[i], "omzet12", 0)) < 0)
			S_bad(s, items[i], "omzet12", S_s(items[i], "omzet12"),
			    "a revenue of 0 or more");
	}
	if (s->bad) {
		free(rev);
		return ctx;
	}
	if (sales_pyramid_compute(rev, na, inact, pros, sus, cum, &p) != 0) {
		diag_add(s->dl, DIAG_DATA, s->path, S_line(d), S_col(d),
		    "the revenues of this customer list are too large to add up");
		s->bad = 1;
		free(rev);
		return ctx;
	}
	if (S_s(d, "titel") != NULL)
		S_copy(ctx, d, "titel");
	else
		val_set_str(ctx, "titel", S_w(s, I18N_S_PYRAMID));
	if ((t = S_s(d, "peildatum")) != NULL &&
	    sales_parse_date(t, &date) == 0)
		S_date(s, ctx, "peildatum", date);
	else
		val_set_str(ctx, "peildatum", t ? t : "");
	S_int_to(s, ctx, "actief", (int64_t)p.active);
	S_money_to(s, ctx, "omzet", p.revenue);
	levels = val_set(ctx, "niveaus", val_list());
	for (k = 0; k < SALES_NLEVELS; k++) {
		e = val_map();
		val_set_str(e, "naam", S_w(s, I18N_S_LEVEL_TOP + (int)k));
		S_int_to(s, e, "aantal", (int64_t)p.level[k].count);
		S_money_to(s, e, "omzet", p.level[k].revenue);
		S_pct_to(s, e, "aandeel", p.level[k].share_bp);
		val_push(levels, e);
		buf_printf(&chart, "%s; %zu\n", S_w(s, I18N_S_LEVEL_CHART_TOP +
		    (int)k), p.level[k].count);
	}
	S_int_to(s, ctx, "inactief", (int64_t)p.inactive);
	S_int_to(s, ctx, "prospects", (int64_t)p.prospects);
	S_int_to(s, ctx, "suspects", (int64_t)p.suspects);
	val_set(ctx, "grafiek", val_str_own(buf_detach(&chart)));
	buf_puts(&b, S_w(s, I18N_S_PYRAMID_RULE));
	S_setf(ctx, "regel", &b);
	sales_pyramid_free(&p);
	free(rev);
	return ctx;
}

static struct val *
S_nps(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map();
	const struct val **items;
	struct sales_nps r;
	struct buf chart = { 0 }, b = { 0 };
	int *scores;
	size_t n, i, k = 0;
	long v;

	n = S_list(d, "score", &items);
	scores = xcalloc(n + 1, sizeof(*scores));
	for (i = 0; i < n; i++) {
		const struct val *it = items[i];
		const char *t = it->type == VAL_STR ? it->str :
		    S_s(it, "score") ? S_s(it, "score") : S_s(it, "tekst");
		char *end;

		v = t && *t ? strtol(t, &end, 10) : -1;
		if (t == NULL || *t == '\0' || *end != '\0' || v < 0 ||
		    v > 10) {
			S_bad(s, it, "score", t ? t : "", "a score from 0 to 10");
			continue;
		}
		scores[k++] = (int)v;
	}
	if (k == 0 || sales_nps_scores(scores, k, &r) != 0) {
		diag_add(s->dl, DIAG_DATA, s->path, S_line(d), S_col(d), "the survey has no scores");
		s->bad = 1;
		free(scores);
		return ctx;
	}
	if (S_s(d, "titel") != NULL)
		S_copy(ctx, d, "titel");
	else
		val_set_str(ctx, "titel", "Net Promoter Score");
	S_int_to(s, ctx, "respondenten", r.n);
	buf_printf(&b, "%s%d", r.nps > 0 ? "+" : "", r.nps);
	S_setf(ctx, "nps", &b);
	S_int_to(s, ctx, "promotors", r.promoters);
	S_int_to(s, ctx, "passives", r.passives);
	S_int_to(s, ctx, "criticasters", r.detractors);
	S_pct_to(s, ctx, "promotors_pct", r.promoters_bp);
	S_pct_to(s, ctx, "passives_pct", r.passives_bp);
	S_pct_to(s, ctx, "criticasters_pct", r.detractors_bp);
	for (i = 0; i <= 10; i++)
		buf_printf(&chart, "%zu; %lld\n", i, (long long)r.dist[i]);
	val_set(ctx, "grafiek", val_str_own(buf_detach(&chart)));
	free(scores);
	return ctx;
}

/* A whole number that may be negative (lead scoring points). */
static int
S_points(struct sctx *s, const struct val *v, const char *key, int64_t *out)
{
	const char *t = S_s(v, key);
	char *end;
	long long n;

	errno = 0;
	n = t != NULL && *t ? strtoll(t, &end, 10) : 0;
	if (t == NULL || *t == '\0' || *end != '\0' || errno == ERANGE ||
	    n < -1000000 || n > 1000000) {
		S_bad(s, v, key, t ? t : "",
		    "a whole number from -1000000 to 1000000");
		return -1;
	}
	*out = n;
	return 0;
}

struct lead_row {
	const struct val	*v;
	struct sales_lead_score	 sc;
	int64_t			 neg;	/* the negative criteria, part of fit */
	size_t			 order;
};

static int
S_lead_cmp(const void *a, const void *b)
{
	const struct lead_row *x = a, *y = b;

	if (x->sc.total != y->sc.total)
		return x->sc.total > y->sc.total ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static void
S_signed_to(struct sctx *s, struct val *m, const char *key, int64_t n)
{
	struct buf b = { 0 };

	if (n < 0)
		buf_puts(&b, "−");
	sales_fmt_int(&b, n < 0 ? -n : n, s->lang);
	S_setf(m, key, &b);
}

/* Lead scoring: every lead's fit (who it is) and behaviour (what it did)
 * points from the criteria it meets, negative criteria subtracted, then
 * classed against the MQL and SQL thresholds; leads ranked by score. */
static struct val *
S_leads(struct sctx *s, const struct val *d)
{
	struct val *ctx = val_map(), *crit = val_list(), *out = val_list();
	const struct val **cs, **ls;
	struct sales_lead_points *pts;
	struct lead_row *rows;
	int64_t *cpts, mql, sql, count[3] = { 0, 0, 0 };
	enum sales_lead_kind *ckind;
	int *cneg;
	struct buf chart = { 0 }, b = { 0 };
	size_t nc, nl, i, j, k;

	mql = S_int(s, d, "mql", SALES_LEAD_MQL_DEFAULT);
	sql = S_int(s, d, "sql", SALES_LEAD_SQL_DEFAULT);
	if (mql > sql) {
		diag_add(s->dl, DIAG_DATA, s->path, S_line(d), S_col(d),
		    "the MQL threshold is above the SQL threshold");
		s->bad = 1;
	}
	nc = S_list(d, "criterium", &cs);
	cpts = xcalloc(nc + 1, sizeof(*cpts));
	ckind = xcalloc(nc + 1, sizeof(*ckind));
	cneg = xcalloc(nc + 1, sizeof(*cneg));
	for (i = 0; i < nc; i++) {
		const char *soort = S_s(cs[i], "soort");
		struct val *r = val_map();

		if (S_points(s, cs[i], "punten", &cpts[i]) != 0)
			s->bad = 1;
		cneg[i] = soort != NULL && strcmp(soort, "negatief") == 0;
		ckind[i] = soort != NULL && strcmp(soort, "gedrag") == 0 ?
		    SALES_LEAD_BEHAVIOUR : SALES_LEAD_FIT;
		/* a negative criterion takes points off, however written */
		if (cneg[i] && cpts[i] > 0)
			cpts[i] = -cpts[i];
		S_copy(r, cs[i], "naam");
		val_set_str(r, "soort", S_w(s, cneg[i] ? I18N_S_CRIT_NEGATIVE :
		    ckind[i] == SALES_LEAD_BEHAVIOUR ? I18N_S_CRIT_BEHAVIOUR :
		    I18N_S_CRIT_FIT));
		S_signed_to(s, r, "punten", cpts[i]);
		val_push(crit, r);
	}
	nl = S_list(d, "lead", &ls);
	rows = xcalloc(nl + 1, sizeof(*rows));
	pts = xcalloc(nc + 1, sizeof(*pts));
	for (i = 0; i < nl; i++) {
		const struct val **hs;
		size_t nh = S_list(ls[i], "heeft", &hs), np = 0;

		rows[i].v = ls[i];
		rows[i].order = i;
		for (j = 0; j < nh; j++) {
			const char *h = hs[j]->type == VAL_STR ? hs[j]->str :
			    S_s(hs[j], "tekst");

			for (k = 0; k < nc; k++)
				if (h != NULL && S_s(cs[k], "naam") != NULL &&
				    strcmp(h, S_s(cs[k], "naam")) == 0)
					break;
			if (k == nc) {
				buf_reset(&b);
				buf_printf(&b, "lead '%s' meets criterion '%s', "
				    "which the document does not define",
				    S_s(ls[i], "naam") ? S_s(ls[i], "naam") : "",
				    h ? h : "");
				diag_add(s->dl, DIAG_DATA, s->path,
				    S_line(ls[i]), S_col(ls[i]), buf_cstr(&b));
				s->bad = 1;
				continue;
			}
			if (np < nc) {
				pts[np].kind = ckind[k];
				pts[np++].points = cpts[k];
				if (cneg[k])
					rows[i].neg += cpts[k];
			}
		}
		if (sales_lead_score(pts, np, mql, mql > sql ? mql : sql,
		    &rows[i].sc) != 0)
			s->bad = 1;
	}
	qsort(rows, nl, sizeof(*rows), S_lead_cmp);
	for (i = 0; i < nl; i++) {
		struct val *r = val_map();
		const struct val **hs;
		size_t nh = S_list(rows[i].v, "heeft", &hs);
		const char *name = S_s(rows[i].v, "naam");

		S_copy(r, rows[i].v, "naam");
		S_signed_to(s, r, "fit", rows[i].sc.fit - rows[i].neg);
		S_signed_to(s, r, "gedrag", rows[i].sc.behaviour);
		S_signed_to(s, r, "aftrek", rows[i].neg);
		S_signed_to(s, r, "totaal", rows[i].sc.total);
		val_set_str(r, "klasse", S_w(s, I18N_S_CLASS_COLD +
		    (int)rows[i].sc.cls));
		count[rows[i].sc.cls]++;
		buf_reset(&b);
		for (j = 0; j < nh; j++) {
			const char *h = hs[j]->type == VAL_STR ? hs[j]->str :
			    S_s(hs[j], "tekst");

			if (j > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, h ? h : "");
		}
		val_set_str(r, "criteria", buf_cstr(&b));
		val_push(out, r);
		S_chart_label(&chart, name ? name : "");
		buf_printf(&chart, "; %lld\n", (long long)(rows[i].sc.total > 0 ?
		    rows[i].sc.total : 0));
	}
	if (S_s(d, "titel") != NULL)
		S_copy(ctx, d, "titel");
	else
		val_set_str(ctx, "titel", S_w(s, I18N_S_LEADS));
	S_int_to(s, ctx, "mql", mql);
	S_int_to(s, ctx, "sql", sql);
	val_set(ctx, "criteria", crit);
	val_set(ctx, "leads", out);
	S_int_to(s, ctx, "aantal", (int64_t)nl);
	S_int_to(s, ctx, "aantal_sql", count[SALES_LEAD_SQL]);
	S_int_to(s, ctx, "aantal_mql", count[SALES_LEAD_MQL]);
	S_int_to(s, ctx, "aantal_koud", count[SALES_LEAD_COLD]);
	if (nl > 0)
		val_set(ctx, "grafiek", val_str_own(buf_detach(&chart)));
	buf_free(&chart);
	buf_free(&b);
	free(rows);
	free(pts);
	free(cpts);
	free(ckind);
	free(cneg);
	return ctx;
}

/*** The kinds ***/

/* Every kind of sales document, in the order they are listed to people
 * (usage, messages).  A document without <titel> is called by its kind's
 * title (the offerte's followed by its <nummer>): today the kind's own
 * name but for the offerte, as the documents have always been titled. */
const struct sales_kind sales_kinds[] = {
	{ "offerte", S_offerte, "Offerte", "Proposal", 1, "new/offerte.xml",
	  NULL, NULL },
	{ "sellogram", S_sellogram, "sellogram", "sellogram", 0,
	  "new/sellogram.xml", NULL, NULL },
	{ "pitch", S_pitch, "pitch", "pitch", 0, "new/pitch.xml", NULL, NULL },
	{ "verkoopplan", S_verkoopplan, "verkoopplan", "verkoopplan", 0,
	  "new/verkoopplan.xml", NULL, NULL },
	{ "accountplan", S_accountplan, "accountplan", "accountplan", 0,
	  "new/accountplan.xml", NULL, NULL },
	{ "klanten", S_klanten, "klanten", "klanten", 0, "new/klanten.xml",
	  "klant", "omzet12" },
	{ "nps", S_nps, "nps", "nps", 0, "new/nps.xml", "score", "score" },
	{ "leads", S_leads, "leads", "leads", 0, "new/leads.xml", NULL,
	  NULL },
};
const size_t sales_nkinds = sizeof(sales_kinds) / sizeof(sales_kinds[0]);

const struct sales_kind *
sales_kind(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < sales_nkinds; i++)
		if (strcmp(sales_kinds[i].name, name) == 0)
			return &sales_kinds[i];
	return NULL;
}

void
sales_kind_names(struct buf *out, const char *last)
{
	size_t i;

	for (i = 0; i < sales_nkinds; i++) {
		if (i > 0)
			buf_printf(out, i + 1 < sales_nkinds ? ", " : " %s ",
			    last);
		buf_puts(out, sales_kinds[i].name);
	}
}

const char *
sales_kind_title(const struct sales_kind *k, const char *lang)
{
	return strcmp(lang, "en") ? k->title_nl : k->title_en;
}

struct val *
sales_context(const char *kind, const struct val *data, const char *lang,
    const char *path, struct diag_list *dl)
{
	const struct sales_kind *k;
	struct sctx s;
	struct val *ctx;

	memset(&s, 0, sizeof(s));
	s.lang = lang;
	s.path = path;
	s.dl = dl;
	if ((k = sales_kind(kind)) != NULL && k->context != NULL)
		ctx = k->context(&s, data);
	else
		ctx = val_clone(data);
	if (s.bad) {
		val_free(ctx);
		return NULL;
	}
	val_set_str(ctx, "lang", lang);
	return ctx;
}

/*** A client's selection (render --select) ***/

struct sel_walk {
	struct val	**line;		/* every <regel>, as S_walk() numbers */
	struct val	**choice;	/* every <keuze> */
	size_t		 nline, nchoice;
};

static void
S_sel_push(struct val ***a, size_t *n, size_t *cap, struct val *v)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*a = xrealloc(*a, *cap * sizeof(**a));
	}
	(*a)[(*n)++] = v;
}

/* The lines and choices in S_walk()'s order; the caps grow together. */
static void
S_sel_walk(struct sel_walk *sw, const struct val *parent, int depth,
    size_t *lcap, size_t *ccap)
{
	static const char *const names[] = { "regel", "tekstregel", "sectie",
	    "keuze", NULL };
	static const char *const inner[] = { "regel", NULL };
	struct oseq *c, *k;
	size_t n, i, m, j;

	n = S_children(parent, names, &c);
	for (i = 0; i < n; i++) {
		if (strcmp(c[i].name, "regel") == 0)
			S_sel_push(&sw->line, &sw->nline, lcap,
			    (struct val *)c[i].v);
		else if (strcmp(c[i].name, "keuze") == 0) {
			S_sel_push(&sw->choice, &sw->nchoice, ccap,
			    (struct val *)c[i].v);
			m = S_children(c[i].v, inner, &k);
			for (j = 0; j < m; j++)
				S_sel_push(&sw->line, &sw->nline, lcap,
				    (struct val *)k[j].v);
			free(k);
		} else if (strcmp(c[i].name, "sectie") == 0 && depth == 0)
			S_sel_walk(sw, c[i].v, 1, lcap, ccap);
	}
	free(c);
}

static int
S_sel_error(struct diag_list *dl, const char *item, const char *why)
{
	diag_add(dl, DIAG_SELECT, NULL, 0, 0, item, why);
	return -1;
}

/* One "regelN=VALUE" or "keuzeN=K" of a selection. */
static int
S_sel_item(struct sel_walk *sw, const char *item, struct diag_list *dl)
{
	const char *eq = strchr(item, '='), *t;
	struct val *v;
	size_t n, i, m;
	int64_t q, lo, hi, qty;
	char *end;
	int ischoice;

	if (eq == NULL)
		return S_sel_error(dl, item, "expected NAME=VALUE");
	if (strncmp(item, "regel", 5) == 0)
		ischoice = 0;
	else if (strncmp(item, "keuze", 5) == 0)
		ischoice = 1;
	else
		return S_sel_error(dl, item, "names neither regelN nor keuzeN");
	errno = 0;
	n = strtoul(item + 5, &end, 10);
	if (end != eq || end == item + 5 || errno != 0 || n == 0 ||
	    n > (ischoice ? sw->nchoice : sw->nline))
		return S_sel_error(dl, item, ischoice ?
		    "no such <keuze> (numbered from 1 in document order)" :
		    "no such <regel> (numbered from 1 in document order)");
	if (ischoice) {
		struct oseq *k;
		static const char *const inner[] = { "regel", NULL };

		m = S_children(sw->choice[n - 1], inner, &k);
		errno = 0;
		i = strtoul(eq + 1, &end, 10);
		if (*end != '\0' || end == eq + 1 || errno != 0 || i == 0 ||
		    i > m) {
			free(k);
			return S_sel_error(dl, item,
			    "not one of the <keuze>'s lines (from 1)");
		}
		/* exactly one chosen, as the data must have it */
		for (; m > 0; m--)
			val_set_str((struct val *)k[m - 1].v, "gekozen",
			    m == i ? "ja" : "nee");
		free(k);
		return 0;
	}
	v = sw->line[n - 1];
	t = eq + 1;
	if (!strcmp(t, "on") || !strcmp(t, "off")) {
		if (!S_yes(S_s(v, "optioneel")))
			return S_sel_error(dl, item,
			    "the line is not optional (optioneel=\"ja\")");
		if (!strcmp(t, "on"))
			val_set_str(v, "optioneel", "nee");
		return 0;
	}
	if (S_s(v, "aantal-min") == NULL && S_s(v, "aantal-max") == NULL)
		return S_sel_error(dl, item,
		    "the line's quantity is fixed (no aantal-min or aantal-max)");
	if (sales_parse_qty(t, SALES_NOTATION, &q) != 0)
		return S_sel_error(dl, item, "expected on, off or a quantity");
	if (S_s(v, "aantal") == NULL ||
	    sales_parse_qty(S_s(v, "aantal"), SALES_NOTATION, &qty) != 0)
		qty = SALES_QTY_ONE;	/* the data's own check tells */
	lo = hi = qty;
	if (S_s(v, "aantal-min") != NULL)
		(void)sales_parse_qty(S_s(v, "aantal-min"), SALES_NOTATION, &lo);
	if (S_s(v, "aantal-max") != NULL)
		(void)sales_parse_qty(S_s(v, "aantal-max"), SALES_NOTATION, &hi);
	if (q < lo || q > hi)
		return S_sel_error(dl, item,
		    "outside the line's aantal-min..aantal-max");
	val_set_str(v, "aantal", t);
	return 0;
}

int
sales_select(struct val *data, const char *spec, struct diag_list *dl)
{
	struct sel_walk sw;
	struct val *regels = (struct val *)val_get(data, "regels");
	size_t lcap = 0, ccap = 0;
	char *copy, *item, *save = NULL;
	int rc = 0;

	memset(&sw, 0, sizeof(sw));
	if (regels != NULL)
		S_sel_walk(&sw, regels, 0, &lcap, &ccap);
	copy = xstrdup(spec);
	for (item = strtok_r(copy, ",", &save); item != NULL;
	    item = strtok_r(NULL, ",", &save))
		if (S_sel_item(&sw, item, dl) != 0)
			rc = -1;
	free(copy);
	free(sw.line);
	free(sw.choice);
	return rc;
}
