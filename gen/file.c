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

char *
file_read(const char *path, size_t *len, struct diag_list *dl)
{
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd;

	fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || (fd > 0 && file_is_dir(path))) {
		diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path,
		    fd < 0 ? strerror(errno) : "is a directory");
		if (fd > 0)
			close(fd);
		return NULL;
	}
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_add(dl, DIAG_NO_FILE, NULL, 0, 0, path,
			    strerror(errno));
			buf_free(&b);
			if (fd > 0)
				close(fd);
			return NULL;
		}
		if (n == 0)
			break;
		buf_put(&b, chunk, (size_t)n);
	}
	if (fd > 0)
		close(fd);
	*len = b.len;
	return buf_detach(&b);
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
	{
		/* A device or a pipe (-o /dev/stdout, a FIFO) is written to
		 * as it is: renaming over it would replace it by a file. */
		struct stat st;

		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
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
			if (mkdir(p, 0755) != 0 && errno != EEXIST) {
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
