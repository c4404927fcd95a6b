/*
 * pdf_inline — paragraphs into lines: the inline content of a block
 * (a paragraph, heading, cell or caption) becomes Knuth–Plass items,
 * pdf_break.c chooses the breaks, and the lines become rows of runs in
 * the row store (pdf_rows.h).  Words are hyphenated through hyph.c,
 * remembered per layout.  Long documents set paragraphs ahead on a helper
 * thread (inline_ahead_*()).
 *
 * What this file keeps between paragraphs hangs off struct layout as one
 * opaque pointer (layout.inl, struct inline_state): made on first use,
 * released by inline_free().
 */
#ifndef SALESGEN_PDF_INLINE_H
#define SALESGEN_PDF_INLINE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "pdf_font.h"
#include "pdf_rows.h"

/* How inline_set() sets a block's content. */
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

/* Sets the inline content of node (a paragraph, heading, cell or
 * caption) into lines at x..x+width, justified and hyphenated when
 * justify is set, else ragged.  A prefix of runs may be given (a heading
 * number, a callout label) that is set before the content.  Returns the
 * number of rows added. */
size_t	inline_set(struct layout *, const struct doc_node *node,
	    const struct inline_opts *);
/* The same for a plain string (captions built from labels, TOC entries). */
size_t	inline_set_text(struct layout *, const char *text,
	    const struct inline_opts *);
/* Natural width of node's content on one line, and its longest word. */
void	inline_measure(struct layout *, const struct doc_node *node,
	    enum font_face face, double size, double *natural, double *longest);
/* Releases what inline_set() keeps with l between paragraphs (l->inl);
 * the helper must have been stopped (inline_ahead_stop()).  Call before
 * layout_rows_free(); layout_free() does both. */
void	inline_free(struct layout *);

/* Paragraphs set ahead.  layout_doc() lists the paragraphs whose measure
 * it knows in advance (inline_ahead_add(), in document order, with the
 * options inline_set() will get); inline_ahead_start() then sets them on
 * a helper thread, from the middle on, while the layout goes on from the
 * start: inline_set() takes a paragraph that is ready (its diagnostics,
 * links and used characters replayed in order, so the result is the same
 * as setting it there), sets one nobody has taken itself, and waits only
 * for the one the helper is setting.  A short list is not worth a
 * thread: then nothing is started.  inline_ahead_stop() joins the helper
 * and drops what was not taken.  The helper's rules are stated at
 * S_helper() in pdf_inline.c. */
struct inline_ahead;
/* A new, empty list; inline_ahead_start() takes it over. */
struct inline_ahead *inline_ahead_new(void);
void	inline_ahead_add(struct inline_ahead *, const struct doc_node *,
	    const struct inline_opts *);
void	inline_ahead_start(struct layout *, struct inline_ahead *);
void	inline_ahead_stop(struct layout *);

#endif
