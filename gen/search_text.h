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
#include <stdint.h>

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

/* The longest folded word search_text_words() gives, with its NUL: a
 * longer one is cut, as search.js cuts it. */
#define SEARCH_WORD_MAX	64

/* FNV-1a of s: the hash search_text_words() gives a word. */
uint64_t search_text_hash(const char *s);

/* Calls f(arg, word, n, h) for each word of s[0..len), in order: the
 * words search_text_word() reads into a SEARCH_WORD_MAX buffer (folded,
 * NUL-ended, n bytes), h their search_text_hash().  An ASCII word ended
 * by an ASCII byte or the text's end, nearly every word of a page, is
 * folded and hashed in one pass; at a byte beyond ASCII
 * search_text_word() reads on.  The search index and the register read
 * pages through it. */
void	search_text_words(const char *s, size_t len,
	    void (*f)(void *arg, const char *word, size_t n, uint64_t h),
	    void *arg);

/* The index term of a folded word, or NULL for a word that is no term
 * (a stop word, one letter).  The result lives in st until the next
 * call. */
const char *search_text_term(struct search_text *, const char *word);

/* 1 if the folded word is a stop word of st's language. */
int	search_text_stop(const struct search_text *, const char *word);

#endif
