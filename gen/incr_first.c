/*
 * incr_first — serve's first pass: the edited chapters' pages before the
 * rest of the build (see incr_graph.h).
 *
 * What a pass learnt is kept for the next, so an edit costs what it
 * changed, not the project (issue 13's 1,000 chapters): the files'
 * hashes by their stat (incr_open_memo), and the scanned course with its
 * theme.  When only chapter sources changed since (every other input is
 * as the last pass saw it), those chapters are scanned again in the kept
 * course (course_rescan); when the outline is then the last pass's, the
 * context is, and their pages are written from that course.  Anything
 * else (another input, an order, a diagnostic, an outline) drops the
 * kept course, and the pass scans the project anew, as a first one.
 */
#include "incr_graph.h"
#include "file.h"
#include "mem.h"
#include "site.h"
#include "theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The project as the last pass saw it. */
struct incr_first {
	char	 ctx[65];		/* the context */
	char	**hash;			/* chapter i's source hash, or NULL;
					   owned */
	size_t	 n;			/* chapters */
	struct incr_memo *memo;		/* the files' hashes; owned */
	struct course *c;		/* the scan, or NULL; owned */
	struct theme *th;		/* its theme; owned */
	char	 env[65];		/* the context without the outline */
	struct buf outline;		/* c's */
};

struct incr_first *
incr_first_new(void)
{
	struct incr_first *f = xcalloc(1, sizeof(struct incr_first));

	f->memo = incr_memo_new();
	return f;
}

/* The kept scan dropped. */
static void
S_drop(struct incr_first *f)
{
	course_free(f->c);
	theme_free(f->th);
	f->c = NULL;
	f->th = NULL;
	f->env[0] = '\0';
	buf_free(&f->outline);
}

static void
S_forget(struct incr_first *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->hash[i]);
	free(f->hash);
	f->hash = NULL;
	f->n = 0;
	f->ctx[0] = '\0';
	S_drop(f);
}

void
incr_first_free(struct incr_first *f)
{
	if (f == NULL)
		return;
	S_forget(f);
	incr_memo_free(f->memo);
	free(f);
}

/* ch's path below the project folder dir, or NULL (as incr_graph.c). */
static const char *
S_rel(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 0 || (n == 1 && dir[0] == '.'))
		return path;
	if (strncmp(path, dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

/* SALESGEN_INCR_TRACE=FILE: how the pass went, "first kept-scan N"
 * (from the kept scan) or "first scan N" (from a scan of the project),
 * N pages written, a line added to FILE; for tests/serve.sh. */
static void
S_trace(const char *how, size_t n)
{
	const char *path = getenv("SALESGEN_INCR_TRACE");
	FILE *fp;

	if (path == NULL || *path == '\0' || (fp = fopen(path, "a")) == NULL)
		return;
	fprintf(fp, "first %s %zu\n", how, n);
	fclose(fp);
}

/* The sources of c's chapters below the project folder, in chapter
 * order (a new array, NULL-terminated), or NULL when one is not below it. */
static const char **
S_srcs(const struct course *c)
{
	const char **v = xcalloc(c->nch + 1, sizeof(*v));
	size_t i;

	for (i = 0; i < c->nch; i++)
		if ((v[i] = S_rel(c->dir, c->ch[i].path)) == NULL) {
			free(v);
			return NULL;
		}
	return v;
}

/* The context of in without the outline, for the sources of c, into
 * env; -1 when a source is not below the project or was not hashed. */
static int
S_env(struct incr *in, const struct course *c, char *env)
{
	const char **srcs = S_srcs(c);
	size_t i;
	int rc = srcs != NULL ? 0 : -1;

	if (rc == 0) {
		incr_context(in, srcs, c->nch, "", 0);
		for (i = 0; i < c->nch; i++)
			if (incr_src_hash(in, srcs[i]) == NULL)
				rc = -1;
		memcpy(env, incr_ctx(in), 65);
	}
	free(srcs);
	return rc;
}

/* Writes the pages of c's chapters that keep[] does not keep (owned by
 * the plan from now on); returns how many, 0 when something went
 * wrong. */
static size_t
S_write(struct course *c, struct theme *th, struct incr *in,
    unsigned char *keep, size_t n, const struct build_opts *o,
    struct diag_list *dl)
{
	const char *dir = o->arg ? o->arg : ".";
	struct incr_plan *plan = xcalloc(1, sizeof(*plan));
	char *out = file_join(dir, "out"), *site = file_join(out, "site");
	enum edition e;

	plan->in = in;
	plan->nch = c->nch;
	plan->keep = keep;
	plan->pdf_done = xcalloc(c->nch + 1, 1);
	plan->pages_only = 1;
	c->plan = plan;
	e = o->edition >= 0 ? (enum edition)o->edition : c->site_edition;
	/* kept inside the project, as the whole build's writers */
	file_confine(dir);
	if (site_build(c, th, site, e, o->jobs, NULL, dl) != 0 ||
	    diag_worst(dl) >= DIAG_ERROR)
		n = 0;
	file_confine(NULL);
	c->plan = NULL;
	incr_plan_free(plan);
	free(out);
	free(site);
	return n;
}

/* The pass from the kept scan: 0 when it could tell, with how many pages
 * it wrote in *np; -1 when the project must be scanned anew (the kept
 * scan is dropped). */
static int
S_kept(struct incr_first *f, struct incr *in, const struct build_opts *o,
    size_t *np)
{
	struct course *c = f->c;
	struct diag_list *dl = diag_list_new();
	struct buf ol = { 0 };
	unsigned char *keep = NULL;
	const char *rel, *now;
	char env[65];
	size_t i, n = 0;
	int rc = -1;

	dl->strict = o->strict;
	if (c->nch != f->n || S_env(in, c, env) != 0 ||
	    strcmp(env, f->env) != 0)
		goto done;
	keep = xcalloc(c->nch + 1, 1);
	for (i = 0; i < c->nch; i++) {
		rel = S_rel(c->dir, c->ch[i].path);
		now = incr_src_hash(in, rel);
		keep[i] = f->hash[i] != NULL && strcmp(now, f->hash[i]) == 0;
		n += !keep[i];
	}
	*np = 0;
	if (n == 0) {
		rc = 0;
		goto done;
	}
	/* many: the scan of the whole project, on every thread, is faster */
	if (n > 1 + c->nch / 8)
		goto done;
	/* every changed chapter scanned again, quietly: a diagnostic may
	 * depend on the order of the scan, which the fresh scan keeps */
	for (i = 0; i < c->nch; i++)
		if (!keep[i] && (course_rescan(c, i, dl) != 0 || dl->n > 0))
			goto done;
	incr_outline(c, &ol);
	if (ol.len != f->outline.len ||
	    memcmp(ol.data, f->outline.data, ol.len) != 0)
		goto done;
	for (i = 0; i < c->nch; i++)
		if (!keep[i]) {
			free(f->hash[i]);
			f->hash[i] = xstrdup(incr_src_hash(in,
			    S_rel(c->dir, c->ch[i].path)));
		}
	*np = S_write(c, f->th, in, keep, n, o, dl);
	keep = NULL;
	rc = 0;
done:
	if (rc != 0)
		S_drop(f);
	free(keep);
	buf_free(&ol);
	diag_list_free(dl);
	return rc;
}

size_t
incr_first_pages(struct incr_first *f, const struct build_opts *o)
{
	const char *dir = o->arg ? o->arg : ".";
	struct diag_list *dl = diag_list_new();
	struct incr *in;
	struct incr_plan *plan = NULL;
	struct course *c = NULL;
	struct theme *th = NULL;
	struct buf opts = { 0 };
	char *out = file_join(dir, "out");
	const char *rel, *now;
	unsigned char *keep;
	size_t i, n = 0;
	int same;

	dl->strict = o->strict;
	incr_opts_text(o, o->strict, &opts);
	in = incr_open_memo(dir, out, buf_cstr(&opts), f->memo);
	if (f->c != NULL && S_kept(f, in, o, &n) == 0) {
		S_trace("kept-scan", n);
		goto done;
	}
	if ((c = course_open(dir, dl)) == NULL)
		goto fail;
	if (o->lang != NULL) {
		free(c->lang);
		c->lang = xstrdup(o->lang);
	}
	th = theme_new(dir);
	if (theme_check(th, dl) != 0 || course_scan(c, th, o->jobs, dl) != 0 ||
	    diag_worst(dl) >= DIAG_ERROR)
		goto fail;
	plan = incr_plan_new(in, c);
	same = f->ctx[0] != '\0' && strcmp(f->ctx, incr_ctx(in)) == 0;
	keep = xcalloc(c->nch + 1, 1);
	for (i = 0; i < c->nch; i++) {
		rel = S_rel(c->dir, c->ch[i].path);
		now = rel != NULL ? incr_src_hash(in, rel) : NULL;
		keep[i] = now != NULL && i < f->n && f->hash[i] != NULL &&
		    strcmp(now, f->hash[i]) == 0;
		if (!keep[i])
			n++;
	}
	/* a new context changes every page: the whole build it is */
	if (!same || n == c->nch)
		n = 0;
	/* what this pass saw, for the next: the scan too, unless it is
	 * not one a kept pass can go on from */
	S_forget(f);
	f->hash = xcalloc(c->nch + 1, sizeof(*f->hash));
	f->n = c->nch;
	for (i = 0; i < c->nch; i++)
		if ((rel = S_rel(c->dir, c->ch[i].path)) != NULL &&
		    (now = incr_src_hash(in, rel)) != NULL)
			f->hash[i] = xstrdup(now);
	memcpy(f->ctx, incr_ctx(in), sizeof(f->ctx));
	if (S_env(in, c, f->env) == 0 && c->hook == NULL) {
		incr_outline(c, &f->outline);
		f->c = c;
		f->th = th;
	}
	if (n > 0)
		n = S_write(c, th, in, keep, n, o, dl);
	else
		free(keep);
	if (f->c != NULL)
		c = NULL, th = NULL;
	S_trace("scan", n);
	goto done;
fail:
	S_forget(f);
	n = 0;
done:
	incr_plan_free(plan);
	incr_free(in);
	theme_free(th);
	course_free(c);
	buf_free(&opts);
	free(out);
	diag_list_free(dl);
	return n;
}
