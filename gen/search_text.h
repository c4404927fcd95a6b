/*
 * search_text — words to index terms for the site search, the same way the
 * page's search.js turns a query into terms (templates/site/search.js;
 * tests/search-terms.sh proves the two agree on every word of a site).
 *
 * A word is a run of letters and digits; it is lower-cased, its accents
 * are folded (é → e, ĳ → ij, ß → ss), stop words are dropped, and the
 * rest is stemmed: Snowball "dutch" plus rules N (design/search.md) for
 * Dutch, Snowball "english" for English.
 */
#ifndef SALESGEN_SEARCH_TEXT_H
#define SALESGEN_SEARCH_TEXT_H

#include <stddef.h>

struct search_text;

/* A stemmer for lang ("en" for English; anything else is Dutch).  Not to
 * be shared between threads.  Free with search_text_free(). */
struct search_text *search_text_new(const char *lang);
void	search_text_free(struct search_text *);

/* The next word of s[0..len) from *pos: its folded form into word
 * (NUL-terminated, at most wsize - 1 bytes; a longer word is cut),
 * *start and *end set to its bytes in s.  Returns 0 at the end of s. */
int	search_text_word(const char *s, size_t len, size_t *pos,
	    char *word, size_t wsize, size_t *start, size_t *end);

/* The index term of a folded word, or NULL for a word that is no term
 * (a stop word, one letter).  The result lives in st until the next
 * call. */
const char *search_text_term(struct search_text *, const char *word);

/* 1 if the folded word is a stop word of st's language. */
int	search_text_stop(const struct search_text *, const char *word);

#endif
