/*
 * toc — another tool's table of contents, so a course written for that
 * tool keeps its order and its parts: Jupyter Book's _toc.yml, MkDocs's
 * mkdocs.yml (nav), mdBook's SUMMARY.md and Quarto's _quarto.yml
 * (book.chapters).  The YAML files are read with libyaml, SUMMARY.md with
 * cmark-gfm; every file through file_read_in(), so a table of contents
 * cannot make salesgen read outside the project.
 */
#ifndef SALESGEN_TOC_H
#define SALESGEN_TOC_H

#include <stddef.h>

#include "diag.h"

struct toc_item {
	char	*path;		/* relative to the project folder, folded
				   ("content/deel-1/a.md"); owned */
	int	 part;		/* index into toc.parts, or -1 */
	int	 line, col;	/* where the table names it */
};

struct toc {
	char		*file;	/* the table read, joined to the project
				   folder; owned */
	const char	*kind;	/* "Jupyter Book _toc.yml", ...; static */
	struct toc_item	*v;	/* in the table's order; owned */
	size_t		 n;
	char		**parts;	/* part titles; owned */
	size_t		 nparts;
	char		*root;	/* the book's root page (Jupyter Book's
				   root:), like v[].path, or NULL; owned */
};

/* The folder that holds the pages of a project without content/: MkDocs's
 * docs_dir (docs/ unless mkdocs.yml says otherwise), mdBook's src/ (next
 * to book.toml) or Docusaurus's docs/ (next to docusaurus.config.js).  Returns a new path joined to dir, or NULL when dir is
 * neither or that folder does not exist. */
char	*toc_content_dir(const char *dir, struct diag_list *);

/* Looks for a table of contents in content, then in dir (the project
 * folder, which holds content).  Returns 1 and fills *t (clear it with
 * toc_clear()), 0 when there is none, or -1 after adding diagnostics for
 * a table that cannot be read (DIAG_TOC_YAML). */
int	toc_read(const char *dir, const char *content, struct toc *t,
	    struct diag_list *);
void	toc_clear(struct toc *);

#endif
