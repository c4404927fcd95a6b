/*
 * ohtml — the interactive HTML offer: one self-contained page (inline
 * CSS and script, the logo as a data URI) on which the client ticks
 * optional lines, picks alternatives and sets quantities within their
 * bounds, and sees the totals recomputed by templates/site/offer.js, a
 * port of sales_offer.c.  Without script it shows the offer as it is:
 * every total on the page is computed here, in C.
 *
 * The page is the letter (the offerte's template as HTML) followed by the
 * form; the shell is templates/site/offer.html, the script
 * templates/site/offer.js (a project may override both).
 */
#ifndef SALESGEN_OHTML_H
#define SALESGEN_OHTML_H

#include "diag.h"

struct buf;
struct datadoc;
struct theme;

/* Appends the page for d to out.  d went through datadoc_doc() with
 * keep_ctx set (its context and fingerprint); body is the letter as HTML
 * (html_render()); root is the project folder the logo must lie in.
 * Returns 0, or -1 after adding diagnostics. */
int	ohtml_page(const struct datadoc *d, const char *body, const char *root,
	    struct theme *th, struct buf *out, struct diag_list *dl);

#endif
