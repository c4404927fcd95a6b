/*
 * pdf_code — the lines of a code block on the page.
 *
 * A listing is set line by line in the mono face, never justified or
 * hyphenated.  Tabs go to the next tab stop; a line wider than the box
 * wraps, each continuation marked and indented like the line it continues.
 * The box around the lines, its padding and the page-break rules of the
 * block are pdf_layout.c's.
 */
#ifndef SALESGEN_PDF_CODE_H
#define SALESGEN_PDF_CODE_H

#include <stddef.h>

#include "buf.h"
#include "doc.h"
#include "pdf_rows.h"

/* Tab stops every this many columns when the project sets none. */
#define CODE_TABS_DEFAULT	4

/*
 * Appends line s[0..n) (without its newline) to out with every tab
 * replaced by the spaces up to the next multiple of tabs columns (tabs < 1:
 * CODE_TABS_DEFAULT).  A column is a character: a UTF-8 sequence counts
 * once, whatever its length in bytes.  Returns the line's width in
 * columns.
 */
size_t	code_expand_tabs(const char *s, size_t n, int tabs, struct buf *out);

/*
 * Where a row of a wrapped code line ends: s[0..fit) fits the row and the
 * line goes on past it (s[fit] exists).  Returns the end of the last space
 * or punctuation mark in s[fit/2..fit) that is followed by neither a space
 * nor another mark (an opening bracket may follow), so that a row breaks
 * between words or after an operator when one is in its second half, and
 * the next row never starts with ";" or ")"; else fit, the row as full as
 * it goes.
 */
size_t	code_break(const char *s, size_t fit);

/*
 * Sets the lines of code block n into rows at x..x+width in the mono face
 * at size on leading lead, tabs at stops every l->st->tabs columns.  A
 * line wider than width wraps (code_break()); its continuations start with
 * a small muted mark at the line's own indentation (at most half the
 * width in) and never reach past x+width.  White space left over at a
 * break is dropped, so a line never ends in rows of blanks.  Returns the
 * number of rows added, one or more per line.
 */
size_t	layout_code(struct layout *, const struct doc_node *n, double x,
	    double width, double size, double lead);

#endif
