/*
 * pdf_layout — blocks into rows (see pdf_layout.h).
 *
 * The look of a textbook: serif body text justified on a 160 mm measure,
 * sans-serif numbered headings kept with what follows, callouts in tinted
 * boxes with their label, code on a grey ground, tables with rules only
 * where they help the eye.
 */
#include "pdf_layout.h"
#include "pdf_tag.h"
#include "pdf_code.h"
#include "pdf_inline.h"
#include "pdf_rows.h"
#include "pdf_table.h"
#include "buf.h"
#include "chart.h"
#include "i18n.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#define MM(x)	((x) * 72.0 / 25.4)

void
pdf_style_default(struct pdf_style *s, int letter)
{
	memset(s, 0, sizeof(*s));
	s->page_w = letter ? 612 : MM(210);
	s->page_h = letter ? 792 : MM(297);
	s->margin_left = s->margin_right = (s->page_w - MM(160)) / 2;
	s->margin_top = MM(25);
	s->margin_bottom = MM(25);
	s->size = 10;
	s->leading = 13.2;
	s->para_skip = 4;
	s->lang = "nl";
	s->accent = PL_COLOR(0x0b, 0x5c, 0xad);
}

/*** The layout's life (the store: pdf_rows.c) ***/

void
layout_init(struct layout *l, struct fonts *f, struct hyph *h,
    const struct pdf_style *st, struct diag_list *dl)
{
	layout_rows_init(l, f, h, st, dl);
}

void
layout_free(struct layout *l)
{
	inline_free(l);
	layout_rows_free(l);
}

/*** Blocks ***/

#define INK		PL_COLOR(0x1d, 0x23, 0x2b)
#define MUTED		PL_COLOR(0x5b, 0x66, 0x75)
#define ACCENT		PL_COLOR(0x0b, 0x5c, 0xad)

/*
 * Nesting.  Every list, block quote and callout indents its content, so
 * past some depth the measure would be too narrow to hold a word (at 40
 * levels of lists nothing would be left of 160 mm).  From NEST_INDENT
 * levels on, deeper containers keep the column of the level above: their
 * text is all set, only no longer further right.  S_blocks() recurses
 * once per level; past NEST_DEEPEST levels the rest of a subtree is
 * walked without recursion (S_flat()), its text blocks set in order in
 * that column, without the markers and boxes of the containers around
 * them, so hostile depth (65,000 levels) never reaches the C stack.
 */
#define NEST_INDENT	10
#define NEST_DEEPEST	64

struct ctx {
	double	x, w;		/* current text column */
	int	depth;		/* lists, quotes and callouts around it */
	int	box;		/* enclosing box id */
	double	box_x, box_w;
	uint32_t box_fill, box_bar;
};

static void S_blocks(struct layout *, const struct doc_node *parent,
    struct ctx *);

/* A signature block (a template's ```frame sign```): per line, the
 * seller's text | the customer's; the first line above room to sign
 * (PL_SIGN_H high, a rule at its foot), the others under the rule.  The
 * room's row carries the anchor PL_SIGN_ANCHOR: pdf.c puts the
 * customer's signature field over it.  Kept on one page. */
static void
S_sign(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	const struct doc_node *t;
	double half = (c->w - 24) / 2, x[2], size, w;
	struct pl_row *r;
	const char *s, *bar;
	size_t from = l->n, len;
	int line = 0, k;

	x[0] = c->x;
	x[1] = c->x + half + 24;
	layout_space(l, 10);
	for (t = n->first; t != NULL; t = t->next) {
		if (t->type != DOC_TEXT || t->text == NULL)
			continue;
		r = layout_row(l, PL_LINE, line == 0 ? 14 : 13);
		r->base = 10;
		for (k = 0, s = t->text; k < 2 && s != NULL; k++) {
			while (*s == ' ')
				s++;
			bar = strchr(s, '|');
			len = bar != NULL ? (size_t)(bar - s) : strlen(s);
			while (len > 0 && s[len - 1] == ' ')
				len--;
			size = line == 0 ? 9.5 : 9;
			w = font_width(l->fonts, line == 0 ? FACE_SANS_BOLD :
			    FACE_REGULAR, s, len, size);
			if (w > half) {
				size *= half / w;	/* one line, smaller */
				w = half;
			}
			if (len > 0)
				row_run(r, x[k], w, line == 0 ? FACE_SANS_BOLD :
				    FACE_REGULAR, size, INK, s, len, -1);
			s = bar != NULL ? bar + 1 : NULL;
		}
		if (line++ == 0) {
			struct pl_rect *q;

			r = layout_row(l, PL_LINE, PL_SIGN_H);
			r->anchor = layout_anchor(l, PL_SIGN_ANCHOR);
			r->rects = xcalloc(2, sizeof(*r->rects));
			r->nrects = 2;
			for (k = 0; k < 2; k++) {
				q = &r->rects[k];
				q->x = x[k];
				q->y = PL_SIGN_H - 4;
				q->w = half;
				q->h = 0.6;
				q->fill = INK;
			}
		}
	}
	for (; from + 1 < l->n; from++)
		l->rows[from].keep = 1;
}

/* The column inside a container at c that indents its content by left on
 * the left and by left + right in all: c's own column from NEST_INDENT
 * levels on (said once a PDF, at the first such container n, when l is
 * given). */
static void
S_nest(struct layout *l, const struct doc_node *n, const struct ctx *c,
    double left, double right, struct ctx *inner)
{
	*inner = *c;
	inner->depth = c->depth + 1;
	if (c->depth >= NEST_INDENT) {
		if (l != NULL && !l->deep_noted) {
			l->deep_noted = 1;
			diag_add(l->dl, DIAG_NEST_DEEP, l->file, n->line,
			    n->col, NEST_INDENT, NEST_INDENT);
		}
		return;
	}
	inner->x = c->x + left;
	inner->w = c->w - left - right;
}

/* Marks rows [from, l->n) as inside the current box. */
static void
S_in_box(struct layout *l, size_t from, const struct ctx *c)
{
	size_t i;

	if (c->box == 0)
		return;
	for (i = from; i < l->n; i++)
		if (l->rows[i].box == 0) {
			l->rows[i].box = c->box;
			l->rows[i].box_x = c->box_x;
			l->rows[i].box_w = c->box_w;
			l->rows[i].box_fill = c->box_fill;
			l->rows[i].box_bar = c->box_bar;
		}
}

/* Drops the space a block left after itself (between the items of a
 * tight list, between a term's explanations).  An anchor's row
 * (S_anchor_row()) is a space too, of no height, but a link's
 * destination: it stays, or the link would lead nowhere. */
static void
S_drop_space(struct layout *l)
{
	struct pl_row *r;

	if (l->n == 0)
		return;
	r = &l->rows[l->n - 1];
	if (r->kind != PL_SPACE || r->anchor != NULL)
		return;
	row_clear(r);
	l->n--;
}

/* Widows and orphans: a paragraph of three or more lines keeps its first
 * two and last two together; of two lines, both. */
static void
S_keep_lines(struct layout *l, size_t from)
{
	size_t n = l->n - from;

	if (n >= 2) {
		l->rows[from].keep = 1;
		l->rows[l->n - 2].keep = 1;
	}
}

static void
S_para_opts(const struct layout *l, const struct ctx *c,
    struct inline_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->x = c->x;
	o->width = c->w;
	o->face = FACE_REGULAR;
	o->size = l->st->size;
	o->leading = l->st->leading;
	o->justify = !l->st->ragged;
	o->hyphenate = 1;
	o->color = INK;
}

static void
S_para(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct inline_opts o;
	size_t from = l->n, i;

	S_para_opts(l, c, &o);
	inline_set(l, n, &o);
	S_keep_lines(l, from);
	S_in_box(l, from, c);
	if (n->next != NULL)
		layout_space(l, l->st->para_skip);
	if (n->info != NULL && strcmp(n->info, "keep") == 0) {
		/* a template's ```frame keep``` (datadoc.c): whole, and
		 * with the next paragraph when that is kept too */
		int next = n->next != NULL && n->next->type == DOC_PARA &&
		    n->next->info != NULL && strcmp(n->next->info,
		    "keep") == 0;

		for (i = from; i < l->n; i++)
			if (i + 1 < l->n || next)
				l->rows[i].keep = 1;
	}
}

static void
S_heading(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct inline_opts o;
	struct buf t = { 0 };
	size_t from, i;
	double size;

	memset(&o, 0, sizeof(o));
	if (n->level == 1 && l->chapter > 0 && l->open_pages) {
		/* A chapter opens a page: its number large, then its title. */
		layout_row(l, PL_PAGE, 0);
		layout_space(l, 36);
		size = 22;
	} else {
		size = n->level == 1 ? 18 : n->level == 2 ? 13 : n->level == 3 ?
		    11.5 : 10.5;
		if (l->n > 0)
			layout_space(l, n->level <= 2 ? 14 : 9);
	}
	o.x = c->x;
	o.width = c->w;
	o.face = FACE_SANS_BOLD;
	o.size = size;
	o.leading = size * 1.25;
	o.color = n->level <= 2 ? l->st->accent : INK;
	o.prefix = n->number;
	o.prefix_face = FACE_SANS_BOLD;
	from = l->n;
	inline_set(l, n, &o);
	for (i = from; i < l->n; i++)
		l->rows[i].keep = 1;	/* a heading stays with what follows */
	if (l->n > from) {
		struct pl_row *r = &l->rows[from];

		r->anchor = layout_anchor(l, n->id);
		if (n->level <= 3) {
			r->outline = n->level == 1 ? 1 : n->level;
			if (n->number)
				buf_printf(&t, "%s ", n->number);
			doc_plain_text(n, &t);
			r->otitle = buf_detach(&t);
		}
	}
	S_in_box(l, from, c);
	layout_space(l, n->level == 1 ? 14 : 4);
	l->rows[l->n - 1].keep = 1;
	buf_free(&t);
}

/* A code block: its lines (pdf_code.c) on a grey ground.  Four rows or
 * fewer stay whole; a longer block split over pages leaves at least two
 * rows on each, as a paragraph does. */
static void
S_code(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	double size = l->st->size * 0.85, lead = size * 1.3, pad = 6;
	size_t from = l->n, k, rows;
	struct ctx inner = *c;

	if (c->box == 0) {
		inner.box = ++l->boxes;
		inner.box_x = c->x;
		inner.box_w = c->w;
		inner.box_fill = PL_COLOR(0xf1, 0xf3, 0xf6);
		inner.box_bar = PL_NONE;
	}
	layout_space(l, pad);
	rows = layout_code(l, n, c->x + pad, c->w - 2 * pad, size, lead);
	layout_space(l, pad);
	if (rows <= 4)
		for (k = from; k + 1 < l->n; k++)
			l->rows[k].keep = 1;	/* short listings stay whole */
	else {
		l->rows[from + 1].keep = 1;
		l->rows[from + rows - 1].keep = 1;
	}
	S_in_box(l, from, &inner);
	layout_space(l, l->st->para_skip + 2);
}

static void
S_list(struct layout *l, const struct doc_node *list, struct ctx *c)
{
	const struct doc_node *item;
	struct ctx inner;
	struct buf m = { 0 };
	double indent = 16;
	int num = list->start;
	size_t from;

	S_nest(l, list, c, indent, 0, &inner);
	for (item = list->first; item != NULL; item = item->next, num++) {
		from = l->n;
		if (l->tag != NULL)
			tag_container(l->tag, item, from);
		S_blocks(l, item, &inner);
		if (l->tag != NULL)
			tag_container_end(l->tag, item, l->n);
		/* the marker goes on the item's first text line */
		while (from < l->n && l->rows[from].kind != PL_LINE)
			from++;
		if (from < l->n) {
			struct pl_row *r = &l->rows[from];
			double mw;

			enum font_face mf = FACE_REGULAR;

			buf_reset(&m);
			if (item->level != 0) {
				/* a task: a ballot box, empty or ticked,
				 * from the face that has it (DejaVu's) */
				buf_puts(&m, item->level == 2 ?
				    "\xE2\x98\x91" : "\xE2\x98\x90");
				mf = font_has(l->fonts, FACE_MONO,
				    item->level == 2 ? 0x2611 : 0x2610) ?
				    FACE_MONO : FACE_FALLBACK;
			} else if (list->ordered)
				buf_printf(&m, "%d.", num);
			else
				buf_puts(&m, c->x > l->st->margin_left + 20 ?
				    "\xE2\x80\x93" : "\xE2\x80\xA2");
			mw = font_width(l->fonts, mf, m.data, m.len,
			    l->st->size);
			row_run(r, inner.x - 5 - mw, mw, mf,
			    l->st->size, INK, m.data, m.len, -1);
			/* a Lbl of the item, read before its body */
			if (l->tag != NULL)
				tag_label(l->tag, from, r->nruns - 1);
			if (mf != FACE_REGULAR)
				font_check(l->fonts, mf, m.data, m.len,
				    l->file, item->line, item->col, l->dl);
		}
		if (list->tight && item->next != NULL)
			S_drop_space(l);
		if (!list->tight && item->next != NULL)
			layout_space(l, l->st->para_skip / 2);
	}
	layout_space(l, l->st->para_skip);
	buf_free(&m);
}

static const uint32_t S_callout_fill[CALLOUT__MAX] = {
	PL_NONE,
	PL_COLOR(0xe7, 0xf5, 0xef),	/* definitie */
	PL_COLOR(0xf4, 0xf5, 0xf7),	/* voorbeeld */
	PL_COLOR(0xfd, 0xf3, 0xe1),	/* opdracht */
	PL_COLOR(0xfd, 0xf3, 0xe1),	/* antwoord */
	PL_COLOR(0xe8, 0xf1, 0xfb),	/* tip */
	PL_COLOR(0xfd, 0xec, 0xec),	/* let op */
	PL_COLOR(0xfd, 0xf3, 0xe1),	/* vraag */
};
static const uint32_t S_callout_bar[CALLOUT__MAX] = {
	PL_NONE,
	PL_COLOR(0x0b, 0x6e, 0x4f),
	PL_COLOR(0x5b, 0x66, 0x75),
	PL_COLOR(0x7a, 0x4b, 0x00),
	PL_COLOR(0x7a, 0x4b, 0x00),
	PL_COLOR(0x0b, 0x5c, 0xad),
	PL_COLOR(0xa4, 0x26, 0x2c),
	PL_COLOR(0x7a, 0x4b, 0x00),
};

static void
S_callout(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct ctx inner;
	struct inline_opts o;
	struct buf label = { 0 };
	double pad = 7;
	size_t from = l->n, i;

	S_nest(l, n, c, pad + 3, pad, &inner);
	inner.box = ++l->boxes;
	inner.box_x = c->x;
	inner.box_w = c->w;
	inner.box_fill = S_callout_fill[n->ckind];
	inner.box_bar = S_callout_bar[n->ckind];
	layout_space(l, 4);
	from = l->n;
	layout_space(l, pad);
	buf_puts(&label, i18n_callout(layout_lang_of(l), n->ckind));
	if (n->number)
		buf_printf(&label, " %s", n->number);
	memset(&o, 0, sizeof(o));
	o.x = inner.x;
	o.width = inner.w;
	o.face = FACE_BOLD;
	o.size = l->st->size;
	o.leading = l->st->leading;
	o.color = S_callout_bar[n->ckind];
	if (n->text != NULL) {
		o.prefix = label.data;
		o.prefix_face = FACE_SANS_BOLD;
		inline_set_text(l, n->text, &o);
	} else {
		o.face = FACE_SANS_BOLD;
		inline_set_text(l, label.data, &o);
	}
	if (l->n > from + 1)
		l->rows[l->n - 1].anchor = layout_anchor(l, n->id);
	for (i = from; i < l->n; i++)
		l->rows[i].keep = 1;
	layout_space(l, 3);
	l->rows[l->n - 1].keep = 1;
	S_blocks(l, n, &inner);
	if (l->n > 0 && l->rows[l->n - 1].kind == PL_SPACE)
		l->rows[l->n - 1].h = pad;
	else
		layout_space(l, pad);
	S_in_box(l, from, &inner);
	layout_space(l, l->st->para_skip + 4);
	buf_free(&label);
}

static void
S_quote(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct ctx inner;
	size_t from = l->n;

	S_nest(l, n, c, 14, 0, &inner);
	S_blocks(l, n, &inner);
	if (c->box == 0) {
		struct ctx bar = *c;

		bar.box = ++l->boxes;
		bar.box_x = c->x;
		bar.box_w = 0;
		bar.box_fill = PL_NONE;
		bar.box_bar = PL_COLOR(0xc8, 0xce, 0xd6);
		S_in_box(l, from, &bar);
	}
	layout_space(l, l->st->para_skip);
}

static void
S_hrule(struct layout *l, struct ctx *c)
{
	struct pl_row *r;

	layout_space(l, 6);
	r = layout_row(l, PL_LINE, 6);
	row_rect(r, c->x + c->w / 4, 2.5, c->w / 2, 0.6, MUTED);
	layout_space(l, 6);
}

static void
S_figure(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	const struct doc_node *img = n->first;
	struct inline_opts o;
	struct pl_row *r;
	struct buf label = { 0 }, path = { 0 };
	size_t from;

	if (img == NULL || img->url == NULL || img->url[0] == '\0')
		return;		/* refused or missing: reported already */
	if (img->url[0] != '/' && strchr(img->url, ':') == NULL &&
	    l->img_base != NULL)
		buf_printf(&path, "%s/%s", l->img_base, img->url);
	else
		buf_puts(&path, img->url);
	layout_space(l, 6);
	l->line = img->line;
	l->col = img->col;
	r = layout_row(l, PL_IMAGE, 0);
	r->img_name = path.len - strlen(img->url);
	r->img = buf_detach(&path);
	r->img_w = c->w;
	r->box_x = c->x;
	r->keep = 1;
	r->anchor = layout_anchor(l, n->id);
	layout_space(l, 4);
	l->rows[l->n - 1].keep = 1;
	buf_printf(&label, "%s %s", i18n(layout_lang_of(l), I18N_FIGURE),
	    n->number ? n->number : "");
	memset(&o, 0, sizeof(o));
	o.x = c->x;
	o.width = c->w;
	o.face = FACE_ITALIC;
	o.size = l->st->size * 0.9;
	o.leading = l->st->leading * 0.9;
	o.color = INK;
	o.prefix = label.data;
	o.prefix_face = FACE_SANS_BOLD;
	from = l->n;
	inline_set(l, img, &o);
	S_in_box(l, from, c);
	layout_space(l, l->st->para_skip + 4);
	buf_free(&label);
}

static double
S_measure(void *arg, const char *text, double size, int bold)
{
	struct layout *l = arg;

	return font_width(l->fonts, bold ? FACE_SANS_BOLD : FACE_REGULAR,
	    text, strlen(text), size);
}

/* A chart: the same geometry the site draws as SVG, drawn as paths. */
static void
S_chart(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct chart ch;
	struct pl_row *r;
	struct diag_list *quiet = diag_list_new();

	/* md_parse checked the data; nothing new to report here */
	if (chart_parse(n->info, n->text ? n->text : "", layout_lang_of(l), l->file,
	    n->line, DIAG_CHART, &ch, quiet) == 0) {
		layout_space(l, 6);
		r = layout_row(l, PL_CHART, 0);
		r->chart = xcalloc(1, sizeof(*r->chart));
		chart_layout(&ch, c->w * 0.9, S_measure, l, r->chart);
		r->h = r->chart->h;
		r->box_x = c->x + c->w * 0.05;
		r->anchor = n->id ? layout_anchor(l, n->id) : NULL;
		chart_clear(&ch);
		layout_space(l, l->st->para_skip + 6);
	}
	diag_list_free(quiet);
}

/* Definition lists: the term in bold, kept with its explanations, which
 * are indented below it. */
static void
S_deflist(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	const struct doc_node *d;
	struct inline_opts o;
	struct ctx inner;
	size_t from;

	S_nest(l, n, c, 16, 0, &inner);
	for (d = n->first; d != NULL; d = d->next) {
		from = l->n;
		if (d->type == DOC_DEFTERM) {
			S_para_opts(l, c, &o);
			o.face = FACE_BOLD;
			o.justify = 0;
			inline_set(l, d, &o);
			S_keep_lines(l, from);
			if (l->n > from)
				l->rows[l->n - 1].keep = 1;
			S_in_box(l, from, c);
		} else {
			S_blocks(l, d, &inner);
			if (d->next != NULL && d->next->type == DOC_DEFDESC)
				S_drop_space(l);
		}
	}
	layout_space(l, l->st->para_skip);
}

/* Footnotes, at the chapter's end: a short rule, then each note with
 * its number before its first line, as a list's markers are set. */
static void
S_footnote(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct ctx inner;
	struct pl_row *r;
	size_t from;
	double mw;

	if (n->prev == NULL || n->prev->type != DOC_FOOTDEF) {
		layout_space(l, l->st->para_skip);
		r = layout_row(l, PL_LINE, 6);
		row_rect(r, c->x, 2, c->w / 4, 0.6, MUTED);
		r->keep = 1;
	}
	S_nest(l, n, c, 16, 0, &inner);
	from = l->n;
	S_blocks(l, n, &inner);
	while (from < l->n && l->rows[from].kind != PL_LINE)
		from++;
	if (from < l->n && n->number != NULL) {
		mw = font_width(l->fonts, FACE_REGULAR, n->number,
		    strlen(n->number), l->st->size);
		row_run(&l->rows[from], inner.x - 5 - mw, mw, FACE_REGULAR,
		    l->st->size, INK, n->number, strlen(n->number), -1);
	}
}

/* Raw HTML passed through (md_parse named its tag): an iframe becomes a
 * link to what it shows; any other block is left out (md_parse noted
 * it): a PDF never shows markup. */
static void
S_raw_tag(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct doc_node *para, *link, *t;
	struct buf b = { 0 };

	if (strcmp(n->info, "iframe") != 0 || n->url == NULL ||
	    n->url[0] == '\0')
		return;
	para = doc_new(DOC_PARA, n->line, n->col);
	link = doc_new(DOC_LINK, n->line, n->col);
	link->url = xstrdup(n->url);
	t = doc_new(DOC_TEXT, n->line, n->col);
	if (n->title != NULL && n->title[0] != '\0')
		buf_printf(&b, "%s (%s)", n->title, n->url);
	else
		buf_puts(&b, n->url);
	t->text = buf_detach(&b);
	doc_append(link, t);
	doc_append(para, link);
	S_para(l, para, c);
	layout_space(l, l->st->para_skip);
	doc_free(para);
}

/* An anchor with no height of its own, kept with what follows. */
static void
S_anchor_row(struct layout *l, const char *id)
{
	layout_space(l, 0);
	l->rows[l->n - 1].anchor = layout_anchor(l, id);
	l->rows[l->n - 1].keep = 1;
}

/* The anchors a block holds besides its own id: a heading's MyST label
 * (title), an <a name> target standing as a block or among a paragraph's
 * or heading's inlines (md_parse.c keeps only their id).  Each becomes a
 * destination where the block starts. */
static void
S_extra_anchors(struct layout *l, const struct doc_node *n)
{
	const struct doc_node *k;

	if (n->type == DOC_HEADING && n->title != NULL)
		S_anchor_row(l, n->title);
	if (n->type == DOC_HTMLBLOCK && n->id != NULL)
		S_anchor_row(l, n->id);
	if (n->type != DOC_PARA && n->type != DOC_HEADING)
		return;
	for (k = n; k != NULL; k = doc_next(n, k, 0))
		if (k->type == DOC_HTMLINLINE && k->id != NULL)
			S_anchor_row(l, k->id);
}

static void
S_raw(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	struct inline_opts o;
	size_t from = l->n;

	if (n->id != NULL)
		return;		/* an <a name> target: S_extra_anchors() */
	if (n->info != NULL) {
		S_raw_tag(l, n, c);
		return;
	}

	memset(&o, 0, sizeof(o));
	o.x = c->x;
	o.width = c->w;
	o.face = FACE_MONO;
	o.size = l->st->size * 0.85;
	o.leading = l->st->leading;
	o.color = MUTED;
	inline_set_text(l, n->text ? n->text : "", &o);
	S_in_box(l, from, c);
	layout_space(l, l->st->para_skip);
}

/* A passage in another language (doc_passage()): set in its language,
 * and in a tagged PDF a Sect with its /Lang around its blocks (an
 * embedded sales document has its own heading); nothing on the page. */
static void
S_passage(struct layout *l, const struct doc_node *n)
{
	/* its labels and hyphenation its own; after it, the text
	 * around it again (passages do not nest: datadoc.c) */
	if (n->level == 1) {
		l->lang_around = l->lang;
		layout_lang(l, doc_passage_lang(n));
	} else
		layout_lang(l, l->lang_around);
	if (l->tag == NULL)
		return;
	if (n->level == 1) {
		tag_open(l->tag, TAG_SECT, l->n, NULL);
		tag_lang(l->tag, doc_passage_lang(n));
	} else
		tag_close(l->tag, l->n);
}

/* The file a figure shows, as written, for a message. */
static const char *
S_figure_file(const struct doc_node *n)
{
	const struct doc_node *k;

	for (k = n; k != NULL; k = doc_next(n, k, 0))
		if (k->type == DOC_IMAGE && k->url != NULL)
			return k->url;
	return "";
}

/* One block that holds no blocks (a paragraph, a table, a code block...)
 * in column c; 0 when n is a container (or not a block), which
 * S_blocks() and S_flat() each handle their own way. */
static int
S_leaf(struct layout *l, const struct doc_node *n, struct ctx *c)
{
	size_t from = l->n;

	/* the rows made now come from n (pl_row.line) */
	l->line = n->line;
	l->col = n->col;
	S_extra_anchors(l, n);
	switch (n->type) {
	case DOC_PARA:
		/* a template's frame is placed by pdf.c, not in the flow */
		if (n->info != NULL && strcmp(n->info, "frame sign") == 0)
			S_sign(l, n, c);
		else if (n->info != NULL && strncmp(n->info, "frame ",
		    6) == 0)
			break;
		else
			S_para(l, n, c);
		break;
	case DOC_HEADING:
		S_heading(l, n, c);
		break;
	case DOC_CODEBLOCK:
		S_code(l, n, c);
		break;
	case DOC_HTMLBLOCK:
		if (doc_passage_lang(n) != NULL) {
			S_passage(l, n);
			return 1;
		}
		S_raw(l, n, c);
		break;
	case DOC_HRULE:
		if (n->info != NULL && strcmp(n->info, "page") == 0)
			/* the general terms after a letter (datadoc.c) */
			layout_row(l, PL_PAGE, 0);
		else
			S_hrule(l, c);
		break;
	case DOC_TABLE:
		layout_table(l, n, c->x, c->w);
		S_in_box(l, from, c);
		break;
	case DOC_FIGURE:
		S_figure(l, n, c);
		break;
	case DOC_CHART:
		S_chart(l, n, c);
		break;
	default:
		return 0;
	}
	if (l->tag != NULL && tag_block(l->tag, n, l->rows, from, l->n))
		diag_add(l->dl, DIAG_FIGURE_NO_ALT, l->file, n->line, n->col,
		    S_figure_file(n));
	return 1;
}

/* The blocks under parent past NEST_DEEPEST levels: every text block in
 * document order, in column c, walked without recursion. */
static void
S_flat(struct layout *l, const struct doc_node *parent, struct ctx *c)
{
	const struct doc_node *n;

	for (n = parent->first; n != NULL; )
		n = doc_next(parent, n, S_leaf(l, n, c));
}

/* Lays out the children of parent.  Blocks nest (lists in callouts in
 * list items), and so does this function, by the nesting of block
 * containers, down to NEST_DEEPEST levels; S_flat() takes the rest. */
static void
S_blocks(struct layout *l, const struct doc_node *parent, struct ctx *c)
{
	const struct doc_node *n;

	if (c->depth > NEST_DEEPEST) {
		S_flat(l, parent, c);
		return;
	}
	for (n = parent->first; n != NULL; n = n->next) {
		/* the rows a list or quote makes come from it (pl_row.line) */
		l->line = n->line;
		l->col = n->col;
		if (S_leaf(l, n, c))
			continue;
		if (l->tag != NULL)
			tag_container(l->tag, n, l->n);
		switch (n->type) {
		case DOC_LIST:
			S_list(l, n, c);
			break;
		case DOC_BLOCKQUOTE:
			S_quote(l, n, c);
			break;
		case DOC_CALLOUT:
			S_callout(l, n, c);
			break;
		case DOC_DEFLIST:
			S_deflist(l, n, c);
			break;
		case DOC_FOOTDEF:
			S_footnote(l, n, c);
			break;
		default:
			break;
		}
		if (l->tag != NULL)
			tag_container_end(l->tag, n, l->n);
	}
}

/* The paragraphs S_blocks() will set, with their measure: the same walk
 * through lists, quotes and callouts, the same columns. */
static void
S_plan(const struct layout *l, const struct doc_node *parent,
    const struct ctx *c, struct inline_ahead *a)
{
	const struct doc_node *n, *item;
	struct inline_opts o;
	struct ctx inner;

	if (c->depth > NEST_DEEPEST)
		return;		/* S_flat() sets those itself */
	for (n = parent->first; n != NULL; n = n->next) {
		switch (n->type) {
		case DOC_PARA:
			S_para_opts(l, c, &o);
			inline_ahead_add(a, n, &o);
			break;
		case DOC_LIST:
			S_nest(NULL, n, c, 16, 0, &inner);
			for (item = n->first; item != NULL; item = item->next)
				S_plan(l, item, &inner, a);
			break;
		case DOC_BLOCKQUOTE:
			S_nest(NULL, n, c, 14, 0, &inner);
			S_plan(l, n, &inner, a);
			break;
		case DOC_CALLOUT:
			S_nest(NULL, n, c, 7 + 3, 7, &inner);
			S_plan(l, n, &inner, a);
			break;
		default:
			break;
		}
	}
}

void
layout_doc(struct layout *l, const struct doc_node *root)
{
	struct inline_ahead *a;
	struct ctx c;

	memset(&c, 0, sizeof(c));
	c.x = l->st->margin_left;
	c.w = l->st->page_w - l->st->margin_left - l->st->margin_right;
	a = inline_ahead_new();
	S_plan(l, root, &c, a);
	inline_ahead_start(l, a);
	S_blocks(l, root, &c);
	inline_ahead_stop(l);
}
