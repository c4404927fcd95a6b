/*
 * site — the static study site: one page per chapter, an index, a glossary,
 * the style sheets, all with relative links so the folder works on any
 * static host and opened from disk.
 */
#ifndef SALESGEN_SITE_H
#define SALESGEN_SITE_H

#include "course.h"
#include "diag.h"
#include "theme.h"

/*
 * The chapters' page bodies rendered while course_scan() parses them, so
 * the site needs no second parse and no chapter's tree outlives its own
 * scan.  Created before course_scan() (it sets the course's hook) for the
 * edition the site will have; the bodies wait in a temporary file (in
 * memory when none can be made) until site_build() wraps them in their
 * pages.  Free it after site_build(), before the course.
 */
struct site_bodies;
struct site_bodies *site_bodies_new(struct course *, enum edition);
void	site_bodies_free(struct site_bodies *);

/* Writes the site of a scanned course into outdir, each file atomically,
 * the chapter pages on jobs threads.  bodies (or NULL) gives the chapters
 * the scan rendered; the others are parsed again.  Returns 0, or -1 after
 * adding diagnostics (files already complete are kept; no file is ever
 * left half-written).  The theme must not be used by anyone else
 * meanwhile. */
int	site_build(const struct course *, struct theme *, const char *outdir,
	    enum edition, int jobs, struct site_bodies *, struct diag_list *);

#endif
