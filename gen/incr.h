/*
 * incr — incremental builds: a build whose inputs are exactly those of the
 * last good build into the same out/ writes nothing, and a build that makes
 * fewer outputs than the last one removes those it no longer makes, so
 * that out/ always equals what a clean build of the same input gives.
 *
 * The cache is out/.salesgen-cache (written atomically, as every output).
 * It holds a key, the SHA-256 of every input (below), the outputs the
 * build left (path below out/, size, mtime) and the diagnostics it gave,
 * which an up-to-date build gives again.  A missing, corrupt or foreign
 * cache (another format or salesgen) is ignored: the build is a clean one.
 * Deleting it gives a clean build.
 *
 * The key covers: every file below the project folder except out/ and
 * version-control folders (path, kind and the SHA-256 of its bytes), the salesgen binary
 * (version, and its file's identity and mtime, which also stands for the
 * built-in templates), the fontconfig configuration and caches and the
 * hyphenation and word lists it reads (by size and mtime), the options
 * that change outputs, and SOURCE_DATE_EPOCH, TZ and the locale.  Anything
 * that cannot be hashed that way (a FIFO, a linked folder, an unreadable
 * file) makes the build a full one: when in doubt, rebuild.
 *
 * A build that is not fresh may still skip work, by the graph
 * (incr_graph.h): the chapters' sources are set apart from the key
 * (incr_context), each hashed on its own, and the rest of the key is
 * hashed with the outline, what the chapters show each other.  An output
 * whose inputs are those of the last good build is kept (incr_keep)
 * instead of rendered.  Whatever is rendered and equals the file on disk
 * leaves that file alone (file.c), so its mtime stays.
 */
#ifndef SALESGEN_INCR_H
#define SALESGEN_INCR_H

#include "diag.h"

struct incr;

/* Computes the key of the project in dir for the options in opts (any
 * text that names them) and reads the cache in out.  Returns a new
 * struct incr the caller frees with incr_free(); never NULL. */
struct incr	*incr_open(const char *dir, const char *out, const char *opts);

/* As incr_open(), with a memo of the files' hashes kept between builds
 * (serve's): a file whose stat (device, inode, size, mtime, ctime) is
 * the one its hash was computed from is not read again.  memo is
 * updated; from incr_memo_new(), freed with incr_memo_free(). */
struct incr_memo;
struct incr_memo *incr_memo_new(void);
void	incr_memo_free(struct incr_memo *);
struct incr	*incr_open_memo(const char *dir, const char *out,
	    const char *opts, struct incr_memo *memo);

/* 1 when the cache is valid, its key is this build's, its build was
 * good and every output it lists is still there as it was left: then
 * out/ is what a clean build would make, and the stored diagnostics are
 * copied to dl.  Else 0. */
int	incr_fresh(struct incr *, struct diag_list *dl);

/* From now on, records every output the writers leave (file_on_output). */
void	incr_track(struct incr *);

/* Ends tracking.  When ok (the build wrote everything), removes the
 * outputs the last build made that this one did not (and folders left
 * empty by that), and writes the cache with this build's outputs and the
 * diagnostics in dl from index from on.  When not ok, writes a cache
 * that will never be fresh but still lists the old and new outputs, for
 * the next good build to tidy.  Returns 0, or -1 after DIAG_WRITE. */
int	incr_close(struct incr *, int ok, const struct diag_list *dl,
	    size_t from, struct diag_list *errs);

void	incr_free(struct incr *);

/* Sets the sources srcs (paths below the project folder, as the key's
 * walk names them) apart and makes the context: the key's inputs but
 * those, and the len bytes of outline.  A source the walk did not hash
 * makes the build unsure (a full one). */
void	incr_context(struct incr *, const char *const *srcs, size_t nsrcs,
	    const char *outline, size_t len);

/* 1 when the last build was good and its context is this one's. */
int	incr_ctx_same(const struct incr *);

/* The context incr_context() made (hex), "" before; the hash of the
 * source rel it set apart (hex), or NULL. */
const char *incr_ctx(const struct incr *);
const char *incr_src_hash(const struct incr *, const char *rel);

/* 1 when the last build was good and gave no diagnostics. */
int	incr_quiet(const struct incr *);

/* 1 when the context is the same and the source rel has the bytes it
 * had in the last build. */
int	incr_src_same(const struct incr *, const char *rel);

/* When the output rel (below out/) is as the last good build left it,
 * counts it as this build's output and returns 1: the caller need not
 * render it.  Else 0.  Safe from several threads. */
int	incr_keep(struct incr *, const char *rel);

#endif
