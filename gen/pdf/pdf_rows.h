/*
 * pdf_rows — the PDF back end's intermediate form: a document laid out
 * into a column of rows (text lines, spaces, rules, images, charts, table
 * rows), each with its height and the rules that bind pagination (keep
 * with next, hyphen at the end, table and header, box).  pdf_layout.c,
 * pdf_inline.c, pdf_table.c and pdf_code.c write rows here, pdf_page.c
 * cuts the column into pages and pdf_draw.c paints them.
 *
 * The store is a leaf: it calls nothing else in gen/pdf/ but hyph.c
 * (itself a leaf: the patterns of the language being set, layout_lang()),
 * so every builder can write into it without the builders calling each
 * other in a loop.  struct layout is the store plus the context the builders
 * read (fonts, style, diagnostics, where the block being laid out
 * starts); one pointer in it (inl) belongs to pdf_inline.c.
 */
#ifndef SALESGEN_PDF_ROWS_H
#define SALESGEN_PDF_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "pdf_font.h"
#include "pdf_int.h"

struct hyph;
struct chart_geom;
struct inline_state;
struct tag_rows;

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
/* How a tagged PDF reads a line's end (pdf_inline.c sets them on a
 * line's last run, pdf_draw.c reads them): BREAK, the line was broken at
 * a hyphen (the word's own or one added), so no space follows; HYPHEN,
 * the run ends in a hyphen the break added, drawn as an artifact so that
 * a reader following the tags gets the word whole ("verkoopplan"). */
#define PL_DECO_BREAK	32
#define PL_DECO_HYPHEN	64
/* A table cell's runs carry their column + 1 in the bits from
 * PL_CELL_SHIFT up (pdf_table.c), so that every line of a cell, however
 * many it has, is one TH or TD (pdf_draw.c, pdf_tag.c); 0: no cell. */
#define PL_CELL_SHIFT	8
#define PL_CELL(run)	((run)->strike >> PL_CELL_SHIFT)

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

/* A row owns its runs (and their texts), pool, rects, anchor, otitle, img
 * and chart: row_clear() frees them all. */
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
	int		 top;		/* PL_SPACE kept at a page's top (a
					   title's drop), not dropped there */
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
	struct hyph	*hyph;		/* the patterns of the text being set:
					   hyph_base or hyph_other */
	struct hyph	*hyph_base;	/* the document's (borrowed) */
	struct hyph	*hyph_other;	/* another language's, loaded by
					   layout_lang() (owned), or NULL */
	char		*other_lang;	/* hyph_other's language (owned) */
	const char	*lang;		/* the language of the text being set
					   (layout_lang()), NULL: st->lang */
	const char	*lang_around;	/* lang outside the passage being set */
	const struct pdf_style *st;
	struct diag_list *dl;
	const char	*file;		/* source, for diagnostics */
	int		 line, col;	/* the block being laid out */
	const char	*chapter_title;
	int		 chapter;
	const char	*slug;		/* qualifies anchors: "slug#id" */
	int		 open_pages;	/* a chapter's title starts a page */
	char		*img_base;	/* folder images are relative to
					   (owned) */
	int		 deep_noted;	/* DIAG_NEST_DEEP given (once a PDF) */
	struct inline_state *inl;	/* pdf_inline.c's, between paragraphs
					   (inline_free()), or NULL */
	struct tag_rows	*tag;		/* the structure tree's map of these
					   rows (pdf_tag.h), or NULL */
};

/* An empty store with its context; the pointers are borrowed.  Most of
 * the back end uses layout_init() (pdf_layout.h), which is this. */
void	layout_rows_init(struct layout *, struct fonts *, struct hyph *,
	    const struct pdf_style *, struct diag_list *);
/* Frees the rows (row_clear()), links, img_base and hyph_other; l->inl must have
 * been released already (inline_free(), or layout_free() which does
 * both). */
void	layout_rows_free(struct layout *);
/* The language of the text laid out from now on (NULL: the document's,
 * st->lang): its labels ("Table 2.1"), number formats and hyphenation
 * patterns, which are loaded on first use and kept until layout_free()
 * (none found: that language's words are not hyphenated).  A chapter in
 * another language than its course, or a passage in one (doc_passage()). */
void	layout_lang(struct layout *, const char *lang);
/* The language of the text being set. */
const char *layout_lang_of(const struct layout *);

/* A new row at the end, of kind and height h, from the block at
 * l->file:l->line:l->col; the pointer holds until the next row is
 * added. */
struct pl_row *layout_row(struct layout *, enum pl_kind, double h);
void	layout_space(struct layout *, double h);
/* A space the page keeps at its top, where layout_space()'s are dropped:
 * the drop above a title page's or a part page's title. */
void	layout_space_top(struct layout *, double h);
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
/* Frees everything r owns (its runs as row_free_runs(), rects, anchor,
 * otitle, img, chart) and leaves it empty: the one way a row is
 * released, whether the store, the helper or a builder drops it. */
void	row_clear(struct pl_row *);
void	row_rect(struct pl_row *, double x, double y, double w, double h,
	    uint32_t fill);

#endif
