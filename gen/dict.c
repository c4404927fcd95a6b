/*
 * dict — the process's hunspell dictionaries (see dict.h).
 */
#include "dict.h"
#include "dict_filter.h"
#include "buf.h"
#include "mem.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdio.h>
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
	int		 own;		/* dict_open_words()'s: the caller's */
	struct dict	*next;
};

/* The list, each entry's state and hunspell's lookups in the shared
 * dictionaries, behind one lock. */
static pthread_mutex_t	 S_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 S_loaded = PTHREAD_COND_INITIALIZER;
static struct dict	*S_dicts;
static int		 S_atexit;

/* At exit: frees every shared dictionary (valgrind and LeakSanitizer see
 * nothing left).  Every load is done by then: a load runs inside a
 * dict_open() call. */
static void
S_free_all(void)
{
	struct dict *d, *next;

	for (d = S_dicts; d != NULL; d = next) {
		next = d->next;
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
dict_exists(const char *aff, const char *dic)
{
	return access(aff ? aff : NL_AFF, R_OK) == 0 &&
	    access(dic ? dic : NL_DIC, R_OK) == 0;
}

/* The filtered .dic text into a temporary file (hunspell reads only
 * files), loaded with the .aff, then removed: hunspell has read it all
 * when Hunspell_create() returns.  NULL when no file can be made. */
static Hunhandle *
S_load_text(const char *aff, const struct buf *text)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = { 0 };
	Hunhandle *hs = NULL;
	size_t done = 0;
	ssize_t w;
	int fd;

	buf_printf(&path, "%s/salesgen-dic-XXXXXX",
	    dir != NULL && *dir == '/' ? dir : "/tmp");
	if ((fd = mkstemp(path.data)) < 0) {
		buf_free(&path);
		return NULL;
	}
	while (done < text->len &&
	    (w = write(fd, text->data + done, text->len - done)) > 0)
		done += (size_t)w;
	if (close(fd) == 0 && done == text->len)
		hs = Hunspell_create(aff, path.data);
	unlink(path.data);
	buf_free(&path);
	return hs;
}

struct dict *
dict_open_words(const char *aff, const char *dic, const char *const *words,
    size_t n, const char *pre, const char *post)
{
	struct buf text = { 0 };
	struct dict *d;
	Hunhandle *hs = NULL;
	size_t kept;

	aff = aff ? aff : NL_AFF;
	dic = dic ? dic : NL_DIC;
	if (!dict_exists(aff, dic))
		return NULL;
	if (dict_filter(aff, dic, words, n, pre, post, &text, &kept) == 0)
		hs = S_load_text(aff, &text);
	buf_free(&text);
	if (hs == NULL)
		return dict_open(aff, dic);
	d = xcalloc(1, sizeof(*d));
	d->hs = hs;
	d->state = D_READY;
	d->own = 1;
	return d;
}

void
dict_free(struct dict *d)
{
	if (d == NULL || !d->own)
		return;
	Hunspell_destroy(d->hs);
	free(d);
}

int
dict_spell(struct dict *d, const char *word)
{
	int ok;

	/* a caller's own is used by one thread at a time */
	if (d->own)
		return Hunspell_spell(d->hs, word) != 0;
	pthread_mutex_lock(&S_lock);
	ok = Hunspell_spell(d->hs, word) != 0;
	pthread_mutex_unlock(&S_lock);
	return ok;
}
