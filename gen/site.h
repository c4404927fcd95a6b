/*
 * site — the static study site: one page per chapter, an index, a glossary,
 * the style sheets, all with relative links so the folder works on any
 * static host and opened from disk.
 */
#ifndef SALESGEN_SITE_H
#define SALESGEN_SITE_H

#include "course.h"
#include "diag.h"
#include "theme.h"

/* Writes the site of a scanned course into outdir, each file atomically,
 * the chapter pages on jobs threads.  Returns 0, or -1 after adding
 * diagnostics (files already complete are kept; no file is ever left
 * half-written).  The theme must not be used by anyone else meanwhile. */
int	site_build(const struct course *, struct theme *, const char *outdir,
	    enum edition, int jobs, struct diag_list *);

#endif
