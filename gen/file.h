/*
 * file — reading inputs and writing outputs safely.
 *
 * Outputs are written to a temporary name beside the target and renamed
 * over it only when complete, so a failed or interrupted run never leaves a
 * half file or destroys the previous good one.
 */
#ifndef SALESGEN_FILE_H
#define SALESGEN_FILE_H

#include <stddef.h>

#include "diag.h"
#include "file_path.h"

/* The largest input file salesgen reads (a chapter, a data document, a
 * CSV file, a template, the settings, an image): far above any real one,
 * low enough that a link to /dev/zero or a runaway export cannot eat the
 * memory.  Listed in salesgen(1) CAVEATS. */
#define FILE_MAX_INPUT	(64u << 20)

/* Reads all of path ("-" is standard input).  Only a regular file is read
 * (a FIFO, device or socket is refused without blocking on it: it is
 * opened O_NONBLOCK and checked with fstat), and at most FILE_MAX_INPUT
 * bytes.  Returns a new NUL-terminated buffer the caller frees and sets
 * *len, or NULL after adding DIAG_NO_FILE, DIAG_NOT_REGULAR or
 * DIAG_TOO_LARGE (at path). */
char	*file_read(const char *path, size_t *len, struct diag_list *);

/* As file_read(), for a file of the project in root: path, and every
 * symbolic link on the way to it, must lead to a file inside root's real
 * path, else DIAG_PATH_ESCAPE at path and NULL.  The file is opened by its
 * real path with O_NOFOLLOW, so a link swapped in after the check is not
 * followed.  This is the one way to read a file that content, data or a
 * template names. */
char	*file_read_in(const char *root, const char *path, size_t *len,
	    struct diag_list *);

/* 1 when path (which must exist) resolves to root's real path or a path
 * below it, 0 when it leads elsewhere, -1 when either does not resolve
 * (errno set). */
int	file_inside(const char *root, const char *path);

/* Where path (an image, say) leads, for the project in root, told in a
 * way that does not depend on what lies outside root: FILE_OUT for an
 * absolute path or one that climbs out of root by "..", by a symbolic
 * link or through a linked folder, whether or not anything is there
 * (a dangling link is FILE_OUT too); FILE_MISSING for a path inside root
 * where there is nothing; FILE_NOT_REG for a FIFO, device or socket;
 * FILE_IN otherwise. */
enum file_where { FILE_IN, FILE_OUT, FILE_MISSING, FILE_NOT_REG };
enum file_where file_where_in(const char *root, const char *path);

/* Confines the writers (file_write, file_mkdirs) to root: from now on a
 * folder they write into must resolve inside root's real path, so an
 * out/ or out/site that is a symbolic link to a folder elsewhere is
 * refused (DIAG_PATH_ESCAPE) instead of written through.  NULL lifts the
 * confinement.  Set before any writer thread starts. */
void	file_confine(const char *root);

/* Writes data to path atomically ("-" is standard output): a temporary file
 * in the same folder (named as file_tmp.h says, created exclusively), then
 * renamed over path.  A regular file that already holds exactly data is
 * left as it is (no write, no DIAG_WROTE): its mtime stays, so an
 * incremental build rewrites nothing it did not change.  Returns 0, or -1
 * after adding DIAG_WRITE (and removing the temporary file). */
int	file_write(const char *path, const void *data, size_t len,
	    struct diag_list *);
/* The same, with the data flushed to the disk before the rename: for the
 * documents a user sends (PDFs, a mailing's documents). */
int	file_write_sync(const char *path, const void *data, size_t len,
	    struct diag_list *);

/* Calls fn(path, arg) for every output a writer above leaves complete,
 * whether it wrote it or found it already holding the same bytes (then
 * the file is not touched: its mtime stays).  fn may be called from
 * several threads at once and must lock what it shares (incr.c does).
 * NULL stops it.  Set before any writer thread starts. */
void	file_on_output(void (*fn)(const char *path, void *arg), void *arg);

/* Creates dir and its parents (mode 0755).  Returns 0 or -1 (DIAG_WRITE). */
int	file_mkdirs(const char *dir, struct diag_list *);

/* 1 when path exists and is a directory / a regular file. */
int	file_is_dir(const char *path);
int	file_is_reg(const char *path);

/* Joins a and b with one '/'; the caller frees the result. */
char	*file_join(const char *a, const char *b);

/* Base names and folders of paths: file_path.h (included above). */

/* 1 when the relative path rel stays inside its base folder lexically: not
 * absolute, and no ".." that climbs above the start. */
int	file_rel_inside(const char *rel);

/* Folds the relative path rel lexically: "a/./b/../c" is "a/c".  Returns
 * a new string the caller frees, or NULL when a ".." climbs above the
 * start. */
char	*file_fold(const char *rel);

#endif
