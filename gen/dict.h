/*
 * dict — hunspell dictionaries for the compound splitters (the site
 * search's, the register's for the site and for both PDF editions).
 *
 * Loading all of hunspell-nl costs more CPU than cmark-gfm's whole run
 * over a 200-chapter course (about 70 ms, and a fifth of that again to
 * free it), while a splitter asks about a few thousand pieces of the
 * site's words.  So a splitter loads a dictionary of its own with only
 * the entries those pieces can need, and the .aff less the lines that
 * cannot change how it spells them (dict_open_words(), dict_filter.h),
 * loaded once it knows the site's words and freed by it.  What that
 * filter needs whatever the words (each entry's core) is made once per
 * process, by the first splitter or ahead of it (dict_prepare()), and
 * kept.  The whole dictionary (dict_open()) is loaded once per process,
 * for a splitter asked about a word it did not load for.  Both belong
 * to this module until the process exits.
 *
 * Every function may be called from any thread; hunspell's own lookups
 * are not made for threads, so dict_spell() takes one lock for the
 * process's shared dictionaries (a caller's own is used by one thread
 * at a time).
 */
#ifndef SALESGEN_DICT_H
#define SALESGEN_DICT_H

#include <stddef.h>

struct dict;

/* The whole dictionary at aff/dic (NULL: hunspell-nl's own place):
 * loaded by the first call for these paths (another thread's call
 * waits for it), or NULL when its files are not there.  The module owns
 * it until the process exits. */
struct dict *dict_open(const char *aff, const char *dic);

/* 1 when the files of the dictionary at aff/dic (NULL: hunspell-nl's)
 * are there to be read; loads nothing. */
int	dict_exists(const char *aff, const char *dic);

/*
 * A dictionary of the caller's own, for lookups of strings s1 + w + s2
 * only (w a piece of one of words[0..n), s1 a piece at the end of pre,
 * s2 one at the start of post): hunspell loads only the entries of
 * aff/dic that can take part in those (dict_filter.h), a few thousand
 * instead of 180,000.  When the dictionary cannot be filtered, the
 * process's whole one (dict_open()).  NULL when its files are not there.
 * Free with dict_free(), which leaves the process's own alone.
 */
struct dict *dict_open_words(const char *aff, const char *dic,
	    const char *const *words, size_t n, const char *pre,
	    const char *post);
void	dict_free(struct dict *);

/* Makes what dict_open_words() needs of aff/dic whatever the words (the
 * entries' cores, dict_filter.h), unless another thread makes or made
 * it: a thread with nothing to do at the moment does it before a
 * splitter asks.  Kept until the process exits. */
void	dict_prepare(const char *aff, const char *dic);

/* 1 when hunspell knows word (UTF-8) as a word, 0 otherwise. */
int	dict_spell(struct dict *, const char *word);

#endif
