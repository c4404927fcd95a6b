/* mem — allocation wrappers that exit on exhaustion (see mem.h). */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
S_oom(size_t n)
{
	fprintf(stderr, "salesgen: fatal: out of memory (%zu bytes)\n", n);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		S_oom(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (p == NULL)
		S_oom(nmemb * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		S_oom(n);
	return q;
}

char *
xstrndup(const char *s, size_t n)
{
	char *d;

	if (s == NULL)
		return NULL;
	d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}
