/*
 * pdf_int — what several files of the PDF back end share and none of
 * them owns: the measures of the page (struct pdf_style, filled by
 * pdf_layout.c's pdf_style_default()), colours, and the signature
 * block's room that pdf_layout.c lays out and pdf.c puts a form field
 * over.  Types and constants only: every function is declared in the
 * header of the file that defines it.  Nothing outside gen/pdf/ includes
 * this; the rest of the program sees pdf.h.
 */
#ifndef SALESGEN_PDF_INT_H
#define SALESGEN_PDF_INT_H

#include <stdint.h>

/* Measures in PostScript points. */
struct pdf_style {
	double	 page_w, page_h;
	double	 margin_top, margin_bottom, margin_left, margin_right;
	double	 size;		/* body text */
	double	 leading;	/* body baseline distance */
	double	 para_skip;	/* between paragraphs */
	int	 ragged;	/* ragged right instead of justified */
	int	 tabs;		/* code: tab stops every n columns, 0 = 4 */
	const char *lang;
	uint32_t accent;	/* headings: the house blue or a brand colour */
	int	 threads;	/* pdf_opts.threads: 1 = no helper threads */
};

/* A signature block's room to sign (30 mm) and the anchor of its row
 * (pdf_layout.c S_sign, pdf.c). */
#define PL_SIGN_H	85.0
#define PL_SIGN_ANCHOR	"_handtekening"

#define PL_COLOR(r, g, b)	(((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (b))
#define PL_NONE			0xFF000000u

#endif
