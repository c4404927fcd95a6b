/* incr — incremental builds (see incr.h). */
#include "incr.h"
#include "buf.h"
#include "file.h"
#include "mem.h"
#include "version.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <nettle/sha2.h>

#define INCR_FILE	".salesgen-cache"
#define INCR_MAGIC	"salesgen-cache 2 " SALESGEN_VERSION "\n"
#define INCR_DEPTH	64	/* deeper folders: no cache (CAVEATS) */

struct incr_out {
	char		*rel;		/* below out/, owned */
	long long	 size, sec, nsec;
};

/* A file of the project and the SHA-256 of its bytes (hex). */
struct incr_file {
	char		*rel;		/* below the project folder, owned */
	char		 hash[2 * SHA256_DIGEST_SIZE + 1];
};

/* What a file's hash was computed from (incr_open_memo): its stat then,
 * and when. */
struct incr_seen {
	char		*rel;		/* owned */
	long long	 dev, ino, size, msec, mnsec, csec, cnsec;
	long long	 at;		/* when it was hashed (seconds) */
	char		 hash[2 * SHA256_DIGEST_SIZE + 1];
};

struct incr_memo {
	struct incr_seen *v;		/* by rel; owned */
	size_t		 n;
};

struct incr {
	char		*out;		/* owned */
	struct incr_memo *memo;		/* or NULL; not owned */
	struct incr_seen *seen;		/* this walk's, for the memo */
	size_t		 nseen;
	long long	 at;		/* when the walk began */
	char		 key[2 * SHA256_DIGEST_SIZE + 1];
	int		 unsure;	/* an input the key cannot stand for */
	/* the cache read */
	int		 valid, good;
	char		 oldkey[2 * SHA256_DIGEST_SIZE + 1];
	struct incr_out	*old;
	size_t		 nold;
	struct diag	*diags;		/* the stored ones, owned */
	size_t		 ndiags;
	/* this build's outputs (file_on_output, from writer threads) */
	pthread_mutex_t	 lock;
	char		**now;
	size_t		 nnow, capnow;
	int		 stray;		/* one written outside out/ */
	/* the graph (incr_context): the key without the sources, with
	 * what the chapters show each other */
	struct sha256_ctx envh;		/* the key's state before the tree */
	struct incr_file *files;	/* every regular file, in tree order */
	size_t		 nfiles;
	struct incr_file *srcs;		/* the sources incr_context set apart */
	size_t		 nsrcs;
	char		 ctx[2 * SHA256_DIGEST_SIZE + 1];
	struct incr_file *oldsrcs;	/* the cache's */
	size_t		 noldsrcs;
	char		 oldctx[2 * SHA256_DIGEST_SIZE + 1];
	char		**kept;		/* outputs incr_keep left alone */
	size_t		 nkept;
};

/*** The key ***/

static void
S_put(struct sha256_ctx *h, const char *s)
{
	sha256_update(h, strlen(s) + 1, (const uint8_t *)s);
}

static void
S_put_num(struct sha256_ctx *h, long long n)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", n);
	S_put(h, num);
}

/* The identity of path as stat tells it, or that it is missing: for the
 * inputs outside the project (the binary, fonts, word lists), which a
 * package update replaces with a new mtime. */
static void
S_put_stat(struct sha256_ctx *h, const char *path)
{
	struct stat st;

	S_put(h, path);
	if (stat(path, &st) != 0) {
		S_put(h, "-");
		return;
	}
	S_put_num(h, (long long)st.st_dev);
	S_put_num(h, (long long)st.st_ino);
	S_put_num(h, (long long)st.st_size);
	S_put_num(h, (long long)st.st_mtim.tv_sec);
	S_put_num(h, (long long)st.st_mtim.tv_nsec);
}

/* dir and the entries in it, by stat (one level; sorted). */
static void
S_put_dir_stats(struct sha256_ctx *h, const char *dir)
{
	struct dirent **ents;
	char *p;
	int i, n;

	S_put_stat(h, dir);
	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		p = file_join(dir, ents[i]->d_name);
		if (strcmp(ents[i]->d_name, ".") != 0 &&
		    strcmp(ents[i]->d_name, "..") != 0)
			S_put_stat(h, p);
		free(p);
		free(ents[i]);
	}
	free(ents);
}

static void
S_hex(const unsigned char *d, char *out)
{
	size_t i;

	for (i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static int
S_seen_cmp(const void *a, const void *b)
{
	return strcmp(((const struct incr_seen *)a)->rel,
	    ((const struct incr_seen *)b)->rel);
}

/* The hash the memo holds for rel when st is the file it was computed
 * from, or NULL.  A file changed within the clock's tick of its hashing
 * could keep its stat: an entry is trusted only when its file had not
 * changed for a second when it was hashed (as git's racy check). */
static const char *
S_memo_hash(const struct incr_memo *m, const char *rel,
    const struct stat *st)
{
	struct incr_seen k, *e;

	if (m == NULL || m->n == 0)
		return NULL;
	k.rel = (char *)rel;
	if ((e = bsearch(&k, m->v, m->n, sizeof(*m->v), S_seen_cmp)) == NULL)
		return NULL;
	if (e->dev != (long long)st->st_dev ||
	    e->ino != (long long)st->st_ino ||
	    e->size != (long long)st->st_size ||
	    e->msec != (long long)st->st_mtim.tv_sec ||
	    e->mnsec != (long long)st->st_mtim.tv_nsec ||
	    e->csec != (long long)st->st_ctim.tv_sec ||
	    e->cnsec != (long long)st->st_ctim.tv_nsec ||
	    e->csec + 1 >= e->at || e->msec + 1 >= e->at)
		return NULL;
	return e->hash;
}

/* The hash of the regular file path (rel in the project, st its stat),
 * hex, into hash, from the memo or its bytes; or -1. */
static int
S_file_hash(const struct incr *in, const char *path, const char *rel,
    const struct stat *st, char *hash)
{
	unsigned char d[SHA256_DIGEST_SIZE];
	struct sha256_ctx fh;
	const char *known;
	char chunk[65536];
	ssize_t n;
	int fd;

	if ((known = S_memo_hash(in->memo, rel, st)) != NULL) {
		memcpy(hash, known, 2 * SHA256_DIGEST_SIZE + 1);
		return 0;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return -1;
	sha256_init(&fh);
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sha256_update(&fh, (size_t)n, (const uint8_t *)chunk);
	}
	close(fd);
	if (n < 0)
		return -1;
	sha256_digest(&fh, sizeof(d), d);
	S_hex(d, hash);
	return 0;
}

/* The regular file path by its hash, or -1; the hash is kept as rel's,
 * for the graph, and with st for the memo. */
static int
S_put_file(struct incr *in, struct sha256_ctx *h, const char *path,
    const char *rel, const struct stat *st)
{
	struct incr_file *f;
	struct incr_seen *e;
	char hash[2 * SHA256_DIGEST_SIZE + 1];

	if (S_file_hash(in, path, rel, st, hash) != 0)
		return -1;
	S_put(h, hash);
	in->files = xrealloc(in->files, (in->nfiles + 1) * sizeof(*in->files));
	f = &in->files[in->nfiles++];
	f->rel = xstrdup(rel);
	memcpy(f->hash, hash, sizeof(hash));
	if (in->memo == NULL)
		return 0;
	in->seen = xrealloc(in->seen, (in->nseen + 1) * sizeof(*in->seen));
	e = &in->seen[in->nseen++];
	e->rel = xstrdup(rel);
	e->dev = (long long)st->st_dev;
	e->ino = (long long)st->st_ino;
	e->size = (long long)st->st_size;
	e->msec = (long long)st->st_mtim.tv_sec;
	e->mnsec = (long long)st->st_mtim.tv_nsec;
	e->csec = (long long)st->st_ctim.tv_sec;
	e->cnsec = (long long)st->st_ctim.tv_nsec;
	e->at = in->at;
	memcpy(e->hash, hash, sizeof(hash));
	return 0;
}

static int
S_skip_name(const char *name, int top)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0 ||
	    strcmp(name, ".git") == 0 || strcmp(name, ".hg") == 0 ||
	    strcmp(name, ".svn") == 0 || (top && strcmp(name, "out") == 0);
}

/* Every file below dir (rel: its path in the project, "" at the top),
 * in a fixed order, by name, kind and bytes. */
static void
S_put_tree(struct incr *in, struct sha256_ctx *h, const char *dir,
    const char *rel, int depth)
{
	struct dirent **ents;
	struct stat st;
	char *p, *r, link[4096];
	ssize_t ln;
	int i, n;

	if (depth > INCR_DEPTH ||
	    (n = scandir(dir, &ents, NULL, alphasort)) < 0) {
		in->unsure = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		if (S_skip_name(ents[i]->d_name, depth == 0)) {
			free(ents[i]);
			continue;
		}
		p = file_join(dir, ents[i]->d_name);
		r = file_join(rel, ents[i]->d_name);
		free(ents[i]);
		if (lstat(p, &st) != 0) {
			in->unsure = 1;
		} else if (S_ISDIR(st.st_mode)) {
			S_put(h, "d");
			S_put(h, r);
			S_put_tree(in, h, p, r, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			S_put(h, "f");
			S_put(h, r);
			S_put_num(h, (long long)st.st_size);
			if (S_put_file(in, h, p, r, &st) != 0)
				in->unsure = 1;
		} else if (S_ISLNK(st.st_mode) &&
		    (ln = readlink(p, link, sizeof(link) - 1)) >= 0) {
			link[ln] = '\0';
			S_put(h, "l");
			S_put(h, r);
			S_put(h, link);
			/* a linked file is hashed as what it holds; what is
			 * below a linked folder is not followed: no cache */
			if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
				if (S_put_file(in, h, p, r, &st) != 0)
					in->unsure = 1;
			} else if (stat(p, &st) == 0)
				in->unsure = 1;
		} else
			in->unsure = 1;	/* a FIFO, a device, a socket */
		free(p);
		free(r);
	}
	free(ents);
}

static void
S_key(struct incr *in, const char *dir, const char *opts)
{
	static const char *const env[] = { "SOURCE_DATE_EPOCH", "TZ",
	    "LC_ALL", "LC_CTYPE", "LC_TIME", "LANG", "FONTCONFIG_FILE",
	    "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_DATA_HOME",
	    "XDG_CACHE_HOME", "XDG_CONFIG_HOME" };
	static const char *const sys[] = { "/etc/fonts", "/etc/fonts/conf.d",
	    "/var/cache/fontconfig", "/usr/share/hyphen",
	    "/usr/share/hunspell" };
	static const char *const home[] = { ".fonts", ".local/share/fonts",
	    ".cache/fontconfig", ".config/fontconfig" };
	unsigned char d[SHA256_DIGEST_SIZE];
	struct sha256_ctx h;
	const char *v, *hm;
	char *p;
	size_t i;

	sha256_init(&h);
	S_put(&h, INCR_MAGIC);
	S_put(&h, opts);
	/* the project's folder: its name is the default title */
	if ((p = realpath(dir, NULL)) != NULL) {
		S_put(&h, p);
		free(p);
	} else
		in->unsure = 1;
	for (i = 0; i < sizeof(env) / sizeof(env[0]); i++) {
		v = getenv(env[i]);
		S_put(&h, env[i]);
		S_put(&h, v != NULL ? v : "\001unset");
	}
	S_put_stat(&h, "/proc/self/exe");
	for (i = 0; i < sizeof(sys) / sizeof(sys[0]); i++)
		S_put_dir_stats(&h, sys[i]);
	if ((hm = getenv("HOME")) != NULL)
		for (i = 0; i < sizeof(home) / sizeof(home[0]); i++) {
			p = file_join(hm, home[i]);
			S_put_dir_stats(&h, p);
			free(p);
		}
	in->envh = h;
	S_put_tree(in, &h, dir, "", 0);
	sha256_digest(&h, sizeof(d), d);
	S_hex(d, in->key);
}

/*** The cache file ***
 *
 *	salesgen-cache 1 VERSION
 *	key HEX
 *	good 0|1
 *	o SIZE SEC NSEC PATH			(an output, below out/)
 *	x HEX					(the context, incr_context)
 *	s HEX PATH				(a chapter's source: the hash
 *						 of its bytes, PATH below the
 *						 project folder)
 *	d CODE LEVEL LINE COL FLEN MLEN		(a diagnostic, then FLEN
 *	FILE MSG				 bytes of file, -1 for none,
 *						 MLEN of text and a newline)
 */

/* 1 when rel may name an output: below out/, folded, one line. */
static int
S_rel_ok(const char *rel)
{
	char *f;
	int ok;

	if (*rel == '\0' || strchr(rel, '\n') != NULL ||
	    !file_rel_inside(rel) || (f = file_fold(rel)) == NULL)
		return 0;
	ok = strcmp(f, rel) == 0 && strcmp(f, INCR_FILE) != 0;
	free(f);
	return ok;
}

static int
S_parse(struct incr *in, const char *s, size_t len)
{
	const char *end = s + len, *nl;
	long long a, b, c;
	int code, lv, line, col, used;
	long flen, mlen;
	struct diag dg;

	if (len < strlen(INCR_MAGIC) ||
	    strncmp(s, INCR_MAGIC, strlen(INCR_MAGIC)) != 0)
		return -1;
	s += strlen(INCR_MAGIC);
	if (sscanf(s, "key %64[0-9a-f]\ngood %d\n%n", in->oldkey, &in->good,
	    &used) != 2 || strlen(in->oldkey) != 64 || used <= 0)
		return -1;
	s += used;
	while (s < end) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			return -1;
		if (s[0] == 'o' && sscanf(s, "o %lld %lld %lld %n", &a, &b, &c,
		    &used) == 3 && used > 0 && s + used < nl) {
			char *rel = xstrndup(s + used, (size_t)(nl - s - used));

			if (!S_rel_ok(rel)) {
				free(rel);
				return -1;
			}
			in->old = xrealloc(in->old, (in->nold + 1) * sizeof(*in->old));
			in->old[in->nold].rel = rel;
			in->old[in->nold].size = a;
			in->old[in->nold].sec = b;
			in->old[in->nold].nsec = c;
			in->nold++;
			s = nl + 1;
		} else if (s[0] == 'x' && nl - s == 2 + 64 && s[1] == ' ' &&
		    strspn(s + 2, "0123456789abcdef") == 64) {
			memcpy(in->oldctx, s + 2, 64);
			in->oldctx[64] = '\0';
			s = nl + 1;
		} else if (s[0] == 's' && nl - s > 3 + 64 && s[1] == ' ' &&
		    strspn(s + 2, "0123456789abcdef") == 64 && s[66] == ' ') {
			struct incr_file *f;

			in->oldsrcs = xrealloc(in->oldsrcs,
			    (in->noldsrcs + 1) * sizeof(*in->oldsrcs));
			f = &in->oldsrcs[in->noldsrcs++];
			memcpy(f->hash, s + 2, 64);
			f->hash[64] = '\0';
			f->rel = xstrndup(s + 67, (size_t)(nl - s - 67));
			s = nl + 1;
		} else if (s[0] == 'd' && sscanf(s, "d %d %d %d %d %ld %ld\n",
		    &code, &lv, &line, &col, &flen, &mlen) == 6 &&
		    code >= 0 && code < DIAG__MAX && lv >= DIAG_NOTE &&
		    lv <= DIAG_ERROR && flen >= -1 && mlen >= 0 &&
		    flen < end - nl && mlen < end - nl &&
		    (flen < 0 ? 0 : flen) + mlen + 1 <= end - nl - 1 &&
		    nl[1 + (flen < 0 ? 0 : flen) + mlen] == '\n') {
			s = nl + 1;
			memset(&dg, 0, sizeof(dg));
			dg.code = (enum diag_code)code;
			dg.level = (enum diag_level)lv;
			dg.line = line;
			dg.col = col;
			if (flen >= 0) {
				dg.file = xstrndup(s, (size_t)flen);
				s += flen;
			}
			dg.msg = xstrndup(s, (size_t)mlen);
			s += mlen + 1;
			in->diags = xrealloc(in->diags, (in->ndiags + 1) * sizeof(*in->diags));
			in->diags[in->ndiags++] = dg;
		} else
			return -1;
	}
	return 0;
}

static void
S_forget(struct incr *in)
{
	size_t i;

	for (i = 0; i < in->nold; i++)
		free(in->old[i].rel);
	free(in->old);
	in->old = NULL;
	in->nold = 0;
	for (i = 0; i < in->ndiags; i++) {
		free(in->diags[i].file);
		free(in->diags[i].msg);
	}
	free(in->diags);
	in->diags = NULL;
	in->ndiags = 0;
	for (i = 0; i < in->noldsrcs; i++)
		free(in->oldsrcs[i].rel);
	free(in->oldsrcs);
	in->oldsrcs = NULL;
	in->noldsrcs = 0;
	in->oldctx[0] = '\0';
	in->valid = in->good = 0;
}

struct incr_memo *
incr_memo_new(void)
{
	return xcalloc(1, sizeof(struct incr_memo));
}

static void
S_seen_free(struct incr_seen *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].rel);
	free(v);
}

void
incr_memo_free(struct incr_memo *m)
{
	if (m == NULL)
		return;
	S_seen_free(m->v, m->n);
	free(m);
}

struct incr *
incr_open(const char *dir, const char *out, const char *opts)
{
	return incr_open_memo(dir, out, opts, NULL);
}

struct incr *
incr_open_memo(const char *dir, const char *out, const char *opts,
    struct incr_memo *memo)
{
	struct incr *in = xcalloc(1, sizeof(*in));
	struct diag_list *quiet = diag_list_new();
	struct stat st;
	char *path, *data;
	size_t len;

	in->out = xstrdup(out);
	in->memo = memo;
	in->at = (long long)time(NULL);
	pthread_mutex_init(&in->lock, NULL);
	S_key(in, dir, opts);
	if (memo != NULL) {
		/* this walk's files, and only those, for the next */
		S_seen_free(memo->v, memo->n);
		memo->v = in->seen;
		memo->n = in->nseen;
		in->seen = NULL;
		in->nseen = 0;
		if (memo->n > 0)
			qsort(memo->v, memo->n, sizeof(*memo->v), S_seen_cmp);
	}
	path = file_join(out, INCR_FILE);
	/* a cache that is not a plain file of ours is not read */
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (data = file_read(path, &len, quiet)) != NULL) {
		if (strlen(data) == len && S_parse(in, data, len) == 0)
			in->valid = 1;
		else
			S_forget(in);
		free(data);
	}
	free(path);
	diag_list_free(quiet);
	return in;
}

/* 1 when the last build's output i is still there as that build left
 * it: a file of its size and mtime. */
static int
S_as_left(const struct incr *in, size_t i)
{
	struct stat st;
	char *p = file_join(in->out, in->old[i].rel);
	int same = lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size == in->old[i].size &&
	    st.st_mtim.tv_sec == in->old[i].sec &&
	    st.st_mtim.tv_nsec == in->old[i].nsec;

	free(p);
	return same;
}

int
incr_fresh(struct incr *in, struct diag_list *dl)
{
	size_t i;

	if (!in->valid || !in->good || in->unsure ||
	    strcmp(in->key, in->oldkey) != 0)
		return 0;
	for (i = 0; i < in->nold; i++)
		if (!S_as_left(in, i))
			return 0;
	for (i = 0; i < in->ndiags; i++)
		diag_copy(dl, &in->diags[i]);
	return 1;
}

/*** The graph ***/

static int
S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}


static int
S_file_cmp(const void *a, const void *b)
{
	return strcmp(((const struct incr_file *)a)->rel,
	    ((const struct incr_file *)b)->rel);
}

static const struct incr_file *
S_file_find(const struct incr_file *v, size_t n, const char *rel)
{
	struct incr_file k;

	k.rel = (char *)rel;
	return n == 0 ? NULL : bsearch(&k, v, n, sizeof(*v), S_file_cmp);
}

void
incr_context(struct incr *in, const char *const *srcs, size_t nsrcs,
    const char *outline, size_t len)
{
	unsigned char d[SHA256_DIGEST_SIZE];
	struct sha256_ctx h = in->envh;
	const struct incr_file *f;
	size_t i;

	for (i = 0; i < in->nsrcs; i++)
		free(in->srcs[i].rel);
	free(in->srcs);
	in->srcs = xcalloc(nsrcs + 1, sizeof(*in->srcs));
	in->nsrcs = 0;
	if (in->nfiles > 0)
		qsort(in->files, in->nfiles, sizeof(*in->files), S_file_cmp);
	for (i = 0; i < nsrcs; i++) {
		/* a source the walk did not hash (below a linked folder,
		 * unreadable) stands for nothing: no graph */
		if ((f = S_file_find(in->files, in->nfiles, srcs[i])) == NULL) {
			in->unsure = 1;
			continue;
		}
		in->srcs[in->nsrcs].rel = xstrdup(f->rel);
		memcpy(in->srcs[in->nsrcs].hash, f->hash, sizeof(f->hash));
		in->nsrcs++;
	}
	qsort(in->srcs, in->nsrcs, sizeof(*in->srcs), S_file_cmp);
	/* every other file, by path and bytes, then the outline */
	for (i = 0; i < in->nfiles; i++)
		if (S_file_find(in->srcs, in->nsrcs, in->files[i].rel) == NULL) {
			S_put(&h, in->files[i].rel);
			S_put(&h, in->files[i].hash);
		}
	S_put_num(&h, (long long)len);
	sha256_update(&h, len, (const uint8_t *)outline);
	sha256_digest(&h, sizeof(d), d);
	S_hex(d, in->ctx);
	if (in->noldsrcs > 0)	/* qsort() is not given NULL */
		qsort(in->oldsrcs, in->noldsrcs, sizeof(*in->oldsrcs),
		    S_file_cmp);
}

int
incr_ctx_same(const struct incr *in)
{
	return in->valid && in->good && !in->unsure && in->ctx[0] != '\0' &&
	    strcmp(in->ctx, in->oldctx) == 0;
}

const char *
incr_ctx(const struct incr *in)
{
	return in->ctx;
}

const char *
incr_src_hash(const struct incr *in, const char *rel)
{
	const struct incr_file *f = S_file_find(in->srcs, in->nsrcs, rel);

	return f != NULL ? f->hash : NULL;
}

int
incr_quiet(const struct incr *in)
{
	return in->valid && in->good && in->ndiags == 0;
}

int
incr_src_same(const struct incr *in, const char *rel)
{
	const struct incr_file *now, *old;

	if (!incr_ctx_same(in) ||
	    (now = S_file_find(in->srcs, in->nsrcs, rel)) == NULL ||
	    (old = S_file_find(in->oldsrcs, in->noldsrcs, rel)) == NULL)
		return 0;
	return strcmp(now->hash, old->hash) == 0;
}

int
incr_keep(struct incr *in, const char *rel)
{
	size_t i;

	if (!in->valid || !in->good || in->unsure)
		return 0;
	for (i = 0; i < in->nold && strcmp(in->old[i].rel, rel) != 0; i++)
		;
	if (i == in->nold)
		return 0;
	if (!S_as_left(in, i))
		return 0;
	/* as if written: it is this build's output too */
	pthread_mutex_lock(&in->lock);
	if (in->nnow == in->capnow) {
		in->capnow = in->capnow ? 2 * in->capnow : 64;
		in->now = xrealloc(in->now, in->capnow * sizeof(*in->now));
	}
	in->now[in->nnow++] = xstrdup(rel);
	in->kept = xrealloc(in->kept, (in->nkept + 1) * sizeof(*in->kept));
	in->kept[in->nkept++] = xstrdup(rel);
	pthread_mutex_unlock(&in->lock);
	return 1;
}

/* SALESGEN_INCR_TRACE=FILE: the outputs this build kept without
 * rendering them, one "kept PATH" a line, added to FILE; for the tests
 * that check the graph skipped what it should. */
static void
S_trace(const struct incr *in)
{
	const char *path = getenv("SALESGEN_INCR_TRACE");
	char **v;
	FILE *f;
	size_t i;

	if (path == NULL || *path == '\0' || (f = fopen(path, "a")) == NULL)
		return;
	v = xcalloc(in->nkept + 1, sizeof(*v));
	memcpy(v, in->kept, in->nkept * sizeof(*v));
	qsort(v, in->nkept, sizeof(*v), S_cmp);
	for (i = 0; i < in->nkept; i++)
		fprintf(f, "kept %s\n", v[i]);
	fprintf(f, "end\n");
	fclose(f);
	free(v);
}

/*** Tracking ***/

static void
S_on_output(const char *path, void *arg)
{
	struct incr *in = arg;
	size_t n = strlen(in->out);

	pthread_mutex_lock(&in->lock);
	if (strncmp(path, in->out, n) == 0 && path[n] == '/' &&
	    S_rel_ok(path + n + 1)) {
		if (in->nnow == in->capnow) {
			in->capnow = in->capnow ? 2 * in->capnow : 64;
			in->now = xrealloc(in->now, (in->capnow) * sizeof(*in->now));
		}
		in->now[in->nnow++] = xstrdup(path + n + 1);
	} else
		in->stray = 1;
	pthread_mutex_unlock(&in->lock);
}

void
incr_track(struct incr *in)
{
	file_on_output(S_on_output, in);
}

static int
S_made_now(const struct incr *in, const char *rel)
{
	return in->nnow > 0 && bsearch(&rel, in->now, in->nnow,
	    sizeof(*in->now), S_cmp) != NULL;
}

/* Removes the output rel, which this build did not make, and the folders
 * below out/ it leaves empty. */
static void
S_remove(const struct incr *in, const char *rel)
{
	struct stat st;
	char *p = file_join(in->out, rel), *cut;

	if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && unlink(p) == 0)
		while ((cut = strrchr(p, '/')) != NULL &&
		    (size_t)(cut - p) > strlen(in->out)) {
			*cut = '\0';
			if (rmdir(p) != 0)
				break;
		}
	free(p);
}

static void
S_put_diag(struct buf *b, const struct diag *d)
{
	buf_printf(b, "d %d %d %d %d %ld %ld\n", (int)d->code, (int)d->level,
	    d->line, d->col, d->file ? (long)strlen(d->file) : -1L,
	    (long)strlen(d->msg));
	if (d->file != NULL)
		buf_puts(b, d->file);
	buf_puts(b, d->msg);
	buf_putc(b, '\n');
}

int
incr_close(struct incr *in, int ok, const struct diag_list *dl, size_t from,
    struct diag_list *errs)
{
	struct diag_list *mine = diag_list_new();
	struct buf b = { 0 }, list = { 0 };
	struct stat st;
	char *p;
	size_t i;
	int rc, good;

	file_on_output(NULL, NULL);
	if (in->nnow > 0)
		qsort(in->now, in->nnow, sizeof(*in->now), S_cmp);
	good = ok && !in->stray && !in->unsure;
	if (ok && in->valid)
		for (i = 0; i < in->nold; i++)
			if (!S_made_now(in, in->old[i].rel))
				S_remove(in, in->old[i].rel);
	for (i = 0; i < in->nnow; i++) {
		if (i > 0 && strcmp(in->now[i], in->now[i - 1]) == 0)
			continue;
		p = file_join(in->out, in->now[i]);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			buf_printf(&list, "o %lld %lld %lld %s\n",
			    (long long)st.st_size,
			    (long long)st.st_mtim.tv_sec,
			    (long long)st.st_mtim.tv_nsec, in->now[i]);
		else
			good = 0;
		free(p);
	}
	/* a failed build keeps the old list too, for the next to tidy */
	if (!ok && in->valid)
		for (i = 0; i < in->nold; i++)
			if (!S_made_now(in, in->old[i].rel))
				buf_printf(&list, "o %lld %lld %lld %s\n",
				    in->old[i].size, in->old[i].sec,
				    in->old[i].nsec, in->old[i].rel);
	if (in->ctx[0] != '\0')
		buf_printf(&list, "x %s\n", in->ctx);
	for (i = 0; i < in->nsrcs; i++)
		if (strchr(in->srcs[i].rel, '\n') == NULL)
			buf_printf(&list, "s %s %s\n", in->srcs[i].hash,
			    in->srcs[i].rel);
	for (i = from; i < dl->n; i++)
		if (dl->v[i].code != DIAG_WROTE && dl->v[i].msg != NULL)
			S_put_diag(&list, &dl->v[i]);
	S_trace(in);
	/* the header last: good only when every output was found */
	buf_printf(&b, "%skey %s\ngood %d\n", INCR_MAGIC, in->key, good);
	if (list.len > 0)
		buf_put(&b, list.data, list.len);
	p = file_join(in->out, INCR_FILE);
	rc = file_write(p, b.data, b.len, mine);
	free(p);
	if (rc != 0)
		diag_move(errs, mine);
	diag_list_free(mine);
	buf_free(&b);
	buf_free(&list);
	return rc;
}

void
incr_free(struct incr *in)
{
	size_t i;

	if (in == NULL)
		return;
	S_forget(in);
	for (i = 0; i < in->nnow; i++)
		free(in->now[i]);
	free(in->now);
	for (i = 0; i < in->nfiles; i++)
		free(in->files[i].rel);
	free(in->files);
	for (i = 0; i < in->nsrcs; i++)
		free(in->srcs[i].rel);
	free(in->srcs);
	for (i = 0; i < in->nkept; i++)
		free(in->kept[i]);
	free(in->kept);
	S_seen_free(in->seen, in->nseen);
	pthread_mutex_destroy(&in->lock);
	free(in->out);
	free(in);
}
