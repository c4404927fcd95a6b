/*
 * html — the HTML back end: a document tree in, an HTML5 fragment out.
 *
 * Walks the tree without recursion.  Every piece of text goes through
 * esc.h; raw HTML from the source is passed through only when the project
 * turned it on, and is escaped (shown as text) otherwise.
 */
#ifndef SALESGEN_HTML_H
#define SALESGEN_HTML_H

#include "buf.h"
#include "doc.h"

struct html_opts {
	const char	*lang;		/* labels: "nl" or "en" */
	int		 raw_html;	/* pass source HTML through */
};

/* Appends the HTML of root's children to out. */
void	html_render(const struct doc_node *root, const struct html_opts *,
	    struct buf *out);

/* Appends the HTML of the sibling blocks from first up to (not
 * including) end, or to the last when end is NULL; blocks a teacher
 * edition added to a question (quiz_shown()) are left out. */
void	html_render_blocks(const struct doc_node *first,
	    const struct doc_node *end, const struct html_opts *,
	    struct buf *out);

#endif
