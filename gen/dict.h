/*
 * dict — the process's hunspell dictionaries: each loaded once, shared by
 * every user (the site search's compound splitter, the register's for the
 * site and for both PDF editions), and freed when the process exits.
 *
 * Loading hunspell-nl costs more CPU than cmark-gfm's whole run over a
 * 200-chapter course (about 70 ms); loading it once per user made the
 * site build pay it twice and a whole build four times.  With threads
 * (-j > 1) dict_preload() loads it on a thread of its own while the
 * chapters parse.
 *
 * A dictionary belongs to this module, never to its users: they keep the
 * pointer dict_open() gave them and never free it.  Every function may be
 * called from any thread; hunspell's own lookups are not made for
 * threads, so dict_spell() takes one lock.
 */
#ifndef SALESGEN_DICT_H
#define SALESGEN_DICT_H

struct dict;

/* Starts loading the dictionary at aff/dic (NULL: hunspell-nl's own
 * place) on a thread of its own, unless it is loaded or loading.  Only
 * for a run that may start threads (-j > 1): -j 1 starts none. */
void	dict_preload(const char *aff, const char *dic);

/* The dictionary at aff/dic (NULL: hunspell-nl's own place): loaded by
 * the first call for these paths (or taken from dict_preload()'s thread,
 * waiting for it), or NULL when its files are not there.  The module
 * owns it until the process exits. */
struct dict *dict_open(const char *aff, const char *dic);

/* 1 when hunspell knows word (UTF-8) as a word, 0 otherwise. */
int	dict_spell(struct dict *, const char *word);

#endif
