/*
 * course — the project and its chapters (see course.h).
 */
#include "course.h"
#include "buf.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "i18n.h"
#include "md.h"
#include "mem.h"
#include "pass.h"
#include "theme.h"
#include "tmpl.h"
#include "xml.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*** Finding the chapters ***/

/* 1 when path is a symbolic link to nothing: where it would lead is not
 * known, so it is no part of the project. */
static int
S_dangling(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode) &&
	    access(path, F_OK) != 0;
}

static int
S_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists DIR's *.md files, sorted by name (bytes, so the order is the same
 * on every machine and locale). */
static int
S_list_md(const char *dir, char ***list, size_t *n, struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	size_t len;

	if ((d = opendir(dir)) == NULL) {
		diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, dir, "cannot list");
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 4 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		*list = xrealloc(*list, (*n + 1) * sizeof(**list));
		(*list)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*list, *n, sizeof(**list), S_cmp_str);
	return 0;
}

/* Finds the data documents: every .xml under DIR but the settings file
 * and the mailings' templates, in byte order of their paths. */
static void
S_list_xml(const char *root, const char *dir, const char *rel, char ***list,
    size_t *n, int depth, struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	char *full, *sub;
	size_t len;

	if (depth > 8 || (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		full = file_join(dir, e->d_name);
		sub = rel[0] ? file_join(rel, e->d_name) : xstrdup(e->d_name);
		len = strlen(e->d_name);
		if (file_is_dir(full) && file_inside(root, full) == 0)
			/* a linked folder of data elsewhere: said once, at
			 * the link, instead of at every file in it */
			diag_add(dl, DIAG_PATH_ESCAPE, full, 0, 0, full);
		else if (file_is_dir(full))
			S_list_xml(root, full, sub, list, n, depth + 1, dl);
		else if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0 &&
		    strcmp(e->d_name, "salesgen.xml") != 0) {
			*list = xrealloc(*list, (*n + 1) * sizeof(**list));
			(*list)[(*n)++] = sub;
			sub = NULL;
		}
		free(full);
		free(sub);
	}
	closedir(d);
	if (*n > 1)
		qsort(*list, *n, sizeof(**list), S_cmp_str);
}

static void
S_add_chapter(struct course *c, const char *rel)
{
	struct chapter *ch;
	const char *base = strrchr(rel, '/');
	size_t blen;

	base = base ? base + 1 : rel;
	blen = strlen(base);
	c->ch = xrealloc(c->ch, (c->nch + 1) * sizeof(*c->ch));
	ch = &c->ch[c->nch++];
	memset(ch, 0, sizeof(*ch));
	ch->path = file_join(c->content, rel);
	ch->file = xstrdup(base);
	ch->slug = xstrndup(base, blen > 3 && !strcmp(base + blen - 3, ".md") ?
	    blen - 3 : blen);
}

/* The title of a project that sets none: its folder's own name, from the
 * real path, never the path as typed ("/srv/courses/c1000", "./", "..")
 * that would publish where it was built.  The caller frees it. */
static char *
S_folder_name(const char *dir)
{
	char *real = realpath(dir, NULL), *name;
	const char *base;

	if (real == NULL || strcmp(real, "/") == 0) {
		free(real);
		return xstrdup("Cursus");
	}
	base = strrchr(real, '/');
	name = xstrdup(base != NULL ? base + 1 : real);
	free(real);
	return name;
}

struct course *
course_open(const char *dir, struct diag_list *dl)
{
	struct course *c = xcalloc(1, sizeof(*c));
	char **list = NULL, *cfg, *alt;
	size_t nlist = 0, i;
	int rc = 0, listed;

	c->dir = xstrdup(dir);
	c->lang = xstrdup("nl");
	/* 8 MiB of Markdown (some 800 chapters of 1,500 words) keep their
	 * trees, about 6 bytes of tree per byte of text; a larger course
	 * reparses the rest, so memory stops growing there. */
	c->budget = 8u << 20;
	c->site_edition = EDITION_STUDENT;
	if (!file_is_dir(dir)) {
		diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, dir, "not a directory");
		course_free(c);
		return NULL;
	}
	alt = file_join(dir, "content");
	c->content = file_is_dir(alt) ? alt : (free(alt), xstrdup(dir));
	if (file_inside(dir, c->content) == 0) {
		diag_add(dl, DIAG_PATH_ESCAPE, c->content, 0, 0, c->content);
		course_free(c);
		return NULL;
	}

	cfg = file_join(dir, "salesgen.xml");
	if (!file_is_reg(cfg)) {
		free(cfg);
		cfg = file_join(c->content, "salesgen.xml");
	}
	if (file_is_reg(cfg)) {
		rc = xml_config(cfg, c, &list, &nlist, dl);
		c->config = xstrdup(cfg);
	}
	free(cfg);

	listed = nlist > 0;
	if (rc == 0 && !listed)
		rc = S_list_md(c->content, &list, &nlist, dl);
	for (i = 0; rc == 0 && i < nlist; i++) {
		S_add_chapter(c, list[i]);
		if (listed && !file_is_reg(c->ch[c->nch - 1].path)) {
			diag_add(dl, DIAG_CONFIG_CHAPTER, NULL, 0, 0,
			    c->ch[c->nch - 1].path);
			rc = -1;
		}
	}
	for (i = 0; i < nlist; i++)
		free(list[i]);
	free(list);
	if (rc == 0) {
		char **xl = NULL;
		size_t nx = 0, k, m;

		S_list_xml(dir, c->content, "", &xl, &nx, 0, dl);
		for (k = 0; k < nx; k++) {
			for (m = 0; m < c->nmail; m++)
				if (strcmp(c->mail[m].tmpl, xl[k]) == 0)
					break;
			if (m == c->nmail) {
				c->docs = xrealloc(c->docs, (c->ndocs + 1) *
				    sizeof(*c->docs));
				memset(&c->docs[c->ndocs], 0,
				    sizeof(*c->docs));
				c->docs[c->ndocs++].path =
				    file_join(c->content, xl[k]);
			}
			free(xl[k]);
		}
		free(xl);
	}
	if (rc == 0 && diag_worst(dl) >= DIAG_ERROR)
		rc = -1;	/* a linked data folder */
	if (rc == 0 && c->nch == 0 && c->ndocs == 0) {
		diag_add(dl, DIAG_NO_CHAPTERS, NULL, 0, 0, c->content);
		rc = -1;
	}
	if (rc != 0) {
		course_free(c);
		return NULL;
	}
	if (c->title == NULL)
		c->title = S_folder_name(dir);
	return c;
}

void
course_free(struct course *c)
{
	size_t i, j;
	struct chapter *ch;

	if (c == NULL)
		return;
	for (i = 0; i < c->nch; i++) {
		ch = &c->ch[i];
		free(ch->path);
		free(ch->file);
		free(ch->slug);
		free(ch->title);
		free(ch->description);
		for (j = 0; j < ch->ntoc; j++) {
			free(ch->toc[j].number);
			free(ch->toc[j].title);
			free(ch->toc[j].id);
		}
		free(ch->toc);
		for (j = 0; j < ch->nanchors; j++)
			free(ch->anchors[j]);
		free(ch->anchors);
		doc_free(ch->tree);
	}
	free(c->ch);
	for (i = 0; i < c->ngloss; i++) {
		free(c->gloss[i].term);
		free(c->gloss[i].key);
		free(c->gloss[i].text);
		free(c->gloss[i].id);
		free(c->gloss[i].file);
	}
	free(c->gloss);
	for (i = 0; i < c->nxrefs; i++) {
		free(c->xrefs[i].target);
		free(c->xrefs[i].file);
	}
	free(c->xrefs);
	tmpl_ids_free(c->shell_ids);
	for (i = 0; i < c->ndocs; i++)
		datadoc_clear(&c->docs[i]);
	free(c->docs);
	for (i = 0; i < c->nmail; i++) {
		free(c->mail[i].tmpl);
		free(c->mail[i].rows);
	}
	free(c->mail);
	free(c->config);
	data_schema_free(c->schema);
	free(c->serif);
	free(c->sans);
	free(c->mono);
	for (i = 0; i < c->nhyphens; i++)
		free(c->hyphens[i]);
	free(c->hyphens);
	free(c->dir);
	free(c->content);
	free(c->title);
	free(c->subtitle);
	free(c->author);
	free(c->lang);
	free(c);
}

/* Folds "a/./b/../c" to "a/c"; returns NULL when ".." climbs above the
 * start.  The caller frees the result. */
static char *
S_normalize(const char *rel)
{
	struct buf b = { 0 };
	const char *p = rel, *e;
	size_t n, cut;

	while (*p) {
		e = strchr(p, '/');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (b.len == 0) {
				buf_free(&b);
				return NULL;
			}
			for (cut = b.len; cut > 0 && b.data[cut - 1] != '/'; cut--)
				;
			b.len = cut > 0 ? cut - 1 : 0;
			b.data[b.len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (b.len > 0)
				buf_putc(&b, '/');
			buf_put(&b, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
	return buf_detach(&b);
}

char *
course_asset(const struct course *c, const struct chapter *ch,
    const char *url, int line, int col, char **full, struct diag_list *dl)
{
	struct buf rel = { 0 };
	const char *slash = strrchr(ch->path, '/');
	char *norm = NULL, *src = NULL;
	size_t dlen;

	*full = NULL;
	if (url == NULL || url[0] == '\0' || url[0] == '#' ||
	    strchr(url, ':') != NULL || url[0] == '/')
		return NULL;	/* external, data: or absolute: not ours */
	/* The path relative to the project folder, decoded. */
	if (slash != NULL)
		buf_put(&rel, ch->path, (size_t)(slash - ch->path) + 1);
	esc_url_decode(&rel, url, strlen(url));
	dlen = strcmp(c->dir, ".") ? strlen(c->dir) : 0;
	if (dlen > 0 && strncmp(rel.data, c->dir, dlen) == 0 &&
	    rel.data[dlen] == '/')
		norm = S_normalize(rel.data + dlen + 1);
	else if (dlen == 0)
		norm = S_normalize(rel.data);
	buf_free(&rel);
	if (norm == NULL) {
		diag_add(dl, DIAG_PATH_ESCAPE, ch->path, line, col, url);
		return NULL;
	}
	src = file_join(c->dir, norm);
	/* A symbolic link, or a linked folder on the way, may still lead
	 * out; and what is out there, or not, is none of our business. */
	switch (file_where_in(c->dir, src)) {
	case FILE_OUT:
		diag_add(dl, DIAG_PATH_ESCAPE, ch->path, line, col, url);
		goto fail;
	case FILE_MISSING:
		diag_add(dl, DIAG_IMAGE_MISSING, ch->path, line, col, url);
		goto fail;
	case FILE_NOT_REG:
		/* a FIFO would hang the copy and the PDF, a device never end */
		diag_add(dl, DIAG_NOT_REGULAR, ch->path, line, col);
		goto fail;
	case FILE_IN:
		break;
	}
	*full = src;
	return norm;
fail:
	free(norm);
	free(src);
	return NULL;
}

/*** Parsing a chapter ***/

/* A chapter whose first heading is not a level-1 heading gets one from
 * its title, so every page and handout opens the same way and numbering
 * starts alike; its `##` headings are then its sections, and a later `#`
 * one too (pass_levels). */
static void
S_ensure_title(struct doc_node *root, const char *title)
{
	struct doc_node *n, *h, *t;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_HEADING) {
			if (n->level == 1)
				return;
			break;
		}
	h = doc_new(DOC_HEADING, 1, 1);
	h->level = 1;
	t = doc_new(DOC_TEXT, 1, 1);
	t->text = xstrdup(title);
	doc_append(h, t);
	h->parent = root;
	h->next = root->first;
	if (root->first)
		root->first->prev = h;
	else
		root->last = h;
	root->first = h;
}

/*
 * A chapter embeds a sales document by placing it like a picture:
 * "![](data/sellogram-hivis.xml)" alone in a paragraph.  The document is
 * rendered through its template and its blocks take the picture's place,
 * its title one level below the heading it stands under, so it is
 * numbered as part of the chapter.
 */
/* The schema for a document a chapter embeds, read on first use when
 * the course has no documents of its own.  Chapters are parsed on
 * several threads, hence the lock; the course is otherwise read-only
 * there. */
static pthread_mutex_t S_schema_lock = PTHREAD_MUTEX_INITIALIZER;

static const struct data_schema *
S_embed_schema(const struct course *c, struct diag_list *dl)
{
	struct course *mc = (struct course *)c;
	const struct data_schema *s;

	pthread_mutex_lock(&S_schema_lock);
	if (mc->schema == NULL && !mc->schema_failed &&
	    (mc->schema = data_schema_new(mc->theme, dl)) == NULL)
		mc->schema_failed = 1;
	s = mc->schema;
	pthread_mutex_unlock(&S_schema_lock);
	return s;
}

static void
S_embed(const struct course *c, const struct chapter *ch,
    struct doc_node *root, struct diag_list *dl)
{
	struct doc_node *n, *nx, *img, *sub, *b, *bn;
	struct datadoc d;
	const struct data_schema *schema;
	char *full, *rel, *src;
	size_t len, ulen;
	int level = 1, shift;

	if (c->theme == NULL)
		return;
	for (n = root->first; n != NULL; n = nx) {
		nx = n->next;
		if (n->type == DOC_HEADING)
			level = n->level;
		if (n->type != DOC_FIGURE || (img = n->first) == NULL ||
		    img->url == NULL || (ulen = strlen(img->url)) < 5 ||
		    strcmp(img->url + ulen - 4, ".xml") != 0)
			continue;
		if ((rel = course_asset(c, ch, img->url, img->line, img->col,
		    &full, dl)) == NULL)
			continue;
		free(rel);
		sub = NULL;
		src = NULL;
		if ((schema = S_embed_schema(c, dl)) != NULL &&
		    (src = file_read_in(c->dir, full, &len, dl)) != NULL &&
		    datadoc_load(&d, src, len, full, c->dir, schema,
		    dl) == 0)
			sub = datadoc_doc(&d, c->theme, NULL, dl);
		if (src != NULL)
			datadoc_clear(&d);
		free(src);
		free(full);
		if (sub == NULL)
			continue;
		shift = level;
		for (b = sub->first; b != NULL; b = bn) {
			bn = b->next;
			doc_unlink(b);
			if (b->type == DOC_HEADING)
				b->level = b->level + shift > 6 ? 6 :
				    b->level + shift;
			/* before n, in order */
			b->parent = root;
			b->next = n;
			b->prev = n->prev;
			if (n->prev)
				n->prev->next = b;
			else
				root->first = b;
			n->prev = b;
		}
		doc_free(sub);
		doc_unlink(n);
		doc_free(n);
	}
}

/* Reads and parses chapter i, applying the passes every sweep shares. */
static struct doc_node *
S_parse(const struct course *c, size_t i, struct md_meta *meta,
    struct diag_list *dl)
{
	const struct chapter *ch = &c->ch[i];
	struct md_opts opts = { c->raw_html };
	struct doc_node *root;
	char *src;
	size_t len;

	if ((src = file_read_in(c->dir, ch->path, &len, dl)) == NULL)
		return NULL;
	((struct chapter *)ch)->srclen = len;
	root = md_parse(src, len, ch->path, &opts, meta, dl);
	free(src);
	if (root == NULL)
		return NULL;
	S_ensure_title(root, meta->title ? meta->title :
	    ch->title ? ch->title : ch->slug);
	pass_levels(root, ch->path, dl);
	S_embed(c, ch, root, dl);
	return root;
}

/* Pictures are checked with everything else, before anything is written:
 * a picture outside the project stops the build, a missing one warns. */
static void
S_check_assets(const struct course *c, const struct chapter *ch,
    struct doc_node *root, struct diag_list *dl)
{
	struct doc_node *n;
	char *full, *rel;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_IMAGE)
			continue;
		rel = course_asset(c, ch, n->url, n->line, n->col, &full, dl);
		free(rel);
		free(full);
	}
}

static int
S_cmp_order(const void *a, const void *b)
{
	const struct chapter *x = a, *y = b;

	/* Chapters with an explicit order come first, by that order; the
	 * rest keep the file-name order (ties too: index is the key). */
	if (x->has_order != y->has_order)
		return x->has_order ? -1 : 1;
	if (x->has_order && x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->number < y->number ? -1 : x->number > y->number;
}

/* Front matter `order:` may reorder chapters; read it before numbering. */
static int
S_read_order(struct course *c, struct diag_list *dl)
{
	struct md_meta meta;
	size_t i, body, len;
	int lines, any = 0, rc = 0;
	char *src;

	for (i = 0; i < c->nch; i++) {
		c->ch[i].number = (int)i;
		if ((src = file_read_in(c->dir, c->ch[i].path, &len,
		    dl)) == NULL) {
			rc = -1;
			continue;
		}
		memset(&meta, 0, sizeof(meta));
		if (md_front(src, len, c->ch[i].path, &meta, &body, &lines,
		    dl) != 0)
			rc = -1;
		c->ch[i].order = meta.order;
		c->ch[i].has_order = meta.has_order;
		any |= meta.has_order;
		md_meta_clear(&meta);
		free(src);
	}
	if (any)
		qsort(c->ch, c->nch, sizeof(*c->ch), S_cmp_order);
	return rc;
}

/* The scan's parallel part: each thread takes the next chapter, parses it,
 * numbers it and finds its terms and links (and hands the tree to the
 * course's hook).  Whatever touches the course as a whole (glossary,
 * links) happens afterwards, in chapter order. */
struct scan_ch {
	struct diag_list	*dl;	/* the parse's */
	struct diag_list	*xdl;	/* the links', after the terms' */
	struct gloss_entry	*gloss;
	size_t			 ngloss;
	struct xref		*xrefs;
	size_t			 nxrefs;
	int			 failed;
};

struct scan {
	struct course		*c;
	pthread_mutex_t		 lock;
	size_t			 next;
	struct scan_ch		*ch;	/* per chapter */
};

static void *
S_scan_worker(void *arg)
{
	struct scan *sc = arg;
	struct course *c = sc->c, links;
	struct md_meta meta;
	struct doc_node *root, *copy;
	struct chapter *ch;
	struct scan_ch *r;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&sc->lock);
		i = sc->next++;
		pthread_mutex_unlock(&sc->lock);
		if (i >= c->nch)
			break;
		ch = &c->ch[i];
		r = &sc->ch[i];
		if ((root = S_parse(c, i, &meta, r->dl)) == NULL) {
			r->failed = 1;
			continue;
		}
		if (meta.title != NULL)
			ch->title = xstrdup(meta.title);
		if (meta.description != NULL)
			ch->description = xstrdup(meta.description);
		pass_number_taken(root, ch->number, ch,
		    (const char *const *)c->shell_ids);
		S_check_assets(c, ch, root, r->dl);
		md_meta_clear(&meta);
		pass_gloss_find(root, ch->path, i, &r->gloss, &r->ngloss);
		/* The links are recorded into a course of their own, which
		 * pass_xref() uses for nothing else when collecting. */
		memset(&links, 0, sizeof(links));
		pass_xref(root, &links, ch->path, 1, r->xdl);
		r->xrefs = links.xrefs;
		r->nxrefs = links.nxrefs;
		if (c->hook != NULL && c->budget > 0) {
			/* the tree may be kept for another back end */
			copy = doc_clone(root);
			c->hook(c->hook_arg, c, i, copy, r->dl);
			doc_free(copy);
		} else if (c->hook != NULL) {
			c->hook(c->hook_arg, c, i, root, r->dl);
			doc_free(root);
			root = NULL;
		}
		ch->tree = root;
	}
	return NULL;
}

/* Loads and validates the sales documents; the documents' own arithmetic
 * is checked too (a pitch too long warns, a price below cost fails),
 * before anything is written. */
static int
S_scan_docs(struct course *c, struct theme *th, struct diag_list *dl)
{
	struct data_schema *schema;
	struct doc_node *root;
	char *src, *path;
	size_t i, len;
	int rc = 0;

	/* a course without documents does without the schema, unless a
	 * chapter embeds one (S_embed_schema) */
	if (c->ndocs == 0)
		return 0;
	if ((schema = c->schema = data_schema_new(th, dl)) == NULL)
		return -1;
	for (i = 0; i < c->ndocs; i++) {
		path = c->docs[i].path;
		c->docs[i].path = NULL;
		if ((src = file_read_in(c->dir, path, &len, dl)) == NULL ||
		    datadoc_load(&c->docs[i], src, len, path, c->dir, schema,
		    dl) != 0)
			rc = -1;
		else if ((root = datadoc_doc(&c->docs[i], th, NULL,
		    dl)) == NULL)
			rc = -1;
		else
			doc_free(root);
		if (c->docs[i].path == NULL)
			c->docs[i].path = xstrdup(path);
		free(src);
		free(path);
	}
	return rc;
}

/* What is wrong with the project's files as a whole, before any is read:
 * a chapter whose page the site writes itself (index.html, the glossary)
 * would vanish under it, and the files of a mailing must be the
 * project's own regular files, checked here so that a build stops before
 * it writes anything.  Returns 0 or -1 after diagnostics. */
static int
S_check_files(const struct course *c, struct diag_list *dl)
{
	const char *own[2];
	char *p;
	size_t i, k, m;
	int rc = 0;

	own[0] = "index";
	own[1] = i18n(c->lang, I18N_GLOSSARY_FILE);
	for (i = 0; i < c->nch; i++)
		for (k = 0; k < 2; k++)
			if (strcmp(c->ch[i].slug, own[k]) == 0) {
				struct buf page = { 0 };

				buf_printf(&page, "%s.html", own[k]);
				diag_add(dl, DIAG_PAGE_CLASH, c->ch[i].path,
				    0, 0, c->ch[i].file, page.data);
				buf_free(&page);
				rc = -1;
			}
	for (m = 0; m < c->nmail; m++)
		for (k = 0; k < 2; k++) {
			p = file_join(c->content, k ? c->mail[m].rows :
			    c->mail[m].tmpl);
			if (file_inside(c->dir, p) == 0 || S_dangling(p)) {
				diag_add(dl, DIAG_PATH_ESCAPE, p, 0, 0, p);
				rc = -1;
			} else if (access(p, F_OK) == 0 && !file_is_reg(p) &&
			    !file_is_dir(p)) {
				diag_add(dl, DIAG_NOT_REGULAR, p, 0, 0);
				rc = -1;
			}
			free(p);
		}
	return rc;
}

/* The ids a chapter page's shell writes itself (page.html's id="main"),
 * read from the shell this project uses, not listed here: a project's own
 * page.html may use others.  Headings are numbered around them. */
static void
S_shell_ids(struct course *c, struct theme *th)
{
	static const char *const shells[] = { "site/page.html",
	    "site/nav-item.html" };
	const char *src, *path;
	char **v = xcalloc(1, sizeof(*v)), **w;
	size_t len, k, i, n = 0;

	for (k = 0; th != NULL && k < sizeof(shells) / sizeof(*shells); k++) {
		if ((src = theme_get(th, shells[k], &path, &len)) == NULL)
			continue;
		w = tmpl_ids(src, len);
		for (i = 0; w[i] != NULL; i++) {
			v = xrealloc(v, (n + 2) * sizeof(*v));
			v[n++] = w[i];
			v[n] = NULL;
		}
		free(w);
	}
	tmpl_ids_free(c->shell_ids);
	c->shell_ids = v;
}

int
course_scan(struct course *c, struct theme *th, int jobs,
    struct diag_list *dl)
{
	struct scan sc;
	struct chapter *ch;
	struct xref *x;
	struct buf file = { 0 }, frag = { 0 };
	const char *slash, *base;
	pthread_t tid[64];
	size_t i, blen, kept = 0;
	long ci;
	int rc = 0, has_frag, k, started = 0;

	c->theme = th;
	if (S_check_files(c, dl) != 0)
		return -1;
	S_shell_ids(c, th);
	if (S_read_order(c, dl) != 0)
		return -1;
	if (S_scan_docs(c, th, dl) != 0)
		rc = -1;
	memset(&sc, 0, sizeof(sc));
	sc.c = c;
	pthread_mutex_init(&sc.lock, NULL);
	sc.ch = xcalloc(c->nch + 1, sizeof(*sc.ch));
	for (i = 0; i < c->nch; i++) {
		c->ch[i].number = (int)i + 1;
		sc.ch[i].dl = diag_list_new();
		sc.ch[i].dl->strict = dl->strict;
		sc.ch[i].xdl = diag_list_new();
		sc.ch[i].xdl->strict = dl->strict;
	}
	if (jobs > 64)
		jobs = 64;
	for (k = 1; k < jobs; k++)
		if (pthread_create(&tid[k], NULL, S_scan_worker, &sc) == 0)
			started = k;
		else
			break;
	S_scan_worker(&sc);
	for (k = 1; k <= started; k++)
		pthread_join(tid[k], NULL);
	pthread_mutex_destroy(&sc.lock);

	for (i = 0; i < c->nch; i++) {
		struct scan_ch *r = &sc.ch[i];

		ch = &c->ch[i];
		diag_move(dl, r->dl);
		diag_list_free(r->dl);
		if (r->failed)
			rc = -1;
		else {
			pass_gloss_add(c, r->gloss, r->ngloss, dl);
			diag_move(dl, r->xdl);
			if (c->nxrefs + r->nxrefs > c->xcap) {
				while (c->nxrefs + r->nxrefs > c->xcap)
					c->xcap = c->xcap ? c->xcap * 2 : 64;
				c->xrefs = xrealloc(c->xrefs, c->xcap *
				    sizeof(*c->xrefs));
			}
			if (r->nxrefs > 0)
				memcpy(c->xrefs + c->nxrefs, r->xrefs,
				    r->nxrefs * sizeof(*r->xrefs));
			c->nxrefs += r->nxrefs;
		}
		free(r->gloss);
		free(r->xrefs);
		diag_list_free(r->xdl);
		if (ch->tree == NULL)
			continue;
		/* Keep what the budget allows; reparse the rest later. */
		if (kept + ch->srclen <= c->budget)
			kept += ch->srclen;
		else {
			doc_free(ch->tree);
			ch->tree = NULL;
		}
	}
	free(sc.ch);
	pass_gloss_sort(c);

	/* Every link between chapters must land. */
	for (i = 0; i < c->nxrefs; i++) {
		x = &c->xrefs[i];
		has_frag = pass_xref_split(x->target, &file, &frag);
		if (file.len == 0) {
			for (ci = 0; ci < (long)c->nch; ci++)
				if (strcmp(c->ch[ci].path, x->file) == 0)
					break;
		} else {
			slash = strrchr(file.data, '/');
			base = slash ? slash + 1 : file.data;
			blen = file.len - (size_t)(base - file.data);
			if ((ci = course_find_chapter(c, base, blen)) < 0) {
				diag_add(dl, DIAG_XREF_CHAPTER, x->file,
				    x->line, x->col, x->target);
				continue;
			}
		}
		if (has_frag && frag.len > 0 && ci < (long)c->nch &&
		    !course_has_anchor(c, (size_t)ci, frag.data))
			diag_add(dl, DIAG_XREF_ANCHOR, x->file, x->line, x->col,
			    x->target, frag.data);
	}
	buf_free(&file);
	buf_free(&frag);
	/* Checked: nothing reads them again. */
	for (i = 0; i < c->nxrefs; i++) {
		free(c->xrefs[i].target);
		free(c->xrefs[i].file);
	}
	free(c->xrefs);
	c->xrefs = NULL;
	c->nxrefs = c->xcap = 0;
	if (diag_worst(dl) >= DIAG_ERROR)
		rc = -1;
	return rc;
}

struct doc_node *
course_chapter_doc(const struct course *c, size_t i, enum edition e,
    struct diag_list *dl)
{
	struct md_meta meta;
	struct doc_node *root;
	struct diag_list *quiet;

	if (c->ch[i].tree != NULL)
		root = doc_clone(c->ch[i].tree);
	else {
		/* The scan already reported this file's problems; a second
		 * copy of each would only be noise. */
		quiet = diag_list_new();
		root = S_parse(c, i, &meta, quiet);
		if (root == NULL)
			diag_move(dl, quiet);
		diag_list_free(quiet);
		if (root == NULL)
			return NULL;
		md_meta_clear(&meta);
		pass_number_taken(root, c->ch[i].number, NULL,
		    (const char *const *)c->shell_ids);
	}
	pass_xref(root, (struct course *)c, c->ch[i].path, 0, dl);
	pass_edition(root, e);
	return root;
}

long
course_find_chapter(const struct course *c, const char *file, size_t n)
{
	size_t i;

	for (i = 0; i < c->nch; i++)
		if (strlen(c->ch[i].file) == n &&
		    strncmp(c->ch[i].file, file, n) == 0)
			return (long)i;
	return -1;
}

int
course_has_anchor(const struct course *c, size_t i, const char *id)
{
	const struct chapter *ch = &c->ch[i];

	return ch->nanchors > 0 && bsearch(&id, ch->anchors, ch->nanchors,
	    sizeof(char *), S_cmp_str) != NULL;
}
