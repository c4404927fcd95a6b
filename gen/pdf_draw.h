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
#include "pdf_layout.h"
#include "pdf_page.h"

struct anchor_map;

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
	}			*pend;
	size_t			 npend, pcap;
	/* bookmarks in page order */
	HPDF_Outline		 olevel[4];
	const char		*running;	/* head text for new pages */
	int			 number_from;	/* folio of the first page drawn */
	/* images by file */
	char			**ikey;
	HPDF_Image		*img;
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
	/* the page's content compressed, by a zlib stream kept for all */
	struct buf		 zout;
	void			*z;
	/* past the first pages, a second thread compresses the pages
	 * while this one lays out the next (pdf_draw.c, "Compression") */
	struct zpipe		*zp;
	size_t			 nflushed;
};

void	draw_init(struct draw *, HPDF_Doc, struct fonts *,
	    const struct pdf_style *, struct diag_list *);
void	draw_free(struct draw *);

/* Loads the images of image rows and sets their height (scaled to the
 * width, at most 45 % of the text height). */
void	draw_images(struct draw *, struct layout *);

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
