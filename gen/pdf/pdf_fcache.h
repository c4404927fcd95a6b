/*
 * pdf_fcache — the font work a run of documents shares: byte strings
 * (a face's subset, the font program libharu writes from it) keyed by
 * exactly what made them, so that a hit gives the very bytes the work
 * would have given and no document depends on which others came before
 * it, on which thread or in which shard.
 *
 * One cache serves every thread of a mailing (merge.c owns it; pdf_font.c
 * uses it).  A value, once in, is never changed or removed until
 * fcache_free(): a caller may keep the pointer fcache_get() or
 * fcache_put() returns while the cache lives.  Lookups and additions are
 * serialised by a mutex; the work itself happens outside it.  A value is
 * stored only for a key looked up before without success at least twice
 * (work asked for once in a run is not worth keeping: a mailing's rows
 * each draw their own letters in some face), and the cache holds at most
 * its capacity in bytes; otherwise fcache_put() stores nothing (the work is
 * then done again, with the same result).
 */
#ifndef SALESGEN_PDF_FCACHE_H
#define SALESGEN_PDF_FCACHE_H

#include <stddef.h>

struct fcache;

/* Kinds are small numbers, 1 to FCACHE_KINDS - 1. */
#define FCACHE_KINDS	4

struct fcache_stats {
	size_t	hits, misses;	/* fcache_get() calls that found / did not */
	size_t	entries, bytes;	/* values held, their bytes */
	size_t	refused;	/* fcache_put() calls over the capacity */
	size_t	once;		/* fcache_put() calls for a key missed once */
};

/* A cache holding at most cap bytes of values.  Free with fcache_free()
 * once no thread uses it; fcache_free(NULL) does nothing. */
struct fcache	*fcache_new(size_t cap);
void		 fcache_free(struct fcache *);

/* The value stored under the key kind + key[0..klen) (kind separates the
 * kinds of value), its length in *len and its number in *aux, or NULL.
 * The value is the cache's, read-only, valid until fcache_free(). */
const unsigned char *fcache_get(struct fcache *, int kind, const void *key,
	    size_t klen, size_t *len, unsigned long *aux);

/* Stores a copy of val[0..len) and aux under the key, unless the key is
 * there already (another thread did the same work: its value is kept),
 * fcache_get() missed it only once so far, or the cache is full.  Returns the value now under the key (the cache's),
 * or NULL when nothing is. */
const unsigned char *fcache_put(struct fcache *, int kind, const void *key,
	    size_t klen, const void *val, size_t len, unsigned long aux);

/* The counts for values of one kind, or for all with kind 0. */
void	fcache_stats(struct fcache *, int kind, struct fcache_stats *);

#endif
