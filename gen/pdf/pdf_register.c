/*
 * pdf_register — finding the register's terms on the handout's pages and
 * setting the register in two columns (see pdf_register.h).
 */
#include "pdf_register.h"
#include "buf.h"
#include "doc.h"
#include "mem.h"
#include "pdf_layout.h"
#include "pdf_tag.h"
#include "register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REG_SIZE	9	/* points */
#define REG_LEAD	12
#define REG_GAP		18	/* between the columns */
#define REG_INDENT	10	/* a subentry, and a line carried over */
#define REG_INK		PL_COLOR(0x1d, 0x23, 0x2b)

/* The text of page p: its rows' runs, a space between runs that do not
 * touch, a line broken at a hyphen joined again ("verkoop-" "plan" is
 * "verkoopplan"). */
static void
S_page_text(const struct layout *l, const struct pg_page *pg, size_t *seen,
    int nch, struct buf *out)
{
	const struct pl_row *r;
	const struct pl_run *u;
	size_t k, q;

	buf_reset(out);
	for (k = 0; k < pg->n; k++) {
		if (pg->e[k].row < *seen && *seen > 0)
			continue;	/* a table's header repeated */
		*seen = pg->e[k].row + 1;
		r = &l->rows[pg->e[k].row];
		if (r->kind != PL_LINE || r->chapter > nch)
			continue;	/* the glossary is no running text */
		for (q = 0; q < r->nruns; q++) {
			u = &r->runs[q];
			if (u->text == NULL || (u->strike & PL_DECO_IMAGE))
				continue;
			if (q > 0 && u->x > r->runs[q - 1].x +
			    r->runs[q - 1].w + 0.01)
				buf_putc(out, ' ');
			buf_put(out, u->text, u->len);
		}
		if (r->hyphen && out->len > 0 && out->data[out->len - 1] == '-')
			out->data[--out->len] = '\0';
		else
			buf_putc(out, '\n');
	}
}

/* The anchor of page p to link to: one a row of it defines, else a new
 * one on its first line. */
static char *
S_page_anchor(struct layout *l, const struct pg_page *pg, long folio)
{
	struct pl_row *r;
	char name[48];
	size_t k;

	for (k = 0; k < pg->n; k++) {
		r = &l->rows[pg->e[k].row];
		if (r->anchor != NULL && !r->theader)
			return xstrdup(r->anchor);
	}
	for (k = 0; k < pg->n; k++) {
		r = &l->rows[pg->e[k].row];
		if (r->kind == PL_LINE && !r->theader && r->anchor == NULL) {
			snprintf(name, sizeof(name), "_register#p%ld", folio);
			r->anchor = xstrdup(name);
			return xstrdup(name);
		}
	}
	return NULL;
}

/* A link to key ("slug#id"), registered once in l. */
static int
S_link(struct layout *l, const char *key)
{
	struct buf b = { 0 };
	size_t i;

	buf_printf(&b, "#%s", key);
	for (i = 0; i < l->nlinks; i++)
		if (strcmp(l->links[i], b.data) == 0) {
			buf_free(&b);
			return (int)i;
		}
	l->links = xrealloc(l->links, (l->nlinks + 1) * sizeof(*l->links));
	l->links[l->nlinks] = buf_detach(&b);
	return (int)l->nlinks++;
}

/* One line of a column: runs at x from the column's left edge. */
struct piece {
	double		 x, w;
	enum font_face	 face;
	char		*text;	/* owned */
	int		 link;
};

struct line {
	struct piece	*p;
	size_t		 n;
	int		 keep;	/* a main term over its subentries: not
				   at the foot of a column */
	int		 start;	/* an entry's first line: 1 a term's, 2 a
				   subentry's */
	int		 el;	/* its element in the tagged PDF, -1 */
};

struct lines {
	struct line	*v;
	size_t		 n;
	double		 colw;
	double		 x;	/* where the next piece goes */
	struct layout	*l;
};

static void
S_newline(struct lines *ls, double indent)
{
	ls->v = xrealloc(ls->v, (ls->n + 1) * sizeof(*ls->v));
	memset(&ls->v[ls->n], 0, sizeof(ls->v[ls->n]));
	ls->n++;
	ls->x = indent;
}

/* Puts text after the last piece (sep before it), carried to a new line
 * when the column is full. */
static void
S_piece(struct lines *ls, const char *sep, const char *text,
    enum font_face face, int link, double indent)
{
	struct line *ln;
	struct piece *pc;
	double ws = font_width(ls->l->fonts, FACE_REGULAR, sep, strlen(sep),
	    REG_SIZE);
	double w = font_width(ls->l->fonts, face, text, strlen(text),
	    REG_SIZE);

	if (ls->x + ws + w > ls->colw && ls->x > indent) {
		S_newline(ls, indent);
		ws = 0;
	}
	ln = &ls->v[ls->n - 1];
	ln->p = xrealloc(ln->p, (ln->n + 1) * sizeof(*ln->p));
	pc = &ln->p[ln->n++];
	pc->x = ls->x + ws;
	pc->w = w;
	pc->face = face;
	pc->text = xstrdup(text);
	pc->link = link;
	ls->x = pc->x + w;
}

/* The lines of entry e: its term (or subentry, indented), then its
 * pages, each a link to the page (target[page - first]). */
static void
S_entry(struct lines *ls, const struct reg_entry *e, char **target,
    long first, long *from, long *to)
{
	char num[48];
	size_t i, n;
	double ind = e->sub ? REG_INDENT : 0;

	S_newline(ls, ind);
	ls->v[ls->n - 1].start = e->sub ? 2 : 1;
	S_piece(ls, "", e->sub ? e->sub : e->term, FACE_REGULAR, -1,
	    ind + REG_INDENT);
	n = reg_ranges(e, from, to);
	for (i = 0; i < n; i++) {
		const char *t = target[from[i] - first];
		int link = t ? S_link(ls->l, t) : -1;

		snprintf(num, sizeof(num), "%ld", from[i]);
		if (i > 0)
			S_piece(ls, "", ",", FACE_REGULAR, -1, ind + REG_INDENT);
		S_piece(ls, i == 0 ? "  " : " ", num, from[i] == e->bold ?
		    FACE_BOLD : FACE_REGULAR, link, ind + REG_INDENT);
		if (to[i] == from[i])
			continue;
		t = target[to[i] - first];
		/* "12–14": the second number links to its own page */
		snprintf(num, sizeof(num), "\xe2\x80\x93%ld", to[i]);
		S_piece(ls, "", num, FACE_REGULAR, t ? S_link(ls->l, t) : -1,
		    ind + REG_INDENT);
	}
}

/* Rows of two columns: left lines [a, a + nl), right the nr after. */
static void
S_rows(struct layout *l, const struct lines *ls, size_t a, size_t nl,
    size_t nr, int chapter)
{
	struct pl_row *r;
	size_t i, c, k, from;
	double colx[2];

	colx[0] = l->st->margin_left;
	colx[1] = colx[0] + ls->colw + REG_GAP;
	for (i = 0; i < nl || i < nr; i++) {
		r = layout_row(l, PL_LINE, REG_LEAD);
		r->chapter = chapter;
		r->base = REG_SIZE;
		for (c = 0; c < 2; c++) {
			size_t at = a + i + c * nl;
			const struct line *ln;

			if (i >= (c == 0 ? nl : nr))
				continue;
			ln = &ls->v[at];
			from = r->nruns;
			for (k = 0; k < ln->n; k++)
				row_run(r, colx[c] + ln->p[k].x, ln->p[k].w,
				    ln->p[k].face, REG_SIZE, REG_INK,
				    ln->p[k].text, strlen(ln->p[k].text),
				    ln->p[k].link);
			tag_runs(l->tag, l->n - 1, from, r->nruns, ln->el);
		}
	}
}

/*
 * The register in a tagged PDF: an Index holding an L of an LI per
 * entry, each LI's LBody a P with the term and its page numbers (a Link
 * each); a subentry's LI in an L inside its term's LBody, after the
 * term's P.  Each line's runs go to its entry's P (the two columns share
 * rows, so rows cannot say it).  No Lbl: the entries have no bullet or
 * number.
 *
 * Why Index around the L: ISO 32000-1 (14.8.4.3) defines
 * Index as "a sequence of entries containing identifying text
 * accompanied by reference elements that point out occurrences of the
 * specified text in the main body of a document", which is what a
 * register is, and its own example of an index (PDF Reference 1.7,
 * Appendix G.7) tags the entries as an L of LIs.  PDF/UA-1 takes the
 * standard structure types as ISO 32000-1 defines them, and grouping
 * elements hold block elements, so an entry's text is a P in its
 * LBody.  A reader hears an index, can skip it whole, and gets each
 * term as a list item with the number of its links.  The page numbers are Link, not Reference: each
 * has a link annotation, which PDF/UA-1 (7.18.5) wants in a Link.
 */
static void
S_tag_lines(struct layout *l, struct lines *ls)
{
	int list, body = -1, term = -1, sub = -1, li, para = -1;
	size_t i;

	if (l->tag == NULL)
		return;
	tag_open(l->tag, TAG_INDEX, l->n, NULL);
	list = tag_open(l->tag, TAG_L, l->n, NULL);
	for (i = 0; i < ls->n; i++) {
		struct line *ln = &ls->v[i];

		if (ln->start == 1) {
			li = tag_element(l->tag, TAG_LI, list);
			body = term = tag_element(l->tag, TAG_LBODY, li);
			sub = -1;
		} else if (ln->start == 2) {
			if (sub < 0)
				sub = tag_element(l->tag, TAG_L, term >= 0 ?
				    term : list);
			li = tag_element(l->tag, TAG_LI, sub);
			body = tag_element(l->tag, TAG_LBODY, li);
		}
		if (ln->start != 0 || para < 0)
			para = tag_element(l->tag, TAG_P, body);
		ln->el = para;
	}
}

static size_t
S_layout(struct layout *l, const struct reg *r, char **target, long first,
    const char *title, int chapter, double body_h)
{
	struct doc_node root, h, txt;
	struct lines ls;
	long *from, *to;
	size_t i, k, a, per, n, nl = 0, nr = 0, set = 0, start;
	double used = 0;
	const char *last = NULL;

	memset(&ls, 0, sizeof(ls));
	ls.l = l;
	ls.colw = (l->st->page_w - l->st->margin_left - l->st->margin_right -
	    REG_GAP) / 2;
	for (i = k = 0; i < r->n; i++)
		if (r->e[i].npages > k)
			k = r->e[i].npages;
	from = xcalloc(k + 1, sizeof(*from));
	to = xcalloc(k + 1, sizeof(*to));
	for (i = 0; i < r->n; i++) {
		const struct reg_entry *e = &r->e[i];

		if (e->npages == 0)
			continue;
		if (e->sub != NULL && (last == NULL ||
		    strcmp(last, e->term) != 0)) {
			/* a main term that only heads its subentries */
			S_newline(&ls, 0);
			S_piece(&ls, "", e->term, FACE_REGULAR, -1, REG_INDENT);
			ls.v[ls.n - 1].keep = 1;
			ls.v[ls.n - 1].start = 1;
		}
		last = e->term;
		S_entry(&ls, e, target, first, from, to);
		set++;
	}
	free(from);
	free(to);
	/* the heading opens a page, as a chapter's does; it is there over
	 * no entries too, as the contents name it */
	l->chapter = chapter;
	l->slug = "_register";
	memset(&root, 0, sizeof(root));
	memset(&h, 0, sizeof(h));
	memset(&txt, 0, sizeof(txt));
	root.type = DOC_ROOT;
	root.first = root.last = &h;
	h.type = DOC_HEADING;
	h.level = 1;
	h.id = "register";
	h.parent = &root;
	h.first = h.last = &txt;
	txt.type = DOC_TEXT;
	txt.text = (char *)title;
	txt.parent = &h;
	start = l->n;
	layout_doc(l, &root);
	for (k = start; k < l->n; k++)
		if (l->rows[k].kind != PL_PAGE)
			used += l->rows[k].h;
	layout_space(l, 6);
	used += 6;
	S_tag_lines(l, &ls);
	/* page by page: the left column full, then the right; the last
	 * page's two balanced */
	for (a = 0; a < ls.n; a += nl + nr) {
		per = (size_t)((body_h - used - 0.5) / REG_LEAD);
		if (per == 0)
			per = 1;
		n = ls.n - a;
		nl = n <= 2 * per ? (n + 1) / 2 : per;
		if (nl > 1 && ls.v[a + nl - 1].keep)
			nl--;
		nr = n - nl < per ? n - nl : per;
		if (nr > 1 && nl + nr < n && ls.v[a + nl + nr - 1].keep)
			nr--;
		if (a > 0)
			layout_row(l, PL_PAGE, 0)->chapter = chapter;
		S_rows(l, &ls, a, nl, nr, chapter);
		used = 0;
	}
	if (l->tag != NULL) {
		tag_close(l->tag, l->n);	/* the L */
		tag_close(l->tag, l->n);	/* the Index */
	}
	for (i = 0; i < ls.n; i++) {
		for (k = 0; k < ls.v[i].n; k++)
			free(ls.v[i].p[k].text);
		free(ls.v[i].p);
	}
	free(ls.v);
	return set;
}

size_t
pdf_register(struct layout *body, const struct pages *bp, struct reg *r,
    const struct course *c, long first, const char *title, int chapter,
    double body_h)
{
	struct buf t = { 0 }, key = { 0 };
	struct reg_text *words = reg_text_new();
	char **target;
	size_t i, k, seen, set;
	long pg;

	/* each page's words read once, then matched (register.h) */
	for (i = 0, seen = 0; i < bp->n; i++) {
		S_page_text(body, &bp->p[i], &seen, (int)c->nch, &t);
		reg_text_words(words, t.data ? t.data : "", t.len);
		reg_text_page(words);
	}
	reg_match(r, &words, &first, 1);
	reg_text_free(words);
	for (k = 0; k < r->n; k++) {
		struct reg_entry *e = &r->e[k];

		if (e->def_ch < 0 || e->def_id == NULL)
			continue;
		buf_reset(&key);
		buf_printf(&key, "%s#%s", c->ch[e->def_ch].slug, e->def_id);
		if ((pg = pages_find(body, bp, key.data)) < 0)
			continue;	/* the edition left it out */
		e->bold = pg + first;
		reg_add_page(e, e->bold);
	}
	target = xcalloc(bp->n + 1, sizeof(*target));
	for (k = 0; k < r->n; k++)
		for (i = 0; i < r->e[k].npages; i++) {
			size_t p = (size_t)(r->e[k].pages[i] - first);

			if (p < bp->n && target[p] == NULL)
				target[p] = S_page_anchor(body, &bp->p[p],
				    r->e[k].pages[i]);
		}
	set = S_layout(body, r, target, first, title, chapter, body_h);
	for (i = 0; i < bp->n; i++)
		free(target[i]);
	free(target);
	buf_free(&t);
	buf_free(&key);
	return set;
}
