/*
 * dict — the process's hunspell dictionaries (see dict.h).
 */
#include "dict.h"
#include "mem.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NL_AFF	"/usr/share/hunspell/nl.aff"
#define NL_DIC	"/usr/share/hunspell/nl.dic"

enum { D_LOADING, D_READY };

struct dict {
	char		*aff, *dic;
	Hunhandle	*hs;		/* NULL: no such files */
	int		 state;
	int		 thread;	/* th was started */
	pthread_t	 th;
	struct dict	*next;
};

/* The list, each entry's state and hunspell's lookups, behind one lock:
 * the lookups of both splitters run on the thread that writes the site,
 * so the lock costs no waiting. */
static pthread_mutex_t	 S_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 S_loaded = PTHREAD_COND_INITIALIZER;
static struct dict	*S_dicts;
static int		 S_atexit;

/* At exit: waits for a load still running, then frees every dictionary
 * (valgrind and LeakSanitizer see nothing left). */
static void
S_free_all(void)
{
	struct dict *d, *next;

	for (d = S_dicts; d != NULL; d = next) {
		next = d->next;
		if (d->thread)
			pthread_join(d->th, NULL);
		if (d->hs != NULL)
			Hunspell_destroy(d->hs);
		free(d->aff);
		free(d->dic);
		free(d);
	}
	S_dicts = NULL;
}

/* Loads d (outside the lock: it takes the time) and says so. */
static void
S_load(struct dict *d)
{
	Hunhandle *hs = NULL;

	/* hunspell does not say when it finds no file */
	if (access(d->aff, R_OK) == 0 && access(d->dic, R_OK) == 0)
		hs = Hunspell_create(d->aff, d->dic);
	pthread_mutex_lock(&S_lock);
	d->hs = hs;
	d->state = D_READY;
	pthread_cond_broadcast(&S_loaded);
	pthread_mutex_unlock(&S_lock);
}

static void *
S_load_thread(void *arg)
{
	S_load(arg);
	return NULL;
}

/* The entry for aff/dic, added (state D_LOADING) when there is none;
 * *added says which.  Called with the lock held. */
static struct dict *
S_entry(const char *aff, const char *dic, int *added)
{
	struct dict *d;

	*added = 0;
	for (d = S_dicts; d != NULL; d = d->next)
		if (strcmp(d->aff, aff) == 0 && strcmp(d->dic, dic) == 0)
			return d;
	if (!S_atexit) {
		atexit(S_free_all);
		S_atexit = 1;
	}
	d = xcalloc(1, sizeof(*d));
	d->aff = xstrdup(aff);
	d->dic = xstrdup(dic);
	d->state = D_LOADING;
	d->next = S_dicts;
	S_dicts = d;
	*added = 1;
	return d;
}

void
dict_preload(const char *aff, const char *dic)
{
	struct dict *d;
	int added;

	pthread_mutex_lock(&S_lock);
	d = S_entry(aff ? aff : NL_AFF, dic ? dic : NL_DIC, &added);
	if (added && pthread_create(&d->th, NULL, S_load_thread, d) == 0)
		d->thread = 1;
	pthread_mutex_unlock(&S_lock);
	if (added && !d->thread)
		S_load(d);	/* no thread to be had: load it now */
}

struct dict *
dict_open(const char *aff, const char *dic)
{
	struct dict *d;
	int added;

	pthread_mutex_lock(&S_lock);
	d = S_entry(aff ? aff : NL_AFF, dic ? dic : NL_DIC, &added);
	if (added) {
		pthread_mutex_unlock(&S_lock);
		S_load(d);
		pthread_mutex_lock(&S_lock);
	}
	while (d->state != D_READY)
		pthread_cond_wait(&S_loaded, &S_lock);
	pthread_mutex_unlock(&S_lock);
	return d->hs != NULL ? d : NULL;
}

int
dict_spell(struct dict *d, const char *word)
{
	int ok;

	pthread_mutex_lock(&S_lock);
	ok = Hunspell_spell(d->hs, word) != 0;
	pthread_mutex_unlock(&S_lock);
	return ok;
}
