/* file_path — base names and folders of paths (see file_path.h). */
#include "file_path.h"
#include "mem.h"

#include <string.h>

const char *
file_base(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

size_t
file_dir_len(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? (size_t)(slash - path) : 0;
}

char *
file_dir(const char *path)
{
	return strchr(path, '/') != NULL ?
	    xstrndup(path, file_dir_len(path)) : xstrdup(".");
}
