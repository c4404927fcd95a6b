/*
 * dict_filter — the entries of a hunspell dictionary that can take part
 * in spelling strings of a known shape, so that hunspell loads those
 * instead of all of them.
 *
 * Loading all of hunspell-nl (180,000 entries) costs more CPU than
 * cmark-gfm's whole run over a 200-chapter course, and then the freeing
 * at exit; the compound splitter (search_split.h) asks it about a few
 * thousand strings, each a piece of a word of the site, or such a piece
 * after "klant" or before "piramide".  hunspell matches an entry's root
 * literally but for what an affix strips from either end of it (and the
 * input conversions of ICONV): an entry whose root, less the most its
 * affixes may strip, occurs in none of the strings that may be asked
 * cannot change an answer.  This module keeps the others.
 *
 * It only filters dictionaries whose .aff it understands (FLAG long or
 * single-byte flags, no AF/AM aliases, no IGNORE, no
 * CHECKCOMPOUNDPATTERN replacements); for any other it says so and the
 * caller loads the dictionary whole.  Every kept line is the .dic's own.
 */
#ifndef SALESGEN_DICT_FILTER_H
#define SALESGEN_DICT_FILTER_H

#include <stddef.h>

struct buf;

/*
 * The .dic text (count line first) of the entries of aff/dic that can
 * take part in spelling any string s1 + w + s2, w a piece of one of
 * words[0..n) (UTF-8), s1 a piece at the end of pre, s2 one at the start
 * of post (pre and post may be NULL), into out (appended).  *kept gets
 * the number of entries kept.  Returns 0, or -1 when the files cannot be
 * read or the .aff uses what this module does not know (out is then
 * unchanged).
 */
int	dict_filter(const char *aff, const char *dic,
	    const char *const *words, size_t n, const char *pre,
	    const char *post, struct buf *out, size_t *kept);

/*
 * The same in two steps, the first not depending on what is asked: the
 * core of every entry of aff/dic (dict_cores_new(); NULL as -1 above;
 * free with dict_cores_free()), then the entries some strings need
 * (dict_cores_select(), as dict_filter()).  A dict_cores is only read
 * by dict_cores_select(): threads may share one.
 */
struct dict_cores;
struct dict_cores *dict_cores_new(const char *aff, const char *dic);
void	dict_cores_select(const struct dict_cores *,
	    const char *const *words, size_t n, const char *pre,
	    const char *post, struct buf *out, size_t *kept,
	    struct buf *aff);
void	dict_cores_free(struct dict_cores *);
/*
 * With aff not NULL, dict_cores_select() also appends the .aff text to
 * load with those entries: the .aff less what only hunspell's
 * suggestions read (REP, MAP, KEY, TRY, PHONE), as the splitters only
 * spell, and less the CHECKCOMPOUNDPATTERN lines whose strings no string
 * asked holds end to end (hunspell tries every one wherever a compound
 * may split).
 */

#endif
