/*
 * merge — a mailing: one sales document per CSV row, the row's columns
 * overriding the fields of a template document they name
 * ("klant.naam", "klant.contact@email"), written in parallel.
 *
 * A bad row (a price of "12,5x", a column naming a list) is reported at
 * its line of the CSV file and left out; the other rows are still
 * written, and the run reports failure.  Rows whose documents would get
 * one file name (compared without case) are found in the first reading
 * of the file, before anything is written; none of them is written.  So
 * is a row with fewer or more cells than the header.  A column that names
 * no field stops the mailing before anything is written, unless it is
 * ignored (a name beginning with '_', or listed in ignore).
 *
 * The mailing's manifest, written last and atomically beside the
 * documents, has a line per row (of the shard): its line in the CSV file,
 * its document's file name, the document's fingerprint (fingerprint.h,
 * FP_SHORT digits) and whether it was written.
 *
 * With nshards N > 0, only the rows k (0-based, in file order, counting
 * every data row) with k % N == shard are made, and the manifest is
 * manifest-SHARD-of-N.csv: N runs, one per shard, write what one run
 * would, file by file.
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
	size_t		 shard, nshards;	/* this run's share; 0 shards:
					   every row */
	char *const	*ignore;	/* columns left unused (--ignore) */
	size_t		 nignore;
	int		 cmdline;	/* merge, not build: the column
					   message may suggest --ignore */
};

/* Merges template (a data document) with rows (CSV) into outdir.  dir is
 * the project folder the files must lie in.  Sets *written and *failed.
 * Returns 0 when every row was written, else -1 (diagnostics in dl). */
int	merge_run(const char *tmpl, const char *rows, const char *dir,
	    const char *outdir, struct theme *, const struct merge_opts *,
	    size_t *written, size_t *failed, struct diag_list *);

/* --shard I/N: decimal I and N, 0 <= I < N (I 0-based).  Returns 1 and
 * sets *i and *n, or 0 when s is not of that form. */
int	merge_shard_parse(const char *s, size_t *i, size_t *n);

#endif
