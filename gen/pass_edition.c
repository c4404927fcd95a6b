/*
 * pass_edition — one source, two editions: the student edition leaves out
 * the answers (`antwoord` callouts), the teacher edition keeps everything
 * and shows the answers to the questions (`vraag` callouts, quiz.h), which
 * a tree holds out of print until then.
 */
#include "pass.h"
#include "quiz.h"

void
pass_edition(struct doc_node *root, enum edition e)
{
	struct doc_node *n, *nx;

	if (e == EDITION_TEACHER) {
		quiz_reveal(root);
		return;
	}
	for (n = root; n != NULL; n = nx) {
		if (n->type == DOC_CALLOUT && n->ckind == CALLOUT_ANTWOORD) {
			nx = doc_next(root, n, 1);
			doc_free(n);
		} else
			nx = doc_next(root, n, 0);
	}
}
