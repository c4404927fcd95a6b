/*
 * search_code — the codes of the site search's index, as text that
 * needs no separators: numbers in base 32 (search_code_num()), a list
 * of docs in Rice code (search_code_rice()), and a term's docs as bits
 * in a range code with a context model (search_code_bits()).  Writes
 * only; templates/site/search.js decodes them, in step with this.  The
 * caller owns every buffer and array.
 */
#ifndef SALESGEN_SEARCH_CODE_H
#define SALESGEN_SEARCH_CODE_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* The 64 digits, 0-31 a number's inner ones and 32-63 its last ones;
 * none is a separator of the index's lines (",", ";", "\n"). */
extern const char search_code_digit[65];

/* v in base 32, its last digit from the second alphabet. */
void	search_code_num(struct buf *, unsigned long v);

/* The docs v[0..n) (ascending, n > 0) in Rice code. */
void	search_code_rice(struct buf *, const uint32_t *v, size_t n);

/*
 * What search_code_bits() predicts a doc's bit from, known to search.js
 * before it decodes a term: the docs are the sections [0, nsec), a
 * chapter's in order, then the glossary terms [nsec, ndocs).
 */
struct search_code_model {
	size_t		 nsec, ndocs;
	const uint8_t	*cls;	/* a section's size class, 0-2 */
	const uint8_t	*first;	/* 1: a section first in its chapter */
	const uint32_t	*def;	/* glossary term g's section: def[g],
				 * UINT32_MAX for none */
};

/* The bits bit[0..ndocs) in the range code, after ".": 0 or 1, or 2
 * for a doc known to be 1 (search.js knows it before: not written).
 * 0; or -1, nothing written, when that would be limit characters or
 * more (the coding stops as soon as it knows: a caller with a shorter
 * code at hand pays only for one that can win). */
int	search_code_bits(struct buf *, const struct search_code_model *,
	    const uint8_t *bit, size_t limit);

/* Which docs of a term's doc[0..n) are marked (mark[k], 0 or 1), in
 * the range code; 0, or -1 as search_code_bits() for limit. */
int	search_code_marks(struct buf *, const struct search_code_model *,
	    const uint32_t *doc, const uint8_t *mark, size_t n, size_t limit);

#endif
