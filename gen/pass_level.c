/*
 * pass_level — heading levels closed up, so that none is skipped.
 *
 * Markdown written for other tools often goes from `# Title` straight to
 * `### Synopsis`.  Left as it is, the HTML skips a level (the W3C checker
 * reports it) and the numbering has no section to count a subsection in
 * ("74.0.1").  Here every heading gets the level its place in the outline
 * gives it: the first heading, when it is a `#`, is the title and the only
 * level 1; every other heading sits one level below the nearest heading
 * before it with a smaller level in the source, and a heading with none
 * before it (but the title) is a section, level 2.  The numbering,
 * the HTML, the table of contents and the PDF bookmarks all read the
 * closed-up level.
 */
#include "pass.h"

/* The open headings: their source levels (rising strictly, so six at
 * most) and the levels they were given. */
struct level_stack {
	int	src[6], out[6];
	int	n;
};

void
pass_levels(struct doc_node *root, const char *path, struct diag_list *dl)
{
	struct level_stack st = { { 0 }, { 0 }, 0 };
	struct doc_node *n;
	int first = 1, src, want;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_HEADING)
			continue;
		if (first) {
			first = 0;
			if (n->level == 1)
				continue;	/* the title */
		}
		while (st.n > 0 && st.src[st.n - 1] >= n->level)
			st.n--;
		want = st.n > 0 ? st.out[st.n - 1] + 1 : 2;
		if (want > 6)
			want = 6;
		src = n->level;
		if (want != src) {
			diag_add(dl, DIAG_HEADING_LEVEL, path, n->line, n->col,
			    n->level, want, n->level == 1 ?
			    "the title is the only level 1" :
			    "levels are closed up so that none is skipped");
			n->level = want;
		}
		/* the sources on the stack rise strictly: six at most */
		st.src[st.n] = src;
		st.out[st.n] = want;
		st.n++;
	}
}
