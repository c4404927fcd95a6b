/*
 * test_search_code — the limit of search_code_bits() and
 * search_code_marks() (a code is given up once as long as the one the
 * caller has, search_index.c's S_line() and S_marks()): under the limit
 * the same bytes as without one, at or over it -1 and the buffer as it
 * was; and search_code_rice()'s k, which it stops looking for at the
 * first k whose bits do not fall, the least of all 24.  Random models
 * and bits, a fixed seed: the same cases every run.
 */
#include "search_code.h"
#include "buf.h"
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint32_t seed = 12345;

static uint32_t
S_rand(uint32_t n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* A model of nsec sections (chapters of 1-8) and ngl glossary terms. */
struct model {
	struct search_code_model m;
	uint8_t *cls, *first;
	uint32_t *def;
};

static void
S_model(struct model *x, size_t nsec, size_t ngl)
{
	size_t d, left = 0;

	x->cls = malloc(nsec + 1);
	x->first = malloc(nsec + 1);
	x->def = malloc((ngl + 1) * sizeof(*x->def));
	for (d = 0; d < nsec; d++) {
		x->cls[d] = (uint8_t)S_rand(3);
		x->first[d] = left == 0;
		left = left == 0 ? S_rand(8) : left - 1;
	}
	for (d = 0; d < ngl; d++)
		x->def[d] = nsec > 0 && S_rand(4) != 0 ? S_rand((uint32_t)nsec) :
		    UINT32_MAX;
	x->m.nsec = nsec;
	x->m.ndocs = nsec + ngl;
	x->m.cls = x->cls;
	x->m.first = x->first;
	x->m.def = x->def;
}

static void
S_model_free(struct model *x)
{
	free(x->cls);
	free(x->first);
	free(x->def);
}

/* One code, whole and under the limits around its length. */
static void
S_limits(struct buf *why, const struct model *x, const uint8_t *bit,
    const uint32_t *doc, const uint8_t *mark, size_t n)
{
	struct buf whole = { 0 }, got = { 0 };
	size_t lim[12], k;
	int r;

	r = doc == NULL ? search_code_bits(&whole, &x->m, bit, SIZE_MAX) :
	    search_code_marks(&whole, &x->m, doc, mark, n, SIZE_MAX);
	check_why(why, r == 0 && whole.len > 0, "no limit: %d", r);
	lim[0] = 1;
	lim[1] = whole.len / 2 + 1;
	lim[2] = whole.len - 1;
	lim[3] = whole.len;
	lim[4] = whole.len + 1;
	lim[5] = 1 + S_rand((uint32_t)whole.len + 8);
	for (k = 6; k < 12; k++)	/* around the length: a bound off by one */
		lim[k] = whole.len + k > 9 ? whole.len + k - 9 : 1;
	for (k = 0; k < 12; k++) {
		buf_reset(&got);
		buf_puts(&got, "x");
		r = doc == NULL ? search_code_bits(&got, &x->m, bit, lim[k]) :
		    search_code_marks(&got, &x->m, doc, mark, n, lim[k]);
		if (whole.len < lim[k])
			check_why(why, r == 0 && got.len == whole.len + 1 &&
			    memcmp(got.data + 1, whole.data, whole.len) == 0,
			    "limit %zu, length %zu: %d, not the same bytes",
			    lim[k], whole.len, r);
		else
			check_why(why, r == -1 && got.len == 1 &&
			    strcmp(got.data, "x") == 0,
			    "limit %zu, length %zu: %d, %zu bytes written",
			    lim[k], whole.len, r, got.len - 1);
	}
	buf_free(&whole);
	buf_free(&got);
}

static void
S_test_limits(void)
{
	struct buf why = { 0 };
	struct model x;
	uint8_t *bit, *mark;
	uint32_t *doc;
	size_t t, d, n, nsec, ngl;
	uint32_t dense;

	for (t = 0; t < 300; t++) {
		nsec = 1 + S_rand(2000);
		ngl = S_rand(300);
		S_model(&x, nsec, ngl);
		bit = calloc(nsec + ngl + 1, 1);
		doc = malloc((nsec + ngl + 1) * sizeof(*doc));
		mark = malloc(nsec + ngl + 1);
		/* from a doc in a thousand to nearly all, some known */
		dense = 1 + S_rand(t % 3 == 0 ? 1000 : 30);
		for (n = 0, d = 0; d < nsec + ngl; d++) {
			bit[d] = S_rand(dense) == 0 ? (S_rand(5) == 0 ? 2 : 1) : 0;
			if (bit[d] != 0) {
				doc[n] = (uint32_t)d;
				mark[n++] = S_rand(4) == 0;
			}
		}
		S_limits(&why, &x, bit, NULL, NULL, 0);
		if (n > 0)
			S_limits(&why, &x, NULL, doc, mark, n);
		free(bit);
		free(doc);
		free(mark);
		S_model_free(&x);
		if (why.len > 0)
			break;
	}
	check_verdict("search_code", "a code over its limit is given up, "
	    "one under it is the same", why.len == 0, why.data);
	buf_free(&why);
}

/* A number of search_code_num() at *s, which it moves past. */
static unsigned long
S_num(const char **s)
{
	unsigned long v = 0;
	const char *p;

	for (;;) {
		p = strchr(search_code_digit, *(*s)++);
		if (p == NULL)
			return (unsigned long)-1;
		if (p - search_code_digit >= 32)
			return v * 32 + (unsigned long)(p - search_code_digit - 32);
		v = v * 32 + (unsigned long)(p - search_code_digit);
	}
}

static void
S_test_rice(void)
{
	struct buf why = { 0 }, b = { 0 };
	uint32_t v[600], g, prev;
	uint64_t bits, best;
	unsigned kk, want;
	size_t t, i, n;
	const char *s;

	for (t = 0; t < 500 && why.len == 0; t++) {
		n = 1 + S_rand(600);
		for (prev = 0, i = 0; i < n; i++) {
			/* gaps of one size, or a mix of small and large */
			prev += 1 + (t % 2 ? S_rand(1u << (t % 20)) :
			    S_rand(4) == 0 ? S_rand(100000) : S_rand(3));
			v[i] = prev;
		}
		for (best = UINT64_MAX, want = 0, kk = 0; kk < 24; kk++) {
			for (bits = 0, prev = UINT32_MAX, i = 0; i < n; i++) {
				g = v[i] - prev - 1;
				bits += (g >> kk) + 1 + kk;
				prev = v[i];
			}
			if (bits < best) {
				best = bits;
				want = kk;
			}
		}
		buf_reset(&b);
		search_code_rice(&b, v, n);
		s = b.data;
		check_why(&why, S_num(&s) == n, "case %zu: n", t);
		check_why(&why, S_num(&s) == want, "case %zu: k is not %u, "
		    "the least bits'", t, want);
	}
	check_verdict("search_code", "Rice's k is the one of the fewest bits",
	    why.len == 0, why.data);
	buf_free(&why);
	buf_free(&b);
}

int
main(void)
{
	S_test_limits();
	S_test_rice();
	return check_status();
}
