/*
 * pdf_layout — a document tree into a column of rows (pdf_rows.h): the
 * block walker.  It goes through the blocks in order and hands each to
 * its builder: paragraphs, headings and captions to pdf_inline.c, tables
 * to pdf_table.c, code to pdf_code.c; boxes, lists, quotes, figures,
 * charts and signature blocks it lays out itself.  Nothing here knows
 * about libharu's objects except the fonts it measures.
 *
 * The life of a layout: layout_init(), layout_doc() (once or more: a
 * course's chapters go into one body), layout_free().
 */
#ifndef SALESGEN_PDF_LAYOUT_H
#define SALESGEN_PDF_LAYOUT_H

#include "diag.h"
#include "doc.h"
#include "pdf_font.h"
#include "pdf_int.h"
#include "pdf_rows.h"

/* Fills s with the house defaults: A4 (Letter when letter is set), 160 mm
 * measure, 10 pt on 13.2 pt. */
void	pdf_style_default(struct pdf_style *, int letter);

/* An empty layout with its context (layout_rows_init()); the pointers are
 * borrowed.  Release with layout_free(). */
void	layout_init(struct layout *, struct fonts *, struct hyph *,
	    const struct pdf_style *, struct diag_list *);
/* Frees the rows, links and what pdf_inline.c kept between paragraphs. */
void	layout_free(struct layout *);

/* Lays out the blocks of root (a chapter or document) at the text block's
 * full width.  chapter > 0 starts it on a new page with a chapter
 * opening. */
void	layout_doc(struct layout *, const struct doc_node *root);

#endif
