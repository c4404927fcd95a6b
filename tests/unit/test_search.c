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
