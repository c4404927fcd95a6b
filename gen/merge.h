/*
 * merge — a mailing: one sales document per CSV row, the row's columns
 * overriding the fields of a template document they name
 * ("klant.naam", "klant.contact@email"), written in parallel.
 *
 * A bad row (a price of "12,5x", a column naming a list) is reported at
 * its line of the CSV file and left out; the other rows are still
 * written, and the run reports failure.  Rows whose documents would get
 * one file name (compared without case) are found in the first reading
 * of the file, before anything is written; none of them is written.
 */
#ifndef SALESGEN_MERGE_H
#define SALESGEN_MERGE_H

#include "diag.h"

struct theme;
struct pdf_opts;

struct merge_opts {
	int		 jobs;		/* threads */
	int		 pdf;		/* write PDF (else HTML) */
	int		 progress;	/* a progress line on stderr */
	int		 letter;	/* paper */
	const struct pdf_opts *pdfo;	/* fonts, hyphenation; may be NULL */
};

/* Merges template (a data document) with rows (CSV) into outdir.  dir is
 * the project folder the files must lie in.  Sets *written and *failed.
 * Returns 0 when every row was written, else -1 (diagnostics in dl). */
int	merge_run(const char *tmpl, const char *rows, const char *dir,
	    const char *outdir, struct theme *, const struct merge_opts *,
	    size_t *written, size_t *failed, struct diag_list *);

#endif
