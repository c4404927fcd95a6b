/*
 * handout — what a project build writes besides its site: out/pdf (the
 * course for teachers and for students, each chapter on its own in the
 * site's edition, each sales document) and out/mailing/NAME (the
 * mailings salesgen.xml lists), with the summary line of each.
 *
 * Both return 0, or -1 after adding errors to dl.  Of the handouts after
 * the teacher edition only errors are reported (it has said all there is
 * to say about glyphs and line breaks).  Nothing returned is owned.
 */
#ifndef SALESGEN_HANDOUT_H
#define SALESGEN_HANDOUT_H

#include <stddef.h>

#include "build.h"
#include "course.h"
#include "diag.h"
#include "theme.h"

int	handout_pdfs(const struct build_opts *o, const struct course *c,
	    struct theme *th, const char *out, struct diag_list *dl);
int	handout_mailings(const struct build_opts *o, const struct course *c,
	    struct theme *th, const char *out, struct diag_list *dl);

/* In an incremental build (course.plan), the PDFs of the chapters whose
 * source changed, before anything else, so the one being written shows
 * soonest (serve); handout_pdfs() then leaves them be.  One that fails is
 * left to handout_pdfs(), whose order the diagnostics follow.  Returns
 * how many it made. */
int	handout_first(const struct build_opts *o, const struct course *c,
	    const char *out);

/* The word for n things in the summary lines, which are English:
 * "1 chapter", "2 chapters". */
const char *handout_plural(size_t n, const char *one, const char *many);

#endif
