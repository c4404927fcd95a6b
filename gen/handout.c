/* handout — out/pdf and out/mailing of a project build (see handout.h). */
#include "handout.h"
#include "buf.h"
#include "datadoc.h"
#include "file.h"
#include "incr_graph.h"
#include "merge.h"
#include "mem.h"
#include "pass.h"
#include "pdf/pdf.h"
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
handout_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The PDF options of the course's handouts and mailings: the command
 * line's and the project's (salesgen.xml). */
static void
S_pdf_opts(const struct build_opts *o, const struct course *c,
    struct pdf_opts *po)
{
	memset(po, 0, sizeof(*po));
	po->threads = o->jobs;
	po->letter = o->letter || c->letter;
	po->ragged = o->ragged || c->ragged;
	po->standard = o->pdf_standard;
	po->tabs = c->code_tabs;
	po->serif = c->serif;
	po->sans = c->sans;
	po->mono = c->mono;
	po->hyphens = c->hyphens;
	po->nhyphens = c->nhyphens;
}

/* Chapter i's PDF at path (in dir, the folders under it made). */
static int
S_chapter_pdf(const struct course *c, size_t i, enum edition e,
    const struct pdf_opts *po, const char *dir, struct buf *path,
    struct diag_list *dl)
{
	int rc = 0;

	buf_reset(path);
	buf_printf(path, "%s/%s.pdf", dir, c->ch[i].slug);
	if (strchr(c->ch[i].slug, '/') != NULL) {
		/* out/pdf mirrors the chapters' folders too */
		char *sub = file_dir(path->data);

		rc = file_mkdirs(sub, dl);
		free(sub);
		if (rc != 0)
			return -1;
	}
	return pdf_course(c, e, (long)i, po, path->data, dl);
}

/* 1 when the graph keeps chapter i's PDF (or, for i -1, the course PDF
 * named stem), as the last build left it (incr_graph.h). */
static int
S_keep(const struct course *c, long i, const char *stem)
{
	struct buf rel = { 0 };
	int kept;

	if (c->plan == NULL)
		return 0;
	buf_printf(&rel, "pdf/%s.pdf", i >= 0 ? c->ch[i].slug : stem);
	kept = i >= 0 ? incr_plan_chapter(c->plan, (size_t)i, rel.data) :
	    incr_plan_course(c->plan, c->plan->all && c->plan->quiet,
	    rel.data);
	buf_free(&rel);
	return kept;
}

int
handout_first(const struct build_opts *o, const struct course *c,
    const char *out)
{
	struct pdf_opts po;
	struct diag_list *first;
	struct buf path = { 0 };
	char *dir;
	enum edition e;
	size_t i, n = 0;

	if (c->plan == NULL || !c->plan->outline)
		return 0;
	S_pdf_opts(o, c, &po);
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	dir = file_join(out, "pdf");
	for (i = 0; i < c->nch; i++) {
		if (c->plan->keep[i])
			continue;
		/* Its errors would come after the course PDF's in a clean
		 * build: one that fails is made again in that order. */
		first = diag_list_new();
		first->strict = o->strict;
		if (file_mkdirs(dir, first) == 0 &&
		    S_chapter_pdf(c, i, e, &po, dir, &path, first) == 0 &&
		    diag_worst(first) < DIAG_ERROR) {
			c->plan->pdf_done[i] = 1;
			n++;
		}
		diag_list_free(first);
	}
	free(dir);
	buf_free(&path);
	return (int)n;
}

/* The handouts: the whole course for teachers and for students, and each
 * chapter on its own in the site's edition; what the graph keeps is not
 * rendered, what handout_first() made is not made again. */
int
handout_pdfs(const struct build_opts *o, const struct course *c, struct theme *th,
    const char *out, struct diag_list *dl)
{
	struct pdf_opts po;
	struct diag_list *quiet;
	struct progress *pg;
	struct buf stem = { 0 }, path = { 0 };
	char *dir = file_join(out, "pdf");
	enum edition e;
	size_t i;
	int rc = 0;

	S_pdf_opts(o, c, &po);
	if (file_mkdirs(dir, dl) != 0) {
		free(dir);
		return -1;
	}
	pass_slug(c->title, &stem);
	pg = progress_begin("PDFs", (c->nch > 0 ? c->nch + 2 : 0) + c->ndocs,
	    0);
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	quiet = diag_list_new();
	quiet->strict = dl->strict;
	buf_reset(&path);
	buf_printf(&path, "%s/%s.pdf", dir, stem.data);
	/* a project of sales documents alone has no course to print */
	if (c->nch > 0 && !S_keep(c, -1, stem.data) &&
	    pdf_course(c, EDITION_TEACHER, -1, &po, path.data, dl) != 0)
		rc = -1;
	if (c->nch > 0)
		progress_step(pg, 1);
	/* The teacher edition holds every word, so it has said all there is
	 * to say about glyphs and line breaks; the other handouts report
	 * only their errors. */
	buf_reset(&path);
	buf_printf(&path, "%s/%s-student.pdf", dir, stem.data);
	buf_puts(&stem, "-student");
	if (rc == 0 && c->nch > 0 && !S_keep(c, -1, stem.data) &&
	    pdf_course(c, EDITION_STUDENT, -1, &po, path.data, quiet) != 0)
		rc = -1;
	if (c->nch > 0)
		progress_step(pg, 1);
	for (i = 0; rc == 0 && i < c->nch; i++) {
		if (c->plan != NULL && c->plan->pdf_done[i])
			continue;
		if (!S_keep(c, (long)i, NULL) &&
		    S_chapter_pdf(c, i, e, &po, dir, &path, quiet) != 0)
			rc = -1;
		progress_step(pg, 1);
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
		progress_step(pg, 1);
	}
	progress_end(pg);
	po.logo = NULL;
	po.fingerprint = NULL;
	po.accent = 0;
	for (i = 0; i < quiet->n; i++)
		if (quiet->v[i].level >= DIAG_ERROR)
			diag_copy(dl, &quiet->v[i]);
	diag_list_free(quiet);
	if (rc == 0 && !o->quiet && c->nch > 0)
		fprintf(stderr, "salesgen: %s: %zu %s, %zu %s\n", dir,
		    c->nch + 2, handout_plural(c->nch + 2, "handout", "handouts"),
		    c->ndocs, handout_plural(c->ndocs, "document", "documents"));
	else if (rc == 0 && !o->quiet)
		fprintf(stderr, "salesgen: %s: %zu %s\n", dir, c->ndocs,
		    handout_plural(c->ndocs, "document", "documents"));
	free(dir);
	buf_free(&stem);
	buf_free(&path);
	return rc;
}

/* The mailings salesgen.xml lists, into out/mailing/NAME/. */
int
handout_mailings(const struct build_opts *o, const struct course *c, struct theme *th,
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
	S_pdf_opts(o, c, &po);
	mo.jobs = o->jobs;
	mo.pdf = 1;
	mo.progress = progress_enabled();
	mo.letter = po.letter;
	mo.pdfo = &po;
	for (i = 0; i < c->nmail; i++) {
		tmpl = file_join(c->content, c->mail[i].tmpl);
		rows = file_join(c->content, c->mail[i].rows);
		base = file_base(c->mail[i].rows);
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
			    dir.data, written, handout_plural(written, "document",
			    "documents"));
		free(tmpl);
		free(rows);
	}
	buf_free(&dir);
	return rc;
}
