/*
 * test_reg_match — the register's matcher (gen/register.c: reg_text,
 * reg_match(); gen/site_register.c: a chapter's HTML into its sections'
 * words) against a naive one written from register.h's rule, over
 * generated pages: inflections, compounds, terms of more words, words
 * cut by inline markup and entities, terms at a chapter's end, accents,
 * capitals, words too long to keep whole.  Any occurrence the fast path
 * misses or invents fails a test.  PASS/FAIL lines.
 */
#include "buf.h"
#include "course.h"
#include "mem.h"
#include "register.h"
#include "search_index.h"
#include "search_split.h"
#include "search_text.h"
#include "site_register.h"
#include "val.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define WORDS	64

/*** The generator ***/

static unsigned long S_seed;

static size_t
S_rand(size_t n)
{
	S_seed = S_seed * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(S_seed >> 33) % n;
}

static const char *S_terms[] = {
	"plan", "prijs", "positionering", "klantgerichtheid", "offerte",
	"unique selling point", "behoefte van de klant", "café",
	"piramide > klanten-", "piramide", "accountplan", "ijs",
	"verkoop > -plan", "klant > behoefte", "coördinatie",
};

static const char *S_vocab[] = {
	"plan", "plannen", "Plan", "PLANNING", "planbord", "verkoopplan",
	"verkoopplannen", "accountplan", "accountplannen", "prijs", "prijzen",
	"verkoopprijzen", "prijsafspraak", "positioneren", "positionering",
	"klantgericht", "klantgerichtheid", "offerte", "offertes", "Offertes",
	"unique", "Unique", "selling", "point", "points", "behoefte",
	"behoeften", "van", "de", "klant", "klanten", "Klant",
	"klantenpiramide", "piramide", "piramides", "café", "cafés", "Café",
	"cafe", "ijs", "IJs", "\xc4\xb3s", "naïef", "Één", "zorg", "order",
	"team", "2027", "verkoop", "coördinatie", "Coördinaties",
	"coördineren", "verkoopverkoopverkoopverkoopverkoopverkoop"
	"verkoopverkoopverkoopplan", "markt", "het", "en", "een",
};

static const char *S_seps[] = {
	" ", " ", " ", ", ", ". ", " — ", "’", "-", "\n", "/", " (", ") ",
};

/* Appends a random word to html and to text (what the register reads of
 * the HTML: tags and entities as spaces or their character). */
static void
S_gen_word(struct buf *html, struct buf *text)
{
	const char *w = S_vocab[S_rand(sizeof(S_vocab) / sizeof(*S_vocab))];

	switch (S_rand(12)) {
	case 0:		/* inline markup around it */
		buf_printf(html, "<em>%s</em>", w);
		buf_printf(text, " %s ", w);
		return;
	case 1:		/* markup inside it: two words */
		if (strlen(w) > 3 && (unsigned char)w[2] < 0x80) {
			buf_printf(html, "%.2s<strong>%s</strong>", w, w + 2);
			buf_printf(text, "%.2s %s ", w, w + 2);
			return;
		}
		break;
	case 2:		/* an entity right after it */
		buf_printf(html, "%s&amp;", w);
		buf_printf(text, "%s&", w);
		return;
	case 3:		/* one the register does not know */
		buf_printf(html, "%s&eacute;", w);
		buf_printf(text, "%s ", w);
		return;
	case 4:
		buf_printf(html, "&#39;%s&#39;", w);
		buf_printf(text, "'%s'", w);
		return;
	case 5:		/* an unknown entity up to a ';' swallows it */
		if (strlen(w) < 8) {
			buf_printf(html, "&x %s;", w);
			buf_putc(text, ' ');
			return;
		}
		break;
	case 6:		/* a bare '&' is a space (with no ';' in the 11
			 * bytes after it: that would end an entity) */
		buf_puts(html, "R&verkoopverkoop");
		buf_puts(text, "R verkoopverkoop");
		return;
	}
	buf_puts(html, w);
	buf_puts(text, w);
}

static void
S_gen_sep(struct buf *html, struct buf *text)
{
	const char *s = S_seps[S_rand(sizeof(S_seps) / sizeof(*S_seps))];

	buf_puts(html, s);
	buf_puts(text, s);
}

/* n words, a term of more words now and then, into html and text. */
static void
S_gen_words(struct buf *html, struct buf *text, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			S_gen_sep(html, text);
		if (S_rand(9) == 0) {
			const char *m = S_rand(2) ? "unique selling points" :
			    "behoefte van de klant";

			buf_puts(html, m);
			buf_puts(text, m);
		} else
			S_gen_word(html, text);
	}
}

/*** The naive matcher ***/

struct ntok {
	char	 word[WORDS], stem[256];
	char	 pword[8][WORDS], pstem[8][256];
	size_t	 np;
};

static void
S_stem(struct search_text *st, const char *w, char *out)
{
	const char *s = search_text_term(st, w);

	snprintf(out, 256, "%s", s ? s : w);
}

/* 1 when word w (stem stem) is pattern word pw (stem ps): the same stem,
 * and w keeps all but the last two letters of pw. */
static int
S_is(const char *w, const char *stem, const char *ps, const char *pw)
{
	size_t i, n = strlen(pw);

	if (strcmp(stem, ps) != 0)
		return 0;
	for (i = 0; i < n && w[i] == pw[i]; i++)
		;
	return i + 2 >= n;
}

/* The i-th space-separated word of s into out; 0 when there is none. */
static int
S_nth(const char *s, size_t i, char *out)
{
	size_t n;

	for (;;) {
		n = strcspn(s, " ");
		if (i == 0 || s[n] == '\0')
			break;
		s += n + 1;
		i--;
	}
	if (i > 0 || n == 0)
		return 0;
	snprintf(out, 256, "%.*s", (int)n, s);
	return 1;
}

/* 1 when pattern (pat, fold) of entry occurs in tokens k[0..n). */
static int
S_naive_pat(const struct ntok *k, size_t n, const char *pat, const char *fold)
{
	char ps[256], pw[256];
	size_t i, j, q;
	int ok;

	if (strchr(pat, ' ') == NULL) {
		for (i = 0; i < n; i++) {
			if (S_is(k[i].word, k[i].stem, pat, fold))
				return 1;
			for (j = 0; j < k[i].np; j++)
				if (S_is(k[i].pword[j], k[i].pstem[j], pat, fold))
					return 1;
		}
		return 0;
	}
	for (i = 0; i < n; i++) {
		for (q = 0, ok = 1; ok && S_nth(pat, q, ps); q++)
			ok = S_nth(fold, q, pw) && i + q < n &&
			    S_is(k[i + q].word, k[i + q].stem, ps, pw);
		if (ok)
			return 1;
	}
	return 0;
}

/* Per entry of r, the pages (numbered from 1) of text[0..n) where the
 * naive matcher finds it, as "entry: pages" lines. */
static void
S_naive(const struct reg *r, const char *const *text, size_t n,
    struct buf *out)
{
	struct search_text *st = search_text_new("nl");
	struct search_split *sp = search_split_new(st, NULL, NULL);
	struct ntok *k = NULL;
	char w[WORDS], pw[WORDS];
	size_t i, e, nk, pos, a, b, pp, pa, pb;
	int p, all;
	struct buf *found = xcalloc(r->n + 1, sizeof(*found));

	for (i = 0; i < n; i++)
		for (pos = 0; search_text_word(text[i], strlen(text[i]), &pos,
		    w, sizeof(w), &a, &b); )
			search_split_count(sp, w);
	for (i = 0; i < n; i++) {
		nk = 0;
		for (pos = 0; search_text_word(text[i], strlen(text[i]), &pos,
		    w, sizeof(w), &a, &b); nk++) {
			const char *parts = "";
			int split = 0;

			k = xrealloc(k, (nk + 1) * sizeof(*k));
			memset(&k[nk], 0, sizeof(*k));
			snprintf(k[nk].word, WORDS, "%s", w);
			S_stem(st, w, k[nk].stem);
			/* register.h: split only a word that holds, past its
			 * start, what an inflection keeps of a one-word term */
			for (e = 0; e < r->n && !split; e++)
				for (p = 0; p < REG_PATS; p++) {
					const char *f = r->e[e].fold[p];
					char nd[WORDS];
					size_t fl;

					if (f == NULL || strchr(f, ' '))
						continue;
					fl = strlen(f);
					fl = fl > 2 ? fl - 2 : 1;
					snprintf(nd, sizeof(nd), "%.*s",
					    (int)fl, f);
					if (w[0] && strstr(w + 1, nd))
						split = 1;
				}
			if (split)
				parts = search_split_parts(sp, w);
			for (pp = 0; k[nk].np < 8 && search_text_word(parts,
			    strlen(parts), &pp, pw, sizeof(pw), &pa, &pb); ) {
				snprintf(k[nk].pword[k[nk].np], WORDS, "%s",
				    pw);
				S_stem(st, pw, k[nk].pstem[k[nk].np]);
				k[nk].np++;
			}
		}
		for (e = 0; e < r->n; e++) {
			all = r->e[e].pat[0] != NULL;
			for (p = 0; p < REG_PATS && all; p++)
				if (r->e[e].pat[p] != NULL)
					all = S_naive_pat(k, nk, r->e[e].pat[p],
					    r->e[e].fold[p]);
			if (all)
				buf_printf(&found[e], " %zu", i + 1);
		}
	}
	for (e = 0; e < r->n; e++) {
		buf_printf(out, "%s%s%s:%s\n", r->e[e].term,
		    r->e[e].sub ? " > " : "", r->e[e].sub ? r->e[e].sub : "",
		    buf_cstr(&found[e]));
		buf_free(&found[e]);
	}
	free(found);
	free(k);
	search_split_free(sp);
	search_text_free(st);
}

/*** The register's own ***/

static void
S_course(struct course *c, struct chapter *ch, size_t nch)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	memset(ch, 0, nch * sizeof(*ch));
	c->lang = "nl";
	c->ch = ch;
	c->nch = nch;
	ch[0].reg = (char **)S_terms;
	ch[0].nreg = sizeof(S_terms) / sizeof(*S_terms);
	for (i = 0; i < nch; i++) {
		char slug[32];

		snprintf(slug, sizeof(slug), "h%zu", i + 1);
		ch[i].slug = xstrdup(slug);
		ch[i].number = (int)i + 1;
	}
}

static void
S_pages_of(const struct reg *r, struct buf *out)
{
	size_t e, i;

	for (e = 0; e < r->n; e++) {
		buf_printf(out, "%s%s%s:", r->e[e].term,
		    r->e[e].sub ? " > " : "", r->e[e].sub ? r->e[e].sub : "");
		for (i = 0; i < r->e[e].npages; i++)
			buf_printf(out, " %ld", r->e[e].pages[i]);
		buf_putc(out, '\n');
	}
}

/* Round n: pages of plain text, read by reg_text_words() in pieces cut
 * between words, by reg_count() + reg_page(), and by the naive matcher:
 * the three must agree. */
static void
S_text_round(int n)
{
	struct course c;
	struct chapter ch[1];
	struct buf want = { 0 }, got = { 0 }, got2 = { 0 }, html = { 0 };
	struct buf text[12] = { { 0 } };
	const char *tp[12];
	struct reg *r1, *r2;
	struct reg_text *t = reg_text_new();
	long first = 1;
	size_t i, at, cut;
	char name[64];

	S_course(&c, ch, 1);
	r1 = reg_new(&c);
	r2 = reg_new(&c);
	for (i = 0; i < 12; i++) {
		buf_reset(&html);
		S_gen_words(&html, &text[i], 2 + S_rand(14));
		tp[i] = buf_cstr(&text[i]);
		/* in pieces, each cut where a space stands */
		for (at = 0; at < text[i].len; at = cut) {
			const char *sp;

			cut = at + 1 + S_rand(20);
			if (cut >= text[i].len ||
			    (sp = strchr(tp[i] + cut, ' ')) == NULL)
				cut = text[i].len;
			else
				cut = (size_t)(sp - tp[i]);
			reg_text_words(t, tp[i] + at, cut - at);
		}
		reg_text_page(t);
	}
	reg_match(r1, &t, &first, 1);
	for (i = 0; i < 12; i++)
		reg_count(r2, tp[i], strlen(tp[i]));
	for (i = 0; i < 12; i++)
		reg_page(r2, tp[i], strlen(tp[i]), (long)i + 1);
	S_naive(r1, tp, 12, &want);
	S_pages_of(r1, &got);
	S_pages_of(r2, &got2);
	snprintf(name, sizeof(name), "text-%d", n);
	check_verdict("reg_match", name, strcmp(buf_cstr(&got),
	    buf_cstr(&want)) == 0, strcmp(buf_cstr(&got), buf_cstr(&want)) ?
	    buf_cstr(&got) : NULL);
	if (strcmp(buf_cstr(&got), buf_cstr(&want)) != 0)
		printf("  want:\n%s", buf_cstr(&want));
	snprintf(name, sizeof(name), "text-page-%d", n);
	check_verdict("reg_match", name, strcmp(buf_cstr(&got2),
	    buf_cstr(&want)) == 0, strcmp(buf_cstr(&got2), buf_cstr(&want)) ?
	    buf_cstr(&got2) : NULL);
	for (i = 0; i < 12; i++)
		buf_free(&text[i]);
	buf_free(&want);
	buf_free(&got);
	buf_free(&got2);
	buf_free(&html);
	reg_text_free(t);
	reg_free(r1);
	reg_free(r2);
	free(ch[0].slug);
}

/* The links of site_reg_letters() as "term: chapter#section" lines, the
 * naive's pages turned into the same (page k is section sect[k]). */
static void
S_links(const struct val *letters, struct buf *out)
{
	size_t i, j, k;

	for (i = 0; i < letters->n; i++) {
		const struct val *ents = val_get(letters->items[i], "entries");

		for (j = 0; j < ents->n; j++) {
			const struct val *links = val_get(ents->items[j],
			    "links");

			if (links->n == 0)
				continue;
			buf_printf(out, "%s:", val_get(ents->items[j],
			    "term")->str);
			for (k = 0; k < links->n; k++)
				buf_printf(out, " %s", val_get(links->items[k],
				    "href")->str);
			buf_putc(out, '\n');
		}
	}
}

/* Round n: chapters of HTML (an intro before the first heading, which
 * the register leaves out; sections; a term as the chapter's last
 * words), through site_reg_chapter(), against the naive matcher over the
 * sections' text. */
static void
S_html_round(int n)
{
	enum { NCH = 4, NS = 4 };
	struct course c;
	struct chapter ch[NCH];
	struct buf html[NCH] = { { 0 } }, text[NCH * NS] = { { 0 } };
	struct buf junk = { 0 }, want = { 0 }, got = { 0 }, naive = { 0 };
	const char *tp[NCH * NS];
	struct site_reg *s;
	struct reg *r;
	struct val *letters;
	size_t i, j, e;
	char name[64];
	const char *line;

	S_course(&c, ch, NCH);
	s = site_reg_new(&c);
	r = reg_new(&c);
	for (i = 0; i < NCH; i++) {
		buf_puts(&html[i], "<p>");
		S_gen_words(&html[i], &junk, 8);
		buf_puts(&html[i], "</p>\n");
		for (j = 0; j < NS; j++) {
			struct buf *t = &text[i * NS + j];

			buf_printf(&html[i], "<h2 id=\"s%zu\">", j + 1);
			buf_putc(t, ' ');
			S_gen_words(&html[i], t, 1 + S_rand(3));
			buf_puts(&html[i], "</h2>\n<p>");
			buf_puts(t, " \n ");
			S_gen_words(&html[i], t, 2 + S_rand(14));
			if (j + 1 < NS) {
				buf_puts(&html[i], "</p>\n");
				buf_puts(t, " \n");
			}
		}
		/* the chapter ends on a term, no tag after it */
		buf_puts(&html[i], " unique selling point");
		buf_puts(&text[i * NS + NS - 1], " unique selling point");
	}
	for (i = 0; i < NCH * NS; i++)
		tp[i] = buf_cstr(&text[i]);
	/* the chapters handed in in another order, as threads may */
	for (i = NCH; i-- > 0; )
		site_reg_chapter(s, i, buf_cstr(&html[i]), html[i].len, NULL);
	letters = site_reg_letters(s);
	S_links(letters, &got);
	/* the naive's pages as links: page k + 1 is chapter k / NS,
	 * section k % NS */
	S_naive(r, tp, NCH * NS, &naive);
	for (line = buf_cstr(&naive), e = 0; *line; e++) {
		const char *nl = strchr(line, '\n');
		const char *colon = memchr(line, ':', (size_t)(nl - line));
		const char *p = colon + 1;
		unsigned long k;
		char *end;

		if (p == nl) {
			line = nl + 1;
			continue;
		}
		buf_printf(&want, "%s:", r->e[e].sub ? r->e[e].sub :
		    r->e[e].term);
		while (p < nl && (k = strtoul(p, &end, 10)) > 0) {
			buf_printf(&want, " h%lu.html#s%lu", (k - 1) / NS + 1,
			    (k - 1) % NS + 1);
			p = end;
		}
		buf_putc(&want, '\n');
		line = nl + 1;
	}
	snprintf(name, sizeof(name), "html-%d", n);
	check_verdict("reg_match", name, strcmp(buf_cstr(&got),
	    buf_cstr(&want)) == 0, strcmp(buf_cstr(&got), buf_cstr(&want)) ?
	    buf_cstr(&got) : NULL);
	if (strcmp(buf_cstr(&got), buf_cstr(&want)) != 0)
		printf("  want:\n%s", buf_cstr(&want));
	val_free(letters);
	site_reg_free(s);
	reg_free(r);
	for (i = 0; i < NCH; i++) {
		buf_free(&html[i]);
		free(ch[i].slug);
	}
	for (i = 0; i < NCH * NS; i++)
		buf_free(&text[i]);
	buf_free(&junk);
	buf_free(&want);
	buf_free(&got);
	buf_free(&naive);
}

/*** The search index's words, handed to the register ***/

/* What a page may have that the search index reads otherwise than the
 * register (search_index_words() then hands over nothing), and what it
 * reads alike: entities, scripts, heading links, headings in headings,
 * headings without words, tags without an end, a NUL. */
static const char *const S_odd[] = {
	"&eacute;t&#233;", "caf&#xe9;", "&nbsp;plan", "&apos;x", "&#x27;",
	"<script>var plan = 1;</script>", "<STYLE>p { }</STYLE>",
	"<a class=\"anchor\" href=\"#s1\">ijs</a>", "co&#246;rdinatie",
	"<h3 id=\"n\">in <h4 id=\"m\">plan</h4></h3>", "<h2 id=\"e\"></h2>",
	"<h2 id=\"w\"> \n </h2>", "a < b plan", "<b<i>>offerte</i></b>",
	"<h2 id=\"\">prijs</h2>", "<H2 id=\"u\">plan</H2>", "<h5>x</h5>",
	"&amp;&lt;&gt;&quot;&#39;", "<a class=\"anchor\" href=\"#s\">#</a>",
	"\xc3\xa9\xc3\xa9n", "klant\xc2\xad" "gerichtheid",
};

/* n words (a term of more words now and then, inline markup around
 * one) with separators into html: nothing the search index reads
 * otherwise than the register. */
static void
S_gen_plain(struct buf *html, size_t n)
{
	const char *w;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(html, S_seps[S_rand(sizeof(S_seps) /
			    sizeof(*S_seps))]);
		if (S_rand(9) == 0)
			w = S_rand(2) ? "unique selling points" :
			    "behoefte van de klant";
		else
			w = S_vocab[S_rand(sizeof(S_vocab) / sizeof(*S_vocab))];
		buf_printf(html, S_rand(8) == 0 ? "<em>%s</em>" : "%s", w);
	}
}

/* A chapter's HTML: maybe text before the first heading, sections of
 * headings (some with the "#" link) and words, now and then one of
 * S_odd somewhere. */
static void
S_shared_page(struct buf *html)
{
	size_t j, ns = 1 + S_rand(4);

	if (S_rand(2)) {
		buf_puts(html, "<p>");
		S_gen_plain(html, 1 + S_rand(6));
		buf_puts(html, "</p>\n");
	}
	for (j = 0; j < ns; j++) {
		buf_printf(html, "<h2 id=\"s%zu\">", j + 1);
		S_gen_plain(html, 1 + S_rand(3));
		if (S_rand(8) == 0)	/* the register reads to a NUL */
			buf_put(html, " \0x", 3);
		if (S_rand(2))
			buf_printf(html, " <a class=\"anchor\" "
			    "href=\"#s%zu\">#</a>", j + 1);
		buf_puts(html, "</h2>\n<p>");
		S_gen_plain(html, 1 + S_rand(12));
		if (S_rand(3) == 0)
			buf_puts(html, S_odd[S_rand(sizeof(S_odd) /
			    sizeof(*S_odd))]);
		S_gen_plain(html, S_rand(4));
		buf_puts(html, "</p>\n");
	}
}

/* Round n: chapters through site_reg_chapter() twice, reading the HTML
 * and with the search index's words of it (when search_index_words()
 * hands them over): the same links.  *shared and *own count the
 * chapters each way, so that the rounds are seen to test both. */
static void
S_shared_round(int n, size_t *shared, size_t *own)
{
	enum { NCH = 6 };
	struct course c;
	struct chapter ch[NCH];
	struct buf html[NCH] = { { 0 } }, a = { 0 }, b = { 0 };
	struct search_index *si;
	struct search_words w;
	struct site_reg *s1, *s2;
	struct val *l1, *l2;
	size_t i;
	char name[64];

	S_course(&c, ch, NCH);
	s1 = site_reg_new(&c);
	s2 = site_reg_new(&c);
	si = search_index_new("nl", NCH);
	for (i = 0; i < NCH; i++) {
		S_shared_page(&html[i]);
		site_reg_chapter(s1, i, buf_cstr(&html[i]), html[i].len, NULL);
		search_index_chapter(si, i, "x.html", "plan",
		    buf_cstr(&html[i]), html[i].len);
		if (search_index_words(si, i, &w) == 0) {
			++*shared;
			site_reg_chapter(s2, i, buf_cstr(&html[i]),
			    html[i].len, &w);
		} else {
			++*own;
			site_reg_chapter(s2, i, buf_cstr(&html[i]),
			    html[i].len, NULL);
		}
		search_index_number(si, i);
	}
	l1 = site_reg_letters(s1);
	l2 = site_reg_letters(s2);
	S_links(l1, &a);
	S_links(l2, &b);
	snprintf(name, sizeof(name), "shared-%d", n);
	check_verdict("reg_match", name, a.len > 0 &&
	    strcmp(buf_cstr(&a), buf_cstr(&b)) == 0,
	    strcmp(buf_cstr(&a), buf_cstr(&b)) ? buf_cstr(&b) : "no links");
	if (strcmp(buf_cstr(&a), buf_cstr(&b)) != 0)
		printf("  want:\n%s", buf_cstr(&a));
	val_free(l1);
	val_free(l2);
	site_reg_free(s1);
	site_reg_free(s2);
	search_index_free(si);
	for (i = 0; i < NCH; i++) {
		buf_free(&html[i]);
		free(ch[i].slug);
	}
	buf_free(&a);
	buf_free(&b);
}

int
main(void)
{
	int n;
	size_t shared = 0, own = 0;

	for (n = 0; n < 20; n++) {
		S_seed = (unsigned long)n + 1;
		S_text_round(n);
		S_html_round(n);
	}
	for (n = 0; n < 120; n++) {
		S_seed = (unsigned long)n + 1000;
		S_shared_round(n, &shared, &own);
	}
	check_verdict("reg_match", "shared-both-ways", shared > 100 && own > 100,
	    "the rounds did not try both ways");
	return check_status();
}
