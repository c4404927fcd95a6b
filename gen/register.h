/*
 * register — the register (back-of-book index) of a course: which terms
 * it lists, in which order, and where running text mentions them.
 *
 * The terms are every glossary definition (course.gloss) and what the
 * chapters list under `register:` in their front matter: "piramide" or
 * "piramide > klanten-", a subentry under a main term (a trailing '-'
 * stands for the main term: "klanten-" is "klantenpiramide", a leading
 * one before it).  Occurrences are found the way the site search finds
 * words (search_text.h, search_split.h): folded and stemmed, compounds
 * split, so "verkoopplannen" counts for "plan".  A word counts when its
 * stem is the term's and it keeps all but the last two letters of the
 * term at most: an inflection ("klantvoordelen", "prijzen"), not a
 * derivation the stemmer conflates ("positioneren" for "positionering",
 * "klantgericht" for "klantgerichtheid").  A subentry written without
 * '-' counts where both it and its main term occur.
 *
 * The back ends own the pages: the PDF hands in each page's text, the
 * site each section's (read in the chapter's own job), through a
 * struct reg_text each, then reg_match(); the register records the page
 * numbers it was given.  reg_count() and reg_page() do the same a page
 * at a time.
 */
#ifndef SALESGEN_REGISTER_H
#define SALESGEN_REGISTER_H

#include <stddef.h>
#include <stdint.h>

#include "course.h"

struct search_text;
struct search_split;

#define REG_PATS	2	/* words to find per entry, at most */

struct reg_entry {
	char	*term;		/* main term as written; owned */
	char	*sub;		/* subentry as written, or NULL; owned */
	char	*key;		/* sort key (reg_key), main then sub; owned */
	char	*pat[REG_PATS];	/* stems to find, space-separated, or NULL;
				   owned */
	char	*fold[REG_PATS];	/* their words folded, the same way */
	long	 def_ch;	/* chapter of its definition, -1 none */
	const char *def_id;	/* the definition's anchor (the course's) */
	long	*pages;		/* where it occurs, ascending; owned */
	size_t	 npages;
	long	 bold;		/* the definition's page, -1 none (set by
				   the back end) */
	int	 hit;		/* S_page()'s state: patterns found */
};

struct reg {
	struct reg_entry	*e;	/* sorted (reg_key) */
	size_t			 n;
	struct search_text	*st;
	struct search_split	*sp;
	struct reg_words	*words;	/* each word's stem and parts, by
					   word; private to register.c */
};

/* The register of course c (scanned): its entries sorted, no pages yet.
 * NULL when the course lists no term.  Free with reg_free(). */
struct reg *reg_new(const struct course *c);
void	reg_free(struct reg *);

/* The Dutch sort key of a term: accents folded, case, spaces and
 * punctuation (apostrophes) ignored, a leading "'s-" or "'t " dropped,
 * "ij" (and "ĳ") as i then j, digits before letters.  Caller frees. */
char	*reg_key(const char *term);

/* Counts the words of a page for the compound splitter; every page is
 * counted before the first reg_page(). */
void	reg_count(struct reg *, const char *text, size_t len);

/* Records page (a number the back end chooses, ascending from call to
 * call) for every entry that occurs in text. */
void	reg_page(struct reg *, const char *text, size_t len, long page);

/* The words of some pages, read once: each page's words as numbers into
 * the pages' own table of folded words (each kept once, with its
 * count).  Reading needs no struct reg, so that one thread per chapter
 * reads its pages while others read theirs; reg_match() then stems,
 * splits and matches every distinct word once.  Free with
 * reg_text_free(). */
struct reg_text *reg_text_new(void);
void	reg_text_free(struct reg_text *);

/* Adds the words of s[0..len) to the page being read: they are the
 * words search_text_word() finds there.  A word never runs from one
 * call into the next: the caller cuts only where no word goes on (at
 * a tag or an entity of HTML, which the register reads as a space). */
void	reg_text_words(struct reg_text *, const char *s, size_t len);

/* Adds folded word w[0..n) (a word search_text_word() gives, w[n] is
 * '\0') to the page being read; returns its number in t, with which
 * reg_text_again() adds the same word again without finding it. */
uint32_t reg_text_word(struct reg_text *, const char *w, size_t n);
void	reg_text_again(struct reg_text *, uint32_t num);

/* Ends the page being read (one without words too); returns how many
 * pages t has. */
size_t	reg_text_page(struct reg_text *);

/* Counts the words of every page of t[0..n) for the compound splitter,
 * then records the pages where each entry occurs: page k of t[i] is
 * first[i] + k (ascending over the whole). */
void	reg_match(struct reg *, struct reg_text *const *t, const long *first,
	    size_t n);

/* Adds page to e (kept ascending, no doubles). */
void	reg_add_page(struct reg_entry *e, long page);

/* The page list of e as ranges: from[i]..to[i] (equal for one page), the
 * bold page on its own.  Returns how many; from and to have room for
 * e->npages. */
size_t	reg_ranges(const struct reg_entry *e, long *from, long *to);

#endif
