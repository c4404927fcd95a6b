/*
 * pdf_tag — the structure tree of a tagged PDF (PDF/UA-1): its elements,
 * the marked content that ties the page content to them (MCIDs), the
 * ParentTree, and the document-level keys PDF/UA asks for (/MarkInfo,
 * /StructTreeRoot, /Lang, /ViewerPreferences /DisplayDocTitle, XMP with
 * dc:title and pdfuaid:part).  Every use of libharu's internals for
 * tagging is in pdf_tag.c.
 *
 * The builders (pdf_layout.c) say where elements start and end in terms
 * of rows: tag_open()/tag_close() for containers (lists, callouts,
 * tables), tag_leaf() for a block of rows (a paragraph, a heading, a
 * figure).  Rows that no leaf took become a P of the element open around
 * them.  pdf_draw.c asks, row by row, which element a row belongs to and
 * writes BDC/EMC around it (tag_row()); furniture goes between
 * tag_artifact() and tag_artifact_end().  All of it runs on the main
 * thread: the paragraph helper (pdf_inline.c) has a layout without tags,
 * and its rows are replayed in order before tag_leaf() sees them.
 *
 * Ownership: the tree owns its elements, its row maps and their texts;
 * a layout borrows its map (layout.tag).  tag_free() releases it all.
 * libharu holds none of the tree: tag_finish() adds only the keys of the
 * catalog, the pages and the annotations, and the elements, groups and
 * ParentTree are written as text by pdf_pack.c (tag_pack()).
 */
#ifndef SALESGEN_PDF_TAG_H
#define SALESGEN_PDF_TAG_H

#include <hpdf.h>
#include <stddef.h>

#include "buf.h"

enum tag_role {
	TAG_DOCUMENT, TAG_PART, TAG_SECT, TAG_DIV, TAG_P,
	TAG_H1, TAG_H2, TAG_H3, TAG_H4, TAG_H5, TAG_H6,
	TAG_L, TAG_LI, TAG_LBODY, TAG_BLOCKQUOTE, TAG_NOTE, TAG_CODE,
	TAG_LBL, TAG_LINK,
	TAG_FIGURE, TAG_CAPTION, TAG_TABLE, TAG_THEAD, TAG_TBODY, TAG_TR,
	TAG_TH, TAG_TD, TAG_TOC, TAG_TOCI,
	TAG_INDEX, TAG_FORM,
	TAG_ARTIFACT	/* rows that are decoration: a rule */
};

struct tag_tree;
struct tag_rows;

/* A tree with its Document element, for a document in language lang
 * (copied).  tag_rows_new(NULL) is NULL: no tags. */
struct tag_tree *tag_new(const char *lang);
void	tag_free(struct tag_tree *);

/* A row map for one layout, owned by t. */
struct tag_rows *tag_rows_new(struct tag_tree *t);

/* Opens a container of role at row (the layout's row count now); its
 * title (callouts) or NULL.  Returns its id.  Closing ends the innermost
 * open container. */
int	tag_open(struct tag_rows *, enum tag_role, size_t row, const char *title);
void	tag_close(struct tag_rows *, size_t row);
/* Rows [from, to) are one element of role (a heading's level mapped so
 * that none is skipped); alt is a Figure's alternate text or NULL. */
void	tag_leaf(struct tag_rows *, enum tag_role, size_t from, size_t to,
	    const char *alt);
/* Rows [from, to) are the own content of a container of role that stays
 * open for the elements after them (a chapter's contents entry, which
 * holds a TOC of its sections' entries); tag_close() ends it.  Returns
 * its id. */
int	tag_open_leaf(struct tag_rows *, enum tag_role, size_t from,
	    size_t to);
/* A heading of level 1..6 that follows the previous ones without a
 * skipped level: H(level), lowered to one below the last. */
enum tag_role tag_heading(struct tag_rows *, int level);

/* Drawing.  A new page; the marked content of row (of the map's layout)
 * before its content is written to out ("repeated": a table's header
 * row drawn again on a later page, an artifact); the end of the page's
 * marked content; furniture between tag_artifact() and
 * tag_artifact_end(). */
void	tag_page(struct tag_tree *, HPDF_Page);
void	tag_row(struct tag_tree *, const struct tag_rows *, size_t row,
	    int repeated, struct buf *out);
void	tag_page_end(struct tag_tree *, struct buf *out);
void	tag_artifact(struct tag_tree *, struct buf *out, const char *type);
void	tag_artifact_end(struct tag_tree *, struct buf *out);
/* Reading quality (issue 11).  The marked content of column cell (1..n,
 * PL_CELL() of a run) of the table row tag_row() opened last: every line
 * of a cell goes to its one TH or TD, the row's rules are an artifact;
 * nothing for a row that is no table row or is a repeated header.  A
 * hyphen a line break added: tag_hyphen() ends the open element's marked
 * content and starts an /Artifact, tag_hyphen_end() ends that and goes on
 * with the same element (a new MCID), so the word reads whole. */
void	tag_cell(struct tag_tree *, int cell, struct buf *out);
/* A passage in language lang ("en" in a Dutch course: a chapter's front
 * matter, a sales document a chapter embeds): the innermost open
 * container gets /Lang when lang is not the one it is read in from above
 * (the nearest /Lang, else the document's; lang copied; NULL or the
 * same: nothing). */
void	tag_lang(struct tag_rows *, const char *lang);
/* The same for the element tag_leaf() made last (a contents entry that
 * names a chapter in another language). */
void	tag_lang_leaf(struct tag_rows *, const char *lang);
void	tag_hyphen(struct tag_tree *, struct buf *out);
void	tag_hyphen_end(struct tag_tree *, struct buf *out);

/* Writes the tree, the ParentTree, the pages' /StructParents and /Tabs,
 * and the catalog keys and XMP metadata (title and author may be NULL)
 * into pdf.  With an ICC profile (sRGB, icc NULL: none) it is PDF/A-2a as
 * well: the output intent, pdfaid in the XMP, the trailer's /ID.
 * Returns 0, or -1 when libharu refused an object. */
int	tag_finish(struct tag_tree *, HPDF_Doc pdf, const char *title,
	    const char *author, const unsigned char *icc, size_t icclen);
/* The structure tree's objects themselves are no libharu objects: after
 * tag_finish(), the tree writes them as PDF text into the object streams
 * when the saved PDF is packed (pdf_pack.h), into the placeholder that
 * the catalog's /StructTreeRoot points at and new objects after it.
 * tag_pack() fills in m for pack_pdf_more(); m->write is valid while
 * the tree lives.  Before tag_finish() (or after it failed) m has
 * nothing to add (m->write NULL: pass no m). */
struct pack_more;
void	tag_pack(struct tag_tree *, struct pack_more *m);


/* The builders' hooks (pdf_layout.c).  A block that holds no blocks,
 * laid out into rows [from, to); a container before and after its
 * blocks (row: the layout's row count then).  tag_block() returns 1 for
 * a figure without alternate text (the caller warns), else 0. */
struct doc_node;
struct pl_row;
int	tag_block(struct tag_rows *, const struct doc_node *,
	    const struct pl_row *rows, size_t from, size_t to);
void	tag_container(struct tag_rows *, const struct doc_node *, size_t row);
void	tag_container_end(struct tag_rows *, const struct doc_node *,
	    size_t row);


/* Links, list labels and sections.
 *
 * Sections (pdf.c, the course's handouts): tag_part() closes the open
 * Sect and, for another part than the open one, the Part, and opens a
 * Part for part (an index, its title; -1: none, which closes them all);
 * tag_sect() closes the open Sect and opens one for a chapter (title).
 * Both are nothing for a NULL map.
 *
 * Elements of runs rather than rows (the register's two columns share
 * rows): tag_element() makes an element of role in parent (-1: the
 * innermost open container) and returns it; tag_runs() gives runs
 * [from, to) of row (the rows in order) to element el; tag_run_el() is
 * the element of run run of row, or -1 for the row's own.  The children
 * of an L are read in the order they were made, not drawn.
 *
 * Drawing: tag_link() opens the marked content of run run of row that
 * is link number link of the layout, a Link element inside the run's
 * element (with cont, the one of the previous piece when that was the
 * same link: a link broken over lines is one Link), and returns the
 * element, or -1 when the row has none (an artifact, a repeated row:
 * nothing is opened).  The row's own element
 * is taken up again by tag_row(), a Link by tag_resume().  tag_annot() ties the annotation made
 * for a piece of Link el (-1: none) to it: its /Contents (the URI it
 * opens, or with uri NULL "pagina N" for page N), /F 4, and for
 * tag_finish() the /OBJR and the /StructParent.  Nothing for a NULL
 * tree or annotation.
 *
 * A list item's label (its bullet or number) is run run of row: it
 * becomes a Lbl of the item that tag_container_end() closed last, read
 * before its LBody.  tag_label_run() gives the i-th label run of row or
 * -1, and opens its marked content in out (NULL: only says which). */
void	tag_part(struct tag_rows *, size_t row, int part, const char *title);
int	tag_element(struct tag_rows *, enum tag_role, int parent);
void	tag_runs(struct tag_rows *, size_t row, size_t from, size_t to,
	    int el);
int	tag_run_el(const struct tag_rows *, size_t row, size_t run);
void	tag_sect(struct tag_rows *, size_t row, const char *title);
int	tag_link(struct tag_tree *, const struct tag_rows *, size_t row,
	    size_t run, int link, int cont, int repeated, struct buf *out);
void	tag_annot(struct tag_tree *, HPDF_Doc, int el, HPDF_Annotation,
	    const char *uri, long page);
void	tag_resume(struct tag_tree *, int el, struct buf *out);
void	tag_label(struct tag_rows *, size_t row, size_t run);

/* Form fields (PDF/UA-1 7.18.1, 7.18.4): tag_form() makes a Form element
 * for a field whose widget stands on row, a child of the element that
 * row belongs to (read after its text), and returns it (-1: a NULL map,
 * or a row past the map); tag_widget() ties the widget annotation to it:
 * an /OBJR in the Form, the annotation's /StructParent (tag_finish()).
 * The annotation's /TU is the caller's. */
int	tag_form(struct tag_rows *, size_t row);
void	tag_widget(struct tag_tree *, int el, HPDF_Annotation);
long	tag_label_run(struct tag_tree *, const struct tag_rows *, size_t row,
	    size_t i, int repeated, struct buf *out);

#endif
