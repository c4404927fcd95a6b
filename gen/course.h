/*
 * course — the project: its settings, its chapters in order, and what the
 * passes learn about the chapters (table of contents, anchors, glossary;
 * the links are collected and checked by pass_xref.c, through
 * course_xref_index()).
 *
 * A course is built in two sweeps so memory stays flat in the number of
 * chapters: course_scan() parses every chapter once, keeps only this summary
 * and frees the tree; a back end later reparses one chapter at a time with
 * course_chapter_doc() and renders it.  Both sweeps run the same passes, so
 * the numbers and anchors they see are the same.
 */
#ifndef SALESGEN_COURSE_H
#define SALESGEN_COURSE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"

enum edition {
	EDITION_STUDENT,	/* without the answers */
	EDITION_TEACHER
};

struct toc_entry {
	int	 level;		/* 1 = chapter title, 2 = section, 3 = subsection */
	char	*number;	/* "2.1"; owned */
	char	*title;		/* plain text; owned */
	char	*id;		/* anchor; owned */
};

struct chapter {
	char		*path;		/* as given or found: "content/01-klant.md" */
	char		*file;		/* base name: "01-klant.md" */
	char		*slug;		/* output stem, its folders under content/
					   kept: "01-klant", "deel-1/gesprek" */
	int		 part;		/* index into course.parts, or -1 */
	char		*title;		/* front matter, first heading, or file name */
	char		*description;
	int		 number;	/* 1..n */
	int		 order;		/* sort key from front matter */
	int		 has_order;
	struct toc_entry *toc;
	size_t		 ntoc;
	char		**anchors;	/* every id in the chapter, sorted */
	size_t		 nanchors;
	struct doc_node	*tree;		/* the scanned tree, kept while the
					   course's budget allows, or NULL */
	size_t		 srclen;	/* bytes of source */
	char		*src;		/* the source as the order pass read
					   it, until the scan parses it (then
					   freed), or NULL; owned */
	struct md_front_done *front;	/* its front matter as the order
					   pass read it, with src (md.h);
					   owned */
	char		**reg;		/* front matter's register: terms
					   (register.h); owned */
	size_t		 nreg;
	char		*lang;		/* front matter's "nl" or "en", or
					   NULL: the course's; owned */
	char		**embeds;	/* the data documents it embeds, by
					   path below the project folder (as
					   course_asset()), in order; set by
					   the scan; owned */
	size_t		 nembeds;
};

struct gloss_entry {
	char	*term;		/* as written */
	char	*key;		/* Dutch collation key */
	char	*text;		/* the definition's first paragraph, plain */
	size_t	 chapter;	/* index into course.ch */
	char	*id;		/* anchor of the definition box */
	char	*file;		/* where it is defined, for diagnostics */
	int	 line, col;
};

/* A mailing: one document per row of a CSV file (salesgen.xml). */
struct mailing {
	char	*tmpl;		/* the data document, under content/ */
	char	*rows;		/* the CSV file, under content/ */
	int	 line;		/* in salesgen.xml */
};

/* A part (deel): a folder of chapters, or a part of another tool's table
 * of contents.  Its chapters follow each other in course.ch. */
struct part {
	char	*title;		/* owned; set by course_scan() for a folder */
	char	*dir;		/* the folder under content/ ("02-gesprek"),
				   or NULL for a part of a table; owned */
};

struct datadoc;
struct data_schema;
struct incr_plan;
struct theme;

struct course {
	char		*dir;		/* project folder ("." by default) */
	char		*content;	/* DIR/content, or DIR for a bare folder */
	char		*title;
	char		*subtitle;
	char		*author;
	char		*lang;		/* "nl" or "en" */
	int		 raw_html;
	int		 code_tabs;	/* <code tabs>: stops every n columns in
					   code, 0 = the default (4) */
	enum edition	 site_edition;
	struct chapter	*ch;
	size_t		 nch;
	struct part	*parts;
	size_t		 nparts;
	char		*landing;	/* the root index.md or README.md, the
					   text of the site's index page, or
					   NULL; owned */
	char		*order_source;	/* what set the chapters' order, for
					   check -v; owned */
	int		 sort_paths;	/* no list or table: sort by front
					   matter, numeric prefix and path */
	struct gloss_entry *gloss;
	size_t		 ngloss;
	size_t		 budget;	/* bytes of source whose trees are kept */
	struct datadoc	*docs;		/* sales documents under content/ */
	size_t		 ndocs;
	struct mailing	*mail;
	size_t		 nmail;
	char		*config;	/* the salesgen.xml read, or NULL */
	struct theme	*theme;		/* set by course_scan(), not owned */
	char		**shell_ids;	/* owned, NULL-terminated: the ids the
					   chapter pages' shell writes itself
					   (id="main"), which no heading takes */
	/* <pdf> in salesgen.xml */
	int		 letter, ragged;
	char		*serif, *sans, *mono;
	char		**hyphens;	/* exceptions, "ver-koop-plan" */
	size_t		 nhyphens;
	struct data_schema *schema;	/* owned, when there is data */
	int		 schema_failed;	/* it did not load: say so once */
	/* Set by a back end before course_scan() (see site_bodies_new()):
	 * called on the scan's threads with each chapter's finished tree
	 * (numbered, its terms and links recorded), which it may change
	 * but does not free; diagnostics go to dl. */
	void		(*hook)(void *arg, const struct course *, size_t i,
			    struct doc_node *root, struct diag_list *dl);
	void		*hook_arg;
	/* Set by an incremental build after course_scan(): which outputs
	 * may be kept (incr_graph.h), or NULL: render everything. */
	struct incr_plan *plan;
};

/* Reads DIR's settings (salesgen.xml or content/salesgen.xml, optional) and
 * finds its chapters.  Returns a new course (free with course_free()) or
 * NULL after adding diagnostics. */
struct course *course_open(const char *dir, struct diag_list *);
void	course_free(struct course *);

/* Parses every chapter once, on jobs threads: titles, numbering, table of
 * contents, anchors, glossary, and checks every link between chapters.
 * The trees are kept for the back ends up to a memory budget (a course
 * larger than that reparses its later chapters when they are rendered, so
 * memory stays bounded however many chapters there are).  The sales
 * documents are loaded and validated against the theme's schema too.
 * Returns 0, or
 * -1 when an error was added to dl. */
int	course_scan(struct course *, struct theme *, int jobs,
	    struct diag_list *);

/* Scans chapter i of the scanned course c again, after its source
 * changed, as course_scan() would have: its title, table of contents,
 * anchors, terms (in c->gloss) and links (checked).  Its order from
 * front matter must be the same (serve's first pass, incr_first.c, then
 * compares what every chapter shows the others with the last scan's).
 * Not for a course with a hook.  Returns 0, or -1
 * when it cannot or an error was added to dl; the chapter may then be
 * half scanned: the caller scans the course anew. */
int	course_rescan(struct course *, size_t i, struct diag_list *);

/* Parses chapter i and runs the passes for edition e.  Returns a new tree
 * (free with doc_free()) or NULL after adding diagnostics. */
struct doc_node *course_chapter_doc(const struct course *, size_t i,
    enum edition e, struct diag_list *);

/* The landing page (course.landing) parsed, its links rewritten, for
 * edition e: a new tree (free with doc_free()), or NULL when there is none
 * or after adding diagnostics. */
struct doc_node *course_landing_doc(const struct course *, enum edition e,
    struct diag_list *);

/* Resolves a file that chapter ch refers to (an image) to a path inside
 * the project.  Returns the path relative to the project folder (caller
 * frees) and sets *full to it joined to the folder (caller frees); NULL,
 * after adding DIAG_PATH_ESCAPE or DIAG_IMAGE_MISSING at line:col, when it
 * leads outside the project (by "..", or by a symbolic link) or does not
 * exist, and silently for URLs that are not local files. */
char	*course_asset(const struct course *, const struct chapter *ch,
	    const char *url, int line, int col, char **full, struct diag_list *);

/* As course_asset(), for any file a chapter refers to; a missing one is
 * the diagnostic missing (DIAG_IMAGE_MISSING, DIAG_LINK_MISSING). */
char	*course_file(const struct course *, const struct chapter *ch,
	    const char *url, int line, int col, enum diag_code missing,
	    char **full, struct diag_list *);

/* 1 when a link's url names a file of the project to copy with the site
 * (a PDF, a zip): relative, with an extension, not a chapter (.md) nor a
 * page (.html, .htm), no query. */
int	course_linked_file(const char *url);

/* Fills *x with a view of the course's chapters for pass_xref (see
 * pass.h); valid while the course is and its chapters do not move. */
struct xref_index;
void	course_xref_index(const struct course *, struct xref_index *x);

/* The folder depth of a chapter's page under the site's root: 0 for
 * "a.html", 1 for "deel-1/a.html".  Inline: the passes use it too, and
 * calling into course.c from them would make a loop. */
static inline int
course_depth(const char *slug)
{
	int d = 0;

	for (; *slug; slug++)
		d += *slug == '/';
	return d;
}

#endif
