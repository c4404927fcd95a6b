/*
 * project — which project a file belongs to, found by walking up its
 * folders: render keeps a chapter's pictures and a document's logo inside
 * that project, merge and verify take their templates, fonts and paper
 * from it.  Paths stay as the user would write them ("content/data" ->
 * "content" -> "."), so that messages name them so.
 *
 * Every path returned is a new string the caller frees.
 */
#ifndef SALESGEN_PROJECT_H
#define SALESGEN_PROJECT_H

/* The folder whose files a rendered file in may show: the project it
 * belongs to (the nearest folder at or above its own that holds
 * salesgen.xml or content/), else its own folder; for standard input
 * ("-"), the current one. */
char	*project_root(const char *in);

/* The nearest folder at or above file's own that holds salesgen.xml (or
 * content/salesgen.xml), as a path to open; NULL if there is none. */
char	*project_settings(const char *file);

#endif
