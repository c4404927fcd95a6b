/*
 * search_subset — which terms' docs are all among another term's: the
 * candidates of the search index's "terms within terms"
 * (search_index.c, S_derive()), which picks the ones worth writing.
 *
 * A term's docs are a sorted list; the question is asked for every
 * pair of terms that share a doc, which on a 200-chapter course was a
 * binary search per doc and a sixth of the whole site build.  This
 * module answers it with a bitmap of the docs of each term that is in
 * many docs (the likely supersets) and a merge walk for the others.
 * It owns nothing after it returns but the pairs it hands over.
 */
#ifndef SALESGEN_SEARCH_SUBSET_H
#define SALESGEN_SEARCH_SUBSET_H

#include <stddef.h>
#include <stdint.h>

struct search_pair {
	uint32_t part, whole;	/* whole's docs are all among part's */
};

/*
 * Every pair (part, whole) of the terms 0 .. nterms-1 where whole is in
 * at least two docs, all of them docs of part, and part is in more docs
 * than whole, or in as many and has a lower number (so that no term is
 * its own part, however indirectly).  Term t's docs are
 * docs[from[t] .. from[t + 1]), ascending, without repeats, each below
 * ndocs.  Returns the number of pairs, in no promised order; *out gets
 * them (NULL when there are none), for the caller to free().
 */
size_t	search_subsets(const uint32_t *docs, const size_t *from,
	    size_t nterms, size_t ndocs, struct search_pair **out);

#endif
