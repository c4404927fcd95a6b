/*
 * main — the salesgen command line.  Parses options and calls the library;
 * no document logic lives here.
 */
#include "buf.h"
#include "course.h"
#include "datadoc.h"
#include "diag.h"
#include "file.h"
#include "file_tmp.h"
#include "html.h"
#include "i18n.h"
#include "md.h"
#include "fingerprint.h"
#include "fpread.h"
#include "merge.h"
#include "mem.h"
#include "ohtml.h"
#include "pass.h"
#include "pdf/pdf.h"
#include "pdf/pdf_font.h"
#include "quiz_export.h"
#include "sales_doc.h"
#include "site.h"
#include "theme.h"
#include "tmpl.h"
#include "val.h"
#include "version.h"
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char S_usage[] =
"usage: salesgen build [DIR] [--only site|pdf] [--edition student|teacher]\n"
"       salesgen render IN.md|IN.xml [-o OUT] [-t html|pdf|md] [--fragment]\n"
"                [--select SPEC]\n"
"       salesgen verify OFFER.pdf|OFFER.html DATA.xml\n"
"       salesgen check [DIR|FILE]\n"
"       salesgen merge TEMPLATE.xml ROWS.csv -o DIR [-t pdf|html]\n"
"                [--shard I/N] [--ignore COLUMN]...\n"
"       salesgen new KIND NAME\n"
"       salesgen --help | --version\n"
"common options: -q (errors only), -v (name every file written), -j N,\n"
"                --strict (warnings are errors), --paper a4|letter,\n"
"                --ragged (ragged-right PDF text),\n"
"                --pdf-standard a2a+ua|ua|none (default a2a+ua)\n";

struct opts {
	const char	*cmd;
	const char	*arg;		/* DIR or IN */
	const char	*arg2;		/* ROWS.csv (merge), NAME (new) */
	const char	*out;		/* -o */
	const char	*only;		/* --only */
	const char	*type;		/* -t */
	const char	*lang;		/* --lang */
	int		 edition;	/* -1 = the command's default */
	int		 fragment;
	int		 letter, ragged;
	int		 pdf_standard;	/* --pdf-standard: enum pdf_standard */
	int		 jobs;		/* -j */
	int		 quiet, verbose, strict;
	const char	*select;	/* --select SPEC (render, an offerte) */
	const char	*shard;		/* --shard I/N, as given */
	size_t		 shard_i, shard_n;
	char		**ignore;	/* --ignore COLUMN, each */
	size_t		 nignore;
};

static int
S_usage_error(struct diag_list *dl, const char *fmt, const char *arg)
{
	struct buf b = { 0 };

	buf_printf(&b, fmt, arg);
	diag_add(dl, DIAG_USAGE, NULL, 0, 0, buf_cstr(&b));
	buf_free(&b);
	diag_print(dl, stderr);
	fprintf(stderr, "Try 'salesgen --help'.\n");
	return 2;
}

/* Exit status: 0 when no error was reported (warnings allowed, unless
 * --strict made them errors), 1 when the input had errors. */
static int
S_finish(struct diag_list *dl, int rc)
{
	diag_print(dl, stderr);
	if (rc != 0 || diag_worst(dl) >= DIAG_ERROR)
		return 1;
	return 0;
}

/*** render ***/

/* 1 when render writes a PDF: -t pdf, or an output named *.pdf. */
static int
S_wants_pdf(const struct opts *o)
{
	return o->type != NULL ? strcmp(o->type, "pdf") == 0 : o->out != NULL &&
	    strlen(o->out) > 4 && strcmp(o->out + strlen(o->out) - 4,
	    ".pdf") == 0;
}

/* Writes root as o asks: a PDF, an HTML fragment or a whole page. */
static int
S_emit(const struct opts *o, const struct doc_node *root, const char *title,
    const char *desc, const char *lang, const char *path,
    const struct pdf_opts *po, struct diag_list *dl)
{
	struct html_opts ho;
	struct theme *th;
	struct tmpl *t;
	struct tmpl_opts to = { ESC_HTML, NULL, NULL, 1 };
	struct buf body = { 0 }, page = { 0 };
	struct val *ctx;
	const char *src_t, *tpath;
	size_t tlen;
	int rc = 0, pdf;

	pdf = S_wants_pdf(o);
	if (diag_worst(dl) >= DIAG_ERROR)
		return -1;	/* nothing is written from bad input */
	if (pdf)
		return pdf_document(root, title, lang, path, po, NULL,
		    o->out ? o->out : "-", dl);
	ho.lang = lang;
	ho.raw_html = 0;
	html_render(root, &ho, &body);
	if (o->fragment) {
		rc = file_write(o->out ? o->out : "-", buf_cstr(&body),
		    body.len, dl);
		buf_free(&body);
		return rc;
	}
	th = theme_new(".");
	src_t = theme_check(th, dl) != 0 ? NULL :
	    theme_get(th, "site/document.html", &tpath, &tlen);
	if (src_t == NULL && diag_worst(dl) >= DIAG_ERROR)
		rc = -1;
	else if (src_t == NULL) {
		diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
		    "site/document.html");
		rc = -1;
	} else if ((t = tmpl_parse(src_t, tlen, tpath, dl)) == NULL)
		rc = -1;
	else {
		ctx = val_map();
		val_set_str(ctx, "lang", lang);
		val_set_str(ctx, "title", title);
		val_set_str(ctx, "body", buf_cstr(&body));
		if (desc != NULL)
			val_set_str(ctx, "description", desc);
		rc = tmpl_render(t, ctx, &to, &page, dl);
		if (rc == 0 && diag_worst(dl) < DIAG_ERROR)
			rc = file_write(o->out ? o->out : "-",
			    buf_cstr(&page), page.len, dl);
		val_free(ctx);
		tmpl_free(t);
	}
	theme_free(th);
	buf_free(&body);
	buf_free(&page);
	return rc;
}

/* --select: only for an offerte, applied before anything is computed. */
static int
S_select(const struct opts *o, struct datadoc *d, struct diag_list *dl)
{
	if (o->select == NULL)
		return 0;
	if (strcmp(d->kind, "offerte") != 0) {
		diag_add(dl, DIAG_SELECT, d->path, 0, 0, o->select,
		    "only an offerte has lines to select");
		return -1;
	}
	return sales_select(d->data, o->select, dl);
}

/* 1 when render writes the interactive offer: an offerte as a whole
 * HTML page (not a fragment, not the Markdown, not a PDF). */
static int
S_offer_page(const struct opts *o, const struct datadoc *d)
{
	return strcmp(d->kind, "offerte") == 0 && !o->fragment &&
	    !S_wants_pdf(o) && (o->type == NULL || strcmp(o->type, "html") == 0);
}

static int
S_emit_offer(const struct opts *o, const struct datadoc *d,
    const struct doc_node *root, const char *top, struct theme *th,
    struct diag_list *dl)
{
	struct html_opts ho = { d->lang, 0 };
	struct buf body = { 0 }, page = { 0 };
	int rc = -1;

	if (diag_worst(dl) >= DIAG_ERROR)
		return -1;	/* nothing is written from bad input */
	html_render(root, &ho, &body);
	if (ohtml_page(d, buf_cstr(&body), top, th, &page, dl) == 0 &&
	    diag_worst(dl) < DIAG_ERROR)
		rc = file_write(o->out ? o->out : "-", buf_cstr(&page),
		    page.len, dl);
	buf_free(&body);
	buf_free(&page);
	return rc;
}

/* A sales document: validated data through its kind's template; -t md
 * shows the Markdown the template made.  With write 0 (check FILE.xml)
 * the same checks run and nothing is written. */
static char	*S_render_root(const char *);

/* d one folder up, lexically where it can ("content/data" -> "content",
 * "content" -> "."), so that paths in messages stay as the user would
 * write them; past the start, by "..". */
static void
S_parent(struct buf *d)
{
	const char *s = buf_cstr(d), *slash = strrchr(s, '/');
	const char *last = slash != NULL ? slash + 1 : s;

	if (strcmp(last, "..") == 0 || strcmp(last, ".") == 0 ||
	    last[0] == '\0') {
		if (strcmp(s, ".") == 0) {
			buf_reset(d);
			buf_puts(d, "..");
		} else
			buf_puts(d, "/..");
	} else if (slash == NULL) {
		buf_reset(d);
		buf_puts(d, ".");
	} else if (slash == s)
		d->len = 1;	/* "/x" -> "/" */
	else
		d->len = (size_t)(slash - s);
	if (d->data != NULL)
		d->data[d->len] = '\0';
}

/* Whether dir is a project's folder: it holds salesgen.xml or content/. */
static int
S_is_project(const char *dir)
{
	char *p = file_join(dir, "salesgen.xml");
	int found = file_is_reg(p);

	free(p);
	p = file_join(dir, "content");
	found |= file_is_dir(p);
	free(p);
	return found;
}

/* Whether dir holds a project's settings (salesgen.xml, or
 * content/salesgen.xml), as merge takes its logo and fonts from. */
static int
S_has_config(const char *dir)
{
	char *cfg = file_join(dir, "salesgen.xml");
	char *alt = file_join(dir, "content/salesgen.xml");
	int found = file_is_reg(cfg) || file_is_reg(alt);

	free(cfg);
	free(alt);
	return found;
}

/* The nearest folder at or above file's own for which is() holds, as a
 * path to open (the caller frees it); NULL if none up to the file system's
 * root.  With is NULL, file's own folder. */
static char *
S_folder_up(const char *file, int (*is)(const char *))
{
	struct buf d = { 0 };
	const char *slash = strrchr(file, '/');
	char *real;
	int depth;

	if (slash != NULL)
		buf_put(&d, file, slash == file ? 1 : (size_t)(slash - file));
	else
		buf_puts(&d, ".");
	if (is == NULL)
		return buf_detach(&d);
	for (depth = 0; depth < 32; depth++) {
		if (is(buf_cstr(&d)))
			return buf_detach(&d);
		/* stop at the file system's root */
		if ((real = realpath(buf_cstr(&d), NULL)) == NULL ||
		    strcmp(real, "/") == 0) {
			free(real);
			break;
		}
		free(real);
		S_parent(&d);
	}
	buf_free(&d);
	return NULL;
}

static int
S_render_data(const struct opts *o, const char *src, size_t len, int write,
    struct diag_list *dl)
{
	struct data_schema *schema = NULL;
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	/* the document's own project, wherever it is run from: its logo
	 * and CSV parts must lie inside it, its templates override */
	char *top = S_render_root(o->arg);
	struct theme *th = theme_new(top);
	struct buf md = { 0 };
	int rc = -1;

	memset(&d, 0, sizeof(d));
	if (theme_check(th, dl) == 0 &&
	    (schema = data_schema_new(th, dl)) != NULL &&
	    datadoc_load(&d, src, len, o->arg, top, schema, dl) == 0 &&
	    S_select(o, &d, dl) == 0 &&
	    (d.keep_ctx = S_offer_page(o, &d),
	    root = datadoc_doc(&d, th, &md, dl)) != NULL) {
		if (!write)
			rc = 0;
		else if (d.keep_ctx)
			rc = S_emit_offer(o, &d, root, top, th, dl);
		else if (o->type != NULL && strcmp(o->type, "md") == 0)
			/* nothing is written from bad input (--strict too) */
			rc = diag_worst(dl) >= DIAG_ERROR ? -1 :
			    file_write(o->out ? o->out : "-", buf_cstr(&md),
			    md.len, dl);
		else {
			memset(&po, 0, sizeof(po));
			po.letter = o->letter;
			po.ragged = o->ragged;
			po.standard = o->pdf_standard;
			po.logo = d.logo;
			po.fingerprint = d.fingerprint;
			po.accent = d.colour;
			rc = S_emit(o, root, d.title, NULL, d.lang, d.path, &po,
			    dl);
		}
		doc_free(root);
	}
	data_schema_free(schema);
	datadoc_clear(&d);
	theme_free(th);
	free(top);
	buf_free(&md);
	return S_finish(dl, rc);
}

/* The folder whose files a rendered chapter may show: the project it
 * belongs to (the nearest folder at or above its own that holds
 * salesgen.xml or content/), else its own folder; for standard input,
 * the current one.  The caller frees it. */
static char *
S_render_root(const char *in)
{
	char *top;

	if (strcmp(in, "-") == 0)
		return xstrdup(".");
	if ((top = S_folder_up(in, S_is_project)) != NULL)
		return top;
	return S_folder_up(in, NULL);
}

/* A PDF embeds the images a chapter shows, so render keeps to the
 * folder S_render_root() names as build keeps to the project: a path
 * out of it (absolute, by "..", by a link) is refused with the same
 * message whether or not something is there, and dropped. */
static void
S_render_images(const char *in, const char *name, struct doc_node *root,
    struct diag_list *dl)
{
	struct doc_node *n;
	char *top = S_render_root(in), *base, *p, *cut;

	base = xstrdup(strcmp(in, "-") ? in : "./-");
	if ((cut = strrchr(base, '/')) != NULL)
		*(cut == base ? cut + 1 : cut) = '\0';
	else
		strcpy(base, ".");
	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_IMAGE || n->url == NULL ||
		    n->url[0] == '\0' || strchr(n->url, ':') != NULL)
			continue;
		p = n->url[0] == '/' ? xstrdup(n->url) :
		    file_join(base, n->url);
		switch (file_where_in(top, p)) {
		case FILE_OUT:
			diag_add(dl, DIAG_PATH_ESCAPE, name, n->line, n->col,
			    n->url);
			break;
		case FILE_NOT_REG:
			diag_add(dl, DIAG_NOT_REGULAR, name, n->line, n->col);
			break;
		case FILE_MISSING:
			diag_add(dl, DIAG_IMAGE_MISSING, name, n->line,
			    n->col, n->url);
			break;
		case FILE_IN:
			free(p);
			continue;
		}
		free(p);
		free(n->url);
		n->url = xstrdup("");	/* left out of the PDF */
	}
	free(base);
	free(top);
}

static int
S_render(const struct opts *o, struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *root;
	struct pdf_opts po;
	struct buf title = { 0 };
	const struct doc_node *n;
	const char *lang, *name;
	char *src;
	size_t len, alen = strlen(o->arg);
	int rc;

	if (o->type != NULL && strcmp(o->type, "html") != 0 &&
	    strcmp(o->type, "pdf") != 0 && strcmp(o->type, "md") != 0)
		return S_usage_error(dl, "unknown output type '%s' (html, pdf or md)", o->type);
	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return S_finish(dl, -1);
	if (alen > 4 && strcmp(o->arg + alen - 4, ".xml") == 0) {
		rc = S_render_data(o, src, len, 1, dl);
		free(src);
		return rc;
	}
	if (o->type != NULL && strcmp(o->type, "md") == 0) {
		free(src);
		return S_usage_error(dl, "%s", "-t md is for data documents (.xml)");
	}
	name = strcmp(o->arg, "-") ? o->arg : "<stdin>";
	root = md_parse(src, len, name, &mo, &meta, dl);
	free(src);
	if (root == NULL)
		return S_finish(dl, -1);
	lang = o->lang ? o->lang : meta.lang ? meta.lang : "nl";
	if (S_wants_pdf(o))
		S_render_images(o->arg, name, root, dl);
	pass_levels(root, name, dl);
	pass_number(root, 0, NULL);
	pass_xref(root, NULL, name, 0, dl);
	pass_edition(root, o->edition == EDITION_STUDENT ? EDITION_STUDENT :
	    EDITION_TEACHER);
	if (meta.title)
		buf_puts(&title, meta.title);
	for (n = root->first; title.len == 0 && n; n = n->next)
		if (n->type == DOC_HEADING)
			doc_plain_text(n, &title);
	if (title.len == 0)
		buf_puts(&title, o->arg);
	memset(&po, 0, sizeof(po));
	po.letter = o->letter;
	po.ragged = o->ragged;
	po.standard = o->pdf_standard;
	rc = S_emit(o, root, buf_cstr(&title), meta.description, lang,
	    strcmp(o->arg, "-") ? o->arg : ".", &po, dl);
	md_meta_clear(&meta);
	doc_free(root);
	buf_free(&title);
	return S_finish(dl, rc);
}

/*** build and check ***/

/* The word for n things in the summary lines, which are English:
 * "1 chapter", "2 chapters". */
static const char *
S_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The handouts: the whole course for teachers and for students, and each
 * chapter on its own in the site's edition. */
static int
S_pdfs(const struct opts *o, const struct course *c, struct theme *th,
    const char *out, struct diag_list *dl)
{
	struct pdf_opts po;
	struct diag_list *quiet;
	struct buf stem = { 0 }, path = { 0 };
	char *dir = file_join(out, "pdf");
	enum edition e;
	size_t i;
	int rc = 0;

	memset(&po, 0, sizeof(po));
	po.letter = o->letter || c->letter;
	po.ragged = o->ragged || c->ragged;
	po.standard = o->pdf_standard;
	po.tabs = c->code_tabs;
	po.serif = c->serif;
	po.sans = c->sans;
	po.mono = c->mono;
	po.hyphens = c->hyphens;
	po.nhyphens = c->nhyphens;
	if (file_mkdirs(dir, dl) != 0) {
		free(dir);
		return -1;
	}
	pass_slug(c->title, &stem);
	buf_printf(&path, "%s/%s.pdf", dir, stem.data);
	/* a project of sales documents alone has no course to print */
	if (c->nch > 0 && pdf_course(c, EDITION_TEACHER, -1, &po, path.data,
	    dl) != 0)
		rc = -1;
	/* The teacher edition holds every word, so it has said all there is
	 * to say about glyphs and line breaks; the other handouts report
	 * only their errors. */
	quiet = diag_list_new();
	quiet->strict = dl->strict;
	buf_reset(&path);
	buf_printf(&path, "%s/%s-student.pdf", dir, stem.data);
	if (rc == 0 && c->nch > 0 && pdf_course(c, EDITION_STUDENT, -1, &po,
	    path.data, quiet) != 0)
		rc = -1;
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	for (i = 0; rc == 0 && i < c->nch; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s.pdf", dir, c->ch[i].slug);
		if (strchr(c->ch[i].slug, '/') != NULL) {
			/* out/pdf mirrors the chapters' folders too */
			char *sub = xstrndup(path.data,
			    (size_t)(strrchr(path.data, '/') - path.data));

			if (file_mkdirs(sub, dl) != 0)
				rc = -1;
			free(sub);
			if (rc != 0)
				break;
		}
		if (pdf_course(c, e, (long)i, &po, path.data, quiet) != 0)
			rc = -1;
	}
	for (i = 0; rc == 0 && i < c->ndocs; i++) {
		struct datadoc *d = &c->docs[i];
		struct doc_node *root;

		buf_reset(&path);
		buf_printf(&path, "%s/%s.pdf", dir, d->slug);
		if ((root = datadoc_doc(d, th, NULL, quiet)) == NULL) {
			rc = -1;
			continue;
		}
		po.logo = d->logo;
		po.fingerprint = d->fingerprint;
		po.accent = d->colour;
		if (pdf_document(root, d->title, d->lang, d->path, &po, NULL,
		    path.data, quiet) != 0)
			rc = -1;
		doc_free(root);
	}
	po.logo = NULL;
	po.fingerprint = NULL;
	po.accent = 0;
	for (i = 0; i < quiet->n; i++)
		if (quiet->v[i].level >= DIAG_ERROR)
			diag_copy(dl, &quiet->v[i]);
	diag_list_free(quiet);
	if (rc == 0 && !o->quiet && c->nch > 0)
		fprintf(stderr, "salesgen: %s: %zu %s, %zu %s\n", dir,
		    c->nch + 2, S_plural(c->nch + 2, "handout", "handouts"),
		    c->ndocs, S_plural(c->ndocs, "document", "documents"));
	else if (rc == 0 && !o->quiet)
		fprintf(stderr, "salesgen: %s: %zu %s\n", dir, c->ndocs,
		    S_plural(c->ndocs, "document", "documents"));
	free(dir);
	buf_free(&stem);
	buf_free(&path);
	return rc;
}

/* The mailings salesgen.xml lists, into out/mailing/NAME/. */
static int
S_mailings(const struct opts *o, const struct course *c, struct theme *th,
    const char *out, struct diag_list *dl)
{
	struct merge_opts mo;
	struct pdf_opts po;
	struct buf dir = { 0 };
	char *tmpl, *rows;
	const char *base;
	size_t i, written, failed, n;
	int rc = 0;

	memset(&mo, 0, sizeof(mo));
	memset(&po, 0, sizeof(po));
	po.letter = o->letter || c->letter;
	po.ragged = o->ragged || c->ragged;
	po.standard = o->pdf_standard;
	po.tabs = c->code_tabs;
	po.serif = c->serif;
	po.sans = c->sans;
	po.mono = c->mono;
	po.hyphens = c->hyphens;
	po.nhyphens = c->nhyphens;
	mo.jobs = o->jobs;
	mo.pdf = 1;
	mo.letter = po.letter;
	mo.pdfo = &po;
	for (i = 0; i < c->nmail; i++) {
		tmpl = file_join(c->content, c->mail[i].tmpl);
		rows = file_join(c->content, c->mail[i].rows);
		base = strrchr(c->mail[i].rows, '/');
		base = base ? base + 1 : c->mail[i].rows;
		n = strlen(base);
		buf_reset(&dir);
		buf_printf(&dir, "%s/mailing/", out);
		buf_put(&dir, base, n > 4 && strcmp(base + n - 4, ".csv") == 0 ?
		    n - 4 : n);
		if (merge_run(tmpl, rows, c->dir, dir.data, th, &mo, &written,
		    &failed, dl) != 0)
			rc = -1;
		else if (!o->quiet)
			fprintf(stderr, "salesgen: %s: %zu %s\n",
			    dir.data, written, S_plural(written, "document",
			    "documents"));
		free(tmpl);
		free(rows);
	}
	buf_free(&dir);
	return rc;
}

/* 0 when out and the folders a build writes in it, where they exist
 * already, lead to folders inside the project dir; else -1 after
 * DIAG_PATH_ESCAPE at each that does not (a link to a folder elsewhere,
 * or a dangling one). */
static int
S_outputs_inside(const char *dir, const char *out, struct diag_list *dl)
{
	static const char *const sub[] = { "", "site", "pdf", "mailing" };
	struct stat st;
	char *p;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		p = *sub[i] ? file_join(out, sub[i]) : xstrdup(out);
		if (lstat(p, &st) == 0 && file_inside(dir, p) != 1) {
			diag_add(dl, DIAG_PATH_ESCAPE, p, 0, 0, p);
			rc = -1;
		}
		free(p);
		if (rc != 0)
			break;	/* out/ itself: what is below it is its */
	}
	return rc;
}

static int
S_project(const struct opts *o, struct diag_list *dl, int write)
{
	const char *dir = o->arg ? o->arg : ".";
	struct course *c;
	struct theme *th;
	struct site_bodies *bodies = NULL;
	char *out, *site;
	enum edition e;
	int rc = 0;

	if (write) {
		/* What a killed run left in out/ goes first, whether or not
		 * this run gets to write: it would be published with it. */
		out = file_join(dir, "out");
		file_tmp_clean(out, 1, dl);
		free(out);
	}
	if ((c = course_open(dir, dl)) == NULL)
		return S_finish(dl, -1);
	if (o->lang != NULL) {
		free(c->lang);
		c->lang = xstrdup(o->lang);
	}
	th = theme_new(dir);
	if (theme_check(th, dl) != 0) {
		theme_free(th);
		course_free(c);
		return S_finish(dl, -1);
	}
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	if (write && (o->only == NULL || strcmp(o->only, "site") == 0)) {
		/* The site's chapter bodies are rendered as the scan parses
		 * them; a site alone keeps no tree after that, so memory
		 * stays flat in the number of chapters. */
		bodies = site_bodies_new(c, e);
		if (o->only != NULL)
			c->budget = 0;
	}
	if (course_scan(c, th, o->jobs, dl) != 0) {
		site_bodies_free(bodies);
		theme_free(th);
		course_free(c);
		return S_finish(dl, -1);
	}
	diag_print(dl, stderr);
	if (!write) {
		theme_free(th);
		course_free(c);
		return S_finish(dl, 0);
	}
	out = file_join(dir, "out");
	site = file_join(out, "site");
	/* Nothing is written outside the project, not through a linked
	 * out/ either: the output folders are checked before the first
	 * file is written, and every writer is kept inside from here. */
	if (S_outputs_inside(dir, out, dl) != 0) {
		free(out);
		free(site);
		site_bodies_free(bodies);
		theme_free(th);
		course_free(c);
		return S_finish(dl, -1);
	}
	file_confine(dir);
	if (o->only == NULL || strcmp(o->only, "site") == 0) {
		rc = site_build(c, th, site, e, o->jobs, bodies, dl);
		site_bodies_free(bodies);
		bodies = NULL;
		if (rc == 0 && !o->quiet && c->nch > 0)
			fprintf(stderr, "salesgen: %s: %zu %s, %zu %s\n", site,
			    c->nch, S_plural(c->nch, "chapter", "chapters"),
			    c->ngloss, S_plural(c->ngloss, "term", "terms"));
		else if (rc == 0 && !o->quiet)
			fprintf(stderr, "salesgen: %s: %zu %s\n", site,
			    c->ndocs, S_plural(c->ndocs, "document",
			    "documents"));
	}
	if (rc == 0 && (o->only == NULL || strcmp(o->only, "pdf") == 0))
		rc = S_pdfs(o, c, th, out, dl);
	if (rc == 0 && o->only == NULL)
		rc = S_mailings(o, c, th, out, dl);
	if (rc == 0 && o->only == NULL)
		rc = quiz_export(c, out, dl);
	file_confine(NULL);
	free(out);
	free(site);
	theme_free(th);
	course_free(c);
	return S_finish(dl, rc);
}

/* The kind of input a file name says: a data document (.xml), a
 * mailing's rows (.csv), or Markdown (anything else, as render reads it). */
static int
S_has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), m = strlen(ext);

	return n > m && strcmp(path + n - m, ext) == 0;
}

/*
 * verify DOC DATA: whether the offer DOC (a PDF or the HTML page) was
 * made from DATA with this template and version: its fingerprint against
 * the one DATA gives now.  0 belongs, 1 does not (or cannot be read).
 */
static int
S_verify(const struct opts *o, struct diag_list *dl)
{
	struct data_schema *schema = NULL;
	struct datadoc d;
	struct doc_node *root;
	/* the data's own project, as render finds it: the fingerprint
	 * covers the template that project would use */
	char *top = S_render_root(o->arg2);
	struct theme *th = theme_new(top);
	char *doc, *src, got[2 * FP_SIZE + 1];
	size_t dlen, len;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	if ((doc = file_read(o->arg, &dlen, dl)) == NULL) {
		theme_free(th);
		free(top);
		return S_finish(dl, -1);
	}
	if (fpread(doc, dlen, got) != 0)
		diag_add(dl, DIAG_VERIFY_NONE, o->arg, 0, 0, o->arg);
	else if ((src = file_read(o->arg2, &len, dl)) != NULL) {
		if (theme_check(th, dl) == 0 &&
		    (schema = data_schema_new(th, dl)) != NULL &&
		    datadoc_load(&d, src, len, o->arg2, top, schema, dl) == 0 &&
		    (root = datadoc_doc(&d, th, NULL, dl)) != NULL) {
			doc_free(root);
			if (d.fingerprint == NULL)
				diag_add(dl, DIAG_VERIFY_BAD, o->arg, 0, 0,
				    o->arg, o->arg2, got, "none (not an offerte)");
			else if (strcmp(got, d.fingerprint) != 0)
				diag_add(dl, DIAG_VERIFY_BAD, o->arg, 0, 0,
				    o->arg, o->arg2, got, d.fingerprint);
			else {
				diag_add(dl, DIAG_VERIFY_OK, o->arg, 0, 0,
				    o->arg, o->arg2, got);
				rc = 0;
			}
		}
		free(src);
	}
	free(doc);
	data_schema_free(schema);
	datadoc_clear(&d);
	theme_free(th);
	free(top);
	return S_finish(dl, rc);
}

/* check FILE: the checks render makes on FILE, writing nothing. */
static int
S_check_file(const struct opts *o, struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *root;
	char *src;
	size_t len;
	int rc;

	if (S_has_ext(o->arg, ".csv"))
		/* rows mean nothing without the document they fill in */
		return S_usage_error(dl, "cannot check '%s' alone: a mailing's rows are checked with their template, by 'salesgen check DIR' or 'salesgen merge TEMPLATE.xml ROWS.csv -o DIR'", o->arg);
	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return S_finish(dl, -1);
	if (S_has_ext(o->arg, ".xml")) {
		rc = S_render_data(o, src, len, 0, dl);
		free(src);
		return rc;
	}
	root = md_parse(src, len, o->arg, &mo, &meta, dl);
	free(src);
	if (root != NULL) {
		pass_levels(root, o->arg, dl);
		pass_number(root, 0, NULL);
		pass_xref(root, NULL, o->arg, 0, dl);
		md_meta_clear(&meta);
		doc_free(root);
	}
	return S_finish(dl, root == NULL ? -1 : 0);
}

/*** merge and new ***/

/* The nearest folder at or above file's own that holds salesgen.xml (or
 * content/salesgen.xml), as a path to open; NULL if there is none. */
static char *
S_project_of(const char *file)
{
	return S_folder_up(file, S_has_config);
}

static int
S_merge(const struct opts *o, struct diag_list *dl)
{
	struct merge_opts mo;
	struct pdf_opts po;
	struct course *c = NULL;
	struct theme *th;
	char *proj;
	size_t written, failed;
	int rc;

	if (o->arg == NULL || o->arg2 == NULL || o->out == NULL)
		return S_usage_error(dl, "%s", "merge needs TEMPLATE.xml ROWS.csv -o DIR");
	if (o->type != NULL && strcmp(o->type, "pdf") && strcmp(o->type, "html"))
		return S_usage_error(dl, "unknown output type '%s' (html or pdf)", o->type);
	memset(&mo, 0, sizeof(mo));
	memset(&po, 0, sizeof(po));
	/* The project is the nearest folder above the template that holds
	 * salesgen.xml: its templates, fonts, paper and hyphenation
	 * exceptions apply, and the files the template names (the logo)
	 * must lie inside it.  Without one, the current folder. */
	proj = S_project_of(o->arg);
	if (proj != NULL && (c = course_open(proj, dl)) == NULL) {
		free(proj);
		return S_finish(dl, -1);
	}
	po.letter = o->letter || (c != NULL && c->letter);
	po.ragged = o->ragged || (c != NULL && c->ragged);
	po.standard = o->pdf_standard;
	po.tabs = c != NULL ? c->code_tabs : 0;
	if (c != NULL) {
		po.serif = c->serif;
		po.sans = c->sans;
		po.mono = c->mono;
		po.hyphens = c->hyphens;
		po.nhyphens = c->nhyphens;
	}
	mo.jobs = o->jobs;
	mo.pdf = o->type == NULL || strcmp(o->type, "pdf") == 0;
	mo.progress = !o->quiet && isatty(2);
	mo.shard = o->shard_i;
	mo.nshards = o->shard_n;
	mo.ignore = o->ignore;
	mo.nignore = o->nignore;
	mo.cmdline = 1;
	mo.letter = po.letter;
	mo.pdfo = &po;
	th = theme_new(proj != NULL ? proj : ".");
	rc = theme_check(th, dl) != 0 ? -1 : merge_run(o->arg, o->arg2, proj != NULL ? proj : ".", o->out, th,
	    &mo, &written, &failed, dl);
	if (!o->quiet && (written > 0 || failed > 0))
		fprintf(stderr, "salesgen: %s: %zu %s written, %zu failed\n",
		    o->out, written, S_plural(written, "document", "documents"),
		    failed);
	theme_free(th);
	course_free(c);
	free(proj);
	return S_finish(dl, rc);
}

/* A commented, schema-valid starting file for a document kind. */
static int
S_new(const struct opts *o, struct diag_list *dl)
{
	struct theme *th;
	struct buf name = { 0 }, file = { 0 };
	const char *src, *path;
	size_t len;
	int rc = 0;

	if (o->arg == NULL || o->arg2 == NULL)
		return S_usage_error(dl, "%s", "new needs KIND NAME (offerte, sellogram, pitch, verkoopplan, accountplan, klanten, nps)");
	th = theme_new(".");
	buf_printf(&name, "new/%s.xml", o->arg);
	if (strchr(o->arg, '/') != NULL ||
	    (src = theme_get(th, name.data, &path, &len)) == NULL) {
		theme_free(th);
		buf_free(&name);
		return S_usage_error(dl, "unknown document kind '%s' (offerte, sellogram, pitch, verkoopplan, accountplan, klanten, nps or leads)", o->arg);
	}
	buf_puts(&file, o->arg2);
	if (file.len < 4 || strcmp(file.data + file.len - 4, ".xml") != 0)
		buf_puts(&file, ".xml");
	if (access(file.data, F_OK) == 0) {
		/* never over someone's work */
		diag_add(dl, DIAG_WRITE, NULL, 0, 0, file.data,
		    "it exists already");
		rc = -1;
	} else if (file_write(file.data, src, len, dl) == 0 && !o->quiet)
		fprintf(stderr, "salesgen: wrote %s\n", file.data);
	else
		rc = -1;
	theme_free(th);
	buf_free(&name);
	buf_free(&file);
	return S_finish(dl, rc);
}

/*** options ***/

/* --shard I/N: decimal I and N, 0 <= I < N (I 0-based, as Kubernetes'
 * JOB_COMPLETION_INDEX).  Returns 1, or 0 when s is not of that form. */
static int
S_shard(const char *s, size_t *i, size_t *n)
{
	unsigned long long v[2] = { 0, 0 };
	int k, nd;

	for (k = 0; k < 2; k++) {
		for (nd = 0; *s >= '0' && *s <= '9'; s++, nd++) {
			if (nd == 9)
				return 0;	/* a billion shards is no plan */
			v[k] = v[k] * 10 + (unsigned)(*s - '0');
		}
		if (nd == 0 || *s != (k == 0 ? '/' : '\0'))
			return 0;
		s++;
	}
	if (v[1] == 0 || v[0] >= v[1])
		return 0;
	*i = (size_t)v[0];
	*n = (size_t)v[1];
	return 1;
}

/* SOURCE_DATE_EPOCH, when set, must be what `date +%s` prints, as the
 * reproducible-builds specification asks ("an integer", "fail on invalid
 * values"): digits only, from 1970 to the end of 9999, the years a PDF
 * date can hold.  "1e9", "-5", " 12" and the empty string are refused
 * rather than read as 1970 or as part of themselves. */
static int
S_source_date_ok(struct diag_list *dl)
{
	const char *s = getenv("SOURCE_DATE_EPOCH"), *p;
	unsigned long long v = 0;

	if (s == NULL)
		return 1;
	for (p = s; *p >= '0' && *p <= '9' && v <= 253402300799ULL; p++)
		v = v * 10 + (unsigned long long)(*p - '0');
	if (p > s && *p == '\0' && v <= 253402300799ULL &&
	    (unsigned long long)(time_t)v == v)
		return 1;
	diag_add(dl, DIAG_SOURCE_DATE, NULL, 0, 0, s);
	diag_print(dl, stderr);
	return 0;
}

static int
S_need(int argc, char **argv, int i, struct diag_list *dl)
{
	if (i + 1 >= argc) {
		S_usage_error(dl, "option '%s' needs a value", argv[i]);
		return 0;
	}
	return 1;
}

int
main(int argc, char **argv)
{
	struct diag_list *dl = diag_list_new();
	struct opts o;
	const char *a;
	int i, rc, nargs = 0;

	memset(&o, 0, sizeof(o));
	o.edition = -1;
	o.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (o.jobs < 1)
		o.jobs = 1;
	for (i = 1; i < argc; i++) {
		a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(S_usage, stdout);
			free(o.ignore);
			diag_list_free(dl);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("salesgen %s\n", SALESGEN_VERSION);
			free(o.ignore);
			diag_list_free(dl);
			return 0;
		} else if (!strcmp(a, "-q"))
			o.quiet = 1;
		else if (!strcmp(a, "-v"))
			o.verbose = 1;
		else if (!strcmp(a, "--strict"))
			o.strict = 1;
		else if (!strcmp(a, "--fragment"))
			o.fragment = 1;
		else if (!strcmp(a, "--ragged"))
			o.ragged = 1;
		else if (!strncmp(a, "-j", 2)) {
			/* -j N and, as make takes it, -jN */
			const char *v = a + 2;
			char *end;
			long j;

			if (*v == '\0') {
				if (!S_need(argc, argv, i, dl))
					goto usage;
				v = argv[++i];
			}
			j = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || j < 1 || j > 64) {
				rc = S_usage_error(dl, "-j takes a number from 1 to 64, not '%s'", v);
				goto out;
			}
			o.jobs = (int)j;
		}
		else if (!strcmp(a, "--paper")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			i++;
			if (!strcmp(argv[i], "letter"))
				o.letter = 1;
			else if (strcmp(argv[i], "a4")) {
				rc = S_usage_error(dl, "unknown paper '%s' (a4 or letter)", argv[i]);
				goto out;
			}
		}
		else if (!strcmp(a, "--pdf-standard")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			i++;
			if ((o.pdf_standard = pdf_standard_parse(argv[i])) < 0) {
				rc = S_usage_error(dl, "unknown PDF standard '%s' (a2a+ua, ua or none)", argv[i]);
				goto out;
			}
		}
		else if (!strcmp(a, "--shard")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			o.shard = argv[++i];
			if (!S_shard(o.shard, &o.shard_i, &o.shard_n)) {
				rc = S_usage_error(dl, "--shard takes I/N, this run's share I of N runs, with 0 <= I < N (such as 0/3, 1/3 and 2/3), not '%s'", o.shard);
				goto out;
			}
		} else if (!strcmp(a, "--select")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			o.select = argv[++i];
		} else if (!strcmp(a, "--ignore")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			if (o.ignore == NULL)
				o.ignore = xcalloc((size_t)argc,
				    sizeof(*o.ignore));
			o.ignore[o.nignore++] = argv[++i];
		}
		else if (!strcmp(a, "-o") || !strcmp(a, "-t") ||
		    !strcmp(a, "--only") || !strcmp(a, "--edition") ||
		    !strcmp(a, "--lang")) {
			if (!S_need(argc, argv, i, dl))
				goto usage;
			if (!strcmp(a, "-o"))
				o.out = argv[++i];
			else if (!strcmp(a, "-t"))
				o.type = argv[++i];
			else if (!strcmp(a, "--only"))
				o.only = argv[++i];
			else if (!strcmp(a, "--lang"))
				o.lang = argv[++i];
			else {
				i++;
				if (!strcmp(argv[i], "student"))
					o.edition = EDITION_STUDENT;
				else if (!strcmp(argv[i], "teacher"))
					o.edition = EDITION_TEACHER;
				else {
					rc = S_usage_error(dl, "unknown edition '%s' (student or teacher)", argv[i]);
					goto out;
				}
			}
		} else if (a[0] == '-' && a[1] != '\0') {
			rc = S_usage_error(dl, "unknown option '%s'", a);
			goto out;
		} else if (o.cmd == NULL)
			o.cmd = a;
		else {
			if (nargs == 1 && (!strcmp(o.cmd, "merge") ||
			    !strcmp(o.cmd, "new") || !strcmp(o.cmd, "verify")))
				o.arg2 = a;
			else if (nargs > 0) {
				rc = S_usage_error(dl, "unexpected argument '%s'", a);
				goto out;
			} else
				o.arg = a;
			nargs++;
		}
	}
	if (o.quiet)
		dl->min_print = DIAG_ERROR;
	dl->strict = o.strict;
	dl->verbose = o.verbose && !o.quiet;
	if (o.cmd == NULL) {
		rc = S_usage_error(dl, "%s", "no command given");
		goto out;
	}
	if ((o.shard != NULL || o.nignore > 0) && strcmp(o.cmd, "merge")) {
		rc = S_usage_error(dl, "%s", o.shard != NULL ?
		    "--shard is an option of merge only" :
		    "--ignore is an option of merge only");
		goto out;
	}
	if (o.select != NULL && strcmp(o.cmd, "render")) {
		rc = S_usage_error(dl, "%s", "--select is an option of render only");
		goto out;
	}
	if (o.only != NULL && strcmp(o.only, "site") && strcmp(o.only, "pdf")) {
		rc = S_usage_error(dl, "unknown output '%s' for --only (site or pdf)", o.only);
		goto out;
	}
	if (o.lang != NULL && !i18n_known(o.lang)) {
		rc = S_usage_error(dl, "unknown language '%s' (nl or en)", o.lang);
		goto out;
	}
	/* before anything is read: every command that can write a PDF,
	 * and check, which promises what build will do */
	if ((!strcmp(o.cmd, "build") || !strcmp(o.cmd, "check") ||
	    !strcmp(o.cmd, "render") || !strcmp(o.cmd, "merge")) &&
	    !S_source_date_ok(dl)) {
		rc = 1;
		goto out;
	}
	if (!strcmp(o.cmd, "build"))
		rc = S_project(&o, dl, 1);
	else if (!strcmp(o.cmd, "check")) {
		if (o.arg != NULL && file_is_reg(o.arg))
			rc = S_check_file(&o, dl);
		else
			rc = S_project(&o, dl, 0);
	} else if (!strcmp(o.cmd, "render")) {
		if (o.arg == NULL) {
			rc = S_usage_error(dl, "%s", "render needs an input file (or - for standard input)");
			goto out;
		}
		rc = S_render(&o, dl);
	} else if (!strcmp(o.cmd, "merge"))
		rc = S_merge(&o, dl);
	else if (!strcmp(o.cmd, "new"))
		rc = S_new(&o, dl);
	else if (!strcmp(o.cmd, "verify")) {
		if (o.arg == NULL || o.arg2 == NULL) {
			rc = S_usage_error(dl, "%s", "verify needs a document and its data: salesgen verify OFFER.pdf DATA.xml");
			goto out;
		}
		rc = S_verify(&o, dl);
	}
	else
		rc = S_usage_error(dl, "unknown command '%s'", o.cmd);
out:
	free(o.ignore);
	diag_list_free(dl);
	fonts_shutdown();
	return rc;
usage:
	rc = 2;
	goto out;
}
