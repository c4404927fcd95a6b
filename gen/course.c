/*
 * course — the project and its chapters (see course.h).
 */
#include "course.h"
#include "buf.h"
#include "datadoc.h"
#include "esc.h"
#include "file.h"
#include "i18n.h"
#include "img.h"
#include "md.h"
#include "mem.h"
#include "pass.h"
#include "prep.h"
#include "progress.h"
#include "pool.h"
#include "theme.h"
#include "tmpl.h"
#include "toc.h"
#include "xml.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pthread.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* 1 for a folder or file that is no part of the course: hidden ones,
 * other tools' build output and package folders, salesgen's own out/. */
static int
S_skipped(const char *name)
{
	return name[0] == '.' || strcmp(name, "_build") == 0 ||
	    strcmp(name, "node_modules") == 0 || strcmp(name, "out") == 0;
}

/* Lists the *.md files under DIR/rel at any depth (paths relative to DIR),
 * sorted by path (bytes, so the order is the same on every machine and
 * locale).  A bare project (top) leaves out its templates/ and the other
 * tools' output folders beside their settings (MkDocs's site/, mdBook's
 * book/) too, and
 * nothing is taken through a linked folder that leads elsewhere. */
static int
S_list_md(const char *root, const char *dir, const char *rel, int top,
    char ***list, size_t *n, int depth, struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	char *full, *sub;
	size_t len;

	if (depth > 8)
		return 0;
	full = rel[0] ? file_join(dir, rel) : xstrdup(dir);
	d = opendir(full);
	if (d == NULL) {
		if (depth == 0)
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, dir,
			    "cannot list");
		free(full);
		return depth == 0 ? -1 : 0;
	}
	free(full);
	while ((e = readdir(d)) != NULL) {
		if (S_skipped(e->d_name) || (top && depth == 0 &&
		    (strcmp(e->d_name, "templates") == 0 ||
		    strcmp(e->d_name, "site") == 0 ||
		    strcmp(e->d_name, "book") == 0)))
			continue;
		sub = rel[0] ? file_join(rel, e->d_name) : xstrdup(e->d_name);
		full = file_join(dir, sub);
		len = strlen(e->d_name);
		if (file_is_dir(full)) {
			if (file_inside(root, full) == 1)
				S_list_md(root, dir, sub, top, list, n,
				    depth + 1, dl);
		} else if ((len >= 4 && strcmp(e->d_name + len - 3, ".md") == 0) ||
		    (len >= 5 && strcmp(e->d_name + len - 4, ".mdx") == 0)) {
			/* MDX is Markdown and JSX: md_compat.c flattens the
			 * JSX */
			*list = xrealloc(*list, (*n + 1) * sizeof(**list));
			(*list)[(*n)++] = sub;
			sub = NULL;
		}
		free(full);
		free(sub);
	}
	closedir(d);
	if (depth == 0 && *n > 1)
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
	const char *base = file_base(rel);
	size_t blen;

	blen = strlen(base);
	c->ch = xrealloc(c->ch, (c->nch + 1) * sizeof(*c->ch));
	ch = &c->ch[c->nch++];
	memset(ch, 0, sizeof(*ch));
	ch->path = file_join(c->content, rel);
	ch->file = xstrdup(base);
	blen = strlen(rel);
	ch->slug = xstrndup(rel, blen > 3 && !strcmp(rel + blen - 3, ".md") ?
	    blen - 3 : blen > 4 && !strcmp(rel + blen - 4, ".mdx") ?
	    blen - 4 : blen);
	ch->part = -1;
}

/* The project-relative path p as a path under content/ (crel is content/
 * relative to the project folder, "" for a bare project), or NULL. */
static const char *
S_under(const char *crel, const char *p)
{
	size_t n = strlen(crel);

	if (n == 0)
		return p;
	return strncmp(p, crel, n) == 0 && p[n] == '/' ? p + n + 1 : NULL;
}

static long
S_index_of(char **list, size_t n, const char *rel)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] != NULL && strcmp(list[i], rel) == 0)
			return (long)i;
	return -1;
}

/* path (a chapter's, as file_join() made it) relative to content/. */
static const char *
S_in_content(const struct course *c, const char *path)
{
	size_t n = c->content ? strlen(c->content) : 0;

	if (n > 0 && strncmp(path, c->content, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

/* The chapters of a project without <chapters>: every .md under content/
 * but the landing page (a root index.md, else README.md) and Hugo's
 * _index.md (a section's title, read by course_scan()), in the order of
 * another tool's table of contents when there is one (the files it does
 * not name are left out, each with a note), else sorted later by
 * S_read_order(). */
static int
S_find_chapters(struct course *c, struct diag_list *dl)
{
	char **list = NULL;
	size_t n = 0, i, k, dlen;
	const char *crel, *rel;
	struct toc t;
	long at;
	int rc, *partmap = NULL;

	if (S_list_md(c->dir, c->content, "", strcmp(c->dir, c->content) == 0,
	    &list, &n, 0, dl) != 0)
		return -1;
	/* content/ relative to the project folder: "" when they are one */
	dlen = strcmp(c->dir, ".") == 0 ? 0 : strlen(c->dir);
	if (strcmp(c->dir, c->content) == 0)
		crel = "";
	else if (dlen > 0 && strncmp(c->content, c->dir, dlen) == 0 &&
	    c->content[dlen] == '/')
		crel = c->content + dlen + 1;
	else
		crel = c->content;
	if ((at = S_index_of(list, n, "index.md")) < 0)
		at = S_index_of(list, n, "README.md");
	if ((rc = toc_read(c->dir, c->content, &t, dl)) < 0)
		goto done;
	if (rc == 1 && t.root != NULL && (rel = S_under(crel, t.root)) != NULL &&
	    S_index_of(list, n, rel) >= 0)
		at = S_index_of(list, n, rel);
	if (at >= 0) {
		c->landing = file_join(c->content, list[at]);
		for (k = 0; k < n; k++)
			if (k != (size_t)at && (strcmp(list[k], "index.md") == 0 ||
			    strcmp(list[k], "README.md") == 0)) {
				char *p = file_join(c->content, list[k]);

				diag_add(dl, DIAG_LANDING_ONLY, p, 0, 0,
				    list[k], list[at]);
				free(p);
				free(list[k]);
				list[k] = NULL;
			}
		free(list[at]);
		list[at] = NULL;
	}
	for (k = 0; k < n; k++) {
		if (list[k] == NULL)
			continue;
		if (strcmp(file_base(list[k]), "_index.md") == 0 ||
		    (rc == 1 && strcmp(list[k], "SUMMARY.md") == 0)) {
			free(list[k]);
			list[k] = NULL;
		}
	}
	if (rc == 0) {
		for (k = 0; k < n; k++)
			if (list[k] != NULL)
				S_add_chapter(c, list[k]);
		c->sort_paths = 1;
		c->order_source = xstrdup("front matter, numeric prefixes and "
		    "paths");
		goto done;
	}
	/* The table's order and parts; what it leaves out stays out. */
	partmap = xcalloc(t.nparts + 1, sizeof(*partmap));
	for (k = 0; k < t.nparts; k++)
		partmap[k] = -1;
	for (i = 0; i < t.n; i++) {
		rel = S_under(crel, t.v[i].path);
		if (rel != NULL && c->landing != NULL &&
		    strcmp(S_in_content(c, c->landing), rel) == 0)
			continue;
		if (rel == NULL || (at = S_index_of(list, n, rel)) < 0) {
			/* not there, named twice, or not under content/ */
			diag_add(dl, DIAG_TOC_ENTRY, t.file, t.v[i].line,
			    t.v[i].col, t.v[i].path);
			continue;
		}
		S_add_chapter(c, list[at]);
		free(list[at]);
		list[at] = NULL;
		if (t.v[i].part >= 0) {
			if (partmap[t.v[i].part] < 0) {
				c->parts = xrealloc(c->parts, (c->nparts + 1) *
				    sizeof(*c->parts));
				c->parts[c->nparts].title =
				    xstrdup(t.parts[t.v[i].part]);
				c->parts[c->nparts].dir = NULL;
				partmap[t.v[i].part] = (int)c->nparts++;
			}
			c->ch[c->nch - 1].part = partmap[t.v[i].part];
		}
	}
	for (k = 0; k < n; k++)
		if (list[k] != NULL) {
			char *p = file_join(c->content, list[k]);

			diag_add(dl, DIAG_TOC_LEFT_OUT, p, 0, 0, list[k],
			    t.file);
			free(p);
		}
	{
		struct buf b = { 0 };

		buf_printf(&b, "%s (%s)", t.kind, t.file);
		c->order_source = buf_detach(&b);
	}
	rc = 0;
done:
	free(partmap);
	toc_clear(&t);
	for (k = 0; k < n; k++)
		free(list[k]);
	free(list);
	return rc < 0 ? -1 : 0;
}

/* The title a Markdown file gives itself: its front matter's title, else
 * its first ATX heading ("# Titel"), without code marks.  Returns a new
 * string, or NULL when it has neither or cannot be read (said later, when
 * it is read for good). */
static char *
S_file_title(const char *dir, const char *path)
{
	struct diag_list *quiet = diag_list_new();
	struct md_meta meta;
	struct buf b = { 0 };
	const char *p, *e, *end;
	char *src, *title = NULL;
	size_t len, body;
	int lines;

	memset(&meta, 0, sizeof(meta));
	if ((src = file_read_in(dir, path, &len, quiet)) != NULL &&
	    md_front(src, len, path, &meta, &body, &lines, quiet) == 0) {
		if (meta.title != NULL)
			title = xstrdup(meta.title);
		end = src + len;
		for (p = src + body; title == NULL && p < end; p = e + 1) {
			if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
				e = end;
			if (e - p < 3 || p[0] != '#' || p[1] != ' ')
				continue;
			for (p += 2; p < e && *p == ' '; p++)
				;
			while (e > p && (e[-1] == ' ' || e[-1] == '\r' ||
			    e[-1] == '#'))
				e--;
			for (; p < e; p++)
				if (*p != '`')
					buf_putc(&b, *p);
			if (b.len > 0)
				title = buf_detach(&b);
			break;
		}
	}
	buf_free(&b);
	md_meta_clear(&meta);
	free(src);
	diag_list_free(quiet);
	return title;
}

/* A folder's name as a title: "02-verkoopgesprek" is "Verkoopgesprek",
 * "deel_1" is "Deel 1". */
static char *
S_pretty(const char *name)
{
	const char *p = name;
	char *t, *q;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p > name && (*p == '-' || *p == '_' || *p == '.' || *p == ' ') &&
	    p[1] != '\0')
		p++;
	else
		p = name;
	t = xstrdup(p);
	for (q = t; *q; q++)
		if (*q == '-' || *q == '_')
			*q = ' ';
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

/* The title of a project that sets none: its folder's own name, from the
 * real path, never the path as typed ("/srv/courses/c1000", "./", "..")
 * that would publish where it was built.  The caller frees it. */
static char *
S_folder_name(const char *dir)
{
	char *real = realpath(dir, NULL), *name;

	if (real == NULL || strcmp(real, "/") == 0) {
		free(real);
		return xstrdup("Cursus");
	}
	name = xstrdup(file_base(real));
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
	/* content/, else the folder another tool keeps its pages in (MkDocs's
	 * docs/, mdBook's src/), else the project folder itself */
	alt = file_join(dir, "content");
	if (file_is_dir(alt))
		c->content = alt;
	else {
		free(alt);
		c->content = toc_content_dir(dir, dl);
		if (c->content == NULL)
			c->content = xstrdup(dir);
	}
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
		rc = S_find_chapters(c, dl);
	else if (rc == 0)
		c->order_source = xstrdup(c->config);
	if (rc == 0 && c->order_source != NULL && dl->verbose)
		diag_add(dl, DIAG_ORDER_SOURCE, NULL, 0, 0, c->order_source);
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
	if (c->title == NULL && c->landing != NULL)
		c->title = S_file_title(c->dir, c->landing);
	if (c->title == NULL)
		c->title = S_folder_name(dir);
	return c;
}

/* The order pass's front matter of a chapter, freed; NULL is a no-op. */
static void
S_front_free(struct md_front_done *f)
{
	if (f == NULL)
		return;
	md_meta_clear(&f->meta);
	free(f);
}

/* What the scan learnt of chapter ch, forgotten (course_rescan(),
 * course_free()). */
static void
S_chapter_unscan(struct chapter *ch)
{
	size_t j;

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
	for (j = 0; j < ch->nreg; j++)
		free(ch->reg[j]);
	free(ch->reg);
	free(ch->src);
	S_front_free(ch->front);
	ch->front = NULL;
	free(ch->lang);
	doc_free(ch->tree);
	for (j = 0; j < ch->nembeds; j++)
		free(ch->embeds[j]);
	free(ch->embeds);
	ch->embeds = NULL;
	ch->nembeds = 0;
	ch->title = ch->description = ch->src = ch->lang = NULL;
	ch->toc = NULL;
	ch->anchors = ch->reg = NULL;
	ch->ntoc = ch->nanchors = ch->nreg = 0;
	ch->tree = NULL;
}

/* The strings of a glossary entry, freed. */
static void
S_gloss_clear(struct gloss_entry *g)
{
	free(g->term);
	free(g->key);
	free(g->text);
	free(g->id);
	free(g->file);
}

void
course_free(struct course *c)
{
	size_t i;
	struct chapter *ch;

	if (c == NULL)
		return;
	for (i = 0; i < c->nch; i++) {
		ch = &c->ch[i];
		free(ch->path);
		free(ch->file);
		free(ch->slug);
		S_chapter_unscan(ch);
	}
	free(c->ch);
	for (i = 0; i < c->nparts; i++) {
		free(c->parts[i].title);
		free(c->parts[i].dir);
	}
	free(c->parts);
	free(c->landing);
	free(c->order_source);
	for (i = 0; i < c->ngloss; i++)
		S_gloss_clear(&c->gloss[i]);
	free(c->gloss);
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

char *
course_asset(const struct course *c, const struct chapter *ch,
    const char *url, int line, int col, char **full, struct diag_list *dl)
{
	return course_file(c, ch, url, line, col, DIAG_IMAGE_MISSING, full,
	    dl);
}

int
course_linked_file(const char *url)
{
	const char *end, *slash, *dot;
	size_t n;

	if (url == NULL || url[0] == '\0' || url[0] == '#' ||
	    strncmp(url, "//", 2) == 0 || strchr(url, ':') != NULL)
		return 0;
	n = strcspn(url, "#?");
	end = url + n;
	for (slash = end; slash > url && slash[-1] != '/'; slash--)
		;
	dot = memchr(slash, '.', (size_t)(end - slash));
	/* .html is a page: a chapter's, as pass_xref() made it */
	return dot != NULL && end[-1] != '/' && url[n] != '?' &&
	    !(end - url >= 3 && strncmp(end - 3, ".md", 3) == 0) &&
	    !(end - url >= 5 && strncmp(end - 5, ".html", 5) == 0) &&
	    !(end - url >= 4 && strncmp(end - 4, ".htm", 4) == 0);
}

/* The file at rel (a path that starts with c->dir, as ch->path does),
 * relative to the project folder and folded, or NULL when it climbs out
 * of the project by its name. */
static char *
S_rel_norm(const struct course *c, const char *rel)
{
	size_t dlen = strcmp(c->dir, ".") ? strlen(c->dir) : 0;

	if (dlen > 0 && strncmp(rel, c->dir, dlen) == 0 && rel[dlen] == '/')
		return file_fold(rel + dlen + 1);
	if (dlen == 0)
		return file_fold(rel);
	return NULL;
}

/*
 * A path from the site's root ("/img/trechter.png"), as Docusaurus, Hugo,
 * VitePress, Quarto and MkDocs courses write them: the folders the tools
 * serve as that root, in this order: the content folder, static/
 * (Docusaurus, Hugo), public/ (VitePress, Vite) and the project folder
 * (Quarto, Jupyter Book).  The first that holds the file wins; when none
 * does, the first is the one reported missing.
 */
static char *
S_rooted(const struct course *c, const char *url, struct buf *rel)
{
	static const char *const under[] = { "static", "public", "" };
	char *base, *norm, *src, *first = NULL;
	size_t i;
	int w;

	for (i = 0; i <= sizeof(under) / sizeof(under[0]); i++) {
		base = i == 0 ? xstrdup(c->content) : under[i - 1][0] ?
		    file_join(c->dir, under[i - 1]) : xstrdup(c->dir);
		buf_reset(rel);
		if (strcmp(base, ".") != 0) {
			buf_puts(rel, base);
			buf_putc(rel, '/');
		}
		free(base);
		esc_url_decode(rel, url + 1, strcspn(url + 1, "#"));
		if ((norm = S_rel_norm(c, buf_cstr(rel))) == NULL)
			break;		/* climbs out: said by the caller */
		src = file_join(c->dir, norm);
		w = file_where_in(c->dir, src);
		free(src);
		free(norm);
		if (w != FILE_MISSING) {
			free(first);
			return NULL;	/* this one: rel holds it */
		}
		if (first == NULL)
			first = xstrdup(buf_cstr(rel));
	}
	if (first != NULL) {
		buf_reset(rel);
		buf_puts(rel, first);
	}
	return first;
}

char *
course_file(const struct course *c, const struct chapter *ch,
    const char *url, int line, int col, enum diag_code missing, char **full,
    struct diag_list *dl)
{
	struct buf rel = { 0 };
	char *norm = NULL, *src = NULL;

	*full = NULL;
	if (url == NULL || url[0] == '\0' || url[0] == '#' ||
	    strchr(url, ':') != NULL || strncmp(url, "//", 2) == 0)
		return NULL;	/* external, data: or another host: not ours */
	/* The path relative to the project folder, decoded. */
	if (url[0] == '/')
		free(S_rooted(c, url, &rel));
	else {
		buf_put(&rel, ch->path, (size_t)(file_base(ch->path) -
		    ch->path));
		esc_url_decode(&rel, url, strcspn(url, "#"));
	}
	norm = S_rel_norm(c, buf_cstr(&rel));
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
		diag_add(dl, missing, ch->path, line, col, url);
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

/* Puts b, unlinked, before n, a block of root. */
static void
S_insert_before(struct doc_node *root, struct doc_node *n,
    struct doc_node *b)
{
	b->parent = root;
	b->next = n;
	b->prev = n->prev;
	if (n->prev)
		n->prev->next = b;
	else
		root->first = b;
	n->prev = b;
}

/* The level of the highest heading among root's blocks (7: none). */
static int
S_top_level(const struct doc_node *root)
{
	const struct doc_node *b;
	int top = 7;

	for (b = root->first; b != NULL; b = b->next)
		if (b->type == DOC_HEADING && b->level < top)
			top = b->level;
	return top;
}

/* Puts the data documents chapter ch embeds (figures of an .xml file) in
 * root, in their place, a document in another language than chlang (the
 * chapter's) marked as a passage in it; with rec, notes each one's path
 * below the project in rec->embeds (the scan's, for incr_graph.c). */
static void
S_embed(const struct course *c, const struct chapter *ch,
    const char *chlang, struct doc_node *root, struct chapter *rec,
    struct diag_list *dl)
{
	struct doc_node *n, *nx, *img, *sub, *b, *bn;
	struct datadoc d;
	const struct data_schema *schema;
	char *full, *rel, *src, *lang;
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
		if (rec != NULL) {
			rec->embeds = xrealloc(rec->embeds, (rec->nembeds + 1) *
			    sizeof(*rec->embeds));
			rec->embeds[rec->nembeds++] = rel;
		} else
			free(rel);
		sub = NULL;
		src = lang = NULL;
		if ((schema = S_embed_schema(c, dl)) != NULL &&
		    (src = file_read_in(c->dir, full, &len, dl)) != NULL &&
		    datadoc_load(&d, src, len, full, c->dir, schema,
		    dl) == 0) {
			sub = datadoc_doc(&d, c->theme, NULL, dl);
			/* a document in another language than its chapter
			 * is a passage in it (doc_passage()) */
			if (chlang != NULL && d.lang != NULL &&
			    strcmp(d.lang, chlang) != 0)
				lang = xstrdup(d.lang);
		}
		if (src != NULL)
			datadoc_clear(&d);
		free(src);
		free(full);
		if (sub == NULL) {
			free(lang);
			continue;
		}
		/* the document's top headings one level below the heading
		 * it stands under (its sections are that section's), its
		 * others kept as far below them: headings are closed up
		 * before this, so a skip here would be numbered "1.0.1" */
		shift = level + 1 - S_top_level(sub);
		if (lang != NULL)
			S_insert_before(root, n, doc_passage(1, lang, n->line,
			    n->col));
		for (b = sub->first; b != NULL; b = bn) {
			bn = b->next;
			doc_unlink(b);
			if (b->type == DOC_HEADING)
				b->level = b->level + shift > 6 ? 6 :
				    b->level + shift < 1 ? 1 : b->level + shift;
			S_insert_before(root, n, b);	/* in order */
		}
		if (lang != NULL)
			S_insert_before(root, n, doc_passage(0, lang, n->line,
			    n->col));
		free(lang);
		doc_free(sub);
		doc_unlink(n);
		doc_free(n);
	}
}

/* Reads and parses chapter i, applying the passes every sweep shares;
 * the scan's notes what the chapter embeds in rec (S_embed). */
static struct doc_node *
S_parse(const struct course *c, size_t i, struct md_meta *meta,
    struct chapter *rec, struct diag_list *dl)
{
	const struct chapter *ch = &c->ch[i];
	struct md_opts opts = { c->raw_html };
	struct doc_node *root;
	char *src;
	size_t len;

	if (ch->src != NULL) {
		/* read once: the order pass kept it for the scan, and its
		 * front matter */
		src = ch->src;
		len = ch->srclen;
		opts.front = ch->front;
		((struct chapter *)ch)->src = NULL;
		((struct chapter *)ch)->front = NULL;
	} else if ((src = file_read_in(c->dir, ch->path, &len, dl)) == NULL)
		return NULL;
	((struct chapter *)ch)->srclen = len;
	root = md_parse(src, len, ch->path, &opts, meta, dl);
	free(src);
	S_front_free(opts.front);
	if (root == NULL)
		return NULL;
	S_ensure_title(root, meta->title ? meta->title :
	    ch->title ? ch->title : ch->slug);
	prep_passes(root, &(struct prep){ .steps = PREP_LEVELS,
	    .path = ch->path }, dl);
	/* the chapter's language, which its front matter may name: its
	 * scan sets ch->lang from this parse */
	S_embed(c, ch, meta->lang != NULL ? meta->lang : ch->lang != NULL ?
	    ch->lang : c->lang, root, rec, dl);
	return root;
}

/* Pictures and linked files are checked with everything else, before
 * anything is written: one outside the project stops the build, a missing
 * one warns. */
static void
S_check_assets(const struct course *c, const struct chapter *ch,
    struct doc_node *root, struct diag_list *dl)
{
	struct doc_node *n;
	char *full, *rel;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type == DOC_IMAGE)
			rel = course_asset(c, ch, n->url, n->line, n->col,
			    &full, dl);
		else if (n->type == DOC_LINK && course_linked_file(n->url))
			rel = course_file(c, ch, n->url, n->line, n->col,
			    DIAG_LINK_MISSING, &full, dl);
		else
			continue;
		/* a picture is decoded to the end now: a damaged one stops
		 * the build before the site or a PDF is replaced */
		if (n->type == DOC_IMAGE && full != NULL)
			img_check_file(full, n->url, ch->path, n->line, n->col,
			    dl);
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

/* A path component's number prefix ("02-gesprek", "1_intro", "01.md"):
 * returns 1 and sets *num, or 0. */
static int
S_num_prefix(const char *s, size_t n, long *num)
{
	size_t i = 0;

	*num = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && *num < 100000000L)
		*num = *num * 10 + (s[i++] - '0');
	return i > 0 && i < n && (s[i] == '-' || s[i] == '_' || s[i] == '.' ||
	    s[i] == ' ');
}

/* The order of a course without a list or a table: folder by folder, a
 * folder's index.md or README.md first, then chapters with an order in
 * their front matter (order, weight, sidebar_position, nav_order) by that
 * order, then by number prefix when both have one ("2-" before "10-"),
 * then a folder's files before its subfolders, then by bytes. */
static int
S_cmp_path(const void *a, const void *b)
{
	const struct chapter *x = a, *y = b;
	const char *p = x->slug, *q = y->slug, *pe, *qe;
	size_t pn, qn;
	long pnum, qnum;
	int pfile, qfile, pnp, qnp, r, pidx, qidx;

	for (;;) {
		pe = strchr(p, '/');
		qe = strchr(q, '/');
		pn = pe ? (size_t)(pe - p) : strlen(p);
		qn = qe ? (size_t)(qe - q) : strlen(q);
		if (pe != NULL && qe != NULL && pn == qn &&
		    strncmp(p, q, pn) == 0) {
			p = pe + 1;
			q = qe + 1;
			continue;
		}
		break;
	}
	pfile = pe == NULL;
	qfile = qe == NULL;
	if (pfile && qfile) {
		pidx = p != x->slug && (!strcmp(p, "index") ||
		    !strcmp(p, "README"));
		qidx = q != y->slug && (!strcmp(q, "index") ||
		    !strcmp(q, "README"));
		if (pidx != qidx)
			return pidx ? -1 : 1;
		if (x->has_order != y->has_order)
			return x->has_order ? -1 : 1;
		if (x->has_order && x->order != y->order)
			return x->order < y->order ? -1 : 1;
	}
	pnp = S_num_prefix(p, pn, &pnum);
	qnp = S_num_prefix(q, qn, &qnum);
	if (pnp && qnp && pnum != qnum)
		return pnum < qnum ? -1 : 1;
	if (pfile != qfile && !(pnp && qnp))
		return pfile ? -1 : 1;
	if ((r = strcmp(p, q)) != 0)
		return r;
	return x->number < y->number ? -1 : x->number > y->number;
}

/* Chapters in a folder of content/ make a part, titled later by
 * course_scan(); only when no table of contents made parts. */
static void
S_folder_parts(struct course *c)
{
	const char *slash;
	size_t i, n;

	if (c->nparts > 0)
		return;
	for (i = 0; i < c->nch; i++) {
		if ((slash = strchr(c->ch[i].slug, '/')) == NULL)
			continue;
		n = (size_t)(slash - c->ch[i].slug);
		if (c->nparts == 0 || i == 0 || c->ch[i - 1].part < 0 ||
		    strlen(c->parts[c->nparts - 1].dir) != n ||
		    strncmp(c->parts[c->nparts - 1].dir, c->ch[i].slug,
		    n) != 0) {
			c->parts = xrealloc(c->parts, (c->nparts + 1) *
			    sizeof(*c->parts));
			c->parts[c->nparts].dir = xstrndup(c->ch[i].slug, n);
			c->parts[c->nparts].title = NULL;
			c->nparts++;
		}
		c->ch[i].part = (int)c->nparts - 1;
	}
}

/* A folder part's title: from its index.md or README.md (a chapter, so
 * after the scan), else its _index.md, else its name. */
static void
S_part_titles(struct course *c)
{
	struct part *pt;
	struct buf b = { 0 };
	size_t i, k;
	char *p;

	for (k = 0; k < c->nparts; k++) {
		pt = &c->parts[k];
		if (pt->dir == NULL || pt->title != NULL)
			continue;
		for (i = 0; i < c->nch && pt->title == NULL; i++) {
			const char *slug = c->ch[i].slug;
			size_t n = strlen(pt->dir);

			if (c->ch[i].title != NULL &&
			    strncmp(slug, pt->dir, n) == 0 && slug[n] == '/' &&
			    (strcmp(slug + n + 1, "index") == 0 ||
			    strcmp(slug + n + 1, "README") == 0))
				pt->title = xstrdup(c->ch[i].title);
		}
		if (pt->title == NULL) {
			buf_reset(&b);
			buf_printf(&b, "%s/_index.md", pt->dir);
			p = file_join(c->content, b.data);
			if (file_is_reg(p))
				pt->title = S_file_title(c->dir, p);
			free(p);
		}
		if (pt->title == NULL) {
			pt->title = S_pretty(file_base(pt->dir));
		}
	}
	buf_free(&b);
}

/* The sources the order pass keeps for the scan, in bytes: every chapter
 * of a real course; a larger one reads the rest twice. */
#define SRC_KEPT	(64u << 20)

/* Front matter `order:` may reorder chapters; read it before numbering.
 * The files are read and their front matter parsed on the pool's threads
 * (a job a chapter, writing only its own slot); what the course keeps of
 * them, and their diagnostics, are taken in chapter order (S_read_done),
 * so nothing depends on which thread was first. */
struct read_all;

struct read_ch {
	struct course		*c;
	size_t			 i;
	struct read_all		*all;
	struct diag_list	*dl;	/* the job's */
	char			*src;
	size_t			 len;
	struct md_front_done	 front;
	int			 failed;	/* -1: read or front matter */
};

struct read_all {
	struct diag_list	*dl;	/* the course's */
	size_t			 kept;	/* bytes of source kept so far */
	int			 any;	/* some chapter has an order */
	int			 rc;
};

static void
S_read_work(void *arg, int worker)
{
	struct read_ch *r = arg;
	const struct chapter *ch = &r->c->ch[r->i];

	(void)worker;
	if ((r->src = file_read_in(r->c->dir, ch->path, &r->len,
	    r->dl)) == NULL) {
		r->failed = -1;
		return;
	}
	if (md_front(r->src, r->len, ch->path, &r->front.meta, &r->front.body,
	    &r->front.lines, r->dl) != 0)
		r->failed = -1;
}

static void
S_read_done(void *arg)
{
	struct read_ch *r = arg;
	struct read_all *all = r->all;
	struct chapter *ch = &r->c->ch[r->i];

	diag_move(all->dl, r->dl);
	diag_list_free(r->dl);
	r->dl = NULL;
	if (r->failed)
		all->rc = -1;
	ch->order = r->front.meta.order;
	ch->has_order = r->front.meta.has_order;
	all->any |= r->front.meta.has_order;
	/* kept for the scan, which would read it (and its front matter)
	 * again otherwise; up to SRC_KEPT bytes in all */
	if (r->src != NULL && all->kept + r->len <= SRC_KEPT) {
		all->kept += r->len;
		ch->src = r->src;
		ch->srclen = r->len;
		if (!r->failed) {
			ch->front = xmalloc(sizeof(*ch->front));
			*ch->front = r->front;
			memset(&r->front, 0, sizeof(r->front));
		}
	} else
		free(r->src);
	r->src = NULL;
	md_meta_clear(&r->front.meta);
}

static int
S_read_order(struct course *c, struct pool *pool, struct diag_list *dl)
{
	struct read_all all = { dl, 0, 0, 0 };
	struct read_ch *rd;
	size_t i;

	rd = xcalloc(c->nch + 1, sizeof(*rd));
	for (i = 0; i < c->nch; i++) {
		c->ch[i].number = (int)i;
		rd[i].c = c;
		rd[i].i = i;
		rd[i].all = &all;
		rd[i].dl = diag_list_new();
		rd[i].dl->strict = dl->strict;
		pool_submit(pool, S_read_work, S_read_done, &rd[i]);
	}
	pool_wait(pool);
	free(rd);
	if (c->sort_paths && c->nch > 1)
		qsort(c->ch, c->nch, sizeof(*c->ch), S_cmp_path);
	else if (all.any)
		qsort(c->ch, c->nch, sizeof(*c->ch), S_cmp_order);
	S_folder_parts(c);
	return all.rc;
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
	struct xref_list	 links;
	int			 failed;
	struct course		*c;	/* the job: chapter i of c */
	size_t			 i;
	struct progress		*pg;	/* the terminal's line, or NULL */
	struct scan_all		*all;	/* where S_scan_done() adds it */
};

/* The course's side of the scan, which S_scan_done() adds each chapter to
 * in chapter order, on the pool's owner while the pool's threads parse
 * the chapters after it. */
struct scan_all {
	struct diag_list	*dl;	/* the course's */
	struct xref_list	 links;	/* every chapter's, in order */
	size_t			 kept;	/* bytes of source whose trees are
					   kept */
	int			 rc;
};

/* Chapter r->i, as a job of the pool: it writes only its own chapter and
 * its own scan_ch. */
static void
S_scan_work(void *arg, int worker)
{
	struct scan_ch *r = arg;
	struct course *c = r->c;
	struct md_meta meta;
	struct prep p;
	struct doc_node *root, *copy;
	struct chapter *ch;
	size_t i = r->i;

	(void)worker;
	ch = &c->ch[i];
	if ((root = S_parse(c, i, &meta, ch, r->dl)) == NULL) {
		r->failed = 1;
		return;
	}
	if (meta.title != NULL)
		ch->title = xstrdup(meta.title);
	if (meta.description != NULL)
		ch->description = xstrdup(meta.description);
	ch->reg = meta.reg;	/* taken over */
	ch->nreg = meta.nreg;
	meta.reg = NULL;
	meta.nreg = 0;
	/* a passage in another language: the PDF tags it (pdf_tag.h) */
	if (meta.lang != NULL && ch->lang == NULL)
		ch->lang = xstrdup(meta.lang);
	memset(&p, 0, sizeof(p));
	p.steps = PREP_NUMBER;
	p.path = ch->path;
	p.chapter = ch->number;
	p.ch = ch;
	p.taken = (const char *const *)c->shell_ids;
	prep_passes(root, &p, r->dl);
	S_check_assets(c, ch, root, r->dl);
	md_meta_clear(&meta);
	/* the terms and links, into this chapter's own lists, added to the
	 * course's in order afterwards */
	p.steps = PREP_GLOSS | PREP_COLLECT;
	p.ci = i;
	p.gloss = &r->gloss;
	p.ngloss = &r->ngloss;
	p.links = &r->links;
	prep_passes(root, &p, r->xdl);
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

/* The output stem of what the site and out/pdf write for the i-th of the
 * chapters and then the documents: a chapter's path under content/, a
 * document's file name (its pages are not in folders).  The caller frees
 * it; *src is set to the source's path. */
static char *
S_stem(const struct course *c, size_t i, const char **src)
{
	const char *base;
	size_t n;

	if (i < c->nch) {
		*src = c->ch[i].path;
		return xstrdup(c->ch[i].slug);
	}
	*src = c->docs[i - c->nch].path;
	base = file_base(*src);
	n = strlen(base);
	return xstrndup(base, n > 4 ? n - 4 : n);
}

/* Two sources that would be written to one file, on this host or on one
 * that does not tell "a.md" from "A.md" (where the site may be copied):
 * an error naming both.  Returns 0 or -1. */
static int
S_check_clash(const struct course *c, struct diag_list *dl)
{
	struct buf out = { 0 };
	size_t i, k, n = c->nch + c->ndocs;
	const char **src = xcalloc(n + 1, sizeof(*src));
	char **stem = xcalloc(n + 1, sizeof(*stem));
	int rc = 0;

	for (i = 0; i < n; i++)
		stem[i] = S_stem(c, i, &src[i]);
	for (i = 0; i < n; i++)
		for (k = i + 1; k < n; k++) {
			if (strcasecmp(stem[i], stem[k]) != 0)
				continue;
			buf_reset(&out);
			buf_printf(&out, "%s.html", stem[k]);
			diag_add(dl, DIAG_OUTPUT_CLASH, src[k], 0, 0, src[i],
			    src[k], out.data);
			rc = -1;
		}
	for (i = 0; i < n; i++)
		free(stem[i]);
	free(stem);
	free(src);
	buf_free(&out);
	return rc;
}

/* What is wrong with the project's files as a whole, before any is read:
 * a chapter whose page the site writes itself (index.html, the glossary)
 * would vanish under it, two would be written to one file, and the files of a mailing must be the
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
	if (S_check_clash(c, dl) != 0)
		rc = -1;
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

/* The ids a chapter page's shell writes itself (page.html's id="sg-main"),
 * read from the shell this project uses, not listed here: a project's own
 * page.html may use others.  Headings are numbered around them.  Our own
 * shell's ids start with "sg-", so that a heading's anchor is the one
 * GitHub gives it ("## main" is #main) and a README's links land. */
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

/* The landing page's tree, its links recorded (into links) or, with
 * links NULL, rewritten for edition e. */
static struct doc_node *
S_landing(const struct course *c, struct xref_list *links, enum edition e,
    struct diag_list *dl)
{
	struct md_opts opts = { c->raw_html };
	struct md_meta meta;
	struct doc_node *root;
	struct xref_index idx;
	struct prep p;
	char *src;
	size_t len;

	if (c->landing == NULL ||
	    (src = file_read_in(c->dir, c->landing, &len, dl)) == NULL)
		return NULL;
	course_xref_index(c, &idx);
	memset(&p, 0, sizeof(p));
	p.path = c->landing;
	p.steps = PREP_LEVELS | (links != NULL ? PREP_COLLECT :
	    PREP_XREF | PREP_EDITION);
	p.links = links;
	p.idx = &idx;
	p.edition = e;
	root = prep_doc(src, len, &opts, &meta, &p, dl);
	free(src);
	if (root != NULL)
		md_meta_clear(&meta);
	return root;
}

struct doc_node *
course_landing_doc(const struct course *c, enum edition e,
    struct diag_list *dl)
{
	return S_landing(c, NULL, e, dl);
}

/* A chapter scanned: its diagnostics, terms and links added to the
 * course's, its tree kept or dropped by the budget, one step of the
 * terminal's progress line. */
static void
S_scan_done(void *arg)
{
	struct scan_ch *r = arg;
	struct scan_all *all = r->all;
	struct course *c = r->c;
	struct chapter *ch = &c->ch[r->i];

	diag_move(all->dl, r->dl);
	diag_list_free(r->dl);
	r->dl = NULL;
	if (r->failed)
		all->rc = -1;
	else {
		pass_gloss_add(c, r->gloss, r->ngloss, all->dl);
		diag_move(all->dl, r->xdl);
		pass_xref_list_move(&all->links, &r->links);
	}
	free(r->gloss);
	r->gloss = NULL;
	pass_xref_list_free(&r->links);
	diag_list_free(r->xdl);
	r->xdl = NULL;
	/* Keep what the budget allows; reparse the rest later. */
	if (ch->tree != NULL) {
		if (all->kept + ch->srclen <= c->budget)
			all->kept += ch->srclen;
		else {
			doc_free(ch->tree);
			ch->tree = NULL;
		}
	}
	progress_step(r->pg, 1);
}

int
course_scan(struct course *c, struct theme *th, int jobs,
    struct diag_list *dl)
{
	struct scan_ch *scan;
	struct scan_all all = { dl, { 0 }, 0, 0 };
	struct pool *pool;
	struct xref_index idx;
	struct progress *pg;
	size_t i;
	int rc = 0;

	c->theme = th;
	if (S_check_files(c, dl) != 0)
		return -1;
	S_shell_ids(c, th);
	/* one pool for the order pass and the scan */
	pool = pool_new(jobs);
	if (S_read_order(c, pool, dl) != 0) {
		pool_free(pool);
		return -1;
	}
	if (S_scan_docs(c, th, dl) != 0)
		rc = -1;
	scan = xcalloc(c->nch + 1, sizeof(*scan));
	for (i = 0; i < c->nch; i++) {
		c->ch[i].number = (int)i + 1;
		scan[i].dl = diag_list_new();
		scan[i].dl->strict = dl->strict;
		scan[i].xdl = diag_list_new();
		scan[i].xdl->strict = dl->strict;
		scan[i].c = c;
		scan[i].i = i;
		scan[i].all = &all;
	}
	pg = progress_begin("chapters", c->nch, 0);
	for (i = 0; i < c->nch; i++) {
		scan[i].pg = pg;
		pool_submit(pool, S_scan_work, S_scan_done, &scan[i]);
	}
	pool_free(pool);
	progress_end(pg);
	if (all.rc != 0)
		rc = -1;
	free(scan);
	S_part_titles(c);
	pass_gloss_sort(c);
	if (c->landing != NULL) {
		/* its links and pictures are checked like a chapter's */
		struct chapter lp;
		struct doc_node *root;

		memset(&lp, 0, sizeof(lp));
		lp.path = c->landing;
		lp.slug = "index";
		if ((root = S_landing(c, &all.links, EDITION_TEACHER,
		    dl)) == NULL)
			rc = -1;
		else
			S_check_assets(c, &lp, root, dl);
		doc_free(root);
	}

	/* Every link between chapters must land. */
	course_xref_index(c, &idx);
	pass_xref_check(&idx, &all.links, dl);
	if (diag_worst(dl) >= DIAG_ERROR)
		rc = -1;
	return rc;
}

int
course_rescan(struct course *c, size_t i, struct diag_list *dl)
{
	struct chapter *ch = &c->ch[i];
	struct md_meta meta;
	struct xref_index idx;
	struct scan_ch r;
	size_t k, n, body, len;
	int lines, rc = 0;
	char *src;

	if (c->hook != NULL ||
	    (src = file_read_in(c->dir, ch->path, &len, dl)) == NULL)
		return -1;
	/* its place among the chapters must stay: the order pass is not
	 * run again */
	memset(&meta, 0, sizeof(meta));
	if (md_front(src, len, ch->path, &meta, &body, &lines, dl) != 0 ||
	    meta.order != ch->order || meta.has_order != ch->has_order)
		rc = -1;
	md_meta_clear(&meta);
	if (rc != 0) {
		free(src);
		return -1;
	}
	S_chapter_unscan(ch);
	ch->src = src;
	ch->srclen = len;
	/* its terms go, the new ones come (in chapter order only when
	 * none is defined twice: a caller that must equal course_scan()
	 * takes any diagnostic as a failure) */
	for (k = n = 0; k < c->ngloss; k++)
		if (c->gloss[k].chapter == i)
			S_gloss_clear(&c->gloss[k]);
		else
			c->gloss[n++] = c->gloss[k];
	c->ngloss = n;
	memset(&r, 0, sizeof(r));
	r.dl = dl;
	r.xdl = dl;
	r.c = c;
	r.i = i;
	S_scan_work(&r, 0);
	if (r.failed)
		rc = -1;
	else
		pass_gloss_add(c, r.gloss, r.ngloss, dl);
	free(r.gloss);
	pass_gloss_sort(c);
	/* the trees course_scan() would keep, by the budget, in order:
	 * the same ones, or this is not what a scan would give */
	for (k = n = 0; k < c->nch; k++) {
		int keep = n + c->ch[k].srclen <= c->budget;

		if (keep)
			n += c->ch[k].srclen;
		if (k == i && !keep) {
			doc_free(ch->tree);
			ch->tree = NULL;
		} else if (k != i && keep != (c->ch[k].tree != NULL))
			rc = -1;
	}
	course_xref_index(c, &idx);
	pass_xref_check(&idx, &r.links, dl);
	pass_xref_list_free(&r.links);
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
	struct xref_index idx;
	struct prep p;

	memset(&p, 0, sizeof(p));
	p.path = c->ch[i].path;
	if (c->ch[i].tree != NULL)
		root = doc_clone(c->ch[i].tree);
	else {
		/* The scan already reported this file's problems; a second
		 * copy of each would only be noise. */
		quiet = diag_list_new();
		root = S_parse(c, i, &meta, NULL, quiet);
		if (root == NULL)
			diag_move(dl, quiet);
		diag_list_free(quiet);
		if (root == NULL)
			return NULL;
		md_meta_clear(&meta);
		p.steps = PREP_NUMBER;
		p.chapter = c->ch[i].number;
		p.taken = (const char *const *)c->shell_ids;
	}
	course_xref_index(c, &idx);
	p.steps |= PREP_XREF | PREP_EDITION;
	p.idx = &idx;
	p.edition = e;
	prep_passes(root, &p, dl);
	return root;
}

void
course_xref_index(const struct course *c, struct xref_index *x)
{
	x->ch = c->ch;
	x->nch = c->nch;
	x->content = c->content;
	x->landing = c->landing;
	x->lang = c->lang;
}
