/*
 * progress — one line on the terminal for long work: "salesgen: pages
 * 37/120", for a mailing with its rate and the time left, rewritten in
 * place (\r) and cleared when the work is done, so what is printed after
 * it starts on a clean line.  Nothing at all unless progress_enable()
 * said so: main.c enables it when standard error is a terminal and -q was
 * not given, so a log, a pipe or a CI run sees the same bytes as before.
 *
 * A struct progress is the caller's from progress_begin() to
 * progress_end(), which frees it; progress_step() may be called from any
 * thread (a pool's workers).  Every function takes NULL (work not shown)
 * and does nothing then.
 */
#ifndef SALESGEN_PROGRESS_H
#define SALESGEN_PROGRESS_H

#include <stddef.h>

struct progress;

/* Whether progress lines are shown at all (default: not). */
void	progress_enable(int on);
int	progress_enabled(void);

/* Starts a line for total items of what ("chapters", "rows"); with rate,
 * the line also tells items a second and the time left.  NULL when
 * progress is not enabled. */
struct progress	*progress_begin(const char *what, size_t total, int rate);
/* n more items done; the line is redrawn at most ten times a second. */
void	progress_step(struct progress *, size_t n);
/* Clears the line and frees p. */
void	progress_end(struct progress *);

#endif
