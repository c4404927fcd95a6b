/*
 * dl — a shared library opened at its first use, not at every start.
 *
 * Linked the usual way, librsvg (with the GLib, cairo, Pango and some 40
 * libraries it needs) and libmicrohttpd (with GnuTLS) are loaded and
 * relocated before main() of every run: about 7 and 2 ms, more than
 * salesgen then takes to render an offer, paid by runs that never draw
 * an SVG or serve.  img_svg.c and serve.c reach them through here.
 *
 * A library is a struct dl_lib the user keeps (static): its soname and a
 * table of the functions it wants, each found by name (dlsym) and stored
 * in the user's function pointer.  It is opened once per process, at
 * the first dl_load(), under a lock: threads may ask at the same time.
 * It is never closed; the handle lives as long as the process.
 */
#ifndef SALESGEN_DL_H
#define SALESGEN_DL_H

#include <stddef.h>

/* One function: its name and the address of the function pointer that
 * receives it (a pointer to any function pointer type). */
struct dl_sym {
	const char	*name;
	void		*slot;
};

struct dl_lib {
	const char		*soname;	/* "librsvg-2.so.2" */
	const struct dl_sym	*syms;		/* ended by a NULL name */
	/* dl_load()'s, not the user's: */
	int			 state;		/* 0 not tried, 1 ok, -1 failed */
	char			 why[200];	/* when it failed */
};

/* Opens lib and fills its slots, the first time; 0 when every function
 * was found, now or before; -1 otherwise, with the reason in lib->why
 * (dlerror's text: the file or the function that is missing), and the
 * same answer at every later call. */
int	dl_load(struct dl_lib *lib);

#endif
