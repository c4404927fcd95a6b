/*
 * pdf_layout — the PDF back end's intermediate form: a document tree laid
 * out into a column of rows (text lines, spaces, rules, images, table
 * rows), each with its height and the rules that bind pagination (keep with
 * next, hyphen at the end, table and header, box).  pdf_layout.c builds rows
 * from blocks, pdf_inline.c sets paragraphs into lines, pdf_table.c sets
 * tables, pdf_page.c cuts the column into pages and pdf_draw.c paints them.
 * Nothing here knows about libharu's objects except the fonts it measures.
 */
#ifndef SALESGEN_PDF_LAYOUT_H
#define SALESGEN_PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "doc.h"
#include "pdf_font.h"

struct hyph;
struct chart_geom;

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

/* Fills s with the house defaults: A4 (Letter when letter is set), 160 mm
 * measure, 10 pt on 13.2 pt. */
void	pdf_style_default(struct pdf_style *, int letter);

/* A signature block's room to sign (30 mm) and the anchor of its row
 * (pdf_layout.c S_sign, pdf.c). */
#define PL_SIGN_H	85.0
#define PL_SIGN_ANCHOR	"_handtekening"

#define PL_COLOR(r, g, b)	(((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (b))
#define PL_NONE			0xFF000000u

/* The members are ordered so that none is padded: a long document holds
 * one of these per word until its pages are drawn. */
struct pl_run {
	double		 x;		/* from the page's left edge */
	double		 dy;		/* below the row's baseline (table cells) */
	double		 w;
	double		 size;
	char		*text;		/* UTF-8: owned, or inside the row's
					   pool (pl_row.pool) */
	size_t		 len;
	enum font_face	 face;
	uint32_t	 color;
	int		 link;		/* index into layout.links, -1 none */
	int		 strike;	/* PL_DECO_* bits */
};

/* A run's decorations (pl_run.strike): struck through, underlined, raised
 * or lowered (set smaller by pdf_inline.c, moved by pdf_draw.c). */
#define PL_DECO_STRIKE	1
#define PL_DECO_UNDER	2
#define PL_DECO_SUP	4
#define PL_DECO_SUB	8
/* An image inside a line (a picture in a sentence, a list item, a cell):
 * text is the file (owned), w its width, size its height; it stands on
 * the baseline (less dy).  pdf_inline.c sets it, pdf_draw.c paints it. */
#define PL_DECO_IMAGE	16
#define PL_SCRIPT_SIZE	0.7	/* sub- and superscript, of the text size */

/* A rectangle (a filled box or a rule) relative to the row's top left;
 * y grows downwards. */
struct pl_rect {
	double		 x, y, w, h;
	uint32_t	 fill;
};

enum pl_kind {
	PL_LINE,	/* text and rules */
	PL_SPACE,	/* vertical space, dropped at the top of a page */
	PL_PAGE,	/* a forced page break */
	PL_IMAGE,	/* an image scaled to w x h */
	PL_CHART	/* chart geometry (chart.h), at box_x */
};

struct pl_row {
	enum pl_kind	 kind;
	int		 chapter;	/* chapter number for the running head */
	double		 h;		/* height */
	double		 base;		/* baseline, from the row's top */
	struct pl_run	*runs;
	size_t		 nruns;
	size_t		 cruns;		/* room in runs */
	char		*pool;		/* the texts of runs set by
					   pdf_inline.c, one block a row
					   (owned), or NULL */
	size_t		 npool;
	struct pl_rect	*rects;
	size_t		 nrects;
	int		 keep;		/* no page break after this row */
	int		 hyphen;	/* the line ends in a hyphen */
	int		 box;		/* callout or code box id, 0 none */
	int		 outline;	/* bookmark level 1..3, 0 none */
	double		 box_x, box_w;
	uint32_t	 box_fill, box_bar;
	int		 table;		/* table id, 0 none */
	int		 theader;	/* the table's header row */
	char		*anchor;	/* "slug#id" defined here (owned) */
	char		*otitle;	/* bookmark title (owned) */
	char		*img;		/* PL_IMAGE: file (owned) */
	size_t		 img_name;	/* where in img the path as written
					   starts, for messages */
	double		 img_w;
	struct chart_geom *chart;	/* PL_CHART (owned) */
	const char	*src;		/* the block it comes from, for */
	int		 line, col;	/* messages: layout's file, line, col */
};

struct layout {
	struct pl_row	*rows;
	size_t		 n, cap;
	char		**links;	/* "#id" or a URL (owned) */
	size_t		 nlinks;
	int		 boxes, tables;	/* counters for ids */
	/* context for the builders */
	struct fonts	*fonts;
	struct hyph	*hyph;
	const struct pdf_style *st;
	struct diag_list *dl;
	const char	*file;		/* source, for diagnostics */
	int		 line, col;	/* the block being laid out */
	const char	*chapter_title;
	int		 chapter;
	const char	*slug;		/* qualifies anchors: "slug#id" */
	int		 open_pages;	/* a chapter's title starts a page */
	char		*img_base;	/* folder images are relative to */
	int		 deep_noted;	/* DIAG_NEST_DEEP given (once a PDF) */
	struct hyph_memo *memo;		/* pdf_inline.c: breaks by word */
	struct inline_ahead *ahead;	/* pdf_inline.c: paragraphs set on a
					   helper thread, or NULL */
};

void	layout_init(struct layout *, struct fonts *, struct hyph *,
	    const struct pdf_style *, struct diag_list *);
void	layout_free(struct layout *);
struct pl_row *layout_row(struct layout *, enum pl_kind, double h);
void	layout_space(struct layout *, double h);
/* Registers a link target and returns its index.  Links inside the
 * document become "#slug#id" ("#id" in the current chapter, "x.html#id"
 * to chapter x); anything else is an external URL. */
int	layout_link(struct layout *, const char *url);
/* The anchor key of id in the current chapter: "slug#id"; caller frees. */
char	*layout_anchor(const struct layout *, const char *id);
void	row_run(struct pl_row *, double x, double w, enum font_face,
	    double size, uint32_t color, const char *s, size_t n, int link);
/* A run with no text yet (text NULL, len 0), for the caller to point into
 * r->pool; the other members as row_run() sets them. */
struct pl_run *row_run_blank(struct pl_row *r, double x, double w,
	    enum font_face, double size, uint32_t color, int link);
/* Gives runs back the room they do not use (a finished line). */
void	row_trim(struct pl_row *);
/* Frees r's runs, their texts (owned or pooled) and pool. */
void	row_free_runs(struct pl_row *);
void	row_rect(struct pl_row *, double x, double y, double w, double h,
	    uint32_t fill);

/* Lays out the blocks of root (a chapter or document) at the text block's
 * full width.  chapter > 0 starts it on a new page with a chapter
 * opening. */
void	layout_doc(struct layout *, const struct doc_node *root);

/* pdf_inline.c: sets the inline content of node (a paragraph, heading,
 * cell or caption) into lines at x..x+width, justified and hyphenated
 * when justify is set, else ragged.  A prefix of runs may be given (a
 * heading number, a callout label) that is set before the content.
 * Returns the number of rows added. */
struct inline_opts {
	double		 x, width;
	enum font_face	 face;		/* base face: regular, sans bold, mono */
	double		 size, leading;
	int		 justify;
	int		 hyphenate;
	uint32_t	 color;
	int		 align;		/* 'l', 'c', 'r' for ragged lines */
	const char	*prefix;	/* set before the content, in prefix_face */
	enum font_face	 prefix_face;
};
size_t	inline_set(struct layout *, const struct doc_node *node,
	    const struct inline_opts *);
/* Releases what inline_set() keeps between paragraphs (layout_free()). */
void	inline_free(struct layout *);
/* The same for a plain string (captions built from labels, TOC entries). */
size_t	inline_set_text(struct layout *, const char *text,
	    const struct inline_opts *);
/* Natural width of node's content on one line, and its longest word. */
void	inline_measure(struct layout *, const struct doc_node *node,
	    enum font_face face, double size, double *natural, double *longest);

/* pdf_inline.c: paragraphs set ahead.  layout_doc() lists the paragraphs
 * whose measure it knows in advance (inline_ahead_add(), in document
 * order, with the options inline_set() will get); inline_ahead_start()
 * then sets them on a helper thread, from the middle on, while the
 * layout goes on from the start: inline_set() takes a paragraph that is
 * ready (its diagnostics, links and used characters replayed in order,
 * so the result is the same as setting it there), sets one nobody has
 * taken itself, and waits only for the one the helper is setting.  A
 * short list is not worth a thread: then nothing is started.
 * inline_ahead_stop() joins the helper and drops what was not taken. */
struct inline_ahead;
struct inline_ahead *inline_ahead_new(void);
void	inline_ahead_add(struct inline_ahead *, const struct doc_node *,
	    const struct inline_opts *);
void	inline_ahead_start(struct layout *, struct inline_ahead *);
void	inline_ahead_stop(struct layout *);

/* pdf_table.c: a GFM table, caption first, rows unsplittable, header
 * marked for repetition. */
void	layout_table(struct layout *, const struct doc_node *table,
	    double x, double width);

#endif
