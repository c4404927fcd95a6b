/*
 * site_register — the site's register page (register.html): every term
 * of the course's register (register.h) with links to the sections
 * (heading anchors) of the chapter pages where it occurs, the section
 * that defines it marked.
 *
 * site.c hands in each chapter's page body as it renders it, then asks
 * for the values of the page's template (templates/site/register.html).
 */
#ifndef SALESGEN_SITE_REGISTER_H
#define SALESGEN_SITE_REGISTER_H

#include <stddef.h>

#include "course.h"
#include "search_index.h"
#include "val.h"

struct site_reg;

/* The register of course c, or NULL when it lists no term.  The course
 * must outlive it.  Free with site_reg_free(). */
struct site_reg *site_reg_new(const struct course *c);
void	site_reg_free(struct site_reg *);

/* Chapter i's page body (HTML as html_render() wrote it, a string:
 * html[len] is '\0'): its sections, one per heading with an id, and
 * their words (read here, so in the chapter's own job), from w when
 * not NULL (the search index's reading of the same body,
 * search_index_words(): the same words, not folded again).  Threads
 * may hand in different chapters at once. */
void	site_reg_chapter(struct site_reg *, size_t i, const char *html,
	    size_t len, const struct search_words *w);

/* Once every chapter is in: the template's "letters" (a new list the
 * caller frees): per initial a letter, an id and entries, each with its
 * term, sub (set for a subentry) and links (href from the site's root,
 * text, def for the defining section, last). */
struct val *site_reg_letters(struct site_reg *);

#endif
