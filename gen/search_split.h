/*
 * search_split — Dutch compounds into their parts for the search index:
 * "verkoopplan" is found by "plan", "verkoopprijzen" by "prijs".
 *
 * Two sources of evidence (design/search.md): the OpenTaal dictionary of
 * hunspell-nl, which marks the words that may begin or end a compound,
 * and the site's own words (Koehn & Knight): a split whose two parts
 * occur on their own more often than the whole does.  Without the
 * dictionary only the second is used.  Results are cached per word.
 */
#ifndef SALESGEN_SEARCH_SPLIT_H
#define SALESGEN_SEARCH_SPLIT_H

#include <stddef.h>

struct search_text;

/* A splitter that uses the dictionary at aff/dic (NULL: hunspell-nl's
 * own place), stemming with st (kept, not owned).  The dictionary is
 * loaded at the first question, for the words counted by then
 * (dict_open_words()); a question about another word loads the whole
 * one (dict_open()), so the answers never depend on it.  Free with
 * search_split_free(). */
struct search_split *search_split_new(struct search_text *st,
	    const char *aff, const char *dic);
void	search_split_free(struct search_split *);

/* 1 when the dictionary was found; the path of its .dic file. */
int	search_split_has_dict(const struct search_split *);
const char *search_split_dict(const struct search_split *);

/* Counts one occurrence of a folded word of the site; every word is
 * counted before the first search_split_parts(). */
void	search_split_count(struct search_split *, const char *word);
/* Counts n occurrences at once. */
void	search_split_add(struct search_split *, const char *word, size_t n);

/* Loads the dictionary now for words[0..n) (folded, counted) only: a
 * splitter of its own for a share of the site's words, on a thread of
 * its own, each with every word counted first (search_index.c).  Asked
 * about another word, it loads the whole dictionary, so that the
 * answers never depend on the share.  Nothing once it is loaded. */
void	search_split_load(struct search_split *, const char *const *words,
	    size_t n);

/* The parts of a folded word, separated by spaces ("verkoop prijzen"),
 * whole parts before their own parts; "" when the word is no compound.
 * The string belongs to the splitter. */
const char *search_split_parts(struct search_split *, const char *word);

#endif
