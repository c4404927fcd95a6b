/*
 * test_dict — a dictionary loaded for some words only (dict_open_words(),
 * dict_filter()) answers every question the compound splitter may ask
 * about them as the whole dictionary does, and is a small part of it.
 *
 *	test_dict		the words below
 *	test_dict FILE		also every word of FILE, one a line (folded,
 *				as search_text_word() makes them)
 *
 * The questions: every piece of a word, every start of it before
 * "piramide", every end of it after "klant" (search_split.c).  Needs
 * hunspell-nl; says SKIP without it.
 */
#define _GNU_SOURCE	/* memfd_create() */
#include "dict.h"
#include "dict_filter.h"
#include "buf.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Inflections whose root loses letters (bedrijf|ven, prijs|zen), roots
 * with the ĳ ligature, compounds with and without a linking s, number
 * words of COMPOUNDRULE, a word pair of the dictionary ("aan laat"),
 * compounds that a CHECKCOMPOUNDPATTERN of the .aff forbids (a filter
 * that drops one they need answers differently). */
static const char *S_words[] = {
	"bedrijven", "verkoopprijzen", "prijzen", "klantvoordelen",
	"accountplannen", "offertes", "leadkwalificatie", "doelstelling",
	"bedrijfsleider", "ijsje", "vrijdag", "kortingsstructuur",
	"klanttevredenheid", "marketingafdeling", "verkoopplan",
	"eenentwintig", "vijfhonderd", "achtjarig", "aanlaat", "meegenomen",
	"buitendienstmedewerker", "concurrentiepositie", "gespreksverslag",
	"orderfrequentie", "servicegraad", "prijsafspraak", "piramidemodel",
	"klantenpiramide", "stoppen", "standaard", "diagram", "wijzigingen",
	"beslissingseenheid", "vestigingsmanager", "onderhandelingen",
	"salesteam", "crm", "2026", "koffie",
	/* compounds a CHECKCOMPOUNDPATTERN forbids */
	"klantleverancier", "hartlongmachine", "woonwerkverkeer",
	"vraagaanbod", "wolkenloos", "subsidiering", "bioskoop",
	"studentdocent", "steppijn", "bakkeren"
};

/* The questions about w into q (NUL-separated). */
static void
S_questions(const char *w, struct buf *q)
{
	size_t n = strlen(w), a, b;

	for (a = 0; a < n; a++)
		for (b = a + 1; b <= n; b++) {
			buf_put(q, w + a, b - a);
			buf_putc(q, '\0');
		}
	for (a = 1; a < n; a++) {
		buf_put(q, w, a);
		buf_puts(q, "piramide");
		buf_putc(q, '\0');
		buf_puts(q, "klant");
		buf_puts(q, w + a);
		buf_putc(q, '\0');
	}
}

/* A file of text in memory, named by *path (room for 64): its fd. */
static int
S_memfile(const char *text, char *path)
{
	int fd = memfd_create("test-dict", MFD_CLOEXEC);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		return -1;
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	return fd;
}

/* Entries that only a string across "klant" and a word, or a word and
 * "piramide", holds ("klantxq", "xqpiramide" for the word "xq"): a
 * filter that keeps an entry only for what the word itself holds drops
 * them, and hunspell answers differently. */
static void
S_junctions(void)
{
	static const char *q[] = { "klantxq", "xqpiramide", "tx", "xq" };
	const char *words[] = { "xq" };
	char aff[64], dic[64];
	struct dict *all, *some;
	struct buf reasons = { 0 };
	int fa, fd;
	size_t i;

	fa = S_memfile("SET UTF-8\n", aff);
	fd = S_memfile("2\nklantxq\nxqpiramide\n", dic);
	if (fa < 0 || fd < 0) {
		check_verdict("dict", "across klant and a word", 0,
		    "no memory file\n");
		return;
	}
	all = dict_open(aff, dic);
	some = dict_open_words(aff, dic, words, 1, "klant", "piramide");
	for (i = 0; i < sizeof(q) / sizeof(*q); i++)
		if (all == NULL || some == NULL ||
		    dict_spell(all, q[i]) != dict_spell(some, q[i]))
			buf_printf(&reasons, "\"%s\": not as the whole "
			    "dictionary says\n", q[i]);
	if (all != NULL && (!dict_spell(all, "klantxq") ||
	    dict_spell(all, "tx")))
		buf_puts(&reasons, "hunspell does not read the test's "
		    "dictionary\n");
	check_verdict("dict", "across klant and a word", reasons.len == 0,
	    reasons.len ? buf_cstr(&reasons) : NULL);
	dict_free(some);
	buf_free(&reasons);
	close(fa);
	close(fd);
}

int
main(int argc, char *argv[])
{
	struct dict *all, *some;
	struct buf q = { 0 }, reasons = { 0 }, text = { 0 }, file = { 0 };
	const char **words;
	size_t n = sizeof(S_words) / sizeof(*S_words), i, asked = 0, kept;
	size_t nw = 0;
	const char *p;
	char *line, *next;

	if (!dict_exists(NULL, NULL)) {
		printf("SKIP dict: no hunspell-nl\n");
		return 0;
	}
	words = calloc(n + 1, sizeof(*words));
	for (i = 0; i < n; i++)
		words[nw++] = S_words[i];
	if (argc == 2) {
		FILE *fp = fopen(argv[1], "r");
		char chunk[4096];
		size_t r;

		if (fp == NULL) {
			perror(argv[1]);
			return 2;
		}
		while ((r = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_put(&file, chunk, r);
		fclose(fp);
		buf_putc(&file, '\0');
		for (line = file.data; *line != '\0'; line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			else
				next = line + strlen(line);
			if (*line == '\0')
				continue;
			words = realloc(words, (nw + 1) * sizeof(*words));
			words[nw++] = line;
		}
	}
	for (i = 0; i < nw; i++)
		S_questions(words[i], &q);

	/* the same answers */
	all = dict_open(NULL, NULL);
	some = dict_open_words(NULL, NULL, words, nw, "klant", "piramide");
	for (p = q.data; p < q.data + q.len; p += strlen(p) + 1, asked++)
		if (dict_spell(all, p) != dict_spell(some, p) &&
		    reasons.len < 2000)
			buf_printf(&reasons, "\"%s\": %s, loaded for the words "
			    "%s\n", p, dict_spell(all, p) ? "a word" : "none",
			    dict_spell(some, p) ? "a word" : "none");
	buf_printf(&text, "same answers (%zu questions, %zu words)", asked,
	    nw);
	check_verdict("dict", buf_cstr(&text), reasons.len == 0,
	    reasons.len ? buf_cstr(&reasons) : NULL);
	dict_free(some);

	/* each word alone: the fewest entries kept, so that a filter
	 * that drops one it must not (a pair of letters across "klant"
	 * and the word, say) answers differently */
	buf_reset(&reasons);
	for (i = 0; i < n; i++) {
		buf_reset(&q);
		S_questions(S_words[i], &q);
		some = dict_open_words(NULL, NULL, &S_words[i], 1, "klant",
		    "piramide");
		for (p = q.data; p < q.data + q.len; p += strlen(p) + 1)
			if (dict_spell(all, p) != dict_spell(some, p) &&
			    reasons.len < 2000)
				buf_printf(&reasons, "\"%s\": %s, loaded for "
				    "\"%s\" alone\n", p, dict_spell(all, p) ?
				    "a word" : "none", S_words[i]);
		dict_free(some);
	}
	check_verdict("dict", "same answers, each word alone",
	    reasons.len == 0, reasons.len ? buf_cstr(&reasons) : NULL);

	S_junctions();

	/* and a small part of the dictionary: what makes it worth it */
	buf_reset(&text);
	buf_reset(&reasons);
	if (dict_filter("/usr/share/hunspell/nl.aff",
	    "/usr/share/hunspell/nl.dic", S_words, n, "klant", "piramide",
	    &text, &kept) != 0)
		buf_puts(&reasons, "hunspell-nl's .aff not understood\n");
	else if (kept == 0 || kept > 10000)
		buf_printf(&reasons, "kept %zu entries of 180,000\n", kept);
	check_verdict("dict", "few entries kept", reasons.len == 0,
	    reasons.len ? buf_cstr(&reasons) : NULL);

	/* what it does not know, it does not filter */
	buf_reset(&text);
	check_verdict("dict", "no .aff, no filter",
	    dict_filter("/nonexistent.aff", "/usr/share/hunspell/nl.dic",
	    S_words, n, NULL, NULL, &text, &kept) == -1 && text.len == 0,
	    NULL);
	buf_free(&q);
	buf_free(&reasons);
	buf_free(&text);
	buf_free(&file);
	free(words);
	return check_failed != 0;
}
