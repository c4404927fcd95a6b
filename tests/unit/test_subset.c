/*
 * test_subset — search_subsets(), the index's terms within terms, against
 * a brute force over every pair of terms on random data: terms in a few
 * docs and in most of them (a bitmap's and a merge walk's), equal sets
 * (the lower number is the part), terms in one doc and in none, docs at
 * the ends of a bitmap's words, and sites of 1 to 300 docs.  One PASS or
 * FAIL line per test; exit status 1 if any failed.
 */
#include "search_subset.h"
#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t S_seed = 88172645463325252ULL;

/* xorshift64: the same data on every run */
static uint32_t
S_rand(uint32_t n)
{
	S_seed ^= S_seed << 13;
	S_seed ^= S_seed >> 7;
	S_seed ^= S_seed << 17;
	return n ? (uint32_t)(S_seed % n) : 0;
}

/* 1 when the sorted a[0..na) are all among the sorted b[0..nb), by
 * looking each up in the whole of b. */
static int
S_naive_among(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i, j;

	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && b[j] != a[i]; j++)
			continue;
		if (j == nb)
			return 0;
	}
	return 1;
}

static int
S_pair_cmp(const void *a, const void *b)
{
	const struct search_pair *x = a, *y = b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return x->whole < y->whole ? -1 : x->whole > y->whole;
}

/* A random site of ndocs docs and nterms terms, some of them copies or
 * subsets of others; 1 when search_subsets() finds what the brute
 * force finds. */
static int
S_round(size_t ndocs, size_t nterms, struct buf *why)
{
	uint32_t *docs = malloc((nterms * ndocs + 1) * sizeof(*docs));
	size_t *from = malloc((nterms + 1) * sizeof(*from));
	struct search_pair *got, *want = NULL;
	size_t t, r, d, n = 0, ngot, nwant = 0, nt, nr, i;
	uint32_t kind, pct, src;
	int ok;

	for (t = 0; t < nterms; t++) {
		from[t] = n;
		kind = S_rand(6);
		if (kind == 0 && t > 0) {
			/* a copy of an earlier term */
			src = S_rand((uint32_t)t);
			for (i = from[src]; i < from[src + 1]; i++)
				docs[n++] = docs[i];
			continue;
		}
		if (kind == 1 && t > 0) {
			/* a random part of an earlier term's docs */
			src = S_rand((uint32_t)t);
			for (i = from[src]; i < from[src + 1]; i++)
				if (S_rand(3) != 0)
					docs[n++] = docs[i];
			continue;
		}
		if (kind == 2) {
			/* one doc, often the first or last of a word */
			d = S_rand(4) == 0 ? (S_rand(2) ? 63 : 64) : S_rand(
			    (uint32_t)ndocs);
			if (d < ndocs)
				docs[n++] = (uint32_t)d;
			continue;
		}
		pct = kind == 3 ? 90 : kind == 4 ? 40 : 5;
		for (d = 0; d < ndocs; d++)
			if (S_rand(100) < pct)
				docs[n++] = (uint32_t)d;
	}
	from[nterms] = n;
	for (r = 0; r < nterms; r++) {
		nr = from[r + 1] - from[r];
		for (t = 0; nr >= 2 && t < nterms; t++) {
			nt = from[t + 1] - from[t];
			if (t == r || nt < nr || (nt == nr && t > r) ||
			    !S_naive_among(docs + from[r], nr, docs + from[t], nt))
				continue;
			want = realloc(want, (nwant + 1) * sizeof(*want));
			want[nwant].part = (uint32_t)t;
			want[nwant++].whole = (uint32_t)r;
		}
	}
	ngot = search_subsets(docs, from, nterms, ndocs, &got);
	if (ngot > 0)
		qsort(got, ngot, sizeof(*got), S_pair_cmp);
	if (nwant > 0)
		qsort(want, nwant, sizeof(*want), S_pair_cmp);
	ok = ngot == nwant;
	for (i = 0; ok && i < ngot; i++)
		ok = got[i].part == want[i].part && got[i].whole == want[i].whole;
	if (!ok)
		buf_printf(why, "%zu docs, %zu terms: %zu pairs, want %zu\n",
		    ndocs, nterms, ngot, nwant);
	free(got);
	free(want);
	free(docs);
	free(from);
	return ok;
}

int
main(void)
{
	static const size_t docs[] = { 1, 2, 63, 64, 65, 130, 300 };
	struct buf why = { 0 };
	size_t i, k;
	int ok = 1, pairs = 1;
	struct search_pair *v;
	uint32_t d[] = { 0, 1, 0, 1 };
	size_t from[] = { 0, 2, 4 };

	for (i = 0; i < sizeof(docs) / sizeof(*docs); i++)
		for (k = 0; k < 40; k++)
			ok &= S_round(docs[i], 1 + S_rand(60), &why);
	check_verdict("subset", "search_subsets() finds what every pair's "
	    "test finds, on random sites", ok, why.data);
	/* two terms in the same two docs: the lower number is the part,
	 * and no term is its own */
	if (search_subsets(d, from, 2, 2, &v) != 1 || v[0].part != 0 ||
	    v[0].whole != 1)
		pairs = 0;
	free(v);
	check_verdict("subset", "of two equal terms the first is the part",
	    pairs, NULL);
	buf_free(&why);
	return check_failed ? 1 : 0;
}
