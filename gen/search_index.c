/*
 * search_index — the site search's index (see search_index.h).
 *
 * Format (read by templates/site/search.js; keep the two in step):
 *
 *	SalesgenSearch.index({lang, chapters: [[url, title, sections(,
 *	    lang)]...], gloss: "chapter...", cls, def,
 *	    shards: [[first term, terms, postings, first term's rank]...]})
 *	SalesgenSearch.text(N, [text...], [title | [title, anchor]...])
 *
 * with chapters, texts and titles as JSON.parse() of a string (a large
 * object literal takes seconds to parse; a string does not).  The docs
 * that postings number are every chapter's sections in order (a
 * chapter's count in chapters), then the glossary terms (gloss: each
 * one's chapter, as numbers without separators).  A chapter's title is 0 when it is its first
 * section's; its lang is there when it is not the site's ("en" in a
 * Dutch site: its words have the English stemmer's terms and are not
 * split, and search.js matches a query's English terms in it).
 * search/N.js (text()) has chapter N's sections' and then its glossary
 * terms' texts, for the snippets, and their titles and anchors
 * (S_heads()): not in the index, as only the shown results need them.
 * A section's title is written without its heading number when that
 * follows from the one before in the chapter (S_title()), and is the
 * title alone when its anchor is what S_slug() makes of it, as
 * search.js makes it again; a glossary term has its id only when that
 * is not "def-" and its slug.  terms is every term, sorted, separated
 * by spaces, for a binary search of exact and prefix matches; postings
 * has one line per term (S_line()), decoded only for the terms a query
 * matches: its docs in Rice code or, after ".", as bits in a
 * context-modelled range code (gen/search_code.c), whichever is
 * shorter; the marked ones (in the heading) after ",", as gaps or, after
 * ".", in the range code (S_marks()); after ";" the terms whose docs are
 * all among its own (by rank, the term's place in all terms;
 * S_derive()), whose docs its own line leaves out.  cls and def are
 * what the range code predicts from (S_model(), S_model_head()): the
 * sections' size classes and the glossary terms' sections.  A number
 * is written in base 32, its last digit from a second alphabet
 * (search_code_num()), so that numbers need no
 * separator: a tenth less gzip than base 36 with commas.  A shard
 * written to a file of its own (search-index-N.js) has null for terms
 * and postings until the file is loaded.
 */
#include "search_index.h"
#include "search_code.h"
#include "search_split.h"
#include "search_subset.h"
#include "search_text.h"
#include "buf.h"
#include "file.h"
#include "i18n.h"
#include "mem.h"
#include "pool.h"

#include <sys/stat.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

/* Where a word stands: a posting is marked when its term is in the
 * heading or is the glossary term, and search.js counts a marked one as
 * ten (twenty for a glossary term) and any other as one, so headings
 * and terms come first.  How often a term is in the text is not kept:
 * it was a third of the index and changed no result set. */
#define W_TEXT		0
#define W_TITLE		1
#define W_GLOSS		1
/* Above this much gzip the terms go into shards of about SHARD_RAW bytes
 * each (design/search.md: 300 KB gzip; shards of ≤ 50 KB gzip). */
#define SHARD_GZIP	(300 * 1024)
#define SHARD_RAW	(150 * 1024)
#define WORD_MAX	SEARCH_WORD_MAX

struct sect {
	char	*anchor;
	char	*title;
	char	*text;
};

/* A word and its terms (a table of them: struct wtab). */
struct wterms {
	char		*w;
	uint64_t	 h;		/* S_hash(w) */
	uint32_t	*id;		/* term numbers */
	size_t		 n;
	int		 termed;	/* id and n are set */
	uint32_t	 num;		/* its number in its table (at) */
	size_t		 count;		/* in Dutch text, for the splitter */
};

/* Words by open addressing, each numbered in the order it came. */
struct wtab {
	struct wterms	*wt;
	size_t		 nwt, wcap;	/* wcap: a power of 2 */
	uint32_t	*at;		/* by number, its slot in wt */
};

/* A chapter's own table of its words (struct chap), made on its page's
 * thread: a word is hashed and copied once per chapter, into one
 * buffer (no allocation per word), and the entries are in the order
 * the words came, which S_chap_nums() keeps. */
struct lword {
	uint64_t	 h;		/* S_hash() */
	size_t		 off;		/* in words, NUL-ended */
	size_t		 count;
};

struct lwords {
	uint32_t	*slot;		/* entry + 1, 0 = empty */
	size_t		 nslot;		/* a power of 2 */
	struct lword	*e;
	size_t		 n, cap;
	struct buf	 words;
};

/* Words read once, as numbers in a table, each text's ended by
 * TOK_END. */
struct toks {
	uint32_t	*v;
	size_t		 n, cap, at;
};

#define TOK_END	UINT32_MAX

struct chap {
	char		*url;
	char		*title;
	struct sect	*s;
	size_t		 n;
	int		 en;	/* English: its stemmer, no splitting */
	/* its sections' words (title, text, ...), as search_index_chapter()
	 * read them on the page's thread: numbers in lw, its own table of
	 * them (each word folded and hashed once per chapter there, not on
	 * the index's thread), each text ended by TOK_END; S_chap_nums() makes
	 * them the site's numbers and frees lw */
	struct lwords	 lw;
	struct toks	 tk;
	/* search_index_words() may hand lw and tk to the register: the
	 * page had nothing this module reads otherwise than
	 * site_register.c does (search_index_chapter()), and lw is not
	 * numbered yet; lead: s[0] is the text before the first heading */
	int		 plain;
	int		 lead;
};

static void	S_chapter_words(struct chap *);
static void	S_wtab_free(struct wtab *);
static void	S_lwords_free(struct lwords *);

struct gloss {
	size_t	 ch;
	char	*id, *term, *text;
};

struct post {
	uint32_t term, doc, w;
};

struct search_index {
	char		*lang;
	struct chap	*ch;
	size_t		 nch;
	struct gloss	*g;
	size_t		 ng;
	/* while writing: the terms */
	char		**terms;
	size_t		 nterms, tcap;	/* tcap: hash slots, a power of 2 */
	uint32_t	*slot;		/* term number + 1, 0 = empty */
	struct post	*p;
	size_t		 np, pcap;
	/* per term: its last doc + 1 and that posting, so that a term's
	 * occurrences in one doc make one posting */
	uint32_t	*tlast, *tlastp;
	/* each word's terms, found once however often it occurs: one
	 * table per language (L_NL, L_EN), as a word's terms differ */
	struct wtab	 wt[2];
	size_t		 nnum;	/* chapters numbered in wt (S_chap_nums()) */
	int		 threads;	/* search_index_threads() */
	/* by number in wt[L_NL], the terms of each Dutch word that has
	 * one (S_terms_of()), found ahead on threads (S_split_all()), or
	 * NULL */
	char		**terms_of;
};

enum { L_NL, L_EN };

struct search_index *
search_index_new(const char *lang, size_t nch)
{
	struct search_index *si = xcalloc(1, sizeof(*si));
	size_t i;

	si->lang = xstrdup(lang != NULL && strcmp(lang, "en") == 0 ?
	    "en" : "nl");
	si->nch = nch;
	si->ch = xcalloc(nch + 1, sizeof(*si->ch));
	for (i = 0; i < nch; i++)
		si->ch[i].en = strcmp(si->lang, "en") == 0;
	return si;
}

void
search_index_lang(struct search_index *si, size_t ci, const char *lang)
{
	if (si != NULL && ci < si->nch && lang != NULL)
		si->ch[ci].en = strcmp(lang, "en") == 0;
}

void
search_index_threads(struct search_index *si, int n)
{
	if (si != NULL)
		si->threads = n;
}

void
search_index_free(struct search_index *si)
{
	size_t i, k;

	if (si == NULL)
		return;
	for (i = 0; si->terms_of != NULL && i < si->wt[L_NL].nwt; i++)
		free(si->terms_of[i]);
	free(si->terms_of);
	for (i = 0; i < si->nch; i++) {
		for (k = 0; k < si->ch[i].n; k++) {
			free(si->ch[i].s[k].anchor);
			free(si->ch[i].s[k].title);
			free(si->ch[i].s[k].text);
		}
		free(si->ch[i].s);
		free(si->ch[i].url);
		free(si->ch[i].title);
		S_lwords_free(&si->ch[i].lw);
		free(si->ch[i].tk.v);
	}
	free(si->ch);
	for (i = 0; i < si->ng; i++) {
		free(si->g[i].id);
		free(si->g[i].term);
		free(si->g[i].text);
	}
	free(si->g);
	for (i = 0; i < si->nterms; i++)
		free(si->terms[i]);
	free(si->terms);
	free(si->slot);
	free(si->p);
	free(si->tlast);
	free(si->tlastp);
	for (k = 0; k < 2; k++)
		S_wtab_free(&si->wt[k]);
	free(si->lang);
	free(si);
}

const char *
search_label(const char *lang)
{
	return i18n(lang, I18N_SEARCH);
}

/*** Sections out of a page body ***/

/* Appends c to b, runs of white space as one space. */
static void
S_put(struct buf *b, int c)
{
	if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
		if (b->len == 0 || b->data[b->len - 1] == ' ')
			return;
		c = ' ';
	}
	buf_putc(b, c);
}

/* 1 for the bytes that end a run of page text: a tag, an entity, white
 * space other than a space (search_index_chapter() looks for two spaces
 * in a row within the run, S_two_spaces()). */
static const unsigned char S_text_stop[256] = {
	['<'] = 1, ['&'] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1,
};

/* The length of the longest start of s[0..n) without a byte whose
 * stop[] is set, eight bytes a step while there is none: a page's text
 * and the index's strings are long runs of plain bytes. */
static size_t
S_span(const char *s, size_t n, const unsigned char *stop)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i + 8 <= n && !(stop[u[i]] | stop[u[i + 1]] | stop[u[i + 2]] |
	    stop[u[i + 3]] | stop[u[i + 4]] | stop[u[i + 5]] | stop[u[i + 6]] |
	    stop[u[i + 7]]))
		i += 8;
	while (i < n && !stop[u[i]])
		i++;
	return i;
}

/* Where the first of two spaces in a row is in s[0..n), or n. */
static size_t
S_two_spaces(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memchr(p, ' ', (size_t)(e - p))) != NULL && p + 1 < e) {
		if (p[1] == ' ')
			return (size_t)(p - s);
		p += 2;		/* p[1] is no space */
	}
	return n;
}

/* 1 for the entities at s[0..n) ('&') the register decodes: those
 * S_entity() makes no letter of either. */
static int
S_entity_plain(const char *s, size_t n)
{
	static const char *const ent[] = {
		"&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
	};
	size_t k, m;

	for (k = 0; k < sizeof(ent) / sizeof(*ent); k++) {
		m = strlen(ent[k]);
		if (m <= n && memcmp(s, ent[k], m) == 0)
			return 1;
	}
	return 0;
}

/* Decodes the entity at s[*i] ('&') into b. */
static void
S_entity(const char *s, size_t len, size_t *i, struct buf *b)
{
	static const struct { const char *n; const char *v; } ent[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
		{ "quot;", "\"" }, { "apos;", "'" }, { "nbsp;", " " },
		{ "#39;", "'" }
	};
	size_t k, n;
	unsigned long cp;
	char *end;

	for (k = 0; k < sizeof(ent) / sizeof(*ent); k++) {
		n = strlen(ent[k].n);
		if (*i + 1 + n <= len && strncmp(s + *i + 1, ent[k].n, n) == 0) {
			for (end = (char *)ent[k].v; *end; end++)
				S_put(b, *end);
			*i += 1 + n;
			return;
		}
	}
	if (*i + 2 < len && s[*i + 1] == '#') {
		char num[12];

		for (n = 0; n < sizeof(num) - 1 && *i + 2 + n < len &&
		    s[*i + 2 + n] != ';'; n++)
			num[n] = s[*i + 2 + n];
		num[n] = '\0';
		cp = (num[0] == 'x' || num[0] == 'X') ?
		    strtoul(num + 1, &end, 16) : strtoul(num, &end, 10);
		if (*end == '\0' && n > 0 && *i + 2 + n < len && cp > 0 &&
		    cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
			if (cp < 0x80)
				S_put(b, (int)cp);
			else if (cp < 0x800) {
				buf_putc(b, (int)(0xC0 | (cp >> 6)));
				buf_putc(b, (int)(0x80 | (cp & 0x3F)));
			} else if (cp < 0x10000) {
				buf_putc(b, (int)(0xE0 | (cp >> 12)));
				buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
				buf_putc(b, (int)(0x80 | (cp & 0x3F)));
			} else {
				buf_putc(b, (int)(0xF0 | (cp >> 18)));
				buf_putc(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
				buf_putc(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
				buf_putc(b, (int)(0x80 | (cp & 0x3F)));
			}
			*i += 3 + n;
			return;
		}
	}
	buf_putc(b, '&');
	(*i)++;
}

static char *
S_trimmed(struct buf *b)
{
	while (b->len > 0 && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '#'))
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
	return buf_detach(b);
}

static void
S_sect_add(struct chap *c, char *anchor, struct buf *title,
    struct buf *text)
{
	if (anchor == NULL && text->len == 0 && title->len == 0) {
		buf_free(title);
		buf_free(text);
		return;
	}
	c->s = xrealloc(c->s, (c->n + 1) * sizeof(*c->s));
	if (anchor == NULL)
		c->lead = 1;
	c->s[c->n].anchor = anchor ? anchor : xstrdup("");
	c->s[c->n].title = S_trimmed(title);
	if (c->s[c->n].title[0] == '\0') {
		/* words the register does not read there */
		if (anchor != NULL)
			c->plain = 0;
		free(c->s[c->n].title);
		c->s[c->n].title = xstrdup(c->title);
	}
	c->s[c->n].text = S_trimmed(text);
	c->n++;
}

/* Where needle is in h[0..n), or NULL. */
static char *
S_memstr(const char *h, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(h + i, needle, k) == 0)
			return (char *)h + i;
	return NULL;
}

/* 1 if the tag at s[i] ('<') is name (or its end tag when close). */
static int
S_tag(const char *s, size_t len, size_t i, const char *name, int close)
{
	size_t n = strlen(name);

	i += 1 + (close != 0);
	if (close && s[i - 1] != '/')
		return 0;
	return i + n < len && strncasecmp(s + i, name, n) == 0 &&
	    strchr(" \t\n>/", s[i + n]) != NULL;
}

void
search_index_chapter(struct search_index *si, size_t ci, const char *url,
    const char *title, const char *html, size_t len)
{
	struct chap *c;
	struct buf text = { 0 }, head = { 0 };
	char *anchor = NULL, *q, *e;
	size_t i = 0, k;
	int inhead = 0, hd;
	const char *end;

	if (si == NULL || ci >= si->nch)
		return;
	c = &si->ch[ci];
	c->url = xstrdup(url);
	c->title = xstrdup(title);
	/* the register (site_register.c) cuts a section's text at a NUL */
	c->plain = memchr(html, '\0', len) == NULL;
	while (i < len) {
		if (html[i] == '&') {
			/* the register decodes these five (as no letters), any
			 * other as a space */
			if (!S_entity_plain(html + i, len - i))
				c->plain = 0;
			S_entity(html, len, &i, inhead ? &head : &text);
			continue;
		}
		if (html[i] != '<') {
			struct buf *b = inhead ? &head : &text;

			/* a run of text up to a tag, an entity or white space
			 * other than spaces; in it, what does not start with a
			 * space, up to and with the first of two spaces, is
			 * taken as it is (S_put() would keep every byte of it),
			 * the spaces after that through S_put(): nearly every
			 * byte of a page is in such a piece */
			end = html + i + S_span(html + i, len - i, S_text_stop);
			if (html + i == end) {
				S_put(b, (unsigned char)html[i++]);
				continue;
			}
			while (html + i < end) {
				if (html[i] == ' ') {
					S_put(b, ' ');
					i++;
					continue;
				}
				k = S_two_spaces(html + i, (size_t)(end - html) -
				    i);
				k += k < (size_t)(end - html) - i;
				buf_put(b, html + i, k);
				i += k;
			}
			continue;
		}
		/* html[i + 1] is there: html ends in NUL */
		if ((html[i + 1] | 0x20) == 's' &&
		    (S_tag(html, len, i, "script", 0) ||
		    S_tag(html, len, i, "style", 0))) {
			const char *close = S_tag(html, len, i, "script", 0) ?
			    "</script" : "</style";

			c->plain = 0;	/* the register reads what is in it */
			end = strstr(html + i, close);	/* html ends in NUL */
			i = end ? (size_t)(end - html) + 1 : len;
		}
		end = memchr(html + i, '>', len - i);
		k = end ? (size_t)(end - html) + 1 : len;
		/* the register ends a tag at the end of its section */
		if (end == NULL || memchr(html + i + 1, '<', k - i - 1) != NULL)
			c->plain = 0;
		hd = i + 3 < len && html[i + 1] == 'h' &&
		    html[i + 2] >= '1' && html[i + 2] <= '6' &&
		    strchr(" >", html[i + 3]) != NULL &&
		    (q = S_memstr(html + i, k - i, " id=\"")) != NULL &&
		    (e = memchr(q + 5, '"', (size_t)(html + k - (q + 5)))) != NULL;
		if (hd && inhead)
			c->plain = 0;	/* a section to the register */
		if (!inhead && hd) {
			/* a new section: the one before is complete */
			S_sect_add(c, anchor, &head, &text);
			anchor = xstrndup(q + 5, (size_t)(e - (q + 5)));
			inhead = 1;
		} else if (inhead && html[i + 1] == '/' && html[i + 2] == 'h' &&
		    html[i + 3] >= '1' && html[i + 3] <= '6')
			inhead = 0;
		else if ((html[i + 1] | 0x20) == 'a' &&
		    S_tag(html, len, i, "a", 0) &&
		    S_memstr(html + i, k - i, "class=\"anchor\"") != NULL) {
			/* the heading's "#" link: the register reads it */
			if (k + 5 > len || strncmp(html + k, "#</a>", 5) != 0)
				c->plain = 0;
			end = strstr(html + i, "</a>");
			k = end ? (size_t)(end - html) + 4 : len;
		}
		S_put(inhead ? &head : &text, ' ');
		i = k;
	}
	S_sect_add(c, anchor, &head, &text);
	S_chapter_words(c);
}

void
search_index_gloss(struct search_index *si, size_t ci, const char *id,
    const char *term, const char *text)
{
	struct gloss *g;

	if (si == NULL || ci >= si->nch)
		return;
	si->g = xrealloc(si->g, (si->ng + 1) * sizeof(*si->g));
	g = &si->g[si->ng++];
	g->ch = ci;
	g->id = xstrdup(id);
	g->term = xstrdup(term);
	g->text = xstrdup(text ? text : "");
}

/*** Terms and postings ***/

/* The words' and terms' tables hash as search_text_words() does. */
#define S_hash(s)	search_text_hash(s)

/* Puts v into the first empty one of slot[0..n) (n a power of 2) from
 * h on: a table grown, each entry again. */
static void
S_slot_put(uint32_t *slot, size_t n, uint64_t h, uint32_t v)
{
	size_t i;

	for (i = h & (n - 1); slot[i] != 0; i = (i + 1) & (n - 1))
		continue;
	slot[i] = v;
}

/* Makes room in a table of slots (entry + 1, 0 = empty) for one entry
 * more than its n: twice as many slots (first at first) when it would be
 * more than half full, each entry put again at hash(arg, k). */
static void
S_slots_room(uint32_t **slot, size_t *nslot, size_t n, size_t first,
    uint64_t (*hash)(const void *, size_t), const void *arg)
{
	size_t k;

	if ((n + 1) * 2 <= *nslot)
		return;
	free(*slot);
	*nslot = *nslot ? *nslot * 2 : first;
	*slot = xcalloc(*nslot, sizeof(**slot));
	for (k = 0; k < n; k++)
		S_slot_put(*slot, *nslot, hash(arg, k), (uint32_t)k + 1);
}

static uint64_t
S_term_hash(const void *arg, size_t k)
{
	return S_hash(((const struct search_index *)arg)->terms[k]);
}

static uint32_t
S_term_id(struct search_index *si, const char *t)
{
	size_t i;

	S_slots_room(&si->slot, &si->tcap, si->nterms, 4096, S_term_hash, si);
	for (i = S_hash(t) & (si->tcap - 1); si->slot[i] != 0;
	    i = (i + 1) & (si->tcap - 1))
		if (strcmp(si->terms[si->slot[i] - 1], t) == 0)
			return si->slot[i] - 1;
	si->terms = xrealloc(si->terms, (si->nterms + 1) * sizeof(*si->terms));
	si->tlast = xrealloc(si->tlast, (si->nterms + 1) * sizeof(*si->tlast));
	si->tlastp = xrealloc(si->tlastp,
	    (si->nterms + 1) * sizeof(*si->tlastp));
	si->tlast[si->nterms] = 0;
	si->terms[si->nterms] = xstrdup(t);
	si->slot[i] = (uint32_t)++si->nterms;
	return (uint32_t)si->nterms - 1;
}

static void
S_post(struct search_index *si, uint32_t term, size_t doc, unsigned w)
{
	/* docs come in order: the same doc again is the last posting */
	if (si->tlast[term] == (uint32_t)doc + 1) {
		si->p[si->tlastp[term]].w |= w;
		return;
	}
	si->tlast[term] = (uint32_t)doc + 1;
	si->tlastp[term] = (uint32_t)si->np;
	if (si->np == si->pcap) {
		si->pcap = si->pcap ? si->pcap * 2 : 4096;
		si->p = xrealloc(si->p, si->pcap * sizeof(*si->p));
	}
	si->p[si->np].term = term;
	si->p[si->np].doc = (uint32_t)doc;
	si->p[si->np].w = w;
	si->np++;
}

/* The number of a folded word in tab (a new one when it has none),
 * which stays its number however the table grows; h is S_hash(word). */
static uint32_t
S_word_num(struct wtab *tab, const char *word, uint64_t h)
{
	struct wterms *old;
	size_t i, k;

	if ((tab->nwt + 1) * 2 > tab->wcap) {
		old = tab->wt;
		k = tab->wcap;
		tab->wcap = tab->wcap ? tab->wcap * 2 : 4096;
		tab->wt = xcalloc(tab->wcap, sizeof(*tab->wt));
		tab->at = xrealloc(tab->at, tab->wcap / 2 * sizeof(*tab->at));
		for (i = 0; i < k; i++)
			if (old[i].w != NULL) {
				size_t j = old[i].h & (tab->wcap - 1);

				while (tab->wt[j].w != NULL)
					j = (j + 1) & (tab->wcap - 1);
				tab->wt[j] = old[i];
				tab->at[old[i].num] = (uint32_t)j;
			}
		free(old);
	}
	for (i = h & (tab->wcap - 1); tab->wt[i].w != NULL;
	    i = (i + 1) & (tab->wcap - 1))
		if (tab->wt[i].h == h && strcmp(tab->wt[i].w, word) == 0)
			return tab->wt[i].num;
	tab->wt[i].w = xstrdup(word);
	tab->wt[i].h = h;
	tab->wt[i].num = (uint32_t)tab->nwt;
	tab->at[tab->nwt] = (uint32_t)i;
	return (uint32_t)tab->nwt++;
}

/* Into b (reset first), each ended by a NUL and the last by two: the
 * terms of the folded word w (stemmed by st, split by sp unless NULL),
 * its own and then its compound parts'; only the last NUL when w is no
 * term. */
static void
S_terms_of(struct buf *b, struct search_text *st, struct search_split *sp,
    const char *w)
{
	char part[WORD_MAX];
	const char *t, *parts, *sep;
	size_t n;

	buf_reset(b);
	if ((t = search_text_term(st, w)) != NULL)
		buf_put(b, t, strlen(t) + 1);
	for (parts = t != NULL && sp != NULL ? search_split_parts(sp, w) : "";
	    *parts; parts = *sep ? sep + 1 : sep) {
		sep = strchr(parts, ' ');
		if (sep == NULL)
			sep = parts + strlen(parts);
		n = (size_t)(sep - parts);
		if (n >= sizeof(part))
			continue;
		memcpy(part, parts, n);
		part[n] = '\0';
		if ((t = search_text_term(st, part)) != NULL)
			buf_put(b, t, strlen(t) + 1);
	}
	buf_putc(b, '\0');
}

/* The terms of e, a folded word in tab's language (stemmed by st, split
 * by sp unless NULL: S_terms_of(), or what S_split_all() found of it
 * ahead), as numbers, found at its first occurrence. */
static void
S_word_terms(struct search_index *si, struct wterms *e,
    struct search_text *st, struct search_split *sp)
{
	struct buf b = { 0 };
	const char *terms, *t;
	size_t n = 0;

	e->termed = 1;
	if (sp != NULL && si->terms_of != NULL &&
	    si->terms_of[e->num] != NULL)
		terms = si->terms_of[e->num];
	else {
		S_terms_of(&b, st, sp, e->w);
		terms = b.data;
	}
	for (t = terms; *t; t += strlen(t) + 1)
		n++;
	e->id = n > 0 ? xmalloc(n * sizeof(*e->id)) : NULL;
	for (t = terms; *t; t += strlen(t) + 1)
		e->id[e->n++] = S_term_id(si, t);
	buf_free(&b);
}

static void
S_tok_add(struct toks *tk, uint32_t v)
{
	if (tk->n == tk->cap) {
		tk->cap = tk->cap ? tk->cap * 2 : 4096;
		tk->v = xrealloc(tk->v, tk->cap * sizeof(*tk->v));
	}
	tk->v[tk->n++] = v;
}

/* The words of s, folded, as their numbers in tab (counted there) into
 * tk, and TOK_END after the last. */
static void
S_text_nums(struct wtab *tab, const char *s, struct toks *tk)
{
	char word[WORD_MAX];
	size_t pos = 0, a, b, len = strlen(s);
	uint32_t num;

	while (search_text_word(s, len, &pos, word, sizeof(word), &a, &b)) {
		num = S_word_num(tab, word, S_hash(word));
		tab->wt[tab->at[num]].count++;
		S_tok_add(tk, num);
	}
	S_tok_add(tk, TOK_END);
}

static void
S_wtab_free(struct wtab *tab)
{
	size_t i;

	for (i = 0; i < tab->wcap; i++) {
		free(tab->wt[i].w);
		free(tab->wt[i].id);
	}
	free(tab->wt);
	free(tab->at);
	memset(tab, 0, sizeof(*tab));
}

static uint64_t
S_lword_hash(const void *arg, size_t k)
{
	return ((const struct lwords *)arg)->e[k].h;
}

/* The number of word (n bytes, h its S_hash()) in lw, counted; a new one
 * when it has none. */
static uint32_t
S_lword_num(struct lwords *lw, const char *word, size_t n, uint64_t h)
{
	size_t i;

	S_slots_room(&lw->slot, &lw->nslot, lw->n, 1024, S_lword_hash, lw);
	for (i = h & (lw->nslot - 1); lw->slot[i] != 0;
	    i = (i + 1) & (lw->nslot - 1)) {
		struct lword *e = &lw->e[lw->slot[i] - 1];

		if (e->h == h &&
		    memcmp(lw->words.data + e->off, word, n + 1) == 0) {
			e->count++;
			return lw->slot[i] - 1;
		}
	}
	if (lw->n == lw->cap) {
		lw->cap = lw->cap ? lw->cap * 2 : 256;
		lw->e = xrealloc(lw->e, lw->cap * sizeof(*lw->e));
	}
	lw->e[lw->n].h = h;
	lw->e[lw->n].off = lw->words.len;
	lw->e[lw->n].count = 1;
	buf_put(&lw->words, word, n + 1);
	lw->slot[i] = (uint32_t)++lw->n;
	return (uint32_t)lw->n - 1;
}

static void
S_lwords_free(struct lwords *lw)
{
	free(lw->slot);
	free(lw->e);
	buf_free(&lw->words);
	memset(lw, 0, sizeof(*lw));
}

/* Adds a word of a section to c's table and tk (search_text_words()). */
static void
S_text_word(void *arg, const char *word, size_t n, uint64_t h)
{
	struct chap *c = arg;

	S_tok_add(&c->tk, S_lword_num(&c->lw, word, n, h));
}

/* Reads the words of s[0..len) into c's table and tk, TOK_END after the
 * last. */
static void
S_text_words(struct chap *c, const char *s, size_t len)
{
	search_text_words(s, len, S_text_word, c);
	S_tok_add(&c->tk, TOK_END);
}

/* Reads c's sections' words (each title, then its text) into its own
 * table, on the thread that makes the chapter's page. */
static void
S_chapter_words(struct chap *c)
{
	size_t k;

	for (k = 0; k < c->n; k++) {
		S_text_words(c, c->s[k].title, strlen(c->s[k].title));
		S_text_words(c, c->s[k].text, strlen(c->s[k].text));
	}
}

/* Numbers c's words in the site's table of its language, in the order
 * they came, as if its text were read there word by word: its own
 * table's words are in that order, each counted (the counts of the
 * English table are never read: an English word is no evidence for
 * Dutch compounds). */
static void
S_chap_nums(struct search_index *si, struct chap *c)
{
	struct wtab *tab = &si->wt[c->en ? L_EN : L_NL];
	const struct lword *e;
	uint32_t *map = xmalloc((c->lw.n + 1) * sizeof(*map)), num;
	size_t k;

	for (k = 0; k < c->lw.n; k++) {
		e = &c->lw.e[k];
		num = S_word_num(tab, c->lw.words.data + e->off, e->h);
		tab->wt[tab->at[num]].count += e->count;
		map[k] = num;
	}
	for (k = 0; k < c->tk.n; k++)
		if (c->tk.v[k] != TOK_END)
			c->tk.v[k] = map[c->tk.v[k]];
	free(map);
	S_lwords_free(&c->lw);
	c->plain = 0;	/* tk has the site's numbers now */
}

int
search_index_words(const struct search_index *si, size_t ci,
    struct search_words *w)
{
	const struct chap *c;

	memset(w, 0, sizeof(*w));
	if (si == NULL || ci >= si->nch || !si->ch[ci].plain)
		return -1;
	c = &si->ch[ci];
	w->tok = c->tk.v;
	w->ntok = c->tk.n;
	w->nword = c->lw.n;
	w->nsect = c->n;
	w->lead = c->lead;
	w->si = si;
	w->ci = ci;
	return 0;
}

const char *
search_words_word(const struct search_words *w, uint32_t k, size_t *len)
{
	const struct lwords *lw = &w->si->ch[w->ci].lw;

	*len = (k + 1 < lw->n ? lw->e[k + 1].off : lw->words.len) -
	    lw->e[k].off - 1;
	return lw->words.data + lw->e[k].off;
}

void
search_index_number(struct search_index *si, size_t ci)
{
	for (; si != NULL && si->nnum <= ci && si->nnum < si->nch; si->nnum++)
		S_chap_nums(si, &si->ch[si->nnum]);
}

/* Indexes the next text's words in tk for doc (in English when en: the
 * English stemmer's terms and no compounds). */
static void
S_post_words(struct search_index *si, struct search_text **st,
    struct search_split *sp, struct toks *tk, size_t doc, unsigned w, int en)
{
	struct wtab *tab = &si->wt[en ? L_EN : L_NL];
	struct wterms *e;
	size_t k;

	for (; tk->v[tk->at] != TOK_END; tk->at++) {
		e = &tab->wt[tab->at[tk->v[tk->at]]];
		if (!e->termed)
			S_word_terms(si, e, st[en ? L_EN : L_NL],
			    en ? NULL : sp);
		for (k = 0; k < e->n; k++)
			S_post(si, e->id[k], doc, w);
	}
	tk->at++;
}

/*** Compounds on threads ***/

/* Below this many Dutch words a thread's share would not pay for the
 * dictionary it loads for it (a few ms whatever the share). */
#define SPLIT_SHARE	256
#define SPLIT_THREADS	2

/* A Dutch word by its end, for S_by_end(). */
struct word_end {
	const char	*w;
	size_t		 len;
	uint32_t	 num;
};

/* A share of the Dutch words to split: v[0..n). */
struct split_job {
	struct search_index	*si;
	const char		*aff, *dic;
	const struct word_end	*v;
	size_t			 n;
};

/* The words by their bytes from the last on: words that end alike go to
 * one thread, which asks hunspell about their common ends once (most
 * questions are a word's ends, S_split_at() in search_split.c) and
 * loads a dictionary for fewer pieces. */
static int
S_by_end(const void *a, const void *b)
{
	const struct word_end *x = a, *y = b;
	size_t i = x->len, k = y->len;

	for (; i > 0 && k > 0; i--, k--)
		if (x->w[i - 1] != y->w[k - 1])
			return (unsigned char)x->w[i - 1] <
			    (unsigned char)y->w[k - 1] ? -1 : 1;
	return i > 0 ? 1 : k > 0 ? -1 : 0;
}

/* Splits a share of the Dutch words with a splitter of the job's own:
 * every word counted, as search_index_write()'s splitter counts them,
 * and the dictionary loaded for the share only (search_split_load()).
 * A word's parts depend on the counts and on hunspell's answers, never
 * on the share nor the thread.  Writes only the share's slots of
 * si->terms_of; reads the words' table, which nothing changes
 * meanwhile. */
static void
S_split_work(void *arg, int worker)
{
	struct split_job *j = arg;
	const struct wtab *nl = &j->si->wt[L_NL];
	struct search_text *st = search_text_new("nl");
	struct search_split *sp = search_split_new(st, j->aff, j->dic);
	const char **w = xmalloc((j->n + 1) * sizeof(*w));
	size_t *num = xmalloc((j->n + 1) * sizeof(*num));
	struct buf b = { 0 };
	size_t i, m = 0;

	(void)worker;
	for (i = 0; i < nl->nwt; i++)
		if (nl->wt[nl->at[i]].count > 0)
			search_split_add(sp, nl->wt[nl->at[i]].w,
			    nl->wt[nl->at[i]].count);
	/* the words S_terms_of() splits: those with a term */
	for (i = 0; i < j->n; i++)
		if (search_text_term(st, j->v[i].w) != NULL) {
			w[m] = j->v[i].w;
			num[m++] = j->v[i].num;
		}
	search_split_load(sp, w, m);
	for (i = 0; i < m; i++) {
		S_terms_of(&b, st, sp, w[i]);
		j->si->terms_of[num[i]] = buf_detach(&b);
	}
	buf_free(&b);
	free(num);
	free(w);
	search_split_free(sp);
	search_text_free(st);
}

/* The terms of every Dutch word with a term into si->terms_of, on up to
 * SPLIT_THREADS threads, each with a dictionary of its own (hunspell
 * answers one thread at a time): the index's tail ran alone on one core
 * while its splitter asked hunspell a few thousand questions.  Nothing
 * when the site has too few words to share or si->threads is below 2
 * (then S_word_terms() asks sp, one word at a time, as before). */
static void
S_split_all(struct search_index *si, const char *aff, const char *dic)
{
	const struct wtab *nl = &si->wt[L_NL];
	struct split_job job[SPLIT_THREADS];
	struct word_end *v;
	struct pool *pool;
	size_t n = nl->nwt / SPLIT_SHARE, k, i, work = 0, sum = 0;

	if (n > SPLIT_THREADS)
		n = SPLIT_THREADS;
	if (si->threads < 2 || n < 2)
		return;
	si->terms_of = xcalloc(nl->nwt + 1, sizeof(*si->terms_of));
	v = xmalloc(nl->nwt * sizeof(*v));
	for (i = 0; i < nl->nwt; i++) {
		v[i].w = nl->wt[nl->at[i]].w;
		v[i].len = strlen(v[i].w);
		v[i].num = (uint32_t)i;
	}
	qsort(v, nl->nwt, sizeof(*v), S_by_end);
	/* shares of about equal work: a word costs a question or more at
	 * each place it may split, a long one more */
	for (i = 0; i < nl->nwt; i++)
		work += v[i].len * v[i].len;
	pool = pool_new((int)n);
	for (i = 0, k = 0; k < n; k++) {
		job[k].si = si;
		job[k].aff = aff;
		job[k].dic = dic;
		job[k].v = v + i;
		for (; i < nl->nwt && (k + 1 == n || sum * n < work * (k + 1));
		    i++)
			sum += v[i].len * v[i].len;
		job[k].n = (size_t)(v + i - job[k].v);
		pool_submit(pool, S_split_work, NULL, &job[k]);
	}
	pool_free(pool);
	free(v);
}

/* Every doc's terms and postings: the words the pages' threads read
 * (S_chapter_words()), numbered for the site (those search_index_number()
 * has not numbered yet), and the glossary's, the Dutch ones counted for
 * sp, then indexed in doc order (their compounds split ahead on
 * threads when it may, S_split_all(), with the dictionary at aff/dic).
 * Returns the number of docs. */
static size_t
S_collect(struct search_index *si, struct search_text **st,
    struct search_split *sp, const char *aff, const char *dic)
{
	struct toks tk = { 0 };
	const struct wtab *nl = &si->wt[L_NL];
	size_t i, k, d;

	search_index_number(si, si->nch);
	for (i = 0; i < si->ng; i++) {
		struct wtab *tab = &si->wt[si->ch[si->g[i].ch].en ? L_EN : L_NL];

		S_text_nums(tab, si->g[i].term, &tk);
		S_text_nums(tab, si->g[i].text, &tk);
	}
	for (i = 0; sp != NULL && i < nl->nwt; i++)
		if (nl->wt[nl->at[i]].count > 0)
			search_split_add(sp, nl->wt[nl->at[i]].w,
			    nl->wt[nl->at[i]].count);
	if (sp != NULL)
		S_split_all(si, aff, dic);
	for (d = 0, i = 0; i < si->nch; i++) {
		for (k = 0; k < si->ch[i].n; k++, d++) {
			S_post_words(si, st, sp, &si->ch[i].tk, d, W_TITLE,
			    si->ch[i].en);
			S_post_words(si, st, sp, &si->ch[i].tk, d, W_TEXT,
			    si->ch[i].en);
		}
		free(si->ch[i].tk.v);
		memset(&si->ch[i].tk, 0, sizeof(si->ch[i].tk));
	}
	for (i = 0; i < si->ng; i++, d++) {
		S_post_words(si, st, sp, &tk, d, W_GLOSS,
		    si->ch[si->g[i].ch].en);
		S_post_words(si, st, sp, &tk, d, W_TEXT,
		    si->ch[si->g[i].ch].en);
	}
	free(tk.v);
	return d;
}

static struct search_index *S_sort_si;	/* qsort has no argument */
static uint32_t *S_rank;

/* The postings by term rank, each term's in doc order: a counting sort,
 * as they were added in doc order. */
static void
S_post_sort(struct search_index *si)
{
	size_t *at = xcalloc(si->nterms + 1, sizeof(*at)), i, sum = 0, c;
	struct post *out = xmalloc((si->np + 1) * sizeof(*out));

	for (i = 0; i < si->np; i++)
		at[S_rank[si->p[i].term]]++;
	for (i = 0; i < si->nterms; i++) {
		c = at[i];
		at[i] = sum;
		sum += c;
	}
	for (i = 0; i < si->np; i++)
		out[at[S_rank[si->p[i].term]]++] = si->p[i];
	free(si->p);
	si->p = out;
	si->pcap = si->np + 1;
	free(at);
}

static int
S_str_cmp(const void *a, const void *b)
{
	return strcmp(S_sort_si->terms[*(const uint32_t *)a],
	    S_sort_si->terms[*(const uint32_t *)b]);
}

/*** Terms within terms ***/

/* A term whose docs are all among another's would have them written
 * again in that one's line: "plan" holds every doc of "verkoopplan",
 * "accountplan" and the rest, and in running text a word that comes
 * only in a set phrase ("cijfers" in "op basis van cijfers") holds as
 * few as the phrase's other words.  A term's line names such terms
 * (its subsets) instead and lists only the docs they do not cover;
 * search.js joins them.  Any term may stand for another, not only a
 * compound for its parts: on the 1,000-chapter course that writes 16 %
 * less gzip than compounds alone (bench/search.sh). */

struct drv {
	uint32_t part, whole;	/* term ranks: whole's docs within part's */
};

static int
S_drv_cmp(const void *a, const void *b)
{
	const struct drv *x = a, *y = b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return x->whole < y->whole ? -1 : x->whole > y->whole;
}

/* A subset whose docs are not yet covered by fewer than this saves
 * less than its rank costs to write. */
#define DRV_GAIN	3

static const size_t *S_from;	/* for S_by_cand (qsort has no argument) */

/* By part, then the larger subsets first (they cover the most), then
 * rank. */
static int
S_by_cand(const void *a, const void *b)
{
	const struct drv *x = a, *y = b;
	size_t nx = S_from[x->whole + 1] - S_from[x->whole];
	size_t ny = S_from[y->whole + 1] - S_from[y->whole];

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	if (nx != ny)
		return nx > ny ? -1 : 1;
	return x->whole < y->whole ? -1 : x->whole > y->whole;
}

/*
 * The (part, whole) pairs, by part and then whole, where part's line
 * names whole: *n of them.  from[r] is where the postings of the term of
 * rank r begin.  A whole has fewer docs than its part, or as many and a
 * higher rank, so no term stands for itself, however indirectly
 * (search_subsets() finds every such pair); a part takes its subsets
 * largest first, each that covers at least DRV_GAIN docs the ones
 * before did not.
 */
static struct drv *
S_derive(struct search_index *si, const size_t *from, size_t ndocs,
    size_t *n)
{
	struct drv *v = NULL;
	struct search_pair *pair;
	size_t i, k, m, r, t, gain, kept;
	uint32_t *docs = xmalloc((si->np + 1) * sizeof(*docs));
	uint32_t *cov = xcalloc(ndocs + 1, sizeof(*cov));

	/* the postings are by rank */
	for (i = 0; i < si->np; i++)
		docs[i] = si->p[i].doc;
	m = search_subsets(docs, from, si->nterms, ndocs, &pair);
	free(docs);
	v = xmalloc((m + 1) * sizeof(*v));
	for (i = 0; i < m; i++) {
		v[i].part = pair[i].part;
		v[i].whole = pair[i].whole;
	}
	free(pair);
	S_from = from;
	if (m > 0)
		qsort(v, m, sizeof(*v), S_by_cand);
	for (i = 0, kept = 0; i < m; i++) {
		t = v[i].part;
		r = v[i].whole;
		for (gain = 0, k = from[r]; k < from[r + 1]; k++)
			gain += cov[si->p[k].doc] != t + 1;
		if (gain < DRV_GAIN)
			continue;
		for (k = from[r]; k < from[r + 1]; k++)
			cov[si->p[k].doc] = (uint32_t)t + 1;
		v[kept++] = v[i];
	}
	if (kept > 0)
		qsort(v, kept, sizeof(*v), S_drv_cmp);
	free(cov);
	*n = kept;
	return v;
}

/*
 * After ",", which of a term's docs p[0..n) are marked: the gaps
 * between their places in the list (search_code_num()), or, when
 * shorter, after ".", as bits in the range code (search_code_marks());
 * nothing when none is.  The shorter, though gzip takes the gaps'
 * digits to fewer bits than the range code's six: on the 1,000-chapter
 * course the range code wherever it is shorter writes 1.8 % less gzip
 * than wherever it is half as long.
 */
static void
S_marks(struct buf *b, const struct post *p, size_t n,
    const struct search_code_model *cm)
{
	struct buf gaps = { 0 }, rc = { 0 };
	uint32_t *doc;
	uint8_t *mark;
	size_t k, next = 0;

	for (k = 0; k < n; k++)
		if (p[k].w) {
			search_code_num(&gaps, k - next); /* next: 0 at first */
			next = k + 1;
		}
	if (gaps.len == 0)
		return;
	doc = xmalloc((n + 1) * sizeof(*doc));
	mark = xmalloc(n + 1);
	for (k = 0; k < n; k++) {
		doc[k] = p[k].doc;
		mark[k] = p[k].w != 0;
	}
	buf_putc(b, ',');
	if (search_code_marks(&rc, cm, doc, mark, n, gaps.len) == 0)
		buf_put(b, rc.data, rc.len);
	else
		buf_put(b, gaps.data, gaps.len);
	free(doc);
	free(mark);
	buf_free(&gaps);
	buf_free(&rc);
}

/* A term in fewer than one doc in SPARSE (by its own docs) stays in
 * Rice: search.js decodes Rice in time with its docs, the range code
 * in time with all docs, and a dense term names many sparse ones, all
 * decoded with it.  At 1,000 chapters that keeps 521 terms in Rice for
 * 1.7 KB more gzip, and the 200 typed prefixes of
 * tests/tools/search-page.js --bench take about 15 % less CPU (node). */
#define SPARSE		1024

/*
 * A term's line of postings p[0..n) (one per doc, in doc order): its
 * docs but its subsets' (own[0..m), ascending), in Rice code
 * (search_code_rice()) or, after ".", as bits in the range code
 * (search_code_bits(), its subsets' docs known to be there; bit:
 * zeros over all docs, given back so), the
 * shorter (Rice when as short, or the term is SPARSE: it decodes
 * faster); nothing when m is 0; then its marks (S_marks()); then,
 * after ";", the ranks of the terms it names, drv[0..nd), as deltas.
 */
static void
S_line(struct buf *b, const struct post *p, size_t n, const uint32_t *own,
    size_t m, const struct drv *drv, size_t nd,
    const struct search_code_model *cm, uint8_t *bit)
{
	struct buf rice = { 0 };
	size_t k;
	unsigned long last = 0;

	if (m > 0) {
		search_code_rice(&rice, own, m);
		/* a SPARSE term stays in Rice: no range code to try; the
		 * range code is given up once as long as the Rice */
		if (m * SPARSE < cm->ndocs)
			buf_put(b, rice.data, rice.len);
		else {
			for (k = 0; k < n; k++)
				bit[p[k].doc] = 2;
			for (k = 0; k < m; k++)
				bit[own[k]] = 1;
			if (search_code_bits(b, cm, bit, rice.len) != 0)
				buf_put(b, rice.data, rice.len);
			for (k = 0; k < n; k++)
				bit[p[k].doc] = 0;
		}
	}
	buf_free(&rice);
	S_marks(b, p, n, cm);
	for (last = 0, k = 0; k < nd; k++) {
		if (k == 0)
			buf_putc(b, ';');
		search_code_num(b, drv[k].whole - last);
		last = drv[k].whole;
	}
}

/*** The lines on threads ***/

/* Below this much work (S_line_work(): postings, plus every doc for a
 * term the range code is tried on) a second thread would save under a
 * millisecond: a unit is about 50 instructions (callgrind, 200-chapter
 * course: 2.3 M of them, 117 M instructions in S_lines()), a thread's
 * start and bit array a few thousand.  The sample has 0.3 M, the
 * 50-chapter course 0.55 M. */
#define LINE_SHARE	((size_t)1 << 18)
#define LINE_THREADS	2

/* The lines of the terms of rank [t0, t1) into post, each but the
 * first term's after a newline; their subsets' ranks from drv[d0] on
 * (drv sorted by part).  Reads the postings, own, of and cm, which
 * nothing changes meanwhile; bit is the job's own. */
struct line_job {
	const struct search_index	*si;
	const size_t			*from, *of;
	const uint32_t			*own;
	const struct drv		*drv;
	size_t				 ndrv, ndocs, t0, t1, d0;
	const struct search_code_model	*cm;
	struct buf			 post;
};

static void
S_lines(void *arg, int worker)
{
	struct line_job *j = arg;
	uint8_t *bit = xcalloc(j->ndocs + 1, 1);
	size_t t, i = j->d0, k;

	(void)worker;
	for (t = j->t0; t < j->t1; t++) {
		if (t > 0)
			buf_putc(&j->post, '\n');
		k = i;
		while (i < j->ndrv && j->drv[i].part == t)
			i++;
		S_line(&j->post, j->si->p + j->from[t], j->from[t + 1] -
		    j->from[t], j->own + j->of[t], j->of[t + 1] - j->of[t],
		    j->drv + k, i - k, j->cm, bit);
	}
	free(bit);
}

/* What S_line() costs for the term of rank t, about: its postings, and
 * every doc when it tries the range code (not SPARSE), which is most
 * of the instructions (search_code_bits()). */
static size_t
S_line_work(const size_t *from, const size_t *of, size_t t, size_t ndocs)
{
	size_t m = of[t + 1] - of[t];

	return from[t + 1] - from[t] + (m > 0 && m * SPARSE >= ndocs ?
	    ndocs : 0);
}

/*
 * Every term's line (S_line()) into post, in rank order: on
 * LINE_THREADS threads, each over a range of terms of about equal work
 * and into a buffer of its own, joined in rank order, when si->threads
 * allows and there is LINE_SHARE work at least; else on this thread.
 * A line depends on its term alone, so the bytes are the same either
 * way: it was the index thread's longest serial part after the pages
 * (200-chapter course, -j 2: 9.8 ms on one thread, 5.5 ms on two).
 */
static void
S_lines_all(const struct search_index *si, struct buf *post,
    const size_t *from, const uint32_t *own, const size_t *of,
    const struct drv *drv, size_t ndrv, size_t ndocs,
    const struct search_code_model *cm)
{
	struct line_job job[LINE_THREADS];
	struct pool *pool;
	size_t n = 1, k, t, d = 0, work = 0, sum = 0;

	for (t = 0; t < si->nterms; t++)
		work += S_line_work(from, of, t, ndocs);
	if (si->threads >= 2 && work >= LINE_SHARE)
		n = LINE_THREADS;
	pool = pool_new((int)n);
	for (t = 0, k = 0; k < n; k++) {
		job[k] = (struct line_job){ si, from, of, own, drv, ndrv,
		    ndocs, t, t, d, cm, { 0 } };
		for (; t < si->nterms && (k + 1 == n || sum * n <
		    work * (k + 1)); t++)
			sum += S_line_work(from, of, t, ndocs);
		job[k].t1 = t;
		while (d < ndrv && drv[d].part < t)
			d++;
		pool_submit(pool, S_lines, NULL, &job[k]);
	}
	pool_free(pool);
	for (k = 0; k < n; k++) {
		buf_put(post, job[k].post.data, job[k].post.len);
		buf_free(&job[k].post);
	}
}

/* qsort's order of uint32_t values */
static int
S_u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * What search_code_bits() predicts from (cm), made of the docs' own
 * postings (own[of[t]..of[t + 1]) for the term of rank t): a section's
 * size class, by how many terms it has against the other sections
 * (thirds), and a glossary term's section, the one in its chapter with
 * which it has the most terms in common (the first of those).  The
 * caller frees cm's arrays.
 */
static void
S_model(const struct search_index *si, const uint32_t *own,
    const size_t *of, size_t ndocs, struct search_code_model *cm)
{
	uint32_t *cnt = xcalloc(ndocs + 1, sizeof(*cnt)), *sorted;
	uint32_t *dfrom = xcalloc(ndocs + 2, sizeof(*dfrom)), *dterm;
	uint32_t *mark = xcalloc(si->nterms + 1, sizeof(*mark)), *start;
	uint8_t *cls, *first;
	uint32_t *def;
	size_t i, k, d, t, nsec = 0, best, hits, bhits, lo, hi;

	for (i = 0; i < si->nch; i++)
		nsec += si->ch[i].n;
	for (k = 0; k < of[si->nterms]; k++)
		cnt[own[k]]++;
	for (d = 0; d < ndocs; d++)
		dfrom[d + 1] = dfrom[d] + cnt[d];
	dterm = xmalloc((of[si->nterms] + 1) * sizeof(*dterm));
	memset(cnt, 0, (ndocs + 1) * sizeof(*cnt));
	for (t = 0; t < si->nterms; t++)
		for (k = of[t]; k < of[t + 1]; k++)
			dterm[dfrom[own[k]] + cnt[own[k]]++] = (uint32_t)t;
	/* the classes: below the first third's top, below the second's */
	sorted = xmalloc((nsec + 1) * sizeof(*sorted));
	memcpy(sorted, cnt, nsec * sizeof(*sorted));
	if (nsec > 0)
		qsort(sorted, nsec, sizeof(*sorted), S_u32_cmp);
	lo = nsec > 0 ? sorted[nsec / 3] : 0;
	hi = nsec > 0 ? sorted[2 * nsec / 3] : 0;
	cls = xcalloc(nsec + 1, 1);
	first = xcalloc(nsec + 1, 1);
	start = xcalloc(si->nch + 1, sizeof(*start));
	for (d = 0, i = 0; i < si->nch; i++) {
		start[i] = (uint32_t)d;
		for (k = 0; k < si->ch[i].n; k++, d++) {
			first[d] = k == 0;
			cls[d] = cnt[d] >= hi ? 2 : cnt[d] >= lo ? 1 : 0;
		}
	}
	def = xcalloc(si->ng + 1, sizeof(*def));
	for (i = 0; i < si->ng && nsec + i < ndocs; i++) {
		d = nsec + i;
		for (k = dfrom[d]; k < dfrom[d + 1]; k++)
			mark[dterm[k]] = (uint32_t)i + 1;
		/* none (UINT32_MAX) in a chapter without sections */
		best = si->ch[si->g[i].ch].n > 0 ? start[si->g[i].ch] :
		    UINT32_MAX;
		for (bhits = 0, k = 0; k < si->ch[si->g[i].ch].n; k++) {
			size_t s = start[si->g[i].ch] + k, j;

			for (hits = 0, j = dfrom[s]; j < dfrom[s + 1]; j++)
				hits += mark[dterm[j]] == i + 1;
			if (hits > bhits) {
				bhits = hits;
				best = s;
			}
		}
		def[i] = (uint32_t)best;
	}
	cm->nsec = nsec;
	cm->ndocs = ndocs;
	cm->cls = cls;
	cm->first = first;
	cm->def = def;
	free(start);
	free(sorted);
	free(mark);
	free(dterm);
	free(dfrom);
	free(cnt);
}

void
search_index_pairs(const struct search_index *si,
    void (*f)(void *, const char *, size_t, int), void *arg)
{
	size_t i;

	for (i = 0; si != NULL && i < si->np; i++)
		f(arg, si->terms[si->p[i].term], si->p[i].doc,
		    si->p[i].w != 0);
}

/*** Writing ***/

/*
 * Removes outdir/NAME for the numbers from on, as far as they go: the
 * shards and snippet files an earlier build of a larger site left (a
 * build without a valid cache does not know them), which would be
 * published with the site though nothing loads them.  Only names of
 * this module's own pattern, only files (a link is removed, not
 * followed).
 */
static void
S_prune(const char *outdir, const char *fmt, size_t from)
{
	struct buf name = { 0 };
	struct stat st;
	char *p;

	for (;; from++) {
		buf_reset(&name);
		buf_printf(&name, fmt, from);
		p = file_join(outdir, buf_cstr(&name));
		if (lstat(p, &st) != 0 || !(S_ISREG(st.st_mode) ||
		    S_ISLNK(st.st_mode)) || unlink(p) != 0) {
			free(p);
			break;
		}
		free(p);
	}
	buf_free(&name);
}

/* 1 for a byte S_json() escapes: a control character, " and \. */
static const unsigned char S_json_special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
	[0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1,
};

/* s as the inside of a JSON string: runs of bytes that need no escape
 * are copied whole (S_span()), as nearly every byte of a page's text is
 * one (a byte at a time was a tenth of the index's writing). */
static void
S_json(struct buf *b, const char *s)
{
	size_t n = strlen(s), i = 0, k;
	unsigned char c;

	while (i < n) {
		k = i + S_span(s + i, n - i, S_json_special);
		if (k > i)
			buf_put(b, s + i, k - i);
		if (k == n)
			return;
		c = (unsigned char)s[k];
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, c);
		} else
			buf_printf(b, "\\u%04x", c);
		i = k + 1;
	}
}

/* 1 for a byte S_js() may have to escape: ' \ and a newline, and the
 * first byte of U+2028/U+2029 (0xE2) and of "</"; it copies runs of
 * the others as they are. */
static const unsigned char S_js_special[256] = {
	['\''] = 1, ['\\'] = 1, ['\n'] = 1, [0xE2] = 1, ['<'] = 1,
};

/* s (JSON text) as a single-quoted JavaScript string, copied by runs
 * of bytes that are not S_js_special (S_span()). */
static void
S_js(struct buf *b, const char *s, size_t n)
{
	size_t i, run;

	buf_putc(b, '\'');
	for (i = 0; i < n; i++) {
		unsigned char c;

		run = i;
		i += S_span(s + i, n - i, S_js_special);
		if (i > run)
			buf_put(b, s + run, i - run);
		if (i == n)
			break;
		c = (unsigned char)s[i];
		if (c == '\'' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, c);
		} else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] ==
		    0x80 && ((unsigned char)s[i + 2] & 0xFE) == 0xA8) {
			/* U+2028, U+2029 end a line in older engines */
			buf_printf(b, "\\u%04x", 0x2028 +
			    ((unsigned char)s[i + 2] & 1));
			i += 2;
		} else if (c == '<' && i + 1 < n && s[i + 1] == '/')
			buf_puts(b, "<\\");	/* "<\/": no "</script>" */
		else
			buf_putc(b, c);
	}
	buf_putc(b, '\'');
}

/* 1 when anchor is what search.js's slug() makes of title (of its
 * rest after a heading number "1.2 " when num): ASCII letters and digits
 * lowercased, "-" and "_" kept, spaces to "-", the rest dropped, as
 * pass_slug() does for ASCII.  Titles with other letters keep their
 * anchor in the index: the two slugs need not agree on those. */
static int
S_slug(const char *title, const char *pre, const char *anchor, int num)
{
	const unsigned char *t = (const unsigned char *)title;
	size_t n = strlen(pre);

	if (strncmp(anchor, pre, n) != 0)
		return 0;
	anchor += n;
	if (num) {
		while ((*t >= '0' && *t <= '9') || *t == '.')
			t++;
		t = t > (const unsigned char *)title && *t == ' ' ? t + 1 :
		    (const unsigned char *)title;
	}
	if (*anchor == '\0')
		return 0;
	for (; *t; t++) {
		int c = *t;

		if (c >= 0x80)
			return 0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (c == ' ')
			c = '-';
		else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_'))
			continue;
		if (*anchor++ != c)
			return 0;
	}
	return *anchor == '\0';
}

/* The heading number that begins title ("1.2.3 "): up to NUM_MAX parts
 * of up to 9 digits each, then a space; its parts into v, returns how
 * many (0: none) and the bytes it takes, space included, into *len. */
#define NUM_MAX	16
static size_t
S_number(const char *title, unsigned long *v, size_t *len)
{
	const char *t = title;
	size_t n = 0, k;

	for (;;) {
		for (k = 0; t[k] >= '0' && t[k] <= '9'; k++)
			continue;
		if (k == 0 || k > 9 || n == NUM_MAX)
			return 0;
		v[n++] = strtoul(t, NULL, 10);
		t += k;
		if (*t == ' ')
			break;
		if (*t != '.')
			return 0;
		t++;
	}
	*len = (size_t)(t + 1 - title);
	return n;
}

/* title into b (JSON), its heading number left out where search.js can
 * count it on from the one before (prev, *nprev parts, which become
 * title's): "^" and the number's depth d, for the number before with d
 * parts and its last one more (1.2.3 after 1.2.2, 1.3 after 1.2.2) or
 * with a part 1 added (1.2.1 after 1.2).  "^0" keeps a title that
 * begins with "^" as it is.  A tenth of the index is these numbers. */
static void
S_title(struct buf *b, const char *title, unsigned long *prev, size_t *nprev)
{
	unsigned long v[NUM_MAX];
	size_t n, len = 0, k;
	int same;
	char canon[NUM_MAX * 11];
	size_t clen = 0;

	n = S_number(title, v, &len);
	if (n == 0) {
		if (title[0] == '^')
			buf_puts(b, "^0");
		S_json(b, title);
		return;
	}
	for (k = 0; k < n; k++)
		clen += (size_t)snprintf(canon + clen, sizeof(canon) - clen,
		    k ? ".%lu" : "%lu", v[k]);
	canon[clen++] = ' ';
	same = n <= 9 && clen == len && memcmp(canon, title, len) == 0;
	if (same && n <= *nprev) {
		for (k = 0; k + 1 < n; k++)
			same = same && v[k] == prev[k];
		same = same && v[n - 1] == prev[n - 1] + 1;
	} else if (same && n == *nprev + 1) {
		for (k = 0; k < *nprev; k++)
			same = same && v[k] == prev[k];
		same = same && v[n - 1] == 1;
	} else
		same = 0;
	if (same) {
		buf_printf(b, "^%zu", n);
		S_json(b, title + len);
	} else
		S_json(b, title);
	memcpy(prev, v, n * sizeof(*v));
	*nprev = n;
}

/* Into b (reset first), as JSON: chapter ci's sections' titles and then
 * its glossary terms, each "title", or ["title", "anchor"] where the
 * anchor is not what search.js makes of the title (S_slug()); a title's
 * heading number is left out where it follows from the one before in
 * the chapter (S_title()). */
static void
S_heads(struct buf *b, const struct search_index *si, size_t ci)
{
	unsigned long num[NUM_MAX];
	size_t k, n = 0, nnum = 0;
	const struct chap *c = &si->ch[ci];

	buf_reset(b);
	buf_putc(b, '[');
	for (k = 0; k < c->n; k++, n++) {
		const struct sect *s = &c->s[k];
		int same = S_slug(s->title, "", s->anchor, 1);

		buf_puts(b, n ? "," : "");
		buf_puts(b, same ? "\"" : "[\"");
		S_title(b, s->title, num, &nnum);
		if (!same) {
			buf_puts(b, "\",\"");
			S_json(b, s->anchor);
		}
		buf_puts(b, same ? "\"" : "\"]");
	}
	for (k = 0; k < si->ng; k++)
		if (si->g[k].ch == ci) {
			int same = S_slug(si->g[k].term, "def-", si->g[k].id, 0);

			buf_puts(b, n++ ? "," : "");
			buf_puts(b, same ? "\"" : "[\"");
			S_json(b, si->g[k].term);
			if (!same) {
				buf_puts(b, "\",\"");
				S_json(b, si->g[k].id);
			}
			buf_puts(b, same ? "\"" : "\"]");
		}
	buf_putc(b, ']');
}

static size_t
S_gzip_size(const char *s, size_t n)
{
	uLongf out = compressBound((uLong)n);
	Bytef *z = xmalloc(out);

	/* level 1: quick, and a little larger than gzip -9, so a site is
	 * sharded a little early rather than late */
	if (compress2(z, &out, (const Bytef *)s, (uLong)n, 1) != Z_OK)
		out = n;
	free(z);
	return out;
}

static int
S_write(const char *outdir, const char *name, struct buf *b,
    struct diag_list *dl)
{
	char *path = file_join(outdir, name);
	int rc = file_write(path, b->data, b->len, dl);

	free(path);
	return rc;
}

/* What search.js needs of cm (S_model()): cls, the sections' size
 * classes, three a digit (the first times 9, the second times 3), and
 * def, each glossary term's section as its number in its chapter
 * (search_code_num(); 0 when the chapter has none). */
static void
S_model_head(struct buf *b, const struct search_index *si,
    const struct search_code_model *cm)
{
	size_t d, i, k, first = 0;

	buf_puts(b, ",\ncls:\"");
	for (d = 0; d < cm->nsec; d += 3) {
		for (i = 0, k = 0; k < 3; k++)
			i = i * 3 + (d + k < cm->nsec ? cm->cls[d + k] : 0);
		buf_putc(b, search_code_digit[i]);
	}
	buf_puts(b, "\",def:\"");
	for (i = 0; i < si->ng; i++) {
		for (first = 0, k = 0; k < si->g[i].ch; k++)
			first += si->ch[k].n;
		search_code_num(b, cm->def[i] == UINT32_MAX ? 0 :
		    cm->def[i] - first);
	}
	buf_putc(b, '"');
}

int
search_index_write(struct search_index *si, const char *outdir,
    struct diag_list *dl)
{
	struct search_text *st[2];
	struct search_split *sp = NULL;
	struct buf b = { 0 }, j = { 0 }, terms = { 0 }, post = { 0 };
	struct buf name = { 0 }, aff = { 0 }, dic = { 0 };
	uint32_t *order;
	size_t i, k, d, ndocs = 0, t, nshard = 0;
	size_t *shard_at = NULL, *from, ndrv;
	struct drv *drv;
	uint32_t *seen, *own;
	size_t *of;
	struct search_code_model cm;
	int rc = 0;
	int dutch = 0;

	st[L_NL] = search_text_new("nl");
	st[L_EN] = search_text_new("en");
	for (i = 0; i < si->nch; i++)
		dutch |= !si->ch[i].en;
	if (dutch) {
		/* SALESGEN_DICT_NL: another dictionary (path without
		 * .aff/.dic), for a test without one */
		const char *env = getenv("SALESGEN_DICT_NL");

		if (env != NULL && *env != '\0') {
			buf_printf(&aff, "%s.aff", env);
			buf_printf(&dic, "%s.dic", env);
		}
		sp = search_split_new(st[L_NL], aff.len ? aff.data : NULL,
		    dic.len ? dic.data : NULL);
	}
	if (sp != NULL && !search_split_has_dict(sp))
		diag_add(dl, DIAG_SEARCH_NO_DICT, NULL, 0, 0,
		    search_split_dict(sp));
	ndocs = S_collect(si, st, sp, aff.len ? aff.data : NULL,
	    dic.len ? dic.data : NULL);
	buf_free(&aff);
	buf_free(&dic);
	/* terms in byte order, which is the order of search.js's
	 * comparisons for every character below U+10000 */
	order = xcalloc(si->nterms + 1, sizeof(*order));
	S_rank = xcalloc(si->nterms + 1, sizeof(*S_rank));
	for (t = 0; t < si->nterms; t++)
		order[t] = (uint32_t)t;
	S_sort_si = si;
	qsort(order, si->nterms, sizeof(*order), S_str_cmp);
	for (t = 0; t < si->nterms; t++)
		S_rank[order[t]] = (uint32_t)t;
	S_post_sort(si);

	/* the terms and their postings, one line per term */
	from = xcalloc(si->nterms + 2, sizeof(*from));
	for (i = 0, t = 0; t < si->nterms; t++) {
		from[t] = i;
		while (i < si->np && si->p[i].term == order[t])
			i++;
	}
	from[si->nterms] = si->np;
	drv = S_derive(si, from, ndocs, &ndrv);
	/* each term's own docs, those its subsets do not cover */
	seen = xcalloc(ndocs + 1, sizeof(*seen));
	own = xmalloc((si->np + 1) * sizeof(*own));
	of = xcalloc(si->nterms + 2, sizeof(*of));
	for (i = 0, t = 0; t < si->nterms; t++) {
		for (; i < ndrv && drv[i].part == t; i++)
			for (d = from[drv[i].whole]; d < from[drv[i].whole + 1]; d++)
				seen[si->p[d].doc] = (uint32_t)t + 1;
		for (of[t + 1] = of[t], d = from[t]; d < from[t + 1]; d++)
			if (seen[si->p[d].doc] != t + 1)
				own[of[t + 1]++] = si->p[d].doc;
	}
	S_model(si, own, of, ndocs, &cm);
	shard_at = xcalloc(si->nterms + 2, sizeof(*shard_at));
	for (t = 0; t < si->nterms; t++) {
		if (t > 0)
			buf_putc(&terms, ' ');
		buf_puts(&terms, si->terms[order[t]]);
	}
	S_lines_all(si, &post, from, own, of, drv, ndrv, ndocs, &cm);
	free(own);
	free(of);
	free(seen);
	free(drv);
	free(from);

	/* the index */
	buf_printf(&b, "SalesgenSearch.index({lang:\"%s\",chapters:JSON.parse(",
	    strcmp(si->lang, "en") == 0 ? "en" : "nl");
	buf_putc(&j, '[');
	for (i = 0; i < si->nch; i++) {
		buf_puts(&j, i ? ",[\"" : "[\"");
		S_json(&j, si->ch[i].url ? si->ch[i].url : "");
		/* 0: the title of its first section */
		if (si->ch[i].n > 0 && si->ch[i].title != NULL &&
		    strcmp(si->ch[i].title, si->ch[i].s[0].title) == 0)
			buf_printf(&j, "\",0,%zu", si->ch[i].n);
		else {
			buf_puts(&j, "\",\"");
			S_json(&j, si->ch[i].title ? si->ch[i].title : "");
			buf_printf(&j, "\",%zu", si->ch[i].n);
		}
		/* a chapter in the other language says so */
		if (si->ch[i].en != (strcmp(si->lang, "en") == 0))
			buf_puts(&j, si->ch[i].en ? ",\"en\"" : ",\"nl\"");
		buf_putc(&j, ']');
	}
	buf_putc(&j, ']');
	S_js(&b, j.data, j.len);
	/* a glossary term's chapter (search_code_num(): no commas, 700 B
	 * less gzip at 1,000 chapters); its term and id are with its text */
	buf_puts(&b, "),\ngloss:\"");
	for (i = 0; i < si->ng; i++)
		search_code_num(&b, si->g[i].ch);
	buf_putc(&b, '"');
	S_model_head(&b, si, &cm);
	free((void *)cm.cls);
	free((void *)cm.first);
	free((void *)cm.def);
	buf_puts(&b, ",\nshards:[");

	/* one shard inline, or shards of about SHARD_RAW in files */
	/* no compression needed to know a small index is small */
	if (si->nterms == 0 || terms.len + post.len + j.len <= SHARD_GZIP ||
	    S_gzip_size(terms.data, terms.len) + S_gzip_size(post.data,
	    post.len) + S_gzip_size(j.data, j.len) <= SHARD_GZIP) {
		buf_puts(&b, "[\"\",");
		S_js(&b, terms.data ? terms.data : "", terms.len);
		buf_puts(&b, ",");
		S_js(&b, post.data ? post.data : "", post.len);
		buf_puts(&b, ",0]]});\n");
	} else {
		size_t tpos = 0, ppos = 0, te, pe, size = 0;

		/* cut before a term once a shard holds SHARD_RAW */
		shard_at[nshard++] = 0;
		for (t = 0, ppos = 0; t < si->nterms; t++) {
			pe = ppos;
			while (pe < post.len && post.data[pe] != '\n')
				pe++;
			size += pe - ppos + strlen(si->terms[order[t]]) + 2;
			ppos = pe + 1;
			if (size >= SHARD_RAW && t + 1 < si->nterms) {
				shard_at[nshard++] = t + 1;
				size = 0;
			}
		}
		shard_at[nshard] = si->nterms;
		tpos = ppos = 0;
		for (k = 0; k < nshard && rc == 0; k++) {
			struct buf f = { 0 };

			te = tpos;
			pe = ppos;
			for (t = shard_at[k]; t < shard_at[k + 1]; t++) {
				te += strlen(si->terms[order[t]]) + 1;
				while (pe < post.len && post.data[pe] != '\n')
					pe++;
				pe++;
			}
			if (te > terms.len)
				te = terms.len + 1;
			if (pe > post.len)
				pe = post.len + 1;
			buf_printf(&b, "%s[\"", k ? "," : "");
			S_json(&b, si->terms[order[shard_at[k]]]);
			buf_printf(&b, "\",null,null,%zu]", shard_at[k]);
			buf_printf(&f, "SalesgenSearch.shard(%zu,", k);
			S_js(&f, terms.data + tpos, te - 1 - tpos);
			buf_putc(&f, ',');
			S_js(&f, post.data + ppos, pe - 1 - ppos);
			buf_puts(&f, ");\n");
			buf_reset(&name);
			buf_printf(&name, "search-index-%zu.js", k);
			rc = S_write(outdir, buf_cstr(&name), &f, dl);
			buf_free(&f);
			tpos = te;
			ppos = pe;
		}
		buf_puts(&b, "]});\n");
	}
	if (rc == 0)
		rc = S_write(outdir, "search-index.js", &b, dl);
	if (rc == 0)
		S_prune(outdir, "search-index-%zu.js", nshard);

	(void)ndocs;
	free(order);
	free(S_rank);
	S_rank = NULL;
	free(shard_at);
	buf_free(&b);
	buf_free(&j);
	buf_free(&terms);
	buf_free(&post);
	buf_free(&name);
	search_split_free(sp);
	search_text_free(st[L_NL]);
	search_text_free(st[L_EN]);
	return rc;
}

/* Each chapter's section texts and then its glossary terms', for the
 * snippets, and their titles and anchors: a result shows them with its
 * snippet, so only the chapters of the shown results need them (a tenth
 * of the index at 1,000 chapters).  Reads only the sections and the
 * glossary, which search_index_write() does not change: the two may run
 * at once on two threads. */
int
search_index_write_texts(const struct search_index *si, const char *outdir,
    struct diag_list *dl)
{
	struct buf b = { 0 }, j = { 0 }, name = { 0 };
	size_t i, k, t;
	int rc = 0;
	char *dir;

	dir = file_join(outdir, "search");
	if (rc == 0 && si->nch > 0)
		rc = file_mkdirs(dir, dl);
	free(dir);
	for (i = 0; rc == 0 && i < si->nch; i++) {
		buf_reset(&b);
		buf_reset(&j);
		buf_printf(&b, "SalesgenSearch.text(%zu,JSON.parse(", i);
		buf_putc(&j, '[');
		for (k = 0; k < si->ch[i].n; k++) {
			buf_puts(&j, k ? ",\"" : "\"");
			S_json(&j, si->ch[i].s[k].text);
			buf_putc(&j, '"');
		}
		for (t = 0; t < si->ng; t++)
			if (si->g[t].ch == i) {
				buf_puts(&j, k++ ? ",\"" : "\"");
				S_json(&j, si->g[t].text);
				buf_putc(&j, '"');
			}
		buf_putc(&j, ']');
		S_js(&b, j.data, j.len);
		buf_puts(&b, "),JSON.parse(");
		S_heads(&j, si, i);
		S_js(&b, j.data, j.len);
		buf_puts(&b, "));\n");
		buf_reset(&name);
		buf_printf(&name, "search/%zu.js", i);
		rc = S_write(outdir, buf_cstr(&name), &b, dl);
	}
	if (rc == 0)
		S_prune(outdir, "search/%zu.js", si->nch);
	buf_free(&b);
	buf_free(&j);
	buf_free(&name);
	return rc;
}
