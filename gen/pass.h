/*
 * pass — the passes over a document tree, between parsing and rendering.
 *
 * Each pass is one file: pass_number.c (numbers and anchors), pass_gloss.c
 * (glossary), pass_xref.c (links between chapters), pass_edition.c (student
 * and teacher editions).  A pass changes the tree in place and reports
 * through the diagnostics list.  prep.c is the one caller of the passes
 * over a document (tests/tools/calls.py holds it to that).
 */
#ifndef SALESGEN_PASS_H
#define SALESGEN_PASS_H

#include "buf.h"
#include "course.h"
#include "diag.h"
#include "doc.h"

/* Closes up heading levels (pass_level.c): the first heading, when it is
 * level 1, is the title and the only level 1; every other heading is set
 * one level below the nearest heading before it with a smaller source
 * level (level 2 when there is none), so neither the HTML nor the numbers
 * skip a level.  Adds a DIAG_HEADING_LEVEL note, at path, for each heading
 * whose level changes.  Run it before pass_number(). */
void	pass_levels(struct doc_node *root, const char *path,
	    struct diag_list *dl);

/* Numbers headings (1, 1.1, 1.1.1), tables, figures and exercises, and gives
 * every heading, table, figure and callout an anchor id unique in the tree.
 * chapter is the chapter number, or 0 for a standalone document (its first
 * heading is its title; sections count from 1).  When ch is given, its
 * table of contents, anchors and (if unset) title are filled in. */
void	pass_number(struct doc_node *root, int chapter, struct chapter *ch);
/* Takes the numbers of headings, tables and figures away again, keeping
 * their anchor ids: a business document (an offerte, a sellogram on its
 * own) is a letter, not a chapter, and reads "Prijsopgave", not "1
 * Prijsopgave" or "Tabel 2".  Embedded in a chapter it is numbered with
 * the chapter (course.c numbers the whole chapter afterwards). */
void	pass_unnumber(struct doc_node *root);
/* pass_number() on a page whose shell has ids of its own (taken, NULL-
 * terminated, may be NULL): no id of the tree repeats one of them (a
 * heading "Main" gets main-1 beside the shell's <main id="main">), and
 * they are not among the chapter's anchors. */
void	pass_number_taken(struct doc_node *root, int chapter,
	    struct chapter *ch, const char *const *taken);

/* A set of anchor ids made unique as GitHub does: "x", then "x-1",
 * "x-2", ... (pass_number uses one per tree; the glossary page another). */
struct pass_ids;
struct pass_ids *pass_ids_new(void);
void	pass_ids_free(struct pass_ids *);
/* Returns base, or the first of base-1, base-2, ... not in the set yet,
 * as a new string (caller frees); the set records it. */
char	*pass_ids_unique(struct pass_ids *, const char *base);

/* Appends a GitHub-style anchor slug of text: lowercase, spaces to '-',
 * punctuation dropped, letters outside ASCII kept. */
void	pass_slug(const char *text, struct buf *out);

/* Adds the definitions of chapter ci (its tree root) to the glossary,
 * warning about a term defined twice. */
void	pass_gloss_collect(struct doc_node *root, struct course *, size_t ci,
	    struct diag_list *);
/* pass_gloss_collect() in two steps, so chapters can be searched on
 * several threads and added in order: find appends the definitions of
 * chapter ci (read from path) to *v (a new array the caller frees, with
 * entries it owns), touching no course; add moves them into the course's
 * glossary, warning about (and freeing) a term defined before. */
void	pass_gloss_find(struct doc_node *root, const char *path, size_t ci,
	    struct gloss_entry **v, size_t *nv);
void	pass_gloss_add(struct course *, struct gloss_entry *v, size_t nv,
	    struct diag_list *);
/* Sorts the glossary the Dutch way: case, accents and punctuation ignored
 * at first, then used to break ties; "ij" is two letters, as Van Dale does. */
void	pass_gloss_sort(struct course *);
/* The collation key of a term (exposed for the unit tests); caller frees. */
char	*pass_gloss_key(const char *term);

/*
 * Links between chapters (pass_xref.c): collected from every chapter as
 * it is scanned, checked once all anchors are known, rewritten to pages
 * when a chapter is rendered.  The pass sees the course through an index
 * of its chapters (course_xref_index() fills one), never the course.
 */

/* A link from one chapter to another, checked once all are scanned. */
struct xref {
	char	*target;	/* "05-funnel.md#de-dmu" as written; owned */
	char	*file;		/* the linking file's path; owned */
	int	 line, col;
	int	 soft;		/* 1: written without .md, checked only when
				   it names a chapter; 2: a {ref} label,
				   found in any chapter; 3: a Quarto @sec-x,
				   the same but a warning when missing */
};

/* The links collected; owns its entries (pass_xref_list_free()). */
struct xref_list {
	struct xref	*v;
	size_t		 n, cap;
};

/* What the links see of a course: a view, nothing owned.  ch[i].path,
 * slug, anchors (sorted), toc and tree (NULL when not kept) are read. */
struct xref_index {
	const struct chapter *ch;
	size_t		 nch;
	const char	*content;	/* the folder the chapter paths are
					   under ("content"), or NULL */
	const char	*landing;	/* the landing page's path, or NULL */
	const char	*lang;		/* "nl" or "en" */
};

/* pass_xref_find()'s answer for the landing page. */
#define XREF_LANDING	(-2L)

/* Records in l every link of root (read from path) that must land in a
 * chapter: to a Markdown file ("05-funnel.md#dmu"), to an anchor, without
 * extension, a {ref} label, a Quarto reference.  Changes nothing in the
 * tree but unsafe URL schemes (javascript:, ...), dropped with a warning. */
void	pass_xref_collect(struct doc_node *root, const char *path,
	    struct xref_list *l, struct diag_list *);

/* Checks every link in l against the chapters of x (DIAG_XREF_CHAPTER,
 * DIAG_XREF_ANCHOR, DIAG_QUARTO_REF) and empties l. */
void	pass_xref_check(const struct xref_index *x, struct xref_list *l,
	    struct diag_list *);

/* Rewrites each link to a chapter's Markdown file to the page it becomes
 * ("05-funnel.html#dmu"), from path's folder; {term}, {ref} and Quarto
 * references to their targets.  With x NULL (a document on its own), any
 * relative "x.md" becomes "x.html", and unsafe URL schemes are dropped
 * with a warning (with an index, pass_xref_collect() warned). */
void	pass_xref(struct doc_node *root, const struct xref_index *x,
	    const char *path, struct diag_list *);

/* Moves the entries of from to the end of to; from is left empty. */
void	pass_xref_list_move(struct xref_list *to, struct xref_list *from);
void	pass_xref_list_free(struct xref_list *);

/* A MyST {ref} label's chapter: the one at path when it has anchor id,
 * else the first in course order that has it; -1 when none has. */
long	pass_xref_label(const struct xref_index *, const char *path,
	    const char *id);

/* The chapter that the link file (n bytes, decoded, "../deel-1/a.md";
 * "/a.md" is from content/) leads to from the Markdown file from (a
 * chapter's or the landing page's path), or -1; XREF_LANDING for the
 * landing page. */
long	pass_xref_find(const struct xref_index *, const char *from,
	    const char *file, size_t n);

/* Appends to out the encoded relative URL of the page of chapter i
 * ("../deel-2/b.html"; the landing page for XREF_LANDING) as seen from
 * the page of the Markdown file from. */
void	pass_xref_href(const struct xref_index *, const char *from, long i,
	    struct buf *out);

/* 1 when chapter i has an element with id. */
int	pass_xref_has_anchor(const struct xref_index *, size_t i,
	    const char *id);

/* Splits a link target at its first '#' and decodes %XX in both parts,
 * as a browser does before it looks for the file and the id.  Returns 1
 * when there is a fragment. */
int	pass_xref_split(const char *url, struct buf *file, struct buf *frag);

/* Removes what edition e leaves out (answers, for students). */
void	pass_edition(struct doc_node *root, enum edition e);

#endif
