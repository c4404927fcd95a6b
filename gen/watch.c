/*
 * watch — inotify on a project's folders; see watch.h.
 */
#include "watch.h"

#include "diag.h"
#include "file.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a save can look like: written in place (close after write), a new
 * file renamed over the old (moved to), a file or folder made, removed
 * or moved away. */
#define WATCH_MASK	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
	IN_CREATE | IN_DELETE | IN_ONLYDIR | IN_DONT_FOLLOW)

struct watch_dir {
	int	 wd;
	char	*path;		/* owned */
};

struct watch {
	int			 fd;
	char			*top;	/* owned */
	struct watch_dir	*v;	/* owned, each path too */
	size_t			 n, cap;
};

/* Names an editor writes beside the file it saves, which are no input:
 * hidden files (vim's .x.swp, emacs' .#x), backups (x~) and vim's probe
 * for a writable folder (4913). */
static int
S_ignored(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || n == 0 || name[n - 1] == '~' ||
	    strcmp(name, "4913") == 0;
}

static const char *
S_path_of(const struct watch *w, int wd)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].wd == wd)
			return w->v[i].path;
	return NULL;
}

static void
S_forget(struct watch *w, int wd)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].wd == wd) {
			free(w->v[i].path);
			w->v[i] = w->v[--w->n];
			return;
		}
}

/* Watches dir and, depth first, the folders below it; out/ of the
 * project (what serve itself writes) and hidden folders are skipped.
 * Linked folders are not followed: what they lead to is not the
 * project's. */
static void
S_add_tree(struct watch *w, const char *dir, int depth, struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *sub;
	int wd;

	if (depth > 64)
		return;
	if ((wd = inotify_add_watch(w->fd, dir, WATCH_MASK)) < 0) {
		diag_add(dl, DIAG_WATCH, dir, 0, 0, dir, strerror(errno));
		return;
	}
	if (S_path_of(w, wd) == NULL) {
		if (w->n == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 16;
			w->v = xrealloc(w->v, w->cap * sizeof(*w->v));
		}
		w->v[w->n].wd = wd;
		w->v[w->n++].path = xstrdup(dir);
	}
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (depth == 0 && strcmp(e->d_name, "out") == 0)
			continue;
		sub = file_join(dir, e->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			S_add_tree(w, sub, depth + 1, dl);
		free(sub);
	}
	closedir(d);
}

struct watch *
watch_open(const char *top, struct diag_list *dl)
{
	struct watch *w;
	int fd;

	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0) {
		diag_add(dl, DIAG_WATCH, top, 0, 0, top, strerror(errno));
		return NULL;
	}
	w = xcalloc(1, sizeof(*w));
	w->fd = fd;
	w->top = xstrdup(top);
	S_add_tree(w, top, 0, dl);
	return w;
}

int
watch_fd(const struct watch *w)
{
	return w->fd;
}

int
watch_read(struct watch *w, struct diag_list *dl)
{
	/* as inotify(7) asks: aligned, room for at least one long name */
	char ev[4096 + sizeof(struct inotify_event) + NAME_MAX + 1]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *e;
	const char *dir;
	char *sub;
	ssize_t n;
	char *p;
	int changed = 0;

	for (;;) {
		n = read(w->fd, ev, sizeof(ev));
		if (n <= 0)
			break;
		for (p = ev; p < ev + n; p += sizeof(*e) + e->len) {
			e = (const struct inotify_event *)(void *)p;
			if (e->mask & IN_IGNORED) {
				S_forget(w, e->wd);
				continue;
			}
			if (e->mask & IN_Q_OVERFLOW) {
				changed = 1;	/* events lost: rebuild */
				continue;
			}
			if (e->len == 0 || S_ignored(e->name))
				continue;
			dir = S_path_of(w, e->wd);
			if (dir == NULL)
				continue;
			/* the project's own out/ is not an input */
			if (strcmp(dir, w->top) == 0 &&
			    strcmp(e->name, "out") == 0)
				continue;
			changed = 1;
			if ((e->mask & (IN_CREATE | IN_MOVED_TO)) &&
			    (e->mask & IN_ISDIR)) {
				sub = file_join(dir, e->name);
				S_add_tree(w, sub, 1, dl);
				free(sub);
			}
		}
	}
	return changed;
}

void
watch_close(struct watch *w)
{
	size_t i;

	if (w == NULL)
		return;
	close(w->fd);
	for (i = 0; i < w->n; i++)
		free(w->v[i].path);
	free(w->v);
	free(w->top);
	free(w);
}
