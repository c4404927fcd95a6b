/*
 * dict — the process's hunspell dictionaries (see dict.h).
 */
#define _GNU_SOURCE	/* memfd_create() */
#include "dict.h"
#include "dict_filter.h"
#include "buf.h"
#include "mem.h"

#include <hunspell.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>
#include <unistd.h>

#define NL_AFF	"/usr/share/hunspell/nl.aff"
#define NL_DIC	"/usr/share/hunspell/nl.dic"

enum { D_NONE, D_LOADING, D_READY };

/* A dictionary of the process's list (or a caller's own, own set): its
 * whole hunspell load and the cores of its entries (dict_filter.h), each
 * made once for every user. */
struct dict {
	char			*aff, *dic;
	Hunhandle		*hs;	/* NULL: no such files */
	int			 state;	/* of hs */
	struct dict_cores	*dc;	/* NULL: not to be filtered */
	int			 cstate;	/* of dc */
	int			 own;	/* dict_open_words()'s: the caller's */
	struct dict		*next;
};

/* The list, each entry's states and hunspell's lookups in the shared
 * dictionaries, behind one lock. */
static pthread_mutex_t	 S_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 S_loaded = PTHREAD_COND_INITIALIZER;
static struct dict	*S_dicts;
static int		 S_atexit;
/* hunspell counts its users of a table of its own without a lock:
 * Hunspell_create() and Hunspell_destroy() run one at a time (never
 * taken while S_lock is wanted) */
static pthread_mutex_t	 S_hlock = PTHREAD_MUTEX_INITIALIZER;

static Hunhandle *
S_create(const char *aff, const char *dic)
{
	Hunhandle *hs;

	pthread_mutex_lock(&S_hlock);
	hs = Hunspell_create(aff, dic);
	pthread_mutex_unlock(&S_hlock);
	return hs;
}

static void
S_destroy(Hunhandle *hs)
{
	pthread_mutex_lock(&S_hlock);
	Hunspell_destroy(hs);
	pthread_mutex_unlock(&S_hlock);
}

/* At exit: frees every shared dictionary (valgrind and LeakSanitizer see
 * nothing left).  Every load is done by then: a load runs inside a call
 * that returns when it is done. */
static void
S_free_all(void)
{
	struct dict *d, *next;

	for (d = S_dicts; d != NULL; d = next) {
		next = d->next;
		if (d->hs != NULL)
			S_destroy(d->hs);
		dict_cores_free(d->dc);
		free(d->aff);
		free(d->dic);
		free(d);
	}
	S_dicts = NULL;
}

/* The entry for aff/dic, added (nothing made) when there is none.
 * Called with the lock held. */
static struct dict *
S_entry(const char *aff, const char *dic)
{
	struct dict *d;

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
	d->next = S_dicts;
	S_dicts = d;
	return d;
}

/* Makes what d lacks of its hunspell load (cores 0) or of its cores
 * (cores 1), unless another thread makes it; with wait, waits until it
 * is made.  Called with the lock held; makes it outside the lock, as it
 * takes the time. */
static void
S_make(struct dict *d, int cores, int wait)
{
	int *state = cores ? &d->cstate : &d->state;
	struct dict_cores *dc = NULL;
	Hunhandle *hs = NULL;

	if (*state == D_NONE) {
		*state = D_LOADING;
		pthread_mutex_unlock(&S_lock);
		if (cores)
			dc = dict_cores_new(d->aff, d->dic);
		/* hunspell does not say when it finds no file */
		else if (access(d->aff, R_OK) == 0 &&
		    access(d->dic, R_OK) == 0)
			hs = S_create(d->aff, d->dic);
		pthread_mutex_lock(&S_lock);
		if (cores)
			d->dc = dc;
		else
			d->hs = hs;
		*state = D_READY;
		pthread_cond_broadcast(&S_loaded);
	}
	while (wait && *state != D_READY)
		pthread_cond_wait(&S_loaded, &S_lock);
}

struct dict *
dict_open(const char *aff, const char *dic)
{
	struct dict *d;

	pthread_mutex_lock(&S_lock);
	d = S_entry(aff ? aff : NL_AFF, dic ? dic : NL_DIC);
	S_make(d, 0, 1);
	pthread_mutex_unlock(&S_lock);
	return d->hs != NULL ? d : NULL;
}

int
dict_exists(const char *aff, const char *dic)
{
	return access(aff ? aff : NL_AFF, R_OK) == 0 &&
	    access(dic ? dic : NL_DIC, R_OK) == 0;
}

/* text[0..len) in an anonymous memory file (memfd), named by its
 * /proc/self/fd path into path (room for 64): its fd, or -1. */
static int
S_memfile(const char *text, size_t len, char *path)
{
	size_t done = 0;
	ssize_t w;
	int fd;

	if ((fd = memfd_create("salesgen-dict", MFD_CLOEXEC)) < 0)
		return -1;
	while (done < len && (w = write(fd, text + done, len - done)) > 0)
		done += (size_t)w;
	snprintf(path, 64, "/proc/self/fd/%d", fd);
	if (done != len || access(path, R_OK) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The filtered .dic text loaded with the .aff text aff[0..alen) (the
 * .aff less what spelling of those entries does not read,
 * dict_cores_select()).  hunspell
 * reads only files, so the texts go into anonymous memory files:
 * nothing is written to disk, nor anywhere outside the project and
 * out/.  NULL when no such file can be made (then the caller loads the
 * whole dictionary). */
static Hunhandle *
S_load_text(const char *aff, size_t alen, const struct buf *text)
{
	char apath[64], dpath[64];
	Hunhandle *hs = NULL;
	int afd, dfd;

	if ((afd = S_memfile(aff, alen, apath)) < 0)
		return NULL;
	if ((dfd = S_memfile(text->data ? text->data : "", text->len,
	    dpath)) >= 0) {
		hs = S_create(apath, dpath);
		close(dfd);
	}
	close(afd);
	return hs;
}

void
dict_prepare(const char *aff, const char *dic)
{
	aff = aff ? aff : NL_AFF;
	dic = dic ? dic : NL_DIC;
	if (!dict_exists(aff, dic))
		return;
	pthread_mutex_lock(&S_lock);
	S_make(S_entry(aff, dic), 1, 0);
	pthread_mutex_unlock(&S_lock);
}

struct dict *
dict_open_words(const char *aff, const char *dic, const char *const *words,
    size_t n, const char *pre, const char *post)
{
	struct buf text = { 0 }, afftext = { 0 };
	struct dict_cores *dc;
	struct dict *d;
	Hunhandle *hs = NULL;
	size_t kept;

	aff = aff ? aff : NL_AFF;
	dic = dic ? dic : NL_DIC;
	if (!dict_exists(aff, dic))
		return NULL;
	pthread_mutex_lock(&S_lock);
	d = S_entry(aff, dic);
	S_make(d, 1, 1);
	dc = d->dc;
	pthread_mutex_unlock(&S_lock);
	if (dc != NULL) {
		dict_cores_select(dc, words, n, pre, post, &text, &kept,
		    &afftext);
		hs = S_load_text(afftext.data ? afftext.data : "",
		    afftext.len, &text);
	}
	buf_free(&text);
	buf_free(&afftext);
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
	S_destroy(d->hs);
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
