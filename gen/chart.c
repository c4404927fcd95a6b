/*
 * chart — chart descriptions and their layout (see chart.h).
 *
 * Owns the parsed form of a chart block (struct chart), the number reader
 * and the layout of every chart kind as geometry (struct chart_geom).  It
 * draws nothing and escapes nothing: svg.c and the PDF back end paint the
 * geometry, each escaping for its own output.
 *
 * Text is cleaned once, here, while parsing: labels and titles come out as
 * valid UTF-8 without control characters, so neither back end has to
 * guard against bytes its output format cannot carry.
 */
#include "chart.h"
#include "buf.h"
#include "mem.h"
#include "utf8.h"
#include "num.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Type sizes, in points. */
#define S_TITLE_SIZE	11.0
#define S_LABEL_SIZE	9.5
#define S_SMALL_SIZE	8.5
/* Space between a text column and the shapes. */
#define S_PAD		8.0
/* The baseline that centres text of size s on a line at y: about half the
 * x-height below it, the same in every font we ship. */
#define S_MID(y, s)	((y) + 0.35 * (s))

/* Colours: a sequence of blues whose lightness steps stay apart when
 * printed in grey, dark text, and three NPS colours of clearly different
 * lightness (dark red, light grey, middle green) so the groups can still
 * be told apart on a grey-scale printer. */
#define S_TEXT		0x222222u
#define S_MUTED		0x555555u
#define S_LEADER	0xbbbbbbu
#define S_AXIS		0x888888u
#define S_BAR		0x2e6da4u
#define S_SEQ_DARK	0x1f4e79u
#define S_SEQ_LIGHT	0x9dc3e6u
#define S_NPS_LOW	0xb2182bu
#define S_NPS_MID	0xccccccu
#define S_NPS_HIGH	0x4dac26u

static const char *const S_kind_names[] = {
	[CHART_FUNNEL] = "funnel",
	[CHART_PYRAMID] = "pyramid",
	[CHART_BAR] = "bar",
	[CHART_NPS] = "nps"
};

const char *
chart_kind_name(enum chart_kind k)
{
	if ((size_t)k < sizeof(S_kind_names) / sizeof(S_kind_names[0]))
		return S_kind_names[k];
	return "unknown";
}

/* ------------------------------------------------------------ text */

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0.  Surrogates,
 * overlong forms and noncharacters count as invalid: HTML forbids them. */
static size_t
S_utf8_len(const unsigned char *s, size_t n, unsigned long *cp)
{
	uint32_t c;
	size_t len;

	if ((len = utf8_decode(s, n, &c)) == 0 || utf8_nonchar(c))
		return 0;
	*cp = c;
	return len;
}

/* A copy of s[0..n) fit for any output: invalid UTF-8 becomes U+FFFD, tabs
 * and other control characters (C0, DEL, C1) become spaces, and spaces
 * that leaves at either end are dropped. */
static char *
S_clean(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	struct buf b = { 0 };
	unsigned long cp;
	size_t i = 0, k;

	buf_put(&b, "", 0);		/* "" when nothing is left */
	while (i < n) {
		if ((k = S_utf8_len(u + i, n - i, &cp)) == 0) {
			buf_puts(&b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			if (b.len > 0)
				buf_putc(&b, ' ');
		} else
			buf_put(&b, s + i, k);
		i += k;
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

static int
S_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Narrows [*s, *e) to its text without surrounding blanks. */
static void
S_trim(const char **s, const char **e)
{
	while (*s < *e && S_blank((unsigned char)**s))
		(*s)++;
	while (*e > *s && S_blank((unsigned char)(*e)[-1]))
		(*e)--;
}

/* ---------------------------------------------------------- numbers */

/* Length of a space that may group digits at s: ' ', U+00A0 no-break
 * space, U+2009 thin space, U+202F narrow no-break space; 0 otherwise. */
static size_t
S_group_space(const char *s)
{
	if (*s == ' ')
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(s, "\xe2\x80\x89", 3) == 0 ||
	    strncmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* s past blanks and grouping spaces. */
static const char *
S_skip_space(const char *s)
{
	size_t k;

	for (;;)
		if (S_blank((unsigned char)*s))
			s++;
		else if ((k = S_group_space(s)) > 0)
			s += k;
		else
			return s;
}

int
chart_parse_number(const char *s, const char *lang, double *v)
{
	char d[64];
	size_t nd = 0, k;

	s = S_skip_space(s);
	if (strncmp(s, "\xe2\x82\xac", 3) == 0)		/* € */
		s += 3;
	else if (strncmp(s, "\xc2\xa3", 2) == 0)	/* £ */
		s += 2;
	else if (*s == '$')
		s++;
	s = S_skip_space(s);
	for (;;) {
		if ((*s >= '0' && *s <= '9') || *s == '.' || *s == ',') {
			if (nd + 1 >= sizeof(d))
				return -1;
			d[nd++] = *s++;
		} else if ((k = S_group_space(s)) > 0 && nd > 0 &&
		    d[nd - 1] >= '0' && d[nd - 1] <= '9' &&
		    s[k] >= '0' && s[k] <= '9')
			s += k;		/* "1 475": a space groups digits */
		else
			break;
	}
	d[nd] = '\0';
	s = S_skip_space(s);
	if (*s == '%')
		s = S_skip_space(s + 1);
	if (*s != '\0' || nd == 0 || d[0] < '0' || d[0] > '9' ||
	    d[nd - 1] < '0' || d[nd - 1] > '9')
		return -1;
	/* the digits and marks are read by the one rule for numbers */
	return num_double(d, d + nd, lang, v);
}

/* ---------------------------------------------------------- parsing */

struct parse {
	const char		*path;
	int			 code;
	struct diag_list	*dl;
	int			 errors;
};

static void
S_error(struct parse *p, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds one diagnostic; columns are left out because the body we are given
 * has lost the indentation of any container the fence sat in. */
static void
S_error(struct parse *p, int line, const char *fmt, ...)
{
	struct buf msg = { 0 };
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add(p->dl, (enum diag_code)p->code, p->path, line > 0 ? line : 0,
	    0, buf_cstr(&msg));
	buf_free(&msg);
	p->errors++;
}

static void
S_push(struct chart *c, size_t *cap, char *label, double v, char *vt)
{
	if (c->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		c->labels = xrealloc(c->labels, *cap * sizeof(*c->labels));
		c->values = xrealloc(c->values, *cap * sizeof(*c->values));
		c->value_text = xrealloc(c->value_text,
		    *cap * sizeof(*c->value_text));
	}
	c->labels[c->n] = label;
	c->values[c->n] = v;
	c->value_text[c->n] = vt;
	c->n++;
}

/* Puts an nps chart in score order, 0 to 10, with a count of 0 for every
 * score not given, so the layout can index by score. */
static void
S_nps_normalise(struct parse *p, struct chart *c, const int *lines)
{
	char *label[11] = { NULL }, *vt[11] = { NULL };
	double val[11] = { 0 };
	int first[11] = { 0 };
	size_t i;
	long sc;

	for (i = 0; i < c->n; i++) {
		const char *l = c->labels[i];

		sc = -1;
		if (l[0] >= '0' && l[0] <= '9' && strlen(l) <= 2 &&
		    strspn(l, "0123456789") == strlen(l))
			sc = strtol(l, NULL, 10);
		if (sc < 0 || sc > 10) {
			S_error(p, lines[i], "nps: '%s' is not a score; "
			    "labels are the scores 0 to 10", l);
			continue;
		}
		if (label[sc] != NULL) {
			S_error(p, lines[i], "nps: score %ld is given twice "
			    "(first on line %d)", sc, first[sc]);
			continue;
		}
		first[sc] = lines[i];
		label[sc] = c->labels[i];
		vt[sc] = c->value_text[i];
		val[sc] = c->values[i];
		c->labels[i] = c->value_text[i] = NULL;
	}
	for (i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->value_text[i]);
	}
	c->labels = xrealloc(c->labels, 11 * sizeof(*c->labels));
	c->values = xrealloc(c->values, 11 * sizeof(*c->values));
	c->value_text = xrealloc(c->value_text, 11 * sizeof(*c->value_text));
	c->n = 11;
	for (i = 0; i < 11; i++) {
		char num[4];

		snprintf(num, sizeof(num), "%zu", i);
		free(label[i]);		/* "07" becomes "7" */
		c->labels[i] = xstrdup(num);
		c->values[i] = val[i];
		c->value_text[i] = vt[i] != NULL ? vt[i] : xstrdup("0");
	}
}

int
chart_parse(const char *kind, const char *body, const char *lang,
    const char *path, int first_line, int diag_code, struct chart *out,
    struct diag_list *dl)
{
	struct parse p = { path, diag_code, dl, 0 };
	const char *ks, *ke, *ls, *le, *semi, *q, *vs, *ve;
	size_t k, cap = 0, lcap = 0, items = 0;
	int *lines = NULL, idx;
	char *vt;
	double v;

	memset(out, 0, sizeof(*out));
	ks = kind != NULL ? kind : "";
	ke = ks + strlen(ks);
	S_trim(&ks, &ke);
	for (k = 0; k < sizeof(S_kind_names) / sizeof(S_kind_names[0]); k++)
		if ((size_t)(ke - ks) == strlen(S_kind_names[k]) &&
		    strncmp(ks, S_kind_names[k], (size_t)(ke - ks)) == 0)
			break;
	if (k == sizeof(S_kind_names) / sizeof(S_kind_names[0])) {
		char *shown = S_clean(ks, (size_t)(ke - ks));

		if (*shown == '\0')
			S_error(&p, first_line - 1, "no kind: write 'chart "
			    "funnel', 'chart pyramid', 'chart bar' or 'chart "
			    "nps'");
		else
			S_error(&p, first_line - 1, "unknown kind '%s' "
			    "(expected funnel, pyramid, bar or nps)", shown);
		free(shown);
		return -1;
	}
	out->kind = (enum chart_kind)k;

	for (ls = body != NULL ? body : "", idx = 0; *ls != '\0';
	    ls = *le ? le + 1 : le, idx++) {
		const char *s, *e;
		int line = first_line + idx;

		le = ls + strcspn(ls, "\n");
		s = ls;
		e = le;
		S_trim(&s, &e);
		if (s == e || *s == '#')
			continue;
		if (items == 0 && out->title == NULL && e - s >= 6 &&
		    strncasecmp(s, "title:", 6) == 0) {
			s += 6;
			S_trim(&s, &e);
			out->title = S_clean(s, (size_t)(e - s));
			continue;
		}
		if (++items > CHART_MAX_ITEMS) {
			S_error(&p, line, "more than %d items; no chart shows "
			    "that many legibly", CHART_MAX_ITEMS);
			break;
		}
		/* The last ';': a value never holds one, a label may. */
		for (semi = NULL, q = s; q < e; q++)
			if (*q == ';')
				semi = q;
		if (semi == NULL) {
			char *shown = S_clean(s, (size_t)(e - s));

			S_error(&p, line, "'%s': expected 'label; value'",
			    shown);
			free(shown);
			continue;
		}
		vs = semi + 1;
		ve = e;
		S_trim(&vs, &ve);
		q = semi;
		S_trim(&s, &q);
		if (s == q) {
			S_error(&p, line, "no label before ';'");
			continue;
		}
		vt = S_clean(vs, (size_t)(ve - vs));
		if (chart_parse_number(vt, lang, &v) != 0) {
			if (vt[0] == '-' || strncmp(vt, "\xe2\x88\x92", 3) == 0)
				S_error(&p, line, "value '%s' is negative; "
				    "chart values are 0 or more", vt);
			else if (*vt == '\0')
				S_error(&p, line, "no value after ';'");
			else
				S_error(&p, line, "'%s' is not a number "
				    "(write for example 1.475, 2,5 or 12 %%)",
				    vt);
			free(vt);
			continue;
		}
		if (lcap == out->n) {
			lcap = lcap ? lcap * 2 : 8;
			lines = xrealloc(lines, lcap * sizeof(*lines));
		}
		lines[out->n] = line;
		S_push(out, &cap, S_clean(s, (size_t)(q - s)), v, vt);
	}
	if (out->n == 0 && p.errors == 0)
		S_error(&p, first_line - 1, "no data: write one "
		    "'label; value' line per item");
	if (p.errors == 0 && out->kind == CHART_NPS)
		S_nps_normalise(&p, out, lines);
	free(lines);
	if (p.errors > 0) {
		chart_clear(out);
		return -1;
	}
	return 0;
}

void
chart_clear(struct chart *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->value_text[i]);
	}
	free(c->title);
	free(c->labels);
	free(c->values);
	free(c->value_text);
	memset(c, 0, sizeof(*c));
}

/* ----------------------------------------------------------- layout */

struct lay {
	struct chart_geom	*g;
	size_t			 cap;
	chart_measure_fn	 measure;
	void			*arg;
	double			 top;	/* where the chart starts, below the title */
};

static double
S_estimate(void *arg, const char *text, double size, int bold)
{
	size_t n = 0;

	(void)arg;
	(void)bold;
	for (; *text != '\0'; text++)
		if (((unsigned char)*text & 0xc0) != 0x80)
			n++;
	return 0.55 * size * (double)n;
}

static double
S_width(const struct lay *l, const char *text, double size, int bold)
{
	double w = l->measure(l->arg, text, size, bold);

	return w >= 0 && isfinite(w) ? w : 0;
}

static struct shape *
S_add(struct lay *l, enum shape_type t, uint32_t fill)
{
	struct shape *s;

	if (l->g->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->g->s = xrealloc(l->g->s, l->cap * sizeof(*l->g->s));
	}
	s = &l->g->s[l->g->n++];
	memset(s, 0, sizeof(*s));
	s->type = t;
	s->fill = fill;
	return s;
}

static void
S_quad(struct lay *l, uint32_t fill, double x0, double y0, double x1,
    double y1, double x2, double y2, double x3, double y3)
{
	struct shape *s = S_add(l, SHAPE_POLY, fill);

	s->npt = 4;
	s->pt[0] = x0; s->pt[1] = y0;
	s->pt[2] = x1; s->pt[3] = y1;
	s->pt[4] = x2; s->pt[5] = y2;
	s->pt[6] = x3; s->pt[7] = y3;
}

static void
S_rect(struct lay *l, uint32_t fill, double x, double y, double w, double h)
{
	S_quad(l, fill, x, y, x + w, y, x + w, y + h, x, y + h);
}

static void
S_line(struct lay *l, uint32_t colour, double x0, double y0, double x1,
    double y1)
{
	struct shape *s = S_add(l, SHAPE_LINE, colour);

	s->npt = 2;
	s->pt[0] = x0; s->pt[1] = y0;
	s->pt[2] = x1; s->pt[3] = y1;
}

/* Adds text; takes ownership of t. */
static void
S_text_own(struct lay *l, char *t, double x, double y, double size,
    int anchor, int bold, uint32_t colour)
{
	struct shape *s = S_add(l, SHAPE_TEXT, colour);

	s->text = t;
	s->x = x;
	s->y = y;
	s->size = size;
	s->anchor = anchor;
	s->bold = bold;
}

static void
S_text(struct lay *l, const char *t, double x, double y, double size,
    int anchor, int bold, uint32_t colour)
{
	S_text_own(l, xstrdup(t), x, y, size, anchor, bold, colour);
}

/* t, or its longest start that fits maxw with an ellipsis after it; found
 * by bisection over character boundaries, so a hostile label costs
 * O(n log n), not O(n²). */
static char *
S_fit(const struct lay *l, const char *t, double size, int bold, double maxw)
{
	struct buf b = { 0 };
	size_t lo = 0, hi, mid, cut, *at = NULL, n = 0, i, len = strlen(t);
	char *r;

	if (S_width(l, t, size, bold) <= maxw)
		return xstrdup(t);
	/* at[i]: byte offset of the end of the first i characters */
	at = xmalloc((len + 1) * sizeof(*at));
	for (i = 0; i <= len; i++)
		if (i == len || ((unsigned char)t[i] & 0xc0) != 0x80)
			at[n++] = i;
	hi = n - 1;		/* characters in t; never fits */
	while (lo + 1 < hi) {
		mid = (lo + hi) / 2;
		buf_reset(&b);
		buf_put(&b, t, at[mid]);
		buf_puts(&b, "\xe2\x80\xa6");
		if (S_width(l, buf_cstr(&b), size, bold) <= maxw)
			lo = mid;
		else
			hi = mid;
	}
	cut = at[lo];
	while (cut > 0 && t[cut - 1] == ' ')
		cut--;
	buf_reset(&b);
	buf_put(&b, t, cut);
	buf_puts(&b, "\xe2\x80\xa6");
	free(at);
	r = buf_detach(&b);
	return r;
}

/* The widest of texts[0..n) at size, at most cap. */
static double
S_column(const struct lay *l, char *const *texts, size_t n, double size,
    double cap)
{
	double w = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		if ((x = S_width(l, texts[i], size, 0)) > w)
			w = x;
	return w < cap ? w : cap;
}

/* Colour i of n from dark (first) to light (last), interpolated in sRGB. */
static uint32_t
S_seq(size_t i, size_t n)
{
	double t = n > 1 ? (double)i / (double)(n - 1) : 0;
	uint32_t c = 0;
	int sh;

	for (sh = 16; sh >= 0; sh -= 8) {
		double a = (S_SEQ_DARK >> sh) & 0xff;
		double b = (S_SEQ_LIGHT >> sh) & 0xff;

		c |= (uint32_t)lround(a + (b - a) * t) << sh;
	}
	return c;
}

static double
S_max(const struct chart *c)
{
	double m = 0;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->values[i] > m)
			m = c->values[i];
	return m;
}

static void
S_title(struct lay *l, const struct chart *c)
{
	if (c->title == NULL || c->title[0] == '\0')
		return;
	S_text_own(l, S_fit(l, c->title, S_TITLE_SIZE, 1, l->g->w), 0,
	    S_TITLE_SIZE, S_TITLE_SIZE, 0, 1, S_TEXT);
	l->top = S_TITLE_SIZE + 12;
}

#define S_FUNNEL_BAND	22.0
#define S_FUNNEL_GAP	3.0

static void
S_funnel(struct lay *l, const struct chart *c)
{
	double W = l->g->w, lw, vw, x0, x1, cx, max, minpos = 0, y, ym;
	double *w, wt, wb, half, edge;
	size_t i;
	int sq;

	lw = S_column(l, c->labels, c->n, S_LABEL_SIZE, 0.35 * W);
	vw = S_column(l, c->value_text, c->n, S_LABEL_SIZE, 0.2 * W);
	x0 = lw + S_PAD;
	x1 = W - vw - S_PAD;
	cx = (x0 + x1) / 2;
	max = S_max(c);
	for (i = 0; i < c->n; i++)
		if (c->values[i] > 0 && (minpos == 0 || c->values[i] < minpos))
			minpos = c->values[i];
	sq = minpos > 0 && max / minpos > CHART_SQRT_RATIO;
	w = xmalloc(c->n * sizeof(*w));
	for (i = 0; i < c->n; i++) {
		double f = max > 0 ? c->values[i] / max : 0;

		w[i] = (x1 - x0) * (sq ? sqrt(f) : f);
		if (!(w[i] >= CHART_MIN_SIZE))
			w[i] = CHART_MIN_SIZE;
	}
	for (i = 0; i < c->n; i++) {
		y = l->top + (double)i * (S_FUNNEL_BAND + S_FUNNEL_GAP);
		ym = y + S_FUNNEL_BAND / 2;
		wt = w[i];
		/* Slope into the next stage when it is narrower, so the
		 * bands read as one funnel; the last stage is the spout. */
		wb = i + 1 < c->n && w[i + 1] < wt ? w[i + 1] : wt;
		S_quad(l, S_seq(i, c->n), cx - wt / 2, y, cx + wt / 2, y,
		    cx + wb / 2, y + S_FUNNEL_BAND, cx - wb / 2,
		    y + S_FUNNEL_BAND);
		/* Leaders tie a label far from a narrow band to it. */
		half = (wt + wb) / 4;
		edge = cx - half - 3;
		if (edge - (x0 - 4) > 8) {
			S_line(l, S_LEADER, x0 - 4, ym, edge, ym);
			S_line(l, S_LEADER, cx + half + 3, ym, x1 + 4, ym);
		}
		S_text_own(l, S_fit(l, c->labels[i], S_LABEL_SIZE, 0, lw),
		    x0 - S_PAD, S_MID(ym, S_LABEL_SIZE), S_LABEL_SIZE, 2, 0,
		    S_TEXT);
		S_text_own(l, S_fit(l, c->value_text[i], S_LABEL_SIZE, 0, vw),
		    x1 + S_PAD, S_MID(ym, S_LABEL_SIZE), S_LABEL_SIZE, 0, 0,
		    S_TEXT);
	}
	free(w);
	l->g->h = l->top + (double)c->n * (S_FUNNEL_BAND + S_FUNNEL_GAP) -
	    S_FUNNEL_GAP + 2;
}

#define S_BAR_ROW	20.0
#define S_BAR_THICK	13.0

static void
S_bar(struct lay *l, const struct chart *c)
{
	double W = l->g->w, lw, vw, bx, plot, max, len, y;
	size_t i;

	lw = S_column(l, c->labels, c->n, S_LABEL_SIZE, 0.4 * W);
	vw = S_column(l, c->value_text, c->n, S_LABEL_SIZE, 0.2 * W);
	bx = lw + S_PAD;
	plot = W - bx - 4 - vw;
	max = S_max(c);
	for (i = 0; i < c->n; i++) {
		y = l->top + (double)i * S_BAR_ROW;
		len = max > 0 ? plot * c->values[i] / max : 0;
		if (!(len >= CHART_MIN_SIZE))
			len = CHART_MIN_SIZE;
		S_rect(l, S_BAR, bx, y + (S_BAR_ROW - S_BAR_THICK) / 2, len,
		    S_BAR_THICK);
		S_text_own(l, S_fit(l, c->labels[i], S_LABEL_SIZE, 0, lw),
		    bx - S_PAD, S_MID(y + S_BAR_ROW / 2, S_LABEL_SIZE),
		    S_LABEL_SIZE, 2, 0, S_TEXT);
		S_text_own(l, S_fit(l, c->value_text[i], S_LABEL_SIZE, 0, vw),
		    bx + len + 4, S_MID(y + S_BAR_ROW / 2, S_LABEL_SIZE),
		    S_LABEL_SIZE, 0, 0, S_TEXT);
	}
	/* The axis the bars grow from, drawn over their left ends. */
	S_line(l, S_AXIS, bx, l->top, bx, l->top + (double)c->n * S_BAR_ROW);
	l->g->h = l->top + (double)c->n * S_BAR_ROW + 2;
}

/* "12%", or "<1%" for a share that rounds to nothing but is not nothing. */
static char *
S_percent(double part, double whole)
{
	struct buf b = { 0 };
	double pct = whole > 0 ? 100 * part / whole : 0;

	if (pct > 0 && pct < 0.5)
		buf_puts(&b, "<1%");
	else
		buf_printf(&b, "%.0f%%", pct);
	return buf_detach(&b);
}

static void
S_pyramid(struct lay *l, const struct chart *c)
{
	double W = l->g->w, band, H, B, cx, lx, lw, vw, sw = 0, vx, sx;
	double sum = 0, ya, yb, ym, ha, hb, avail, top = l->top;
	char **share = NULL;
	size_t i;

	/* Equal bands, but never a pyramid lower than 140 pt; the base is
	 * half as wide again as the height, at most half the box. */
	band = c->n <= 4 ? 140.0 / (double)c->n : 35.0;
	H = band * (double)c->n;
	B = 1.5 * H < 0.5 * W ? 1.5 * H : 0.5 * W;
	cx = B / 2;
	lx = B + 24;
	/* Values already written as percentages are shares themselves. */
	for (i = 0; i < c->n; i++) {
		sum += c->values[i];
		if (strchr(c->value_text[i], '%') != NULL)
			sum = -INFINITY;
	}
	if (c->n > 1 && sum > 0) {
		share = xcalloc(c->n, sizeof(*share));
		for (i = 0; i < c->n; i++)
			share[i] = S_percent(c->values[i], sum);
		sw = S_column(l, share, c->n, S_LABEL_SIZE, 0.1 * W) + 12;
	}
	avail = W - lx;
	vw = S_column(l, c->value_text, c->n, S_LABEL_SIZE, 0.2 * W);
	lw = S_column(l, c->labels, c->n, S_LABEL_SIZE, W);
	if (lw > avail - 12 - vw - sw)
		lw = avail - 12 - vw - sw;
	if (lw < 0)
		lw = 0;
	vx = lx + lw + 12 + vw;
	sx = vx + sw;
	for (i = 0; i < c->n; i++) {
		/* A 2 pt gap between bands, cut from both neighbours; every
		 * corner stays on the triangle's sides. */
		ya = top + (double)i * band + (i > 0 ? 1 : 0);
		yb = top + (double)(i + 1) * band - (i + 1 < c->n ? 1 : 0);
		ym = (ya + yb) / 2;
		/* Half the triangle's width at a height is its distance
		 * below the apex over the height, times half the base. */
		ha = (ya - top) / H * B / 2;
		hb = (yb - top) / H * B / 2;
		if (i == 0) {
			struct shape *s = S_add(l, SHAPE_POLY,
			    S_seq(i, c->n));

			s->npt = 3;
			s->pt[0] = cx; s->pt[1] = top;
			s->pt[2] = cx + hb; s->pt[3] = yb;
			s->pt[4] = cx - hb; s->pt[5] = yb;
		} else
			S_quad(l, S_seq(i, c->n), cx - ha, ya, cx + ha, ya,
			    cx + hb, yb, cx - hb, yb);
		S_line(l, S_LEADER, cx + (ha + hb) / 2 + 3, ym, lx - 6, ym);
		S_text_own(l, S_fit(l, c->labels[i], S_LABEL_SIZE, 0, lw),
		    lx, S_MID(ym, S_LABEL_SIZE), S_LABEL_SIZE, 0, 0, S_TEXT);
		S_text_own(l, S_fit(l, c->value_text[i], S_LABEL_SIZE, 0, vw),
		    vx, S_MID(ym, S_LABEL_SIZE), S_LABEL_SIZE, 2, 0, S_TEXT);
		if (share != NULL)
			S_text_own(l, share[i], sx, S_MID(ym, S_LABEL_SIZE),
			    S_LABEL_SIZE, 2, 0, S_MUTED);
	}
	free(share);
	l->g->h = top + H + 2;
}

#define S_NPS_PLOT	110.0

static void
S_nps(struct lay *l, const struct chart *c)
{
	static const char *const range[3] = {
		"0\xe2\x80\x93" "6", "7\xe2\x80\x93" "8", "9\xe2\x80\x93" "10"
	};
	static const uint32_t colour[3] = {
		S_NPS_LOW, S_NPS_MID, S_NPS_HIGH
	};
	double W = l->g->w, slot = W / 11, bw = slot * 0.7, max, h, x, y;
	double base, total = 0, group[3] = { 0 }, cap_y, lx, need, tw;
	struct buf b = { 0 };
	char *pct[3];
	size_t i;
	int gi;

	max = S_max(c);
	base = l->top + 14 + S_NPS_PLOT;
	for (i = 0; i < 11 && i < c->n; i++) {
		gi = i <= 6 ? 0 : i <= 8 ? 1 : 2;
		group[gi] += c->values[i];
		total += c->values[i];
		h = max > 0 ? S_NPS_PLOT * c->values[i] / max : 0;
		if (!(h >= CHART_MIN_SIZE))
			h = CHART_MIN_SIZE;
		x = (double)i * slot + (slot - bw) / 2;
		S_rect(l, colour[gi], x, base - h, bw, h);
		S_text_own(l, S_fit(l, c->value_text[i], S_SMALL_SIZE, 0,
		    slot), x + bw / 2, base - h - 4, S_SMALL_SIZE, 1, 0,
		    S_TEXT);
		S_text(l, c->labels[i], x + bw / 2, base + 4 + S_SMALL_SIZE,
		    S_SMALL_SIZE, 1, 0, S_MUTED);
	}
	S_line(l, S_AXIS, 0, base, W, base);

	/* The caption: the score, then a legend of the three groups with
	 * their shares; on one line when it fits, else two. */
	if (total > 0) {
		long nps = lround(100 * (group[2] - group[0]) / total);

		buf_printf(&b, nps > 0 ? "NPS +%ld" : "NPS %ld", nps);
	} else
		buf_puts(&b, "NPS \xe2\x80\x93");
	cap_y = base + 4 + S_SMALL_SIZE + 18;
	tw = S_width(l, buf_cstr(&b), S_TITLE_SIZE, 1);
	S_text_own(l, buf_detach(&b), 0, cap_y, S_TITLE_SIZE, 0, 1, S_TEXT);
	need = 0;
	for (gi = 0; gi < 3; gi++) {
		pct[gi] = S_percent(group[gi], total);
		buf_reset(&b);
		buf_printf(&b, "%s: %s", range[gi], pct[gi]);
		free(pct[gi]);
		pct[gi] = buf_detach(&b);
		need += 13 + S_width(l, pct[gi], S_LABEL_SIZE, 0) + 14;
	}
	if (tw + 20 + need <= W)
		lx = tw + 20;
	else {
		lx = 0;
		cap_y += S_TITLE_SIZE + 6;
	}
	for (gi = 0; gi < 3; gi++) {
		/* a 9 pt swatch centred on the text beside it */
		y = cap_y - 0.35 * S_LABEL_SIZE - 4.5;
		S_rect(l, colour[gi], lx, y, 9, 9);
		S_text_own(l, pct[gi], lx + 13, cap_y, S_LABEL_SIZE, 0, 0,
		    S_TEXT);
		lx += 13 + S_width(l, pct[gi], S_LABEL_SIZE, 0) + 14;
	}
	l->g->h = cap_y + 4;
}

/* Widens the box to hold every shape: on a box too narrow for the text
 * columns the picture is scaled down rather than cut off. */
static void
S_bounds(struct lay *l)
{
	struct chart_geom *g = l->g;
	const struct shape *s;
	double x1, w;
	size_t i;
	int k;

	for (i = 0; i < g->n; i++) {
		s = &g->s[i];
		x1 = 0;
		if (s->type == SHAPE_TEXT) {
			w = S_width(l, s->text, s->size, s->bold);
			x1 = s->x + (s->anchor == 0 ? w : s->anchor == 1 ?
			    w / 2 : 0);
		} else
			for (k = 0; k < s->npt; k++)
				if (s->pt[2 * k] > x1)
					x1 = s->pt[2 * k];
		if (x1 > g->w)
			g->w = ceil(x1);
	}
}

/* The data as one line of text: "label: value; label: value". */
static char *
S_desc(const struct chart *c)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < c->n; i++)
		buf_printf(&b, "%s%s: %s", i ? "; " : "", c->labels[i],
		    c->value_text[i]);
	return buf_detach(&b);
}

void
chart_layout(const struct chart *c, double width, chart_measure_fn measure,
    void *arg, struct chart_geom *out)
{
	struct lay l;

	memset(out, 0, sizeof(*out));
	memset(&l, 0, sizeof(l));
	l.g = out;
	l.measure = measure != NULL ? measure : S_estimate;
	l.arg = arg;
	/* Below 120 pt no kind has room for its text columns. */
	out->w = width >= 120 && isfinite(width) ? width : 120;
	out->kind = c->kind;
	out->desc = S_desc(c);
	if (c->n == 0)
		return;
	S_title(&l, c);
	switch (c->kind) {
	case CHART_FUNNEL:
		S_funnel(&l, c);
		break;
	case CHART_PYRAMID:
		S_pyramid(&l, c);
		break;
	case CHART_BAR:
		S_bar(&l, c);
		break;
	case CHART_NPS:
		S_nps(&l, c);
		break;
	}
	S_bounds(&l);
}

void
chart_geom_clear(struct chart_geom *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n; i++)
		free(g->s[i].text);
	free(g->s);
	free(g->desc);
	memset(g, 0, sizeof(*g));
}
