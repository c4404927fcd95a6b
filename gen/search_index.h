/*
 * search_index — the site search's index: one entry per section of every
 * chapter (its heading's anchor) and per glossary term, written as
 * classic scripts that work from disk (file://), where fetch() and
 * modules do not:
 *
 *	search-index.js		chapters, terms and postings
 *	search-index-N.js	a shard of the terms of a large site
 *	search/N.js		chapter N's section titles, anchors and
 *				texts, for the results and their snippets
 *
 * The page's search.js reads them (templates/site/search.js).  Terms are
 * search_text's, plus the parts of Dutch compounds (search_split).
 */
#ifndef SALESGEN_SEARCH_INDEX_H
#define SALESGEN_SEARCH_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct search_index;

/* An empty index for nch chapters of a site in lang.  Free with
 * search_index_free(). */
struct search_index *search_index_new(const char *lang, size_t nch);
void	search_index_free(struct search_index *);

/* Chapter i's page body (HTML, as html_render() wrote it) at url (from
 * the site's root), titled title: one section per heading with an id.
 * Threads may add different chapters at once. */
void	search_index_chapter(struct search_index *, size_t i, const char *url,
	    const char *title, const char *html, size_t len);

/* Numbers the words of chapter i, and of every chapter before it not
 * numbered yet, in the site's tables (the order of numbers follows the
 * chapters, so the bytes do not depend on the threads): on the owning
 * thread, in chapter order, each after its search_index_chapter() and
 * search_index_lang(), while the threads make later pages, so that
 * search_index_write() (which numbers the rest) starts with it done.
 * Optional. */
void	search_index_number(struct search_index *, size_t i);

/* search_index_write() may run n threads of its own (-j): it splits
 * the Dutch compounds on two when the site has words enough, and makes
 * the terms' lines on two when it has terms enough (the same bytes
 * either way).  Unset: 1, no thread. */
void	search_index_threads(struct search_index *, int n);

/* Chapter i's words as search_index_chapter() read them, for the
 * register (site_register.c), which reads the same words from a
 * heading up to the next one when the page has nothing the two read
 * otherwise (only the entities &amp; &lt; &gt; &quot; &#39;, no script
 * or style, no tag with a '<' in it or without its '>', no heading
 * inside a heading or without words, heading links of "#" only, no
 * NUL): tok has, per section, the numbers of its title's words, then
 * UINT32_MAX, then its text's, then UINT32_MAX; lead is 1 when the
 * first section is the text before the first heading (not the
 * register's).  Returns 0 and sets *w, or -1 (read the page then).  On
 * the thread that made chapter i's page, before search_index_number()
 * numbers it; w lives as long as that. */
struct search_words {
	const uint32_t			*tok;
	size_t				 ntok, nword, nsect;
	int				 lead;
	const struct search_index	*si;
	size_t				 ci;
};
int	search_index_words(const struct search_index *, size_t i,
	    struct search_words *w);

/* Word k (< w->nword) of w, folded as search_text_word() folds it,
 * NUL-ended, its length in *len; it lives as long as w. */
const char *search_words_word(const struct search_words *w, uint32_t k,
	    size_t *len);

/* Chapter i is in lang ("en" or "nl"; NULL: the site's): an English
 * chapter's words get the English stemmer's terms and no compound
 * splitting.  Call before search_index_write(). */
void	search_index_lang(struct search_index *, size_t i, const char *lang);

/* A glossary term defined in chapter i at anchor id. */
void	search_index_gloss(struct search_index *, size_t i, const char *id,
	    const char *term, const char *text);

/* Writes search-index.js and its shards into outdir (search/N.js:
 * search_index_write_texts()).  Returns 0, or -1 after adding
 * diagnostics. */
int	search_index_write(struct search_index *, const char *outdir,
	    struct diag_list *);

/* Writes search/N.js, each chapter's texts, titles and anchors, into
 * outdir (search_index_write() writes the rest).  May run on another
 * thread while search_index_write() runs.  Returns 0, or -1 after adding
 * diagnostics. */
int	search_index_write_texts(const struct search_index *,
	    const char *outdir, struct diag_list *);

/* After search_index_write(): f(arg, term, doc, marked) for each term
 * of each doc, docs numbered as search.js numbers them (every chapter's
 * sections in order, then the glossary terms), marked when the term is
 * in the heading or is the glossary term.  For the tests' round trip
 * through search.js (tests/tools/search-pairs.js). */
void	search_index_pairs(const struct search_index *,
	    void (*f)(void *arg, const char *term, size_t doc, int marked),
	    void *arg);

/* The label of the search box in lang (labels.txt's "search"). */
const char *search_label(const char *lang);

#endif
