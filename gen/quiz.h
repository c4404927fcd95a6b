/*
 * quiz — self-test questions: the `vraag` callout (`question`, `quiz`).
 *
 * A teacher writes, inside the callout, one or more questions, each its
 * text (the stem: paragraphs, a list, code) followed by its answers:
 *
 *	> [!vraag] Optional title
 *	> Which phase comes first?
 *	>
 *	> - [ ] Negotiating
 *	>   > No: first you find out what the customer needs.
 *	> - [x] Orientation
 *	>   > Right.
 *	>
 *	> What is 21 % VAT on 100 euro?
 *	>
 *	> =: 21 | € 21 | 21 euro
 *	>
 *	> > Right: 21 % of 100.
 *
 * A task list is a multiple-choice question ('[x]' right, '[ ]' wrong; one
 * right option gives radio buttons, more give check boxes), a block quote
 * in an option its feedback.  A line '=: a | b' is a short answer with its
 * accepted alternatives, a block quote after it the feedback for a right
 * answer.
 *
 * quiz_shape(), run by md_parse on every such callout, puts the answers
 * where a printed student edition shows none of them, so every back end
 * that knows nothing of questions (the PDF) prints a student's page:
 *
 *  - an option list stays a DOC_LIST; each DOC_ITEM has level 1 (an empty
 *    box, whatever the answer), info "right" or "wrong", title its
 *    feedback as plain text (or NULL); the feedback quote is removed;
 *  - a short answer is a DOC_PARA with info "quiz-answer", title the
 *    accepted answers separated by '\n', url the feedback (or NULL), and
 *    as children only a line to write on.
 *
 * quiz_reveal() makes the teacher edition from that (boxes ticked,
 * answers and feedback shown, in nodes marked info "quiz-shown" that the
 * site ignores); quiz_list() reads the questions back for the site
 * (quiz_html.c) and the exports (quiz_export.c).
 */
#ifndef SALESGEN_QUIZ_H
#define SALESGEN_QUIZ_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "doc.h"

enum quiz_kind {
	QUIZ_ONE,		/* multiple choice, one right option */
	QUIZ_MANY,		/* multiple choice, several right */
	QUIZ_SHORT		/* a short answer typed in */
};

struct quiz_q {
	enum quiz_kind		 kind;
	const struct doc_node	*stem;	/* first block of the question, or
					   NULL; the stem runs up to answer
					   (blocks marked "quiz-shown" are
					   not part of it) */
	const struct doc_node	*answer; /* the DOC_LIST or the DOC_PARA */
	size_t			 nopt;	/* options (items of answer) */
};

/* Checks and reshapes the vraag callout c (see above), reporting a
 * malformed question at path with DIAG_QUIZ_*.  */
void	quiz_shape(struct doc_node *c, const char *path, struct diag_list *);

/* The teacher edition of every vraag callout under root: right boxes
 * ticked, feedback and short answers shown. */
void	quiz_reveal(struct doc_node *root);

/* The questions of the vraag callout c, in order: returns how many and
 * sets *qs to a new array the caller frees (NULL when none). */
size_t	quiz_list(const struct doc_node *c, struct quiz_q **qs);

/* 1 for a node quiz_reveal() added (not part of the source's question). */
int	quiz_shown(const struct doc_node *);

/* Appends the plain text of the blocks from first up to (not including)
 * end, paragraphs separated by one space. */
void	quiz_plain(const struct doc_node *first, const struct doc_node *end,
	    struct buf *out);

/* A short answer as it is compared: ASCII and Latin-1 capitals (A-Z,
 * U+00C0-U+00DE but U+00D7) in lower case, white space at either end
 * dropped and runs of it made one space.  quiz.js folds the same. */
void	quiz_norm(const char *s, size_t n, struct buf *out);

/* The SHA-256 of s in lower-case hex, NUL-terminated. */
void	quiz_sha256_hex(const char *s, size_t n, char out[65]);

/* Appends text XOR the key stream of key, in hex: block j of the stream
 * is SHA-256(key ":" j), j = 0, 1, ... in decimal.  quiz.js undoes it. */
void	quiz_seal(const char *key, const char *text, struct buf *out);

#endif
