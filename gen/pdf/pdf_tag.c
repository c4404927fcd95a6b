/*
 * pdf_tag — the structure tree of a tagged PDF; see pdf_tag.h.
 *
 * libharu 2.3 has no tagging API.  The tree stays in the small structs
 * below until the PDF is saved, and its objects (the StructTreeRoot, the
 * elements, groups of children, the ParentTree) are written as PDF text
 * straight into the object streams by pdf_pack.c (tag_pack(), S_write()):
 * as libharu dictionaries and arrays they cost about a kilobyte and some
 * thousand instructions an element, more than the rest of tagging.
 * libharu holds only a placeholder the catalog's /StructTreeRoot points
 * at, the keys of the catalog, pages and annotations, the XMP and the
 * output intent; the catalog and pages are reached through hpdf_doc.h,
 * and every libharu return code is checked here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "buf.h"
#include "doc.h"
#include "mem.h"
#include "pdf_pack.h"
#include "pdf_rows.h"
#include "pdf_tag.h"

static const char *const S_names[] = {
	"Document", "Part", "Sect", "Div", "P",
	"H1", "H2", "H3", "H4", "H5", "H6",
	"L", "LI", "LBody", "BlockQuote", "Note", "Code",
	"Lbl", "Link",
	"Figure", "Caption", "Table", "THead", "TBody", "TR",
	"TH", "TD", "TOC", "TOCI",
	"Index", "Form",
	"Artifact"
};

/* A piece of marked content: page and MCID. */
struct tag_mcr {
	size_t	 page;
	int	 mcid;
};

struct tag_el {
	enum tag_role	 role;
	int		 parent;	/* -1: the root */
	char		*alt;		/* owned, or NULL */
	char		*title;		/* owned, or NULL */
	char		*lang;		/* owned: /Lang of a passage, or NULL */
	struct tag_mcr	*mc;
	size_t		 nmc;
	int		 used;		/* has marked content below it */
	size_t		 num;		/* its object (struct tag_w) */
	size_t		 up;		/* the object of its /P */
};

struct tag_page {
	HPDF_Page	 page;
	int		*el;		/* element of each MCID */
	size_t		 n;
};

struct tag_rows {
	struct tag_tree	*t;
	int		*row_el;	/* element of each row */
	size_t		 n, cap;	/* rows mapped, room */
	int		*open;		/* containers open, innermost last */
	size_t		 nopen;
	int		 tail;		/* rows past the last mapped, -1 */
	/* list labels (tag_label()), sorted by row when nsorted == nlbl */
	struct tag_lbl {
		size_t	 row, run;
		int	 el;
	}		*lbl;
	size_t		 nlbl, nsorted;
	int		 last_li;	/* the item closed last, -1 */
	int		 part, sect;	/* Part and Sect open (tag_part()),
					   -1 none */
	int		 part_no;	/* the open Part's part */
	/* runs with an element of their own (tag_runs()), rows in order */
	struct tag_span {
		size_t	 row, from, to;
		int	 el;
	}		*sp;
	size_t		 nsp;
};

struct tag_tree {
	struct tag_el	*el;
	size_t		 nel;
	char		*lang;
	struct tag_page	*pg;
	size_t		 npg;
	int		 cur;		/* element whose content is open,
					   -1 none, -2 an artifact */
	int		 last_h;	/* level of the last heading */
	struct tag_rows	**maps;
	size_t		 nmaps;
	/* links (tag_link(), tag_annot()) */
	int		 link_el;	/* the last Link, -1 */
	const struct tag_rows *link_m;	/* its map and link number */
	int		 link_no;
	struct tag_an {
		int		 el;	/* the Link */
		HPDF_Annotation	 a;
	}		*an;
	size_t		 nan;
	int		 tr;		/* the TR whose cells tag_cell() may
					   open now, -1 none */
	int		 resume;	/* the element tag_hyphen() left */
	struct tag_w	*w;		/* tag_finish()'s, for tag_write() */
};

struct tag_w;
static void	S_w_free(struct tag_w *);
static void	S_num(struct buf *, size_t);

#define CUR_NONE	-1
#define CUR_ARTIFACT	-2

/* Room for item n of array p (items of size bytes, n of them now):
 * doubled when n is 0 or a power of two, so one item costs one realloc
 * in a thousand, and an array of one takes one. */
static void *
S_grow(void *p, size_t n, size_t size)
{
	if ((n & (n - 1)) != 0)
		return p;
	return xrealloc(p, (n > 0 ? 2 * n : 1) * size);
}

static int
S_el(struct tag_tree *t, enum tag_role role, int parent)
{
	struct tag_el *e;

	t->el = S_grow(t->el, t->nel, sizeof(*t->el));
	e = &t->el[t->nel];
	memset(e, 0, sizeof(*e));
	e->role = role;
	e->parent = parent;
	return (int)t->nel++;
}

struct tag_tree *
tag_new(const char *lang)
{
	struct tag_tree *t = xcalloc(1, sizeof(*t));

	t->lang = xstrdup(lang != NULL ? lang : "nl");
	t->cur = CUR_NONE;
	t->link_el = -1;
	t->tr = -1;
	t->resume = CUR_NONE;
	S_el(t, TAG_DOCUMENT, -1);
	return t;
}

void
tag_free(struct tag_tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nel; i++) {
		free(t->el[i].alt);
		free(t->el[i].title);
		free(t->el[i].lang);
		free(t->el[i].mc);
	}
	free(t->el);
	for (i = 0; i < t->npg; i++)
		free(t->pg[i].el);
	free(t->pg);
	for (i = 0; i < t->nmaps; i++) {
		free(t->maps[i]->row_el);
		free(t->maps[i]->open);
		free(t->maps[i]->lbl);
		free(t->maps[i]->sp);
		free(t->maps[i]);
	}
	free(t->maps);
	free(t->an);
	free(t->lang);
	S_w_free(t->w);
	free(t);
}

struct tag_rows *
tag_rows_new(struct tag_tree *t)
{
	struct tag_rows *m;

	if (t == NULL)
		return NULL;
	m = xcalloc(1, sizeof(*m));
	m->t = t;
	m->tail = -1;
	m->last_li = m->part = m->sect = m->part_no = -1;
	t->maps = xrealloc(t->maps, (t->nmaps + 1) * sizeof(*t->maps));
	t->maps[t->nmaps++] = m;
	return m;
}

static int
S_top(const struct tag_rows *m)
{
	return m->nopen > 0 ? m->open[m->nopen - 1] : 0;
}

static void
S_map(struct tag_rows *m, size_t to, int el)
{
	if (to > m->cap) {
		m->cap = to + 256 > m->cap * 2 ? to + 256 : m->cap * 2;
		m->row_el = xrealloc(m->row_el, m->cap * sizeof(*m->row_el));
	}
	while (m->n < to)
		m->row_el[m->n++] = el;
}

/* Rows up to row that no leaf took: a P of the container open around
 * them (a part's title page, a list's marker line, the contents). */
static void
S_sync(struct tag_rows *m, size_t row)
{
	/* rows mapped that the layout took back (a tight list's space,
	 * pdf_layout.c S_drop_space()): the next block's rows get them */
	if (m->n > row)
		m->n = row;
	if (m->n < row)
		S_map(m, row, S_el(m->t, TAG_P, S_top(m)));
}

int
tag_open(struct tag_rows *m, enum tag_role role, size_t row,
    const char *title)
{
	int e;

	S_sync(m, row);
	e = S_el(m->t, role, S_top(m));
	if (title != NULL && title[0] != '\0')
		m->t->el[e].title = xstrdup(title);
	m->open = S_grow(m->open, m->nopen, sizeof(*m->open));
	m->open[m->nopen++] = e;
	return e;
}

void
tag_close(struct tag_rows *m, size_t row)
{
	S_sync(m, row);
	if (m->nopen > 0)
		m->nopen--;
}

void
tag_leaf(struct tag_rows *m, enum tag_role role, size_t from, size_t to,
    const char *alt)
{
	int e;

	S_sync(m, from);
	if (to <= from)
		return;
	if (role == TAG_ARTIFACT) {
		S_map(m, to, -1);
		return;
	}
	e = S_el(m->t, role, S_top(m));
	if (alt != NULL)
		m->t->el[e].alt = xstrdup(alt);
	S_map(m, to, e);
}

int
tag_open_leaf(struct tag_rows *m, enum tag_role role, size_t from,
    size_t to)
{
	int e;

	S_sync(m, from);
	e = S_el(m->t, role, S_top(m));
	if (to > from)
		S_map(m, to, e);
	m->open = xrealloc(m->open, (m->nopen + 1) * sizeof(*m->open));
	m->open[m->nopen++] = e;
	return e;
}

enum tag_role
tag_heading(struct tag_rows *m, int level)
{
	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	if (level > m->t->last_h + 1)
		level = m->t->last_h + 1;
	m->t->last_h = level;
	return (enum tag_role)(TAG_H1 + level - 1);
}

/* The language element e is read in from above it: the nearest /Lang
 * of its ancestors, else the document's. */
static const char *
S_lang_above(const struct tag_tree *t, int e)
{
	for (e = t->el[e].parent; e >= 0; e = t->el[e].parent)
		if (t->el[e].lang != NULL)
			return t->el[e].lang;
	return t->lang;
}

void
tag_lang(struct tag_rows *m, const char *lang)
{
	struct tag_el *el;

	/* a Dutch passage in an English chapter of a Dutch course says
	 * so too: compared with what is above it, not the document */
	if (m == NULL || m->nopen == 0 || lang == NULL ||
	    strcmp(lang, S_lang_above(m->t, S_top(m))) == 0)
		return;
	el = &m->t->el[S_top(m)];
	free(el->lang);
	el->lang = xstrdup(lang);
}

void
tag_lang_leaf(struct tag_rows *m, const char *lang)
{
	struct tag_el *el;

	if (m == NULL || m->t->nel < 2 || lang == NULL ||
	    strcmp(lang, m->t->lang) == 0)
		return;
	el = &m->t->el[m->t->nel - 1];
	free(el->lang);
	el->lang = xstrdup(lang);
}

/*** The builders' hooks ***/

/* A chart's alternate text from its data: the kind, the title and every
 * data line, so a reader hears what the picture shows. */
static void
S_chart_alt(const struct doc_node *n, struct buf *b)
{
	const char *s, *e;

	buf_printf(b, "Grafiek (%s)", n->info != NULL ? n->info : "");
	for (s = n->text != NULL ? n->text : ""; *s != '\0'; s = e) {
		e = s + strcspn(s, "\n");
		if (e > s) {
			buf_puts(b, b->len > 0 ? "; " : "");
			buf_put(b, s, (size_t)(e - s));
		}
		if (*e == '\n')
			e++;
	}
}

/*
 * The image of block n that run u of a row shows, searched from after
 * *k (n itself: from the start): the k-th image run is the k-th image of
 * n whose file it shows.  Its alternate text into alt ("" when none
 * matches, and the search starts again from n).
 */
static void
S_image_alt(const struct doc_node *n, const struct doc_node **k,
    const struct pl_run *u, struct buf *alt)
{
	size_t ul;

	for (*k = doc_next(n, *k, 0); *k != NULL &&
	    ((*k)->type != DOC_IMAGE || (*k)->url == NULL ||
	    (ul = strlen((*k)->url)) > u->len ||
	    memcmp(u->text + u->len - ul, (*k)->url, ul) != 0);
	    *k = doc_next(n, *k, 0))
		;
	buf_reset(alt);
	if (*k != NULL)
		doc_plain_text(*k, alt);
	else
		*k = n;
}

/* Run q of row i, a picture, as a Figure in element parent. */
static void
S_figure(struct tag_rows *m, int parent, size_t i, size_t q,
    const char *alt)
{
	int fig = tag_element(m, TAG_FIGURE, parent);

	m->t->el[fig].alt = xstrdup(alt);
	tag_runs(m, i, q, q + 1, fig);
}

/*
 * The pictures in the cells of row i of table n, whose TR is tr: each a
 * Figure in its TH or TD (tr + the run's column, as tag_cell() finds
 * it), so that a logo in a price list is read by its alternate text.
 * A repeated header row is drawn as an artifact and makes none.
 */
static void
S_cell_figures(struct tag_rows *m, const struct doc_node *n,
    const struct doc_node **k, const struct pl_row *rows, size_t i,
    int tr, struct buf *alt)
{
	size_t q;
	int cell;

	for (q = 0; q < rows[i].nruns; q++) {
		if (!(rows[i].runs[q].strike & PL_DECO_IMAGE))
			continue;
		cell = PL_CELL(&rows[i].runs[q]);
		S_image_alt(n, k, &rows[i].runs[q], alt);
		if (cell > 0 && (size_t)(tr + cell) < m->t->nel &&
		    m->t->el[tr + cell].parent == tr)
			S_figure(m, tr + cell, i, q, buf_cstr(alt));
	}
}

/*
 * A table, rows [from, to) of layout_table(): a TR per table row with a
 * TH or TD per column, made right after their TR so that the TR's id +
 * column is the cell's (tag_cell()); a cell with nothing in it is a TD
 * all the same, so the columns line up for a reader.  A row taller than
 * a page is cut into pieces, every one but the last without a rule
 * (pdf_table.c, S_split()): the pieces are one TR.  A table too wide for
 * the page, set as lines "column: value" (no header row), is one P (not
 * an element a line).
 */
static void
S_table(struct tag_rows *m, const struct doc_node *n,
    const struct pl_row *rows, size_t from, size_t to)
{
	const struct doc_node *k = n;
	struct buf alt = { 0 };
	int head = 0, tr = -1, c, ncols = n->ncols > 0 ? n->ncols : 1;
	size_t i;

	for (i = from; i < to; i++)
		head |= rows[i].theader;
	if (!head) {
		tag_leaf(m, TAG_P, from, to, NULL);
		return;
	}
	tag_open(m, TAG_TABLE, from, NULL);
	for (i = from; i < to; i++) {
		if (tr >= 0 && rows[i].table != 0 &&
		    rows[i - 1].table == rows[i].table &&
		    rows[i - 1].nrects == 0) {
			S_map(m, i + 1, tr);	/* the row's next piece */
			S_cell_figures(m, n, &k, rows, i, tr, &alt);
			continue;
		}
		tr = -1;
		if (rows[i].nruns == 0) {
			/* a rule between rows, space */
			tag_leaf(m, TAG_ARTIFACT, i, i + 1, NULL);
			continue;
		}
		if (head && !rows[i].theader) {
			/* text before the header row: the caption */
			tag_leaf(m, TAG_CAPTION, i, i + 1, NULL);
			continue;
		}
		head = 0;
		tr = tag_open(m, TAG_TR, i, NULL);
		for (c = 0; c < ncols; c++)
			S_el(m->t, rows[i].theader ? TAG_TH : TAG_TD, tr);
		S_map(m, i + 1, tr);
		S_cell_figures(m, n, &k, rows, i, tr, &alt);
		tag_close(m, i + 1);
	}
	tag_close(m, to);
	buf_free(&alt);
}

/*
 * The pictures set in the text of block n (an image in a sentence),
 * rows [from, to) of the element tag_leaf() made last: each a Figure in
 * it with the image's alternate text, its run the Figure's (tag_runs()),
 * so a reader hears "blok" where the picture is rather than nothing.
 */
static void
S_inline_figures(struct tag_rows *m, const struct doc_node *n,
    const struct pl_row *rows, size_t from, size_t to)
{
	const struct doc_node *k = n;
	struct buf alt = { 0 };
	size_t i, q;
	int el = (int)m->t->nel - 1;

	if (to <= from || m->n < to || m->row_el[from] != el)
		return;		/* no element of its own */
	for (i = from; i < to; i++)
		for (q = 0; q < rows[i].nruns; q++)
			if (rows[i].runs[q].strike & PL_DECO_IMAGE) {
				S_image_alt(n, &k, &rows[i].runs[q], &alt);
				S_figure(m, el, i, q, buf_cstr(&alt));
			}
	buf_free(&alt);
}

int
tag_block(struct tag_rows *m, const struct doc_node *n,
    const struct pl_row *rows, size_t from, size_t to)
{
	const struct doc_node *k;
	struct buf alt = { 0 };
	int noalt = 0;

	switch (n->type) {
	case DOC_HEADING:
		tag_leaf(m, tag_heading(m, n->level), from, to, NULL);
		S_inline_figures(m, n, rows, from, to);
		break;
	case DOC_HRULE:
		tag_leaf(m, TAG_ARTIFACT, from, to, NULL);
		break;
	case DOC_FIGURE:
		for (k = n; k != NULL; k = doc_next(n, k, 0))
			if (k->type == DOC_IMAGE)
				doc_plain_text(k, &alt);
		/* an empty /Alt rather than none: the warning says it */
		noalt = alt.len == 0 || strspn(alt.data, " \t") == alt.len;
		tag_leaf(m, TAG_FIGURE, from, to, alt.len > 0 ?
		    alt.data : "");
		break;
	case DOC_CHART:
		S_chart_alt(n, &alt);
		tag_leaf(m, TAG_FIGURE, from, to, alt.data);
		break;
	case DOC_TABLE:
		S_table(m, n, rows, from, to);
		break;
	default:
		tag_leaf(m, TAG_P, from, to, NULL);
		S_inline_figures(m, n, rows, from, to);
		break;
	}
	buf_free(&alt);
	return noalt;
}

static enum tag_role
S_container_role(const struct doc_node *n)
{
	switch (n->type) {
	case DOC_LIST:
		return TAG_L;
	case DOC_ITEM:
		return TAG_LI;
	case DOC_BLOCKQUOTE:
		return TAG_BLOCKQUOTE;
	case DOC_FOOTDEF:
		return TAG_NOTE;
	case DOC_CALLOUT:
	case DOC_DEFLIST:
		return TAG_DIV;
	default:
		return TAG_ARTIFACT;	/* none */
	}
}

void
tag_container(struct tag_rows *m, const struct doc_node *n, size_t row)
{
	enum tag_role r = S_container_role(n);

	if (r == TAG_ARTIFACT)
		return;
	tag_open(m, r, row, n->type == DOC_CALLOUT ? n->text : NULL);
	if (r == TAG_LI)
		tag_open(m, TAG_LBODY, row, NULL);
}

void
tag_container_end(struct tag_rows *m, const struct doc_node *n, size_t row)
{
	enum tag_role r = S_container_role(n);

	if (r == TAG_ARTIFACT)
		return;
	if (r == TAG_LI) {
		/* the LBody; its item takes the label (tag_label()) */
		tag_close(m, row);
		m->last_li = S_top(m);
	}
	tag_close(m, row);
}

/*** Drawing ***/

void
tag_page(struct tag_tree *t, HPDF_Page p)
{
	t->pg = S_grow(t->pg, t->npg, sizeof(*t->pg));
	memset(&t->pg[t->npg], 0, sizeof(*t->pg));
	t->pg[t->npg++].page = p;
	t->cur = CUR_NONE;
}

void
tag_page_end(struct tag_tree *t, struct buf *out)
{
	if (t->cur != CUR_NONE)
		buf_puts(out, "EMC\n");
	t->cur = CUR_NONE;
}

void
tag_artifact(struct tag_tree *t, struct buf *out, const char *type)
{
	tag_page_end(t, out);
	buf_puts(out, "/Artifact ");
	if (type != NULL)
		buf_printf(out, "<</Type /%s>> BDC\n", type);
	else
		buf_puts(out, "BMC\n");
	t->cur = CUR_ARTIFACT;
}

void
tag_artifact_end(struct tag_tree *t, struct buf *out)
{
	tag_page_end(t, out);
}

/* Opens the marked content of element e on the page: its next MCID. */
static void
S_mc(struct tag_tree *t, int e, struct buf *out)
{
	struct tag_page *pg;
	struct tag_el *el;

	tag_page_end(t, out);
	pg = &t->pg[t->npg - 1];
	el = &t->el[e];
	/* "/P <</MCID n>> BDC", made by hand: once a line of text */
	buf_putc(out, '/');
	buf_puts(out, S_names[el->role]);
	buf_put(out, " <</MCID ", 9);
	S_num(out, pg->n);
	buf_put(out, ">> BDC\n", 7);
	pg->el = S_grow(pg->el, pg->n, sizeof(*pg->el));
	pg->el[pg->n] = e;
	el->mc = S_grow(el->mc, el->nmc, sizeof(*el->mc));
	el->mc[el->nmc].page = t->npg - 1;
	el->mc[el->nmc++].mcid = (int)pg->n++;
	t->cur = e;
}

void
tag_row(struct tag_tree *t, const struct tag_rows *cm, size_t row,
    int repeated, struct buf *out)
{
	struct tag_rows *m = (struct tag_rows *)cm;
	int e;

	if (t == NULL || m == NULL || t->npg == 0)
		return;
	t->tr = -1;
	if (row < m->n)
		e = m->row_el[row];
	else {
		/* rows after the last element (a letter's closing
		 * lines set outside the block walker) */
		if (m->tail < 0)
			m->tail = S_el(t, TAG_P, 0);
		e = m->tail;
	}
	if (repeated || e < 0) {
		if (t->cur != CUR_ARTIFACT)
			tag_artifact(t, out, "Pagination");
		return;
	}
	if (t->el[e].role == TAG_TR) {
		/* its rules; the cells open their own (tag_cell()) */
		if (t->cur != CUR_ARTIFACT)
			tag_artifact(t, out, "Layout");
		t->tr = e;
		return;
	}
	if (t->cur == e)
		return;
	S_mc(t, e, out);
}

/*** Sections, links and list labels ***/

/* Closes the open containers down to and with el (none: -1). */
static void
S_shut(struct tag_rows *m, int el, size_t row)
{
	size_t i;

	if (el < 0)
		return;
	for (i = 0; i < m->nopen && m->open[i] != el; i++)
		;
	while (i < m->nopen)
		tag_close(m, row);
}

void
tag_part(struct tag_rows *m, size_t row, int part, const char *title)
{
	if (m == NULL)
		return;
	S_shut(m, m->sect, row);
	m->sect = -1;
	if (part >= 0 && part == m->part_no && m->part >= 0)
		return;
	S_shut(m, m->part, row);
	m->part = part >= 0 ? tag_open(m, TAG_PART, row, title) : -1;
	m->part_no = part;
}

void
tag_sect(struct tag_rows *m, size_t row, const char *title)
{
	if (m == NULL)
		return;
	S_shut(m, m->sect, row);
	m->sect = tag_open(m, TAG_SECT, row, title);
}

int
tag_element(struct tag_rows *m, enum tag_role role, int parent)
{
	if (m == NULL)
		return -1;
	return S_el(m->t, role, parent >= 0 ? parent : S_top(m));
}

void
tag_runs(struct tag_rows *m, size_t row, size_t from, size_t to, int el)
{
	struct tag_span *p;

	if (m == NULL || el < 0 || to <= from)
		return;
	m->sp = S_grow(m->sp, m->nsp, sizeof(*m->sp));
	p = &m->sp[m->nsp++];
	p->row = row;
	p->from = from;
	p->to = to;
	p->el = el;
}

int
tag_run_el(const struct tag_rows *m, size_t row, size_t run)
{
	size_t lo = 0, hi, mid;

	if (m == NULL || m->nsp == 0)
		return -1;
	for (hi = m->nsp; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (m->sp[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < m->nsp && m->sp[lo].row == row; lo++)
		if (run >= m->sp[lo].from && run < m->sp[lo].to)
			return m->sp[lo].el;
	return -1;
}

int
tag_link(struct tag_tree *t, const struct tag_rows *m, size_t row,
    size_t run, int link, int cont, int repeated, struct buf *out)
{
	int e, k;

	if (t == NULL || m == NULL || t->npg == 0)
		return -1;
	if ((e = tag_run_el(m, row, run)) < 0)
		e = row < m->n ? m->row_el[row] : m->tail;
	if (repeated || e < 0)
		return -1;
	if (cont && t->link_el >= 0 && t->link_m == m &&
	    t->link_no == link && t->el[t->link_el].parent == e)
		k = t->link_el;
	else
		k = S_el(t, TAG_LINK, e);
	t->link_el = k;
	t->link_m = m;
	t->link_no = link;
	if (t->cur != k)
		S_mc(t, k, out);
	return k;
}

void
tag_resume(struct tag_tree *t, int el, struct buf *out)
{
	if (t != NULL && t->npg > 0 && el >= 0 && (size_t)el < t->nel &&
	    t->cur != el)
		S_mc(t, el, out);
}

static HPDF_STATUS S_text(HPDF_Doc, HPDF_Dict, const char *, const char *);

void
tag_annot(struct tag_tree *t, HPDF_Doc pdf, int el, HPDF_Annotation a,
    const char *uri, long page)
{
	char num[48];

	if (t == NULL || a == NULL)
		return;
	if (uri == NULL) {
		snprintf(num, sizeof(num), "%s %ld", strncmp(t->lang, "en",
		    2) == 0 ? "page" : "pagina", page);
		uri = num;
	}
	/* PDF/UA wants a description, PDF/A the print flag; a failure
	 * here is libharu's, which its error handler has recorded */
	if (S_text(pdf, a, "Contents", uri) != HPDF_OK ||
	    HPDF_Dict_AddNumber(a, "F", 4) != HPDF_OK || el < 0)
		return;
	t->an = S_grow(t->an, t->nan, sizeof(*t->an));
	t->an[t->nan].el = el;
	t->an[t->nan++].a = a;
}

void
tag_label(struct tag_rows *m, size_t row, size_t run)
{
	struct tag_lbl *b;

	if (m == NULL || m->last_li < 0)
		return;
	m->lbl = S_grow(m->lbl, m->nlbl, sizeof(*m->lbl));
	b = &m->lbl[m->nlbl++];
	b->row = row;
	b->run = run;
	b->el = S_el(m->t, TAG_LBL, m->last_li);
	m->last_li = -1;
}

int
tag_form(struct tag_rows *m, size_t row)
{
	int e;

	if (m == NULL || row >= m->n)
		return -1;
	e = m->row_el[row];
	return S_el(m->t, TAG_FORM, e >= 0 ? e : 0);
}

void
tag_widget(struct tag_tree *t, int el, HPDF_Annotation a)
{
	/* no /Contents: the widget's /TU says what it is for */
	if (t == NULL || a == NULL || el < 0 || (size_t)el >= t->nel)
		return;
	t->an = xrealloc(t->an, (t->nan + 1) * sizeof(*t->an));
	t->an[t->nan].el = el;
	t->an[t->nan++].a = a;
}

static int
S_lbl_cmp(const void *a, const void *b)
{
	const struct tag_lbl *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->el < y->el ? -1 : x->el > y->el;
}

long
tag_label_run(struct tag_tree *t, const struct tag_rows *cm, size_t row,
    size_t i, int repeated, struct buf *out)
{
	struct tag_rows *m = (struct tag_rows *)cm;
	size_t lo, hi, mid;

	if (t == NULL || m == NULL || t->npg == 0 || m->nlbl == 0)
		return -1;
	if (m->nsorted != m->nlbl) {
		/* an outer item's label comes after its inner ones' */
		qsort(m->lbl, m->nlbl, sizeof(*m->lbl), S_lbl_cmp);
		m->nsorted = m->nlbl;
	}
	for (lo = 0, hi = m->nlbl; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if (m->lbl[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	lo += i;
	if (lo >= m->nlbl || m->lbl[lo].row != row)
		return -1;
	if (out != NULL && repeated) {
		if (t->cur != CUR_ARTIFACT)
			tag_artifact(t, out, "Pagination");
	} else if (out != NULL && t->cur != m->lbl[lo].el)
		S_mc(t, m->lbl[lo].el, out);
	return (long)m->lbl[lo].run;
}

void
tag_cell(struct tag_tree *t, int cell, struct buf *out)
{
	int e;

	if (t == NULL || t->tr < 0 || cell <= 0 || t->npg == 0)
		return;
	e = t->tr + cell;
	if ((size_t)e >= t->nel || t->el[e].parent != t->tr || t->cur == e)
		return;
	S_mc(t, e, out);
}

void
tag_hyphen(struct tag_tree *t, struct buf *out)
{
	/* inside an artifact already (a repeated header row): it stays */
	t->resume = t->cur;
	if (t->cur >= 0)
		tag_artifact(t, out, NULL);
}

void
tag_hyphen_end(struct tag_tree *t, struct buf *out)
{
	if (t->resume >= 0)
		S_mc(t, t->resume, out);
	t->resume = CUR_NONE;
}

/*** The objects ***/

/* A text string: ASCII as it is, anything else UTF-16BE behind a byte
 * order mark (libharu writes a string's bytes as they are, which a
 * reader takes for PDFDocEncoding). */
static int
S_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* s (UTF-8, a bad byte U+FFFD) as UTF-16BE behind a byte order mark
 * into u, which holds 2 + 4 * strlen(s) bytes; returns its length. */
static size_t
S_utf16(const char *s, unsigned char *u)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, i;
	uint32_t c;
	int k;

	u[n++] = 0xFE;
	u[n++] = 0xFF;
	for (i = 0; p[i] != '\0'; ) {
		c = p[i++];
		k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		if (k > 0)
			c &= 0x3Fu >> k;
		else if (c >= 0x80)
			c = 0xFFFD;	/* a continuation byte alone */
		for (; k > 0 && (p[i] & 0xC0) == 0x80; k--, i++)
			c = (c << 6) | (p[i] & 0x3Fu);
		if (k > 0 || c > 0x10FFFF)
			c = 0xFFFD;
		if (c >= 0x10000) {
			c -= 0x10000;
			u[n++] = (unsigned char)(0xD8 | (c >> 18));
			u[n++] = (unsigned char)(c >> 10);
			u[n++] = (unsigned char)(0xDC | ((c >> 8) & 3));
			u[n++] = (unsigned char)c;
		} else {
			u[n++] = (unsigned char)(c >> 8);
			u[n++] = (unsigned char)c;
		}
	}
	return n;
}

static HPDF_STATUS
S_text(HPDF_Doc pdf, HPDF_Dict d, const char *key, const char *s)
{
	unsigned char *u;
	size_t n;
	HPDF_STATUS rc;

	if (S_ascii(s))
		return HPDF_Dict_Add(d, key, HPDF_String_New(pdf->mmgr, s,
		    NULL));
	u = xmalloc(2 + 4 * strlen(s));
	n = S_utf16(s, u);
	rc = HPDF_Dict_Add(d, key, HPDF_Binary_New(pdf->mmgr, u,
	    (HPDF_UINT)n));
	free(u);
	return rc;
}

static void
S_xml(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else if (*s == '&')
			buf_puts(b, "&amp;");
		else if ((unsigned char)*s >= 0x20 || *s == '\t')
			buf_putc(b, *s);
		else
			buf_putc(b, ' ');
}

/* Appends the document information's date key (D:YYYYMMDDHHmmSSZ, as
 * S_info() in pdf.c sets it from SOURCE_DATE_EPOCH) as XMP element el;
 * nothing when there is none. */
static void
S_xmp_date(HPDF_Doc pdf, HPDF_InfoType type, const char *el, struct buf *b)
{
	const char *d = HPDF_GetInfoAttr(pdf, type);

	if (d == NULL || strncmp(d, "D:", 2) != 0 || strlen(d) < 16)
		return;
	d += 2;
	buf_printf(b, "<%s>%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ</%s>\n", el, d,
	    d + 4, d + 6, d + 8, d + 10, d + 12, el);
}

/* The XMP packet: the title, the PDF/UA identification, and with pdfa
 * the PDF/A one and what the document information says (PDF/A wants
 * the two to agree). */
static HPDF_STATUS
S_xmp(HPDF_Doc pdf, const char *title, const char *author, const char *lang,
    int pdfa)
{
	const char *prod = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);

	struct buf b = { 0 };
	HPDF_Dict s;
	HPDF_STATUS rc;

	if ((s = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
	    "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	if (author != NULL) {
		buf_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		S_xml(&b, author);
		buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	S_xmp_date(pdf, HPDF_INFO_CREATION_DATE, "xmp:CreateDate", &b);
	S_xmp_date(pdf, HPDF_INFO_MOD_DATE, "xmp:ModifyDate", &b);
	if (pdfa)
		buf_puts(&b, "<pdfaid:part>2</pdfaid:part>\n"
		    "<pdfaid:conformance>A</pdfaid:conformance>\n");
	if (title != NULL) {
		buf_puts(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		S_xml(&b, title);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	buf_puts(&b, "<dc:language><rdf:Bag><rdf:li>");
	S_xml(&b, lang);
	buf_puts(&b, "</rdf:li></rdf:Bag></dc:language>\n"
	    "<pdf:Producer>");
	S_xml(&b, prod != NULL ? prod : "");
	buf_puts(&b, "</pdf:Producer>\n"
	    "<xmp:CreatorTool>salesgen</xmp:CreatorTool>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	HPDF_Dict_AddName(s, "Type", "Metadata");
	HPDF_Dict_AddName(s, "Subtype", "XML");
	rc = HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len);
	buf_free(&b);
	if (rc != HPDF_OK)
		return rc;
	return HPDF_Dict_Add(pdf->catalog, "Metadata", s);
}


/* qsort()'s order of elements: by parent, then by where their content
 * starts.  Set only by tag_finish(), on the thread that writes the
 * document; qsort has no context argument in C11. */
static _Thread_local const uint64_t *S_key;
static _Thread_local const struct tag_tree *S_tree;

static int
S_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int px = S_tree->el[x].parent, py = S_tree->el[y].parent;

	if (px != py)
		return px < py ? -1 : 1;
	/* a list's items in the order they were made (the register's
	 * columns share rows: drawn, they alternate) */
	if (px >= 0 && S_tree->el[px].role == TAG_L)
		return x < y ? -1 : x > y;
	/* a list item's label is read first, wherever it is drawn */
	if ((S_tree->el[x].role == TAG_LBL) != (S_tree->el[y].role == TAG_LBL))
		return S_tree->el[x].role == TAG_LBL ? -1 : 1;
	/* a row's cells in column order, made so (S_table()), wherever
	 * their content starts and whether they have any */
	if ((S_tree->el[x].role == TAG_TH || S_tree->el[x].role == TAG_TD) &&
	    (S_tree->el[y].role == TAG_TH || S_tree->el[y].role == TAG_TD))
		return x < y ? -1 : x > y;
	if (S_key[x] != S_key[y])
		return S_key[x] < S_key[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* PDF/A's output intent: the sRGB profile the colours mean. */
static HPDF_STATUS
S_intent(HPDF_Doc pdf, const unsigned char *icc, size_t len)
{
	HPDF_Dict s, oi;
	HPDF_Array a;
	HPDF_STATUS rc;

	if ((s = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL ||
	    (oi = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    (a = HPDF_Array_New(pdf->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	/* left uncompressed: the packer compresses it (pdf_pack.h) */
	if ((rc = HPDF_Dict_AddNumber(s, "N", 3)) != HPDF_OK ||
	    (rc = HPDF_Stream_Write(s->stream, icc, (HPDF_UINT)len)) !=
	    HPDF_OK ||
	    (rc = HPDF_Dict_AddName(oi, "Type", "OutputIntent")) != HPDF_OK ||
	    (rc = HPDF_Dict_AddName(oi, "S", "GTS_PDFA1")) != HPDF_OK ||
	    (rc = HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL))) !=
	    HPDF_OK ||
	    (rc = HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr,
	    "sRGB IEC61966-2.1", NULL))) != HPDF_OK ||
	    (rc = HPDF_Dict_Add(oi, "DestOutputProfile", s)) != HPDF_OK ||
	    (rc = HPDF_Array_Add(a, oi)) != HPDF_OK)
		return rc;
	return HPDF_Dict_Add(pdf->catalog, "OutputIntents", a);
}

/* The trailer's /ID, which PDF/A asks for: from what the document is
 * (title, pages, elements), so the same input gives the same bytes. */
static HPDF_STATUS
S_id(HPDF_Doc pdf, const struct tag_tree *t, const char *title)
{
	unsigned char id[16];
	uint64_t h = 14695981039346656037ull, g;
	const char *s;
	HPDF_Array a;
	HPDF_STATUS rc;
	int i;

	for (s = title != NULL ? title : ""; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	h = (h ^ t->npg) * 1099511628211ull;
	g = (h ^ t->nel) * 1099511628211ull;
	for (i = 0; i < 8; i++) {
		id[i] = (unsigned char)(h >> (8 * i));
		id[8 + i] = (unsigned char)(g >> (8 * i));
	}
	if ((a = HPDF_Array_New(pdf->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((rc = HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, id, 16))) !=
	    HPDF_OK || (rc = HPDF_Array_Add(a, HPDF_Binary_New(pdf->mmgr, id,
	    16))) != HPDF_OK)
		return rc;
	return HPDF_Dict_Add(pdf->trailer, "ID", a);
}


/*** The objects of the tree, as PDF text ***/

/* The most children one element gets in one array (a table of 100,000
 * rows gets TBody groups of them, a list Div groups): what libharu's
 * arrays held (HPDF_LIMIT_MAX_ARRAY, 32767) when it wrote the tree, and
 * well below what readers take.  salesgen(1), CAVEATS. */
#define TAG_KIDS_MAX	30000
/* The keys of one ParentTree leaf: a pair of items each. */
#define TAG_LEAF_KEYS	(TAG_KIDS_MAX / 2)

/*
 * What tag_finish() leaves for tag_write(), which pack_pdf_more() calls
 * once it knows the numbers the new objects get (pdf_pack.h).  Objects
 * are numbered here from 0: the StructTreeRoot (libharu's placeholder,
 * root), the elements that are written in the order of el[] (el->num),
 * the groups of children (el->up of a grouped child), the ParentTree,
 * its leaves.  Object n > 0 is base + n - 1 in the file.
 */
struct tag_w {
	size_t		 root;		/* the placeholder's number */
	size_t		 nobj;		/* objects, the root too */
	size_t		 ngroup, group0; /* groups and the first's number */
	size_t		 ptree;		/* the ParentTree's number */
	uint64_t	*key;		/* where each element's content
					   starts (page << 32 | MCID) */
	size_t		*ord, nord;	/* written elements but the Document,
					   by parent, then in reading order */
	unsigned char	*kids;		/* element holds written elements */
	size_t		*aoff, *aidx;	/* each element's annotations:
					   an[aidx[aoff[e]..aoff[e+1])] */
	char		*title;		/* the Document's /T, or NULL */
	size_t		 base;		/* of tag_write() */
};

static void
S_w_free(struct tag_w *w)
{
	if (w == NULL)
		return;
	free(w->key);
	free(w->ord);
	free(w->kids);
	free(w->aoff);
	free(w->aidx);
	free(w->title);
	free(w);
}

/* v in decimal: a tree is mostly numbers, and printf's parsing of its
 * format showed in the profile. */
static void
S_num(struct buf *b, size_t v)
{
	char d[24];
	size_t n = sizeof(d);

	do
		d[--n] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	buf_put(b, d + n, sizeof(d) - n);
}

/* A reference to our object n. */
static void
S_ref(const struct tag_w *w, struct buf *b, size_t n)
{
	S_num(b, n == 0 ? w->root : w->base + n - 1);
	buf_put(b, " 0 R", 4);
}

/* A reference to one of libharu's objects (a page, an annotation). */
static void
S_href(struct buf *b, const void *o)
{
	const HPDF_Obj_Header *h = o;

	buf_putc(b, ' ');
	S_num(b, h->obj_id & 0x00FFFFFF);
	buf_putc(b, ' ');
	S_num(b, h->gen_no);
	buf_put(b, " R", 2);
}

/* A text string, as S_text() makes it for libharu: ASCII a literal
 * string, anything else UTF-16BE behind a byte order mark, in hex. */
static void
S_str(struct buf *b, const char *key, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	unsigned char *u;
	size_t i, n;

	buf_puts(b, key);
	if (S_ascii(s)) {
		buf_putc(b, '(');
		for (i = 0; p[i] != '\0'; i++) {
			if (p[i] == '(' || p[i] == ')' || p[i] == '\\') {
				buf_putc(b, '\\');
				buf_putc(b, p[i]);
			} else if (p[i] < 0x20 || p[i] == 0x7F) {
				buf_putc(b, '\\');
				buf_putc(b, '0' + (p[i] >> 6));
				buf_putc(b, '0' + ((p[i] >> 3) & 7));
				buf_putc(b, '0' + (p[i] & 7));
			} else
				buf_putc(b, p[i]);
		}
		buf_putc(b, ')');
		return;
	}
	u = xmalloc(2 + 4 * strlen(s));
	n = S_utf16(s, u);
	buf_putc(b, '<');
	for (i = 0; i < n; i++) {
		buf_putc(b, hex[u[i] >> 4]);
		buf_putc(b, hex[u[i] & 15]);
	}
	buf_putc(b, '>');
	free(u);
}

/* Whether el's marked content is on one page: its /Pg says it, and
 * its pieces are bare MCIDs. */
static int
S_one_page(const struct tag_el *el)
{
	size_t j;

	for (j = 1; j < el->nmc; j++)
		if (el->mc[j].page != el->mc[0].page)
			return 0;
	return el->nmc > 0;
}

/* Piece j of el's marked content in an array: its MCID when all of el
 * is on one page (one: S_one_page(), /Pg set), else a marked-content
 * reference. */
static void
S_piece(const struct tag_tree *t, const struct tag_el *el, size_t j,
    int one, struct buf *b)
{
	buf_putc(b, ' ');
	if (one) {
		S_num(b, (size_t)el->mc[j].mcid);
		return;
	}
	buf_puts(b, "<</Type/MCR/Pg");
	S_href(b, t->pg[el->mc[j].page].page);
	buf_puts(b, "/MCID ");
	S_num(b, (size_t)el->mc[j].mcid);
	buf_puts(b, ">>");
}

static uint64_t
S_mckey(const struct tag_mcr *m)
{
	return ((uint64_t)m->page << 32) | (uint64_t)m->mcid;
}

/* The first of ord[] whose parent is p (or past those before it). */
static size_t
S_first_kid(const struct tag_tree *t, int p)
{
	const struct tag_w *w = t->w;
	size_t lo = 0, hi = w->nord, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t->el[w->ord[mid]].parent < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The /K of element e that holds others: its children in reading order
 * with its own pieces between them, where their content falls.  More
 * than TAG_KIDS_MAX children go into groups (TBody in a table, else
 * Div), each an object of its own, written to g with its end in gend
 * (*ng of them so far): the pieces then go into the groups.
 */
static void
S_kids(const struct tag_tree *t, size_t e, struct buf *b, struct buf *g,
    size_t *gend, size_t *ng)
{
	const struct tag_w *w = t->w;
	const struct tag_el *up = &t->el[e];
	size_t a = S_first_kid(t, (int)e), z, n, pi = 0;
	struct buf *k = b;
	int one = S_one_page(up), grouped;

	for (z = a; z < w->nord && t->el[w->ord[z]].parent == (int)e; z++)
		;
	grouped = z - a > TAG_KIDS_MAX;
	buf_puts(b, "/K[");
	for (n = a; n < z; n++) {
		if (grouped && (n - a) % TAG_KIDS_MAX == 0) {
			if (n > a) {
				buf_puts(g, "]>>");
				gend[(*ng)++] = g->len;
			}
			buf_putc(b, ' ');
			S_ref(w, b, t->el[w->ord[n]].up);
			buf_puts(g, up->role == TAG_TABLE ? "<</S/TBody/P " :
			    "<</S/Div/P ");
			S_ref(w, g, up->num);
			buf_puts(g, "/K[");
			k = g;
		}
		for (; pi < up->nmc && S_mckey(&up->mc[pi]) <
		    w->key[w->ord[n]]; pi++)
			S_piece(t, up, pi, one, k);
		buf_putc(k, ' ');
		S_ref(w, k, t->el[w->ord[n]].num);
	}
	for (; pi < up->nmc; pi++)
		S_piece(t, up, pi, one, k);
	if (grouped) {
		buf_puts(g, "]>>");
		gend[(*ng)++] = g->len;
	}
	buf_putc(b, ']');
}

/* Element e's dictionary. */
static void
S_elem(const struct tag_tree *t, size_t e, struct buf *b, struct buf *g,
    size_t *gend, size_t *ng)
{
	const struct tag_w *w = t->w;
	const struct tag_el *el = &t->el[e];
	size_t j, nan = w->aoff[e + 1] - w->aoff[e];
	int one = S_one_page(el), kids = w->kids[e];
	const char *lang, *title;

	/* a Link whose target is not in this PDF has no annotation: its
	 * text is a Span */
	buf_puts(b, "<</S/");
	buf_puts(b, el->role == TAG_LINK && nan == 0 ? "Span" :
	    S_names[el->role]);
	buf_puts(b, "/P ");
	S_ref(w, b, el->up);
	if (one) {
		buf_puts(b, "/Pg");
		S_href(b, t->pg[el->mc[0].page].page);
	}
	if ((el->nmc == 0 && el->role != TAG_FORM) || kids)
		S_kids(t, e, b, g, gend, ng);
	else if (el->role == TAG_LINK || el->role == TAG_FORM) {
		/* its text's marked content, then an object reference to
		 * each of its annotations, which point back at it through
		 * their /StructParent; a Form's: its widget's alone */
		buf_puts(b, "/K[");
		for (j = 0; j < el->nmc; j++)
			S_piece(t, el, j, one, b);
		for (j = 0; j < nan; j++) {
			buf_puts(b, " <</Type/OBJR/Obj");
			S_href(b, t->an[w->aidx[w->aoff[e] + j]].a);
			buf_puts(b, ">>");
		}
		buf_putc(b, ']');
	} else if (one && el->nmc == 1) {
		buf_puts(b, "/K ");
		S_num(b, (size_t)el->mc[0].mcid);
	} else {
		buf_puts(b, "/K[");
		for (j = 0; j < el->nmc; j++)
			S_piece(t, el, j, one, b);
		buf_putc(b, ']');
	}
	lang = el->lang;
	title = el->title;
	if (el->parent < 0) {
		lang = lang != NULL ? lang : t->lang;
		title = title != NULL ? title : w->title;
	}
	if (lang != NULL)
		S_str(b, "/Lang", lang);
	if (title != NULL)
		S_str(b, "/T", title);
	if (el->alt != NULL)
		S_str(b, "/Alt", el->alt);
	if (el->role == TAG_TH)
		buf_puts(b, "/A<</O/Table/Scope/Column>>");
	buf_puts(b, ">>");
}

/* One Nums pair of the ParentTree: key i (a page's MCIDs, then the
 * annotations' Links). */
static void
S_nums(const struct tag_tree *t, size_t i, struct buf *b)
{
	const struct tag_w *w = t->w;
	size_t j;

	buf_putc(b, ' ');
	S_num(b, i);
	buf_putc(b, ' ');
	if (i >= t->npg) {
		S_ref(w, b, t->el[t->an[i - t->npg].el].num);
		return;
	}
	buf_putc(b, '[');
	for (j = 0; j < t->pg[i].n; j++) {
		if (j > 0)
			buf_putc(b, ' ');
		S_ref(w, b, t->el[t->pg[i].el[j]].num);
	}
	buf_putc(b, ']');
}

/* pack_more's write() (pdf_pack.h): the objects in the order of their
 * numbers, the StructTreeRoot first. */
static int
S_write(void *arg, size_t base, struct buf *b, size_t *end)
{
	const struct tag_tree *t = arg;
	struct tag_w *w = t->w;
	struct buf g = { 0 };
	size_t *gend, ng = 0, i, j, n, nk = t->npg + t->nan, o = 0;

	w->base = base;
	gend = xmalloc((w->ngroup + 1) * sizeof(*gend));
	buf_puts(b, "<</Type/StructTreeRoot/K ");
	S_ref(w, b, t->el[0].num);
	buf_puts(b, "/ParentTree ");
	S_ref(w, b, w->ptree);
	buf_puts(b, "/ParentTreeNextKey ");
	S_num(b, nk);
	buf_puts(b, ">>");
	end[o++] = b->len;
	for (i = 0; i < t->nel; i++)
		if (t->el[i].used) {
			S_elem(t, i, b, &g, gend, &ng);
			end[o++] = b->len;
		}
	/* the groups, written beside their parents */
	for (i = 0; i < ng; i++) {
		buf_put(b, g.data + (i > 0 ? gend[i - 1] : 0), gend[i] -
		    (i > 0 ? gend[i - 1] : 0));
		end[o++] = b->len;
	}
	/* the ParentTree: per page, the element of each MCID, then the
	 * Link of each annotation; in leaves under /Kids when it has more
	 * keys than TAG_LEAF_KEYS */
	if (nk <= TAG_LEAF_KEYS) {
		buf_puts(b, "<</Nums[");
		for (i = 0; i < nk; i++)
			S_nums(t, i, b);
		buf_puts(b, "]>>");
		end[o++] = b->len;
	} else {
		buf_puts(b, "<</Kids[");
		for (i = 0; i * TAG_LEAF_KEYS < nk; i++) {
			buf_putc(b, ' ');
			S_ref(w, b, w->ptree + 1 + i);
		}
		buf_puts(b, "]>>");
		end[o++] = b->len;
		for (i = 0; i < nk; i = n) {
			n = i + TAG_LEAF_KEYS < nk ? i + TAG_LEAF_KEYS : nk;
			buf_puts(b, "<</Limits[");
			S_num(b, i);
			buf_putc(b, ' ');
			S_num(b, n - 1);
			buf_puts(b, "]/Nums[");
			for (j = i; j < n; j++)
				S_nums(t, j, b);
			buf_puts(b, "]>>");
			end[o++] = b->len;
		}
	}
	buf_free(&g);
	free(gend);
	return o == w->nobj + 1 ? 0 : -1;
}

void
tag_pack(struct tag_tree *t, struct pack_more *m)
{
	memset(m, 0, sizeof(*m));
	if (t == NULL || t->w == NULL)
		return;
	m->n = t->w->nobj;
	m->replace = t->w->root;
	m->write = S_write;
	m->arg = t;
}

#define TRY(x)	do { if ((x) != HPDF_OK) goto fail; } while (0)

int
tag_finish(struct tag_tree *t, HPDF_Doc pdf, const char *title,
    const char *author, const unsigned char *icc, size_t icclen)
{
	struct tag_w *w;
	HPDF_Dict root, mi, vp;
	size_t *apos, i, j, n, nk, num;
	uint64_t *key;

	S_w_free(t->w);
	t->w = w = xcalloc(1, sizeof(*w));
	if (title != NULL)
		w->title = xstrdup(title);
	/* an element is written when it or one below it has content or
	 * an annotation (a Form: its widget); children come after their
	 * parents in el[] */
	for (i = 0; i < t->nan; i++)
		t->el[t->an[i].el].used = 1;
	for (i = t->nel; i-- > 0; ) {
		if (t->el[i].nmc > 0)
			t->el[i].used = 1;
		if (t->el[i].used && t->el[i].parent >= 0)
			t->el[t->el[i].parent].used = 1;
	}
	t->el[0].used = 1;
	/* an empty cell of a row that is written: columns line up */
	for (i = 1; i < t->nel; i++)
		if ((t->el[i].role == TAG_TH || t->el[i].role == TAG_TD) &&
		    t->el[t->el[i].parent].used)
			t->el[i].used = 1;
	/* which elements hold others (their /K an array, their own
	 * content between), and each Link's annotations, in order */
	w->kids = xcalloc(t->nel, 1);
	for (i = 1; i < t->nel; i++)
		if (t->el[i].used)
			w->kids[t->el[i].parent] = 1;
	w->aoff = xcalloc(t->nel + 1, sizeof(*w->aoff));
	w->aidx = xmalloc((t->nan + 1) * sizeof(*w->aidx));
	for (i = 0; i < t->nan; i++)
		w->aoff[t->an[i].el + 1]++;
	for (i = 0; i < t->nel; i++)
		w->aoff[i + 1] += w->aoff[i];
	apos = xmalloc((t->nel + 1) * sizeof(*apos));
	memcpy(apos, w->aoff, (t->nel + 1) * sizeof(*apos));
	for (i = 0; i < t->nan; i++)
		w->aidx[apos[t->an[i].el]++] = i;
	free(apos);
	/* the elements' numbers, then each parent's children in the order
	 * of their content on the pages (a title page laid out after the
	 * chapters still comes first) */
	w->key = key = xmalloc(t->nel * sizeof(*key));
	for (i = 0; i < t->nel; i++)
		key[i] = t->el[i].nmc > 0 ? S_mckey(&t->el[i].mc[0]) :
		    UINT64_MAX;
	for (i = t->nel; i-- > 1; )
		if (key[i] < key[t->el[i].parent])
			key[t->el[i].parent] = key[i];
	w->ord = xmalloc(t->nel * sizeof(*w->ord));
	num = 1;
	for (i = 0; i < t->nel; i++) {
		if (!t->el[i].used)
			continue;
		if (i > 0)
			w->ord[w->nord++] = i;
		t->el[i].num = num++;
		t->el[i].up = t->el[i].parent < 0 ? 0 :
		    t->el[t->el[i].parent].num;
	}
	S_key = key;
	S_tree = t;
	qsort(w->ord, w->nord, sizeof(*w->ord), S_cmp);
	/* the groups of a parent with more children than TAG_KIDS_MAX */
	w->group0 = num;
	for (i = 0; i < w->nord; i = j) {
		for (j = i; j < w->nord && t->el[w->ord[j]].parent ==
		    t->el[w->ord[i]].parent; j++)
			;
		if (j - i <= TAG_KIDS_MAX)
			continue;
		for (n = i; n < j; n++) {
			if ((n - i) % TAG_KIDS_MAX == 0) {
				num++;
				w->ngroup++;
			}
			t->el[w->ord[n]].up = num - 1;
		}
	}
	nk = t->npg + t->nan;
	w->ptree = num++;
	if (nk > TAG_LEAF_KEYS)
		num += (nk + TAG_LEAF_KEYS - 1) / TAG_LEAF_KEYS;
	w->nobj = num - 1;	/* the root is libharu's */
	/* libharu's part: a placeholder for the StructTreeRoot, which the
	 * packer fills in; the pages' and the annotations' keys into the
	 * ParentTree; the catalog's keys */
	if ((root = HPDF_Dict_New(pdf->mmgr)) == NULL)
		goto fail;
	TRY(HPDF_Xref_Add(pdf->xref, root));
	w->root = root->header.obj_id & 0x00FFFFFF;
	for (i = 0; i < t->npg; i++) {
		TRY(HPDF_Dict_AddNumber(t->pg[i].page, "StructParents",
		    (HPDF_INT32)i));
		TRY(HPDF_Dict_AddName(t->pg[i].page, "Tabs", "S"));
	}
	for (i = 0; i < t->nan; i++)
		TRY(HPDF_Dict_AddNumber(t->an[i].a, "StructParent",
		    (HPDF_INT32)(t->npg + i)));
	TRY(HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root));
	if ((mi = HPDF_Dict_New(pdf->mmgr)) == NULL)
		goto fail;
	TRY(HPDF_Dict_Add(pdf->catalog, "MarkInfo", mi));
	TRY(HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE));
	if ((vp = HPDF_Dict_New(pdf->mmgr)) == NULL)
		goto fail;
	TRY(HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp));
	TRY(HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE));
	TRY(S_xmp(pdf, title, author, t->lang, icc != NULL));
	if (icc != NULL) {
		TRY(S_intent(pdf, icc, icclen));
		TRY(S_id(pdf, t, title));
	}
	pdf->pdf_version = HPDF_VER_17;
	return 0;
fail:
	S_w_free(t->w);
	t->w = NULL;
	return -1;
}
