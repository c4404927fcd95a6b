/*
 * quiz_export — every chapter's questions (quiz.h) for a learning
 * environment: out/quiz/SLUG.gift (Moodle's GIFT format) and
 * out/quiz/SLUG.qti.zip (an IMS QTI 2.1 content package: imsmanifest.xml
 * and one assessmentItem per question, as Canvas, Blackboard and
 * Brightspace import).  A chapter without questions gets neither.
 */
#ifndef SALESGEN_QUIZ_EXPORT_H
#define SALESGEN_QUIZ_EXPORT_H

#include "buf.h"
#include "course.h"
#include "diag.h"

/* Writes the files of every chapter of c with questions into outdir/quiz
 * (outdir is the project's out/).  Returns 0, or -1 after adding a
 * diagnostic (DIAG_WRITE). */
int	quiz_export(const struct course *c, const char *outdir,
	    struct diag_list *);

/* The GIFT text / the QTI package of one chapter's tree, appended to out;
 * returns how many questions it holds.  name is the chapter's slug, title
 * its title. */
size_t	quiz_gift(const struct doc_node *root, const char *name,
	    struct buf *out);
size_t	quiz_qti(const struct doc_node *root, const char *name,
	    const char *title, struct buf *zip);

#endif
