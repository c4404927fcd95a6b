/* pdf_fcache — shared font work, keyed by its inputs (see pdf_fcache.h). */
#include "pdf_fcache.h"
#include "mem.h"

#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A mailing has a few faces and a few distinct character sets per face:
 * a handful of entries, so a small fixed table of chains does. */
#define FC_BUCKETS	256

struct fc_entry {
	struct fc_entry	*next;
	uint64_t	 hash;
	int		 kind;
	size_t		 klen, len;
	unsigned long	 aux;
	unsigned char	*key;
	unsigned char	*val;
};

struct fcache {
	pthread_mutex_t	 lock;
	struct fc_entry	*b[FC_BUCKETS];
	/* the keys missed so far (their hashes, 0 for none; open
	 * addressing, grown at half full), each with its misses up to 2 */
	uint64_t	*miss;
	unsigned char	*nmiss;
	size_t		 cmiss, umiss;
	size_t		 cap;
	struct fcache_stats st[FCACHE_KINDS];	/* [0]: all kinds */
};

struct fcache *
fcache_new(size_t cap)
{
	struct fcache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	c->cap = cap;
	return c;
}

void
fcache_free(struct fcache *c)
{
	struct fc_entry *e, *next;
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < FC_BUCKETS; i++)
		for (e = c->b[i]; e != NULL; e = next) {
			next = e->next;
			free(e->key);
			free(e->val);
			free(e);
		}
	pthread_mutex_destroy(&c->lock);
	free(c->miss);
	free(c->nmiss);
	free(c);
}

/* FNV-1a over the kind and the key: the keys are character bitmaps and
 * glyph flags, hashed once per lookup outside the lock. */
static uint64_t
S_hash(int kind, const unsigned char *k, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)(unsigned)kind;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= k[i];
		h *= 0x100000001b3ull;
	}
	return h != 0 ? h : 1;	/* 0 marks an empty slot of the misses */
}

/* The entry under the key, or NULL; with the lock held. */
static struct fc_entry *
S_find(struct fcache *c, uint64_t h, int kind, const void *key, size_t klen)
{
	struct fc_entry *e;

	for (e = c->b[h % FC_BUCKETS]; e != NULL; e = e->next)
		if (e->hash == h && e->kind == kind && e->klen == klen &&
		    memcmp(e->key, key, klen) == 0)
			return e;
	return NULL;
}

/* The slot of hash h in the table of misses (h's, or the empty one
 * where it would go); with the lock held and the table not full. */
static size_t
S_slot(const struct fcache *c, uint64_t h)
{
	size_t i = (size_t)(h % c->cmiss);

	while (c->miss[i] != 0 && c->miss[i] != h)
		i = (i + 1) % c->cmiss;
	return i;
}

/* Counts a miss of hash h (never 0: S_hash() is made so). */
static void
S_missed(struct fcache *c, uint64_t h)
{
	uint64_t *om = c->miss;
	unsigned char *on = c->nmiss;
	size_t i, oc = c->cmiss;

	if (2 * (c->umiss + 1) > c->cmiss) {
		c->cmiss = oc ? 2 * oc : 256;
		c->miss = xcalloc(c->cmiss, sizeof(*c->miss));
		c->nmiss = xcalloc(c->cmiss, 1);
		for (i = 0; i < oc; i++)
			if (om[i] != 0) {
				size_t j = S_slot(c, om[i]);

				c->miss[j] = om[i];
				c->nmiss[j] = on[i];
			}
		free(om);
		free(on);
	}
	i = S_slot(c, h);
	if (c->miss[i] == 0) {
		c->miss[i] = h;
		c->umiss++;
	}
	if (c->nmiss[i] < 2)
		c->nmiss[i]++;
}

/* How often hash h was missed, up to 2; with the lock held. */
static int
S_misses(const struct fcache *c, uint64_t h)
{
	size_t i;

	if (c->cmiss == 0)
		return 0;
	i = S_slot(c, h);
	return c->miss[i] == h ? c->nmiss[i] : 0;
}

const unsigned char *
fcache_get(struct fcache *c, int kind, const void *key, size_t klen,
    size_t *len, unsigned long *aux)
{
	uint64_t h = S_hash(kind, key, klen);
	struct fc_entry *e;

	assert(kind > 0 && kind < FCACHE_KINDS);
	pthread_mutex_lock(&c->lock);
	if ((e = S_find(c, h, kind, key, klen)) != NULL) {
		c->st[0].hits++;
		c->st[kind].hits++;
		*len = e->len;
		if (aux != NULL)
			*aux = e->aux;
	} else {
		c->st[0].misses++;
		c->st[kind].misses++;
		S_missed(c, h);
	}
	pthread_mutex_unlock(&c->lock);
	return e != NULL ? e->val : NULL;
}

const unsigned char *
fcache_put(struct fcache *c, int kind, const void *key, size_t klen,
    const void *val, size_t len, unsigned long aux)
{
	uint64_t h = S_hash(kind, key, klen);
	struct fc_entry *e;
	const unsigned char *out = NULL;

	assert(kind > 0 && kind < FCACHE_KINDS);
	pthread_mutex_lock(&c->lock);
	if ((e = S_find(c, h, kind, key, klen)) != NULL)
		out = e->val;
	else if (S_misses(c, h) < 2) {
		c->st[0].once++;
		c->st[kind].once++;
	} else if (c->st[0].bytes + len + klen > c->cap) {
		c->st[0].refused++;
		c->st[kind].refused++;
	} else {
		/* copied under the lock: a few tens of KB, a few times a
		 * mailing */
		e = xcalloc(1, sizeof(*e));
		e->hash = h;
		e->kind = kind;
		e->klen = klen;
		e->len = len;
		e->aux = aux;
		e->key = xmalloc(klen > 0 ? klen : 1);
		memcpy(e->key, key, klen);
		e->val = xmalloc(len > 0 ? len : 1);
		memcpy(e->val, val, len);
		e->next = c->b[h % FC_BUCKETS];
		c->b[h % FC_BUCKETS] = e;
		c->st[0].entries++;
		c->st[0].bytes += len + klen;
		c->st[kind].entries++;
		c->st[kind].bytes += len + klen;
		out = e->val;
	}
	pthread_mutex_unlock(&c->lock);
	return out;
}

void
fcache_stats(struct fcache *c, int kind, struct fcache_stats *st)
{
	assert(kind >= 0 && kind < FCACHE_KINDS);
	pthread_mutex_lock(&c->lock);
	*st = c->st[kind];
	pthread_mutex_unlock(&c->lock);
}
