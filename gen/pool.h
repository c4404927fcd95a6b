/*
 * pool — the one thread pool: site pages, the course scan and merge's
 * rows run on it.
 *
 * A job is two callbacks: work(arg, worker) runs on one of the pool's
 * threads (worker is that thread's number, 0 .. pool_threads() - 1, for
 * state a thread keeps between jobs), and done(arg), which may be NULL,
 * runs afterwards on the thread that owns the pool, in the order the jobs
 * were submitted, whatever order they finished in.  Whatever a job makes
 * is collected in done (or in a slot of the caller's per job), so the
 * output never depends on the scheduling.
 *
 * At most pool_window() jobs are submitted and not yet done: pool_submit()
 * waits for the oldest when the window is full, so a stream of jobs (a
 * mailing's rows) takes memory for the window, not for the stream.
 *
 * A pool of one thread starts none: pool_submit() runs work and done at
 * once on the caller's thread.  That is what -j 1 means: one thread
 * everywhere, and the same output as any other -j.
 *
 * Only the owning thread (the one that called pool_new) may call
 * pool_submit(), pool_wait() and pool_free(); a job must not submit.
 */
#ifndef SALESGEN_POOL_H
#define SALESGEN_POOL_H

struct pool;

typedef void	pool_work_fn(void *arg, int worker);
typedef void	pool_done_fn(void *arg);

/* A pool of threads threads (taken as 1 below 1, as 64 above 64); fewer
 * when the system refuses to start more, none for 1.  Free with
 * pool_free(). */
struct pool *pool_new(int threads);
/* Waits for every job (running their done callbacks), stops the threads
 * and frees the pool.  NULL is a no-op. */
void	pool_free(struct pool *);

/* The number of workers a job's worker argument counts up to (1 when
 * the jobs run on the caller's thread). */
int	pool_threads(const struct pool *);
/* How many jobs may be submitted and not yet done. */
int	pool_window(const struct pool *);

/* Queues a job (or runs it at once, in a pool of one thread); first runs
 * the done callbacks of the oldest jobs that have finished. */
void	pool_submit(struct pool *, pool_work_fn *work, pool_done_fn *done,
	    void *arg);
/* Returns when every job submitted has finished and its done callback
 * has run. */
void	pool_wait(struct pool *);

#endif
