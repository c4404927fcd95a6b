/*
 * test_search — the site search's words and terms (search_text) and
 * compound parts (search_split).
 *
 *	test_search			the cases below; PASS/FAIL lines
 *	test_search terms LANG FILE	every word of FILE, one a line, as
 *					"word<TAB>term" ("-" for none), for
 *					tests/search.sh to compare with
 *					search.js
 *	test_search index DIR LANG PAGE.html...
 *					the index of the pages' <article>s
 *					into DIR, and the time that took
 *					(bench/search.sh)
 *	test_search pairs DIR LANG PAGE.html...
 *					the same index, then every (term,
 *					doc) pair of it, one a line, as
 *					"term<TAB>doc<TAB>marked (0/1)", for
 *					tests/tools/search-pairs.js
 */
#include "search_index.h"
#include "search_split.h"
#include "buf.h"
#include "diag.h"
#include "file.h"
#include "search_text.h"

#include <sys/types.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failed;

static void
S_term(struct search_text *st, const char *word, const char *want)
{
	const char *got = search_text_term(st, word);

	if ((got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0)) {
		printf("PASS search/term-%s\n", word);
		return;
	}
	printf("FAIL search/term-%s: got %s, want %s\n", word,
	    got ? got : "(none)", want ? want : "(none)");
	failed = 1;
}

static void
S_fold(const char *in, const char *want)
{
	char w[64];
	size_t pos = 0, a, b;

	if (search_text_word(in, strlen(in), &pos, w, sizeof(w), &a, &b) &&
	    strcmp(w, want) == 0) {
		printf("PASS search/fold-%s\n", want);
		return;
	}
	printf("FAIL search/fold-%s: got %s\n", want, w);
	failed = 1;
}

static void
S_split(struct search_split *sp, const char *word, const char *want)
{
	const char *got = search_split_parts(sp, word);

	if (strcmp(got, want) == 0) {
		printf("PASS search/split-%s\n", word);
		return;
	}
	printf("FAIL search/split-%s: got '%s', want '%s'\n", word, got, want);
	failed = 1;
}

/* A splitter that loads the dictionary for a share of the words only
 * (search_split_load(), as the index's threads do) splits every word as
 * one that loads it for all: the share's words with the entries their
 * pieces need, any other with the whole dictionary. */
static void
S_split_share(struct search_text *nl)
{
	static const char *w[] = {
		"verkoopplan", "accountplan", "klantportfolio", "portfolio",
		"leadkwalificatie", "kwalificatie", "doelstelling", "doel",
		"verkoopprijzen", "prijzen", "marktanalyse", "analyse",
		"waardepropositie", "propositie", "klantgerichtheid",
		"beslissingseenheid", "eenheid", "zorgsector", "sector",
		"accountmanager", "manager", "funnelfase", "fase",
		"bedrijfsleider", "leider", "offerteaanvraag", "aanvraag",
		"standaard", "diagram", "stoppen", "plan", "klant",
	};
	size_t n = sizeof(w) / sizeof(*w), i, k, share = n / 2;
	struct search_split *all = search_split_new(nl, NULL, NULL);
	struct search_split *some = search_split_new(nl, NULL, NULL);
	struct buf why = { 0 };
	const char *a, *b;

	if (!search_split_has_dict(all)) {
		printf("SKIP search/split-share: no hunspell-nl\n");
		search_split_free(all);
		search_split_free(some);
		return;
	}
	for (i = 0; i < n; i++)
		for (k = 0; k <= i % 3; k++) {
			search_split_count(all, w[i]);
			search_split_count(some, w[i]);
		}
	search_split_load(some, w, share);
	/* the share's words first, then the others: each of those loads
	 * the whole dictionary */
	for (i = 0; i < n; i++) {
		a = search_split_parts(all, w[i]);
		b = search_split_parts(some, w[i]);
		if (strcmp(a, b) != 0)
			buf_printf(&why, " %s: '%s' against '%s'", w[i], b, a);
	}
	if (why.len == 0)
		printf("PASS search/split-share\n");
	else {
		printf("FAIL search/split-share:%s\n", why.data);
		failed = 1;
	}
	buf_free(&why);
	search_split_free(all);
	search_split_free(some);
}

static int
S_dump(const char *lang, const char *path)
{
	struct search_text *st = search_text_new(lang);
	char *line = NULL, w[64];
	const char *t;
	size_t pos, a, b, cap = 0;
	ssize_t n;
	FILE *f = fopen(path, "r");

	if (f == NULL) {
		perror(path);
		return 1;
	}
	/* whole lines, however long: a cut line would cut a word */
	while ((n = getline(&line, &cap, f)) >= 0) {
		pos = 0;
		while (search_text_word(line, (size_t)n, &pos, w,
		    sizeof(w), &a, &b)) {
			t = search_text_term(st, w);
			printf("%s\t%s\n", w, t ? t : "-");
		}
	}
	free(line);
	fclose(f);
	search_text_free(st);
	return 0;
}

static double
S_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
S_pair(void *arg, const char *term, size_t doc, int marked)
{
	fprintf(arg, "%s\t%zu\t%d\n", term, doc, marked);
}

/* The definitions of page i's body as glossary terms, as the site
 * build has them: each <dfn> in a callout with an id, the paragraph
 * after it its text (the round trip needs glossary docs: their bits
 * have a context of their own, search_code_bits()). */
static void
S_gloss(struct search_index *si, int i, const char *body)
{
	const char *a = body, *id, *t, *te, *x, *xe;
	char *sid, *st, *sx;

	while ((a = strstr(a, "id=\"def-")) != NULL) {
		id = a + 4;
		a = strchr(id, '"');
		if (a == NULL || (t = strstr(a, "<dfn>")) == NULL ||
		    (te = strstr(t, "</dfn>")) == NULL ||
		    (x = strstr(te, "<p>")) == NULL ||
		    (xe = strstr(x, "</p>")) == NULL)
			return;
		sid = strndup(id, (size_t)(a - id));
		st = strndup(t + 5, (size_t)(te - t - 5));
		sx = strndup(x + 3, (size_t)(xe - x - 3));
		search_index_gloss(si, (size_t)i, sid, st, sx);
		free(sid);
		free(st);
		free(sx);
		a = xe;
	}
}

/* pairs: print the index's pairs (with the pages' definitions as
 * glossary terms), not the time it took */
static int
S_index(const char *dir, const char *lang, int n, char **pages, int pairs)
{
	struct search_index *si = search_index_new(lang, (size_t)n);
	struct diag_list *dl = diag_list_new();
	struct buf *body = calloc((size_t)n, sizeof(*body));
	char *data, *a, *e;
	size_t len;
	double t0;
	int i, rc;

	for (i = 0; i < n; i++) {
		if ((data = file_read(pages[i], &len, dl)) == NULL)
			continue;
		if ((a = strstr(data, "<article>")) != NULL &&
		    (e = strstr(a, "</article>")) != NULL)
			buf_put(&body[i], a + 9, (size_t)(e - a - 9));
		free(data);
	}
	t0 = S_now();
	for (i = 0; i < n; i++) {
		const char *slash = strrchr(pages[i], '/');

		search_index_chapter(si, (size_t)i, slash ? slash + 1 : pages[i],
		    "", buf_cstr(&body[i]), body[i].len);
	}
	for (i = 0; pairs && i < n; i++)
		S_gloss(si, i, buf_cstr(&body[i]));
	rc = search_index_write(si, dir, dl);
	if (search_index_write_texts(si, dir, dl) != 0)
		rc = -1;
	if (pairs)
		search_index_pairs(si, S_pair, stdout);
	else
		printf("index of %d pages: %.0f ms\n", n, S_now() - t0);
	diag_print(dl, stderr);
	for (i = 0; i < n; i++)
		buf_free(&body[i]);
	free(body);
	search_index_free(si);
	diag_list_free(dl);
	return rc != 0;
}

/*** The page thread's words against search_text_word() ***/

/* Pieces of section text: ASCII words and word pieces, letters beyond
 * ASCII (é, É, ß, ĳ, a combining accent, a soft hyphen), a dash and a
 * no-break space (no letters), digits, punctuation, white space, and
 * runs of 40 letters and 35 digits, so that two in a row make a word
 * longer than the 63 bytes an index word keeps. */
static const char *const S_piece[] = {
	"Sales", "offer", "X", "2026", "ab", " ", " ", "  ", "\n", ", ",
	"-", ".", "'", "\xc3\xa9", "\xc3\x89", "\xc3\x9f", "\xc4\xb3",
	"e\xcc\x81", "co\xc2\xad", "\xe2\x80\x94", "\xc2\xa0", "Caf\xc3\xa9",
	"klantgerichtheidsverbeteringsprogrammaaa",
	"12345678901234567890123456789012345",
};

static unsigned long S_seed = 12345;

static size_t
S_rand(size_t n)
{
	S_seed = S_seed * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)(S_seed >> 33) % n;
}

static void
S_random_text(struct buf *b)
{
	size_t k, n = 1 + S_rand(30);

	buf_reset(b);
	for (k = 0; k < n; k++)
		buf_puts(b, S_piece[S_rand(sizeof(S_piece) /
		    sizeof(*S_piece))]);
}

/* Appends "term<TAB>doc<TAB>marked" lines for each term of s. */
static void
S_want_terms(struct search_text *st, const char *s, size_t doc,
    int marked, struct buf *out)
{
	char w[64];
	const char *t;
	size_t pos = 0, a, b;

	while (search_text_word(s, strlen(s), &pos, w, sizeof(w), &a, &b))
		if ((t = search_text_term(st, w)) != NULL)
			buf_printf(out, "%s\t%zu\t%d\n", t, doc, marked);
}

static void
S_pair_buf(void *arg, const char *term, size_t doc, int marked)
{
	buf_printf(arg, "%s\t%zu\t%d\n", term, doc, marked);
}

static int
S_line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of b sorted, without repeats and without the unmarked line
 * of a term whose marked line is there: the index's pairs are a set,
 * a doc's term marked when its title has it. */
static void
S_pair_set(struct buf *b)
{
	char **v = NULL, *p, *nl;
	size_t n = 0, k, len;
	struct buf out = { 0 };

	for (p = b->data; p != NULL && *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		*nl = '\0';
		v = realloc(v, (n + 1) * sizeof(*v));
		v[n++] = p;
	}
	qsort(v, n, sizeof(*v), S_line_cmp);
	for (k = 0; k < n; k++) {
		len = strlen(v[k]);
		if (k > 0 && strcmp(v[k], v[k - 1]) == 0)
			continue;
		/* "t\td\t0" sorts before "t\td\t1" */
		if (k + 1 < n && strncmp(v[k], v[k + 1], len - 1) == 0 &&
		    v[k + 1][len - 1] == '1' && v[k][len - 1] == '0')
			continue;
		buf_printf(&out, "%s\n", v[k]);
	}
	free(v);
	buf_free(b);
	*b = out;
}

/* Pages of random sections through search_index_chapter(), in English
 * (no compound splitting): the index's pairs must be the terms
 * search_text_word() and search_text_term() find in each section's
 * title and text, which the page thread reads with a fast path of its
 * own for ASCII words (search_index.c, S_text_words()). */
static void
S_index_words(struct search_text *en)
{
	char dir[] = "/tmp/test_search.XXXXXX", path[64];
	struct search_index *si;
	struct diag_list *dl;
	struct buf html = { 0 }, title = { 0 }, text = { 0 };
	struct buf want = { 0 }, got = { 0 };
	size_t i, k, doc = 0, npage = 6, nsect = 5;

	if (mkdtemp(dir) == NULL) {
		printf("FAIL search/index-words: mkdtemp\n");
		failed = 1;
		return;
	}
	si = search_index_new("en", npage);
	dl = diag_list_new();
	for (i = 0; i < npage; i++) {
		buf_reset(&html);
		for (k = 0; k < nsect; k++, doc++) {
			S_random_text(&title);
			S_random_text(&text);
			buf_printf(&html, "<h2 id=\"s%zu\">%s</h2>\n<p>%s</p>\n",
			    k, buf_cstr(&title), buf_cstr(&text));
			/* a title of white space only is the chapter's
			 * (search_index.c, S_sect_add()) */
			S_want_terms(en, strspn(buf_cstr(&title), " \n") ==
			    title.len ? "Page" : buf_cstr(&title), doc, 1,
			    &want);
			S_want_terms(en, buf_cstr(&text), doc, 0, &want);
		}
		search_index_chapter(si, i, "page.html", "Page",
		    buf_cstr(&html), html.len);
	}
	if (search_index_write(si, dir, dl) != 0) {
		printf("FAIL search/index-words: search_index_write\n");
		failed = 1;
	} else {
		search_index_pairs(si, S_pair_buf, &got);
		S_pair_set(&want);
		S_pair_set(&got);
		if (want.len > 0 && got.len == want.len &&
		    memcmp(got.data, want.data, want.len) == 0)
			printf("PASS search/index-words\n");
		else {
			for (k = 0; k < got.len && k < want.len &&
			    got.data[k] == want.data[k]; k++)
				;
			while (k > 0 && want.data[k - 1] != '\n')
				k--;
			printf("FAIL search/index-words: at \"%.60s\", "
			    "want \"%.60s\"\n", got.data + k,
			    want.data + k);
			failed = 1;
		}
	}
	snprintf(path, sizeof(path), "%s/search-index.js", dir);
	remove(path);
	rmdir(dir);
	search_index_free(si);
	diag_list_free(dl);
	buf_free(&html);
	buf_free(&title);
	buf_free(&text);
	buf_free(&want);
	buf_free(&got);
}

/* Sections of random white space around words through
 * search_index_chapter(): their texts in search/0.js must be the text
 * with each run of white space one space, none at the start or end
 * (what search_index.c's S_put() makes of it byte by byte; the page
 * thread takes runs without two spaces in a row whole). */
static void
S_index_spaces(void)
{
	static const char *const piece[] = {
		"ab", "Cd.", " ", "  ", "   ", "\n", "\t", " \n ", "\r\n", ",",
	};
	char dir[] = "/tmp/test_search.XXXXXX", path[64];
	struct search_index *si = search_index_new("en", 1);
	struct diag_list *dl = diag_list_new();
	struct buf html = { 0 }, want = { 0 }, text = { 0 };
	char *got = NULL;
	size_t k, n, p, len = 0;
	const char *c;

	if (mkdtemp(dir) == NULL) {
		printf("FAIL search/index-spaces: mkdtemp\n");
		failed = 1;
		return;
	}
	buf_puts(&want, "SalesgenSearch.text(0,JSON.parse('[");
	for (k = 0; k < 40; k++) {
		buf_reset(&text);
		for (n = 1 + S_rand(12); n > 0; n--)
			buf_puts(&text, piece[S_rand(sizeof(piece) /
			    sizeof(*piece))]);
		buf_printf(&html, "<h2 id=\"s%zu\">T</h2>\n<p>%s</p>\n", k,
		    buf_cstr(&text));
		buf_puts(&want, k > 0 ? ",\"" : "\"");
		p = want.len;
		for (c = buf_cstr(&text); *c != '\0'; c++)
			if (strchr(" \n\t\r", *c) == NULL)
				buf_putc(&want, *c);
			else if (want.len > p && want.data[want.len - 1] != ' ')
				buf_putc(&want, ' ');
		if (want.len > p && want.data[want.len - 1] == ' ')
			want.len--;
		buf_putc(&want, '"');
	}
	buf_puts(&want, "]'),");
	search_index_chapter(si, 0, "page.html", "Page", buf_cstr(&html),
	    html.len);
	snprintf(path, sizeof(path), "%s/search/0.js", dir);
	if (search_index_write_texts(si, dir, dl) == 0)
		got = file_read(path, &len, dl);
	if (got != NULL && len >= want.len &&
	    memcmp(got, want.data, want.len) == 0)
		printf("PASS search/index-spaces\n");
	else {
		for (k = 0; got != NULL && k < len && k < want.len &&
		    got[k] == want.data[k]; k++)
			;
		printf("FAIL search/index-spaces: at byte %zu: \"%.40s\", "
		    "want \"%.40s\"\n", k, got ? got + k : "(no file)",
		    want.data + k);
		failed = 1;
	}
	free(got);
	remove(path);
	snprintf(path, sizeof(path), "%s/search", dir);
	rmdir(path);
	rmdir(dir);
	search_index_free(si);
	diag_list_free(dl);
	buf_free(&html);
	buf_free(&want);
	buf_free(&text);
}

int
main(int argc, char *argv[])
{
	struct search_text *nl, *en;
	struct search_split *sp;

	if (argc == 4 && strcmp(argv[1], "terms") == 0)
		return S_dump(argv[2], argv[3]);
	if (argc >= 4 && strcmp(argv[1], "index") == 0)
		return S_index(argv[2], argv[3], argc - 4, argv + 4, 0);
	if (argc >= 4 && strcmp(argv[1], "pairs") == 0)
		return S_index(argv[2], argv[3], argc - 4, argv + 4, 1);
	nl = search_text_new("nl");
	en = search_text_new("en");
	/* rules N on top of Snowball (design/search.md) */
	S_term(nl, "plannen", "plan");
	S_term(nl, "plan", "plan");
	S_term(nl, "bedrijven", "bedrijf");
	S_term(nl, "bedrijf", "bedrijf");
	S_term(nl, "prijzen", "prijs");
	S_term(nl, "prijs", "prijs");
	S_term(nl, "offertes", "offert");
	S_term(nl, "offerte", "offert");
	S_term(nl, "acties", "actie");
	S_term(nl, "de", NULL);
	S_term(nl, "x", NULL);
	S_term(nl, "2026", "2026");
	S_term(en, "running", "run");
	S_term(en, "generously", "generous");
	S_term(en, "the", NULL);
	S_fold("Café", "cafe");
	S_fold("\xc4\xb3sje", "ijsje");	/* the ĳ ligature */
	S_fold("Stra\xc3\x9f" "e", "strasse");
	S_fold("co\xc2\xad" "\xc3\xb6peratie", "cooperatie");	/* soft hyphen */
	S_index_words(en);
	S_index_spaces();
	sp = search_split_new(nl, NULL, NULL);
	if (search_split_has_dict(sp)) {
		S_split(sp, "verkoopplan", "verkoop plan");
		S_split(sp, "verkoopprijzen", "verkoop prijzen");
		S_split(sp, "stoppen", "");
		S_split(sp, "standaard", "");
		S_split(sp, "verkoop", "");
	} else
		printf("SKIP search/split: no hunspell-nl\n");
	search_split_free(sp);
	S_split_share(nl);
	/* without a dictionary, the site's own words */
	sp = search_split_new(nl, "/nonexistent.aff", "/nonexistent.dic");
	search_split_count(sp, "tabel");
	search_split_count(sp, "tabel");
	search_split_count(sp, "cel");
	search_split_count(sp, "cel");
	search_split_count(sp, "tabelcel");
	S_split(sp, "tabelcel", "tabel cel");
	search_split_free(sp);
	search_text_free(nl);
	search_text_free(en);
	return failed;
}
