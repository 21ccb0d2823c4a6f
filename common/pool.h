/*
 * pool: a small pthread pool with one operation, a parallel for over an
 * index range (mold's "Concurrency strategy" in docs/design.md, with
 * tbb::parallel_for's shape).
 *
 * pool_for(p, n, grain, fn, arg) calls fn(arg, begin, end) on disjoint
 * ranges covering [0, n), each at most grain long, from the calling thread
 * and the pool's workers, and returns when all are done.  Which thread
 * runs which range varies from run to run, so fn must write only what
 * belongs to its indices: then the result does not depend on the number
 * of threads.  A pool of one thread (or NULL) runs fn(arg, 0, n) inline.
 * Workers are started on the first pool_for that has work for them.
 */
#ifndef OBJKIT_POOL_H
#define OBJKIT_POOL_H

#include <stddef.h>

struct pool;

typedef void	pool_fn(void *arg, size_t begin, size_t end);

/* A pool of nthreads threads in all, counting the caller; 0: one per CPU. */
struct pool	*pool_new(unsigned nthreads);
unsigned	 pool_threads(const struct pool *);
void		 pool_for(struct pool *, size_t n, size_t grain, pool_fn *,
		    void *arg);

#endif
