/*
 * pass_xref — links between chapters: collecting, checking, rewriting.
 *
 * Authors link to the Markdown file they see in their editor
 * ("05-funnel.md#de-dmu"), which also works on GitHub; the site needs the
 * page that file becomes.  A scan records every such link
 * (pass_xref_collect) so they can all be checked once every chapter's
 * anchors are known (pass_xref_check); the render sweep rewrites them
 * (pass_xref).  All three see the course only through a struct
 * xref_index, a view of its chapters: this module calls nothing of
 * course.c, which calls it.
 */
#include "pass.h"
#include "esc.h"
#include "file.h"
#include "i18n.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static int
S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

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

/* 1 when file (decoded) names a Markdown file. */
static int
S_md_file(const struct buf *file)
{
	return file->len >= 4 &&
	    strcmp(buf_cstr(file) + file->len - 3, ".md") == 0;
}

/* 1 when file (decoded) may name a chapter without its extension, as
 * sites built by other tools link ("/commands/npm-install",
 * "../deel-1/gesprek"): no dot in its last component, not a folder. */
static int
S_bare(const struct buf *file)
{
	const char *s = buf_cstr(file);

	return file->len > 0 && s[file->len - 1] != '/' &&
	    strchr(file_base(s), '.') == NULL;
}

static void
S_record(struct xref_list *l, const char *target, const char *file, int line,
    int col, int soft)
{
	struct xref *x;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	x = &l->v[l->n++];
	x->target = xstrdup(target);
	x->file = xstrdup(file);
	x->line = line;
	x->col = col;
	x->soft = soft;
}

void
pass_xref_list_free(struct xref_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].target);
		free(l->v[i].file);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void
pass_xref_list_move(struct xref_list *to, struct xref_list *from)
{
	if (to->n + from->n > to->cap) {
		while (to->n + from->n > to->cap)
			to->cap = to->cap ? to->cap * 2 : 64;
		to->v = xrealloc(to->v, to->cap * sizeof(*to->v));
	}
	if (from->n > 0)
		memcpy(to->v + to->n, from->v, from->n * sizeof(*from->v));
	to->n += from->n;
	free(from->v);
	memset(from, 0, sizeof(*from));
}

int
pass_xref_has_anchor(const struct xref_index *x, size_t i, const char *id)
{
	const struct chapter *ch = &x->ch[i];

	return ch->nanchors > 0 && bsearch(&id, ch->anchors, ch->nanchors,
	    sizeof(char *), S_cmp_str) != NULL;
}

/* path under the content folder ("content/a/b.md" -> "a/b.md"). */
static const char *
S_in_content(const struct xref_index *x, const char *path)
{
	size_t n = x->content ? strlen(x->content) : 0;

	if (n > 0 && strncmp(path, x->content, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* from's folder under content/, as a prefix ("deel-1/", or ""). */
static void
S_from_dir(const struct xref_index *x, const char *from, struct buf *out)
{

	buf_reset(out);
	from = S_in_content(x, from);
	/* the folder with its '/', nothing for a file at the top */
	buf_put(out, from, (size_t)(file_base(from) - from));
}

long
pass_xref_find(const struct xref_index *x, const char *from,
    const char *file, size_t n)
{
	struct buf b = { 0 };
	char *rel;
	size_t i;
	long found = -1;

	if (n > 0 && file[0] == '/') {
		file++;
		n--;
	} else
		S_from_dir(x, from, &b);
	buf_put(&b, file, n);
	rel = file_fold(buf_cstr(&b));
	buf_free(&b);
	if (rel == NULL)
		return -1;
	for (i = 0; i < x->nch && found < 0; i++)
		if (strcmp(S_in_content(x, x->ch[i].path), rel) == 0)
			found = (long)i;
	if (found < 0 && x->landing != NULL &&
	    strcmp(S_in_content(x, x->landing), rel) == 0)
		found = XREF_LANDING;
	free(rel);
	return found;
}

void
pass_xref_href(const struct xref_index *x, const char *from, long i,
    struct buf *out)
{
	struct buf dir = { 0 };
	const char *to = i == XREF_LANDING ? "index" : x->ch[i].slug;
	const char *p;
	size_t common = 0, k;

	/* past the folders both share, up from the rest of from's */
	S_from_dir(x, from, &dir);
	for (k = 0; k < dir.len && to[k] == dir.data[k]; k++)
		if (dir.data[k] == '/')
			common = k + 1;
	for (p = dir.data + common; p < dir.data + dir.len; p++)
		if (*p == '/')
			buf_puts(out, "../");
	esc_url_path(out, to + common, strlen(to + common));
	buf_puts(out, ".html");
	buf_free(&dir);
}

/* The chapter that has anchor id: path's own first, else the first in
 * course order; -1 if none. */
long
pass_xref_label(const struct xref_index *c, const char *path, const char *id)
{
	size_t i;

	for (i = 0; i < c->nch; i++)
		if (strcmp(c->ch[i].path, path) == 0 &&
		    pass_xref_has_anchor(c, i, id))
			return (long)i;
	for (i = 0; i < c->nch; i++)
		if (pass_xref_has_anchor(c, i, id))
			return (long)i;
	return -1;
}

/* Points a {ref} link ("#label") at the page whose chapter has the
 * label, when that is not this one. */
static void
S_label(const struct xref_index *c, const char *path, struct doc_node *n)
{
	struct buf u = { 0 };
	long ci = pass_xref_label(c, path, n->url + 1);

	if (ci < 0 || strcmp(c->ch[ci].path, path) == 0)
		return;		/* here, or nowhere (the scan said so) */
	pass_xref_href(c, path, ci, &u);
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
S_qref(const struct xref_index *c, struct doc_node *root, const char *path,
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
pass_xref_collect(struct doc_node *root, const char *path,
    struct xref_list *l, struct diag_list *dl)
{
	struct doc_node *n;
	struct buf u = { 0 }, file = { 0 }, frag = { 0 };
	int has_frag, is_md;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if ((n->type != DOC_LINK && n->type != DOC_IMAGE) ||
		    n->url == NULL)
			continue;
		if (n->info != NULL && strcmp(n->info, "term") == 0)
			continue;	/* the glossary page has every term */
		if (n->info != NULL && strcmp(n->info, "qref") == 0) {
			S_record(l, n->url, path, n->line, n->col, 3);
			continue;
		}
		if (n->info != NULL && strcmp(n->info, "ref") == 0) {
			/* a MyST {ref}: its label may be in any chapter;
			 * the mark stays until the render sweep (a kept
			 * tree is swept twice) */
			if (n->url[0] == '#' && esc_url_safe(n->url)) {
				S_record(l, n->url, path, n->line, n->col, 2);
				continue;
			}
			free(n->info);
			n->info = NULL;
		}
		if (!esc_url_safe(n->url)) {
			diag_add(dl, DIAG_UNSAFE_URL, path, n->line, n->col,
			    n->url);
			free(n->url);
			n->url = xstrdup("");
			continue;
		}
		if (n->type == DOC_IMAGE || S_absolute(n->url))
			continue;
		has_frag = pass_xref_split(n->url, &file, &frag);
		is_md = S_md_file(&file);
		if (!is_md && S_bare(&file)) {
			/* checked as the chapter it names, when it names
			 * one; else left as it is */
			buf_reset(&u);
			buf_put(&u, file.data, file.len);
			buf_puts(&u, ".md");
			if (has_frag) {
				buf_putc(&u, '#');
				buf_puts(&u, buf_cstr(&frag));
			}
			S_record(l, buf_cstr(&u), path, n->line, n->col, 1);
			continue;
		}
		if (n->url[0] == '#' || is_md)
			S_record(l, n->url, path, n->line, n->col, 0);
	}
	buf_free(&file);
	buf_free(&frag);
	buf_free(&u);
}

/* A MyST {term} link: the glossary page's entry, where there is a course
 * (and so a glossary page), from a page in a folder up to the root;
 * standalone, no link. */
static void
S_term(const struct xref_index *c, const char *path, struct doc_node *n)
{
	struct buf u = { 0 }, frag = { 0 };
	size_t k;
	int depth = 0;

	if (c != NULL) {
		buf_puts(&frag, "term-");
		pass_slug(n->url, &frag);
		for (k = 0; k < c->nch; k++)
			if (strcmp(c->ch[k].path, path) == 0) {
				depth = course_depth(c->ch[k].slug);
				break;
			}
		while (depth-- > 0)
			buf_puts(&u, "../");
		buf_printf(&u, "%s.html#", i18n(c->lang, I18N_GLOSSARY_FILE));
		esc_url_path(&u, buf_cstr(&frag), frag.len);
	}
	free(n->url);
	n->url = xstrdup(buf_cstr(&u));
	free(n->info);
	n->info = NULL;
	buf_free(&u);
	buf_free(&frag);
}

void
pass_xref(struct doc_node *root, const struct xref_index *c,
    const char *path, struct diag_list *dl)
{
	struct doc_node *n;
	struct buf u = { 0 }, file = { 0 }, frag = { 0 };
	long ci;
	int has_frag, is_md;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if ((n->type != DOC_LINK && n->type != DOC_IMAGE) ||
		    n->url == NULL)
			continue;
		if (n->info != NULL && strcmp(n->info, "term") == 0) {
			S_term(c, path, n);
			continue;
		}
		if (n->info != NULL && strcmp(n->info, "qref") == 0) {
			if (n->first != NULL && n->first->type == DOC_TEXT)
				S_qref(c, root, path, n, dl);
			continue;
		}
		if (n->info != NULL && strcmp(n->info, "ref") == 0) {
			if (c != NULL && n->url[0] == '#' &&
			    esc_url_safe(n->url))
				S_label(c, path, n);
			free(n->info);
			n->info = NULL;
		}
		if (!esc_url_safe(n->url)) {
			/* with an index, the scan warned already */
			if (c == NULL)
				diag_add(dl, DIAG_UNSAFE_URL, path, n->line,
				    n->col, n->url);
			free(n->url);
			n->url = xstrdup("");
			continue;
		}
		if (n->type == DOC_IMAGE || S_absolute(n->url))
			continue;
		has_frag = pass_xref_split(n->url, &file, &frag);
		is_md = S_md_file(&file);
		if (!is_md && S_bare(&file)) {
			/* rewritten as the chapter it names, when it names
			 * one; else left as it is */
			buf_reset(&u);
			buf_put(&u, file.data, file.len);
			buf_puts(&u, ".md");
			if (c == NULL || pass_xref_find(c, path, u.data,
			    u.len) == -1)
				continue;
			{
				struct buf t = file;

				file = u;
				u = t;
			}
			is_md = 1;
		}
		if (!is_md && n->url[0] != '#')
			continue;
		/* Rebuilt from the decoded parts, so "b%20c.md" and
		 * "b c.md" land alike and the result is encoded once. */
		buf_reset(&u);
		if (is_md) {
			/* the page of that chapter, from this one's folder
			 * (pages mirror the chapters' folders) */
			if (c != NULL && (ci = pass_xref_find(c, path,
			    file.data, file.len)) != -1)
				pass_xref_href(c, path, ci, &u);
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

void
pass_xref_check(const struct xref_index *c, struct xref_list *l,
    struct diag_list *dl)
{
	struct buf file = { 0 }, frag = { 0 };
	struct xref *x;
	size_t i;
	long ci;
	int has_frag;

	for (i = 0; i < l->n; i++) {
		x = &l->v[i];
		has_frag = pass_xref_split(x->target, &file, &frag);
		if (file.len == 0 && x->soft >= 2) {
			/* a {ref} label or a Quarto @sec-: in any chapter */
			if (pass_xref_label(c, x->file, frag.data) >= 0)
				continue;
			if (x->soft == 3)
				diag_add(dl, DIAG_QUARTO_REF, x->file,
				    x->line, x->col, frag.data);
			else
				diag_add(dl, DIAG_XREF_ANCHOR, x->file,
				    x->line, x->col, x->target, frag.data);
			continue;
		} else if (file.len == 0) {
			for (ci = 0; ci < (long)c->nch; ci++)
				if (strcmp(c->ch[ci].path, x->file) == 0)
					break;
		} else if ((ci = pass_xref_find(c, x->file, file.data,
		    file.len)) == XREF_LANDING)
			continue;	/* its anchors are not known */
		else if (ci < 0) {
			if (!x->soft)
				diag_add(dl, DIAG_XREF_CHAPTER, x->file,
				    x->line, x->col, x->target);
			continue;
		}
		if (has_frag && frag.len > 0 && ci < (long)c->nch &&
		    !pass_xref_has_anchor(c, (size_t)ci, frag.data))
			diag_add(dl, DIAG_XREF_ANCHOR, x->file, x->line, x->col,
			    x->target, frag.data);
	}
	buf_free(&file);
	buf_free(&frag);
	/* Checked: nothing reads them again. */
	pass_xref_list_free(l);
}
