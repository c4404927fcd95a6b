/*
 * file_path — base names and folders of paths, lexically (nothing is
 * looked up on the disk), so that every module cuts a path the same way.
 * A leaf: it calls nothing of ours, so file.c and file_tmp.c can both use
 * it without calling each other.
 */
#ifndef SALESGEN_FILE_PATH_H
#define SALESGEN_FILE_PATH_H

#include <stddef.h>

/* file_base: the part after the last '/' (all of path when it has none);
 * it points into path.  file_dir_len: the length of the folder part, the
 * bytes before the last '/' (0 when there is none, or for "/x").
 * file_dir: that folder as a new string the caller frees, "." when path
 * has no '/'. */
const char *file_base(const char *path);
size_t	file_dir_len(const char *path);
char	*file_dir(const char *path);

#endif
