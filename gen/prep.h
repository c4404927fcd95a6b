/*
 * prep — preparing a document: Markdown parsed, then the passes, in the
 * one order they have.  The only caller of the passes (pass_*.c): render,
 * check, a sales document, a chapter's scan and its render sweep, the
 * landing page and the site's pages all come through here, so a new pass
 * is added in one place and runs in the same place for every document.
 *
 * What is done once for the whole course after every chapter was scanned
 * (pass_gloss_add, pass_gloss_sort, pass_xref_check) is course_scan()'s;
 * tests/tools/calls.py fails when another module calls a pass.
 *
 * Nothing here is owned by prep: a struct prep names what to do and where
 * the results go (the caller's), and the tree is the caller's to free.
 */
#ifndef SALESGEN_PREP_H
#define SALESGEN_PREP_H

#include "course.h"
#include "diag.h"
#include "doc.h"
#include "md.h"
#include "pass.h"

/* The steps, in the order prep_passes() runs them. */
#define PREP_LEVELS	0x01	/* close up heading levels (pass_levels) */
#define PREP_NUMBER	0x02	/* numbers and anchors (pass_number_taken) */
#define PREP_UNNUMBER	0x04	/* numbers off again, ids kept: a business
				   document reads as a letter */
#define PREP_GLOSS	0x08	/* find the definitions (pass_gloss_find) */
#define PREP_COLLECT	0x10	/* record the links to check */
#define PREP_XREF	0x20	/* rewrite the links to pages (pass_xref) */
#define PREP_EDITION	0x40	/* leave out what the edition leaves out */

struct prep {
	unsigned	 steps;		/* PREP_* */
	const char	*path;		/* the source, for messages and links */
	/* PREP_NUMBER: the chapter's number (0 for a document on its own,
	 * whose first heading is its title), the chapter whose table of
	 * contents and anchors are filled in (or NULL), and the ids the
	 * page's shell has (NULL-terminated, or NULL) */
	int		 chapter;
	struct chapter	*ch;
	const char *const *taken;
	/* PREP_GLOSS: the definitions are appended to *gloss (the caller's
	 * array, the caller frees), as chapter ci's */
	size_t		 ci;
	struct gloss_entry **gloss;
	size_t		*ngloss;
	/* PREP_COLLECT: the links are appended here (the caller's) */
	struct xref_list *links;
	/* PREP_XREF: the course's chapters, or NULL for a document on its
	 * own (any "x.md" becomes "x.html") */
	const struct xref_index *idx;
	/* PREP_EDITION */
	enum edition	 edition;
};

/* Runs the steps p->steps names on root, in their order; diagnostics go
 * to dl at p->path. */
void	prep_passes(struct doc_node *root, const struct prep *p,
	    struct diag_list *dl);

/* Parses src (len bytes) named p->path with mo, fills *meta (clear with
 * md_meta_clear()), then prep_passes().  Returns the tree (free with
 * doc_free()), or NULL after diagnostics when it cannot be parsed. */
struct doc_node *prep_doc(const char *src, size_t len,
    const struct md_opts *mo, struct md_meta *meta, const struct prep *p,
    struct diag_list *dl);

#endif
