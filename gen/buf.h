/*
 * buf — a growable byte buffer, always NUL-terminated.
 *
 * Renderers write into a buf instead of a FILE *, so output can be checked,
 * embedded or written atomically by the caller.  A zeroed struct buf is a
 * valid empty buffer; buf_free() releases the storage and leaves it empty.
 */
#ifndef SALESGEN_BUF_H
#define SALESGEN_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated when size > 0 or after any put */
	size_t	 len;
	size_t	 size;
};

void	buf_grow(struct buf *, size_t extra);
void	buf_put(struct buf *, const void *p, size_t n);
void	buf_puts(struct buf *, const char *s);
/* One byte.  Inline: the renderers and the search write most text a
 * byte at a time (millions of calls in a 200-chapter site). */
inline void
buf_putc(struct buf *b, int c)
{
	if (b->len + 2 > b->size)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}
void	buf_printf(struct buf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *fmt, va_list);
void	buf_reset(struct buf *);		/* len = 0, keeps storage */
void	buf_free(struct buf *);
/* Hands the storage to the caller (who frees it) and empties the buf.
 * Never NULL: an empty buffer gives "". */
char	*buf_detach(struct buf *);
/* The contents as a C string; "" for an empty, never-written buffer. */
const char *buf_cstr(const struct buf *);

#endif
