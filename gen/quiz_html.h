/*
 * quiz_html — the questions of a vraag callout as forms the site grades
 * in the browser (templates/site/quiz.js), without a server.
 *
 * No right answer stands in the page as text.  Each question has a salt;
 * an option carries the first 16 hex digits of SHA-256(salt ":" i ":" r),
 * r "1" for a right option and "0" for a wrong one, so the script tells
 * right from wrong by hashing, and its feedback sealed (quiz_seal()) with
 * the key salt ":" i ":" r ":f".  A short answer carries, per accepted
 * answer a, SHA-256(salt ":" quiz_norm(a)) cut to 16 digits and its
 * feedback sealed with salt ":" quiz_norm(a) ":f": a student finds the
 * feedback only by typing a right answer.  This keeps the answer out of
 * sight of a student who reads the source; one who runs the hashes
 * against every option finds the right one (salesgen(1) CAVEATS).
 */
#ifndef SALESGEN_QUIZ_HTML_H
#define SALESGEN_QUIZ_HTML_H

#include "buf.h"
#include "doc.h"
#include "html.h"
#include "quiz.h"

/* How the Markdown inside a question is rendered: html.c passes its own
 * renderers, so this module never calls back into html.c by name (no call
 * loop; tests/tools/calls.py). */
struct quiz_render {
	/* the HTML of a node's children, as html_render() */
	void	(*children)(const struct doc_node *, const struct html_opts *,
		    struct buf *);
	/* the sibling blocks from first up to end, as html_render_blocks() */
	void	(*blocks)(const struct doc_node *first,
		    const struct doc_node *end, const struct html_opts *,
		    struct buf *);
};

/* Appends the forms of the vraag callout c (its title is the caller's). */
void	quiz_html(const struct doc_node *c, const struct html_opts *,
	    const struct quiz_render *, struct buf *out);

#endif
