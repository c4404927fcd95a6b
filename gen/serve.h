/*
 * serve — salesgen serve: builds the project, serves out/site (and
 * out/pdf under /pdf/) over HTTP with libmicrohttpd, rebuilds when an
 * input changes (watch.h) and tells every open page to reload through
 * Server-Sent Events at /__salesgen/events.  The script that listens is
 * added to the HTML as it is sent, never to the files in out/site.  A
 * failed build leaves the last good output served, with the errors shown
 * over each page.  Nothing outside out/site and out/pdf is served: a
 * ".." segment (also when percent-encoded), a NUL or control byte, or a
 * path that resolves elsewhere (a symbolic link) is refused.
 *
 * Runs until SIGINT or SIGTERM; returns 0 then, -1 after an error in dl
 * (the address cannot be listened on, the first build failed to start),
 * or BUILD_USAGE for a --bind that is no address.  Owns nothing of o.
 */
#ifndef SALESGEN_SERVE_H
#define SALESGEN_SERVE_H

#include "build.h"
#include "diag.h"

/* The port serve listens on without --port. */
#define SERVE_PORT	8000

int	serve_run(const struct build_opts *o, struct diag_list *dl);

#endif
