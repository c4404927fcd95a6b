/*
 * register — collecting, sorting and finding the register's terms (see
 * register.h).
 */
#include "register.h"
#include "buf.h"
#include "mem.h"
#include "pass.h"
#include "search_split.h"
#include "search_text.h"

#include <stdlib.h>
#include <string.h>

#define WORD_MAX	64	/* longer words are cut, as the search does */

char *
reg_key(const char *term)
{
	const unsigned char *s = (const unsigned char *)term;
	struct buf b = { 0 };
	char *key;

	/* "'s-Hertogenbosch" files under h, "'t Gooi" under g */
	while (*s == ' ')
		s++;
	if (s[0] == '\'' && (s[1] == 's' || s[1] == 't') &&
	    (s[2] == '-' || s[2] == ' '))
		s += 3;
	else if (s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99 &&
	    (s[3] == 's' || s[3] == 't') && (s[4] == '-' || s[4] == ' '))
		s += 5;
	for (; *s; s++) {
		if (s[0] == 0xC4 && (s[1] == 0xB2 || s[1] == 0xB3)) {
			buf_puts(&b, "ij");	/* the ligature ĳ, Ĳ */
			s++;
		} else if (s[0] == 0xE2 && s[1] == 0x80 &&
		    (s[2] == 0x98 || s[2] == 0x99)) {
			s += 2;			/* ‘ ’ */
		} else
			buf_putc(&b, (char)*s);
	}
	/* pass_gloss_key() folds the rest the glossary's way: digits sort
	 * before letters there, being smaller bytes */
	key = pass_gloss_key(buf_cstr(&b));
	buf_free(&b);
	return key;
}

/* The stems of the words of s, space-separated; NULL when it has none.
 * A stop word stands for itself. */
static char *
S_stems(struct search_text *st, const char *s)
{
	struct buf b = { 0 };
	char word[WORD_MAX];
	const char *t;
	size_t pos = 0, start, end;

	while (search_text_word(s, strlen(s), &pos, word, sizeof(word),
	    &start, &end)) {
		if ((t = search_text_term(st, word)) == NULL)
			t = word;
		if (b.len > 0)
			buf_putc(&b, ' ');
		buf_puts(&b, t);
	}
	if (b.len == 0)
		return NULL;
	return buf_detach(&b);
}

static char *
S_trim(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

static void
S_add(struct reg *r, const char *text, long def_ch, const char *def_id)
{
	struct reg_entry *e;
	const char *gt = strchr(text, '>');
	struct buf b = { 0 };
	char *k1, *k2;
	size_t n;

	r->e = xrealloc(r->e, (r->n + 1) * sizeof(*r->e));
	e = &r->e[r->n++];
	memset(e, 0, sizeof(*e));
	e->def_ch = def_ch;
	e->def_id = def_id;
	e->bold = -1;
	if (gt == NULL) {
		e->term = S_trim(text, strlen(text));
		e->key = reg_key(e->term);
		e->pat[0] = S_stems(r->st, e->term);
		return;
	}
	e->term = S_trim(text, (size_t)(gt - text));
	e->sub = S_trim(gt + 1, strlen(gt + 1));
	k1 = reg_key(e->term);
	k2 = reg_key(e->sub);
	buf_printf(&b, "%s\x01%s", k1, k2);
	e->key = buf_detach(&b);
	free(k1);
	free(k2);
	n = strlen(e->sub);
	if (n > 1 && e->sub[n - 1] == '-') {	/* "klanten-": klantenpiramide */
		buf_printf(&b, "%.*s%s", (int)(n - 1), e->sub, e->term);
		e->pat[0] = S_stems(r->st, b.data);
	} else if (n > 1 && e->sub[0] == '-') {	/* "-model": piramidemodel */
		buf_printf(&b, "%s%s", e->term, e->sub + 1);
		e->pat[0] = S_stems(r->st, b.data);
	} else {
		e->pat[0] = S_stems(r->st, e->term);
		e->pat[1] = S_stems(r->st, e->sub);
	}
	buf_free(&b);
}

static int
S_cmp(const void *a, const void *b)
{
	const struct reg_entry *x = a, *y = b;
	int c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	if ((c = strcmp(x->term, y->term)) != 0)
		return c;
	if (x->sub == NULL || y->sub == NULL)
		return (x->sub != NULL) - (y->sub != NULL);
	return strcmp(x->sub, y->sub);
}

struct reg *
reg_new(const struct course *c)
{
	struct reg *r;
	size_t i, j, k;

	for (i = k = 0; i < c->nch; i++)
		k += c->ch[i].nreg;
	if (k == 0 && c->ngloss == 0)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->st = search_text_new(c->lang);
	if (c->lang == NULL || strcmp(c->lang, "en") != 0)
		r->sp = search_split_new(r->st, NULL, NULL);
	for (i = 0; i < c->ngloss; i++)
		S_add(r, c->gloss[i].term, (long)c->gloss[i].chapter,
		    c->gloss[i].id);
	for (i = 0; i < c->nch; i++)
		for (j = 0; j < c->ch[i].nreg; j++)
			S_add(r, c->ch[i].reg[j], -1, NULL);
	qsort(r->e, r->n, sizeof(*r->e), S_cmp);
	/* a term listed twice (defined, and in a front matter) is one
	 * entry, the definition's */
	for (i = j = 0; i < r->n; i++) {
		if (j > 0 && S_cmp(&r->e[j - 1], &r->e[i]) == 0) {
			struct reg_entry *d = &r->e[i];

			if (d->def_ch >= 0 && r->e[j - 1].def_ch < 0) {
				r->e[j - 1].def_ch = d->def_ch;
				r->e[j - 1].def_id = d->def_id;
			}
			free(d->term);
			free(d->sub);
			free(d->key);
			for (k = 0; k < REG_PATS; k++)
				free(d->pat[k]);
			continue;
		}
		r->e[j++] = r->e[i];
	}
	r->n = j;
	return r;
}

void
reg_free(struct reg *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->e[i].term);
		free(r->e[i].sub);
		free(r->e[i].key);
		for (k = 0; k < REG_PATS; k++)
			free(r->e[i].pat[k]);
		free(r->e[i].pages);
	}
	free(r->e);
	if (r->sp != NULL)
		search_split_free(r->sp);
	search_text_free(r->st);
	free(r);
}

void
reg_count(struct reg *r, const char *text, size_t len)
{
	char word[WORD_MAX];
	size_t pos = 0, start, end;

	if (r->sp == NULL)
		return;
	while (search_text_word(text, len, &pos, word, sizeof(word), &start,
	    &end))
		search_split_count(r->sp, word);
}

/* A word of the page: its stem and the stems of its compound parts,
 * each followed by a space ("verkoopplan plan "). */
struct tok {
	char	*stem;
	char	*parts;
};

/* 1 when the space-separated list has word w. */
static int
S_has(const char *list, const char *w, size_t n)
{
	const char *p;

	for (p = list; *p; ) {
		const char *sp = strchr(p, ' ');
		size_t m = sp ? (size_t)(sp - p) : strlen(p);

		if (m == n && strncmp(p, w, n) == 0)
			return 1;
		p += m;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* 1 when pattern pat (stems) starts at token i: one word may be a part
 * of a compound, several must follow each other. */
static int
S_at(const struct tok *t, size_t nt, size_t i, const char *pat)
{
	const char *p = pat, *sp;
	size_t n, w = 0;

	if (strchr(pat, ' ') == NULL)
		return strcmp(t[i].stem, pat) == 0 ||
		    S_has(t[i].parts, pat, strlen(pat));
	for (; *p; w++) {
		sp = strchr(p, ' ');
		n = sp ? (size_t)(sp - p) : strlen(p);
		if (i + w >= nt || strlen(t[i + w].stem) != n ||
		    strncmp(t[i + w].stem, p, n) != 0)
			return 0;
		p += n;
		while (*p == ' ')
			p++;
	}
	return 1;
}

void
reg_page(struct reg *r, const char *text, size_t len, long page)
{
	struct tok *t = NULL;
	struct buf b = { 0 };
	char word[WORD_MAX];
	const char *s, *parts;
	size_t nt = 0, i, k, pos = 0, start, end, ppos, ps, pe;
	int all;

	while (search_text_word(text, len, &pos, word, sizeof(word), &start,
	    &end)) {
		t = xrealloc(t, (nt + 1) * sizeof(*t));
		s = search_text_term(r->st, word);
		t[nt].stem = xstrdup(s ? s : word);
		buf_reset(&b);
		parts = r->sp ? search_split_parts(r->sp, word) : "";
		for (ppos = 0; search_text_word(parts, strlen(parts), &ppos,
		    word, sizeof(word), &ps, &pe); ) {
			s = search_text_term(r->st, word);
			buf_puts(&b, s ? s : word);
			buf_putc(&b, ' ');
		}
		t[nt].parts = xstrdup(buf_cstr(&b));
		nt++;
	}
	for (k = 0; k < r->n; k++) {
		struct reg_entry *e = &r->e[k];

		all = e->pat[0] != NULL;
		for (int p = 0; p < REG_PATS && all; p++) {
			if (e->pat[p] == NULL)
				continue;
			for (i = 0; i < nt; i++)
				if (S_at(t, nt, i, e->pat[p]))
					break;
			all = i < nt;
		}
		if (all)
			reg_add_page(e, page);
	}
	for (i = 0; i < nt; i++) {
		free(t[i].stem);
		free(t[i].parts);
	}
	free(t);
	buf_free(&b);
}

void
reg_add_page(struct reg_entry *e, long page)
{
	size_t i;

	for (i = e->npages; i > 0 && e->pages[i - 1] > page; i--)
		;
	if (i > 0 && e->pages[i - 1] == page)
		return;
	e->pages = xrealloc(e->pages, (e->npages + 1) * sizeof(*e->pages));
	memmove(e->pages + i + 1, e->pages + i,
	    (e->npages - i) * sizeof(*e->pages));
	e->pages[i] = page;
	e->npages++;
}

size_t
reg_ranges(const struct reg_entry *e, long *from, long *to)
{
	size_t i, n = 0;

	for (i = 0; i < e->npages; i++) {
		long p = e->pages[i];

		if (n > 0 && p == to[n - 1] + 1 && p != e->bold &&
		    to[n - 1] != e->bold) {
			to[n - 1] = p;
			continue;
		}
		from[n] = to[n] = p;
		n++;
	}
	return n;
}
