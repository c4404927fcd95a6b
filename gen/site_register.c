/*
 * site_register — the register page's sections and links (see
 * site_register.h).  A section is what follows a heading with an id up
 * to the next one; its number in the course's order is the "page" the
 * register records (register.h).
 */
#include "site_register.h"
#include "buf.h"
#include "esc.h"
#include "mem.h"
#include "register.h"
#include "search_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sect {
	char	*id;		/* the heading's anchor, decoded */
	char	*title;		/* its text */
};

struct chap {
	struct sect	*s;
	size_t		 n;
	struct reg_text	*words;	/* each section's words, a page each */
};

struct site_reg {
	const struct course	*c;
	struct reg		*r;
	struct chap		*ch;	/* per chapter */
	long			*def;	/* per entry: its defining section in
					   its chapter, -1 none */
};

struct site_reg *
site_reg_new(const struct course *c)
{
	struct site_reg *s;
	struct reg *r;
	size_t i;

	if ((r = reg_new(c)) == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->c = c;
	s->r = r;
	s->ch = xcalloc(c->nch + 1, sizeof(*s->ch));
	s->def = xcalloc(r->n + 1, sizeof(*s->def));
	for (i = 0; i < r->n; i++)
		s->def[i] = -1;
	return s;
}

void
site_reg_free(struct site_reg *s)
{
	size_t i, k;

	if (s == NULL)
		return;
	for (i = 0; i < s->c->nch; i++) {
		for (k = 0; k < s->ch[i].n; k++) {
			free(s->ch[i].s[k].id);
			free(s->ch[i].s[k].title);
		}
		free(s->ch[i].s);
		reg_text_free(s->ch[i].words);
	}
	free(s->ch);
	free(s->def);
	reg_free(s->r);
	free(s);
}

/* Appends the text of html[a..b) to out: tags as spaces, the common
 * entities decoded (others as a space: words are all the register
 * reads). */
static void
S_text(const char *h, size_t a, size_t b, struct buf *out)
{
	static const struct { const char *e, *c; } ent[] = {
		{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		{ "&quot;", "\"" }, { "&#39;", "'" }, { "&#x27;", "'" },
	};
	const char *p;
	size_t i, k;

	for (i = a; i < b; ) {
		if (h[i] == '<') {
			p = memchr(h + i, '>', b - i);
			i = p ? (size_t)(p - h) + 1 : b;
			buf_putc(out, ' ');
			continue;
		}
		if (h[i] == '&') {
			for (k = 0; k < sizeof(ent) / sizeof(ent[0]); k++)
				if (strncmp(h + i, ent[k].e, strlen(ent[k].e))
				    == 0)
					break;
			if (k < sizeof(ent) / sizeof(ent[0])) {
				buf_puts(out, ent[k].c);
				i += strlen(ent[k].e);
				continue;
			}
			p = memchr(h + i, ';', b - i);
			i = p && p - (h + i) < 12 ? (size_t)(p - h) + 1 : i + 1;
			buf_putc(out, ' ');
			continue;
		}
		buf_putc(out, h[i++]);
	}
}

/* Hands the words of html[a..b) to t: the text S_text() makes of it,
 * cut at its tags and entities (no word goes on across them: they are
 * spaces and punctuation there), and ended at a NUL as a string is. */
static void
S_words(struct reg_text *t, const char *h, size_t a, size_t b)
{
	static const char *const ent[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x27;",
	};
	const char *p;
	size_t i = a, j, k;

	while (i < b) {
		/* h is a string: strcspn() stops at b, a '<' or its end */
		if ((j = i + strcspn(h + i, "<&")) > b)
			j = b;
		reg_text_words(t, h + i, j - i);
		if (j >= b || h[j] == '\0')
			break;
		if (h[j] == '<') {
			p = memchr(h + j, '>', b - j);
			i = p ? (size_t)(p - h) + 1 : b;
			continue;
		}
		for (k = 0; k < sizeof(ent) / sizeof(ent[0]); k++)
			if (strncmp(h + j, ent[k], strlen(ent[k])) == 0)
				break;
		if (k < sizeof(ent) / sizeof(ent[0])) {
			i = j + strlen(ent[k]);
			continue;
		}
		p = memchr(h + j, ';', b - j);
		i = p && p - (h + j) < 12 ? (size_t)(p - h) + 1 : j + 1;
	}
	reg_text_page(t);
}

/* Folds white space into single spaces, trimmed. */
static char *
S_squeeze(const char *s)
{
	struct buf b = { 0 };

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (b.len > 0 && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
			continue;
		}
		buf_putc(&b, *s);
	}
	if (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* Where the heading at h[i] ('<') with an id ends its start tag, its id
 * in [*ia, *ib); 0 when it is no such heading. */
static size_t
S_heading(const char *h, size_t len, size_t i, size_t *ia, size_t *ib)
{
	const char *gt, *q, *e;

	if (i + 3 >= len || h[i + 1] != 'h' || h[i + 2] < '1' ||
	    h[i + 2] > '6' || (h[i + 3] != ' ' && h[i + 3] != '>'))
		return 0;
	if ((gt = memchr(h + i, '>', len - i)) == NULL)
		return 0;
	for (q = h + i; q + 5 < gt && strncmp(q, " id=\"", 5) != 0; q++)
		;
	if (q + 5 >= gt || (e = memchr(q + 5, '"', (size_t)(gt - q - 5))) ==
	    NULL)
		return 0;
	*ia = (size_t)(q + 5 - h);
	*ib = (size_t)(e - h);
	return (size_t)(gt - h) + 1;
}

/* Hands section k's words of w (the search index's reading of the
 * same page, its sections after w's lead ones) to t, a page: section
 * k's title's words, then its text's; map has each word's number in t
 * (+ 1; 0: not met yet). */
static void
S_words_of(struct reg_text *t, const struct search_words *w, size_t *at,
    uint32_t *map)
{
	const char *word;
	size_t n, part;
	uint32_t k;

	for (part = 0; part < 2 && *at < w->ntok; part++) {
		for (; (k = w->tok[*at]) != UINT32_MAX; ++*at)
			if (map[k] != 0)
				reg_text_again(t, map[k] - 1);
			else {
				word = search_words_word(w, k, &n);
				map[k] = reg_text_word(t, word, n) + 1;
			}
		++*at;
	}
	reg_text_page(t);
}

void
site_reg_chapter(struct site_reg *s, size_t ci, const char *html,
    size_t len, const struct search_words *w)
{
	struct chap *c;
	struct sect *sc;
	struct buf t = { 0 }, key = { 0 };
	size_t i, k, start = 0, ia = 0, ib = 0, end, hend, *at = NULL;
	const char *lt;
	long cur = -1;

	if (s == NULL || ci >= s->c->nch)
		return;
	c = &s->ch[ci];
	c->words = reg_text_new();
	for (i = 0; i <= len; i++) {
		/* to the next '<' that starts a heading with an id */
		end = 0;
		while (i < len && (lt = memchr(html + i, '<', len - i)) !=
		    NULL) {
			i = (size_t)(lt - html);
			if ((end = S_heading(html, len, i, &ia, &ib)) != 0)
				break;
			i++;
		}
		if (end == 0)
			i = len;
		if (i == len)
			break;
		c->s = xrealloc(c->s, (c->n + 1) * sizeof(*c->s));
		at = xrealloc(at, (c->n + 1) * sizeof(*at));
		at[c->n] = i;
		sc = &c->s[c->n];
		cur = (long)c->n++;
		memset(sc, 0, sizeof(*sc));
		buf_reset(&t);
		S_text(html, ia, ib, &t);
		sc->id = xstrdup(buf_cstr(&t));
		/* the heading's text, up to its end tag */
		for (hend = end; hend + 2 < len && !(html[hend] == '<' &&
		    html[hend + 1] == '/' && html[hend + 2] == 'h'); hend++)
			;
		buf_reset(&t);
		S_text(html, end, hend, &t);
		sc->title = S_squeeze(buf_cstr(&t));
		/* "#", the heading's anchor link, before or after it */
		if (sc->title[0] == '#' && sc->title[1] == ' ')
			memmove(sc->title, sc->title + 2,
			    strlen(sc->title + 2) + 1);
		if ((k = strlen(sc->title)) >= 2 &&
		    strcmp(sc->title + k - 2, " #") == 0)
			sc->title[k - 2] = '\0';
	}
	/* the sections' words: the search index's reading of the page
	 * when it has the same sections (it read the same words then,
	 * search_index_words()), else the page's text */
	if (w != NULL && w->nsect - (size_t)w->lead == c->n) {
		uint32_t *map = xcalloc(w->nword + 1, sizeof(*map));

		/* past the lead's title and text */
		for (k = 0, start = 0; k < 2 * (size_t)w->lead; k++) {
			while (start < w->ntok && w->tok[start] != UINT32_MAX)
				start++;
			start++;
		}
		for (k = 0; k < c->n; k++)
			S_words_of(c->words, w, &start, map);
		free(map);
	} else
		for (k = 0; k < c->n; k++)
			S_words(c->words, html, at[k], k + 1 < c->n ?
			    at[k + 1] : len);
	/* the sections defining this chapter's terms (this thread's
	 * entries only): the last heading before the definition's id */
	for (k = 0; k < s->r->n; k++) {
		const struct reg_entry *e = &s->r->e[k];
		const char *found;

		if (e->def_ch != (long)ci || e->def_id == NULL)
			continue;
		buf_reset(&key);
		buf_printf(&key, " id=\"");
		esc_html(&key, e->def_id, strlen(e->def_id));
		buf_putc(&key, '"');
		if ((found = strstr(html, key.data)) == NULL)
			continue;
		for (i = 0, cur = -1; i < c->n && at[i] < (size_t)(found - html);
		    i++)
			cur++;
		s->def[k] = cur;
	}
	free(at);
	buf_free(&t);
	buf_free(&key);
}

struct val *
site_reg_letters(struct site_reg *s)
{
	const struct course *c = s->c;
	struct val *letters = val_list(), *letter = NULL, *ents = NULL;
	struct val *v, *links, *l;
	struct buf h = { 0 };
	long *first, n = 0, k;
	struct reg_text **words;
	size_t i, j, ci;
	char initial = 0;
	const char *last = NULL;

	first = xcalloc(c->nch + 1, sizeof(*first));
	for (ci = 0; ci < c->nch; ci++) {
		first[ci] = n;
		n += (long)s->ch[ci].n;
	}
	first[c->nch] = n;
	/* a chapter not handed in has no sections, hence no pages */
	words = xcalloc(c->nch + 1, sizeof(*words));
	for (ci = 0; ci < c->nch; ci++)
		if ((words[ci] = s->ch[ci].words) == NULL)
			words[ci] = s->ch[ci].words = reg_text_new();
	reg_match(s->r, words, first, c->nch);
	free(words);
	for (i = 0; i < s->r->n; i++) {
		struct reg_entry *e = &s->r->e[i];

		if (s->def[i] >= 0 && e->def_ch >= 0) {
			e->bold = first[e->def_ch] + s->def[i];
			reg_add_page(e, e->bold);
		}
	}
	for (i = 0; i < s->r->n; i++) {
		const struct reg_entry *e = &s->r->e[i];

		if (e->npages == 0)
			continue;
		if (letter == NULL || e->key[0] != initial) {
			initial = e->key[0];
			letter = val_map();
			buf_reset(&h);
			buf_putc(&h, initial >= 'a' && initial <= 'z' ?
			    initial - 'a' + 'A' : '#');
			val_set_str(letter, "letter", buf_cstr(&h));
			buf_reset(&h);
			if (initial >= 'a' && initial <= 'z')
				buf_printf(&h, "register-%c", initial);
			else
				buf_puts(&h, "register-overig");
			val_set_str(letter, "id", buf_cstr(&h));
			ents = val_set(letter, "entries", val_list());
			val_push(letters, letter);
		}
		if (e->sub != NULL && (last == NULL ||
		    strcmp(last, e->term) != 0)) {
			/* a main term that only heads its subentries */
			v = val_map();
			val_set_str(v, "term", e->term);
			val_set(v, "links", val_list());
			val_push(ents, v);
		}
		last = e->term;
		v = val_map();
		val_set_str(v, "term", e->sub ? e->sub : e->term);
		val_set_bool(v, "sub", e->sub != NULL);
		links = val_set(v, "links", val_list());
		for (j = 0; j < e->npages; j++) {
			const struct sect *sc;

			for (ci = 0; ci + 1 < c->nch &&
			    first[ci + 1] <= e->pages[j]; ci++)
				;
			k = e->pages[j] - first[ci];
			sc = &s->ch[ci].s[k];
			l = val_map();
			buf_reset(&h);
			esc_url_path(&h, c->ch[ci].slug,
			    strlen(c->ch[ci].slug));
			buf_puts(&h, ".html#");
			esc_url_path(&h, sc->id, strlen(sc->id));
			val_set_str(l, "href", buf_cstr(&h));
			val_set_str(l, "text", sc->title);
			val_set_bool(l, "def", e->pages[j] == e->bold);
			val_set_bool(l, "last", j + 1 == e->npages);
			val_push(links, l);
		}
		val_push(ents, v);
	}
	free(first);
	buf_free(&h);
	return letters;
}
