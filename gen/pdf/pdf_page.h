/*
 * pdf_page — cutting the column of rows into pages.
 *
 * Breaks fall between rows, never inside one, and only where the rows allow
 * it: not after a row that keeps with the next (headings, first and
 * penultimate lines of a paragraph, table headers, captions), not after a
 * line ending in a hyphen (no hyphenated last line of a page).  When no
 * allowed break leaves the page at least half full, the rules give way to
 * the page.  Vertical space at the top of a page is dropped, a forced break
 * starts a page, and a table that runs on repeats its header row.
 */
#ifndef SALESGEN_PDF_PAGE_H
#define SALESGEN_PDF_PAGE_H

#include <stddef.h>

#include "pdf_rows.h"

struct pg_entry {
	size_t	 row;		/* index into layout.rows */
	double	 y;		/* top of the row, from the top of the text area */
};

struct pg_page {
	struct pg_entry	*e;
	size_t		 n;
};

struct pages {
	struct pg_page	*p;
	size_t		 n;
};

/* Paginates l into pages of text height body_h.  Returns 0; free the
 * result with pages_free(). */
int	paginate(const struct layout *l, double body_h, struct pages *out);
void	pages_free(struct pages *);
/* The index of the page that holds the row defining anchor key, or -1. */
long	pages_find(const struct layout *, const struct pages *, const char *key);

#endif
