/*
 * pdf_rows — the row store (see pdf_rows.h).  A leaf: it calls nothing
 * else in gen/pdf/.
 */
#include "pdf_rows.h"
#include "buf.h"
#include "chart.h"
#include "esc.h"
#include "file.h"
#include "hyph.h"
#include "mem.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*** Rows ***/

void
layout_rows_init(struct layout *l, struct fonts *f, struct hyph *h,
    const struct pdf_style *st, struct diag_list *dl)
{
	memset(l, 0, sizeof(*l));
	l->fonts = f;
	l->hyph = l->hyph_base = h;
	l->st = st;
	l->dl = dl;
}

void
layout_rows_free(struct layout *l)
{
	size_t i;

	/* pdf_inline.c's state is its own to free (inline_free()) */
	assert(l->inl == NULL);
	for (i = 0; i < l->n; i++)
		row_clear(&l->rows[i]);
	free(l->rows);
	for (i = 0; i < l->nlinks; i++)
		free(l->links[i]);
	free(l->links);
	free(l->img_base);
	hyph_free(l->hyph_other);
	free(l->other_lang);
	l->hyph_other = NULL;
	l->other_lang = NULL;
	l->hyph = l->hyph_base;
	l->rows = NULL;
	l->n = l->cap = 0;
	l->links = NULL;
	l->nlinks = 0;
	l->img_base = NULL;
}

/* Whether language tags a and b have the same primary subtag ("en" and
 * "en-GB" do), the part hyphenation patterns and labels go by. */
static int
S_same_lang(const char *a, const char *b)
{
	size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");

	return na == nb && strncasecmp(a, b, na) == 0;
}

void
layout_lang(struct layout *l, const char *lang)
{
	l->lang = lang;
	if (lang == NULL || l->st->lang == NULL ||
	    S_same_lang(lang, l->st->lang)) {
		l->hyph = l->hyph_base;
		return;
	}
	if (l->other_lang == NULL || !S_same_lang(lang, l->other_lang)) {
		hyph_free(l->hyph_other);
		free(l->other_lang);
		/* without patterns for it the words stay whole: no
		 * diagnostic, the text is right all the same */
		l->hyph_other = hyph_new(lang, NULL);
		l->other_lang = xstrdup(lang);
	}
	l->hyph = l->hyph_other;
}

const char *
layout_lang_of(const struct layout *l)
{
	return l->lang != NULL ? l->lang : l->st->lang;
}

struct pl_row *
layout_row(struct layout *l, enum pl_kind kind, double h)
{
	struct pl_row *r;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->rows = xrealloc(l->rows, l->cap * sizeof(*l->rows));
	}
	r = &l->rows[l->n++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->h = h;
	r->chapter = l->chapter;
	r->box_fill = r->box_bar = PL_NONE;
	r->src = l->file;
	r->line = l->line;
	r->col = l->col;
	return r;
}

void
layout_space(struct layout *l, double h)
{
	layout_row(l, PL_SPACE, h);
}

void
layout_space_top(struct layout *l, double h)
{
	layout_row(l, PL_SPACE, h)->top = 1;
}

char *
layout_anchor(const struct layout *l, const char *id)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s#%s", l->slug ? l->slug : "", id ? id : "");
	return buf_detach(&b);
}

/* The slug of the page url (n bytes, without ".html", encoded) names
 * when read from the page of slug: a new string, or NULL when it climbs
 * above the site. */
static char *
S_page_of(const char *slug, const char *url, size_t n)
{
	struct buf b = { 0 };
	char *page;

	/* the slug's folder with its '/' */
	if (slug != NULL)
		buf_put(&b, slug, (size_t)(file_base(slug) - slug));
	esc_url_decode(&b, url, n);
	page = file_fold(buf_cstr(&b));
	buf_free(&b);
	return page;
}

int
layout_link(struct layout *l, const char *url)
{
	struct buf key = { 0 };
	const char *hash, *p;
	char *page;
	size_t i, blen;

	hash = strchr(url, '#');
	for (p = url; *p && *p != '/' && *p != '#' && *p != ':'; p++)
		;
	if (url[0] == '#')
		buf_printf(&key, "#%s#%s", l->slug ? l->slug : "", url + 1);
	else if (*p != ':' && url[0] != '/' && (blen = hash ?
	    (size_t)(hash - url) : strlen(url)) > 5 &&
	    strncmp(url + blen - 5, ".html", 5) == 0 &&
	    (page = S_page_of(l->slug, url, blen - 5)) != NULL) {
		/* another chapter's page, relative to this chapter's
		 * folder ("../deel-2/b.html"): its slug is the key */
		buf_putc(&key, '#');
		buf_puts(&key, page);
		buf_printf(&key, "#%s", hash ? hash + 1 : "");
		free(page);
	} else
		buf_puts(&key, url);
	for (i = 0; i < l->nlinks; i++)
		if (strcmp(l->links[i], key.data) == 0) {
			buf_free(&key);
			return (int)i;
		}
	l->links = xrealloc(l->links, (l->nlinks + 1) * sizeof(*l->links));
	l->links[l->nlinks] = buf_detach(&key);
	return (int)l->nlinks++;
}

struct pl_run *
row_run_blank(struct pl_row *r, double x, double w, enum font_face face,
    double size, uint32_t color, int link)
{
	struct pl_run *run;

	/* doubled when full: a line of words is not a realloc per word */
	if (r->nruns == r->cruns) {
		r->cruns = r->cruns ? r->cruns * 2 : 1;
		r->runs = xrealloc(r->runs, r->cruns * sizeof(*r->runs));
	}
	run = &r->runs[r->nruns++];
	memset(run, 0, sizeof(*run));
	run->x = x;
	run->w = w;
	run->face = face;
	run->size = size;
	run->color = color;
	run->link = link;
	return run;
}

void
row_run(struct pl_row *r, double x, double w, enum font_face face,
    double size, uint32_t color, const char *s, size_t n, int link)
{
	struct pl_run *run = row_run_blank(r, x, w, face, size, color, link);

	run->text = xstrndup(s ? s : "", s ? n : 0);
	run->len = s ? n : 0;
}

void
row_trim(struct pl_row *r)
{
	if (r->nruns == 0 || r->nruns == r->cruns)
		return;
	r->runs = xrealloc(r->runs, r->nruns * sizeof(*r->runs));
	r->cruns = r->nruns;
}

void
row_free_runs(struct pl_row *r)
{
	size_t k;

	/* a pooled text lies inside pool: compared as addresses, since
	 * pointers into different objects may not be ordered in C */
	for (k = 0; k < r->nruns; k++)
		if (r->pool == NULL || (uintptr_t)r->runs[k].text -
		    (uintptr_t)r->pool >= r->npool)
			free(r->runs[k].text);
	free(r->runs);
	free(r->pool);
	r->runs = NULL;
	r->pool = NULL;
	r->nruns = r->cruns = r->npool = 0;
}

void
row_clear(struct pl_row *r)
{
	row_free_runs(r);
	free(r->rects);
	free(r->anchor);
	free(r->otitle);
	free(r->img);
	if (r->chart != NULL) {
		chart_geom_clear(r->chart);
		free(r->chart);
	}
	r->rects = NULL;
	r->nrects = 0;
	r->anchor = r->otitle = r->img = NULL;
	r->chart = NULL;
}

void
row_rect(struct pl_row *r, double x, double y, double w, double h,
    uint32_t fill)
{
	struct pl_rect *rc;

	r->rects = xrealloc(r->rects, (r->nrects + 1) * sizeof(*r->rects));
	rc = &r->rects[r->nrects++];
	rc->x = x;
	rc->y = y;
	rc->w = w;
	rc->h = h;
	rc->fill = fill;
}
