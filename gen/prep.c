/* prep — parse, then the passes in their order (see prep.h). */
#include "prep.h"

void
prep_passes(struct doc_node *root, const struct prep *p,
    struct diag_list *dl)
{
	/* levels first: numbering counts the closed-up levels */
	if (p->steps & PREP_LEVELS)
		pass_levels(root, p->path, dl);
	if (p->steps & PREP_NUMBER)
		pass_number_taken(root, p->chapter, p->ch, p->taken);
	if (p->steps & PREP_UNNUMBER)
		pass_unnumber(root);
	if (p->steps & PREP_GLOSS)
		pass_gloss_find(root, p->path, p->ci, p->gloss, p->ngloss);
	if (p->steps & PREP_COLLECT)
		pass_xref_collect(root, p->path, p->links, dl);
	/* links after numbering: a Quarto reference shows a number */
	if (p->steps & PREP_XREF)
		pass_xref(root, p->idx, p->path, dl);
	/* the edition last: a link into an answer is rewritten before the
	 * answer goes */
	if (p->steps & PREP_EDITION)
		pass_edition(root, p->edition);
}

struct doc_node *
prep_doc(const char *src, size_t len, const struct md_opts *mo,
    struct md_meta *meta, const struct prep *p, struct diag_list *dl)
{
	struct doc_node *root;

	if ((root = md_parse(src, len, p->path, mo, meta, dl)) != NULL)
		prep_passes(root, p, dl);
	return root;
}
