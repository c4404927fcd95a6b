/* theme — template lookup: project first, then built-in (see theme.h). */
#include "theme.h"
#include "buf.h"
#include "file.h"
#include "mem.h"

#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

struct theme_entry {
	char	*name;
	char	*path;
	char	*data;		/* owned copy (project) or NULL (built-in) */
	const char *ro;		/* what theme_get hands out */
	size_t	 len;
};

struct theme {
	pthread_mutex_t		 lock;	/* the site's page threads share it */
	char			*root;	/* DIR: what a template may not leave */
	char			*dir;	/* DIR/templates, or NULL */
	struct theme_entry	*v;
	size_t			 n;
};

struct theme *
theme_new(const char *dir)
{
	struct theme *t = xcalloc(1, sizeof(*t));

	pthread_mutex_init(&t->lock, NULL);
	if (dir != NULL) {
		t->root = xstrdup(dir);
		t->dir = file_join(dir, "templates");
	}
	return t;
}

void
theme_free(struct theme *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].path);
		free(t->v[i].data);
	}
	free(t->v);
	free(t->dir);
	free(t->root);
	pthread_mutex_destroy(&t->lock);
	free(t);
}

static const char *S_get(struct theme *, const char *, const char **,
    size_t *);

const char *
theme_get(struct theme *t, const char *name, const char **path, size_t *len)
{
	const char *r;

	pthread_mutex_lock(&t->lock);
	r = S_get(t, name, path, len);
	pthread_mutex_unlock(&t->lock);
	return r;
}

/* Entries are never removed or moved once handed out (the array of
 * entries may move, their strings do not), so a pointer returned under
 * the lock stays valid after it. */
static const char *
S_get(struct theme *t, const char *name, const char **path, size_t *len)
{
	struct theme_entry *e;
	struct diag_list *quiet;
	char *p, *data = NULL;
	const char *ro = NULL;
	size_t i, n = 0;
	struct buf bp = { 0 };

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0) {
			*path = t->v[i].path;
			*len = t->v[i].len;
			return t->v[i].ro;
		}
	if (*name == '\0' || !file_rel_inside(name))
		return NULL;
	if (t->dir != NULL) {
		struct stat st;

		p = file_join(t->dir, name);
		if (lstat(p, &st) == 0) {
			/* the project has it: its own, or nothing (a link out,
			 * a FIFO: theme_check() says so), never the built-in
			 * one in its place */
			quiet = diag_list_new();
			data = file_read_in(t->root, p, &n, quiet);
			diag_list_free(quiet);
			if (data == NULL) {
				free(p);
				return NULL;
			}
			ro = data;
			buf_puts(&bp, p);
		}
		free(p);
	}
	for (i = 0; ro == NULL && theme_builtin[i].name != NULL; i++)
		if (strcmp(theme_builtin[i].name, name) == 0) {
			ro = theme_builtin[i].data;
			n = theme_builtin[i].len;
			buf_printf(&bp, "<built-in>/%s", name);
		}
	if (ro == NULL)
		return NULL;
	t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
	e = &t->v[t->n++];
	e->name = xstrdup(name);
	e->path = buf_detach(&bp);
	e->data = data;
	e->ro = ro;
	e->len = n;
	*path = e->path;
	*len = n;
	return ro;
}

static int
S_check(const struct theme *t, const char *dir, int depth,
    struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *full;
	int rc = 0, in;

	if (depth > 8 || (d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		full = file_join(dir, e->d_name);
		in = file_inside(t->root, full);
		if (in != 1 && lstat(full, &st) == 0 && S_ISLNK(st.st_mode)) {
			/* out, or dangling: where it leads is not ours */
			diag_add(dl, DIAG_PATH_ESCAPE, full, 0, 0, full);
			rc = -1;
		} else if (stat(full, &st) != 0)
			;
		else if (S_ISDIR(st.st_mode)) {
			if (S_check(t, full, depth + 1, dl) != 0)
				rc = -1;
		} else if (!S_ISREG(st.st_mode)) {
			diag_add(dl, DIAG_NOT_REGULAR, full, 0, 0);
			rc = -1;
		} else if ((unsigned long long)st.st_size > FILE_MAX_INPUT) {
			diag_add(dl, DIAG_TOO_LARGE, full, 0, 0,
			    (int)(FILE_MAX_INPUT >> 20));
			rc = -1;
		}
		free(full);
	}
	closedir(d);
	return rc;
}

int
theme_check(struct theme *t, struct diag_list *dl)
{
	struct stat st;

	if (t->dir == NULL || lstat(t->dir, &st) != 0)
		return 0;
	if (file_inside(t->root, t->dir) != 1) {
		diag_add(dl, DIAG_PATH_ESCAPE, t->dir, 0, 0, t->dir);
		return -1;
	}
	return S_check(t, t->dir, 0, dl);
}

const char *
theme_root(const struct theme *t)
{
	return t->root;
}
