/*
 * stats.c: --stats, the wall and CPU time of each pass (main.c calls
 * stats_lap after each), for finding what to make faster.
 */
#include <sys/resource.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ld.h"

static double	seconds(clockid_t);

static double
seconds(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Now, on the clock stats_lap measures wall time with. */
double
stats_now(void)
{
	return seconds(CLOCK_MONOTONIC);
}

/*
 * --stats: the wall and CPU time since the last lap, charged to the pass
 * named, on stderr; "total" also gives the peak resident memory.  CPU time
 * counts every thread, so CPU above wall shows a pass running in parallel.
 */
void
stats_lap(struct link *ctx, const char *pass)
{
	double wall, cpu;
	struct rusage ru;

	if (!ctx->opts.stats)
		return;
	wall = seconds(CLOCK_MONOTONIC);
	cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
	if (pass != NULL)
		fprintf(stderr, "ld: stats: %-26s %8.4f s wall %8.4f s cpu\n",
		    pass, wall - ctx->lapwall, cpu - ctx->lapcpu);
	ctx->lapwall = wall;
	ctx->lapcpu = cpu;
	if (pass != NULL && strcmp(pass, "total") == 0 &&
	    getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(stderr, "ld: stats: peak memory %ld KiB, %u threads\n",
		    ru.ru_maxrss, pool_threads(ctx->pool));
}
