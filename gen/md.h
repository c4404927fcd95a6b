/*
 * md — Markdown in, document model out.
 *
 * md_parse() reads one Markdown file (optional YAML front matter, then
 * CommonMark with the GFM table, strikethrough and autolink extensions) and
 * returns its doc tree.  Syntax-level conventions are settled here, so
 * that every later pass sees one shape:
 *   - `> [!kind] Title` blockquotes become DOC_CALLOUT nodes;
 *   - an image alone in a paragraph becomes a DOC_FIGURE;
 *   - a `Tabel: ...` (`Table:`, `:`) paragraph right after a table becomes
 *     its caption.
 * cmark's own tree never leaves md_parse.c.
 */
#ifndef SALESGEN_MD_H
#define SALESGEN_MD_H

#include <stddef.h>

#include "diag.h"
#include "doc.h"

struct md_front_done;

struct md_opts {
	int	raw_html;	/* pass raw HTML through instead of escaping it */
	int	generated;	/* made by a template: its encoding was checked
				   in the template (md_check_utf8), whose
				   positions these lines are not */
	struct md_front_done *front;	/* md_front()'s result on this same
				   source, whose meta md_parse() takes over
				   (leaving it empty) instead of reading the
				   front matter again; NULL: it reads it */
};

/* What a file says about itself in its front matter (NULL when absent). */
struct md_meta {
	char	*title;
	char	*description;
	char	*lang;
	int	 order;
	int	 has_order;
	/* register: terms for the register (register.h), "piramide >
	 * klanten-" for a subentry; each owned */
	char	**reg;
	size_t	 nreg;
};

/* Parses src (len bytes) read from path.  On success returns a new tree
 * (free with doc_free()) and fills *meta (clear with md_meta_clear());
 * returns NULL after adding diagnostics when the front matter is broken.
 * Problems that still leave a usable tree (an unknown callout kind) are
 * added to dl and the tree is returned. */
struct doc_node *md_parse(const char *src, size_t len, const char *path,
    const struct md_opts *, struct md_meta *meta, struct diag_list *dl);
void	md_meta_clear(struct md_meta *);

/* Warns (DIAG_MD_NUL, DIAG_MD_UTF8) at the first NUL or byte that is not
 * UTF-8 text in src, once: cmark shows such bytes as U+FFFD.  line_off
 * lines precede src in path (front matter).  Returns 1 when it warned,
 * 0 when src is all UTF-8 text. */
int	md_check_utf8(const char *src, size_t len, const char *path,
	    int line_off, struct diag_list *dl);

/* Splits off YAML front matter: returns 0 and sets *body to the offset of
 * the Markdown after it and *lines to the number of lines it spans (0 when
 * there is none); -1 after adding DIAG_FRONT_MATTER on a broken block.
 * Implemented in md_front.c with libyaml. */
int	md_front(const char *src, size_t len, const char *path,
	    struct md_meta *meta, size_t *body, int *lines, struct diag_list *dl);

/* What a successful md_front() found, kept by a caller that read the
 * front matter before the parse (the course's order pass) so that
 * md_parse() need not read it again (md_opts.front).  The meta is owned
 * (md_meta_clear()). */
struct md_front_done {
	struct md_meta	meta;
	size_t		body;
	int		lines;
};

#endif
