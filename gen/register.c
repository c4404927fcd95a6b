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

#include <stdint.h>
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

/* The stems of the words of s, space-separated, and the words folded
 * into *fold; NULL when it has none.  A stop word stands for itself. */
static char *
S_stems(struct search_text *st, const char *s, char **fold)
{
	struct buf b = { 0 }, f = { 0 };
	char word[WORD_MAX];
	const char *t;
	size_t pos = 0, start, end;

	while (search_text_word(s, strlen(s), &pos, word, sizeof(word),
	    &start, &end)) {
		if ((t = search_text_term(st, word)) == NULL)
			t = word;
		if (b.len > 0) {
			buf_putc(&b, ' ');
			buf_putc(&f, ' ');
		}
		buf_puts(&b, t);
		buf_puts(&f, word);
	}
	*fold = NULL;
	if (b.len == 0)
		return NULL;
	*fold = buf_detach(&f);
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
		e->pat[0] = S_stems(r->st, e->term, &e->fold[0]);
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
		e->pat[0] = S_stems(r->st, b.data, &e->fold[0]);
	} else if (n > 1 && e->sub[0] == '-') {	/* "-model": piramidemodel */
		buf_printf(&b, "%s%s", e->term, e->sub + 1);
		e->pat[0] = S_stems(r->st, b.data, &e->fold[0]);
	} else {
		e->pat[0] = S_stems(r->st, e->term, &e->fold[0]);
		e->pat[1] = S_stems(r->st, e->sub, &e->fold[1]);
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

struct reg_words;
static void S_words_free(struct reg_words *);

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
			for (k = 0; k < REG_PATS; k++) {
				free(d->pat[k]);
				free(d->fold[k]);
			}
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
		for (k = 0; k < REG_PATS; k++) {
			free(r->e[i].pat[k]);
			free(r->e[i].fold[k]);
		}
		free(r->e[i].pages);
	}
	free(r->e);
	if (r->sp != NULL)
		search_split_free(r->sp);
	search_text_free(r->st);
	S_words_free(r->words);
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

/* A word of the pages: folded, its stem, and its compound parts (each
 * folded and stemmed); the stems also as numbers (struct reg_words).
 * Made once per distinct word, however many pages use it. */
struct tok {
	char		*word;
	char		*stem;
	char		**pword, **pstem;
	size_t		 np;
	uint32_t	 sid, *psid;
};

/* The pages' words and stems, so that a word met on many pages is
 * stemmed, split and asked about once: a register of n terms over a
 * course of n chapters would otherwise ask n times per word (quadratic
 * in the course).  Stems are numbered, so a page's are sorted and
 * searched as numbers, not strings.  Used by one thread at a time, as
 * the register is. */
struct reg_table {		/* a string's number, by open addressing */
	char		**key;	/* owned */
	uint32_t	 *val;
	size_t		  cap, n;
};

struct reg_words {
	struct reg_table	 words;	/* a word's index in tok */
	struct reg_table	 stems;	/* a stem's number */
	struct tok		*tok;
	size_t			 ntok;
	uint32_t		*first;	/* per entry and pattern: its first
					   stem's number */
	/* reg_page()'s: per stem the last place it stands on the page
	 * (UINT32_MAX none), per place the one before and its word */
	uint32_t		*at, *next, *word;
	size_t			 nat, ncand;
};

static size_t
S_hash(const char *s)
{
	size_t h = 14695981039346656037ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* The slot of key in m: where it is, or the empty one it would take. */
static size_t
S_slot(const struct reg_table *m, const char *key)
{
	size_t i = S_hash(key) & (m->cap - 1);

	while (m->key[i] != NULL && strcmp(m->key[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* key's value in m, or UINT32_MAX. */
static uint32_t
S_get(const struct reg_table *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return UINT32_MAX;
	i = S_slot(m, key);
	return m->key[i] != NULL ? m->val[i] : UINT32_MAX;
}

static void
S_put(struct reg_table *m, const char *key, uint32_t val)
{
	struct reg_table old = *m;
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 1024;
		m->key = xcalloc(m->cap, sizeof(*m->key));
		m->val = xcalloc(m->cap, sizeof(*m->val));
		for (i = 0; i < old.cap; i++)
			if (old.key[i] != NULL) {
				size_t k = S_slot(m, old.key[i]);

				m->key[k] = old.key[i];
				m->val[k] = old.val[i];
			}
		free(old.key);
		free(old.val);
	}
	i = S_slot(m, key);
	if (m->key[i] == NULL) {
		m->key[i] = xstrdup(key);
		m->n++;
	}
	m->val[i] = val;
}

static void
S_table_free(struct reg_table *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->val);
}

static void
S_words_free(struct reg_words *w)
{
	size_t i, j;

	if (w == NULL)
		return;
	for (i = 0; i < w->ntok; i++) {
		free(w->tok[i].word);
		free(w->tok[i].stem);
		for (j = 0; j < w->tok[i].np; j++) {
			free(w->tok[i].pword[j]);
			free(w->tok[i].pstem[j]);
		}
		free(w->tok[i].pword);
		free(w->tok[i].pstem);
		free(w->tok[i].psid);
	}
	free(w->tok);
	free(w->first);
	free(w->at);
	free(w->next);
	free(w->word);
	S_table_free(&w->words);
	S_table_free(&w->stems);
	free(w);
}

/* The number of stem s, a new one when it has none. */
static uint32_t
S_sid(struct reg_words *w, const char *s)
{
	uint32_t id = S_get(&w->stems, s);

	if (id == UINT32_MAX) {
		id = (uint32_t)w->stems.n;
		S_put(&w->stems, s, id);
	}
	return id;
}

/* The n bytes at s as a word of a pattern: a match for word w with stem
 * stem when the stems are the same and w keeps all but the last two
 * letters of the pattern's word. */
static int
S_word(const char *w, const char *stem, const char *ps, size_t pn,
    const char *pw, size_t pwn)
{
	size_t i;

	if (strlen(stem) != pn || strncmp(stem, ps, pn) != 0)
		return 0;
	for (i = 0; i < pwn && w[i] == pw[i]; i++)
		;
	return i + 2 >= pwn;
}

static size_t
S_len(const char *s)
{
	const char *sp = strchr(s, ' ');

	return sp ? (size_t)(sp - s) : strlen(s);
}

/* 1 when pattern pat (stems; fold, the words) starts at token i of the
 * page t (indices into tok): one word may be a part of a compound,
 * several must follow each other. */
static int
S_at(const struct tok *tok, const uint32_t *t, size_t nt, size_t i,
    const char *pat, const char *fold)
{
	const struct tok *k = &tok[t[i]];
	size_t n, fn, w = 0, j;

	if (strchr(pat, ' ') == NULL) {
		n = strlen(pat);
		fn = strlen(fold);
		if (S_word(k->word, k->stem, pat, n, fold, fn))
			return 1;
		for (j = 0; j < k->np; j++)
			if (S_word(k->pword[j], k->pstem[j], pat, n, fold, fn))
				return 1;
		return 0;
	}
	for (; *pat; w++) {
		n = S_len(pat);
		fn = S_len(fold);
		if (i + w >= nt || !S_word(tok[t[i + w]].word,
		    tok[t[i + w]].stem, pat, n, fold, fn))
			return 0;
		pat += n;
		fold += fn;
		while (*pat == ' ')
			pat++;
		while (*fold == ' ')
			fold++;
	}
	return 1;
}

/* 1 when a single-word term may be a part of word, past its start:
 * only such words are split (the splitter asks its dictionary about
 * every way to cut a word, and most words hold no term). */
static int
S_maybe_scan(const struct reg *r, const char *word)
{
	const struct reg_entry *e;
	char needle[WORD_MAX];
	size_t i, n;
	int p;

	for (i = 0; i < r->n; i++) {
		e = &r->e[i];
		for (p = 0; p < REG_PATS; p++) {
			if (e->fold[p] == NULL || strchr(e->fold[p], ' '))
				continue;
			/* what an inflection keeps of it */
			n = strlen(e->fold[p]);
			n = n > 2 ? n - 2 : 1;
			if (n >= sizeof(needle))
				n = sizeof(needle) - 1;
			memcpy(needle, e->fold[p], n);
			needle[n] = '\0';
			if (word[0] != '\0' && strstr(word + 1, needle) != NULL)
				return 1;
		}
	}
	return 0;
}

/* The words' memo, made on the first page: the numbers of the patterns'
 * first stems. */
static struct reg_words *
S_words(struct reg *r)
{
	struct reg_words *w;
	char first[WORD_MAX];
	size_t i, n;
	int p;

	if (r->words != NULL)
		return r->words;
	w = r->words = xcalloc(1, sizeof(*w));
	w->first = xcalloc(r->n * REG_PATS + 1, sizeof(*w->first));
	for (i = 0; i < r->n; i++)
		for (p = 0; p < REG_PATS; p++) {
			const char *pat = r->e[i].pat[p];

			if (pat == NULL)
				continue;
			/* cut as the page's words are */
			n = S_len(pat);
			if (n >= sizeof(first))
				n = sizeof(first) - 1;
			memcpy(first, pat, n);
			first[n] = '\0';
			w->first[i * REG_PATS + p] = S_sid(w, first);
		}
	return w;
}

/* The index in tok of folded word (stemmed and split on its first
 * meeting). */
static uint32_t
S_tok(struct reg *r, struct reg_words *w, const char *word)
{
	char part[WORD_MAX];
	const char *s, *parts;
	struct tok *k;
	uint32_t id = S_get(&w->words, word);
	size_t ppos = 0, ps, pe;

	if (id != UINT32_MAX)
		return id;
	id = (uint32_t)w->ntok;
	w->tok = xrealloc(w->tok, (w->ntok + 1) * sizeof(*w->tok));
	k = &w->tok[w->ntok++];
	memset(k, 0, sizeof(*k));
	k->word = xstrdup(word);
	s = search_text_term(r->st, word);
	k->stem = xstrdup(s ? s : word);
	k->sid = S_sid(w, k->stem);
	parts = r->sp && S_maybe_scan(r, k->word) ?
	    search_split_parts(r->sp, k->word) : "";
	/* the splitter's string lives until its next call */
	parts = xstrdup(parts);
	while (search_text_word(parts, strlen(parts), &ppos, part,
	    sizeof(part), &ps, &pe)) {
		k->pword = xrealloc(k->pword, (k->np + 1) * sizeof(*k->pword));
		k->pstem = xrealloc(k->pstem, (k->np + 1) * sizeof(*k->pstem));
		k->psid = xrealloc(k->psid, (k->np + 1) * sizeof(*k->psid));
		s = search_text_term(r->st, part);
		k->pword[k->np] = xstrdup(part);
		k->pstem[k->np] = xstrdup(s ? s : part);
		k->psid[k->np] = S_sid(w, k->pstem[k->np]);
		k->np++;
	}
	free((char *)parts);
	S_put(&w->words, word, id);
	return id;
}

/* 1 when pattern pat (fold, its words; first, the number of its first
 * stem) is on the page t: tried only at the words where its first stem
 * stands (at[first], then next[] in turn), not at every word of the
 * page for every term. */
static int
S_found(const struct reg_words *w, const uint32_t *t, size_t nt,
    uint32_t first, const char *pat, const char *fold)
{
	uint32_t c;

	for (c = w->at[first]; c != UINT32_MAX; c = w->next[c])
		if (S_at(w->tok, t, nt, w->word[c], pat, fold))
			return 1;
	return 0;
}

/* Records page for every entry whose patterns are on the page t[0..nt)
 * (indices into w->tok). */
static void
S_page(struct reg *r, struct reg_words *w, const uint32_t *t, size_t nt,
    long page)
{
	uint32_t sid;
	size_t nc, i, j;
	int all, p;

	/* Where each stem stands (a word's own or a compound part's): a
	 * list per stem, through at[] and next[], undone below, so a page
	 * costs its own words and not a sort of them. */
	if (w->nat < w->stems.n) {
		w->at = xrealloc(w->at, w->stems.n * sizeof(*w->at));
		for (; w->nat < w->stems.n; w->nat++)
			w->at[w->nat] = UINT32_MAX;
	}
	for (i = nc = 0; i < nt; i++)
		nc += 1 + w->tok[t[i]].np;
	if (nc > w->ncand) {
		w->ncand = nc;
		w->next = xrealloc(w->next, nc * sizeof(*w->next));
		w->word = xrealloc(w->word, nc * sizeof(*w->word));
	}
	for (i = nc = 0; i < nt; i++) {
		const struct tok *k = &w->tok[t[i]];

		for (j = 0; j <= k->np; j++, nc++) {
			sid = j == 0 ? k->sid : k->psid[j - 1];
			w->word[nc] = (uint32_t)i;
			w->next[nc] = w->at[sid];
			w->at[sid] = (uint32_t)nc;
		}
	}
	for (j = 0; j < r->n; j++) {
		struct reg_entry *e = &r->e[j];

		all = e->pat[0] != NULL;
		for (p = 0; p < REG_PATS && all; p++) {
			if (e->pat[p] == NULL)
				continue;
			all = S_found(w, t, nt, w->first[j * REG_PATS + p],
			    e->pat[p], e->fold[p]);
		}
		if (all)
			reg_add_page(e, page);
	}
	for (i = 0; i < nt; i++) {
		const struct tok *k = &w->tok[t[i]];

		w->at[k->sid] = UINT32_MAX;
		for (j = 0; j < k->np; j++)
			w->at[k->psid[j]] = UINT32_MAX;
	}
}

void
reg_page(struct reg *r, const char *text, size_t len, long page)
{
	struct reg_words *w = S_words(r);
	uint32_t *t = NULL;
	char word[WORD_MAX];
	size_t nt = 0, tcap = 0, pos = 0, start, end;

	while (search_text_word(text, len, &pos, word, sizeof(word), &start,
	    &end)) {
		if (nt == tcap) {
			tcap = tcap ? 2 * tcap : 256;
			t = xrealloc(t, tcap * sizeof(*t));
		}
		t[nt++] = S_tok(r, w, word);
	}
	S_page(r, w, t, nt, page);
	free(t);
}

void
reg_pages(struct reg *r, const char *const *text, const long *page,
    size_t n)
{
	struct reg_words *w = S_words(r);
	struct reg_table seen = { 0 };	/* word: its number in dw */
	char word[WORD_MAX], **dw = NULL;
	uint32_t *v = NULL, *tok = NULL, num;
	size_t *dc = NULL, *from, nv = 0, vcap = 0, ndw = 0, i, k, pos;
	size_t start, end;

	/* each page's words as numbers, each word counted */
	from = xcalloc(n + 1, sizeof(*from));
	for (i = 0; i < n; i++) {
		size_t len = strlen(text[i]);

		from[i] = nv;
		for (pos = 0; search_text_word(text[i], len, &pos, word,
		    sizeof(word), &start, &end); ) {
			if ((num = S_get(&seen, word)) == UINT32_MAX) {
				num = (uint32_t)ndw;
				S_put(&seen, word, num);
				dw = xrealloc(dw, (ndw + 1) * sizeof(*dw));
				dc = xrealloc(dc, (ndw + 1) * sizeof(*dc));
				dw[ndw] = seen.key[S_slot(&seen, word)];
				dc[ndw++] = 0;
			}
			dc[num]++;
			if (nv == vcap) {
				vcap = vcap ? 2 * vcap : 4096;
				v = xrealloc(v, vcap * sizeof(*v));
			}
			v[nv++] = num;
		}
	}
	from[n] = nv;
	for (k = 0; r->sp != NULL && k < ndw; k++)
		search_split_add(r->sp, dw[k], dc[k]);
	/* then the pages, each word stemmed and split at its first
	 * meeting, as reg_page() does */
	tok = xcalloc(ndw + 1, sizeof(*tok));
	for (k = 0; k < ndw; k++)
		tok[k] = UINT32_MAX;
	for (k = 0; k < nv; k++) {
		if (tok[v[k]] == UINT32_MAX)
			tok[v[k]] = S_tok(r, w, dw[v[k]]);
		v[k] = tok[v[k]];
	}
	for (i = 0; i < n; i++)
		S_page(r, w, v + from[i], from[i + 1] - from[i], page[i]);
	free(from);
	free(v);
	free(tok);
	free(dw);
	free(dc);
	S_table_free(&seen);
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
