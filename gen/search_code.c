/*
 * search_code — the codes of the site search's index (see
 * search_code.h); templates/site/search.js reads them (nums(), rice(),
 * bits()): keep the two in step.
 */
#include "search_code.h"
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>

const char search_code_digit[65] = "0123456789abcdefghijklmnopqrstuv"
    "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_~";

/* search.js finds the end of a number by its last digit: no separator,
 * a tenth less gzip than base 36 with commas. */
void
search_code_num(struct buf *b, unsigned long v)
{
	char d[16];
	int n = 0;

	d[n++] = search_code_digit[32 + v % 32];
	for (v /= 32; v > 0; v /= 32)
		d[n++] = search_code_digit[v % 32];
	while (n > 0)
		buf_putc(b, d[--n]);
}

/*
 * n and k (search_code_num()), then each doc's gap to the one before
 * less one (the first's: the doc) as its quotient by 2^k in unary (ones
 * ended by a zero) and its k low bits, six bits a digit, the last
 * filled with zeros.  For gaps as random as a term's that is within a
 * few per cent of their entropy, where base-32 numbers left gzip a
 * tenth or more above it; gzip can do nothing more with it.  k is the
 * one that makes the fewest bits.
 */
void
search_code_rice(struct buf *b, const uint32_t *v, size_t n)
{
	uint64_t bits, best = UINT64_MAX;
	uint32_t g, prev;
	unsigned kk, k = 0, acc = 0, nacc = 0;
	size_t i;

	/* The bits are convex in k: from k to k + 1 each gap's quotient
	 * a = g >> k loses ceil(a / 2), never more than from k - 1 to k,
	 * and the n low bits grow by n.  So the first k after which they
	 * do not fall is the least: no need to try the rest. */
	for (kk = 0; kk < 24; kk++) {
		for (bits = 0, prev = UINT32_MAX, i = 0; i < n; i++) {
			g = v[i] - prev - 1;	/* prev + 1 wraps to 0 */
			bits += (g >> kk) + 1 + kk;
			prev = v[i];
		}
		if (bits >= best)
			break;
		best = bits;
		k = kk;
	}
	search_code_num(b, n);
	search_code_num(b, k);
#define PUT(bit) do {							\
		acc = acc << 1 | (bit);					\
		if (++nacc == 6) {					\
			buf_putc(b, search_code_digit[acc]);		\
			acc = nacc = 0;					\
		}							\
	} while (0)
	for (prev = UINT32_MAX, i = 0; i < n; i++) {
		g = v[i] - prev - 1;
		prev = v[i];
		for (kk = g >> k; kk > 0; kk--)
			PUT(1u);
		PUT(0u);
		for (kk = k; kk > 0; kk--)
			PUT((g >> (kk - 1)) & 1u);
	}
#undef PUT
	if (nacc > 0)
		buf_putc(b, search_code_digit[acc << (6 - nacc)]);
}

/*** The range code ***/

/*
 * A binary range coder (LZMA's, carries kept back in cache, but with a
 * 31-bit range, renormalised below 2^23: search.js's range and code stay
 * small integers, which decode a doc in half the time of 32-bit ones
 * held as doubles), probabilities in 12 bits.  A doc's bit is predicted from the
 * counts of the zeros and ones seen so far in its context ((n0 + 0.2)
 * / (n + 0.4): a prior below Krichevsky-Trofimov's 1/2 suits contexts
 * as skewed as these, 0.5 % less gzip at 1,000 chapters), learnt afresh
 * for each term: a term's own rate is most of what there is to know,
 * and on the 1,000-chapter course the docs share what is left:
 *   - a section: its size class (a long section has most terms; the
 *     classes cost a digit per three sections in the index's head),
 *     and in how many of the sections before it in its chapter the term
 *     is, 0, 1 or more (a chapter keeps to its subject);
 *   - a glossary term: whether the term is in the section that defines
 *     it (its def; the definition is that section's text too).
 * On the 1,000-chapter course the terms' docs take 202 KB where Rice
 * alone took 251 KB (search_index.c writes whichever is shorter: a
 * rare term stays in Rice, which decodes faster).  Probabilities learnt
 * afresh per term cost bits while they settle; counts shared between
 * terms through a term's own rate did not win that back (simulated).
 */
#define P_BITS		12
#define RANGE_TOP	0x7FFFFFFFu	/* the range at first */
#define RANGE_LOW	(1u << 23)	/* below it a byte is shifted out */
#define P_PRIOR		2	/* in tenths: the estimate's prior, 0.2 */
#define N_CLS		3
#define N_CTX		(N_CLS * 3 + 2)

struct rc {
	uint64_t	 low;
	uint32_t	 range;
	unsigned	 cache;
	uint64_t	 ncache;	/* bytes held back: cache, then 0xFF... */
	struct buf	*out;		/* bytes, the first (always 0) left out */
	int		 started;
	int		 over;		/* the line is limit long or more */
	size_t		 limit;
};

/*
 * A byte out, final (carries reach only the bytes held back).  The
 * line will have at least the digits up to this byte's first bit when
 * it is not 0 (S_digits() leaves out only zeros after the last), and
 * its "." before: once that is limit, the caller will not want it
 * (over), and the rest need not be coded.
 */
static void
S_byte(struct rc *rc, unsigned c)
{
	if (rc->started) {
		buf_putc(rc->out, (int)c);
		if (c != 0 && 2 + (rc->out->len - 1) * 8 / 6 >= rc->limit)
			rc->over = 1;
	}
	rc->started = 1;
}

static void
S_shift(struct rc *rc)
{
	if ((uint32_t)rc->low < 0xFF000000u || (rc->low >> 32) != 0) {
		unsigned carry = (unsigned)(rc->low >> 32), c = rc->cache;

		do {
			S_byte(rc, (c + carry) & 0xFFu);
			c = 0xFF;
		} while (--rc->ncache != 0);
		rc->cache = (unsigned)(rc->low >> 24) & 0xFFu;
	}
	rc->ncache++;
	rc->low = (rc->low & 0x00FFFFFFu) << 8;
}

/* bit with p0 (in 2^P_BITS) its chance of being 0; whether the line
 * is over its limit, looked at only when a byte went out */
static int
S_bit(struct rc *rc, unsigned p0, unsigned bit)
{
	uint32_t bound = (rc->range >> P_BITS) * p0;

	if (bit == 0)
		rc->range = bound;
	else {
		rc->low += bound;
		rc->range -= bound;
	}
	if (rc->range >= RANGE_LOW)
		return 0;
	do {
		rc->range <<= 8;
		S_shift(rc);
	} while (rc->range < RANGE_LOW);
	return rc->over;
}

/* The end: the value in [low, low + range) with the most zero bits
 * below, as search.js reads zeros after the last digit, so that they
 * need not be written. */
static void
S_end(struct rc *rc)
{
	uint64_t top = rc->low + rc->range - 1, mask, v = rc->low;
	int s;

	for (s = 32; s >= 0; s--) {
		mask = ((uint64_t)1 << s) - 1;
		v = (rc->low + mask) & ~mask;
		if (v <= top)
			break;
	}
	rc->low = v;
	for (s = 0; s < 5; s++)
		S_shift(rc);
}

/* the chance of a 0 after n0 zeros and n1 ones, as search.js makes it */
static unsigned
S_p0(uint32_t n0, uint32_t n1)
{
	uint64_t p;

	/* (10 n0 + 2) / (10 n + 4) is below 1: never 2^P_BITS; and its
	 * 2^P_BITS-th is at least 1 up to n = 818, in 32 bits the most
	 * common case (every term's first 818 bits in a context) */
	if (n0 + n1 <= 818)
		return ((10 * n0 + P_PRIOR) << P_BITS) /
		    (10 * (n0 + n1) + 2 * P_PRIOR);
	p = ((uint64_t)10 * n0 + P_PRIOR) << P_BITS;
	p /= (uint64_t)10 * (n0 + n1) + 2 * P_PRIOR;
	return p < 1 ? 1 : (unsigned)p;
}

/* The coder's bytes as six bits a digit, after "." (zero bytes and
 * digits at the end left out: search.js reads zeros after the last);
 * frees the bytes. */
static void
S_digits(struct buf *b, struct buf *bytes)
{
	unsigned acc = 0, nacc = 0;
	size_t d, i, end = bytes->len;

	buf_putc(b, '.');
	while (end > 0 && bytes->data[end - 1] == 0)
		end--;
	i = b->len;
	for (d = 0; d < end; d++) {
		acc = acc << 8 | (unsigned char)bytes->data[d];
		for (nacc += 8; nacc >= 6; nacc -= 6)
			buf_putc(b, search_code_digit[(acc >> (nacc - 6)) & 63]);
		acc &= (1u << nacc) - 1;
	}
	if (nacc > 0)
		buf_putc(b, search_code_digit[(acc << (6 - nacc)) & 63]);
	while (b->len > i && b->data[b->len - 1] == '0')
		b->data[--b->len] = '\0';
	buf_free(bytes);
}

/* The end of a code: its line into b, 0; or -1, b as it was, when it
 * is limit long or more (S_end() and S_digits() can only add to what
 * S_byte() counted).  Frees the bytes. */
static int
S_done(struct buf *b, struct rc *rc)
{
	size_t at = b->len;

	if (!rc->over) {
		S_end(rc);
		S_digits(b, rc->out);
		if (b->len - at < rc->limit)
			return 0;
		b->len = at;
		b->data[at] = '\0';
		return -1;
	}
	buf_free(rc->out);
	return -1;
}

int
search_code_bits(struct buf *b, const struct search_code_model *m,
    const uint8_t *bit, size_t limit)
{
	struct buf bytes = { 0 };
	struct rc rc = { 0, RANGE_TOP, 0, 1, &bytes, 0, 0, limit };
	uint32_t n[N_CTX][2] = { { 0 } };
	unsigned ctx, before = 0, x;
	size_t d;

	/* the sections, then the glossary terms: a loop each, as this is
	 * every doc of the site for every term tried */
	for (d = 0; d < m->nsec; d++) {
		x = bit[d];
		if (m->first[d])
			before = 0;
		ctx = m->cls[d] * 3 + (before < 2 ? before : 2);
		before += x != 0;
		if (x == 2)	/* known: a subset's */
			continue;
		if (S_bit(&rc, S_p0(n[ctx][0], n[ctx][1]), x))
			return S_done(b, &rc);
		n[ctx][x]++;
	}
	for (; d < m->ndocs; d++) {
		x = bit[d];
		if (x == 2)
			continue;
		ctx = N_CLS * 3 + (m->def[d - m->nsec] != UINT32_MAX &&
		    bit[m->def[d - m->nsec]] != 0);
		if (S_bit(&rc, S_p0(n[ctx][0], n[ctx][1]), x))
			return S_done(b, &rc);
		n[ctx][x]++;
	}
	return S_done(b, &rc);
}

/* A mark is likelier in a short section (its heading is more of its
 * words) and in a glossary term (its own words) than in a long section:
 * a context each. */
int
search_code_marks(struct buf *b, const struct search_code_model *m,
    const uint32_t *doc, const uint8_t *mark, size_t n, size_t limit)
{
	struct buf bytes = { 0 };
	struct rc rc = { 0, RANGE_TOP, 0, 1, &bytes, 0, 0, limit };
	uint32_t c[N_CLS + 1][2] = { { 0 } };
	unsigned ctx;
	size_t k;

	for (k = 0; k < n; k++) {
		ctx = doc[k] < m->nsec ? m->cls[doc[k]] : N_CLS;
		if (S_bit(&rc, S_p0(c[ctx][0], c[ctx][1]), mark[k]))
			break;
		c[ctx][mark[k]]++;
	}
	return S_done(b, &rc);
}
