/* file — input reading and atomic output (see file.h). */
#include "file.h"
#include "file_tmp.h"
#include "buf.h"
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where the writers are confined (file_confine), a real path, or NULL. */
static char *S_confine;

/* Told of every output path a writer leaves complete (file_on_output). */
static void (*S_on_output)(const char *, void *);
static void *S_on_output_arg;

/* 1 when the real path real is root or below it. */
static int
S_below(const char *root, const char *real)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return 1;
	return strncmp(real, root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0');
}

/* Reads the file open as fd (name: what diagnostics call it). */
static char *
S_read_fd(int fd, const char *name, size_t *len, struct diag_list *dl)
{
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, name,
			    strerror(errno));
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		/* standard input, or a file that grew after fstat */
		if (b.len + (size_t)n > FILE_MAX_INPUT) {
			diag_add(dl, DIAG_TOO_LARGE, name, 0, 0,
			    (int)(FILE_MAX_INPUT >> 20));
			buf_free(&b);
			return NULL;
		}
		buf_put(&b, chunk, (size_t)n);
	}
	*len = b.len;
	return buf_detach(&b);
}

/* Opens what (name in diagnostics) for reading, regular files only. */
static char *
S_read(const char *what, const char *name, int flags, size_t *len,
    struct diag_list *dl)
{
	struct stat st;
	char *r;
	int fd;

	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one;
	 * fstat then refuses it before anything is read. */
	fd = open(what, O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags);
	if (fd < 0) {
		diag_add(dl, errno == ELOOP ? DIAG_PATH_ESCAPE : DIAG_NO_FILE,
		    errno == ELOOP ? name : NULL, 0, 0, name,
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, name,
		    S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(dl, DIAG_NOT_REGULAR, name, 0, 0);
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > FILE_MAX_INPUT) {
		diag_add(dl, DIAG_TOO_LARGE, name, 0, 0,
		    (int)(FILE_MAX_INPUT >> 20));
		close(fd);
		return NULL;
	}
	/* a regular file never blocks; reads are plain from here */
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	r = S_read_fd(fd, name, len, dl);
	close(fd);
	return r;
}

char *
file_read(const char *path, size_t *len, struct diag_list *dl)
{
	if (strcmp(path, "-") == 0)
		return S_read_fd(0, "<stdin>", len, dl);
	return S_read(path, path, 0, len, dl);
}

int
file_inside(const char *root, const char *path)
{
	char *r, *p;
	int in;

	if ((r = realpath(root, NULL)) == NULL)
		return -1;
	if ((p = realpath(path, NULL)) == NULL) {
		free(r);
		return -1;
	}
	in = S_below(r, p);
	free(r);
	free(p);
	return in;
}

char *
file_read_in(const char *root, const char *path, size_t *len,
    struct diag_list *dl)
{
	char *r, *p, *data;
	struct stat st;

	if ((r = realpath(root, NULL)) == NULL) {
		diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, root, strerror(errno));
		return NULL;
	}
	if ((p = realpath(path, NULL)) == NULL) {
		/* a dangling link says nothing about where it points */
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			diag_add(dl, DIAG_PATH_ESCAPE, path, 0, 0, path);
		else
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path,
			    strerror(errno));
		free(r);
		return NULL;
	}
	if (!S_below(r, p)) {
		diag_add(dl, DIAG_PATH_ESCAPE, path, 0, 0, path);
		data = NULL;
	} else
		data = S_read(p, path, O_NOFOLLOW, len, dl);
	free(r);
	free(p);
	return data;
}

/* Folds "/a/./b/../c" to "/a/c" in place (path absolute). */
static void
S_fold(char *path)
{
	char *r = path, *w = path, *seg;
	size_t n;

	while (*r) {
		while (*r == '/')
			r++;
		seg = r;
		while (*r && *r != '/')
			r++;
		n = (size_t)(r - seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			while (w > path && *--w != '/')
				;
			continue;
		}
		*w++ = '/';
		memmove(w, seg, n);
		w += n;
	}
	if (w == path)
		*w++ = '/';
	*w = '\0';
}

enum file_where
file_where_in(const char *root, const char *path)
{
	struct buf b = { 0 }, t = { 0 };
	struct stat st;
	char *r, *p = NULL, *cwd = NULL, *cut;
	enum file_where w = FILE_OUT;

	if ((r = realpath(root, NULL)) == NULL)
		return FILE_MISSING;
	/* First by the letters alone: nothing outside is looked at.  The
	 * root counts as written too, for paths that reach it through a
	 * linked folder above it (/tmp/link/project/...). */
	if ((cwd = realpath(".", NULL)) == NULL)
		goto done;
	if (path[0] != '/')
		buf_printf(&b, "%s/", cwd);
	buf_puts(&b, path);
	S_fold(b.data);
	if (root[0] != '/')
		buf_printf(&t, "%s/", cwd);
	buf_puts(&t, root);
	S_fold(t.data);
	if (!S_below(r, b.data) && !S_below(t.data, b.data))
		goto done;
	if ((p = realpath(b.data, NULL)) != NULL) {
		w = !S_below(r, p) ? FILE_OUT : stat(p, &st) == 0 &&
		    !S_ISREG(st.st_mode) ? FILE_NOT_REG : FILE_IN;
		goto done;
	}
	if (lstat(b.data, &st) == 0)
		goto done;	/* a dangling link: where to is not ours */
	/* Missing: unless a folder on the way leads out. */
	w = FILE_MISSING;
	while ((cut = strrchr(b.data, '/')) != NULL && cut != b.data) {
		*cut = '\0';
		if ((p = realpath(b.data, NULL)) != NULL) {
			if (!S_below(r, p))
				w = FILE_OUT;
			break;
		}
		if (lstat(b.data, &st) == 0) {
			w = FILE_OUT;	/* a dangling linked folder */
			break;
		}
	}
done:
	buf_free(&b);
	buf_free(&t);
	free(r);
	free(p);
	free(cwd);
	return w;
}

void
file_confine(const char *root)
{
	free(S_confine);
	S_confine = root != NULL ? realpath(root, NULL) : NULL;
}

/* Under file_confine(): 0 when the existing folder dir may be written
 * into (it resolves to the root, below it, or to one of the root's own
 * parents on the way down to it), else -1 after DIAG_PATH_ESCAPE. */
static int
S_confined(const char *dir, struct diag_list *dl)
{
	char *real;
	int ok;

	if (S_confine == NULL)
		return 0;
	if ((real = realpath(dir, NULL)) == NULL)
		return 0;	/* not there: mkdir or open says why */
	ok = S_below(S_confine, real) || S_below(real, S_confine);
	free(real);
	if (!ok)
		diag_add(dl, DIAG_PATH_ESCAPE, dir, 0, 0, dir);
	return ok ? 0 : -1;
}

static int
S_write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* 1 when path is a regular file holding exactly data: then it is left
 * as it is, so its mtime stays and rsync, make or a CI cache see no
 * change (an incremental build rewrites nothing it did not change).
 * Anything that cannot be read or compared counts as different. */
static int
S_same(const char *path, const char *data, size_t len)
{
	char chunk[65536];
	struct stat st;
	size_t at = 0;
	ssize_t n;
	int fd, same = 0;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size != (unsigned long long)len)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return 0;
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (size_t)n > len - at ||
		    memcmp(chunk, data + at, (size_t)n) != 0)
			break;
		if (n == 0) {
			same = at == len;
			break;
		}
		at += (size_t)n;
	}
	close(fd);
	return same;
}

void
file_on_output(void (*fn)(const char *, void *), void *arg)
{
	S_on_output = fn;
	S_on_output_arg = arg;
}

/* Writes data to path through a temporary file beside it (file_tmp.h),
 * with sync: flushed to the disk before the rename, for the documents a
 * user sends on (a PDF that is empty after a power cut was never sent
 * whole). */
static int
S_write(const char *path, const void *data, size_t len, int sync,
    struct diag_list *dl)
{
	struct buf tmp = { 0 };
	int fd, err;

	if (strcmp(path, "-") == 0) {
		if (S_write_all(1, data, len) != 0) {
			diag_add(dl, DIAG_WRITE, NULL, 0, 0, "<stdout>",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	if (S_confine != NULL) {
		/* a build writes only inside its project */
		char *dir = file_dir(path);

		err = S_confined(*dir ? dir : "/", dl);
		free(dir);
		if (err != 0)
			return -1;
	}
	{
		/* A device or a pipe (-o /dev/stdout, a FIFO) is written to
		 * as it is: renaming over it would replace it by a file.  Not
		 * in a build, where such a thing in out/ was planted. */
		struct stat st;

		if (S_confine == NULL &&
		    stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
		    !S_ISDIR(st.st_mode)) {
			fd = open(path, O_WRONLY | O_CLOEXEC);
			if (fd < 0 || S_write_all(fd, data, len) != 0) {
				err = errno;
				if (fd >= 0)
					close(fd);
				diag_add(dl, DIAG_WRITE, NULL, 0, 0, path,
				    strerror(err));
				return -1;
			}
			close(fd);
			return 0;
		}
	}
	if (S_same(path, data, len)) {
		if (S_on_output != NULL)
			S_on_output(path, S_on_output_arg);
		return 0;
	}
	if ((fd = file_tmp_open(path, &tmp)) < 0) {
		diag_add(dl, DIAG_WRITE, NULL, 0, 0, path, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	if (S_write_all(fd, data, len) != 0 || (sync && fsync(fd) != 0)) {
		err = errno;
		close(fd);
		unlink(tmp.data);
		diag_add(dl, DIAG_WRITE, NULL, 0, 0, path, strerror(err));
		buf_free(&tmp);
		return -1;
	}
	if (close(fd) != 0 || rename(tmp.data, path) != 0) {
		err = errno;
		unlink(tmp.data);
		diag_add(dl, DIAG_WRITE, NULL, 0, 0, path, strerror(err));
		buf_free(&tmp);
		return -1;
	}
	buf_free(&tmp);
	if (S_on_output != NULL)
		S_on_output(path, S_on_output_arg);
	if (dl != NULL && dl->verbose)
		diag_add(dl, DIAG_WROTE, NULL, 0, 0, path);
	return 0;
}

int
file_write(const char *path, const void *data, size_t len,
    struct diag_list *dl)
{
	return S_write(path, data, len, 0, dl);
}

int
file_write_sync(const char *path, const void *data, size_t len,
    struct diag_list *dl)
{
	return S_write(path, data, len, 1, dl);
}

int
file_mkdirs(const char *dir, struct diag_list *dl)
{
	char *p = xstrdup(dir), *s;
	int rc = 0;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		{
			char c = *s;

			*s = '\0';
			if (S_confined(*p ? p : "/", dl) != 0)
				rc = -1;
			else if (mkdir(p, 0755) != 0 && errno != EEXIST) {
				diag_add(dl, DIAG_WRITE, NULL, 0, 0, p,
				    strerror(errno));
				rc = -1;
			}
			*s = c;
			if (c == '\0' || rc != 0)
				break;
		}
	}
	if (rc == 0 && !file_is_dir(dir)) {
		diag_add(dl, DIAG_WRITE, NULL, 0, 0, dir, "not a directory");
		rc = -1;
	}
	free(p);
	return rc;
}

int
file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
file_is_reg(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *
file_join(const char *a, const char *b)
{
	struct buf j = { 0 };

	if (a == NULL || *a == '\0' || strcmp(a, ".") == 0)
		return xstrdup(b);
	buf_puts(&j, a);
	if (j.len > 0 && j.data[j.len - 1] != '/')
		buf_putc(&j, '/');
	buf_puts(&j, b);
	return buf_detach(&j);
}

int
file_rel_inside(const char *rel)
{
	int depth = 0;
	const char *s = rel, *e;
	size_t n;

	if (*rel == '/')
		return 0;
	while (*s) {
		e = strchr(s, '/');
		n = e ? (size_t)(e - s) : strlen(s);
		if (n == 2 && strncmp(s, "..", 2) == 0) {
			if (--depth < 0)
				return 0;
		} else if (n > 0 && !(n == 1 && *s == '.'))
			depth++;
		s += n;
		if (*s == '/')
			s++;
	}
	return 1;
}

/* Folds "a/./b/../c" to "a/c"; returns NULL when ".." climbs above the
 * start.  The caller frees the result. */
char *
file_fold(const char *rel)
{
	struct buf b = { 0 };
	const char *p = rel, *e;
	size_t n, cut;

	while (*p) {
		e = strchr(p, '/');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (b.len == 0) {
				buf_free(&b);
				return NULL;
			}
			for (cut = b.len; cut > 0 && b.data[cut - 1] != '/'; cut--)
				;
			b.len = cut > 0 ? cut - 1 : 0;
			b.data[b.len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (b.len > 0)
				buf_putc(&b, '/');
			buf_put(&b, p, n);
		}
		p += n;
		if (*p == '/')
			p++;
	}
	return buf_detach(&b);
}
