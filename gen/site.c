/*
 * site — the study site (see site.h).
 *
 * Page shells are Mustache templates (the .html files of templates/site),
 * rendered with HTML escaping.  The sidebar lists every chapter on every page; each
 * chapter's entry is rendered once and reused, so a thousand-chapter course
 * does not render a thousand-entry template a thousand times.
 */
#include "site.h"
#include "site_register.h"
#include "buf.h"
#include "datadoc.h"
#include "dict.h"
#include "esc.h"
#include "file.h"
#include "html.h"
#include "i18n.h"
#include "incr_graph.h"
#include "mem.h"
#include "pass.h"
#include "search_index.h"
#include "prep.h"
#include "pool.h"
#include "progress.h"
#include "tmpl.h"
#include "val.h"

#include <sys/types.h>

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { T_PAGE, T_NAV, T_INDEX, T_GLOSSARY, T_REGISTER, T__MAX };

static const char *S_tnames[T__MAX] = {
	"site/page.html", "site/nav-item.html", "site/index.html",
	"site/glossary.html", "site/register.html"
};

/* Chapters wider apart than this in a long course are left out of each
 * other's sidebar: the index lists them all, and a thousand-chapter course
 * does not write a thousand-entry list on each of its thousand pages. */
#define NAV_FULL	200
#define NAV_WINDOW	10

/* What the worker threads share, behind the lock. */
struct shared {
	pthread_mutex_t	 lock;
	char		**copied;	/* images already copied */
	size_t		 ncopied;
	enum edition	 edition;
	struct diag_list **chdl;	/* per chapter, merged in order */
	int		 rc;
	int		 quiz;		/* a page has questions: quiz.js */
	struct search_index *search;	/* each chapter adds its sections */
};

/* One per thread: a shallow copy of the builder with its own buffers. */
struct site {
	const struct course	*c;
	struct theme		*th;
	const char		*outdir;
	struct diag_list	*dl;
	struct tmpl		*t[T__MAX];
	int			 warned[T__MAX];
	char			**nav;		/* per folder depth of the page:
						   every entry, none current */
	size_t			**navoff;	/* where entry i starts; [nch] = end */
	int			 maxdepth;	/* of a chapter's page */
	struct buf		 page;
	char			*glossary_href;
	struct shared		*sh;
	struct site_bodies	*bodies;	/* rendered by the scan, or NULL */
	struct site_reg		*reg;		/* the register, or NULL */
};

static const char *
S_partial(void *arg, const char *name, const char **path)
{
	struct site *s = arg;
	size_t len;
	struct buf b = { 0 };
	const char *src;

	buf_printf(&b, "site/%s", name);
	src = theme_get(s->th, buf_cstr(&b), path, &len);
	buf_free(&b);
	return src;
}

/* Renders template k with ctx into out; warnings about missing names are
 * given for the first page only, not once per page. */
static int
S_render(struct site *s, int k, const struct val *ctx, struct buf *out)
{
	struct tmpl_opts o = { ESC_HTML, S_partial, s, 0 };

	o.warn_missing = !s->warned[k];
	s->warned[k] = 1;
	return tmpl_render(s->t[k], ctx, &o, out, s->dl);
}

/* "../" once for each folder a page is in: the site's own files are
 * linked relative to the page, so it works from disk and from any
 * sub-path of a web server. */
static void
S_up(struct buf *b, int depth)
{
	while (depth-- > 0)
		buf_puts(b, "../");
}

static char *
S_href(const char *slug, int depth)
{
	struct buf b = { 0 };

	S_up(&b, depth);
	esc_url_path(&b, slug, strlen(slug));
	buf_puts(&b, ".html");
	return buf_detach(&b);
}

static void
S_set_up(struct val *map, const char *key, const char *file, int depth)
{
	struct buf b = { 0 };

	S_up(&b, depth);
	buf_puts(&b, file);
	val_set(map, key, val_str_own(buf_detach(&b)));
}

/* The values every page shares, for a page depth folders down. */
static struct val *
S_base_ctx(struct site *s, int depth)
{
	const struct course *c = s->c;
	struct val *ctx = val_map(), *site, *lab;

	val_set_str(ctx, "lang", c->lang);
	site = val_set(ctx, "site", val_map());
	val_set_str(site, "title", c->title);
	if (c->subtitle)
		val_set_str(site, "subtitle", c->subtitle);
	if (c->author)
		val_set_str(site, "author", c->author);
	S_set_up(site, "home", "index.html", depth);
	S_set_up(site, "glossary", s->glossary_href, depth);
	val_set_bool(site, "has_glossary", c->ngloss > 0);
	S_set_up(site, "register", "register.html", depth);
	val_set_bool(site, "has_register", s->reg != NULL);
	val_set_bool(site, "has_chapters", c->nch > 0);
	S_set_up(site, "css", "style.css", depth);
	S_set_up(site, "print_css", "print.css", depth);
	S_set_up(site, "search", "search.html", depth);
	S_set_up(site, "search_js", "search.js", depth);
	val_set_str(site, "edition", c->site_edition == EDITION_TEACHER ?
	    "teacher" : "student");
	/* style.css sets the default stops; the shell says when the
	 * project's differ, so the pages stay as they were without */
	if (c->code_tabs > 0 && c->code_tabs != 4)
		val_set_num(site, "tab_size", c->code_tabs);
	lab = val_set(ctx, "labels", val_map());
	val_set_str(lab, "chapter", i18n(c->lang, I18N_CHAPTER));
	val_set_str(lab, "chapters", i18n(c->lang, I18N_CHAPTERS));
	val_set_str(lab, "glossary", i18n(c->lang, I18N_GLOSSARY));
	val_set_str(lab, "register", i18n(c->lang, I18N_REGISTER));
	val_set_str(lab, "contents", i18n(c->lang, I18N_CONTENTS));
	val_set_str(lab, "prev", i18n(c->lang, I18N_PREV));
	val_set_str(lab, "next", i18n(c->lang, I18N_NEXT));
	val_set_str(lab, "skip", i18n(c->lang, I18N_SKIP));
	val_set_str(lab, "defined_in", i18n(c->lang, I18N_DEFINED_IN));
	val_set_str(lab, "home", i18n(c->lang, I18N_HOME));
	val_set_str(lab, "nav", i18n(c->lang, I18N_NAV));
	val_set_str(lab, "documents", i18n(c->lang, I18N_DOCUMENTS));
	val_set_str(lab, "search", search_label(c->lang));
	return ctx;
}

/* Chapter i for a page depth folders down; the first chapter of a part
 * carries the part's title. */
static struct val *
S_chapter_val(const struct course *c, size_t i, int depth)
{
	const struct chapter *ch = &c->ch[i];
	struct val *v = val_map();
	char num[16];

	snprintf(num, sizeof(num), "%d", ch->number);
	val_set_str(v, "number", num);
	val_set_str(v, "title", ch->title);
	if (ch->part >= 0 && (i == 0 || c->ch[i - 1].part != ch->part) &&
	    c->parts[ch->part].title != NULL)
		val_set_str(v, "part", c->parts[ch->part].title);
	val_set(v, "href", val_str_own(S_href(ch->slug, depth)));
	if (ch->description)
		val_set_str(v, "description", ch->description);
	return v;
}

/* One sidebar entry for a page depth folders down; the current
 * chapter's lists its sections. */
static char *
S_nav_entry(struct site *s, size_t i, int current, int depth)
{
	const struct chapter *ch = &s->c->ch[i];
	struct val *ctx = S_chapter_val(s->c, i, depth), *secs, *e;
	struct buf out = { 0 }, h = { 0 };
	size_t k;

	val_set_bool(ctx, "current", current);
	if (current) {
		secs = val_set(ctx, "sections", val_list());
		for (k = 0; k < ch->ntoc; k++) {
			if (ch->toc[k].level != 2)
				continue;
			e = val_map();
			val_set_str(e, "number", ch->toc[k].number);
			val_set_str(e, "title", ch->toc[k].title);
			buf_reset(&h);
			S_up(&h, depth);
			esc_url_path(&h, ch->slug, strlen(ch->slug));
			buf_puts(&h, ".html#");
			esc_url_path(&h, ch->toc[k].id, strlen(ch->toc[k].id));
			val_set_str(e, "href", buf_cstr(&h));
			val_push(secs, e);
		}
		val_set_bool(ctx, "has_sections", secs->n > 0);
	}
	S_render(s, T_NAV, ctx, &out);
	val_free(ctx);
	buf_free(&h);
	return buf_detach(&out);
}

/* The sidebar for a page: every chapter (a window of them around the
 * current one in a long course), the current one open. */
static void
S_nav(struct site *s, long current, int depth, struct buf *out)
{
	size_t n = s->c->nch, lo = 0, hi = n;
	const char *nav = s->nav[depth];
	const size_t *navoff = s->navoff[depth];
	char *cur;

	if (n > NAV_FULL && current >= 0) {
		lo = (size_t)current > NAV_WINDOW ? (size_t)current - NAV_WINDOW : 0;
		hi = (size_t)current + NAV_WINDOW + 1 < n ?
		    (size_t)current + NAV_WINDOW + 1 : n;
	} else if (n > NAV_FULL)
		hi = NAV_WINDOW * 2 + 1;
	if (current < 0 || (size_t)current < lo || (size_t)current >= hi) {
		buf_put(out, nav + navoff[lo], navoff[hi] -
		    navoff[lo]);
		return;
	}
	buf_put(out, nav + navoff[lo], navoff[current] -
	    navoff[lo]);
	cur = S_nav_entry(s, (size_t)current, 1, depth);
	buf_puts(out, cur);
	free(cur);
	buf_put(out, nav + navoff[current + 1], navoff[hi] -
	    navoff[current + 1]);
}

/* Wraps body in the page shell and writes it to outdir/file; the body's
 * storage goes to the context (no copy of a large page), leaving body
 * empty. */
static int
S_write_page(struct site *s, struct val *ctx, long current, const char *file,
    const char *title, struct buf *body)
{
	int depth = course_depth(file);
	struct val *page = val_set(ctx, "page", val_map());
	struct buf nav = { 0 };
	size_t blen = body->len, need;
	char *path;
	int rc;

	S_nav(s, current, depth, &nav);
	/* Room for the whole page at once: body, sidebar and shell. */
	need = blen + nav.len + 8192;
	val_set(ctx, "nav", val_str_own(buf_detach(&nav)));
	val_set_str(page, "title", title);
	/* the body, exactly its size, is not copied */
	val_set(page, "body", val_str_own(xrealloc(buf_detach(body),
	    blen + 1)));
	val_set_str(page, "file", file);
	buf_reset(&s->page);
	buf_grow(&s->page, need);
	if (S_render(s, T_PAGE, ctx, &s->page) != 0)
		return -1;
	path = file_join(s->outdir, file);
	rc = 0;
	if (depth > 0) {
		/* the page's folder, as the chapter's under content/ */
		char *d = file_dir(path);

		rc = file_mkdirs(d, s->dl);
		free(d);
	}
	if (rc == 0)
		rc = file_write(path, s->page.data, s->page.len, s->dl);
	free(path);
	return rc;
}

/*** Images ***/

/* 1 for a node whose file the site copies: an image, or a link to a file
 * of the project that is no chapter (a PDF, a zip). */
static int
S_placed(const struct doc_node *n)
{
	return n->type == DOC_IMAGE ||
	    (n->type == DOC_LINK && course_linked_file(n->url));
}

/* Where a chapter's local image (or linked file) goes in the site, so the site is complete
 * on its own: one inside content/ keeps its relative path; one elsewhere
 * in the project goes under assets/; one outside the project (by path or
 * by symbolic link) is refused.  Points img at its place and returns that
 * path (caller frees) with *src set to the file to copy (caller frees), or
 * NULL after adding diagnostics. */
static char *
S_image_place(const struct course *c, const struct chapter *ch,
    struct doc_node *img, char **src, struct diag_list *dl)
{
	struct buf out = { 0 }, enc = { 0 };
	char *norm;
	size_t clen = strlen(c->content), dlen;
	int in_content;

	if ((norm = course_file(c, ch, img->url, img->line, img->col,
	    img->type == DOC_IMAGE ? DIAG_IMAGE_MISSING : DIAG_LINK_MISSING,
	    src, dl)) == NULL)
		return NULL;
	dlen = strcmp(c->dir, ".") ? strlen(c->dir) + 1 : 0;
	in_content = clen > dlen && strncmp(norm, c->content + dlen,
	    clen - dlen) == 0 && norm[clen - dlen] == '/';
	if (clen <= dlen)
		in_content = 1;	/* a bare project: content is the root */
	if (in_content)
		buf_puts(&out, norm + (clen > dlen ? clen - dlen + 1 : 0));
	else
		buf_printf(&out, "assets/%s", norm);
	free(norm);
	/* from the chapter's page, which may be in a folder */
	S_up(&enc, course_depth(ch->slug));
	esc_url_path(&enc, out.data, out.len);
	if (strchr(img->url, '#') != NULL)	/* "handout.pdf#page=2" */
		buf_puts(&enc, strchr(img->url, '#'));
	free(img->url);
	img->url = buf_detach(&enc);
	return buf_detach(&out);
}

/* Copies src to rel in the site, once however many pages show it. */
static void
S_image_copy(struct site *s, const char *rel, const char *src)
{
	char *data, *dst;
	size_t len, i;

	pthread_mutex_lock(&s->sh->lock);
	for (i = 0; i < s->sh->ncopied; i++)
		if (strcmp(s->sh->copied[i], rel) == 0)
			break;
	if (i < s->sh->ncopied) {
		pthread_mutex_unlock(&s->sh->lock);
		return;
	}
	/* claimed before copying, so no other thread copies it too */
	s->sh->copied = xrealloc(s->sh->copied, (s->sh->ncopied + 1) *
	    sizeof(*s->sh->copied));
	s->sh->copied[s->sh->ncopied++] = xstrdup(rel);
	pthread_mutex_unlock(&s->sh->lock);
	dst = file_join(s->outdir, rel);
	if (strchr(dst, '/') != NULL) {
		char *d = file_dir(dst);

		file_mkdirs(d, s->dl);
		free(d);
	}
	if ((data = file_read_in(s->c->dir, src, &len, s->dl)) != NULL) {
		file_write(dst, data, len, s->dl);
		free(data);
	}
	free(dst);
}

/*** Chapter bodies, rendered while the course is scanned ***/

struct body {
	off_t	 off;		/* in the spill file */
	size_t	 len;
	char	*mem;		/* or here, when there is no spill file */
	char	**img;		/* site path, source path; ... */
	size_t	 nimg;		/* pairs */
	int	 done;
};

struct site_bodies {
	enum edition	 e;
	FILE		*spill;		/* a temporary file, or NULL */
	pthread_mutex_t	 lock;
	off_t		 end;		/* of the spill file */
	struct body	*b;		/* per chapter */
	size_t		 n;
};

/* What course_chapter_doc() and the page do to a chapter's tree, done to
 * the scan's own tree: links to pages, the edition, the images' places,
 * then the HTML, put aside until the page is written. */
static void
S_body_hook(void *arg, const struct course *c, size_t i,
    struct doc_node *root, struct diag_list *dl)
{
	struct site_bodies *sb = arg;
	struct body *b = &sb->b[i];
	const struct chapter *ch = &c->ch[i];
	/* a chapter in another language has its labels in it */
	struct html_opts ho = { ch->lang != NULL ? ch->lang : c->lang,
	    c->raw_html };
	struct buf body = { 0 };
	struct doc_node *n;
	struct xref_index idx;
	struct prep p;
	char *rel, *src;
	off_t off;
	ssize_t w;
	size_t done;

	/* A Quarto @sec-x or a {ref} may name a chapter the scan has not
	 * numbered yet: such a page is made after the scan, as one past the
	 * budget is. */
	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_LINK && n->info != NULL &&
		    (strcmp(n->info, "qref") == 0 || strcmp(n->info, "ref") == 0))
			return;
	course_xref_index(c, &idx);
	memset(&p, 0, sizeof(p));
	p.steps = PREP_XREF | PREP_EDITION;
	p.path = ch->path;
	p.idx = &idx;
	p.edition = sb->e;
	prep_passes(root, &p, dl);
	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (!S_placed(n) ||
		    (rel = S_image_place(c, ch, n, &src, dl)) == NULL)
			continue;
		b->img = xrealloc(b->img, (b->nimg + 1) * 2 * sizeof(*b->img));
		b->img[b->nimg * 2] = rel;
		b->img[b->nimg * 2 + 1] = src;
		b->nimg++;
	}
	html_render(root, &ho, &body);
	b->len = body.len;
	b->done = 1;
	if (sb->spill != NULL) {
		pthread_mutex_lock(&sb->lock);
		off = sb->end;
		sb->end += (off_t)body.len;
		pthread_mutex_unlock(&sb->lock);
		b->off = off;
		for (done = 0; done < body.len; done += (size_t)w)
			if ((w = pwrite(fileno(sb->spill), body.data + done,
			    body.len - done, off + (off_t)done)) <= 0)
				break;
		if (done == body.len) {
			buf_free(&body);
			return;
		}
	}
	b->mem = buf_detach(&body);
}

struct site_bodies *
site_bodies_new(struct course *c, enum edition e)
{
	struct site_bodies *sb = xcalloc(1, sizeof(*sb));

	sb->e = e;
	sb->n = c->nch;
	sb->b = xcalloc(c->nch + 1, sizeof(*sb->b));
	sb->spill = tmpfile();
	pthread_mutex_init(&sb->lock, NULL);
	c->hook = S_body_hook;
	c->hook_arg = sb;
	return sb;
}

void
site_bodies_free(struct site_bodies *sb)
{
	size_t i, k;

	if (sb == NULL)
		return;
	for (i = 0; i < sb->n; i++) {
		free(sb->b[i].mem);
		for (k = 0; k < sb->b[i].nimg * 2; k++)
			free(sb->b[i].img[k]);
		free(sb->b[i].img);
	}
	free(sb->b);
	if (sb->spill != NULL)
		fclose(sb->spill);
	pthread_mutex_destroy(&sb->lock);
	free(sb);
}

/* Chapter i's body as the scan rendered it, into out; -1 when there is
 * none (then the chapter is parsed again). */
static int
S_body_get(struct site *s, size_t i, enum edition e, struct buf *out)
{
	struct site_bodies *sb = s->bodies;
	struct body *b;
	ssize_t r;
	size_t done, k;

	if (sb == NULL || i >= sb->n || !sb->b[i].done || sb->e != e)
		return -1;
	b = &sb->b[i];
	for (k = 0; k < b->nimg; k++)
		S_image_copy(s, b->img[k * 2], b->img[k * 2 + 1]);
	if (b->mem != NULL) {
		buf_put(out, b->mem, b->len);
		return 0;
	}
	buf_grow(out, b->len);
	for (done = 0; done < b->len; done += (size_t)r)
		if ((r = pread(fileno(sb->spill), out->data + out->len + done,
		    b->len - done, b->off + (off_t)done)) <= 0)
			return -1;
	out->len += b->len;
	out->data[out->len] = '\0';
	return 0;
}

/* 1 when the incremental build's graph keeps the page file (below the
 * site) of chapter i, or of the whole course for i -1 (incr_graph.h). */
static int
S_keep(struct site *s, long i, const char *file)
{
	const struct incr_plan *p = s->c->plan;
	struct buf rel = { 0 };
	int kept;

	if (p == NULL || p->pages_only)
		return 0;
	buf_printf(&rel, "site/%s", file);
	kept = i >= 0 ? incr_plan_chapter(p, (size_t)i, buf_cstr(&rel)) :
	    incr_plan_course(p, p->outline && p->quiet, buf_cstr(&rel));
	buf_free(&rel);
	return kept;
}

static int
S_chapter_page(struct site *s, size_t i, enum edition e)
{
	const struct course *c = s->c;
	const struct chapter *ch = &c->ch[i];
	struct html_opts ho = { ch->lang != NULL ? ch->lang : c->lang,
	    c->raw_html };
	struct doc_node *root, *n;
	struct val *ctx, *v;
	struct buf body = { 0 }, title = { 0 };
	char *file, *rel, *src;
	int rc;

	/* serve's first pass: only the pages whose source changed */
	if (c->plan != NULL && c->plan->pages_only && c->plan->keep[i])
		return 0;
	if (S_body_get(s, i, e, &body) != 0) {
		buf_reset(&body);
		if ((root = course_chapter_doc(c, i, e, s->dl)) == NULL) {
			buf_free(&body);
			return -1;
		}
		for (n = root; n != NULL; n = doc_next(root, n, 0)) {
			if (!S_placed(n) ||
			    (rel = S_image_place(c, ch, n, &src,
			    s->dl)) == NULL)
				continue;
			S_image_copy(s, rel, src);
			free(rel);
			free(src);
		}
		html_render(root, &ho, &body);
		doc_free(root);
	}
	ctx = S_base_ctx(s, course_depth(ch->slug));
	/* a chapter in another language than the course's (its front
	 * matter): its text says so, the shell keeps the course's */
	if (ch->lang != NULL && strcmp(ch->lang, c->lang) != 0)
		val_set_str(ctx, "content_lang", ch->lang);
	if (body.len > 0 && strstr(body.data, "<form class=\"quiz\"") != NULL) {
		/* the script that grades the questions, on their pages only */
		S_set_up(ctx, "quiz_js", "quiz.js", course_depth(ch->slug));
		pthread_mutex_lock(&s->sh->lock);
		s->sh->quiz = 1;
		pthread_mutex_unlock(&s->sh->lock);
	}
	v = val_set(ctx, "chapter", S_chapter_val(c, i,
	    course_depth(ch->slug)));
	if (i > 0)
		val_set(v, "prev", S_chapter_val(c, i - 1,
		    course_depth(ch->slug)));
	if (i + 1 < c->nch)
		val_set(v, "next", S_chapter_val(c, i + 1,
		    course_depth(ch->slug)));
	buf_printf(&title, "%d %s", ch->number, ch->title);
	{
		struct buf url = { 0 };
		struct search_words words;

		esc_url_path(&url, ch->slug, strlen(ch->slug));
		buf_puts(&url, ".html");
		search_index_chapter(s->sh->search, i, buf_cstr(&url),
		    buf_cstr(&title), buf_cstr(&body), body.len);
		search_index_lang(s->sh->search, i, ch->lang);
		/* the register's words: those the index just read, when
		 * they are the same */
		site_reg_chapter(s->reg, i, buf_cstr(&body), body.len,
		    search_index_words(s->sh->search, i, &words) == 0 ?
		    &words : NULL);
		buf_free(&url);
	}
	{
		/* on disk the name as it is; in links, encoded */
		struct buf fb = { 0 };

		buf_printf(&fb, "%s.html", ch->slug);
		file = buf_detach(&fb);
	}
	/* the first page is always set: the templates warn from it */
	if (i > 0 && S_keep(s, (long)i, file))
		rc = 0;
	else
		rc = S_write_page(s, ctx, (long)i, file, buf_cstr(&title),
		    &body);
	free(file);
	val_free(ctx);
	buf_free(&body);
	buf_free(&title);
	return rc;
}

/* A sales document's page: the same shell, no chapter around it. */
static int
S_doc_page(struct site *s, size_t i)
{
	struct datadoc *d = &s->c->docs[i];
	struct html_opts ho = { d->lang, 0 };
	struct doc_node *root;
	struct val *ctx;
	struct buf body = { 0 }, file = { 0 };
	int rc;

	if ((root = datadoc_doc(d, s->th, NULL, s->dl)) == NULL)
		return -1;
	html_render(root, &ho, &body);
	doc_free(root);
	ctx = S_base_ctx(s, 0);
	if (d->colour != 0xFF000000u) {
		char c[8];

		snprintf(c, sizeof(c), "#%06X", d->colour & 0xFFFFFF);
		val_set_str(ctx, "brand", c);
	}
	/* the shell (skip link, sidebar, search) speaks the site's language;
	 * a document in another one says so on its own text (WCAG 3.1.2) */
	if (strcmp(d->lang, s->c->lang) != 0)
		val_set_str(ctx, "content_lang", d->lang);
	buf_printf(&file, "%s.html", d->slug);
	rc = S_write_page(s, ctx, -1, file.data, d->title, &body);
	val_free(ctx);
	buf_free(&body);
	buf_free(&file);
	return rc;
}

static int
S_index_page(struct site *s)
{
	struct val *ctx = S_base_ctx(s, 0), *list;
	struct buf body = { 0 };
	size_t i;
	int rc;

	if (s->c->landing != NULL) {
		/* the project's own index.md or README.md, above the list */
		struct html_opts ho = { s->c->lang, s->c->raw_html };
		struct chapter lp;
		struct doc_node *root, *n;
		struct buf lb = { 0 };
		char *rel, *src;

		memset(&lp, 0, sizeof(lp));
		lp.path = s->c->landing;
		lp.slug = "index";
		if ((root = course_landing_doc(s->c, s->sh->edition,
		    s->dl)) != NULL) {
			for (n = root; n != NULL; n = doc_next(root, n, 0)) {
				if (!S_placed(n) ||
				    (rel = S_image_place(s->c, &lp, n, &src,
				    s->dl)) == NULL)
					continue;
				S_image_copy(s, rel, src);
				free(rel);
				free(src);
			}
			html_render(root, &ho, &lb);
			val_set_bool(ctx, "landing_has_title", root->first &&
			    root->first->type == DOC_HEADING &&
			    root->first->level == 1);
			val_set(ctx, "landing", val_str_own(buf_detach(&lb)));
			doc_free(root);
		}
		buf_free(&lb);
	}
	list = val_set(ctx, "chapters", val_list());
	for (i = 0; i < s->c->nch; i++)
		val_push(list, S_chapter_val(s->c, i, 0));
	if (s->c->ndocs > 0) {
		struct val *docs = val_set(ctx, "documents", val_list()), *e;

		for (i = 0; i < s->c->ndocs; i++) {
			e = val_map();
			val_set_str(e, "title", s->c->docs[i].title);
			val_set(e, "href", val_str_own(S_href(
			    s->c->docs[i].slug, 0)));
			val_set_str(e, "kind", s->c->docs[i].kind);
			val_push(docs, e);
		}
		val_set_bool(ctx, "has_documents", 1);
	}
	if ((rc = S_render(s, T_INDEX, ctx, &body)) == 0)
		rc = S_write_page(s, ctx, -1, "index.html", s->c->title,
		    &body);
	val_free(ctx);
	buf_free(&body);
	return rc;
}

static int
S_glossary_page(struct site *s)
{
	const struct course *c = s->c;
	struct val *ctx = S_base_ctx(s, 0), *letters, *letter = NULL, *terms = NULL;
	struct val *e;
	struct buf body = { 0 }, h = { 0 }, file = { 0 };
	const struct gloss_entry *g;
	const struct chapter *ch;
	char initial[2] = { 0, 0 }, num[16], *id;
	struct pass_ids *ids = pass_ids_new();
	size_t i;
	int rc;

	letters = val_set(ctx, "letters", val_list());
	for (i = 0; i < c->ngloss; i++) {
		g = &c->gloss[i];
		ch = &c->ch[g->chapter];
		if (letter == NULL || g->key[0] != initial[0]) {
			initial[0] = g->key[0];
			letter = val_map();
			buf_reset(&h);
			buf_putc(&h, (g->key[0] >= 'a' && g->key[0] <= 'z') ?
			    g->key[0] - 'a' + 'A' : '#');
			val_set_str(letter, "letter", buf_cstr(&h));
			buf_reset(&h);
			buf_printf(&h, "letter-%s", (g->key[0] >= 'a' &&
			    g->key[0] <= 'z') ? initial : "overig");
			val_set_str(letter, "id", buf_cstr(&h));
			terms = val_set(letter, "terms", val_list());
			val_push(letters, letter);
		}
		e = val_map();
		val_set_str(e, "term", g->term);
		val_set_str(e, "text", g->text);
		buf_reset(&h);
		buf_puts(&h, "term-");
		pass_slug(g->term, &h);
		/* "A-B" and "A B" slug alike: number the later ones, as the
		 * chapter pages do */
		id = pass_ids_unique(ids, buf_cstr(&h));
		buf_reset(&h);
		buf_puts(&h, id);
		free(id);
		val_set_str(e, "id", buf_cstr(&h));
		buf_reset(&h);
		esc_url_path(&h, ch->slug, strlen(ch->slug));
		buf_puts(&h, ".html#");
		esc_url_path(&h, g->id, strlen(g->id));
		val_set_str(e, "href", buf_cstr(&h));
		snprintf(num, sizeof(num), "%d", ch->number);
		val_set_str(e, "chapter_number", num);
		val_set_str(e, "chapter_title", ch->title);
		val_push(terms, e);
	}
	buf_printf(&file, "%s", s->glossary_href);
	if ((rc = S_render(s, T_GLOSSARY, ctx, &body)) == 0) {
		/* the terms are in the body now: free their values before
		 * the page is put together, or both stay at the peak */
		val_set(ctx, "letters", val_null());
		rc = S_write_page(s, ctx, -1, buf_cstr(&file),
		    i18n(c->lang, I18N_GLOSSARY), &body);
	}
	val_free(ctx);
	buf_free(&body);
	buf_free(&h);
	buf_free(&file);
	pass_ids_free(ids);
	return rc;
}

/* The register page (site_register.h), when the course lists terms. */
static int
S_register_page(struct site *s)
{
	struct val *ctx = S_base_ctx(s, 0);
	struct buf body = { 0 };
	const char *title = i18n(s->c->lang, I18N_REGISTER);
	int rc;

	val_set(ctx, "letters", site_reg_letters(s->reg));
	if ((rc = S_render(s, T_REGISTER, ctx, &body)) == 0) {
		val_set(ctx, "letters", val_null());
		rc = S_write_page(s, ctx, -1, "register.html", title, &body);
	}
	val_free(ctx);
	buf_free(&body);
	return rc;
}

/* The search page: search.html?q=... shows the results for q. */
static int
S_search_page(struct site *s)
{
	struct val *ctx = S_base_ctx(s, 0);
	struct buf body = { 0 };
	struct tmpl *t = NULL;
	const char *src, *path;
	size_t len;
	int rc = -1;

	if ((src = theme_get(s->th, "site/search.html", &path, &len)) == NULL)
		diag_add(s->dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
		    "site/search.html");
	else if ((t = tmpl_parse(src, len, path, s->dl)) != NULL) {
		struct tmpl_opts o = { ESC_HTML, S_partial, s, 1 };

		if (tmpl_render(t, ctx, &o, &body, s->dl) == 0)
			rc = S_write_page(s, ctx, -1, "search.html",
			    search_label(s->c->lang), &body);
	}
	tmpl_free(t);
	val_free(ctx);
	buf_free(&body);
	return rc;
}

static int
S_copy(struct site *s, const char *name, const char *to)
{
	const char *src, *path;
	size_t len;
	char *dst;
	int rc;

	if ((src = theme_get(s->th, name, &path, &len)) == NULL) {
		diag_add(s->dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0, name);
		return -1;
	}
	dst = file_join(s->outdir, to);
	rc = file_write(dst, src, len, s->dl);
	free(dst);
	return rc;
}

/*** Chapter pages, in parallel ***/

/* A chapter page as a job of the pool: ws is one copy of the builder per
 * worker, each with its own page buffer. */
struct page_job {
	struct site	*ws;
	size_t		 i;
	int		 rc;
	struct progress	*pg;	/* the terminal's line, or NULL */
};

/* A page written: one step of the terminal's progress line. */
static void
S_page_done(void *arg)
{
	struct page_job *pj = arg;

	/* the index's word numbers, in chapter order, here on the owning
	 * thread while the workers make later pages: off the index's
	 * thread, which runs alone once the pages are made */
	search_index_number(pj->ws[0].sh->search, pj->i);
	progress_step(pj->pg, 1);
}

static void
S_page_work(void *arg, int worker)
{
	struct page_job *pj = arg;
	struct site *s = &pj->ws[worker];

	s->dl = s->sh->chdl[pj->i];
	pj->rc = S_chapter_page(s, pj->i, s->sh->edition);
}

/* The first page is set alone, so the templates warn about a missing name
 * once; then the pool's threads share the rest.  Each chapter's
 * diagnostics go to a list of its own and are merged in chapter order, so
 * the output does not depend on which thread came first. */
static int
S_chapters(struct site *s, enum edition e, int jobs)
{
	struct shared *sh = s->sh;
	struct diag_list *main_dl = s->dl;
	struct page_job *pj;
	struct pool *pool;
	struct progress *pg;
	struct site *ws;
	size_t i, n = s->c->nch;
	int k, nw;

	if (n == 0)
		return 0;
	sh->edition = e;
	sh->chdl = xcalloc(n, sizeof(*sh->chdl));
	for (i = 0; i < n; i++) {
		sh->chdl[i] = diag_list_new();
		sh->chdl[i]->strict = main_dl->strict;
		sh->chdl[i]->verbose = main_dl->verbose;
	}
	pg = progress_begin("pages", n, 0);
	s->dl = sh->chdl[0];
	if (S_chapter_page(s, 0, e) != 0)
		sh->rc = -1;
	search_index_number(sh->search, 0);
	progress_step(pg, 1);
	s->dl = main_dl;
	pool = pool_new(jobs);
	nw = pool_threads(pool);
	ws = xcalloc((size_t)nw, sizeof(*ws));
	for (k = 0; k < nw; k++) {
		ws[k] = *s;
		memset(&ws[k].page, 0, sizeof(ws[k].page));
		for (i = 0; i < T__MAX; i++)
			ws[k].warned[i] = 1;
	}
	pj = xcalloc(n, sizeof(*pj));
	for (i = 1; i < n; i++) {
		pj[i].ws = ws;
		pj[i].i = i;
		pj[i].pg = pg;
		pool_submit(pool, S_page_work, S_page_done, &pj[i]);
	}
	pool_free(pool);
	progress_end(pg);
	for (i = 1; i < n; i++)
		if (pj[i].rc != 0)
			sh->rc = -1;
	for (k = 0; k < nw; k++)
		buf_free(&ws[k].page);
	for (i = 0; i < n; i++) {
		diag_move(main_dl, sh->chdl[i]);
		diag_list_free(sh->chdl[i]);
	}
	free(sh->chdl);
	free(pj);
	free(ws);
	return sh->rc;
}

/* The search index's files, as a job of a pool: search_index_write()
 * into a diagnostics list of its own, merged when the job is done. */
struct search_job {
	struct search_index	*si;
	const char		*outdir;
	struct diag_list	*dl;
	int			 rc;
};

/* The part of hunspell-nl the index's compound splitter needs whatever
 * the site's words are (dict_prepare()), as a job of a pool. */
static void
S_prepare_work(void *arg, int worker)
{
	(void)arg;
	(void)worker;
	dict_prepare(NULL, NULL);
}

static void
S_search_work(void *arg, int worker)
{
	struct search_job *sj = arg;

	(void)worker;
	sj->rc = search_index_write(sj->si, sj->outdir, sj->dl);
}

/* 1 when the search index splits Dutch compounds with hunspell-nl's
 * own dictionary: a chapter in Dutch, no other dictionary asked for
 * (search_index_write()). */
static int
S_dutch(const struct course *c)
{
	const char *env = getenv("SALESGEN_DICT_NL"), *lang;
	size_t i;

	if (env != NULL && *env != '\0')
		return 0;
	for (i = 0; i < c->nch; i++) {
		lang = c->ch[i].lang != NULL ? c->ch[i].lang : c->lang;
		if (lang == NULL || strcmp(lang, "en") != 0)
			return 1;
	}
	return 0;
}

int
site_build(const struct course *c, struct theme *th, const char *outdir,
    enum edition e, int jobs, struct site_bodies *bodies, struct diag_list *dl)
{
	struct shared sh;
	struct search_job sj;
	struct diag_list *tdl;
	struct pool *spool = NULL;
	struct site s;
	struct buf gh = { 0 };
	const char *src, *path;
	size_t len, i;
	int k, rc = 0;

	memset(&s, 0, sizeof(s));
	memset(&sh, 0, sizeof(sh));
	memset(&sj, 0, sizeof(sj));
	pthread_mutex_init(&sh.lock, NULL);
	s.sh = &sh;
	sh.edition = e;
	s.c = c;
	s.th = th;
	s.outdir = outdir;
	s.dl = dl;
	s.bodies = bodies;
	buf_printf(&gh, "%s.html", i18n(c->lang, I18N_GLOSSARY_FILE));
	s.glossary_href = buf_detach(&gh);
	/* a chapter of that name keeps its page: no register on the site
	 * then (salesgen(1), CAVEATS) */
	for (i = 0; i < c->nch && strcmp(c->ch[i].slug, "register") != 0; i++)
		;
	s.reg = i == c->nch ? site_reg_new(c) : NULL;
	for (k = 0; k < T__MAX; k++) {
		if ((src = theme_get(th, S_tnames[k], &path, &len)) == NULL) {
			diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
			    S_tnames[k]);
			rc = -1;
		} else if ((s.t[k] = tmpl_parse(src, len, path, dl)) == NULL)
			rc = -1;
	}
	if (rc == 0 && file_mkdirs(outdir, dl) != 0)
		rc = -1;
	if (rc == 0) {
		struct buf nav = { 0 };
		char *entry;
		int d;

		for (i = 0; i < c->nch; i++)
			if (course_depth(c->ch[i].slug) > s.maxdepth)
				s.maxdepth = course_depth(c->ch[i].slug);
		/* one sidebar for the pages of each folder depth */
		s.nav = xcalloc((size_t)s.maxdepth + 1, sizeof(*s.nav));
		s.navoff = xcalloc((size_t)s.maxdepth + 1, sizeof(*s.navoff));
		for (d = 0; d <= s.maxdepth; d++) {
			s.navoff[d] = xcalloc(c->nch + 1, sizeof(**s.navoff));
			for (i = 0; i < c->nch; i++) {
				s.navoff[d][i] = nav.len;
				entry = S_nav_entry(&s, i, 0, d);
				buf_puts(&nav, entry);
				free(entry);
			}
			s.navoff[d][c->nch] = nav.len;
			s.nav[d] = buf_detach(&nav);
		}
		s.warned[T_NAV] = 0;	/* the current entry differs */
		sh.search = search_index_new(c->lang, c->nch);
		search_index_threads(sh.search, jobs);
		/* the dictionary's part that does not depend on the words
		 * (dict.h) is made on the index's pool while the pages are:
		 * the index's splitter asks for it at once when they are done
		 * and would wait for it there, alone on the critical path */
		if (jobs > 1 && c->nch > 0 && S_dutch(c) &&
		    !(c->plan != NULL && c->plan->pages_only)) {
			spool = pool_new(2);
			pool_submit(spool, S_prepare_work, NULL, NULL);
		}
		if (S_chapters(&s, e, jobs) != 0)
			rc = -1;
		if (c->plan != NULL && c->plan->pages_only)
			goto pages_only;
		/* the search index on a thread of its own while the register
		 * and the other pages are made: both walk every word */
		for (i = 0; i < c->ngloss; i++)
			search_index_gloss(sh.search, c->gloss[i].chapter,
			    c->gloss[i].id, c->gloss[i].term, c->gloss[i].text);
		sj.si = sh.search;
		sj.outdir = outdir;
		sj.dl = diag_list_new();
		sj.dl->strict = dl->strict;
		sj.dl->verbose = dl->verbose;
		if (c->nch > 0) {
			if (spool == NULL)
				spool = pool_new(jobs > 1 ? 2 : 1);
			pool_submit(spool, S_search_work, NULL, &sj);
		}
		if (s.reg != NULL && S_register_page(&s) != 0)
			rc = -1;
		/* the contents: what the chapters show each other and the
		 * landing page's text (its diagnostics: rendered with it) */
		if (!(c->landing == NULL && S_keep(&s, -1, "index.html")) &&
		    S_index_page(&s) != 0)
			rc = -1;
		for (i = 0; i < c->ndocs; i++)
			if (S_doc_page(&s, i) != 0)
				rc = -1;
		/* no terms, no page: nothing links to an empty one */
		if (c->ngloss > 0 && !S_keep(&s, -1, s.glossary_href) &&
		    S_glossary_page(&s) != 0)
			rc = -1;
		if (S_copy(&s, "site/style.css", "style.css") != 0 ||
		    S_copy(&s, "site/print.css", "print.css") != 0)
			rc = -1;
		if (sh.quiz && S_copy(&s, "site/quiz.js", "quiz.js") != 0)
			rc = -1;
		/* the search: its page, its script and the index */
		/* no chapters, nothing to search: no box, no page */
		if (c->nch > 0 && (S_search_page(&s) != 0 ||
		    S_copy(&s, "site/search.js", "search.js") != 0))
			rc = -1;
		/* the chapters' texts for the snippets, here while the index's
		 * thread is still at its terms (it is the longer: on -j 2
		 * this thread waits for it); their diagnostics after its */
		tdl = diag_list_new();
		tdl->strict = dl->strict;
		tdl->verbose = dl->verbose;
		if (c->nch > 0 &&
		    search_index_write_texts(sh.search, outdir, tdl) != 0)
			rc = -1;
		/* every page is written: the register is freed while the
		 * index's thread still works rather than after it, when its
		 * frees would be the run's last step, on one thread */
		site_reg_free(s.reg);
		s.reg = NULL;
		pool_free(spool);
		if (c->nch > 0 && sj.rc != 0)
			rc = -1;
		diag_move(dl, sj.dl);
		diag_list_free(sj.dl);
		diag_move(dl, tdl);
		diag_list_free(tdl);
pages_only:
		search_index_free(sh.search);
	}
	for (k = 0; s.nav != NULL && k <= s.maxdepth; k++) {
		free(s.nav[k]);
		free(s.navoff[k]);
	}
	free(s.nav);
	free(s.navoff);
	for (i = 0; i < sh.ncopied; i++)
		free(sh.copied[i]);
	free(sh.copied);
	pthread_mutex_destroy(&sh.lock);
	for (k = 0; k < T__MAX; k++)
		tmpl_free(s.t[k]);
	buf_free(&s.page);
	free(s.glossary_href);
	site_reg_free(s.reg);
	return rc;
}
