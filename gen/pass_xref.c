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
#include "i18n.h"
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

int
pass_xref_split(const char *url, struct buf *file, struct buf *frag)
{
	const char *hash = strchr(url, '#');

	buf_reset(file);
	buf_reset(frag);
	esc_url_decode(file, url, hash ? (size_t)(hash - url) : strlen(url));
	if (hash != NULL)
		esc_url_decode(frag, hash + 1, strlen(hash + 1));
	return hash != NULL;
}

/* 1 when file (decoded) names a Markdown file; sets *base to its last
 * path component. */
static int
S_md_file(const struct buf *file, const char **base, size_t *blen)
{
	const char *s = buf_cstr(file), *slash;

	if (file->len < 4 || strcmp(s + file->len - 3, ".md") != 0)
		return 0;
	slash = strrchr(s, '/');
	*base = slash ? slash + 1 : s;
	*blen = file->len - (size_t)(*base - s);
	return 1;
}

/* 1 when file (decoded) may name a chapter without its extension, as
 * sites built by other tools link ("/commands/npm-install",
 * "../deel-1/gesprek"): no dot in its last component, not a folder. */
static int
S_bare(const struct buf *file)
{
	const char *s = buf_cstr(file), *slash = strrchr(s, '/');

	return file->len > 0 && s[file->len - 1] != '/' &&
	    strchr(slash ? slash + 1 : s, '.') == NULL;
}

static void
S_record(struct course *c, const char *target, const char *file, int line,
    int col, int soft)
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
	x->soft = soft;
}

/* The chapter of the course that has anchor id: path's own first, else
 * the first in course order; -1 if none. */
long
pass_xref_label(const struct course *c, const char *path, const char *id)
{
	size_t i;

	for (i = 0; i < c->nch; i++)
		if (strcmp(c->ch[i].path, path) == 0 &&
		    course_has_anchor(c, i, id))
			return (long)i;
	for (i = 0; i < c->nch; i++)
		if (course_has_anchor(c, i, id))
			return (long)i;
	return -1;
}

/* Points a {ref} link ("#label") at the page whose chapter has the
 * label, when that is not this one. */
static void
S_label(const struct course *c, const char *path, struct doc_node *n)
{
	struct buf u = { 0 };
	long ci = pass_xref_label(c, path, n->url + 1);

	if (ci < 0 || strcmp(c->ch[ci].path, path) == 0)
		return;		/* here, or nowhere (the scan said so) */
	course_href(c, path, ci, &u);
	buf_putc(&u, '#');
	esc_url_path(&u, n->url + 1, strlen(n->url + 1));
	free(n->url);
	n->url = buf_detach(&u);
}

/* The element with id in the tree root, or NULL. */
static const struct doc_node *
S_find_id(const struct doc_node *root, const char *id)
{
	const struct doc_node *n;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->id != NULL && (n->type == DOC_HEADING ||
		    n->type == DOC_FIGURE || n->type == DOC_TABLE) &&
		    strcmp(n->id, id) == 0)
			return n;
	return NULL;
}

/* The words a Quarto reference shows for element n (or toc entry e):
 * "paragraaf 2.1" / "Section 2.1", "Hoofdstuk 2", "Figuur 1.1",
 * "Tabel 1.1"; an unnumbered heading by its title. */
static void
S_qref_text(const char *lang, const struct doc_node *n,
    const struct toc_entry *e, struct buf *out)
{
	const char *num = n != NULL ? n->number : e->number;
	int level = n != NULL ? n->level : e->level;

	if (n != NULL && n->type == DOC_FIGURE && num != NULL)
		buf_printf(out, "%s %s", i18n(lang, I18N_FIGURE), num);
	else if (n != NULL && n->type == DOC_TABLE && num != NULL)
		buf_printf(out, "%s %s", i18n(lang, I18N_TABLE), num);
	else if (num != NULL)
		buf_printf(out, "%s %s", i18n(lang, level == 1 ?
		    I18N_CHAPTER : I18N_SECTION), num);
	else if (n != NULL)
		doc_plain_text(n, out);
	else
		buf_puts(out, e->title);
}

/*
 * A Quarto reference at the render sweep: its text becomes the number of
 * what it names, found in this tree or the kept tree (else the table of
 * contents) of the chapter that has the label; one that names nothing
 * stays the text it was (the scan warned, or, without a course, here).
 */
static void
S_qref(const struct course *c, struct doc_node *root, const char *path,
    struct doc_node *n, struct diag_list *dl)
{
	const char *id = n->url + 1;
	const struct doc_node *t = NULL;
	const struct toc_entry *e = NULL;
	struct buf w = { 0 };
	long ci = -1;
	size_t i;

	if (c != NULL && (ci = pass_xref_label(c, path, id)) >= 0) {
		if (strcmp(c->ch[ci].path, path) == 0)
			t = S_find_id(root, id);
		else if (c->ch[ci].tree != NULL)
			t = S_find_id(c->ch[ci].tree, id);
		for (i = 0; t == NULL && i < c->ch[ci].ntoc; i++)
			if (strcmp(c->ch[ci].toc[i].id, id) == 0)
				e = &c->ch[ci].toc[i];
	} else if (c == NULL)
		t = S_find_id(root, id);
	if (t == NULL && e == NULL && (c == NULL || ci >= 0)) {
		if (c == NULL)
			diag_add(dl, DIAG_QUARTO_REF, path, n->line, n->col,
			    id);
	}
	if (t != NULL || e != NULL) {
		S_qref_text(c != NULL ? c->lang : NULL, t, e, &w);
		free(n->first->text);
		n->first->text = buf_detach(&w);
		free(n->info);
		n->info = NULL;
		if (c != NULL)
			S_label(c, path, n);
		return;
	}
	/* names nothing (or nothing numbered): the words as written */
	while (n->first != NULL && n->first->next != NULL) {
		struct doc_node *k = n->first->next;

		doc_unlink(k);
		doc_free(k);
	}
	n->type = DOC_TEXT;
	n->text = n->first != NULL ? xstrdup(n->first->text) : xstrdup("");
	if (n->first != NULL) {
		struct doc_node *k = n->first;

		doc_unlink(k);
		doc_free(k);
	}
	free(n->url);
	n->url = NULL;
	free(n->info);
	n->info = NULL;
}

void
pass_xref(struct doc_node *root, struct course *c, const char *path,
    int collect, struct diag_list *dl)
{
	struct doc_node *n;
	struct buf u = { 0 }, file = { 0 }, frag = { 0 };
	const char *base = NULL;
	size_t blen = 0;
	long ci;
	int has_frag, is_md;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if ((n->type != DOC_LINK && n->type != DOC_IMAGE) ||
		    n->url == NULL)
			continue;
		if (n->info != NULL && strcmp(n->info, "term") == 0) {
			/* a MyST {term}: the glossary page's entry, where
			 * there is a course (and so a glossary page) */
			if (collect)
				continue;
			buf_reset(&u);
			if (c != NULL) {
				buf_reset(&frag);
				buf_puts(&frag, "term-");
				pass_slug(n->url, &frag);
				size_t k;
				int depth = 0;

				/* from a page in a folder: up to the root */
				for (k = 0; k < c->nch; k++)
					if (strcmp(c->ch[k].path, path) == 0) {
						depth = course_depth(
						    c->ch[k].slug);
						break;
					}
				while (depth-- > 0)
					buf_puts(&u, "../");
				buf_printf(&u, "%s.html#",
				    i18n(c->lang, I18N_GLOSSARY_FILE));
				esc_url_path(&u, buf_cstr(&frag), frag.len);
			}
			free(n->url);
			n->url = xstrdup(buf_cstr(&u));
			free(n->info);
			n->info = NULL;
			continue;
		}
		if (n->info != NULL && strcmp(n->info, "qref") == 0) {
			if (collect && c != NULL)
				S_record(c, n->url, path, n->line, n->col, 3);
			else if (!collect && n->first != NULL &&
			    n->first->type == DOC_TEXT)
				S_qref(c, root, path, n, dl);
			continue;
		}
		if (n->info != NULL && strcmp(n->info, "ref") == 0) {
			/* a MyST {ref}: its label may be in any chapter;
			 * the mark stays until the render sweep (a kept
			 * tree is swept twice) */
			if (c != NULL && n->url[0] == '#' &&
			    esc_url_safe(n->url)) {
				if (collect)
					S_record(c, n->url, path, n->line,
					    n->col, 2);
				else
					S_label(c, path, n);
				if (collect)
					continue;
			}
			free(n->info);
			n->info = NULL;
		}
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
		has_frag = pass_xref_split(n->url, &file, &frag);
		is_md = S_md_file(&file, &base, &blen);
		if (!is_md && S_bare(&file)) {
			/* checked as the chapter it names, when it names
			 * one; else left as it is */
			buf_reset(&u);
			buf_put(&u, file.data, file.len);
			buf_puts(&u, ".md");
			if (collect && c != NULL) {
				if (has_frag) {
					buf_putc(&u, '#');
					buf_puts(&u, buf_cstr(&frag));
				}
				S_record(c, buf_cstr(&u), path, n->line,
				    n->col, 1);
				continue;
			}
			if (c == NULL || course_find_chapter(c, path, u.data,
			    u.len) == -1)
				continue;
			{
				struct buf t = file;

				file = u;
				u = t;
			}
			is_md = 1;
		}
		if (collect && c != NULL) {
			if (n->url[0] == '#' || is_md)
				S_record(c, n->url, path, n->line, n->col, 0);
			continue;
		}
		if (!is_md && n->url[0] != '#')
			continue;
		/* Rebuilt from the decoded parts, so "b%20c.md" and
		 * "b c.md" land alike and the result is encoded once. */
		buf_reset(&u);
		if (is_md) {
			/* the page of that chapter, from this one's folder
			 * (pages mirror the chapters' folders) */
			if (c != NULL && (ci = course_find_chapter(c, path,
			    file.data, file.len)) != -1)
				course_href(c, path, ci, &u);
			else {
				esc_url_path(&u, file.data, file.len - 3);
				buf_puts(&u, ".html");
			}
		}
		if (has_frag) {
			buf_putc(&u, '#');
			esc_url_path(&u, buf_cstr(&frag), frag.len);
		}
		free(n->url);
		n->url = xstrdup(buf_cstr(&u));
	}
	buf_free(&file);
	buf_free(&frag);
	buf_free(&u);
}
