/* arena — bump allocator (see arena.h). */
#include "arena.h"
#include "mem.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#define ALIGN		alignof(max_align_t)
#define FIRST_CHUNK	(64u << 10)
#define MAX_CHUNK	(1u << 20)

struct chunk {
	struct chunk	*prev;
	size_t		 size;		/* bytes of data[] */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk	*cur;
	size_t		 next_size;	/* of the next chunk */
	size_t		 total;		/* handed out since the reset */
	void		*last;		/* the most recent allocation */
};

static size_t
S_round(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof(*a));

	a->next_size = FIRST_CHUNK;
	return a;
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *p;

	if (a == NULL)
		return;
	for (c = a->cur; c != NULL; c = p) {
		p = c->prev;
		free(c);
	}
	free(a);
}

void
arena_reset(struct arena *a)
{
	struct chunk *c, *p, *keep = NULL;

	/* Keep the largest chunk: the next round will likely need as much. */
	for (c = a->cur; c != NULL; c = p) {
		p = c->prev;
		if (keep == NULL || c->size > keep->size) {
			free(keep);
			keep = c;
		} else
			free(c);
	}
	if (keep != NULL) {
		keep->prev = NULL;
		keep->used = 0;
	}
	a->cur = keep;
	a->total = 0;
	a->last = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk *c = a->cur;
	size_t need = S_round(n ? n : 1), size;
	void *p;

	if (need < n)
		need = SIZE_MAX;	/* xmalloc below reports it */
	if (c == NULL || c->size - c->used < need) {
		size = a->next_size;
		while (size < need && size < SIZE_MAX / 2)
			size *= 2;
		if (a->next_size < MAX_CHUNK)
			a->next_size *= 2;
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->prev = a->cur;
		a->cur = c;
	}
	p = c->data + c->used;
	c->used += need;
	a->total += need;
	a->last = p;
	return p;
}

int
arena_extend(struct arena *a, void *p, size_t old, size_t n)
{
	struct chunk *c = a->cur;
	size_t o = S_round(old ? old : 1), want = S_round(n ? n : 1);

	if (p == NULL || p != a->last || c == NULL || want < n)
		return -1;
	if (want <= o)
		return 0;
	if (c->size - c->used < want - o)
		return -1;
	c->used += want - o;
	a->total += want - o;
	return 0;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
