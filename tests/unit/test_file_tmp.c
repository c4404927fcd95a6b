/*
 * test_file_tmp — the temporary files outputs are written through: names
 * unique per thread, the shape file_tmp_match() knows and nothing else,
 * and file_tmp_clean() removing only stale ones of that shape.  One PASS
 * or FAIL line per test; exit status 1 if any failed.
 */
#include "buf.h"
#include "diag.h"
#include "file.h"
#include "file_tmp.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NTHREAD	4
#define NEACH	50

#include "check.h"
static char	 dir[] = "/tmp/test_file_tmp.XXXXXX";

static void
S_verdict(const char *name, int ok, const char *why)
{
	check_verdict("file_tmp", name, ok, why);
}

static char	*names[NTHREAD][NEACH];

/* Opens NEACH temporary files for one output, as a mailing's threads
 * writing one name at once would. */
static void *
S_opener(void *arg)
{
	char **mine = arg;
	struct buf path = { 0 }, tmp = { 0 };
	int k, fd;

	buf_printf(&path, "%s/doc.pdf", dir);
	for (k = 0; k < NEACH; k++) {
		fd = file_tmp_open(path.data, &tmp);
		mine[k] = fd >= 0 ? strdup(tmp.data) : NULL;
		if (fd >= 0)
			close(fd);
	}
	buf_free(&path);
	buf_free(&tmp);
	return NULL;
}

static void
S_unique(void)
{
	pthread_t t[NTHREAD];
	int i, k, j, l, ok = 1;
	long pid;
	char why[512] = "";

	for (i = 0; i < NTHREAD; i++)
		pthread_create(&t[i], NULL, S_opener, names[i]);
	for (i = 0; i < NTHREAD; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < NTHREAD && ok; i++)
		for (k = 0; k < NEACH && ok; k++) {
			const char *base;

			if (names[i][k] == NULL) {
				snprintf(why, sizeof(why), "open failed");
				ok = 0;
				break;
			}
			base = strrchr(names[i][k], '/') + 1;
			if (!file_tmp_match(base, &pid) || pid != (long)getpid() ||
			    strncmp(base, ".doc.pdf.sg-tmp-", 16) != 0) {
				snprintf(why, sizeof(why), "bad name %s", base);
				ok = 0;
			}
			for (j = 0; j < NTHREAD && ok; j++)
				for (l = 0; l < NEACH && ok; l++)
					if ((j != i || l != k) && names[j][l] &&
					    strcmp(names[j][l], names[i][k]) == 0) {
						snprintf(why, sizeof(why),
						    "%s twice", base);
						ok = 0;
					}
		}
	S_verdict("names unique per thread, of the output's own shape", ok,
	    why);
}

static void
S_match(void)
{
	static const struct {
		const char *name;
		int ok;
		long pid;
	} c[] = {
		{ ".a.pdf.sg-tmp-12-0", 1, 12 },
		{ ".a.sg-tmp-1-2.pdf.sg-tmp-7-99", 1, 7 },
		{ "a.pdf.sg-tmp-12-0", 0, 0 },		/* no dot */
		{ ".sg-tmp-12-0", 0, 0 },		/* no name */
		{ ".a.pdf.sg-tmp-12-0.bak", 0, 0 },
		{ ".a.pdf.sg-tmp-12-", 0, 0 },
		{ ".a.pdf.sg-tmp--0", 0, 0 },
		{ ".a.pdf.sg-tmp-x-0", 0, 0 },
		{ ".a.pdf.sg-tmp-0-0", 0, 0 },		/* pid 0 */
		{ ".a.pdf.sg-tmp-12-0-1", 0, 0 },
		{ ".a.pdf.sg-tmp-99999999999-0", 0, 0 },	/* no such pid */
		{ "a.pdf.tmp.123", 0, 0 },
		{ ".a.pdf.SG-TMP-12-0", 0, 0 },
	};
	size_t i;
	long pid;
	int ok = 1, m;
	char why[256] = "";

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		pid = 0;
		m = file_tmp_match(c[i].name, &pid);
		if (m != c[i].ok || (m && pid != c[i].pid)) {
			snprintf(why, sizeof(why), "'%s': %d (pid %ld)",
			    c[i].name, m, pid);
			ok = 0;
			break;
		}
	}
	S_verdict("file_tmp_match knows the shape and nothing else", ok, why);
}

static void
S_clean(void)
{
	struct diag_list *dl = diag_list_new();
	struct buf p = { 0 }, why = { 0 };
	static const char *stale[] = { ".x.pdf.sg-tmp-999999999-1",
	    "sub/.y.html.sg-tmp-999999999-2" };
	static const char *keep[] = { "x.pdf", ".x.pdf.sg-tmp-1-1.bak",
	    "sub/z.sg-tmp-999999999-1", "sub/.live.sg-tmp-1-1" };
	size_t i, n;
	int fd;

	buf_printf(&p, "%s/sub", dir);
	mkdir(p.data, 0755);
	for (i = 0; i < 2 + 4; i++) {
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, i < 2 ? stale[i] : keep[i - 2]);
		if ((fd = open(p.data, O_WRONLY | O_CREAT, 0644)) >= 0)
			close(fd);
	}
	/* pid 1 runs: its files stay */
	n = file_tmp_clean(dir, 1, dl);
	if (n != 2 + NTHREAD * NEACH)	/* ours count as stale too */
		buf_printf(&why, "removed %zu; ", n);
	for (i = 0; i < 2 + 4; i++) {
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, i < 2 ? stale[i] : keep[i - 2]);
		if ((access(p.data, F_OK) == 0) != (i >= 2))
			buf_printf(&why, "%s %s; ", i < 2 ? stale[i] :
			    keep[i - 2], i < 2 ? "kept" : "removed");
	}
	S_verdict("file_tmp_clean removes stale temporary files only",
	    why.len == 0 && dl->n == 0, why.data);
	for (i = 0; i < 4; i++) {
		buf_reset(&p);
		buf_printf(&p, "%s/%s", dir, keep[i]);
		unlink(p.data);
	}
	buf_reset(&p);
	buf_printf(&p, "%s/sub", dir);
	rmdir(p.data);
	diag_list_free(dl);
	buf_free(&p);
	buf_free(&why);
}

int
main(void)
{
	int i, k;

	if (mkdtemp(dir) == NULL) {
		printf("FAIL file_tmp: cannot make %s\n", dir);
		return 1;
	}
	S_unique();
	S_match();
	S_clean();
	for (i = 0; i < NTHREAD; i++)
		for (k = 0; k < NEACH; k++)
			free(names[i][k]);
	rmdir(dir);
	return check_status();
}
