/*
 * strmap — a map from strings to numbers (an index into the caller's
 * array, a count, a position), for the tables that look words, names
 * and ids up by their text.
 *
 * Open addressing on a power-of-two table, FNV-1a, linear probing; it
 * grows at half full, so a lookup is a step or two however large the map.
 * The map holds the key pointers it is given, not copies: the caller owns
 * the keys and keeps each alive and unchanged while it is in the map
 * (strings of an arena, of the caller's own array).  With STRMAP_NOCASE,
 * keys hash and compare without ASCII case.  strmap_free() frees the
 * table only.  One map belongs to one thread at a time.
 */
#ifndef SALESGEN_STRMAP_H
#define SALESGEN_STRMAP_H

#include <stddef.h>

enum { STRMAP_NOCASE = 1 };

struct strmap_slot {
	const char	*key;		/* NULL: empty */
	size_t		 val;
};

struct strmap {
	struct strmap_slot	*slot;
	size_t			 cap;	/* slots, 0 or a power of two */
	size_t			 n;	/* keys */
	int			 flags;
};

/* An empty map (no memory until the first key). */
void	strmap_init(struct strmap *, int flags);
void	strmap_free(struct strmap *);

/* The value of key, added with value 0 when it is not there yet (then
 * *added is 1, else 0; added may be NULL).  The pointer stays valid until
 * the next strmap_put(). */
size_t	*strmap_put(struct strmap *, const char *key, int *added);

/* The value of key, or NULL when it is not in the map. */
size_t	*strmap_get(const struct strmap *, const char *key);

/* The hash strmap uses: 64-bit FNV-1a over the bytes (folded to lower
 * case with STRMAP_NOCASE). */
size_t	strmap_hash(const char *, int flags);

#endif
