/*
 * md_compat — other tools' block syntax rewritten into ours, before cmark.
 *
 * Courses arrive written for MkDocs (`!!! tip "Titel"`, `??? note`,
 * `???+ note`, bodies indented four spaces), MyST / Jupyter Book /
 * Docusaurus (`:::type`, `:::{type} Titel`, `::::{type}` nesting, closed by
 * a fence of the same length; ```` ```{type} ```` directives) and Quarto
 * (`::: {.callout-type title="…"}`).  md_compat_rewrite() turns each
 * admonition into our own callout, `> [!kind] Title`, with its body
 * prefixed by `> `, so that md_parse.c has one callout syntax to know.
 *
 * The rewrite keeps the lines: line N of the copy is line N of the source.
 * Only the start of a line changes (a `> ` inserted, an indent or an
 * option line dropped), and the map says by how much, so that every
 * position cmark reports in the copy can be turned back into the
 * source's (md_compat_col()).  Fenced code blocks are copied as they are,
 * and nothing indented four spaces outside a MkDocs body is read.
 */
#ifndef SALESGEN_MD_COMPAT_H
#define SALESGEN_MD_COMPAT_H

#include <stddef.h>

#include "diag.h"

struct md_compat_map {
	int	*shift;		/* per line (0-based): copy column minus
				   source column after the line's prefix;
				   owned */
	int	*prefix;	/* per line: length of the inserted prefix */
	size_t	 n;
};

/* Rewrites src (len bytes, the Markdown after any front matter; its first
 * line is line line_off + 1 of path).  Returns NULL when there is nothing
 * to rewrite (feed src itself then; the map stays empty), else a new
 * NUL-terminated string of *outlen bytes that the caller frees.  An
 * unknown directive is reported (DIAG_COMPAT_DIRECTIVE) and its content
 * kept.  Clear the map with md_compat_map_clear(). */
char	*md_compat_rewrite(const char *src, size_t len, const char *path,
	    int line_off, struct md_compat_map *map, size_t *outlen,
	    struct diag_list *dl);

/* The source column of column col on line line (1-based, the copy's
 * numbering, which is the source's) of a rewritten text. */
int	md_compat_col(const struct md_compat_map *, int line, int col);

void	md_compat_map_clear(struct md_compat_map *);

/* Our callout name ("tip", "let-op", ...) for another tool's admonition
 * type ("note", "warning", "seealso", "callout-tip", ...), or NULL. */
const char *md_compat_kind(const char *type, size_t len);

#endif
