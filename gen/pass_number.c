/*
 * pass_number — textbook numbering and anchors.
 *
 * Chapter n's sections read n.1, n.1.1; its tables "Tabel n.1", figures
 * "Figuur n.1" and exercises "Opdracht n.1", each counted through the
 * chapter.  An answer takes the number of the exercise before it.  Anchor
 * ids are GitHub's heading slugs, so links written for GitHub or another
 * Markdown tool keep working; clashes get -1, -2 as GitHub does.
 */
#include "pass.h"
#include "mem.h"
#include "strmap.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * The ids of one tree, looked up through a string map, so a file with a
 * hundred thousand headings still numbers in linear time.  A zeroed
 * struct is an empty set.
 */
struct pass_ids {
	char		**v;		/* in insertion order, owned */
	size_t		  n, cap;
	struct strmap	  tab;		/* the same strings */
	/* per base id, the next suffix to try: a hundred thousand headings
	 * with one title get -1 .. -99999 without trying each again */
	struct strmap	  next;
	char		**base;		/* its keys, owned */
	size_t		  nbase, capbase;
};

static int
S_has(const struct pass_ids *s, const char *id)
{
	return strmap_get(&s->tab, id) != NULL;
}

static void
S_add(struct pass_ids *s, char *id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = id;
	strmap_put(&s->tab, id, NULL);
}

static size_t *
S_next(struct pass_ids *s, const char *base)
{
	size_t *k;

	if ((k = strmap_get(&s->next, base)) != NULL)
		return k;
	if (s->nbase == s->capbase) {
		s->capbase = s->capbase ? s->capbase * 2 : 16;
		s->base = xrealloc(s->base, s->capbase * sizeof(*s->base));
	}
	s->base[s->nbase] = xstrdup(base);
	k = strmap_put(&s->next, s->base[s->nbase++], NULL);
	*k = 1;
	return k;
}

/* Makes base unique in s, records it and returns a new copy. */
static char *
S_unique(struct pass_ids *s, const char *base)
{
	struct buf b = { 0 };
	size_t *k;

	buf_puts(&b, base);
	if (S_has(s, buf_cstr(&b))) {
		k = S_next(s, base);
		do {
			buf_reset(&b);
			buf_printf(&b, "%s-%zu", base, (*k)++);
		} while (S_has(s, buf_cstr(&b)));
	}
	S_add(s, xstrdup(buf_cstr(&b)));
	return buf_detach(&b);
}

/* Frees the maps, not the ids in v. */
static void
S_index_free(struct pass_ids *s)
{
	size_t i;

	strmap_free(&s->tab);
	strmap_free(&s->next);
	for (i = 0; i < s->nbase; i++)
		free(s->base[i]);
	free(s->base);
}

struct pass_ids *
pass_ids_new(void)
{
	return xcalloc(1, sizeof(struct pass_ids));
}

void
pass_ids_free(struct pass_ids *s)
{
	size_t i;

	if (s == NULL)
		return;
	S_index_free(s);
	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s);
}

char *
pass_ids_unique(struct pass_ids *s, const char *base)
{
	return S_unique(s, base);
}

void
pass_slug(const char *text, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t start = out->len;

	for (; *s; s++) {
		if (*s >= 0x80) {
			/* Latin-1 capitals (U+00C0..U+00DE but U+00D7)
			 * fold to small letters, as GitHub lowercases. */
			if (s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E &&
			    s[1] != 0x97) {
				buf_putc(out, 0xC3);
				buf_putc(out, s[1] + 0x20);
				s++;
			} else if (s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0xBF) {
				/* U+0080..U+00BF: signs and punctuation, but
				 * for the letters ª µ º and the numbers ² ³ ¹
				 * ¼ ½ ¾, which GitHub keeps */
				if (s[1] == 0xAA || s[1] == 0xB5 || s[1] == 0xBA ||
				    s[1] == 0xB2 || s[1] == 0xB3 || s[1] == 0xB9 ||
				    (s[1] >= 0xBC && s[1] <= 0xBE)) {
					buf_putc(out, s[0]);
					buf_putc(out, s[1]);
				}
				s++;
			} else if (s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7)) {
				s++;	/* × and ÷ */
			} else if (s[0] == 0xE2 && s[1] == 0x80 &&
			    (s[2] == 0x93 || s[2] == 0x94 || s[2] == 0x98 ||
			    s[2] == 0x99 || s[2] == 0x9C || s[2] == 0x9D)) {
				s += 2;	/* dashes and curly quotes are punctuation */
			} else if (s[0] == 0xE2 && s[1] == 0x82 && s[2] == 0xAC) {
				s += 2;	/* the euro sign */
			} else
				buf_putc(out, *s);
		} else if (isalnum(*s) || *s == '-' || *s == '_')
			buf_putc(out, tolower(*s));
		else if (*s == ' ')
			buf_putc(out, '-');
	}
	if (out->len == start)
		buf_puts(out, "sectie");
}

static void
S_set_number(struct doc_node *n, const char *fmt, int a, int b, int c)
{
	struct buf nb = { 0 };

	buf_printf(&nb, fmt, a, b, c);
	free(n->number);
	n->number = buf_detach(&nb);
}

static void
S_toc_add(struct chapter *ch, int level, const struct doc_node *h)
{
	struct buf t = { 0 };
	struct toc_entry *e;

	doc_plain_text(h, &t);
	ch->toc = xrealloc(ch->toc, (ch->ntoc + 1) * sizeof(*ch->toc));
	e = &ch->toc[ch->ntoc++];
	e->level = level;
	e->number = xstrdup(h->number);
	/* exactly as long as it is: kept for the whole build */
	e->title = xstrndup(buf_cstr(&t), t.len);
	e->id = xstrdup(h->id);
	buf_free(&t);
}

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
pass_number(struct doc_node *root, int chapter, struct chapter *ch)
{
	pass_number_taken(root, chapter, ch, NULL);
}

void
pass_unnumber(struct doc_node *root)
{
	struct doc_node *n;

	for (n = root; n != NULL; n = doc_next(root, n, 0))
		if (n->type == DOC_HEADING || n->type == DOC_TABLE ||
		    n->type == DOC_FIGURE) {
			free(n->number);
			n->number = NULL;
		}
}

void
pass_number_taken(struct doc_node *root, int chapter, struct chapter *ch,
    const char *const *taken)
{
	struct pass_ids ids = { 0 };
	struct doc_node *n;
	struct buf b = { 0 };
	int sec = 0, sub = 0, tab = 0, fig = 0, ex = 0, seen_title = 0;
	int level;
	size_t i, ntaken = 0;

	/* the shell's ids come first, so every heading steps round them */
	for (; taken != NULL && taken[ntaken] != NULL; ntaken++)
		if (!S_has(&ids, taken[ntaken]))
			S_add(&ids, xstrdup(taken[ntaken]));
	ntaken = ids.n;

	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		buf_reset(&b);
		switch (n->type) {
		case DOC_HEADING:
			level = n->level;
			if (level == 1 && !seen_title) {
				seen_title = 1;
				if (chapter > 0)
					S_set_number(n, "%d", chapter, 0, 0);
			} else if (level <= 2) {
				sec++;
				sub = 0;
				level = 2;
				if (chapter > 0)
					S_set_number(n, "%d.%d", chapter, sec, 0);
				else
					S_set_number(n, "%d", sec, 0, 0);
			} else if (level == 3) {
				sub++;
				if (chapter > 0)
					S_set_number(n, "%d.%d.%d", chapter,
					    sec, sub);
				else
					S_set_number(n, "%d.%d", sec, sub, 0);
			}
			if (n->info != NULL) {
				/* a MyST (label)= target names it */
				buf_reset(&b);
				buf_puts(&b, n->info);
			} else {
				struct buf t = { 0 };

				doc_plain_text(n, &t);
				pass_slug(buf_cstr(&t), &b);
				buf_free(&t);
			}
			free(n->id);	/* an embedded document had its own */
			n->id = S_unique(&ids, buf_cstr(&b));
			if (ch != NULL && level <= 3) {
				if (ch->title == NULL && level == 1) {
					struct buf t = { 0 };

					doc_plain_text(n, &t);
					ch->title = buf_detach(&t);
				}
				S_toc_add(ch, level, n);
			}
			break;
		case DOC_TABLE:
			tab++;
			if (chapter > 0)
				S_set_number(n, "%d.%d", chapter, tab, 0);
			else
				S_set_number(n, "%d", tab, 0, 0);
			if (n->info != NULL)	/* Quarto's {#tbl-x} */
				buf_puts(&b, n->info);
			else
				buf_printf(&b, "tabel-%s", n->number);
			free(n->id);	/* an embedded document had its own */
			n->id = S_unique(&ids, buf_cstr(&b));
			break;
		case DOC_FIGURE:
			fig++;
			if (chapter > 0)
				S_set_number(n, "%d.%d", chapter, fig, 0);
			else
				S_set_number(n, "%d", fig, 0, 0);
			if (n->first != NULL && n->first->type == DOC_IMAGE &&
			    n->first->info != NULL)	/* Quarto's {#fig-x} */
				buf_puts(&b, n->first->info);
			else
				buf_printf(&b, "figuur-%s", n->number);
			free(n->id);	/* an embedded document had its own */
			n->id = S_unique(&ids, buf_cstr(&b));
			break;
		case DOC_CALLOUT:
			if (n->ckind == CALLOUT_OPDRACHT) {
				ex++;
				if (chapter > 0)
					S_set_number(n, "%d.%d", chapter, ex, 0);
				else
					S_set_number(n, "%d", ex, 0, 0);
				buf_printf(&b, "opdracht-%s", n->number);
			} else if (n->ckind == CALLOUT_ANTWOORD && ex > 0) {
				if (chapter > 0)
					S_set_number(n, "%d.%d", chapter, ex, 0);
				else
					S_set_number(n, "%d", ex, 0, 0);
				buf_printf(&b, "antwoord-%s", n->number);
			} else if (n->ckind == CALLOUT_DEFINITIE && n->text) {
				buf_puts(&b, "def-");
				pass_slug(n->text, &b);
			} else
				buf_puts(&b, callout_name(n->ckind));
			free(n->id);	/* an embedded document had its own */
			n->id = S_unique(&ids, buf_cstr(&b));
			break;
		default:
			break;
		}
	}
	/* Extra anchors: a MyST (label)= beside its heading's id, and
	 * `<a name>` targets.  After the ids made here, so none of those
	 * moves; one that is taken already names that element (npm writes
	 * <a name="synopsis"> before "### Synopsis") and is not repeated. */
	for (n = root; n != NULL; n = doc_next(root, n, 0)) {
		char **extra;

		if (n->type == DOC_HEADING && n->title != NULL)
			extra = &n->title;
		else if ((n->type == DOC_HTMLINLINE ||
		    n->type == DOC_HTMLBLOCK) && n->id != NULL)
			extra = &n->id;
		else
			continue;
		if (S_has(&ids, *extra)) {
			free(*extra);
			*extra = NULL;
		} else
			S_add(&ids, xstrdup(*extra));
	}
	buf_free(&b);
	S_index_free(&ids);
	/* the shell's ids are not the chapter's anchors: a link to
	 * #sg-main in another chapter names no heading */
	if (ntaken > 0) {
		for (i = 0; i < ntaken; i++)
			free(ids.v[i]);
		memmove(ids.v, ids.v + ntaken, (ids.n - ntaken) *
		    sizeof(*ids.v));
		ids.n -= ntaken;
	}
	if (ch != NULL) {
		if (ids.n > 1)
			qsort(ids.v, ids.n, sizeof(*ids.v), S_cmp);
		ch->anchors = ids.v;
		ch->nanchors = ids.n;
	} else {
		for (i = 0; i < ids.n; i++)
			free(ids.v[i]);
		free(ids.v);
	}
}
