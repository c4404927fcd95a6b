/*
 * diag — the diagnostics list.
 *
 * Every module reports problems by appending to a struct diag_list, never by
 * printing or exiting.  A diagnostic carries a code from diag_catalog.h, a
 * position (file, line, column; 0 where unknown) and its formatted text.
 * The caller decides when to print (diag_print) and turns the worst level
 * into the exit status (diag_worst).  Printed form, as gcc and mandoc do:
 *
 *	content/01-klant.md:12:7: error: unknown callout kind 'defintie' ...
 */
#ifndef SALESGEN_DIAG_H
#define SALESGEN_DIAG_H

#include <stdio.h>

enum diag_level {
	DIAG_NONE = 0,
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR
};

enum diag_code {
#define D(code, level, fmt) code,
#include "diag_catalog.h"
#undef D
	DIAG__MAX
};

struct diag {
	enum diag_code	 code;
	enum diag_level	 level;
	char		*file;		/* owned; NULL for command-line problems */
	int		 line, col;	/* 1-based; 0 = unknown */
	char		*msg;		/* owned, formatted */
};

struct diag_list {
	struct diag	*v;
	size_t		 n, cap;
	size_t		 printed;	/* how many diag_print already wrote */
	int		 strict;	/* warnings count as errors */
	int		 min_print;	/* lowest level diag_print shows */
	int		 verbose;	/* -v: note every file written */
	size_t		*seen;		/* hash table of indices into v, for
					   dropping repeats; 0 = empty, i+1 */
	size_t		 nseen;
};

/* Returns a new empty list; free it with diag_list_free(). */
struct diag_list *diag_list_new(void);
void	diag_list_free(struct diag_list *);

/* Appends a diagnostic; the variadic arguments fill the catalogue format.
 * file may be NULL; it is copied.  A diagnostic identical to one already
 * in the list (same code, place and text) is dropped: the site and each
 * handout walk the same chapters, and a reader needs each problem once. */
void	diag_add(struct diag_list *, enum diag_code,
	    const char *file, int line, int col, ...);

/* The level a code is reported at, taking --strict into account. */
enum diag_level diag_level_of(const struct diag_list *, enum diag_code);
/* The catalogue's raw format text and level for a code (for the man page test). */
const char *diag_format(enum diag_code);
enum diag_level diag_default_level(enum diag_code);
const char *diag_level_name(enum diag_level);

enum diag_level diag_worst(const struct diag_list *);
size_t	diag_count(const struct diag_list *, enum diag_level);

/* Writes the diagnostics not yet printed, one line each, in the order added. */
void	diag_print(struct diag_list *, FILE *);

/* Appends a copy of d (from another list). */
void	diag_copy(struct diag_list *, const struct diag *d);

/* Moves every entry of src to the end of dst, leaving src empty. */
void	diag_move(struct diag_list *dst, struct diag_list *src);

#endif
