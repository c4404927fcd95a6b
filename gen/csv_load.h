/*
 * csv_load — CSV text, as Dutch (or English) Excel writes it, to a list of
 * maps: one map per data row, keyed by the header row's names.
 *
 * This module owns what libcsv does not: the choice of separator, the UTF-8
 * check, the positions (line:col) of rows and fields for diagnostics, the
 * rules for headers and row widths, and the reading of Excel's numbers
 * (csv_number).  Splitting the text into fields is libcsv's job; values
 * stay strings here and are typed later by whoever reads them.
 *
 * Accepted: a UTF-8 BOM; ';', ',' or tab as the separator; Excel's
 * "sep=;" first line; quoted fields with doubled quotes, separators and
 * line breaks inside; CRLF, LF or CR line ends.  Unquoted fields lose their
 * surrounding blanks, quoted ones keep them; line breaks inside a field
 * become "\n".  Empty lines, blank lines and rows whose fields are all empty
 * (Excel writes ";;;" for a blank row) are skipped.
 */
#ifndef SALESGEN_CSV_LOAD_H
#define SALESGEN_CSV_LOAD_H

#include <stddef.h>

#include "diag.h"

struct val;

struct csv_opts {
	int	diag_code;	/* the diagnostics code for malformed
				   input: DIAG_CSV, or another whose format
				   is "%s"; 0 (or any other) is DIAG_CSV */
	char	sep;		/* 0 = detect (from a "sep=" line, else
				   ';', ',' or tab from the header line);
				   else the separator, which also wins
				   over a "sep=" line */
	/* With row set, each data row goes to row(arg, map) as it is read,
	 * the callee owning the map, instead of into the list (which stays
	 * empty): a mailing of any length then holds a few rows at a time.
	 * A non-zero return stops the reading. */
	int	(*row)(void *arg, struct val *map);
	void	*arg;
	/* With head set, head(arg, line, names, cols, n) gets the header's
	 * n names, its line and the column (1-based, in characters) where
	 * each name starts, once the header is read and sound and before
	 * any row.  A non-zero return stops the reading (the callee has
	 * said why). */
	int	(*head)(void *arg, int line, char *const *names,
		    const int *cols, size_t n);
	/* With width set (with row), a row with fewer or more fields than
	 * the header is no error here and does not reach row(): width(arg,
	 * line, col, nfields, nheader) is called instead, col being where
	 * the first field too many starts, or where the first missing one
	 * would (the row's end), and the reading goes on unless it returns
	 * non-zero.  Without it, a wider row is an error and a shorter one
	 * lacks the keys of the missing fields. */
	int	(*width)(void *arg, int line, int col, size_t nfields,
		    size_t nheader);
	/* Non-zero: a text that is not UTF-8 but is Windows-1252 throughout
	 * (what Excel's plain "CSV" is on a Western European Windows) is
	 * read as Windows-1252, with the note DIAG_CSV_CP1252 at its first
	 * byte that is not UTF-8.  A BOM says UTF-8: then it is an error. */
	int	cp1252;
};

/* Reads CSV text (len bytes; from path, which diagnostics name) into a new
 * list of maps (free with val_free()), one per data row in file order.
 * Each map holds the row's fields under the header's names (trimmed), in
 * header order, as strings.  Positions are the values' own (val.h), so
 * later stages can report PATH:LINE:COL: a row's is the line where it
 * starts (no column), a field's that line and the 1-based column where the
 * field starts.  A row with fewer fields than the header lacks the missing
 * keys; one with more is an error.  Header names must be present and
 * unique; any name will do ("_line" too).  The text must be UTF-8 without
 * NUL bytes.
 *
 * Rows of another width and Windows-1252 text: see csv_opts.
 *
 * A header without rows gives an empty list.  On any error (nothing at all
 * to read, a bad header, a malformed or too wide row, invalid UTF-8)
 * returns NULL after adding diagnostics "path:line:col: error: ..." with
 * the position of the offending field or byte; rows are checked on past a
 * too wide one, up to 20 diagnostics.  opts may be NULL (detect, DIAG_CSV). */
struct val *csv_load(const char *src, size_t len, const char *path,
	    const struct csv_opts *opts, struct diag_list *);

/* Reads a number as Excel writes it in a CSV cell of a file in language
 * lang ("nl", "en"; NULL is Dutch) and stores it in *out, by the rule of
 * num.h: "1.250,50", "1250,5", "-3", " 12 " in Dutch, "1250.50",
 * "1,250.50" in English; a lone "1,250" is 1.25 in Dutch and 1250 in
 * English, "1.250" the reverse.  Blanks around the number and a leading
 * '-' or '+' are allowed; anything else (exponents, currency signs,
 * "12,5x") is not.  Returns 0, or -1 leaving *out alone. */
int	csv_number(const char *s, const char *lang, double *out);

#endif
