/*
 * docpage — a document on its own as HTML (render): a fragment, a whole
 * page through the theme's site/document.html, or an offerte as the
 * interactive offer (ohtml.c).  Written to path ("-" standard output)
 * only when dl holds no error: nothing is written from bad input.
 *
 * Each returns 0, or -1 after adding diagnostics.  root and the strings
 * stay the caller's.
 */
#ifndef SALESGEN_DOCPAGE_H
#define SALESGEN_DOCPAGE_H

#include "datadoc.h"
#include "diag.h"
#include "doc.h"
#include "theme.h"

/* root's HTML, alone (fragment 1) or in site/document.html with title,
 * desc (may be NULL) and lang; the theme is the current folder's. */
int	docpage_html(const struct doc_node *root, const char *title,
	    const char *desc, const char *lang, int fragment,
	    const char *path, struct diag_list *dl);

/* The offerte d (root its tree) as the interactive HTML offer; top is
 * its project, th its theme. */
int	docpage_offer(const struct datadoc *d, const struct doc_node *root,
	    const char *top, struct theme *th, const char *path,
	    struct diag_list *dl);

#endif
