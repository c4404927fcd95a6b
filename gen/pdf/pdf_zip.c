/* pdf_zip — Flate compression with libdeflate (see pdf_zip.h). */
#include "pdf_zip.h"
#include "buf.h"
#include "mem.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

/*
 * The level per kind of stream, measured on the streams of an offer of
 * the sample mailing and of the 50-chapter benchmark handout (bytes in ->
 * out, CPU time of one compression, levels 1 / 4 / 6; zlib's default
 * level 6, which libharu used, made fonts of 35,257 bytes from 57,978):
 *   fonts, 58 KB:      36.1 / 35.5 / 35.3 KB in 0.30 / 0.49 / 0.60 ms
 *   contents, 2.2 MB:  640 / 587 / 564 KB in 7.1 / 15.5 / 24.6 ms
 *   object streams, 539 KB: 134 / 126 / 110 KB in 1.6 / 3.0 / 6.2 ms
 *   CMaps, CIDToGIDMaps, ICC, 64 KB: 10.6 / 10.6 / 9.1 KB in 0.24 /
 *                      0.29 / 0.50 ms, and 9.1 KB in 0.41 ms at level 5
 * Font programs hardly compress better above level 1 and are most of a
 * mailing's deflate: level 1.  Page contents are most of a handout's
 * bytes and are compressed on a second thread: 4.  The object streams
 * are packed last, on the thread every other part of the handout waits
 * for: 1, as zlib's level 1 before (callgrind, 50-chapter handout: the
 * packer 63 M instructions at level 5, 44 M at 1; the tagged handout
 * 2.6 % larger, 4.9 % larger than the untagged one).  The small maps,
 * the same in every offer and kept (below): 5.  The cross-reference
 * stream is small.  Images: 4, as contents.
 */
static const int S_level[ZIP__MAX] = {
	[ZIP_CONTENT] = 4,
	[ZIP_FONT] = 1,
	[ZIP_IMAGE] = 4,
	[ZIP_OTHER] = 5,
	[ZIP_OBJSTM] = 1,
	[ZIP_XREF] = 1
};

/*
 * Every offer of a mailing carries the same streams: the ToUnicode CMaps
 * (one identity map, four times), most CIDToGIDMaps, the ICC profile, the
 * logo, often a font subset; in 100 offers of the sample mailing, 1,700
 * streams held 443 different contents.  The last ZIP_CACHE_N compressions
 * of those kinds are kept, for every thread of the process: the same
 * bytes at the same level give the same output, so a hit copies it and
 * the file is byte for byte what compressing would have made.  An input
 * is compared whole, the hash only finds the candidate.  The entries
 * live until the process ends (reachable, at most ZIP_CACHE_N of at most
 * ZIP_CACHE_MAX bytes in and their output).
 */
#define ZIP_CACHE_N	32
#define ZIP_CACHE_MAX	(256 * 1024)

static const int S_cached[ZIP__MAX] = {
	[ZIP_FONT] = 1, [ZIP_IMAGE] = 1, [ZIP_OTHER] = 1
};

struct zip_entry {
	uint64_t	 h;
	int		 level;
	size_t		 n, nout;
	char		*in, *out;	/* ours; NULL: a free slot */
};

static struct zip_entry S_cache[ZIP_CACHE_N];
static size_t S_cache_next;		/* the slot to fill next */
static pthread_mutex_t S_cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a over 8-byte words, then the tail: a few cycles per 8 bytes,
 * against hundreds of deflate's. */
static uint64_t
S_hash(const unsigned char *p, size_t n)
{
	uint64_t h = 14695981039346656037ull, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 1099511628211ull;
	}
	for (; n > 0; p++, n--)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

/* Appends the output of a kept compression of in at level to out: 1, or
 * 0 when none is kept. */
static int
S_cache_get(uint64_t h, int level, const void *in, size_t n,
    struct buf *out)
{
	struct zip_entry *e;
	size_t i;
	int hit = 0;

	pthread_mutex_lock(&S_cache_lock);
	for (i = 0; i < ZIP_CACHE_N && !hit; i++) {
		e = &S_cache[i];
		if (e->in != NULL && e->h == h && e->level == level &&
		    e->n == n && memcmp(e->in, in, n) == 0) {
			buf_put(out, e->out, e->nout);
			hit = 1;
		}
	}
	pthread_mutex_unlock(&S_cache_lock);
	return hit;
}

/* Keeps the compression of in at level, out[0..nout), in the oldest
 * slot. */
static void
S_cache_put(uint64_t h, int level, const void *in, size_t n,
    const char *out, size_t nout)
{
	struct zip_entry *e;
	char *ci = xmalloc(n), *co = xmalloc(nout);

	memcpy(ci, in, n);
	memcpy(co, out, nout);
	pthread_mutex_lock(&S_cache_lock);
	e = &S_cache[S_cache_next];
	S_cache_next = (S_cache_next + 1) % ZIP_CACHE_N;
	free(e->in);
	free(e->out);
	e->h = h;
	e->level = level;
	e->n = n;
	e->nout = nout;
	e->in = ci;
	e->out = co;
	pthread_mutex_unlock(&S_cache_lock);
}

int
zip_put(struct zip *z, enum zip_kind kind, const void *in, size_t n,
    struct buf *out)
{
	struct libdeflate_compressor *c;
	int level = S_level[kind], keep;
	size_t bound, got;
	uint64_t h = 0;

	keep = S_cached[kind] && n > 0 && n <= ZIP_CACHE_MAX;
	if (keep) {
		h = S_hash(in, n);
		if (S_cache_get(h, level, in, n, out))
			return 0;
	}
	if ((c = z->c[level]) == NULL &&
	    (c = z->c[level] = libdeflate_alloc_compressor(level)) == NULL)
		return -1;
	bound = libdeflate_zlib_compress_bound(c, n);
	buf_grow(out, bound);
	got = libdeflate_zlib_compress(c, in, n, out->data + out->len, bound);
	/* never 0 with room for the bound */
	if (got == 0)
		return -1;
	if (keep)
		S_cache_put(h, level, in, n, out->data + out->len, got);
	out->len += got;
	out->data[out->len] = '\0';
	return 0;
}

void
zip_free(struct zip *z)
{
	int i;

	for (i = 0; i < ZIP_LEVELS; i++) {
		libdeflate_free_compressor(z->c[i]);
		z->c[i] = NULL;
	}
}
