/*
 * pdf_table — GFM tables on the page.
 *
 * Column widths come from the content: every column gets at least its
 * longest word, and what is left of the measure goes to the columns in
 * proportion to how much more they would need to fit on one line.  A row
 * is one unsplittable pl_row; the header row is marked so the paginator can
 * repeat it on every page the table spans.
 */
#include "pdf_table.h"
#include "pdf_inline.h"
#include "pdf_rows.h"
#include "buf.h"
#include "i18n.h"
#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAD	4.0

struct cell_rows {
	size_t	 from, to;	/* rows laid out in a scratch layout */
};

static void
S_caption(struct layout *l, const struct doc_node *t, double x, double w)
{
	const struct doc_node *cap;
	struct inline_opts o;
	struct buf label = { 0 };
	size_t from = l->n, i;

	for (cap = t->first; cap != NULL; cap = cap->next)
		if (cap->type == DOC_PARA && cap->level == 1)
			break;
	/* an unnumbered table (a business document's) has no label, and
	 * without a caption no caption line at all */
	if (t->number == NULL && cap == NULL)
		return;
	if (t->number != NULL)
		buf_printf(&label, "%s %s", i18n(layout_lang_of(l), I18N_TABLE),
		    t->number);
	memset(&o, 0, sizeof(o));
	o.x = x;
	o.width = w;
	o.face = FACE_REGULAR;
	o.size = l->st->size * 0.95;
	o.leading = l->st->leading;
	o.color = PL_COLOR(0x1d, 0x23, 0x2b);
	if (cap != NULL) {
		o.prefix = label.data;	/* NULL: the caption alone */
		o.prefix_face = FACE_SANS_BOLD;
		inline_set(l, cap, &o);
	}
	else {
		o.face = FACE_SANS_BOLD;
		inline_set_text(l, label.data, &o);
	}
	if (l->n > from)
		l->rows[from].anchor = layout_anchor(l, t->id);
	for (i = from; i < l->n; i++)
		l->rows[i].keep = 1;
	layout_space(l, 3);
	l->rows[l->n - 1].keep = 1;
	buf_free(&label);
}

/*
 * Rows are never split across pages, but a row taller than a page cannot
 * be kept whole: rather than lose the text past the bottom, such a row is
 * cut into pieces of whole lines that each fit under the repeated header.
 * Only the last piece has the row's rule: that is how pdf_tag.c knows the
 * pieces for one row (one TR, its cells one TH/TD each).
 */
static void
S_split(struct layout *l, double lead)
{
	struct pl_row *r = &l->rows[l->n - 1], *p;
	double body = l->st->page_h - l->st->margin_top -
	    l->st->margin_bottom;
	double band, top;
	size_t q, k, npieces, i;
	struct pl_row whole;

	band = body * 0.8;
	band -= fmod(band, lead);	/* whole lines per piece */
	if (r->h <= body * 0.9 || band < lead)
		return;
	whole = *r;
	l->n--;			/* the row is rebuilt as its pieces */
	npieces = (size_t)ceil((whole.h - 2 * PAD) / band);
	for (k = 0; k < npieces; k++) {
		top = (double)k * band;
		p = layout_row(l, PL_LINE, 0);
		p->table = whole.table;
		p->base = whole.base;
		p->chapter = whole.chapter;
		for (q = 0; q < whole.nruns; q++) {
			struct pl_run *run = &whole.runs[q];

			if (run->dy < top || run->dy >= top + band)
				continue;
			row_run(p, run->x, run->w, run->face, run->size,
			    run->color, run->text, run->len, run->link);
			p->runs[p->nruns - 1].dy = run->dy - top;
			p->runs[p->nruns - 1].strike = run->strike;
		}
		p->h = (k + 1 < npieces ? band : whole.h - 2 * PAD - top) +
		    2 * PAD;
		if (k + 1 == npieces)
			for (i = 0; i < whole.nrects; i++)
				row_rect(p, whole.rects[i].x, p->h - 0.3,
				    whole.rects[i].w, 0.3, whole.rects[i].fill);
	}
	row_clear(&whole);
}

/* The narrowest column worth setting: two letters at the cell's size. */
#define MINCOL(size)	(2 * PAD + 2 * (size))

/*
 * A table with more columns than the measure can hold (1,000 of them
 * leave half a point each): set instead as its caption, then each body
 * row as lines "header: value", one a cell, so every value stays
 * legible and inside the text block.  Said once a table.
 */
static void
S_as_list(struct layout *l, const struct doc_node *t, double x, double width)
{
	const struct doc_node *head = NULL, *row, *cell, *hc;
	struct inline_opts o;
	struct buf label = { 0 };
	double size = l->st->size * 0.9;
	int ncols = t->ncols > 0 ? t->ncols : 1;

	diag_add(l->dl, DIAG_TABLE_WIDE, l->file, t->line, t->col, ncols,
	    (int)(width / MINCOL(size)));
	S_caption(l, t, x, width);
	for (row = t->first; row != NULL; row = row->next)
		if (row->type == DOC_TROW && row->level != 0) {
			head = row;
			break;
		}
	memset(&o, 0, sizeof(o));
	o.x = x;
	o.width = width;
	o.face = FACE_REGULAR;
	o.size = size;
	o.leading = size * 1.3;
	o.color = PL_COLOR(0x1d, 0x23, 0x2b);
	o.prefix_face = FACE_SANS_BOLD;
	for (row = t->first; row != NULL; row = row->next) {
		if (row->type != DOC_TROW || row == head)
			continue;
		for (cell = row->first, hc = head ? head->first : NULL;
		    cell != NULL; cell = cell->next,
		    hc = hc ? hc->next : NULL) {
			buf_reset(&label);
			if (hc != NULL)
				doc_plain_text(hc, &label);
			buf_puts(&label, ":");
			o.prefix = buf_cstr(&label);
			inline_set(l, cell, &o);
		}
		layout_space(l, l->st->para_skip);
	}
	layout_space(l, l->st->para_skip + 6);
	buf_free(&label);
}

void
layout_table(struct layout *l, const struct doc_node *t, double x,
    double width)
{
	const struct doc_node *row, *cell;
	double *nat, *min, *cw, sum_nat = 0, sum_min = 0, extra, n_, m_;
	double size = l->st->size * 0.9, lead = size * 1.3, y, h, cy;
	int ncols = t->ncols > 0 ? t->ncols : 1, k, id;
	struct layout scratch;
	struct inline_opts o;
	struct pl_row *r;
	size_t i, j, s0;

	if (width / ncols < MINCOL(size)) {
		S_as_list(l, t, x, width);
		return;
	}
	nat = xcalloc((size_t)ncols, sizeof(double));
	min = xcalloc((size_t)ncols, sizeof(double));
	cw = xcalloc((size_t)ncols, sizeof(double));
	for (row = t->first; row != NULL; row = row->next) {
		if (row->type != DOC_TROW)
			continue;
		for (cell = row->first, k = 0; cell != NULL && k < ncols;
		    cell = cell->next, k++) {
			inline_measure(l, cell, row->level ? FACE_SANS_BOLD :
			    FACE_REGULAR, size, &n_, &m_);
			if (n_ + 2 * PAD > nat[k])
				nat[k] = n_ + 2 * PAD;
			if (m_ + 2 * PAD > min[k])
				min[k] = m_ + 2 * PAD;
		}
	}
	for (k = 0; k < ncols; k++) {
		sum_nat += nat[k];
		sum_min += min[k];
	}
	if (sum_min >= width) {
		/* Longest words that cannot all fit: none takes more than
		 * its share of the measure, and words wider than their
		 * column break inside (pdf_inline.c), rather than shares in
		 * proportion that leave short words sticking out. */
		for (k = 0, sum_min = 0; k < ncols; k++) {
			if (min[k] > width / ncols)
				min[k] = width / ncols;
			if (nat[k] < min[k])
				nat[k] = min[k];
			sum_min += min[k];
		}
		for (k = 0, sum_nat = 0; k < ncols; k++)
			sum_nat += nat[k];
	}
	if (sum_nat <= width) {
		/* Everything fits on one line: give the slack out evenly so
		 * the table spans the measure like the text around it. */
		for (k = 0; k < ncols; k++)
			cw[k] = nat[k] + (width - sum_nat) * nat[k] / sum_nat;
	} else if (sum_min >= width) {
		for (k = 0; k < ncols; k++)
			cw[k] = width * min[k] / sum_min;
	} else {
		extra = width - sum_min;
		for (k = 0; k < ncols; k++)
			cw[k] = min[k] + extra * (nat[k] - min[k]) /
			    (sum_nat - sum_min);
	}

	S_caption(l, t, x, width);
	id = ++l->tables;
	for (row = t->first; row != NULL; row = row->next) {
		if (row->type != DOC_TROW)
			continue;
		/* Set every cell in a scratch layout, then merge them
		 * side by side into one row. */
		layout_rows_init(&scratch, l->fonts, l->hyph, l->st, l->dl);
		scratch.file = l->file;
		scratch.slug = l->slug;
		scratch.img_base = l->img_base != NULL ?
		    xstrdup(l->img_base) : NULL;
		h = 0;
		r = layout_row(l, PL_LINE, 0);
		r->table = id;
		r->theader = row->level != 0;
		y = x;
		for (cell = row->first, k = 0; cell != NULL && k < ncols;
		    cell = cell->next, k++) {
			memset(&o, 0, sizeof(o));
			o.x = y + PAD;
			o.width = cw[k] - 2 * PAD;
			o.face = row->level ? FACE_SANS_BOLD : FACE_REGULAR;
			o.size = size;
			o.leading = lead;
			o.color = PL_COLOR(0x1d, 0x23, 0x2b);
			o.align = t->align && t->align[k] == 'r' ? 'r' :
			    t->align && t->align[k] == 'c' ? 'c' : 'l';
			s0 = scratch.n;
			inline_set(&scratch, cell, &o);
			/* runs move into the table row, at their line's y
			 * (a line with a picture is taller, its baseline
			 * lower) */
			for (i = s0, j = 0, cy = 0; i < scratch.n;
			    cy += scratch.rows[i].h, i++, j++) {
				struct pl_row *sr = &scratch.rows[i];
				double dy = cy + sr->base - (lead -
				    (lead - size) / 2 - size * 0.22);
				size_t q;

				for (q = 0; q < sr->nruns; q++) {
					struct pl_run *src = &sr->runs[q];

					row_run(r, src->x, src->w, src->face,
					    src->size, src->color, src->text,
					    src->len, src->link < 0 ? -1 :
					    layout_link(l,
					    scratch.links[src->link]));
					/* a cell's later lines sit below
					 * the row's baseline */
					r->runs[r->nruns - 1].dy = dy;
					r->runs[r->nruns - 1].strike =
					    src->strike | (k + 1) <<
					    PL_CELL_SHIFT;
				}
			}
			if (cy > h)
				h = cy;
			y += cw[k];
		}
		inline_free(&scratch);
		layout_rows_free(&scratch);
		r->h = h + 2 * PAD;
		r->base = PAD + lead - (lead - size) / 2 - size * 0.22;
		if (r->theader) {
			row_rect(r, x, 0, width, 0.9, PL_COLOR(0x1d, 0x23, 0x2b));
			row_rect(r, x, r->h - 0.6, width, 0.6,
			    PL_COLOR(0x1d, 0x23, 0x2b));
		} else
			row_rect(r, x, r->h - 0.3, width, 0.3,
			    PL_COLOR(0xb8, 0xc0, 0xca));
		r->keep = r->theader;
		if (!r->theader)
			S_split(l, lead);
	}
	layout_space(l, l->st->para_skip + 6);
	free(nat);
	free(min);
	free(cw);
}
