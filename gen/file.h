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

/* Reads all of path ("-" is standard input).  Returns a new NUL-terminated
 * buffer the caller frees and sets *len, or NULL after adding DIAG_NO_FILE. */
char	*file_read(const char *path, size_t *len, struct diag_list *);

/* Writes data to path atomically ("-" is standard output): a temporary file
 * in the same folder (named as file_tmp.h says, created exclusively), then
 * renamed over path.  Returns 0, or -1 after adding DIAG_WRITE (and
 * removing the temporary file). */
int	file_write(const char *path, const void *data, size_t len,
	    struct diag_list *);
/* The same, with the data flushed to the disk before the rename: for the
 * documents a user sends (PDFs, a mailing's documents). */
int	file_write_sync(const char *path, const void *data, size_t len,
	    struct diag_list *);

/* Creates dir and its parents (mode 0755).  Returns 0 or -1 (DIAG_WRITE). */
int	file_mkdirs(const char *dir, struct diag_list *);

/* 1 when path exists and is a directory / a regular file. */
int	file_is_dir(const char *path);
int	file_is_reg(const char *path);

/* Joins a and b with one '/'; the caller frees the result. */
char	*file_join(const char *a, const char *b);

/* 1 when the relative path rel stays inside its base folder lexically: not
 * absolute, and no ".." that climbs above the start. */
int	file_rel_inside(const char *rel);

#endif
