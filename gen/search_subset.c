/*
 * search_subset — terms whose docs are all among another's (see
 * search_subset.h).
 */
#include "search_subset.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* Docs in 64-bit words: a term's bitmap, and a whole's docs as the
 * words they fall in and their bits there (struct word), so that a test
 * against a bitmap takes a step per 64 docs and stops at the first word
 * short of a doc. */
struct word {
	size_t		 at;
	uint64_t	 bits;
};

/* 1 when the sorted a[0..na) are all among the sorted b[0..nb): a merge
 * walk, for a part with too few docs for a bitmap (then nb is below the
 * number of words a bitmap takes, and so the walk is as short). */
static int
S_among(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i, j = 0;

	for (i = 0; i < na; i++) {
		while (j < nb && b[j] < a[i])
			j++;
		if (j == nb || b[j] != a[i])
			return 0;
		j++;
	}
	return 1;
}

/* 1 when every bit of w[0..nw) is set in bm. */
static int
S_covered(const uint64_t *bm, const struct word *w, size_t nw)
{
	size_t i;

	for (i = 0; i < nw; i++)
		if ((bm[w[i].at] & w[i].bits) != w[i].bits)
			return 0;
	return 1;
}

size_t
search_subsets(const uint32_t *docs, const size_t *from, size_t nterms,
    size_t ndocs, struct search_pair **out)
{
	size_t np = from[nterms], nwords = (ndocs + 63) / 64;
	size_t *doc_at = xcalloc(ndocs + 2, sizeof(*doc_at));
	uint32_t *doc_t = xmalloc((np + 1) * sizeof(*doc_t));
	size_t *bm_at = xmalloc((nterms + 1) * sizeof(*bm_at));
	struct word *w = xmalloc((nwords + 1) * sizeof(*w));
	struct search_pair *v = NULL;
	uint64_t *bm;
	size_t i, k, r, t, nr, nt, nw, ndense = 0, m = 0, cap = 0;
	size_t pivot, fewest;
	const uint32_t *dr, *dt;

	/* each doc's terms, in term order */
	for (i = 0; i < np; i++)
		doc_at[docs[i] + 1]++;
	for (i = 0; i < ndocs; i++)
		doc_at[i + 1] += doc_at[i];
	for (t = 0; t < nterms; t++)
		for (i = from[t]; i < from[t + 1]; i++)
			doc_t[doc_at[docs[i]]++] = (uint32_t)t;
	for (i = ndocs; i > 0; i--)
		doc_at[i] = doc_at[i - 1];
	doc_at[0] = 0;

	/* a bitmap for each term in as many docs as it has words, or more:
	 * those hold most of the pairs, and no bitmap takes more than 8
	 * bytes a doc of its term */
	for (t = 0; t < nterms; t++) {
		nt = from[t + 1] - from[t];
		bm_at[t] = nt >= 2 && nt >= nwords ? ndense++ * nwords :
		    SIZE_MAX;
	}
	bm = xcalloc(ndense * nwords + 1, sizeof(*bm));
	for (t = 0; t < nterms; t++)
		for (i = from[t]; bm_at[t] != SIZE_MAX && i < from[t + 1]; i++)
			bm[bm_at[t] + docs[i] / 64] |= (uint64_t)1 << (docs[i] % 64);

	for (r = 0; r < nterms; r++) {
		nr = from[r + 1] - from[r];
		if (nr < 2)
			continue;
		dr = docs + from[r];
		/* every part of r is among the terms of each of its docs:
		 * the doc with the fewest terms has the fewest to test */
		pivot = dr[0];
		fewest = SIZE_MAX;
		for (nw = 0, i = 0; i < nr; i++) {
			if (doc_at[dr[i] + 1] - doc_at[dr[i]] < fewest) {
				fewest = doc_at[dr[i] + 1] - doc_at[dr[i]];
				pivot = dr[i];
			}
			if (nw == 0 || w[nw - 1].at != dr[i] / 64) {
				w[nw].at = dr[i] / 64;
				w[nw++].bits = 0;
			}
			w[nw - 1].bits |= (uint64_t)1 << (dr[i] % 64);
		}
		for (k = doc_at[pivot]; k < doc_at[pivot + 1]; k++) {
			t = doc_t[k];
			nt = from[t + 1] - from[t];
			dt = docs + from[t];
			if (t == r || nt < nr || (nt == nr && t > r) ||
			    dt[0] > dr[0] || dt[nt - 1] < dr[nr - 1])
				continue;
			if (bm_at[t] != SIZE_MAX ?
			    !S_covered(bm + bm_at[t], w, nw) :
			    !S_among(dr, nr, dt, nt))
				continue;
			if (m == cap) {
				cap = cap ? cap * 2 : 256;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[m].part = (uint32_t)t;
			v[m++].whole = (uint32_t)r;
		}
	}
	free(bm);
	free(w);
	free(bm_at);
	free(doc_t);
	free(doc_at);
	*out = v;
	return m;
}
