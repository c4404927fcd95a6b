/*
 * incr_first — serve's first pass: the edited chapters' pages before the
 * rest of the build (see incr_graph.h).
 */
#include "incr_graph.h"
#include "file.h"
#include "mem.h"
#include "site.h"
#include "theme.h"

#include <stdlib.h>
#include <string.h>

/* The project as the last pass saw it: the context and each chapter
 * source's hash, by path. */
struct incr_first {
	char	 ctx[65];
	char	**rel, **hash;		/* owned */
	size_t	 n;
};

struct incr_first *
incr_first_new(void)
{
	return xcalloc(1, sizeof(struct incr_first));
}

static void
S_forget(struct incr_first *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->rel[i]);
		free(f->hash[i]);
	}
	free(f->rel);
	free(f->hash);
	f->rel = f->hash = NULL;
	f->n = 0;
	f->ctx[0] = '\0';
}

void
incr_first_free(struct incr_first *f)
{
	if (f == NULL)
		return;
	S_forget(f);
	free(f);
}

/* The hash the last pass saw for rel, or NULL. */
static const char *
S_seen(const struct incr_first *f, const char *rel)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->rel[i], rel) == 0)
			return f->hash[i];
	return NULL;
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
	char *out = file_join(dir, "out"), *site = file_join(out, "site");
	const char *rel, *was, *now;
	size_t i, n = 0, nrel = 0;
	int same;
	enum edition e;

	dl->strict = o->strict;
	incr_opts_text(o, o->strict, &opts);
	in = incr_open(dir, out, buf_cstr(&opts));
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
	for (i = 0; i < c->nch; i++) {
		rel = S_rel(c->dir, c->ch[i].path);
		now = rel != NULL ? incr_src_hash(in, rel) : NULL;
		was = rel != NULL ? S_seen(f, rel) : NULL;
		plan->keep[i] = now != NULL && was != NULL &&
		    strcmp(now, was) == 0;
		if (!plan->keep[i])
			n++;
	}
	/* a new context changes every page: the whole build it is */
	if (!same || n == c->nch)
		n = 0;
	/* what this pass saw, for the next */
	S_forget(f);
	f->rel = xcalloc(c->nch + 1, sizeof(*f->rel));
	f->hash = xcalloc(c->nch + 1, sizeof(*f->hash));
	for (i = 0; i < c->nch; i++)
		if ((rel = S_rel(c->dir, c->ch[i].path)) != NULL &&
		    (now = incr_src_hash(in, rel)) != NULL) {
			f->rel[nrel] = xstrdup(rel);
			f->hash[nrel++] = xstrdup(now);
		}
	f->n = nrel;
	memcpy(f->ctx, incr_ctx(in), sizeof(f->ctx));
	if (n > 0) {
		plan->pages_only = 1;
		c->plan = plan;
		e = o->edition >= 0 ? (enum edition)o->edition :
		    c->site_edition;
		/* kept inside the project, as the whole build's writers */
		file_confine(dir);
		if (site_build(c, th, site, e, o->jobs, NULL, dl) != 0 ||
		    diag_worst(dl) >= DIAG_ERROR)
			n = 0;
		file_confine(NULL);
	}
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
	free(site);
	diag_list_free(dl);
	return n;
}
