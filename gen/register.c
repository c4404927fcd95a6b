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

#define WORD_MAX	SEARCH_WORD_MAX	/* longer words are cut, as the search does */

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
	/* the one-word patterns (entry * REG_PATS + pattern) it matches,
	 * and whether its stem starts a pattern of more words: a page
	 * asks its words, not the register's every pattern */
	uint32_t	*hits;
	size_t		 nhits;
	int		 multi;
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
	/* per first stem (numbers 0..nfirst-1, given before any other),
	 * the entries and patterns (entry * REG_PATS + pattern) it
	 * starts: cand[cfrom[s]..cfrom[s + 1]) */
	uint32_t		*cfrom, *cand;
	size_t			 nfirst;
	unsigned char		*multi;	/* per pattern: of more words */
	uint32_t		*second;	/* of those: the second stem */
	unsigned char		*smulti;	/* per first stem: starts one */
	uint32_t		*touched;	/* S_page(): entries hit */
	/* what an inflection keeps of each one-word pattern (S_maybe_scan) */
	char			**needle;
	size_t			 nneedle;
};

/* The tables hash as search_text_words() gives its words' hashes. */
static size_t
S_hash(const char *s)
{
	return (size_t)search_text_hash(s);
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
		free(w->tok[i].hits);
	}
	free(w->tok);
	free(w->first);
	free(w->cfrom);
	free(w->cand);
	free(w->multi);
	free(w->second);
	free(w->smulti);
	free(w->touched);
	for (i = 0; i < w->nneedle; i++)
		free(w->needle[i]);
	free(w->needle);
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

/* 1 when one-word pattern pat (its stem; fold, its word) is word k or
 * one of its compound parts. */
static int
S_at_word(const struct tok *k, const char *pat, const char *fold)
{
	size_t n = strlen(pat), fn = strlen(fold), j;

	if (S_word(k->word, k->stem, pat, n, fold, fn))
		return 1;
	for (j = 0; j < k->np; j++)
		if (S_word(k->pword[j], k->pstem[j], pat, n, fold, fn))
			return 1;
	return 0;
}

/* 1 when pattern pat (stems; fold, the words) starts at token i of the
 * page t (indices into tok): one word may be a part of a compound,
 * several must follow each other. */
static int
S_at(const struct tok *tok, const uint32_t *t, size_t nt, size_t i,
    const char *pat, const char *fold)
{
	size_t n, fn, w = 0;

	if (strchr(pat, ' ') == NULL)
		return S_at_word(&tok[t[i]], pat, fold);
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
S_maybe_scan(const struct reg_words *w, const char *word)
{
	size_t i;

	if (word[0] == '\0')
		return 0;
	for (i = 0; i < w->nneedle; i++)
		if (strstr(word + 1, w->needle[i]) != NULL)
			return 1;
	return 0;
}

/* The number of the first stem of pat (stems, space-separated), cut as
 * the page's words are. */
static uint32_t
S_sid_first(struct reg_words *w, const char *pat)
{
	char first[WORD_MAX];
	size_t n = S_len(pat);

	if (n >= sizeof(first))
		n = sizeof(first) - 1;
	memcpy(first, pat, n);
	first[n] = '\0';
	return S_sid(w, first);
}

/* The words' memo, made on the first page: the numbers of the patterns'
 * first stems, the patterns each starts, what one-word patterns keep
 * of their word (S_maybe_scan()). */
static struct reg_words *
S_words(struct reg *r)
{
	struct reg_words *w;
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
			w->first[i * REG_PATS + p] = S_sid_first(w, pat);
		}
	/* the entries per first stem, in entry order */
	w->nfirst = w->stems.n;
	w->cfrom = xcalloc(w->nfirst + 2, sizeof(*w->cfrom));
	w->cand = xcalloc(r->n * REG_PATS + 1, sizeof(*w->cand));
	for (i = 0; i < r->n; i++)
		for (p = 0; p < REG_PATS; p++)
			if (r->e[i].pat[p] != NULL)
				w->cfrom[w->first[i * REG_PATS + p] + 2]++;
	for (i = 0; i < w->nfirst; i++)
		w->cfrom[i + 2] += w->cfrom[i + 1];
	for (i = 0; i < r->n; i++)
		for (p = 0; p < REG_PATS; p++)
			if (r->e[i].pat[p] != NULL)
				w->cand[w->cfrom[w->first[i * REG_PATS + p] +
				    1]++] = (uint32_t)(i * REG_PATS + p);
	w->multi = xcalloc(r->n * REG_PATS + 1, 1);
	w->second = xcalloc(r->n * REG_PATS + 1, sizeof(*w->second));
	w->smulti = xcalloc(w->nfirst + 1, 1);
	for (i = 0; i < r->n; i++)
		for (p = 0; p < REG_PATS; p++) {
			const char *pat = r->e[i].pat[p], *sp;

			if (pat == NULL || (sp = strchr(pat, ' ')) == NULL)
				continue;
			w->multi[i * REG_PATS + p] = 1;
			w->smulti[w->first[i * REG_PATS + p]] = 1;
			/* numbered as a word's stem is (S_tok()): the same
			 * number, the same stem (S_at() still checks) */
			w->second[i * REG_PATS + p] = S_sid_first(w, sp + 1);
		}
	w->touched = xcalloc(r->n + 1, sizeof(*w->touched));
	w->needle = xcalloc(r->n * REG_PATS + 1, sizeof(*w->needle));
	for (i = 0; i < r->n; i++)
		for (p = 0; p < REG_PATS; p++) {
			const char *f = r->e[i].fold[p];

			if (f == NULL || strchr(f, ' ') != NULL)
				continue;
			/* what an inflection keeps of it */
			n = strlen(f);
			n = n > 2 ? n - 2 : 1;
			if (n >= WORD_MAX)
				n = WORD_MAX - 1;
			w->needle[w->nneedle++] = xstrndup(f, n);
		}
	return w;
}

/* k's hits and multi: the patterns that its stem or a part's starts,
 * tried once per word (S_at_word()), not at each place it stands. */
static void
S_tok_hits(const struct reg *r, struct reg_words *w, struct tok *k)
{
	const struct reg_entry *e;
	uint32_t sid, c, x;
	size_t j, h;
	int p;

	for (j = 0; j <= k->np; j++) {
		sid = j == 0 ? k->sid : k->psid[j - 1];
		if (sid >= w->nfirst)
			continue;
		if (j == 0 && w->smulti[sid])
			k->multi = 1;
		for (c = w->cfrom[sid]; c < w->cfrom[sid + 1]; c++) {
			x = w->cand[c];
			if (w->multi[x])
				continue;
			for (h = 0; h < k->nhits && k->hits[h] != x; h++)
				;
			e = &r->e[x / REG_PATS];
			p = (int)(x % REG_PATS);
			if (h < k->nhits || !S_at_word(k, e->pat[p],
			    e->fold[p]))
				continue;
			k->hits = xrealloc(k->hits, (k->nhits + 1) *
			    sizeof(*k->hits));
			k->hits[k->nhits++] = x;
		}
	}
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
	parts = r->sp && S_maybe_scan(w, k->word) ?
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
	S_tok_hits(r, w, k);
	S_put(&w->words, word, id);
	return id;
}

/* Marks pattern x (entry * REG_PATS + pattern) found on the page. */
static void
S_hit(struct reg *r, struct reg_words *w, size_t *nh, uint32_t x)
{
	struct reg_entry *e = &r->e[x / REG_PATS];

	if (e->hit == 0)
		w->touched[(*nh)++] = x / REG_PATS;
	e->hit |= 1 << (x % REG_PATS);
}

/* Records page for every entry whose patterns are on the page t[0..nt)
 * (indices into w->tok): a one-word pattern where a word matches it
 * (its hits), one of more words where they follow each other from a
 * word whose stem starts it. */
static void
S_page(struct reg *r, struct reg_words *w, const uint32_t *t, size_t nt,
    long page)
{
	const struct tok *k;
	struct reg_entry *e;
	uint32_t c, x;
	size_t nh = 0, i, j;
	int p, all;

	for (i = 0; i < nt; i++) {
		k = &w->tok[t[i]];
		for (j = 0; j < k->nhits; j++)
			S_hit(r, w, &nh, k->hits[j]);
		if (!k->multi)
			continue;
		for (c = w->cfrom[k->sid]; c < w->cfrom[k->sid + 1]; c++) {
			x = w->cand[c];
			e = &r->e[x / REG_PATS];
			p = (int)(x % REG_PATS);
			/* the next word's stem first, as a number: most
			 * places where a pattern's first word stands do not
			 * go on with its second */
			if (w->multi[x] && !(e->hit & (1 << p)) &&
			    i + 1 < nt && w->tok[t[i + 1]].sid == w->second[x] &&
			    S_at(w->tok, t, nt, i, e->pat[p], e->fold[p]))
				S_hit(r, w, &nh, x);
		}
	}
	for (i = 0; i < nh; i++) {
		e = &r->e[w->touched[i]];
		all = e->pat[0] != NULL;
		for (p = 0; p < REG_PATS && all; p++)
			if (e->pat[p] != NULL && !(e->hit & (1 << p)))
				all = 0;
		if (all)
			reg_add_page(e, page);
		e->hit = 0;
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

/*** A back end's pages, read once (struct reg_text) ***/

/* The words are folded and kept once each in pool (NUL-terminated, at
 * off[i]), found again through an open-addressing table of their
 * hashes; a page is a run of tok[] (word numbers) up to end[page]. */
struct reg_text {
	char		*pool;
	size_t		 npool, cpool;
	size_t		*off, *hash;	/* hash: S_hash()'s */
	uint32_t	*len, *count;
	size_t		 nw, cw;
	uint32_t	*slot;	/* word number + 1; 0 empty */
	size_t		 cap;
	uint32_t	*tok;
	size_t		 ntok, ctok;
	size_t		*end;	/* per page: where its words end in tok */
	size_t		 npage, cpage;
};

struct reg_text *
reg_text_new(void)
{
	return xcalloc(1, sizeof(struct reg_text));
}

void
reg_text_free(struct reg_text *t)
{
	if (t == NULL)
		return;
	free(t->pool);
	free(t->off);
	free(t->len);
	free(t->hash);
	free(t->count);
	free(t->slot);
	free(t->tok);
	free(t->end);
	free(t);
}

/* The number of word w[0..n) (hash h) in t, a new one with count 0
 * when t has none. */
static uint32_t
S_intern(struct reg_text *t, const char *w, size_t n, size_t h)
{
	size_t i, k;
	uint32_t id;

	if (2 * (t->nw + 1) > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		free(t->slot);
		t->slot = xcalloc(t->cap, sizeof(*t->slot));
		for (k = 0; k < t->nw; k++) {
			for (i = t->hash[k] & (t->cap - 1); t->slot[i] != 0;
			    i = (i + 1) & (t->cap - 1))
				;
			t->slot[i] = (uint32_t)k + 1;
		}
	}
	for (i = h & (t->cap - 1); t->slot[i] != 0; i = (i + 1) & (t->cap - 1)) {
		id = t->slot[i] - 1;
		if (t->hash[id] == h && t->len[id] == n &&
		    memcmp(t->pool + t->off[id], w, n) == 0)
			return id;
	}
	if (t->nw == t->cw) {
		t->cw = t->cw ? 2 * t->cw : 1024;
		t->off = xrealloc(t->off, t->cw * sizeof(*t->off));
		t->len = xrealloc(t->len, t->cw * sizeof(*t->len));
		t->hash = xrealloc(t->hash, t->cw * sizeof(*t->hash));
		t->count = xrealloc(t->count, t->cw * sizeof(*t->count));
	}
	while (t->npool + n + 1 > t->cpool) {
		t->cpool = t->cpool ? 2 * t->cpool : 8192;
		t->pool = xrealloc(t->pool, t->cpool);
	}
	memcpy(t->pool + t->npool, w, n);
	t->pool[t->npool + n] = '\0';
	id = (uint32_t)t->nw++;
	t->off[id] = t->npool;
	t->len[id] = (uint32_t)n;
	t->hash[id] = h;
	t->count[id] = 0;
	t->npool += n + 1;
	t->slot[i] = id + 1;
	return id;
}

/* Adds word id to the page being read, counted. */
static inline void
S_again(struct reg_text *t, uint32_t id)
{
	t->count[id]++;
	if (t->ntok == t->ctok) {
		t->ctok = t->ctok ? 2 * t->ctok : 1024;
		t->tok = xrealloc(t->tok, t->ctok * sizeof(*t->tok));
	}
	t->tok[t->ntok++] = id;
}

/* Adds folded word w[0..n) (hash h) to the page being read: found in
 * place (most words of a chapter are met before), S_intern() for a new
 * one. */
static inline uint32_t
S_text_add(struct reg_text *t, const char *w, size_t n, size_t h)
{
	uint32_t id = UINT32_MAX, k;
	size_t i;

	for (i = h & (t->cap - 1); t->cap > 0 && (k = t->slot[i]) != 0;
	    i = (i + 1) & (t->cap - 1)) {
		if (t->hash[--k] != h || t->len[k] != n)
			continue;
		if (memcmp(t->pool + t->off[k], w, n) == 0) {
			id = k;
			break;
		}
	}
	if (id == UINT32_MAX)
		id = S_intern(t, w, n, h);
	S_again(t, id);
	return id;
}

uint32_t
reg_text_word(struct reg_text *t, const char *w, size_t n)
{
	return S_text_add(t, w, n, S_hash(w));
}

void
reg_text_again(struct reg_text *t, uint32_t id)
{
	S_again(t, id);
}

/* Adds a word of the page being read (search_text_words()). */
static void
S_text_word(void *arg, const char *w, size_t n, uint64_t h)
{
	S_text_add(arg, w, n, (size_t)h);
}

void
reg_text_words(struct reg_text *t, const char *s, size_t len)
{
	search_text_words(s, len, S_text_word, t);
}

size_t
reg_text_page(struct reg_text *t)
{
	if (t->npage == t->cpage) {
		t->cpage = t->cpage ? 2 * t->cpage : 64;
		t->end = xrealloc(t->end, t->cpage * sizeof(*t->end));
	}
	t->end[t->npage++] = t->ntok;
	return t->npage;
}

void
reg_match(struct reg *r, struct reg_text *const *t, const long *first,
    size_t n)
{
	struct reg_words *w = S_words(r);
	struct reg_text *all = reg_text_new();	/* every page's words */
	uint32_t **map, *tok, *v = NULL;
	size_t i, k, pg, from, nv = 0;

	/* each text's words numbered in all, in the order they first
	 * occur over the pages, counted */
	map = xcalloc(n + 1, sizeof(*map));
	for (i = 0; i < n; i++) {
		map[i] = xcalloc(t[i]->nw + 1, sizeof(*map[i]));
		for (k = 0; k < t[i]->nw; k++) {
			map[i][k] = S_intern(all, t[i]->pool + t[i]->off[k],
			    t[i]->len[k], t[i]->hash[k]);
			all->count[map[i][k]] += t[i]->count[k];
		}
		if (t[i]->ntok > nv)
			nv = t[i]->ntok;
	}
	for (k = 0; r->sp != NULL && k < all->nw; k++)
		search_split_add(r->sp, all->pool + all->off[k],
		    all->count[k]);
	/* then each word stemmed and split, in that order, as reg_page()
	 * does at its first meeting */
	tok = xcalloc(all->nw + 1, sizeof(*tok));
	for (k = 0; k < all->nw; k++)
		tok[k] = S_tok(r, w, all->pool + all->off[k]);
	v = xcalloc(nv + 1, sizeof(*v));
	for (i = 0; i < n; i++) {
		for (k = 0; k < t[i]->ntok; k++)
			v[k] = tok[map[i][t[i]->tok[k]]];
		for (pg = 0, from = 0; pg < t[i]->npage; pg++) {
			S_page(r, w, v + from, t[i]->end[pg] - from,
			    first[i] + (long)pg);
			from = t[i]->end[pg];
		}
		free(map[i]);
	}
	free(map);
	free(tok);
	free(v);
	reg_text_free(all);
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
