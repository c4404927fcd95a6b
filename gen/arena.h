/*
 * arena — a bump allocator for short-lived, many small objects.
 *
 * Memory comes from chunks that grow from a first size up to a cap;
 * nothing is freed one by one.  arena_reset() makes every byte reusable
 * (keeping the largest chunk), arena_free() gives everything back.  One
 * arena belongs to one thread at a time.
 */
#ifndef SALESGEN_ARENA_H
#define SALESGEN_ARENA_H

#include <stddef.h>

struct arena;

/* Returns a new empty arena (free with arena_free()). */
struct arena *arena_new(void);
void	arena_free(struct arena *);
/* Forgets every allocation, keeping one chunk for reuse. */
void	arena_reset(struct arena *);
/* n bytes aligned for any type; never NULL (exits on exhaustion). */
void	*arena_alloc(struct arena *, size_t n);
/* Grows the last allocation p (of old bytes) to n bytes in place when it
 * is the most recent one and its chunk has room; returns 0 then, -1 when
 * the caller must allocate anew. */
int	arena_extend(struct arena *, void *p, size_t old, size_t n);
/* Bytes handed out since the last reset (for the tests). */
size_t	arena_used(const struct arena *);

#endif
