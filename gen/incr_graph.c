/* incr_graph — the per-chapter dependency graph (see incr_graph.h). */
#include "incr_graph.h"
#include "datadoc.h"
#include "doc.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* A field of the outline: its length first, so no two outlines read
 * alike. */
static void
S_field(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_puts(b, "-\n");
		return;
	}
	buf_printf(b, "%zu:", strlen(s));
	buf_puts(b, s);
	buf_putc(b, '\n');
}

void
incr_outline(const struct course *c, struct buf *b)
{
	const struct chapter *ch;
	const struct gloss_entry *g;
	const struct doc_node *n;
	size_t i, k;

	buf_printf(b, "chapters %zu parts %zu gloss %zu\n", c->nch, c->nparts,
	    c->ngloss);
	S_field(b, c->landing);
	for (i = 0; c->shell_ids != NULL && c->shell_ids[i] != NULL; i++)
		S_field(b, c->shell_ids[i]);
	for (i = 0; i < c->nparts; i++) {
		S_field(b, c->parts[i].title);
		S_field(b, c->parts[i].dir);
	}
	for (i = 0; i < c->nch; i++) {
		ch = &c->ch[i];
		buf_printf(b, "ch %d %d %d %d %zu %zu %zu\n", ch->part,
		    ch->number, ch->order, ch->has_order, ch->ntoc,
		    ch->nanchors, ch->nreg);
		S_field(b, ch->path);
		S_field(b, ch->file);
		S_field(b, ch->slug);
		S_field(b, ch->title);
		S_field(b, ch->description);
		for (k = 0; k < ch->ntoc; k++) {
			buf_printf(b, "toc %d\n", ch->toc[k].level);
			S_field(b, ch->toc[k].number);
			S_field(b, ch->toc[k].title);
			S_field(b, ch->toc[k].id);
		}
		for (k = 0; k < ch->nanchors; k++)
			S_field(b, ch->anchors[k]);
		for (k = 0; k < ch->nreg; k++)
			S_field(b, ch->reg[k]);
		/* a Quarto reference from another chapter reads the number
		 * of a figure or a table here from the kept tree (pass_xref) */
		buf_puts(b, ch->tree != NULL ? "tree\n" : "no tree\n");
		for (n = ch->tree; n != NULL; n = doc_next(ch->tree, n, 0))
			if (n->id != NULL && (n->type == DOC_HEADING ||
			    n->type == DOC_FIGURE || n->type == DOC_TABLE)) {
				buf_printf(b, "id %d %d\n", (int)n->type,
				    n->level);
				S_field(b, n->id);
				S_field(b, n->number);
				if (n->number == NULL) {
					/* shown by its words then */
					struct buf t = { 0 };

					doc_plain_text(n, &t);
					S_field(b, buf_cstr(&t));
					buf_free(&t);
				}
			}
	}
	/* the sales documents as the contents list them */
	buf_printf(b, "docs %zu\n", c->ndocs);
	for (i = 0; i < c->ndocs; i++) {
		S_field(b, c->docs[i].path);
		S_field(b, c->docs[i].slug);
		S_field(b, c->docs[i].kind);
		S_field(b, c->docs[i].title);
		S_field(b, c->docs[i].lang);
	}
	for (i = 0; i < c->ngloss; i++) {
		g = &c->gloss[i];
		buf_printf(b, "gloss %zu %d %d\n", g->chapter, g->line, g->col);
		S_field(b, g->term);
		S_field(b, g->key);
		S_field(b, g->text);
		S_field(b, g->id);
		S_field(b, g->file);
	}
}

/* A source's path below the project folder c->dir, as incr's walk
 * names it, or NULL. */
static const char *
S_rel(const struct course *c, const char *path)
{
	size_t n = strlen(c->dir);

	while (n > 1 && c->dir[n - 1] == '/')
		n--;
	if (n == 0 || (n == 1 && c->dir[0] == '.'))
		return strncmp(path, "./", 2) == 0 ? NULL : path;
	if (strncmp(path, c->dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

static int
S_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* 1 when chapter ch's inputs of its own (its source, the data documents
 * it embeds) are the last build's. */
static int
S_chapter_same(const struct incr *in, const struct course *c,
    const struct chapter *ch)
{
	size_t k;

	if (!incr_src_same(in, S_rel(c, ch->path)))
		return 0;
	for (k = 0; k < ch->nembeds; k++)
		if (!incr_src_same(in, ch->embeds[k]))
			return 0;
	return 1;
}

struct incr_plan *
incr_plan_new(struct incr *in, const struct course *c)
{
	struct incr_plan *p = xcalloc(1, sizeof(*p));
	struct buf ol = { 0 };
	const char **srcs;
	size_t i, k, n = 0, cap = c->nch + c->ndocs;
	int unsure = 0;

	p->in = in;
	p->nch = c->nch;
	p->keep = xcalloc(c->nch + 1, 1);
	p->pdf_done = xcalloc(c->nch + 1, 1);
	/* set apart from the context: the chapters' sources and the data
	 * documents, which only the chapters that embed them read (besides
	 * their own page and PDF, always made) */
	for (i = 0; i < c->nch; i++)
		cap += c->ch[i].nembeds;
	srcs = xcalloc(cap + 1, sizeof(*srcs));
	for (i = 0; i < c->nch; i++) {
		if ((srcs[n] = S_rel(c, c->ch[i].path)) != NULL)
			n++;
		else
			unsure = 1;
		for (k = 0; k < c->ch[i].nembeds; k++)
			srcs[n++] = c->ch[i].embeds[k];
	}
	for (i = 0; i < c->ndocs; i++)
		if (c->docs[i].path != NULL &&
		    (srcs[n] = S_rel(c, c->docs[i].path)) != NULL)
			n++;
	if (n > 1)
		qsort(srcs, n, sizeof(*srcs), S_str_cmp);
	for (i = k = 0; i < n; i++)
		if (k == 0 || strcmp(srcs[k - 1], srcs[i]) != 0)
			srcs[k++] = srcs[i];
	n = k;
	incr_outline(c, &ol);
	incr_context(in, srcs, n, buf_cstr(&ol), ol.len);
	if (!unsure && incr_ctx_same(in)) {
		p->outline = 1;
		p->all = 1;
		p->quiet = incr_quiet(in);
		for (i = 0; i < c->nch; i++) {
			p->keep[i] = (unsigned char)S_chapter_same(in, c,
			    &c->ch[i]);
			if (!p->keep[i])
				p->all = 0;
		}
	}
	free(srcs);
	buf_free(&ol);
	return p;
}

void
incr_plan_free(struct incr_plan *p)
{
	if (p == NULL)
		return;
	free(p->keep);
	free(p->pdf_done);
	free(p);
}

int
incr_plan_chapter(const struct incr_plan *p, size_t i, const char *rel)
{
	return p != NULL && i < p->nch && p->keep[i] && incr_keep(p->in, rel);
}

int
incr_plan_course(const struct incr_plan *p, int what, const char *rel)
{
	return p != NULL && what && incr_keep(p->in, rel);
}

void
incr_opts_text(const struct build_opts *o, int strict, struct buf *b)
{
	/* everything in build_opts that changes what a build writes */
	buf_printf(b, "edition=%d lang=%s letter=%d ragged=%d strict=%d "
	    "pdf-standard=%d", o->edition, o->lang ? o->lang : "\001",
	    o->letter, o->ragged, strict, o->pdf_standard);
}
