/* pool — the one thread pool (see pool.h). */
#include "pool.h"
#include "mem.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>

#define POOL_MAX	64
/* Jobs in the window per thread: enough that a slow job at the head
 * (whose done must come first) does not leave the others idle for long. */
#define POOL_AHEAD	4

enum slot_state { SLOT_QUEUED, SLOT_RUNNING, SLOT_FINISHED };

struct slot {
	pool_work_fn	*work;
	pool_done_fn	*done;
	void		*arg;
	enum slot_state	 state;		/* under mu */
};

/*
 * The jobs are a ring of window slots, counted from the pool's start:
 * head is the oldest whose done has not run, next the oldest no worker
 * has taken, tail the next to be submitted; head <= next <= tail and
 * tail - head <= window.  Workers move next and set states; only the
 * owner moves head and tail.
 */
struct pool {
	int		 n;		/* threads started; 0: run inline */
	pthread_t	 tid[POOL_MAX];
	pthread_mutex_t	 mu;
	pthread_cond_t	 work_cv;	/* a job queued, or quit */
	pthread_cond_t	 done_cv;	/* a job finished */
	struct slot	*ring;
	size_t		 window;
	size_t		 head, next, tail;
	int		 quit;
};

struct worker_arg {
	struct pool	*p;
	int		 id;
};

static void *
S_worker(void *arg)
{
	struct worker_arg *wa = arg;
	struct pool *p = wa->p;
	int id = wa->id;
	struct slot *s;

	free(wa);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next == p->tail && !p->quit)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->next == p->tail)
			break;
		s = &p->ring[p->next++ % p->window];
		assert(s->state == SLOT_QUEUED);
		s->state = SLOT_RUNNING;
		pthread_mutex_unlock(&p->mu);
		s->work(s->arg, id);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_FINISHED;
		pthread_cond_broadcast(&p->done_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct pool *
pool_new(int threads)
{
	struct pool *p = xcalloc(1, sizeof(*p));
	struct worker_arg *wa;
	int k;

	if (threads > POOL_MAX)
		threads = POOL_MAX;
	if (threads <= 1)
		return p;	/* inline: no threads, no locks */
	p->window = (size_t)threads * POOL_AHEAD;
	p->ring = xcalloc(p->window, sizeof(*p->ring));
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->done_cv, NULL);
	for (k = 0; k < threads; k++) {
		wa = xmalloc(sizeof(*wa));
		wa->p = p;
		wa->id = k;
		if (pthread_create(&p->tid[k], NULL, S_worker, wa) != 0) {
			free(wa);
			break;
		}
		p->n = k + 1;
	}
	if (p->n == 0) {
		/* none would start: the jobs run here, as with -j 1 */
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
		pthread_mutex_destroy(&p->mu);
		free(p->ring);
		p->ring = NULL;
		p->window = 0;
	}
	return p;
}

int
pool_threads(const struct pool *p)
{
	return p->n > 0 ? p->n : 1;
}

int
pool_window(const struct pool *p)
{
	return p->n > 0 ? (int)p->window : 1;
}

/* Runs the done callbacks of the finished jobs at the head, in order;
 * with all set, waits for every job.  Called and returns with mu held;
 * the callbacks run without it. */
static void
S_drain(struct pool *p, int all)
{
	struct slot *s;
	pool_done_fn *done;
	void *arg;

	while (p->head < p->tail) {
		s = &p->ring[p->head % p->window];
		if (s->state != SLOT_FINISHED) {
			if (!all)
				break;
			pthread_cond_wait(&p->done_cv, &p->mu);
			continue;
		}
		done = s->done;
		arg = s->arg;
		pthread_mutex_unlock(&p->mu);
		if (done != NULL)
			done(arg);
		pthread_mutex_lock(&p->mu);
		p->head++;
	}
}

void
pool_submit(struct pool *p, pool_work_fn *work, pool_done_fn *done,
    void *arg)
{
	struct slot *s;

	if (p->n == 0) {
		work(arg, 0);
		if (done != NULL)
			done(arg);
		return;
	}
	pthread_mutex_lock(&p->mu);
	S_drain(p, 0);
	while (p->tail - p->head == p->window) {
		pthread_cond_wait(&p->done_cv, &p->mu);
		S_drain(p, 0);
	}
	s = &p->ring[p->tail++ % p->window];
	s->work = work;
	s->done = done;
	s->arg = arg;
	s->state = SLOT_QUEUED;
	pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
}

void
pool_wait(struct pool *p)
{
	if (p->n == 0)
		return;
	pthread_mutex_lock(&p->mu);
	S_drain(p, 1);
	pthread_mutex_unlock(&p->mu);
}

void
pool_free(struct pool *p)
{
	int k;

	if (p == NULL)
		return;
	if (p->n > 0) {
		pool_wait(p);
		pthread_mutex_lock(&p->mu);
		p->quit = 1;
		pthread_cond_broadcast(&p->work_cv);
		pthread_mutex_unlock(&p->mu);
		for (k = 0; k < p->n; k++)
			pthread_join(p->tid[k], NULL);
		pthread_cond_destroy(&p->work_cv);
		pthread_cond_destroy(&p->done_cv);
		pthread_mutex_destroy(&p->mu);
	}
	free(p->ring);
	free(p);
}
