/*
 * watch — what changed in a project, for serve: inotify watches on the
 * project folder and every folder below it (new ones too), except out/
 * and hidden folders (.git), so a save in content/, templates/, the data
 * or salesgen.xml is seen.  Editors that save by writing a new file and
 * renaming it over the old one (vim, VS Code) show as a move; the swap
 * and backup files they write beside it (.name.swp, name~, vim's 4913)
 * do not count.  Debouncing is the caller's: watch_read() only says
 * whether anything that counts happened.
 *
 * The struct watch is owned by the caller (watch_close frees it); the
 * diagnostics go to the list given.
 */
#ifndef SALESGEN_WATCH_H
#define SALESGEN_WATCH_H

#include "diag.h"

struct watch;

/* Watches top and the folders below it.  NULL after DIAG_WATCH when
 * inotify cannot start; a folder that cannot be watched (the kernel's
 * limit of watches reached) gives DIAG_WATCH and is skipped. */
struct watch	*watch_open(const char *top, struct diag_list *);
/* The descriptor to poll for reading. */
int		 watch_fd(const struct watch *);
/* Reads the pending events (never blocks): 1 when one of them is a
 * change to an input, 0 when none is (or none was pending).  New folders
 * are watched from here on. */
int		 watch_read(struct watch *, struct diag_list *);
void		 watch_close(struct watch *);

#endif
