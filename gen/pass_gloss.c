/*
 * pass_gloss — the glossary (begrippenlijst) from `definitie` callouts.
 *
 * Terms sort the way a Dutch dictionary sorts them: letter by letter, with
 * case, accents, spaces and punctuation ignored on the first comparison
 * ("Één-op-één" files under e) and the written form breaking ties.  "ij" is
 * two letters, i then j, as Van Dale and the Groene Boekje list it.
 */
#include "pass.h"
#include "mem.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Base letters of U+00C0..U+00FF; '*' marks the two-letter ones, '-' the
 * signs that are not letters (multiplication and division). */
static const char S_latin1[] =
    "aaaaaa*ceeeeiiiidnooooo-ouuuuyt*"
    "aaaaaa*ceeeeiiiidnooooo-ouuuuyty";

char *
pass_gloss_key(const char *term)
{
	const unsigned char *s = (const unsigned char *)term;
	struct buf b = { 0 };
	char c;

	for (; *s; s++) {
		if (*s < 0x80) {
			if (isalnum(*s))
				buf_putc(&b, tolower(*s));
			continue;
		}
		if (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
			c = S_latin1[s[1] - 0x80];
			if (c == '*')
				buf_puts(&b, s[1] == 0x9F ? "ss" : "ae");
			else if (c != '-')
				buf_putc(&b, c);
			s++;
			continue;
		}
		/* Other scripts and symbols: keep the bytes, after Latin. */
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

void
pass_gloss_find(struct doc_node *root, const char *path, size_t ci,
    struct gloss_entry **v, size_t *nv)
{
	struct doc_node *n, *p;
	struct gloss_entry *e;
	struct buf t = { 0 };

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		if (n->type != DOC_CALLOUT || n->ckind != CALLOUT_DEFINITIE)
			continue;
		if (n->text == NULL)
			continue;	/* md_parse reported it */
		buf_reset(&t);
		for (p = n->first; p != NULL && p->type != DOC_PARA; p = p->next)
			;
		if (p != NULL)
			doc_plain_text(p, &t);
		*v = xrealloc(*v, (*nv + 1) * sizeof(**v));
		e = &(*v)[(*nv)++];
		e->term = xstrdup(n->text);
		e->key = NULL;
		e->text = xstrdup(buf_cstr(&t));
		e->chapter = ci;
		e->id = xstrdup(n->id);
		e->file = xstrdup(path);
		e->line = n->line;
		e->col = n->col;
	}
	buf_free(&t);
}

void
pass_gloss_add(struct course *c, struct gloss_entry *v, size_t nv,
    struct diag_list *dl)
{
	struct gloss_entry *e;
	size_t i, k;

	for (k = 0; k < nv; k++) {
		e = &v[k];
		for (i = 0; i < c->ngloss; i++)
			if (strcmp(c->gloss[i].term, e->term) == 0)
				break;
		if (i < c->ngloss) {
			diag_add(dl, DIAG_DUP_TERM, e->file, e->line, e->col,
			    e->term, c->gloss[i].file, c->gloss[i].line);
			free(e->term);
			free(e->key);
			free(e->text);
			free(e->id);
			free(e->file);
			continue;
		}
		if (e->key == NULL)
			e->key = pass_gloss_key(e->term);
		c->gloss = xrealloc(c->gloss, (c->ngloss + 1) *
		    sizeof(*c->gloss));
		c->gloss[c->ngloss++] = *e;
	}
}

void
pass_gloss_collect(struct doc_node *root, struct course *c, size_t ci,
    struct diag_list *dl)
{
	struct gloss_entry *v = NULL;
	size_t nv = 0;

	pass_gloss_find(root, c->ch[ci].path, ci, &v, &nv);
	pass_gloss_add(c, v, nv, dl);
	free(v);
}

static int
S_cmp(const void *a, const void *b)
{
	const struct gloss_entry *x = a, *y = b;
	int r;

	if ((r = strcmp(x->key, y->key)) != 0)
		return r;
	return strcmp(x->term, y->term);
}

void
pass_gloss_sort(struct course *c)
{
	if (c->ngloss > 1)
		qsort(c->gloss, c->ngloss, sizeof(*c->gloss), S_cmp);
}
