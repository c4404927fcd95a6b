/*
 * pdf_draw — painting laid-out pages with libharu: boxes, rules, text at
 * the positions the layout chose, images, running head and folio; then the
 * links and bookmarks, once every page exists so every target can be
 * resolved.
 */
#ifndef SALESGEN_PDF_DRAW_H
#define SALESGEN_PDF_DRAW_H

#include <hpdf.h>

#include "buf.h"
#include "diag.h"
#include "pdf_font.h"
#include "pdf_int.h"
#include "pdf_rows.h"
#include "pdf_page.h"
#include "pdf_zip.h"

struct anchor_map;
struct tag_tree;

/* A business letter's frames (pdf.c reads them from the document's
 * "frame" paragraphs): texts of lines separated by '\n', NULL when the
 * template has none.  The letterhead and the window (x, y from the top
 * left, w, h, in points) are drawn on the first page; the head on every
 * following page; the foot, on one line (set smaller when it is too
 * long, never broken), and the folio "n van N" on every page. */
struct draw_letter {
	const char	*letterhead, *window, *head, *foot;
	double		 wx, wy, ww, wh;
	double		 wsize, wlead;	/* the address's size and leading */
	size_t		 wlines;	/* how many of its lines are drawn */
	uint32_t	 accent;
	int		 en;
};

/* Bookmark titles and the document title are cut to this many bytes, at
 * a character boundary, with "...": libharu refuses a text over
 * 64 KB and fails the whole document, and a reader's panel shows a line
 * at most.  salesgen(1), CAVEATS. */
#define DRAW_TEXT_MAX	1000

struct draw {
	HPDF_Doc		 pdf;
	struct fonts		*fonts;
	const struct pdf_style	*st;
	struct diag_list	*dl;
	/* every page drawn so far, in order */
	HPDF_Page		*pages;
	size_t			 npages;
	/* anchors: "slug#id" -> page and y (PDF coordinates) */
	char			**akey;
	size_t			*apage;
	double			*ay;
	size_t			 nanchors, acap;
	/* links waiting for their targets */
	struct pending {
		size_t	 page;
		HPDF_Rect rect;
		char	*target;
		const char *src;	/* its position, for messages */
		int	 line, col;
		int	 tag_el;	/* its Link element, -1 */
	}			*pend;
	size_t			 npend, pcap;
	/* bookmarks in page order */
	HPDF_Outline		 olevel[4];
	const char		*running;	/* head text for new pages */
	const struct draw_letter *letter;	/* NULL: a chapter's furniture */
	int			 number_from;	/* folio of the first page drawn */
	const char		*mark;	/* small at the foot of every page
					   (an offer's fingerprint), or NULL */
	/* images by file: the size of each from its header, the widest it
	 * is printed (points), and its PDF image once embedded */
	struct draw_img {
		char		*file;
		HPDF_Image	 h;
		unsigned	 pw, ph;	/* pixels; 0 when refused */
		double		 maxw;
		int		 done;		/* embedded, or refused */
	}			*img;
	size_t			 nimg;
	/* The page being painted.  Its content is written here and copied
	 * into the page's stream, not made with libharu's operators (a
	 * 512-byte scratch buffer cleared per call, font and colour set per
	 * word); only images go through libharu. */
	HPDF_Page		 page;
	struct buf		 out;
	const char		*fname[FACE__MAX];	/* resource names */
	int			 cface;		/* font set, -1 none */
	double			 csize;
	uint32_t		 cfill;		/* fill colour set, PL_NONE none */
	/* the page's content compressed, by compressors kept for all */
	struct buf		 zout;
	struct zip		 z;
	/* past the first pages, a second thread compresses the pages
	 * while this one lays out the next (pdf_draw.c, "Compression") */
	struct zpipe		*zp;
	size_t			 nflushed;
	/* a libharu failure or a bad image was reported: no PDF */
	int			 failed;
	/* the images were decoded and their warnings told before (the
	 * course scan): tell only errors */
	int			 images_checked;
	/* the layout dump for the goldens, NULL when off (pdf_dump.h) */
	struct pdf_dump		*dump;
	/* the structure tree the pages' marked content belongs to
	 * (pdf_tag.h), or NULL: an untagged PDF */
	struct tag_tree		*tag;
};

void	draw_init(struct draw *, HPDF_Doc, struct fonts *,
	    const struct pdf_style *, struct diag_list *);
void	draw_free(struct draw *);

/* Loads the images of image rows and sets their height (scaled to the
 * width, at most 45 % of the text height), then embeds every image of l
 * (figures and those inside lines) once, at 300 dpi of the largest size
 * it is printed at: a larger picture is downsampled (its pixels, embedded
 * deflated: a JPEG that needs no downsampling keeps its own bytes), an
 * SVG is rasterised at that size.  Each is decoded and checked (img.h)
 * first: a damaged one is reported at its row and sets failed; one that
 * is missing or of another format warns and is left out. */
void	draw_images(struct draw *, struct layout *);

/* When libharu has failed since the last call: adds DIAG_PDF at
 * src:line:col ("cannot put WHAT into the PDF: why"), resets libharu's
 * error state so the next call does not fail for the same reason, sets
 * failed and returns 1; else 0. */
int	draw_check(struct draw *, const char *src, int line, int col,
	    const char *what);

/* libharu's error code in plain words. */
const char *draw_error_words(unsigned long code);

/* Appends s to b, cut to at most max bytes at a UTF-8 character boundary
 * with "..." when it is longer. */
void	draw_clip_text(struct buf *b, const char *s, size_t max);

/* Paints pages of l.  heads[i] gives the running head of each chapter
 * number (NULL: none); folio says whether to number the pages. */
void	draw_pages(struct draw *, const struct layout *, const struct pages *,
	    const char *const *heads, size_t nheads, int folio);

/* A PDF text string (document information, bookmark titles) for UTF-8
 * s: libharu 2.3 writes such strings byte for byte, which a reader takes
 * for PDFDocEncoding ("Één" shown as "Ã›Ã©n"), and its UTF-8 encoder
 * drops characters beyond the BMP.  Returns NULL when s is pure ASCII
 * (the same in PDFDocEncoding: a plain string serves), else a new binary
 * string in pdf's memory of s in UTF-16BE behind a byte order mark, for
 * HPDF_Dict_Add() (which takes it over). */
HPDF_Binary draw_text_string(HPDF_Doc pdf, const char *s);

/* Creates the link annotations and bookmarks collected by draw_pages. */
void	draw_finish(struct draw *);

#endif
