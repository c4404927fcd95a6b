/* file_tmp — temporary output files and their cleaning (see file_tmp.h). */
#include "file_tmp.h"
#include "buf.h"
#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define S_MARK		".sg-tmp-"
#define S_NAME_MAX	200	/* of the output's name kept in the temporary
				   one: the whole stays under NAME_MAX */
#define S_DEPTH_MAX	32	/* folders below the one cleaned */

/* Shared by every thread: two threads writing the same output (or two
 * outputs whose names were cut to the same 200 bytes) never share a
 * temporary file. */
static atomic_ulong S_counter;

int
file_tmp_open(const char *path, struct buf *tmp)
{
	const char *base = file_base(path);
	size_t dirlen, n;
	int fd, tries;

	dirlen = (size_t)(base - path);
	n = strlen(base);
	if (n > S_NAME_MAX)
		n = S_NAME_MAX;
	/* O_EXCL: a name that exists (a leftover of an earlier process
	 * that had this pid, or anything planted there) is never opened,
	 * and O_NOFOLLOW never writes through a symbolic link. */
	for (tries = 0; tries < 100; tries++) {
		buf_reset(tmp);
		buf_put(tmp, path, dirlen);
		buf_putc(tmp, '.');
		buf_put(tmp, base, n);
		buf_printf(tmp, "%s%ld-%lu", S_MARK, (long)getpid(),
		    (unsigned long)atomic_fetch_add(&S_counter, 1));
		fd = open(buf_cstr(tmp), O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

/* digits: one or more ASCII digits, at most 20; returns the end or NULL */
static const char *
S_digits(const char *s, unsigned long long *v)
{
	const char *p = s;

	*v = 0;
	while (*p >= '0' && *p <= '9' && p - s < 20)
		*v = *v * 10 + (unsigned long long)(*p++ - '0');
	return p > s ? p : NULL;
}

int
file_tmp_match(const char *name, long *pid)
{
	const char *m, *p;
	unsigned long long v, c;

	if (name[0] != '.')
		return 0;
	/* the last mark: an output's own name may hold one */
	for (m = NULL, p = name + 1; (p = strstr(p, S_MARK)) != NULL; p++)
		m = p;
	if (m == NULL || m == name + 1)
		return 0;
	p = S_digits(m + strlen(S_MARK), &v);
	if (p == NULL || *p++ != '-' || (p = S_digits(p, &c)) == NULL ||
	    *p != '\0' || v == 0 || v > 0x7fffffffUL)
		return 0;
	*pid = (long)v;
	return 1;
}

/* A temporary file is stale unless its process still runs.  One of our
 * own pid was left by an earlier process that had it (a container starts
 * its pids anew), as this one cleans before it writes. */
static int
S_stale(long pid)
{
	if (pid == (long)getpid())
		return 1;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

static size_t
S_clean(int fd, const char *path, int recursive, int depth,
    struct diag_list *dl)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	struct buf sub = { 0 };
	size_t n = 0;
	long pid;
	int cfd;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		buf_reset(&sub);
		buf_printf(&sub, "%s/%s", path, e->d_name);
		if (S_ISREG(st.st_mode) && file_tmp_match(e->d_name, &pid) &&
		    S_stale(pid)) {
			if (unlinkat(dirfd(d), e->d_name, 0) == 0)
				n++;
			else if (errno != ENOENT)
				diag_add(dl, DIAG_WRITE, NULL, 0, 0,
				    buf_cstr(&sub), strerror(errno));
		} else if (S_ISDIR(st.st_mode) && recursive &&
		    depth < S_DEPTH_MAX && (cfd = openat(dirfd(d), e->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) >= 0)
			n += S_clean(cfd, buf_cstr(&sub), recursive, depth + 1,
			    dl);
	}
	closedir(d);
	buf_free(&sub);
	return n;
}

size_t
file_tmp_clean(const char *dir, int recursive, struct diag_list *dl)
{
	int fd;

	/* dir is where the outputs go (the user may have made it a link);
	 * the folders below it are only walked as folders */
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	return S_clean(fd, dir, recursive, 0, dl);
}
