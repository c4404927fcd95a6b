/*
 * pdf_code — code blocks on the page (see pdf_code.h).
 *
 * Tabs are expanded here rather than drawn: the fonts have no glyph for
 * U+0009, and a listing written with tabs is indented by columns, so a tab
 * after two characters moves on to the next stop, not a fixed distance.
 * Columns are characters, not bytes, or a line with "é" in it would come
 * out a column short.
 *
 * Wrapping never hyphenates: a row ends after a space or a punctuation
 * mark when one is in its second half (an operator, a comma, the end of a
 * word), else at the last character that fits.  The continuation gets a
 * small muted arrow, so it cannot be mistaken for a line of its own, and
 * starts at the line's indentation, so the block's shape stays readable.
 */
#include "pdf_code.h"
#include "buf.h"

#include <string.h>

#define INK	PL_COLOR(0x1d, 0x23, 0x2b)
#define MARK	PL_COLOR(0x7a, 0x85, 0x94)	/* lighter than the text */

/* The continuation mark, U+21AA RIGHTWARDS ARROW WITH HOOK: a small glyph
 * in the mono face already.  It is set at the code's size: a smaller one
 * sits higher, and text extraction (pdftotext, copy and paste) then takes
 * it for a line of its own. */
#define MARK_TEXT	"\xE2\x86\xAA"
#define MARK_CP		0x21AA

size_t
code_expand_tabs(const char *s, size_t n, int tabs, struct buf *out)
{
	static const char blanks[] = "                ";	/* 16 */
	size_t i, col = 0, from = 0, stop, k;

	if (tabs < 1)
		tabs = CODE_TABS_DEFAULT;
	for (i = 0; i < n; i++) {
		if (s[i] == '\t') {
			buf_put(out, s + from, i - from);
			stop = (col / (size_t)tabs + 1) * (size_t)tabs;
			while (col < stop) {
				k = stop - col < 16 ? stop - col : 16;
				buf_put(out, blanks, k);
				col += k;
			}
			from = i + 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;	/* not a UTF-8 continuation byte */
	}
	buf_put(out, s + from, n - from);
	return col;
}

/* A place a row may end after: a space or ASCII punctuation, but not a
 * quote or a backslash, which open or escape what follows. */
static int
S_breakable(unsigned char c)
{
	return c != '\0' && strchr(" ,;:.!?)]}([{=+-*/%&|^~<>@#$", c) != NULL;
}

/* Not before a blank or a mark that closes or continues what is before
 * it (a lone ";" or ")" on a row, ">" of "->"); an opening bracket starts
 * a row well. */
size_t
code_break(const char *s, size_t fit)
{
	size_t j;

	for (j = fit; j > fit / 2 && j > 0; j--)
		if (S_breakable((unsigned char)s[j - 1]) &&
		    (!S_breakable((unsigned char)s[j]) ||
		    strchr("([{", s[j]) != NULL))
			return j;
	return fit;
}

/* How much of s[0..n) fits in avail at size: at least one character, so
 * that a glyph wider than the row still moves on.  *w gets its width. */
static size_t
S_fit(struct layout *l, const char *s, size_t n, double size, double avail,
    double *w)
{
	size_t k = 0, adv;
	double cw;

	*w = 0;
	while (k < n) {
		font_utf8(s + k, n - k, &adv);
		cw = font_width(l->fonts, FACE_MONO, s + k, adv, size);
		if (*w + cw > avail && k > 0)
			break;
		*w += cw;
		k += adv;
	}
	return k;
}

static struct pl_row *
S_row(struct layout *l, double size, double lead)
{
	struct pl_row *r = layout_row(l, PL_LINE, lead);

	r->base = lead - (lead - size) / 2 - size * 0.22;
	return r;
}

/* Sets one line (tabs expanded) into rows; returns how many. */
static size_t
S_line(struct layout *l, const struct doc_node *n, const char *s, size_t len,
    double x, double width, double size, double lead)
{
	struct pl_row *r;
	enum font_face mf = FACE_MONO;
	size_t rows = 0, k, fit, ind, end = len;
	double w, cw, mw = 0, mx = x, off = 0;

	font_check(l->fonts, FACE_MONO, s, len, l->file, n->line, n->col,
	    l->dl);
	/* Blanks at the end are not drawn: no row of them alone. */
	while (end > 0 && s[end - 1] == ' ')
		end--;
	for (ind = 0; ind < end && s[ind] == ' '; ind++)
		;
	for (;;) {
		r = S_row(l, size, lead);
		if (rows > 0)
			row_run(r, mx, mw, mf, size, MARK, MARK_TEXT,
			    sizeof(MARK_TEXT) - 1, -1);
		fit = S_fit(l, s, len, size, width - off, &w);
		k = fit < len && fit < end ? code_break(s, fit) : fit;
		if (k != fit)
			w = font_width(l->fonts, FACE_MONO, s, k, size);
		row_run(r, x + off, w, FACE_MONO, size, INK, s, k, -1);
		rows++;
		if (k >= end)
			break;
		s += k;
		len -= k;
		end -= k;
		/* the blanks at the break go with it */
		while (*s == ' ')
			s++, len--, end--;
		if (rows == 1) {
			/* The continuations start at the line's own
			 * indentation, while that leaves half the width,
			 * with the mark in the column before, and a column
			 * of air after it. */
			cw = font_width(l->fonts, FACE_MONO, " ", 1, size);
			if (cw > 0 && (double)(ind + 2) * cw > width / 2)
				ind = width / 2 / cw > 2 ?
				    (size_t)(width / 2 / cw) - 2 : 0;
			off = (double)(ind + 2) * cw;
			if (!font_has(l->fonts, FACE_MONO, MARK_CP))
				mf = FACE_FALLBACK;
			font_check(l->fonts, mf, MARK_TEXT,
			    sizeof(MARK_TEXT) - 1, l->file, n->line, n->col,
			    l->dl);
			mw = font_width(l->fonts, mf, MARK_TEXT,
			    sizeof(MARK_TEXT) - 1, size);
			mx = x + (double)ind * cw;
			if (mw < cw)
				mx += (cw - mw) / 2;
		}
	}
	return rows;
}

size_t
layout_code(struct layout *l, const struct doc_node *n, double x,
    double width, double size, double lead)
{
	const char *s = n->text ? n->text : "", *e;
	struct buf line = { 0 };
	size_t rows = 0, len;

	while (*s != '\0') {
		e = strchr(s, '\n');
		len = e ? (size_t)(e - s) : strlen(s);
		buf_reset(&line);
		code_expand_tabs(s, len, l->st->tabs, &line);
		rows += S_line(l, n, buf_cstr(&line), line.len, x, width,
		    size, lead);
		if (e == NULL)
			break;
		s = e + 1;
	}
	buf_free(&line);
	return rows;
}
