/*
 * build — the commands (see build.h): what each does, from the files it
 * reads to the files it writes, through the library.
 */
#include "build.h"
#include "buf.h"
#include "course.h"
#include "datadoc.h"
#include "docpage.h"
#include "file.h"
#include "file_tmp.h"
#include "fingerprint.h"
#include "fpread.h"
#include "handout.h"
#include "incr.h"
#include "incr_graph.h"
#include "md.h"
#include "mem.h"
#include "merge.h"
#include "pdf/pdf.h"
#include "prep.h"
#include "project.h"
#include "quiz_export.h"
#include "sales_doc.h"
#include "site.h"
#include "theme.h"
#include "xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char S_usage_text[] =
"usage: salesgen build [DIR] [--only site|pdf] [--edition student|teacher]\n"
"       salesgen render IN.md|IN.xml [-o OUT] [-t html|pdf|md] [--fragment]\n"
"                [--select SPEC]\n"
"       salesgen verify OFFER.pdf|OFFER.html DATA.xml\n"
"       salesgen check [DIR|FILE]\n"
"       salesgen serve [DIR] [--port N] [--bind ADDR] [--open]\n"
"       salesgen merge TEMPLATE.xml ROWS.csv -o DIR [-t pdf|html]\n"
"                [--shard I/N] [--ignore COLUMN]...\n"
"       salesgen new KIND NAME\n"
"%s"
"       salesgen --help | --version\n"
"common options: -q (errors only), -v (name every file written), -j N,\n"
"                --strict (warnings are errors), --paper a4|letter,\n"
"                --ragged (ragged-right PDF text),\n"
"                --pdf-standard a2a+ua|ua|none (default a2a+ua)\n";

void
build_usage(struct buf *out)
{
	struct buf kinds = { 0 }, lines = { 0 };
	const char *p, *sp;
	size_t col = 0, w;

	/* the kinds from their table, wrapped under "new" at 78 columns */
	buf_puts(&kinds, "KIND: ");
	sales_kind_names(&kinds, "or");
	for (p = buf_cstr(&kinds); *p != '\0'; p = *sp ? sp + 1 : sp) {
		sp = strchr(p, ' ');
		if (sp == NULL)
			sp = p + strlen(p);
		w = (size_t)(sp - p);
		if (col == 0 || col + 1 + w > 78) {
			if (col > 0)
				buf_putc(&lines, '\n');
			buf_puts(&lines, "                ");
			col = 16;
		} else {
			buf_putc(&lines, ' ');
			col++;
		}
		buf_put(&lines, p, w);
		col += w;
	}
	buf_putc(&lines, '\n');
	buf_printf(out, S_usage_text, buf_cstr(&lines));
	buf_free(&kinds);
	buf_free(&lines);
}

/* A command line that asks for what cannot be: DIAG_USAGE, and main.c
 * says how to ask. */
static int
S_usage(struct diag_list *dl, const char *fmt, const char *arg)
{
	struct buf b = { 0 };

	buf_printf(&b, fmt, arg);
	diag_add(dl, DIAG_USAGE, NULL, 0, 0, buf_cstr(&b));
	buf_free(&b);
	return BUILD_USAGE;
}

/*** render ***/

/* 1 when render writes a PDF: -t pdf, or an output named *.pdf. */
static int
S_wants_pdf(const struct build_opts *o)
{
	return o->type != NULL ? strcmp(o->type, "pdf") == 0 : o->out != NULL &&
	    strlen(o->out) > 4 && strcmp(o->out + strlen(o->out) - 4,
	    ".pdf") == 0;
}

/* Writes root as o asks: a PDF, an HTML fragment or a whole page. */
static int
S_emit(const struct build_opts *o, const struct doc_node *root,
    const char *title, const char *desc, const char *lang, const char *path,
    const struct pdf_opts *po, struct diag_list *dl)
{
	if (diag_worst(dl) >= DIAG_ERROR)
		return -1;	/* nothing is written from bad input */
	if (S_wants_pdf(o))
		return pdf_document(root, title, lang, path, po, NULL,
		    o->out ? o->out : "-", dl);
	return docpage_html(root, title, desc, lang, o->fragment,
	    o->out ? o->out : "-", dl);
}

/* --select: only for an offerte, applied before anything is computed. */
static int
S_select(const struct build_opts *o, struct datadoc *d, struct diag_list *dl)
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
S_offer_page(const struct build_opts *o, const struct datadoc *d)
{
	return strcmp(d->kind, "offerte") == 0 && !o->fragment &&
	    !S_wants_pdf(o) && (o->type == NULL || strcmp(o->type, "html") == 0);
}

/* A sales document: validated data through its kind's template; -t md
 * shows the Markdown the template made.  With write 0 (check FILE.xml)
 * the same checks run and nothing is written. */
static int
S_render_data(const struct build_opts *o, const char *src, size_t len, int write,
    struct diag_list *dl)
{
	struct data_schema *schema = NULL;
	struct datadoc d;
	struct doc_node *root;
	struct pdf_opts po;
	/* the document's own project, wherever it is run from: its logo
	 * and CSV parts must lie inside it, its templates override */
	char *top = project_root(o->arg);
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
			rc = docpage_offer(&d, root, top, th,
			    o->out ? o->out : "-", dl);
		else if (o->type != NULL && strcmp(o->type, "md") == 0)
			/* nothing is written from bad input (--strict too) */
			rc = diag_worst(dl) >= DIAG_ERROR ? -1 :
			    file_write(o->out ? o->out : "-", buf_cstr(&md),
			    md.len, dl);
		else {
			memset(&po, 0, sizeof(po));
			po.threads = o->jobs;
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
	return rc;
}

/* A PDF embeds the images a chapter shows, so render keeps to the
 * folder project_root() names as build keeps to the project: a path
 * out of it (absolute, by "..", by a link) is refused with the same
 * message whether or not something is there, and dropped. */
static void
S_render_images(const char *in, const char *name, struct doc_node *root,
    struct diag_list *dl)
{
	struct doc_node *n;
	char *top = project_root(in), *base, *p, *cut;

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

int
build_render(const struct build_opts *o, struct diag_list *dl)
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
		return S_usage(dl, "unknown output type '%s' (html, pdf or md)", o->type);
	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return -1;
	if (alen > 4 && strcmp(o->arg + alen - 4, ".xml") == 0) {
		rc = S_render_data(o, src, len, 1, dl);
		free(src);
		return rc;
	}
	if (o->type != NULL && strcmp(o->type, "md") == 0) {
		free(src);
		return S_usage(dl, "%s", "-t md is for data documents (.xml)");
	}
	name = strcmp(o->arg, "-") ? o->arg : "<stdin>";
	root = md_parse(src, len, name, &mo, &meta, dl);
	free(src);
	if (root == NULL)
		return -1;
	lang = o->lang ? o->lang : meta.lang ? meta.lang : "nl";
	if (S_wants_pdf(o))
		S_render_images(o->arg, name, root, dl);
	prep_passes(root, &(struct prep){ .steps = PREP_LEVELS | PREP_NUMBER |
	    PREP_XREF | PREP_EDITION, .path = name, .edition =
	    o->edition == EDITION_STUDENT ? EDITION_STUDENT : EDITION_TEACHER },
	    dl);
	if (meta.title)
		buf_puts(&title, meta.title);
	for (n = root->first; title.len == 0 && n; n = n->next)
		if (n->type == DOC_HEADING)
			doc_plain_text(n, &title);
	if (title.len == 0)
		buf_puts(&title, o->arg);
	memset(&po, 0, sizeof(po));
	po.threads = o->jobs;
	po.letter = o->letter;
	po.ragged = o->ragged;
	po.standard = o->pdf_standard;
	rc = S_emit(o, root, buf_cstr(&title), meta.description, lang,
	    strcmp(o->arg, "-") ? o->arg : ".", &po, dl);
	md_meta_clear(&meta);
	doc_free(root);
	buf_free(&title);
	return rc;
}

/*** build and check ***/

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

/* The cache of the build of dir into out for the options in o, or NULL
 * when out/ is not safe to read it from (the build then says why). */
static struct incr *
S_incr_open(const struct build_opts *o, const char *dir, const char *out,
    struct diag_list *dl)
{
	struct diag_list *quiet = diag_list_new();
	struct buf opts = { 0 };
	struct incr *in = NULL;

	incr_opts_text(o, dl->strict, &opts);
	if (S_outputs_inside(dir, out, quiet) == 0)
		in = incr_open(dir, out, buf_cstr(&opts));
	diag_list_free(quiet);
	buf_free(&opts);
	return in;
}

int
build_project(const struct build_opts *o, int write, struct diag_list *dl)
{
	const char *dir = o->arg ? o->arg : ".";
	struct course *c;
	struct theme *th;
	struct site_bodies *bodies = NULL;
	struct incr *in = NULL;
	struct incr_plan *plan = NULL;
	char *out, *site;
	enum edition e;
	size_t from = dl->n;
	int rc = 0;

	if (write) {
		/* What a killed run left in out/ goes first, whether or not
		 * this run gets to write: it would be published with it. */
		out = file_join(dir, "out");
		file_tmp_clean(out, 1, dl);
		/* A whole build whose inputs are those of the last good one
		 * has nothing to write (incr.h); --only builds a part and
		 * leaves the cache alone. */
		if (o->only == NULL && (in = S_incr_open(o, dir, out,
		    dl)) != NULL && incr_fresh(in, dl)) {
			diag_add(dl, DIAG_UP_TO_DATE, out, 0, 0);
			incr_free(in);
			free(out);
			return 0;
		}
		free(out);
	}
	if ((c = course_open(dir, dl)) == NULL) {
		incr_free(in);
		return -1;
	}
	if (o->lang != NULL) {
		free(c->lang);
		c->lang = xstrdup(o->lang);
	}
	th = theme_new(dir);
	if (theme_check(th, dl) != 0) {
		incr_free(in);
		theme_free(th);
		course_free(c);
		return -1;
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
		incr_free(in);
		site_bodies_free(bodies);
		theme_free(th);
		course_free(c);
		return -1;
	}
	diag_print(dl, stderr);
	if (!write) {
		theme_free(th);
		course_free(c);
		return 0;
	}
	out = file_join(dir, "out");
	site = file_join(out, "site");
	/* Nothing is written outside the project, not through a linked
	 * out/ either: the output folders are checked before the first
	 * file is written, and every writer is kept inside from here. */
	if (S_outputs_inside(dir, out, dl) != 0) {
		incr_free(in);
		free(out);
		free(site);
		site_bodies_free(bodies);
		theme_free(th);
		course_free(c);
		return -1;
	}
	file_confine(dir);
	if (in != NULL) {
		/* what this build may keep of the last one's */
		plan = incr_plan_new(in, c);
		c->plan = plan;
		incr_track(in);
	}
	/* the edited chapters' PDFs before the site (handout.h) */
	if (plan != NULL && (o->only == NULL || strcmp(o->only, "pdf") == 0))
		handout_first(o, c, out);
	if (o->only == NULL || strcmp(o->only, "site") == 0) {
		rc = site_build(c, th, site, e, o->jobs, bodies, dl);
		site_bodies_free(bodies);
		bodies = NULL;
		if (rc == 0 && !o->quiet && c->nch > 0)
			fprintf(stderr, "salesgen: %s: %zu %s, %zu %s\n", site,
			    c->nch, handout_plural(c->nch, "chapter", "chapters"),
			    c->ngloss, handout_plural(c->ngloss, "term", "terms"));
		else if (rc == 0 && !o->quiet)
			fprintf(stderr, "salesgen: %s: %zu %s\n", site,
			    c->ndocs, handout_plural(c->ndocs, "document",
			    "documents"));
	}
	if (rc == 0 && (o->only == NULL || strcmp(o->only, "pdf") == 0))
		rc = handout_pdfs(o, c, th, out, dl);
	if (rc == 0 && o->only == NULL)
		rc = handout_mailings(o, c, th, out, dl);
	if (rc == 0 && o->only == NULL)
		rc = quiz_export(c, out, dl);
	if (in != NULL && incr_close(in, rc == 0 &&
	    diag_worst(dl) < DIAG_ERROR, dl, from, dl) != 0)
		rc = -1;
	incr_free(in);
	incr_plan_free(plan);
	file_confine(NULL);
	free(out);
	free(site);
	theme_free(th);
	course_free(c);
	return rc;
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
int
build_verify(const struct build_opts *o, struct diag_list *dl)
{
	struct data_schema *schema = NULL;
	struct datadoc d;
	struct doc_node *root;
	/* the data's own project, as render finds it: the fingerprint
	 * covers the template that project would use */
	char *top = project_root(o->arg2);
	struct theme *th = theme_new(top);
	char *doc, *src, got[2 * FP_SIZE + 1];
	size_t dlen, len;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	if ((doc = file_read(o->arg, &dlen, dl)) == NULL) {
		theme_free(th);
		free(top);
		return -1;
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
	return rc;
}

/* check FILE: the checks render makes on FILE, writing nothing. */
int
build_check_file(const struct build_opts *o, struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *root;
	char *src;
	size_t len;
	int rc;

	if (S_has_ext(o->arg, ".csv"))
		/* rows mean nothing without the document they fill in */
		return S_usage(dl, "cannot check '%s' alone: a mailing's rows are checked with their template, by 'salesgen check DIR' or 'salesgen merge TEMPLATE.xml ROWS.csv -o DIR'", o->arg);
	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return -1;
	if (S_has_ext(o->arg, ".xml")) {
		rc = S_render_data(o, src, len, 0, dl);
		free(src);
		return rc;
	}
	root = prep_doc(src, len, &mo, &meta, &(struct prep){ .steps =
	    PREP_LEVELS | PREP_NUMBER | PREP_XREF, .path = o->arg }, dl);
	free(src);
	if (root != NULL) {
		md_meta_clear(&meta);
		doc_free(root);
	}
	return root == NULL ? -1 : 0;
}

/*** merge and new ***/

int
build_merge(const struct build_opts *o, struct diag_list *dl)
{
	struct merge_opts mo;
	struct pdf_opts po;
	struct course *c = NULL;
	struct theme *th;
	char *proj;
	size_t written, failed;
	int rc;

	if (o->arg == NULL || o->arg2 == NULL || o->out == NULL)
		return S_usage(dl, "%s", "merge needs TEMPLATE.xml ROWS.csv -o DIR");
	if (o->type != NULL && strcmp(o->type, "pdf") && strcmp(o->type, "html"))
		return S_usage(dl, "unknown output type '%s' (html or pdf)", o->type);
	memset(&mo, 0, sizeof(mo));
	memset(&po, 0, sizeof(po));
	po.threads = o->jobs;
	/* The project is the nearest folder above the template that holds
	 * salesgen.xml: its templates, fonts, paper and hyphenation
	 * exceptions apply, and the files the template names (the logo)
	 * must lie inside it.  Without one, the current folder. */
	proj = project_settings(o->arg);
	if (proj != NULL && (c = course_open(proj, dl)) == NULL) {
		free(proj);
		return -1;
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
		    o->out, written, handout_plural(written, "document", "documents"),
		    failed);
	theme_free(th);
	course_free(c);
	free(proj);
	return rc;
}

/* A commented, schema-valid starting file for a document kind. */
int
build_new(const struct build_opts *o, struct diag_list *dl)
{
	const struct sales_kind *k;
	struct theme *th;
	struct buf msg = { 0 }, file = { 0 };
	const char *src = NULL, *path;
	size_t len;
	int rc = 0;

	if (o->arg == NULL || o->arg2 == NULL ||
	    (k = sales_kind(o->arg)) == NULL) {
		/* the kinds as the table has them, every one */
		if (o->arg == NULL || o->arg2 == NULL)
			buf_puts(&msg, "new needs KIND NAME (");
		else
			buf_printf(&msg, "unknown document kind '%s' (",
			    o->arg);
		sales_kind_names(&msg, "or");
		buf_putc(&msg, ')');
		rc = S_usage(dl, "%s", buf_cstr(&msg));
		buf_free(&msg);
		return rc;
	}
	th = theme_new(".");
	if ((src = theme_get(th, k->starter, &path, &len)) == NULL) {
		/* the built-in set has every kind's */
		diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0, k->starter);
		theme_free(th);
		return -1;
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
	buf_free(&file);
	return rc;
}

/* SOURCE_DATE_EPOCH, when set, must be what `date +%s` prints, as the
 * reproducible-builds specification asks ("an integer", "fail on invalid
 * values"): digits only, from 1970 to the end of 9999, the years a PDF
 * date can hold.  "1e9", "-5", " 12" and the empty string are refused
 * rather than read as 1970 or as part of themselves. */
int
build_source_date_ok(struct diag_list *dl)
{
	const char *s = getenv("SOURCE_DATE_EPOCH"), *p;
	unsigned long long v = 0;

	if (s == NULL)
		return 0;
	for (p = s; *p >= '0' && *p <= '9' && v <= 253402300799ULL; p++)
		v = v * 10 + (unsigned long long)(*p - '0');
	if (p > s && *p == '\0' && v <= 253402300799ULL &&
	    (unsigned long long)(time_t)v == v)
		return 0;
	diag_add(dl, DIAG_SOURCE_DATE, NULL, 0, 0, s);
	return -1;
}
