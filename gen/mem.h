/*
 * mem — the one out-of-memory policy of salesgen.
 *
 * Every allocation in the program goes through these wrappers.  Running out
 * of memory is the only failure that is not reported through a diagnostic
 * list: the wrappers print one line and exit(2), because no caller could do
 * anything useful with a NULL anyway.
 */
#ifndef SALESGEN_MEM_H
#define SALESGEN_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Returns a new NUL-terminated copy the caller frees; NULL in gives NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
