/*
 * pool: a parallel for over index ranges on a few pthreads (see pool.h).
 *
 * One job at a time: pool_for publishes (fn, arg, n, grain) under the
 * mutex and bumps the generation; every worker wakes, and workers and the
 * caller take ranges from one atomic counter until it passes n (ranges of
 * uneven cost even out).  The caller then waits until every worker has
 * left the job.  Workers live until the process exits.  fn may not call
 * pool_for itself.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include "pool.h"
#include "xalloc.h"

#define MAXTHREADS 64

/*
 * Invariants: gen counts the jobs published; busy is the number of
 * workers that have not finished job gen; next is the first index not yet
 * handed out (it may pass n by at most one grain per thread).
 */
struct pool {
	pthread_mutex_t	 mu;
	pthread_cond_t	 go, done;
	unsigned	 nthreads;	/* in all, counting the caller */
	unsigned	 started;	/* workers running */
	unsigned long	 gen;
	unsigned	 busy;
	pool_fn		*fn;
	void		*arg;
	size_t		 n, grain;
	atomic_size_t	 next;
};

static void	*worker(void *);
static void	 run_ranges(struct pool *);
static void	 start_workers(struct pool *);

struct pool *
pool_new(unsigned nthreads)
{
	struct pool *p = xcalloc(1, sizeof(*p));
	long ncpu;

	if (nthreads == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		nthreads = ncpu > 0 ? (unsigned)(ncpu < MAXTHREADS ? ncpu :
		    MAXTHREADS) : 1;
	}
	p->nthreads = nthreads < MAXTHREADS ? nthreads : MAXTHREADS;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->done, NULL);
	atomic_init(&p->next, 0);
	return p;
}

unsigned
pool_threads(const struct pool *p)
{
	return p != NULL ? p->nthreads : 1;
}

static void
run_ranges(struct pool *p)
{
	size_t b;

	while ((b = atomic_fetch_add(&p->next, p->grain)) < p->n)
		p->fn(p->arg, b, p->n - b > p->grain ? b + p->grain : p->n);
}

static void *
worker(void *v)
{
	struct pool *p = v;
	unsigned long seen = 0;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->gen == seen)
			pthread_cond_wait(&p->go, &p->mu);
		seen = p->gen;
		pthread_mutex_unlock(&p->mu);
		run_ranges(p);
		pthread_mutex_lock(&p->mu);
		if (--p->busy == 0)
			pthread_cond_signal(&p->done);
	}
	return NULL;
}

/* Before the first job, so every worker starts at generation 0. */
static void
start_workers(struct pool *p)
{
	pthread_attr_t attr;
	pthread_t t;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	while (p->started + 1 < p->nthreads &&
	    pthread_create(&t, &attr, worker, p) == 0)
		p->started++;
	pthread_attr_destroy(&attr);
	/* Fewer threads than asked for still give the same result. */
	p->nthreads = p->started + 1;
}

void
pool_for(struct pool *p, size_t n, size_t grain, pool_fn *fn, void *arg)
{
	if (grain == 0)
		grain = 1;
	if (p == NULL || p->nthreads <= 1 || n <= grain) {
		if (n > 0)
			fn(arg, 0, n);
		return;
	}
	if (p->started == 0 && p->gen == 0)
		start_workers(p);
	if (p->started == 0) {
		fn(arg, 0, n);
		return;
	}
	pthread_mutex_lock(&p->mu);
	p->fn = fn;
	p->arg = arg;
	p->n = n;
	p->grain = grain;
	atomic_store(&p->next, 0);
	p->busy = p->started;
	p->gen++;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->mu);
	run_ranges(p);
	pthread_mutex_lock(&p->mu);
	while (p->busy > 0)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
}
