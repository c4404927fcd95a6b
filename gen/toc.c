/*
 * toc — another tool's table of contents (see toc.h).
 *
 * Each reader turns its tool's file into the same flat list: the pages in
 * reading order, each with the part it falls in.  Deeper nesting (Jupyter
 * Book's sections, MkDocs's sections inside sections, mdBook's sub-lists)
 * is flattened into the part above it: salesgen has chapters and parts,
 * and a page is a chapter.
 */
#include "toc.h"
#include "buf.h"
#include "file.h"
#include "mem.h"

#include <cmark-gfm.h>
#include <yaml.h>

#include <stdlib.h>
#include <string.h>

static int
S_ends(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* Adds the page name, written relative to the table's folder (tdir,
 * relative to the project folder), as a chapter of part.  A name without
 * .md is looked up as name.md (Jupyter Book writes no extension) and a
 * .qmd or .ipynb one as its .md twin; a URL is no page of ours. */
static void
S_add(struct toc *t, const char *dir, const char *tdir, const char *name,
    int part, int line, int col, struct diag_list *dl)
{
	struct buf b = { 0 };
	char *folded, *full;
	const char *dot;

	if (name == NULL || name[0] == '\0' || strchr(name, ':') != NULL)
		return;
	if (tdir[0] != '\0')
		buf_printf(&b, "%s/", tdir);
	buf_puts(&b, name[0] == '/' ? name + 1 : name);
	if (!S_ends(b.data, ".md")) {
		dot = strrchr(b.data, '.');
		if (dot != NULL && strchr(dot, '/') == NULL &&
		    (strcmp(dot, ".qmd") == 0 || strcmp(dot, ".ipynb") == 0 ||
		    strcmp(dot, ".rmd") == 0)) {
			full = file_join(dir, b.data);
			if (!file_is_reg(full)) {
				b.len = (size_t)(dot - b.data);
				b.data[b.len] = '\0';
			}
			free(full);
		}
		if (!S_ends(b.data, ".md")) {
			buf_puts(&b, ".md");
		}
	}
	if ((folded = file_fold(b.data)) == NULL) {
		diag_add(dl, DIAG_PATH_ESCAPE, t->file, line, col, name);
		buf_free(&b);
		return;
	}
	buf_free(&b);
	t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
	t->v[t->n].path = folded;
	t->v[t->n].part = part;
	t->v[t->n].line = line;
	t->v[t->n].col = col;
	t->n++;
}

static int
S_part(struct toc *t, const char *title)
{
	t->parts = xrealloc(t->parts, (t->nparts + 1) * sizeof(*t->parts));
	t->parts[t->nparts] = xstrdup(title && title[0] ? title : "?");
	return (int)t->nparts++;
}

/*** YAML ***/

static yaml_node_t *
S_get(yaml_document_t *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	yaml_node_t *k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(d, p->key);
		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

static const char *
S_str(yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

#define S_LINE(n)	((int)(n)->start_mark.line + 1)
#define S_COL(n)	((int)(n)->start_mark.column + 1)

/* Reads path (inside dir) as one YAML document.  Returns 0, or -1 after
 * DIAG_TOC_YAML (or the reader's diagnostic). */
static int
S_load(const char *dir, const char *path, yaml_document_t *d,
    struct diag_list *dl)
{
	yaml_parser_t p;
	char *src;
	size_t len;
	int rc = 0;

	if ((src = file_read_in(dir, path, &len, dl)) == NULL)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)src, len);
	if (!yaml_parser_load(&p, d)) {
		diag_add(dl, DIAG_TOC_YAML, path, (int)p.problem_mark.line + 1,
		    (int)p.problem_mark.column + 1,
		    p.problem ? p.problem : "malformed YAML");
		rc = -1;
	}
	yaml_parser_delete(&p);
	free(src);
	return rc;
}

/* Jupyter Book: entries with file: and sections: below them, in
 * chapters: lists, in parts: with a caption (jb-book), or the older list
 * whose items are files, or parts (part: or caption:) with chapters:. */
static void
S_jb_list(struct toc *t, const char *dir, const char *tdir,
    yaml_document_t *d, yaml_node_t *list, int part, struct diag_list *dl)
{
	yaml_node_item_t *it;
	yaml_node_t *e, *f, *sub, *cap;
	int p;

	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return;
	for (it = list->data.sequence.items.start;
	    it < list->data.sequence.items.top; it++) {
		if ((e = yaml_document_get_node(d, *it)) == NULL)
			continue;
		if (S_str(e) != NULL) {
			S_add(t, dir, tdir, S_str(e), part, S_LINE(e),
			    S_COL(e), dl);
			continue;
		}
		p = part;
		cap = S_get(d, e, "part");
		if (cap == NULL)
			cap = S_get(d, e, "caption");
		if (cap != NULL && S_str(cap) != NULL && part < 0)
			p = S_part(t, S_str(cap));
		if ((f = S_get(d, e, "file")) != NULL && S_str(f) != NULL)
			S_add(t, dir, tdir, S_str(f), p, S_LINE(f), S_COL(f),
			    dl);
		S_jb_list(t, dir, tdir, d, S_get(d, e, "chapters"), p, dl);
		if ((sub = S_get(d, e, "sections")) != NULL)
			S_jb_list(t, dir, tdir, d, sub, p, dl);
	}
}

static void
S_jupyter(struct toc *t, const char *dir, const char *tdir,
    yaml_document_t *d, struct diag_list *dl)
{
	yaml_node_t *root = yaml_document_get_root_node(d), *r, *parts;
	yaml_node_item_t *it;
	yaml_node_t *e, *cap;
	int p;

	if (root == NULL)
		return;
	if (root->type == YAML_SEQUENCE_NODE) {
		S_jb_list(t, dir, tdir, d, root, -1, dl);
		return;
	}
	if ((r = S_get(d, root, "root")) != NULL && S_str(r) != NULL) {
		S_add(t, dir, tdir, S_str(r), -1, S_LINE(r), S_COL(r), dl);
		if (t->n > 0) {
			/* the root is the landing page, not a chapter */
			t->root = t->v[--t->n].path;
		}
	}
	if ((parts = S_get(d, root, "parts")) != NULL &&
	    parts->type == YAML_SEQUENCE_NODE)
		for (it = parts->data.sequence.items.start;
		    it < parts->data.sequence.items.top; it++) {
			e = yaml_document_get_node(d, *it);
			cap = S_get(d, e, "caption");
			p = S_part(t, S_str(cap));
			S_jb_list(t, dir, tdir, d, S_get(d, e, "chapters"), p,
			    dl);
		}
	S_jb_list(t, dir, tdir, d, S_get(d, root, "chapters"), -1, dl);
	S_jb_list(t, dir, tdir, d, S_get(d, root, "sections"), -1, dl);
}

/* MkDocs nav: a page ("a.md"), a titled page ({Titel: a.md}) or a section
 * ({Titel: [...]}); a top-level section is a part. */
static void
S_mkdocs_list(struct toc *t, const char *dir, const char *tdir,
    yaml_document_t *d, yaml_node_t *list, int part, struct diag_list *dl)
{
	yaml_node_item_t *it;
	yaml_node_pair_t *pr;
	yaml_node_t *e, *k, *v;

	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return;
	for (it = list->data.sequence.items.start;
	    it < list->data.sequence.items.top; it++) {
		if ((e = yaml_document_get_node(d, *it)) == NULL)
			continue;
		if (S_str(e) != NULL) {
			S_add(t, dir, tdir, S_str(e), part, S_LINE(e),
			    S_COL(e), dl);
			continue;
		}
		if (e->type != YAML_MAPPING_NODE)
			continue;
		for (pr = e->data.mapping.pairs.start;
		    pr < e->data.mapping.pairs.top; pr++) {
			k = yaml_document_get_node(d, pr->key);
			v = yaml_document_get_node(d, pr->value);
			if (v == NULL)
				continue;
			if (S_str(v) != NULL)
				S_add(t, dir, tdir, S_str(v), part, S_LINE(v),
				    S_COL(v), dl);
			else if (v->type == YAML_SEQUENCE_NODE)
				S_mkdocs_list(t, dir, tdir, d, v, part >= 0 ?
				    part : S_part(t, S_str(k)), dl);
		}
	}
}

/* Quarto: book.chapters, items a file or {part: title, chapters: [...]},
 * then book.appendices. */
static void
S_quarto_list(struct toc *t, const char *dir, const char *tdir,
    yaml_document_t *d, yaml_node_t *list, int part, struct diag_list *dl)
{
	yaml_node_item_t *it;
	yaml_node_t *e, *pt;
	const char *title;
	int p;

	if (list == NULL || list->type != YAML_SEQUENCE_NODE)
		return;
	for (it = list->data.sequence.items.start;
	    it < list->data.sequence.items.top; it++) {
		if ((e = yaml_document_get_node(d, *it)) == NULL)
			continue;
		if (S_str(e) != NULL) {
			S_add(t, dir, tdir, S_str(e), part, S_LINE(e),
			    S_COL(e), dl);
			continue;
		}
		p = part;
		if ((pt = S_get(d, e, "part")) != NULL &&
		    (title = S_str(pt)) != NULL) {
			if (S_ends(title, ".qmd") || S_ends(title, ".md")) {
				/* a part page: its file is the part's first
				 * chapter, its name the title for now */
				p = S_part(t, title);
				S_add(t, dir, tdir, title, p, S_LINE(pt),
				    S_COL(pt), dl);
			} else
				p = S_part(t, title);
		}
		if ((pt = S_get(d, e, "href")) != NULL && S_str(pt) != NULL)
			S_add(t, dir, tdir, S_str(pt), p, S_LINE(pt),
			    S_COL(pt), dl);
		S_quarto_list(t, dir, tdir, d, S_get(d, e, "chapters"), p, dl);
	}
}

/*** mdBook's SUMMARY.md ***/

static void
S_text(cmark_node *n, struct buf *out)
{
	cmark_node *c;
	const char *lit;

	for (c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c)) {
		if ((lit = cmark_node_get_literal(c)) != NULL)
			buf_puts(out, lit);
		else
			S_text(c, out);
	}
}

/* "# Summary" is the file's title; another level-1 heading starts a
 * part; links in lists are the numbered chapters, links in paragraphs
 * the prefix and suffix chapters (in no part); an empty link is a draft
 * and has no page yet. */
static int
S_summary(struct toc *t, const char *dir, const char *tdir, const char *path,
    struct diag_list *dl)
{
	cmark_node *doc, *n;
	cmark_iter *it;
	cmark_event_type ev;
	struct buf title = { 0 };
	const char *url;
	char *src;
	size_t len;
	int part = -1, in_list = 0, seen = 0;

	if ((src = file_read_in(dir, path, &len, dl)) == NULL)
		return -1;
	doc = cmark_parse_document(src, len, CMARK_OPT_DEFAULT);
	free(src);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LIST:
			in_list += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_HEADING:
			if (ev != CMARK_EVENT_ENTER)
				break;
			buf_reset(&title);
			S_text(n, &title);
			if (!seen && strcmp(buf_cstr(&title), "Summary") == 0)
				break;
			part = S_part(t, buf_cstr(&title));
			break;
		case CMARK_NODE_LINK:
			if (ev != CMARK_EVENT_ENTER)
				break;
			seen = 1;
			url = cmark_node_get_url(n);
			if (url == NULL || url[0] == '\0')
				break;
			S_add(t, dir, tdir, url, in_list ? part : -1,
			    cmark_node_get_start_line(n),
			    cmark_node_get_start_column(n), dl);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	buf_free(&title);
	return 0;
}

/*** Finding one ***/

/* folder relative to dir: "" for dir itself */
static const char *
S_rel(const char *dir, const char *folder)
{
	size_t n = strlen(dir);

	if (strcmp(dir, folder) == 0)
		return "";
	if (strncmp(folder, dir, n) == 0 && folder[n] == '/')
		return folder + n + 1;
	return folder;
}

char *
toc_content_dir(const char *dir, struct diag_list *dl)
{
	yaml_document_t d;
	char *cfg, *out = NULL;
	const char *docs = "docs";

	cfg = file_join(dir, "mkdocs.yml");
	if (file_is_reg(cfg) && S_load(dir, cfg, &d, dl) == 0) {
		yaml_node_t *root = yaml_document_get_root_node(&d);
		const char *v = S_str(S_get(&d, root, "docs_dir"));

		if (v != NULL && file_rel_inside(v))
			docs = v;
		out = file_join(dir, docs);
		yaml_document_delete(&d);
	}
	free(cfg);
	if (out == NULL) {
		cfg = file_join(dir, "book.toml");
		if (file_is_reg(cfg))
			out = file_join(dir, "src");
		free(cfg);
	}
	if (out == NULL) {
		/* Docusaurus keeps its pages in docs/; its settings are
		 * JavaScript, not read, only seen */
		char *js = file_join(dir, "docusaurus.config.js");
		char *ts = file_join(dir, "docusaurus.config.ts");

		if (file_is_reg(js) || file_is_reg(ts))
			out = file_join(dir, "docs");
		free(js);
		free(ts);
	}
	if (out != NULL && !file_is_dir(out)) {
		free(out);
		out = NULL;
	}
	return out;
}

int
toc_read(const char *dir, const char *content, struct toc *t,
    struct diag_list *dl)
{
	static const struct {
		const char *name, *kind;
	} known[] = {
		{ "_toc.yml", "Jupyter Book _toc.yml" },
		{ "mkdocs.yml", "MkDocs mkdocs.yml" },
		{ "SUMMARY.md", "mdBook SUMMARY.md" },
		{ "_quarto.yml", "Quarto _quarto.yml" },
	};
	const char *folders[2] = { content, dir }, *tdir;
	yaml_document_t d;
	size_t k, f;
	char *path;
	int rc;

	memset(t, 0, sizeof(*t));
	for (f = 0; f < 2; f++)
		for (k = 0; k < sizeof(known) / sizeof(*known); k++) {
			path = file_join(folders[f], known[k].name);
			if (!file_is_reg(path)) {
				free(path);
				continue;
			}
			t->file = path;
			t->kind = known[k].kind;
			tdir = S_rel(dir, folders[f]);
			if (k == 2)
				return S_summary(t, dir, tdir, path, dl) == 0 ?
				    1 : -1;
			if (S_load(dir, path, &d, dl) != 0)
				return -1;
			rc = 1;
			if (k == 0)
				S_jupyter(t, dir, tdir, &d, dl);
			else if (k == 1) {
				/* nav names pages inside docs_dir */
				struct buf b = { 0 };
				const char *docs = S_str(S_get(&d,
				    yaml_document_get_root_node(&d),
				    "docs_dir"));

				buf_printf(&b, "%s%s%s", tdir, tdir[0] ? "/" :
				    "", docs && file_rel_inside(docs) ? docs :
				    "docs");
				S_mkdocs_list(t, dir, buf_cstr(&b), &d, S_get(&d,
				    yaml_document_get_root_node(&d), "nav"),
				    -1, dl);
				buf_free(&b);
				if (t->n == 0)
					rc = 0;	/* no nav: MkDocs orders by
						   file name too */
			} else {
				yaml_node_t *book = S_get(&d,
				    yaml_document_get_root_node(&d), "book");

				S_quarto_list(t, dir, tdir, &d,
				    S_get(&d, book, "chapters"), -1, dl);
				S_quarto_list(t, dir, tdir, &d,
				    S_get(&d, book, "appendices"), -1, dl);
				if (t->n == 0)
					rc = 0;	/* a website, not a book */
			}
			yaml_document_delete(&d);
			if (rc == 0) {
				toc_clear(t);
				continue;
			}
			return rc;
		}
	return 0;
}

void
toc_clear(struct toc *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	for (i = 0; i < t->nparts; i++)
		free(t->parts[i]);
	free(t->parts);
	free(t->root);
	free(t->file);
	memset(t, 0, sizeof(*t));
}
