/*
 * dl — a shared library opened at its first use; see dl.h.
 */
#include "dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t S_mu = PTHREAD_MUTEX_INITIALIZER;

/* dlsym() returns an object pointer; ISO C has no conversion from it to
 * a function pointer, POSIX guarantees the two have the same size and
 * representation: copy the bytes. */
typedef void (*S_fn)(void);
_Static_assert(sizeof(S_fn) == sizeof(void *),
    "function and object pointers differ in size");

static int
S_open(struct dl_lib *lib)
{
	const struct dl_sym *s;
	const char *e;
	void *h, *p;

	dlerror();
	/* RTLD_LOCAL: its symbols do not take part in resolving anyone
	 * else's; RTLD_NOW: a missing function shows now, not mid-call. */
	if ((h = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		snprintf(lib->why, sizeof(lib->why), "%s",
		    e != NULL ? e : lib->soname);
		return -1;
	}
	for (s = lib->syms; s->name != NULL; s++) {
		dlerror();
		if ((p = dlsym(h, s->name)) == NULL) {
			e = dlerror();
			snprintf(lib->why, sizeof(lib->why), "%s: no %s%s%s",
			    lib->soname, s->name, e != NULL ? ": " : "",
			    e != NULL ? e : "");
			/* left open: its dependencies may be shared with
			 * libraries already in use, and unloading is of no
			 * use to a process that cannot do the job anyway */
			return -1;
		}
		memcpy(s->slot, &p, sizeof(p));
	}
	return 0;
}

int
dl_load(struct dl_lib *lib)
{
	int rc;

	pthread_mutex_lock(&S_mu);
	if (lib->state == 0)
		lib->state = S_open(lib) == 0 ? 1 : -1;
	rc = lib->state > 0 ? 0 : -1;
	pthread_mutex_unlock(&S_mu);
	return rc;
}
