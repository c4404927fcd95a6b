/*
 * pdf_dump — a text dump of what the PDF back end draws, for the golden
 * tests (tests/pdf.sh, tests/regress/pdf/<case>.layout): one line per
 * text run, filled rectangle (rules, boxes, strike and underline), image,
 * chart path and link, with the page, positions in PDF points (origin at
 * the bottom left) rounded to 0.01, the font face and size, the colour and
 * the text.  The poppler text extraction the goldens used before changes
 * with poppler's version; this says what salesgen put where.
 *
 * It is on only when the environment variable SALESGEN_LAYOUT_DUMP names
 * a file (read once, in dump_open()): every document drawn then appends
 * its lines to that file.  Meant for one document per run; a build of
 * several documents at once appends them whole, in no fixed order.
 * Every function takes a NULL dump and then does nothing, so pdf_draw.c
 * calls them unconditionally.
 *
 * Line forms (N the page, from 1; C a colour as #rrggbb):
 *   N page W H
 *   N text X Y FACE SIZE C TEXT     (X, Y: the start of the baseline)
 *   N rect X Y W H C
 *   N image X Y W H FILE
 *   N path C X Y X Y ...            (a chart's polygon or line)
 *   N link X Y W H TARGET
 */
#ifndef SALESGEN_PDF_DUMP_H
#define SALESGEN_PDF_DUMP_H

#include <stddef.h>
#include <stdint.h>

#include "pdf_font.h"

struct pdf_dump;

/* A new dump when SALESGEN_LAYOUT_DUMP is set and not empty, else NULL.
 * The caller frees it with dump_close(). */
struct pdf_dump *dump_open(void);
/* Appends what was dumped to the file when keep (the document was made),
 * then frees d.  A file that cannot be written is left as it is: the dump
 * is a test aid, and the test comparing it finds it missing. */
void	dump_close(struct pdf_dump *d, int keep);

/* A new page of w by h points; the following lines carry its number. */
void	dump_page(struct pdf_dump *, double w, double h);
/* Text s[0..n), UTF-8, in face at size with its baseline from x, y. */
void	dump_text(struct pdf_dump *, enum font_face face, double size,
	    uint32_t color, double x, double y, const char *s, size_t n);
void	dump_rect(struct pdf_dump *, double x, double y, double w, double h,
	    uint32_t color);
/* file: the image's file, or NULL when not known. */
void	dump_image(struct pdf_dump *, double x, double y, double w, double h,
	    const char *file);
/* npt points, pt[2k] and pt[2k+1] from (x, top), y downwards (a chart's
 * geometry). */
void	dump_path(struct pdf_dump *, uint32_t color, const double *pt,
	    int npt, double x, double top);
void	dump_link(struct pdf_dump *, double x, double y, double w, double h,
	    const char *target);

#endif
