/* project — a file's project, up its folders (see project.h). */
#include "project.h"
#include "buf.h"
#include "file.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* d one folder up, lexically where it can ("content/data" -> "content",
 * "content" -> "."), so that paths in messages stay as the user would
 * write them; past the start, by "..". */
static void
S_parent(struct buf *d)
{
	const char *s = buf_cstr(d), *last = file_base(s);

	if (strcmp(last, "..") == 0 || strcmp(last, ".") == 0 ||
	    last[0] == '\0') {
		if (strcmp(s, ".") == 0) {
			buf_reset(d);
			buf_puts(d, "..");
		} else
			buf_puts(d, "/..");
	} else if (last == s) {
		buf_reset(d);
		buf_puts(d, ".");
	} else if (last == s + 1)
		d->len = 1;	/* "/x" -> "/" */
	else
		d->len = (size_t)(last - 1 - s);
	if (d->data != NULL)
		d->data[d->len] = '\0';
}

/* Whether dir is a project's folder: it holds salesgen.xml or content/. */
static int
S_is_project(const char *dir)
{
	char *p = file_join(dir, "salesgen.xml");
	int found = file_is_reg(p);

	free(p);
	p = file_join(dir, "content");
	found |= file_is_dir(p);
	free(p);
	return found;
}

/* Whether dir holds a project's settings (salesgen.xml, or
 * content/salesgen.xml), as merge takes its logo and fonts from. */
static int
S_has_config(const char *dir)
{
	char *cfg = file_join(dir, "salesgen.xml");
	char *alt = file_join(dir, "content/salesgen.xml");
	int found = file_is_reg(cfg) || file_is_reg(alt);

	free(cfg);
	free(alt);
	return found;
}

/* The nearest folder at or above file's own for which is() holds, as a
 * path to open (the caller frees it); NULL if none up to the file system's
 * root.  With is NULL, file's own folder. */
static char *
S_folder_up(const char *file, int (*is)(const char *))
{
	struct buf d = { 0 };
	const char *slash = strrchr(file, '/');
	char *real;
	int depth;

	if (slash != NULL)
		buf_put(&d, file, slash == file ? 1 : (size_t)(slash - file));
	else
		buf_puts(&d, ".");
	if (is == NULL)
		return buf_detach(&d);
	for (depth = 0; depth < 32; depth++) {
		if (is(buf_cstr(&d)))
			return buf_detach(&d);
		/* stop at the file system's root */
		if ((real = realpath(buf_cstr(&d), NULL)) == NULL ||
		    strcmp(real, "/") == 0) {
			free(real);
			break;
		}
		free(real);
		S_parent(&d);
	}
	buf_free(&d);
	return NULL;
}

char *
project_root(const char *in)
{
	char *top;

	if (strcmp(in, "-") == 0)
		return xstrdup(".");
	if ((top = S_folder_up(in, S_is_project)) != NULL)
		return top;
	return S_folder_up(in, NULL);
}

char *
project_settings(const char *file)
{
	return S_folder_up(file, S_has_config);
}
