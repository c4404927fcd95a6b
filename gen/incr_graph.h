/*
 * incr_graph — the per-chapter dependency graph of an incremental build
 * (issue 13), on top of incr.h's cache.
 *
 * What a chapter's page and PDF read is its own source and the context:
 * every other input of the build (settings, templates, fonts, images,
 * data, the options and the binary, as incr.h's key) and the outline of
 * every chapter, what the chapters show each other: paths, slugs, parts,
 * titles, numbers, headings and anchors, register terms and glossary
 * entries (the sidebar, the cross-references, the contents, the
 * glossary).  So:
 *
 *	the source and the context as last time	  the chapter's page and
 *						  PDF are kept
 *	the context as last time		  the contents (index) and
 *						  glossary pages are kept
 *	every source and the context as last time the course PDFs are kept
 *
 * and everything else (the register and the search index, which read
 * every chapter's text; a sales document's page and PDF) is rendered.
 * A kept output is one the last good build left and that is still as it
 * left it (incr_keep); when in doubt, it is rendered.  The first chapter's
 * page is always rendered: the templates' warnings come from it.
 *
 * A struct incr_plan is the build's (incr_plan_new, incr_plan_free); the
 * writers read it through course.plan, from any thread.
 */
#ifndef SALESGEN_INCR_GRAPH_H
#define SALESGEN_INCR_GRAPH_H

#include <stddef.h>

#include "buf.h"
#include "build.h"
#include "course.h"
#include "incr.h"

struct incr_plan {
	struct incr	*in;		/* not owned */
	unsigned char	*keep;		/* per chapter: page and PDF may be
					   kept; owned */
	size_t		 nch;
	int		 outline;	/* the context is the last build's */
	int		 all;		/* and so is every chapter's source */
	int		 quiet;		/* the last build said nothing: an
					   output of the whole course that is
					   kept loses no diagnostic */
	int		 pages_only;	/* serve's first pass: the chapter
					   pages not kept, nothing else */
	unsigned char	*pdf_done;	/* per chapter: its PDF was made
					   first (handout_first); owned */
};

/* The plan of the build of c (scanned) with the cache in.  Returns a new
 * plan (free with incr_plan_free()); never NULL. */
struct incr_plan *incr_plan_new(struct incr *in, const struct course *c);
void	incr_plan_free(struct incr_plan *);

/* 1 when chapter i's output rel (below out/) may be and was kept; 0
 * when it must be rendered (also for a NULL plan). */
int	incr_plan_chapter(const struct incr_plan *, size_t i,
	    const char *rel);

/* The same for an output of the whole course: what is 1 when its
 * inputs are the last build's (plan->outline or plan->all). */
int	incr_plan_course(const struct incr_plan *, int what, const char *rel);

/* What the chapters of c show each other (above), as text, into b. */
void	incr_outline(const struct course *c, struct buf *b);

/* The options in o that change what a build writes, as text for
 * incr_open(), into b. */
void	incr_opts_text(const struct build_opts *o, int strict, struct buf *b);

/*
 * serve's first pass (incr_first.c): after an edit that changed some
 * chapters' text and nothing they show each other, those chapters' pages
 * are written alone, from a scan of the whole project as it is now, so
 * the browser can reload before the rest is built.  A page written then
 * is the one the whole build that follows writes (a page reads its source
 * and the context only), which finds it already there.  Which chapters
 * changed is told by the project as the last pass saw it, kept in a
 * struct incr_first (serve's, from incr_first_new() to incr_first_free()),
 * not by the cache: serve --only site has none.
 */
struct incr_first;
struct incr_first *incr_first_new(void);
void	incr_first_free(struct incr_first *);

/* Scans the project o names, notes it in f, and when the last pass saw
 * it with the same context and some other chapter sources, writes those
 * chapters' pages.  Returns how many it wrote: 0 when there was nothing
 * to write first, or when something went wrong (the whole build will say
 * what; this pass reports nothing). */
size_t	incr_first_pages(struct incr_first *f, const struct build_opts *o);

#endif
