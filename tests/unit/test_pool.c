/*
 * test_pool — the one thread pool: every job runs once, the done
 * callbacks come in submission order on the owner's thread whatever order
 * the jobs finish in, no more than the window is in flight (a mailing's
 * memory), a job's worker number is in range and one worker's jobs never
 * overlap, and a pool of one thread runs each job at once, on the
 * caller's thread.  One PASS or FAIL line per test; exit status 1 if any
 * failed.
 */
#include "pool.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NJOB	500

static int	 failed;

static void
S_verdict(const char *name, int ok, const char *why)
{
	printf("%s pool: %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok) {
		failed++;
		if (why != NULL)
			printf("  %s\n", why);
	}
}

struct run {
	struct pool	*p;
	pthread_t	 owner;
	pthread_mutex_t	 mu;
	int		 inflight, maxflight;	/* submitted, not done */
	int		 busy[64];		/* per worker, under mu */
	int		 overlap, badworker, offowner, badthread;
	int		 ndone, order_ok;
	int		 ran[NJOB];
};

struct job {
	struct run	*r;
	int		 i;
};

static void
S_work(void *arg, int worker)
{
	struct job *j = arg;
	struct run *r = j->r;
	struct timespec ts = { 0, 0 };

	pthread_mutex_lock(&r->mu);
	if (worker < 0 || worker >= pool_threads(r->p))
		r->badworker = 1;
	else if (r->busy[worker]++)
		r->overlap = 1;
	pthread_mutex_unlock(&r->mu);
	/* the early jobs slowest, so that later ones finish first */
	ts.tv_nsec = (j->i % 7 == 0 && j->i < 100) ? 2000000 : 0;
	if (ts.tv_nsec)
		nanosleep(&ts, NULL);
	pthread_mutex_lock(&r->mu);
	r->ran[j->i]++;
	if (worker >= 0 && worker < pool_threads(r->p))
		r->busy[worker]--;
	pthread_mutex_unlock(&r->mu);
}

static void
S_done(void *arg)
{
	struct job *j = arg;
	struct run *r = j->r;

	if (!pthread_equal(pthread_self(), r->owner))
		r->offowner = 1;
	if (j->i != r->ndone)
		r->order_ok = 0;
	r->ndone++;
	r->inflight--;
	free(j);
}

/* Submits NJOB jobs to a pool of threads threads. */
static void
S_run(struct run *r, int threads, int wait)
{
	struct job *j;
	int i;

	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&r->mu, NULL);
	r->owner = pthread_self();
	r->order_ok = 1;
	r->p = pool_new(threads);
	for (i = 0; i < NJOB; i++) {
		j = malloc(sizeof(*j));
		j->r = r;
		j->i = i;
		r->inflight++;
		if (r->inflight > r->maxflight)
			r->maxflight = r->inflight;
		pool_submit(r->p, S_work, S_done, j);
	}
	if (wait)
		pool_wait(r->p);
}

static int
S_all_once(const struct run *r)
{
	int i;

	for (i = 0; i < NJOB; i++)
		if (r->ran[i] != 1)
			return 0;
	return 1;
}

int
main(void)
{
	struct run r;
	char why[128];
	int wait;

	for (wait = 0; wait < 2; wait++) {
		S_run(&r, 4, wait);
		pool_free(r.p);
		S_verdict(wait ? "4 threads, wait then free: every job once" :
		    "4 threads, free: every job once", S_all_once(&r) &&
		    r.ndone == NJOB, NULL);
		S_verdict("done callbacks in submission order",
		    r.order_ok, NULL);
		S_verdict("done callbacks on the owner's thread", !r.offowner,
		    NULL);
		snprintf(why, sizeof(why), "%d in flight, window %d",
		    r.maxflight, 4 * 4);
		S_verdict("no more jobs in flight than the window",
		    r.maxflight <= 4 * 4 + 1, why);
		S_verdict("worker numbers in range, one job a worker",
		    !r.badworker && !r.overlap, NULL);
		pthread_mutex_destroy(&r.mu);
	}

	/* -j 1: each job and its done at once, on this thread */
	S_run(&r, 1, 0);
	S_verdict("1 thread: one worker", pool_threads(r.p) == 1, NULL);
	S_verdict("1 thread: every job done before submit returns",
	    r.maxflight == 1 && r.ndone == NJOB && S_all_once(&r), NULL);
	S_verdict("1 thread: in order, on the caller's thread",
	    r.order_ok && !r.offowner, NULL);
	pool_free(r.p);
	pthread_mutex_destroy(&r.mu);

	S_run(&r, 1000, 1);
	S_verdict("1000 threads asked: at most 64", pool_threads(r.p) <= 64,
	    NULL);
	pool_free(r.p);
	pthread_mutex_destroy(&r.mu);
	pool_free(NULL);
	S_verdict("pool_free(NULL) is a no-op", 1, NULL);
	return failed ? 1 : 0;
}
