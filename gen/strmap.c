/* strmap — a map from strings to numbers (see strmap.h). */
#include "strmap.h"
#include "mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static unsigned char
S_fold(unsigned char c, int flags)
{
	return (flags & STRMAP_NOCASE) && c >= 'A' && c <= 'Z' ?
	    (unsigned char)(c - 'A' + 'a') : c;
}

size_t
strmap_hash(const char *s, int flags)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ S_fold((unsigned char)*s, flags)) * 1099511628211ULL;
	return (size_t)h;
}

static int
S_same(const char *a, const char *b, int flags)
{
	if (!(flags & STRMAP_NOCASE))
		return strcmp(a, b) == 0;
	for (; *a != '\0' && S_fold((unsigned char)*a, flags) ==
	    S_fold((unsigned char)*b, flags); a++, b++)
		continue;
	return *a == '\0' && *b == '\0';
}

/* key's slot in m (cap > 0): the one holding it, or the empty one where
 * it would go. */
static struct strmap_slot *
S_find(const struct strmap *m, const char *key)
{
	size_t i = strmap_hash(key, m->flags) & (m->cap - 1);

	while (m->slot[i].key != NULL && !S_same(m->slot[i].key, key,
	    m->flags))
		i = (i + 1) & (m->cap - 1);
	return &m->slot[i];
}

void
strmap_init(struct strmap *m, int flags)
{
	memset(m, 0, sizeof(*m));
	m->flags = flags;
}

void
strmap_free(struct strmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->n = 0;
}

size_t *
strmap_put(struct strmap *m, const char *key, int *added)
{
	struct strmap_slot *s, *old;
	size_t i, n;

	if (2 * (m->n + 1) > m->cap) {
		old = m->slot;
		n = m->cap;
		m->cap = n ? n * 2 : 64;
		m->slot = xcalloc(m->cap, sizeof(*m->slot));
		for (i = 0; i < n; i++)
			if (old[i].key != NULL)
				*S_find(m, old[i].key) = old[i];
		free(old);
	}
	s = S_find(m, key);
	if (added != NULL)
		*added = s->key == NULL;
	if (s->key == NULL) {
		s->key = key;
		s->val = 0;
		m->n++;
	}
	return &s->val;
}

size_t *
strmap_get(const struct strmap *m, const char *key)
{
	struct strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = S_find(m, key);
	return s->key != NULL ? &s->val : NULL;
}
