/*
 * pdf_register — the register (register.h) at the end of a course's
 * handout: where its terms are on the laid-out pages, and the register
 * itself in two columns, each page number a link to its page.
 *
 * It works between pagination and drawing, as the contents' page
 * numbers do (pdf.c): the body is paginated, the pages are read back
 * for the terms, and the register's rows are appended after a page
 * break, so the pages before it cannot move.
 */
#ifndef SALESGEN_PDF_REGISTER_H
#define SALESGEN_PDF_REGISTER_H

#include "course.h"
#include "pdf_page.h"
#include "pdf_rows.h"

struct reg;

/* Reads the text of body's pages bp (rows of chapters 1..nch, not the
 * glossary) into r's entries as folios (first is the folio of page 0),
 * each definition's page its bold page, and gives every page the
 * register names an anchor to link to.  Then appends the register to
 * body on new pages, under a heading title (anchor
 * "_register#register"), its rows of chapter number chapter (for the
 * running head), body_h the text height of a page: two columns, the
 * entries that occur nowhere left out (the heading stands over none).
 * Returns the number of entries set; the caller paginates body
 * again. */
size_t	pdf_register(struct layout *body, const struct pages *bp,
	    struct reg *r, const struct course *c, long first,
	    const char *title, int chapter, double body_h);

#endif
