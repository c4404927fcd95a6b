/*
 * main — the salesgen command line.  Parses options and calls the library;
 * no document logic lives here.
 */
#include "buf.h"
#include "course.h"
#include "diag.h"
#include "file.h"
#include "html.h"
#include "i18n.h"
#include "md.h"
#include "mem.h"
#include "pass.h"
#include "pdf.h"
#include "pdf_font.h"
#include "site.h"
#include "theme.h"
#include "tmpl.h"
#include "val.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SALESGEN_VERSION "0.1.0"

static const char S_usage[] =
"usage: salesgen build [DIR] [--only site|pdf] [--edition student|teacher]\n"
"       salesgen render IN [-o OUT] [-t html|pdf] [--fragment] [--lang nl|en]\n"
"       salesgen check [DIR|FILE]\n"
"       salesgen --help | --version\n"
"common options: -q (errors only), -v (name every file written), -j N,\n"
"                --strict (warnings are errors), --paper a4|letter,\n"
"                --ragged (ragged-right PDF text)\n";

struct opts {
	const char	*cmd;
	const char	*arg;		/* DIR or IN */
	const char	*out;		/* -o */
	const char	*only;		/* --only */
	const char	*type;		/* -t */
	const char	*lang;		/* --lang */
	int		 edition;	/* -1 = the command's default */
	int		 fragment;
	int		 letter, ragged;
	int		 jobs;		/* -j */
	int		 quiet, verbose, strict;
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

static int
S_render(const struct opts *o, struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct html_opts ho;
	struct doc_node *root;
	struct theme *th;
	struct tmpl *t;
	struct tmpl_opts to = { ESC_HTML, NULL, NULL, 1 };
	struct buf body = { 0 }, page = { 0 }, title = { 0 };
	struct val *ctx;
	const char *src_t, *tpath, *lang, *name;
	struct pdf_opts po;
	int pdf = 0;
	const struct doc_node *n;
	char *src;
	size_t len, tlen;
	int rc = 0;

	if (o->type != NULL && strcmp(o->type, "html") != 0 &&
	    strcmp(o->type, "pdf") != 0)
		return S_usage_error(dl, "unknown output type '%s' (html or pdf)", o->type);
	if (o->type != NULL ? strcmp(o->type, "pdf") == 0 : o->out != NULL &&
	    strlen(o->out) > 4 && strcmp(o->out + strlen(o->out) - 4, ".pdf") == 0)
		pdf = 1;
	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return S_finish(dl, -1);
	name = strcmp(o->arg, "-") ? o->arg : "<stdin>";
	root = md_parse(src, len, name, &mo, &meta, dl);
	free(src);
	if (root == NULL)
		return S_finish(dl, -1);
	lang = o->lang ? o->lang : meta.lang ? meta.lang : "nl";
	pass_number(root, 0, NULL);
	pass_xref(root, NULL, name, 0, dl);
	pass_edition(root, o->edition == EDITION_STUDENT ? EDITION_STUDENT :
	    EDITION_TEACHER);
	ho.lang = lang;
	ho.raw_html = 0;
	if (pdf) {
		memset(&po, 0, sizeof(po));
		po.letter = o->letter;
		po.ragged = o->ragged;
		if (meta.title)
			buf_puts(&title, meta.title);
		for (n = root->first; title.len == 0 && n; n = n->next)
			if (n->type == DOC_HEADING)
				doc_plain_text(n, &title);
		if (title.len == 0)
			buf_puts(&title, name);
		if (diag_worst(dl) >= DIAG_ERROR)
			rc = -1;
		else
			rc = pdf_document(root, buf_cstr(&title), lang,
			    strcmp(o->arg, "-") ? o->arg : ".", &po,
			    o->out ? o->out : "-", dl);
		md_meta_clear(&meta);
		doc_free(root);
		buf_free(&title);
		return S_finish(dl, rc);
	}
	html_render(root, &ho, &body);

	if (o->fragment) {
		rc = file_write(o->out ? o->out : "-", body.data ? body.data :
		    "", body.len, dl);
	} else {
		if (meta.title)
			buf_puts(&title, meta.title);
		for (n = root->first; title.len == 0 && n; n = n->next)
			if (n->type == DOC_HEADING)
				doc_plain_text(n, &title);
		if (title.len == 0)
			buf_puts(&title, o->arg);
		th = theme_new(".");
		src_t = theme_get(th, "site/document.html", &tpath, &tlen);
		if (src_t == NULL) {
			diag_add(dl, DIAG_TMPL_NOT_FOUND, NULL, 0, 0,
			    "site/document.html");
			rc = -1;
		} else if ((t = tmpl_parse(src_t, tlen, tpath, dl)) == NULL)
			rc = -1;
		else {
			ctx = val_map();
			val_set_str(ctx, "lang", lang);
			val_set_str(ctx, "title", buf_cstr(&title));
			val_set_str(ctx, "body", buf_cstr(&body));
			if (meta.description)
				val_set_str(ctx, "description",
				    meta.description);
			rc = tmpl_render(t, ctx, &to, &page, dl);
			if (rc == 0 && diag_worst(dl) < DIAG_ERROR)
				rc = file_write(o->out ? o->out : "-",
				    buf_cstr(&page), page.len, dl);
			val_free(ctx);
			tmpl_free(t);
		}
		theme_free(th);
	}
	md_meta_clear(&meta);
	doc_free(root);
	buf_free(&body);
	buf_free(&page);
	buf_free(&title);
	return S_finish(dl, rc);
}

/*** build and check ***/

/* The handouts: the whole course for teachers and for students, and each
 * chapter on its own in the site's edition. */
static int
S_pdfs(const struct opts *o, const struct course *c, const char *out,
    struct diag_list *dl)
{
	struct pdf_opts po;
	struct diag_list *quiet;
	struct buf stem = { 0 }, path = { 0 };
	char *dir = file_join(out, "pdf");
	enum edition e;
	size_t i;
	int rc = 0;

	memset(&po, 0, sizeof(po));
	po.letter = o->letter;
	po.ragged = o->ragged;
	if (file_mkdirs(dir, dl) != 0) {
		free(dir);
		return -1;
	}
	pass_slug(c->title, &stem);
	buf_printf(&path, "%s/%s.pdf", dir, stem.data);
	if (pdf_course(c, EDITION_TEACHER, -1, &po, path.data, dl) != 0)
		rc = -1;
	/* The teacher edition holds every word, so it has said all there is
	 * to say about glyphs and line breaks; the other handouts report
	 * only their errors. */
	quiet = diag_list_new();
	quiet->strict = dl->strict;
	buf_reset(&path);
	buf_printf(&path, "%s/%s-student.pdf", dir, stem.data);
	if (rc == 0 && pdf_course(c, EDITION_STUDENT, -1, &po, path.data,
	    quiet) != 0)
		rc = -1;
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	for (i = 0; rc == 0 && i < c->nch; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s.pdf", dir, c->ch[i].slug);
		if (pdf_course(c, e, (long)i, &po, path.data, quiet) != 0)
			rc = -1;
	}
	for (i = 0; i < quiet->n; i++)
		if (quiet->v[i].level >= DIAG_ERROR)
			diag_copy(dl, &quiet->v[i]);
	diag_list_free(quiet);
	if (rc == 0 && !o->quiet)
		fprintf(stderr, "salesgen: %s: %zu handouts\n", dir, c->nch + 2);
	free(dir);
	buf_free(&stem);
	buf_free(&path);
	return rc;
}

static int
S_project(const struct opts *o, struct diag_list *dl, int write)
{
	const char *dir = o->arg ? o->arg : ".";
	struct course *c;
	struct theme *th;
	char *out, *site;
	enum edition e;
	int rc = 0;

	if ((c = course_open(dir, dl)) == NULL)
		return S_finish(dl, -1);
	if (o->lang != NULL) {
		free(c->lang);
		c->lang = xstrdup(o->lang);
	}
	if (course_scan(c, o->jobs, dl) != 0) {
		course_free(c);
		return S_finish(dl, -1);
	}
	diag_print(dl, stderr);
	if (!write) {
		course_free(c);
		return S_finish(dl, 0);
	}
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	th = theme_new(dir);
	out = file_join(dir, "out");
	site = file_join(out, "site");
	if (o->only == NULL || strcmp(o->only, "site") == 0) {
		rc = site_build(c, th, site, e, o->jobs, dl);
		if (rc == 0 && !o->quiet)
			fprintf(stderr, "salesgen: %s: %zu chapters, %zu terms\n",
			    site, c->nch, c->ngloss);
	}
	if (rc == 0 && (o->only == NULL || strcmp(o->only, "pdf") == 0))
		rc = S_pdfs(o, c, out, dl);
	free(out);
	free(site);
	theme_free(th);
	course_free(c);
	return S_finish(dl, rc);
}

static int
S_check_file(const struct opts *o, struct diag_list *dl)
{
	struct md_opts mo = { 0 };
	struct md_meta meta;
	struct doc_node *root;
	char *src;
	size_t len;

	if ((src = file_read(o->arg, &len, dl)) == NULL)
		return S_finish(dl, -1);
	root = md_parse(src, len, o->arg, &mo, &meta, dl);
	free(src);
	if (root != NULL) {
		pass_number(root, 0, NULL);
		pass_xref(root, NULL, o->arg, 0, dl);
		md_meta_clear(&meta);
		doc_free(root);
	}
	return S_finish(dl, root == NULL ? -1 : 0);
}

/*** options ***/

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
			diag_list_free(dl);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("salesgen %s\n", SALESGEN_VERSION);
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
		else if (!strcmp(a, "-j")) {
			char *end;
			long j;

			if (!S_need(argc, argv, i, dl))
				goto usage;
			j = strtol(argv[++i], &end, 10);
			if (*argv[i] == '\0' || *end != '\0' || j < 1 || j > 64) {
				rc = S_usage_error(dl, "-j takes a number from 1 to 64, not '%s'", argv[i]);
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
			if (nargs++ > 0) {
				rc = S_usage_error(dl, "unexpected argument '%s'", a);
				goto out;
			}
			o.arg = a;
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
	if (o.only != NULL && strcmp(o.only, "site") && strcmp(o.only, "pdf")) {
		rc = S_usage_error(dl, "unknown output '%s' for --only (site or pdf)", o.only);
		goto out;
	}
	if (o.lang != NULL && !i18n_known(o.lang)) {
		rc = S_usage_error(dl, "unknown language '%s' (nl or en)", o.lang);
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
	} else
		rc = S_usage_error(dl, "unknown command '%s'", o.cmd);
out:
	diag_list_free(dl);
	fonts_shutdown();
	return rc;
usage:
	rc = 2;
	goto out;
}
