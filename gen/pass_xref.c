/*
 * pass_xref — links between chapters.
 *
 * Authors link to the Markdown file they see in their editor
 * ("05-funnel.md#de-dmu"), which also works on GitHub; the site needs the
 * page that file becomes.  A scan records every such link so the course can
 * check them all once every chapter's anchors are known; the render sweep
 * rewrites them.
 */
#include "pass.h"
#include "esc.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* 1 for a URL with a scheme ("https:", "mailto:") or a network path. */
static int
S_absolute(const char *u)
{
	const char *p;

	if (u[0] == '/' && u[1] == '/')
		return 1;
	for (p = u; *p && *p != '/' && *p != '?' && *p != '#'; p++)
		if (*p == ':')
			return 1;
	return 0;
}

/* Splits a relative URL into the base name of an .md file and fragment.
 * Returns 0 when it does not name a Markdown file. */
static int
S_md_target(const char *u, const char **base, size_t *blen,
    const char **frag)
{
	const char *hash = strchr(u, '#'), *end, *slash;

	end = hash ? hash : u + strlen(u);
	if (end - u < 4 || strncmp(end - 3, ".md", 3) != 0)
		return 0;
	for (slash = end; slash > u && slash[-1] != '/'; slash--)
		;
	*base = slash;
	*blen = (size_t)(end - slash);
	*frag = hash ? hash + 1 : NULL;
	return 1;
}

static void
S_record(struct course *c, const char *target, const char *file, int line,
    int col)
{
	struct xref *x;

	if (c->nxrefs == c->xcap) {
		c->xcap = c->xcap ? c->xcap * 2 : 64;
		c->xrefs = xrealloc(c->xrefs, c->xcap * sizeof(*c->xrefs));
	}
	x = &c->xrefs[c->nxrefs++];
	x->target = xstrdup(target);
	x->file = xstrdup(file);
	x->line = line;
	x->col = col;
}

void
pass_xref(struct doc_node *root, struct course *c, const char *path,
    int collect, struct diag_list *dl)
{
	struct doc_node *n;
	struct buf u = { 0 };
	const char *base, *frag;
	size_t blen;
	long ci;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if ((n->type != DOC_LINK && n->type != DOC_IMAGE) ||
		    n->url == NULL)
			continue;
		if (!esc_url_safe(n->url)) {
			if (collect || c == NULL)
				diag_add(dl, DIAG_UNSAFE_URL, path, n->line,
				    n->col, n->url);
			free(n->url);
			n->url = xstrdup("");
			continue;
		}
		if (n->type == DOC_IMAGE || S_absolute(n->url))
			continue;
		if (collect && c != NULL) {
			if (n->url[0] == '#' || S_md_target(n->url, &base,
			    &blen, &frag))
				S_record(c, n->url, path, n->line, n->col);
			continue;
		}
		if (!S_md_target(n->url, &base, &blen, &frag))
			continue;
		buf_reset(&u);
		if (c != NULL && (ci = course_find_chapter(c, base, blen)) >= 0)
			buf_puts(&u, c->ch[ci].slug);
		else
			buf_put(&u, n->url, (size_t)(base - n->url) + blen - 3);
		buf_puts(&u, ".html");
		if (frag != NULL) {
			buf_putc(&u, '#');
			buf_puts(&u, frag);
		}
		free(n->url);
		n->url = xstrdup(buf_cstr(&u));
	}
	buf_free(&u);
}
