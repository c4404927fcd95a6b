/*
 * search_split — Dutch compounds into parts (see search_split.h).
 */
#include "search_split.h"
#include "search_text.h"
#include "buf.h"
#include "dict.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NL_DIC	"/usr/share/hunspell/nl.dic"	/* for the note */

/* Parts shorter than this are not split off: "ei", "as" would split
 * half the language. */
#define PART_MIN	3

struct word {
	char	*w;
	size_t	 count;
	char	*parts;		/* NULL until asked */
	/* memos, so that each string costs one stemming and one hunspell
	 * call however many words it is a prefix or suffix of */
	size_t	 tcount;	/* S_count_term(), when tknown */
	int	 tknown;
	int	 spell;		/* 0 unknown, 1 misspelt, 2 a word */
	int	 listed;	/* search_split_load()'s words[] has it */
};

struct search_split {
	struct search_text	*st;
	/* The dictionary, loaded at the first question: then the site's
	 * words are known, and hunspell loads only the entries they can
	 * need (dict_open_words()).  A word asked that was not counted
	 * (or counted after the load) may need others: from then on the
	 * process's whole dictionary answers (full). */
	int			 has;		/* its files are there */
	int			 loaded, full;
	int			 some;	/* loaded for search_split_load()'s
					 * words: any other asked is full */
	struct dict		*own;		/* dict_open_words()'s */
	struct dict		*hs;		/* the one asked */
	char			*aff, *dic;	/* as given, or NULL */
	char			*note;		/* the .dic's path, for the note */
	struct word		*v;
	size_t			 cap, n;	/* cap is a power of two */
	int			 termed;	/* terms counted from the words */
};

/* Prefixes and particles that begin countless words without being their
 * first part ("ver|koop", "onder|werp"); none longer than PARTICLE_MAX. */
#define PARTICLE_MAX	6
static const char *S_particles[] = {
	"aan", "achter", "af", "be", "bij", "boven", "door", "er", "ge",
	"her", "in", "mee", "mis", "na", "om", "on", "ont", "onder", "op",
	"over", "te", "tegen", "toe", "uit", "ver", "voor", "weg"
};

static uint64_t
S_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static struct word *
S_find(struct search_split *sp, const char *w, int add)
{
	size_t i, k;
	struct word *old;

	if (sp->cap == 0 || (add && (sp->n + 1) * 2 > sp->cap)) {
		old = sp->v;
		k = sp->cap;
		sp->cap = sp->cap ? sp->cap * 2 : 1024;
		sp->v = xcalloc(sp->cap, sizeof(*sp->v));
		for (i = 0; i < k; i++)
			if (old[i].w != NULL) {
				size_t j = S_hash(old[i].w) & (sp->cap - 1);

				while (sp->v[j].w != NULL)
					j = (j + 1) & (sp->cap - 1);
				sp->v[j] = old[i];
			}
		free(old);
	}
	for (i = S_hash(w) & (sp->cap - 1); sp->v[i].w != NULL;
	    i = (i + 1) & (sp->cap - 1))
		if (strcmp(sp->v[i].w, w) == 0)
			return &sp->v[i];
	if (!add)
		return NULL;
	sp->v[i].w = xstrdup(w);
	sp->n++;
	return &sp->v[i];
}

struct search_split *
search_split_new(struct search_text *st, const char *aff, const char *dic)
{
	struct search_split *sp = xcalloc(1, sizeof(*sp));

	sp->st = st;
	sp->note = xstrdup(dic ? dic : NL_DIC);
	sp->aff = aff ? xstrdup(aff) : NULL;
	sp->dic = dic ? xstrdup(dic) : NULL;
	sp->has = dict_exists(aff, dic);
	return sp;
}

void
search_split_free(struct search_split *sp)
{
	size_t i;

	if (sp == NULL)
		return;
	for (i = 0; i < sp->cap; i++) {
		free(sp->v[i].w);
		free(sp->v[i].parts);
	}
	free(sp->v);
	dict_free(sp->own);
	free(sp->aff);
	free(sp->dic);
	free(sp->note);
	free(sp);
}

int
search_split_has_dict(const struct search_split *sp)
{
	return sp->has;
}

const char *
search_split_dict(const struct search_split *sp)
{
	return sp->note;
}

void
search_split_add(struct search_split *sp, const char *word, size_t n)
{
	struct word *e = S_find(sp, word, 1);

	/* a new word after the load: the loaded entries may not do */
	if (e->count == 0 && n > 0 && sp->loaded)
		sp->full = 1;
	e->count += n;
}

void
search_split_count(struct search_split *sp, const char *word)
{
	search_split_add(sp, word, 1);
}

/* The dictionary to ask: the one for the counted words, loaded now, or
 * the whole one once a word was asked that they do not hold.  The
 * questions are pieces of words, alone, after "klant" or before
 * "piramide" (S_split_at()). */
static struct dict *
S_dict(struct search_split *sp)
{
	const char **w;
	size_t i, n = 0;

	if (!sp->loaded) {
		sp->loaded = 1;
		w = xcalloc(sp->n + 1, sizeof(*w));
		for (i = 0; i < sp->cap; i++)
			if (sp->v[i].w != NULL && sp->v[i].count > 0 &&
			    sp->v[i].w[0] != '\x01')
				w[n++] = sp->v[i].w;
		sp->own = dict_open_words(sp->aff, sp->dic, w, n, "klant",
		    "piramide");
		free(w);
		sp->hs = sp->own;
	}
	if (sp->full && sp->hs == sp->own)
		sp->hs = dict_open(sp->aff, sp->dic);
	return sp->hs;
}

void
search_split_load(struct search_split *sp, const char *const *words,
    size_t n)
{
	size_t i;

	if (sp->loaded)
		return;
	sp->loaded = 1;
	sp->some = 1;
	for (i = 0; i < n; i++)
		S_find(sp, words[i], 1)->listed = 1;
	if (sp->has)
		sp->own = dict_open_words(sp->aff, sp->dic, words, n, "klant",
		    "piramide");
	sp->hs = sp->own;
}

/* Adds each counted word's count to its term, behind a byte no word has
 * ("doelen" counts for "doel" as a left part): once per distinct word,
 * not per occurrence, as stemming is the dear part. */
static void
S_count_terms(struct search_split *sp)
{
	struct {
		char	*w;
		size_t	 count;
	} *v;
	size_t i, n = 0;
	const char *t;
	struct buf k = { 0 };

	sp->termed = 1;
	v = xcalloc(sp->n + 1, sizeof(*v));
	for (i = 0; i < sp->cap; i++)
		if (sp->v[i].w != NULL && sp->v[i].count > 0 &&
		    sp->v[i].w[0] != '\x01') {
			v[n].w = sp->v[i].w;
			v[n++].count = sp->v[i].count;
		}
	/* the table grows below; v holds the strings, which stay put */
	for (i = 0; i < n; i++)
		if ((t = search_text_term(sp->st, v[i].w)) != NULL) {
			buf_reset(&k);
			buf_printf(&k, "\x01%s", t);
			S_find(sp, buf_cstr(&k), 1)->count += v[i].count;
		}
	buf_free(&k);
	free(v);
}

/* How often the site uses l, in any inflection. */
static size_t
S_count_term(struct search_split *sp, const char *l)
{
	const char *t;
	struct buf k = { 0 };
	struct word *e;
	size_t c = 0;

	if ((e = S_find(sp, l, 0)) != NULL && e->tknown)
		return e->tcount;
	if ((t = search_text_term(sp->st, l)) != NULL) {
		buf_printf(&k, "\x01%s", t);
		e = S_find(sp, buf_cstr(&k), 0);
		buf_free(&k);
		c = e ? e->count : 0;
	}
	/* an entry with no count of its own: S_count() still says 0 */
	e = S_find(sp, l, 1);
	e->tcount = c;
	e->tknown = 1;
	return c;
}

static size_t
S_count(struct search_split *sp, const char *w)
{
	struct word *e = S_find(sp, w, 0);

	return e ? e->count : 0;
}

static int
S_spell(struct search_split *sp, const char *a, const char *b)
{
	struct buf x = { 0 };
	struct word *e;
	struct dict *d;
	int ok;

	buf_puts(&x, a);
	buf_puts(&x, b);
	if ((e = S_find(sp, buf_cstr(&x), 0)) != NULL && e->spell != 0) {
		buf_free(&x);
		return e->spell == 2;
	}
	d = S_dict(sp);
	ok = d != NULL && dict_spell(d, buf_cstr(&x));
	S_find(sp, buf_cstr(&x), 1)->spell = ok ? 2 : 1;
	buf_free(&x);
	return ok;
}

/* 1 if part may be a part at all: long enough, no particle, no stop
 * word. */
static int
S_part_ok(struct search_split *sp, const char *part)
{
	size_t i, n = strlen(part);

	if (n < PART_MIN)
		return 0;
	/* none is longer than PARTICLE_MAX */
	for (i = 0; n <= PARTICLE_MAX &&
	    i < sizeof(S_particles) / sizeof(*S_particles); i++)
		if (strcmp(part, S_particles[i]) == 0)
			return 0;
	return !search_text_stop(sp->st, part);
}

/* 1 if w is only an inflection of l ("stop|pen", "plan|nen"). */
static int
S_inflection(struct search_split *sp, const char *w, const char *l)
{
	const char *t;
	char *tw;
	int same;

	if ((t = search_text_term(sp->st, w)) == NULL)
		return 1;
	tw = xstrdup(t);
	t = search_text_term(sp->st, l);
	same = t != NULL && strcmp(t, tw) == 0;
	free(tw);
	return same;
}

/* Where w splits, or 0. */
static size_t
S_split_at(struct search_split *sp, const char *w)
{
	size_t n = strlen(w), i, best = 0;
	double score, best_score = 0, cw;
	char *l;

	if (n < 2 * PART_MIN)
		return 0;
	l = xmalloc(n + 1);
	/* the dictionary: the first split from the left whose left part
	 * may begin and whose right part may end a compound */
	for (i = PART_MIN; sp->has && i + PART_MIN <= n; i++) {
		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue;
		memcpy(l, w, i);
		l[i] = '\0';
		if (!S_part_ok(sp, l) || !S_part_ok(sp, w + i))
			continue;
		/* the same answer in any order; this one asks hunspell
		 * least (a string before "piramide" costs it most) */
		if (S_spell(sp, w + i, "") && S_spell(sp, "klant", w + i) &&
		    S_spell(sp, l, "piramide") && !S_inflection(sp, w, l)) {
			free(l);
			return i;
		}
	}
	/* a left part the site uses on its own in any inflection (with or
	 * without a linking s), a right part of at least five letters that
	 * is a word: "lead|kwalificatie", "doel|stelling" (the dictionary
	 * does not let "stelling" end a compound) */
	for (i = PART_MIN; sp->has && i + 5 <= n; i++) {
		size_t cl;

		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue;
		memcpy(l, w, i);
		l[i] = '\0';
		cl = S_count_term(sp, l);
		if (cl < 2 && i > PART_MIN && l[i - 1] == 's') {
			l[i - 1] = '\0';
			cl = S_count_term(sp, l);
			l[i - 1] = 's';
		}
		if (cl < 2 || !S_part_ok(sp, l) || !S_part_ok(sp, w + i))
			continue;
		if (S_spell(sp, w + i, "") && !S_inflection(sp, w, l)) {
			free(l);
			return i;
		}
	}
	/* the site's own words: both parts on their own, more often than
	 * the whole (keeps "standaard", "diagram" whole) */
	cw = (double)S_count(sp, w);
	for (i = PART_MIN; i + PART_MIN <= n; i++) {
		size_t cl, cr;

		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue;
		memcpy(l, w, i);
		l[i] = '\0';
		cl = S_count(sp, l);
		cr = S_count(sp, w + i);
		if (cl < 2 || cr < 2 || !S_part_ok(sp, l) ||
		    !S_part_ok(sp, w + i))
			continue;
		score = (double)cl * (double)cr;
		if (score > cw * cw && score > best_score &&
		    !S_inflection(sp, w, l)) {
			best_score = score;
			best = i;
		}
	}
	free(l);
	return best;
}

/* Appends the parts of w to out; depth bounds the recursion (a part is
 * at least PART_MIN long, so it ends anyway). */
static void
S_parts(struct search_split *sp, const char *w, struct buf *out, int depth)
{
	size_t at, n;
	char *l;

	if (depth > 8 || (at = S_split_at(sp, w)) == 0)
		return;
	l = xstrndup(w, at);
	n = strlen(l);
	/* a linking s: "bedrijfs|leider" is "bedrijf" */
	if (sp->has && n > PART_MIN && l[n - 1] == 's' &&
	    !S_spell(sp, l, "")) {
		l[n - 1] = '\0';
		if (!S_spell(sp, l, ""))
			l[n - 1] = 's';
	}
	buf_printf(out, "%s%s %s", out->len ? " " : "", l, w + at);
	S_parts(sp, l, out, depth + 1);
	S_parts(sp, w + at, out, depth + 1);
	free(l);
}

const char *
search_split_parts(struct search_split *sp, const char *word)
{
	struct word *e;
	struct buf out = { 0 };

	if (!sp->termed)
		S_count_terms(sp);
	e = S_find(sp, word, 1);
	if (e->count == 0 || (sp->some && !e->listed))
		sp->full = 1;	/* not among the words loaded for */
	if (e->parts == NULL) {
		S_parts(sp, word, &out, 0);
		buf_putc(&out, '\0');
		out.len--;
		/* the memos of S_parts() may have moved the table */
		e = S_find(sp, word, 0);
		e->parts = buf_detach(&out);
	}
	return e->parts;
}
