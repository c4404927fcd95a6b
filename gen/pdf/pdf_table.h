/*
 * pdf_table — GFM tables on the page: column widths from the content,
 * each row one unsplittable pl_row (cut into pieces of whole lines only
 * when it is taller than a page), the header marked for repetition on
 * every page the table spans.  Cells are set by pdf_inline.c.
 */
#ifndef SALESGEN_PDF_TABLE_H
#define SALESGEN_PDF_TABLE_H

#include "doc.h"
#include "pdf_rows.h"

/* Appends table (a DOC_TABLE) to l at x..x+width: its caption first (the
 * table's child paragraph of level 1, with the label "Tabel n"), then
 * its rows.  A table with more columns than width can hold is set as a
 * list of "header: value" lines instead (DIAG_TABLE_WIDE). */
void	layout_table(struct layout *, const struct doc_node *table,
	    double x, double width);

#endif
