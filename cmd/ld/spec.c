/*
 * spec.c: archive members parsed ahead, on a thread of their own, while
 * resolve_symbols decides which members the link needs.
 *
 * Resolution is serial, and in a link that is mostly archives (all of
 * LLVM's static libraries) most of its time went into checking each
 * member as it was loaded (input.c's check_object).  That check reads
 * only the member, so another thread can do it first.  The order in
 * which members join the link, and so the output, stays resolution's.
 *
 * Which members will be needed is known only as resolution goes; it
 * walks an archive's index in member order, loading what is referenced.
 * So the thread works just ahead of that walk: resolve_symbols publishes
 * the member it is at (spec_at), and the thread checks the next members
 * not yet taken, at most WINDOW ahead.  A member it checked that is never
 * loaded is wasted work on an otherwise idle core.
 *
 * Each member has a state.  The thread moves it from SPEC_FREE to
 * SPEC_BUSY and then SPEC_DONE, with the result in a->pre; load_member
 * (spec_take) moves SPEC_FREE to SPEC_TAKEN, and then checks the member
 * itself, or waits for SPEC_DONE and takes the result.  A member the
 * thread found bad is checked again by load_member, which reports it.
 * Thin archives, whose members are separate files, are left alone.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"
#include "ld.h"

#define WINDOW		64	/* members ahead of resolution */

enum { SPEC_FREE, SPEC_BUSY, SPEC_DONE, SPEC_TAKEN };

struct spec {
	struct link		*ctx;
	pthread_t		 thread;
	atomic_bool		 stop;
	_Atomic uint64_t	 at;	/* archive number << 32 | member */
	struct arread		*ar;	/* the thread's own readers */
};

static void	*spec_main(void *);
static bool	spec_one(struct spec *);

void
spec_start(struct link *ctx)
{
	struct spec *sp;
	struct archive *a;
	size_t i, n = 0;

	if (pool_threads(ctx->pool) < 2)
		return;
	for (i = 0; i < ctx->narchives; i++) {
		a = ctx->archives[i];
		if (a->ar.kind == FT_AR_THIN || a->nmembers == 0)
			continue;
		a->spec = arena_array(&ctx->arena, a->nmembers,
		    sizeof(*a->spec));
		a->pre = arena_array(&ctx->arena, a->nmembers,
		    sizeof(*a->pre));
		n++;
	}
	if (n == 0)
		return;
	sp = xcalloc(1, sizeof(*sp));
	sp->ctx = ctx;
	atomic_init(&sp->stop, false);
	atomic_init(&sp->at, 0);
	/*
	 * Copies of the readers, made before the thread starts: arread
	 * keeps the current member's name in itself.
	 */
	sp->ar = xcalloc(ctx->narchives, sizeof(*sp->ar));
	for (i = 0; i < ctx->narchives; i++) {
		sp->ar[i] = ctx->archives[i]->ar;
		sp->ar[i].namebuf = NULL;
		sp->ar[i].namecap = 0;
		sp->ar[i].ext_open = false;
	}
	if (pthread_create(&sp->thread, NULL, spec_main, sp) != 0) {
		free(sp->ar);
		free(sp);
		return;		/* no thread: resolution checks them all */
	}
	ctx->spec = sp;
}

/* Stop the thread; members it did not check are checked when loaded. */
void
spec_stop(struct link *ctx)
{
	struct spec *sp = ctx->spec;
	size_t i;

	if (sp == NULL)
		return;
	atomic_store(&sp->stop, true);
	pthread_join(sp->thread, NULL);
	for (i = 0; i < ctx->narchives; i++)
		free(sp->ar[i].namebuf);
	free(sp->ar);
	free(sp);
	ctx->spec = NULL;
	for (i = 0; i < ctx->narchives; i++)
		ctx->archives[i]->spec = NULL;
}

/* Resolution is at member m of a. */
void
spec_at(struct link *ctx, const struct archive *a, uint32_t m)
{
	if (ctx->spec != NULL)
		atomic_store_explicit(&ctx->spec->at,
		    (uint64_t)a->num << 32 | m, memory_order_relaxed);
}

/*
 * For load_member: true and *f when the thread has checked member idx
 * (waiting if it is at it now); false when the caller must check it.
 */
bool
spec_take(struct link *ctx, struct archive *a, uint32_t idx,
    struct input_file **f)
{
	unsigned char st = SPEC_FREE;

	if (a->spec == NULL)
		return false;
	if (atomic_compare_exchange_strong(&a->spec[idx], &st, SPEC_TAKEN))
		return false;
	while (st == SPEC_BUSY) {
		sched_yield();
		st = atomic_load_explicit(&a->spec[idx],
		    memory_order_acquire);
	}
	*f = a->pre[idx];
	return *f != NULL;
}

static void *
spec_main(void *arg)
{
	struct spec *sp = arg;
	struct timespec nap = { 0, 20000 };

	while (!atomic_load_explicit(&sp->stop, memory_order_relaxed))
		if (!spec_one(sp))
			nanosleep(&nap, NULL);
	return NULL;
}

/* Check the first free member in the window; false if there is none. */
static bool
spec_one(struct spec *sp)
{
	struct link *ctx = sp->ctx;
	struct archive *a;
	uint64_t at = atomic_load_explicit(&sp->at, memory_order_relaxed);
	size_t ai = (size_t)(at >> 32), left = WINDOW;
	uint32_t m = (uint32_t)at;
	unsigned char st;

	for (; ai < ctx->narchives && left > 0; ai++, m = 0) {
		a = ctx->archives[ai];
		if (a->spec == NULL)
			continue;
		for (; m < a->nmembers && left > 0; m++, left--) {
			st = SPEC_FREE;
			if (atomic_load_explicit(&a->spec[m],
			    memory_order_relaxed) != SPEC_FREE ||
			    !atomic_compare_exchange_strong(&a->spec[m], &st,
			    SPEC_BUSY))
				continue;
			a->pre[m] = check_member(ctx, a, &sp->ar[ai], m, true);
			atomic_store_explicit(&a->spec[m], SPEC_DONE,
			    memory_order_release);
			return true;
		}
	}
	return false;
}
