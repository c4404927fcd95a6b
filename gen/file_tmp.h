/*
 * file_tmp — the temporary files outputs are written to before they are
 * renamed into place, and the removal of those a killed run left behind.
 *
 * A temporary file stands beside its output as
 *
 *	.NAME.sg-tmp-PID-N
 *
 * NAME the output's file name (cut to 200 bytes), PID the process and N a
 * counter shared by all threads: names are unique per process and per
 * thread, and the leading dot keeps a leftover from looking like an output
 * on a web host or in a file manager.  Nothing else salesgen writes has
 * that shape, so file_tmp_clean() can remove exactly these.
 */
#ifndef SALESGEN_FILE_TMP_H
#define SALESGEN_FILE_TMP_H

#include "diag.h"

struct buf;

/* Creates a new temporary file for the output path, beside it, with
 * O_CREAT|O_EXCL|O_NOFOLLOW (mode 0644, less the umask), and puts its
 * name in tmp (reset first).  Returns the open descriptor, or -1 with
 * errno set. */
int	file_tmp_open(const char *path, struct buf *tmp);

/* 1 when the file name name (no folder) has the temporary files' shape;
 * then *pid is the process that made it. */
int	file_tmp_match(const char *name, long *pid);

/* Removes the temporary files in dir and, with recursive, in the folders
 * below it (symbolic links are not followed) that a salesgen process no
 * longer running left: those of a process still running, such as a
 * second build into the same folder, are its own to rename.  A dir that
 * does not exist is no error.  Returns the number removed; one that cannot
 * be removed is reported as DIAG_WRITE (a warning would hide nothing: it
 * is an error, as a file that cannot be written is). */
size_t	file_tmp_clean(const char *dir, int recursive, struct diag_list *);

#endif
