/*
 * tmpl — the Mustache template engine.
 *
 * Implements the Mustache spec (../shared/spec/mustache): variables, {{{raw}}}
 * and {{&raw}}, sections, inverted sections, comments, partials, set
 * delimiters, dotted names and the implicit iterator {{.}}.  Standalone-line
 * rules and partial indentation as the spec says.
 *
 * Escaping of {{x}} is chosen by the caller per output context (ESC_HTML for
 * page shells, ESC_MD for document templates): see esc.h.
 *
 * A name that resolves to nothing renders empty (as the spec says) and adds
 * DIAG_TMPL_MISSING at the tag's line:column of the template's file, once per
 * tag; a missing partial adds DIAG_TMPL_PARTIAL.  Syntax errors add
 * DIAG_TMPL_SYNTAX and make tmpl_parse() return NULL.
 */
#ifndef SALESGEN_TMPL_H
#define SALESGEN_TMPL_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "esc.h"
#include "val.h"

struct tmpl;

/* Looks a partial up by name.  Returns its source (NUL-terminated) and sets
 * *path to a name for diagnostics, or returns NULL when there is none.  The
 * returned strings stay owned by the loader and must live until
 * tmpl_render() returns. */
typedef const char *(*tmpl_partial_fn)(void *arg, const char *name,
    const char **path);

struct tmpl_opts {
	enum esc_ctx	 esc;		/* escaping of {{x}} */
	tmpl_partial_fn	 partial;	/* may be NULL: no partials */
	void		*partial_arg;
	int		 warn_missing;	/* add DIAG_TMPL_MISSING (0: silent, as the spec tests run) */
};

/* Parses src (len bytes) read from path (used in diagnostics only).
 * Returns a new template the caller frees with tmpl_free(), or NULL after
 * adding DIAG_TMPL_SYNTAX diagnostics to dl. */
struct tmpl *tmpl_parse(const char *src, size_t len, const char *path,
    struct diag_list *dl);
void	tmpl_free(struct tmpl *);

/* Renders t with ctx as the root of the context stack, appending to out.
 * Returns 0, or -1 when a partial failed to parse or partials nest too deep
 * (diagnostics in dl).  Missing names are not failures. */
int	tmpl_render(const struct tmpl *t, const struct val *ctx,
	    const struct tmpl_opts *opts, struct buf *out, struct diag_list *dl);

/* The id attributes written literally in a template's HTML (id="main"),
 * not those a tag fills in, in order of appearance: the ids a page shell
 * takes for itself, which the ids of headings in its body must not
 * repeat.  Returns a new NULL-terminated array; the caller frees each
 * string and the array (tmpl_ids_free). */
char	**tmpl_ids(const char *src, size_t len);
void	tmpl_ids_free(char **);

#endif
