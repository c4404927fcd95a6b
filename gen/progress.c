/*
 * progress — a progress line on the terminal; see progress.h.
 */
#include "progress.h"

#include "buf.h"
#include "mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Redrawn no more often than this: a terminal redrawn for each of 10,000
 * rows costs more than the rows. */
#define PROGRESS_EVERY_MS	100

struct progress {
	const char	*what;		/* not owned: a literal */
	size_t		 total, done;
	int		 rate;
	int		 shown;		/* a line is on the terminal */
	struct timespec	 t0;
	long		 last;		/* ms since t0 of the last redraw */
	pthread_mutex_t	 mu;
};

static int	S_on;

void
progress_enable(int on)
{
	S_on = on;
}

int
progress_enabled(void)
{
	return S_on;
}

static long
S_ms(const struct progress *p)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - p->t0.tv_sec) * 1000 +
	    (t.tv_nsec - p->t0.tv_nsec) / 1000000;
}

/* The line, written at once (stderr is unbuffered: one write, so no other
 * output lands inside it); \033[K clears what a longer line left. */
static void
S_draw(struct progress *p, long ms)
{
	struct buf b = { 0 };
	double per_s;
	long left;

	buf_printf(&b, "\rsalesgen: %s %zu/%zu", p->what, p->done, p->total);
	if (p->rate && ms >= 500 && p->done > 0) {
		per_s = (double)p->done * 1000.0 / (double)ms;
		buf_printf(&b, ", %.0f/s", per_s);
		if (p->total > p->done) {
			left = (long)((double)(p->total - p->done) / per_s + 0.5);
			if (left >= 60)
				buf_printf(&b, ", %ld min %02ld s left",
				    left / 60, left % 60);
			else
				buf_printf(&b, ", %ld s left", left);
		}
	}
	buf_puts(&b, "\033[K");
	fwrite(b.data, 1, b.len, stderr);
	fflush(stderr);
	buf_free(&b);
	p->shown = 1;
	p->last = ms;
}

struct progress *
progress_begin(const char *what, size_t total, int rate)
{
	struct progress *p;

	if (!S_on || total == 0)
		return NULL;
	p = xcalloc(1, sizeof(*p));
	p->what = what;
	p->total = total;
	p->rate = rate;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	pthread_mutex_init(&p->mu, NULL);
	S_draw(p, 0);
	return p;
}

void
progress_step(struct progress *p, size_t n)
{
	long ms;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->done += n;
	if (p->done > p->total)
		p->total = p->done;
	ms = S_ms(p);
	if (ms - p->last >= PROGRESS_EVERY_MS || p->done == p->total)
		S_draw(p, ms);
	pthread_mutex_unlock(&p->mu);
}

void
progress_end(struct progress *p)
{
	if (p == NULL)
		return;
	if (p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	pthread_mutex_destroy(&p->mu);
	free(p);
}
