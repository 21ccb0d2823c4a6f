/*
 * demangle: -C.
 *
 * GNU demangles as bfd_demangle does: leading dots and dollars and a
 * trailing "@VERSION" are set aside, the rest goes to libiberty's
 * cplus_demangle.  That call is most of what nm -C costs, so:
 *
 * - nm_print_list asks for the names of each run of CHUNK symbols ahead
 *   of printing them (nm_demangle_prefetch), and a run with enough names
 *   to demangle is split between two threads.  cplus_demangle keeps no
 *   state between calls, so this is safe, and the order of the output
 *   does not depend on it.  nm_demangle then hands the results out in
 *   order, checking that each is asked for the name it was made from.
 * - In an archive the same names come back member after member (every
 *   member that calls llvm::errs() lists it as undefined; libLLVMCodeGen.a
 *   has 33k symbol lines and 13k distinct names), so for archive members
 *   the results are kept in a string map for the whole run.  Keys and
 *   results are copied into an arena of large blocks: the names live in
 *   mappings that are closed after each operand.  A single object's names
 *   are all different, and are not kept.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <demangle.h>

#include "hash.h"
#include "nm.h"
#include "xalloc.h"

#define ARENA_BLOCK	(1 << 16)
#define CACHE_MAX	(1 << 20)	/* names remembered, at most */
#define PAR_MIN		512		/* names worth a second thread */

static char	*demangle(const char *);
static char	*arena_copy(const char *, size_t);
static void	*work(void *);

/*
 * Invariant: every key and non-empty value points into the arena; a
 * value of none means "not a mangled name".
 */
static struct strmap cache;
static bool	 cache_ready;
static char	*arena;
static size_t	 arena_left;
static const char none[] = "";

/*
 * The prefetched run: res[i] is the demangling of name[i] (NULL: not
 * mangled), owned[i] says whether res[i] is ours to free; next is the
 * entry nm_demangle hands out next.
 */
static struct {
	const char	*name[NM_DEMANGLE_CHUNK];
	char		*res[NM_DEMANGLE_CHUNK];
	bool		 owned[NM_DEMANGLE_CHUNK];
	size_t		 n, next;
} run;
static char	*spare;		/* the last result made outside a run */

/* A share of the run for one thread: entries [from, to) with todo set. */
struct share {
	const size_t	*todo;
	size_t		 from, to;
};

static void
run_clear(void)
{
	size_t i;

	for (i = 0; i < run.n; i++)
		if (run.owned[i])
			free(run.res[i]);
	run.n = run.next = 0;
}

static const char *
cache_find(const char *name)
{
	if (!cache_ready)
		return NULL;
	return strmap_find(&cache, name, strlen(name));
}

static void
cache_add(const char *name, const char *res)
{
	size_t len = strlen(name);

	if (!cache_ready) {
		strmap_init(&cache, 4096);
		cache_ready = true;
	}
	if (cache.count >= CACHE_MAX)
		return;
	*strmap_insert(&cache, arena_copy(name, len), len, NULL) =
	    res == NULL ? (void *)none : arena_copy(res, strlen(res));
}

/*
 * Demangle the names of s[0..n) (n <= NM_DEMANGLE_CHUNK), ahead of
 * nm_demangle asking for them in the same order.  keep: remember them
 * for the rest of the run (archive members).  n == 0 drops the last
 * run: its names may not outlive their list.
 */
void
nm_demangle_prefetch(const struct nm_sym *s, size_t n, bool keep)
{
	static size_t todo[NM_DEMANGLE_CHUNK];
	struct share mine, other;
	const char *c;
	pthread_t t;
	size_t i, k = 0;
	bool threaded = false;

	run_clear();
	for (i = 0; i < n; i++) {
		/* print_name asks for no empty name. */
		if (s[i].name[0] == '\0')
			continue;
		run.name[run.n] = s[i].name;
		run.res[run.n] = NULL;
		run.owned[run.n] = false;
		if (keep && (c = cache_find(s[i].name)) != NULL)
			run.res[run.n] = c == none ? NULL : (char *)c;
		else
			todo[k++] = run.n;
		run.n++;
	}
	mine = (struct share){ todo, 0, k };
	if (k >= PAR_MIN) {
		other = (struct share){ todo, k / 2, k };
		mine.to = k / 2;
		threaded = pthread_create(&t, NULL, work, &other) == 0;
		if (!threaded)
			mine.to = k;
	}
	work(&mine);
	if (threaded)
		pthread_join(t, NULL);
	for (i = 0; i < k; i++) {
		run.owned[todo[i]] = run.res[todo[i]] != NULL;
		if (keep)
			cache_add(run.name[todo[i]], run.res[todo[i]]);
	}
}

static void *
work(void *arg)
{
	const struct share *sh = arg;
	size_t i;

	for (i = sh->from; i < sh->to; i++)
		run.res[sh->todo[i]] = demangle(run.name[sh->todo[i]]);
	return NULL;
}

/*
 * name demangled, or NULL when it is not a mangled name.  The result
 * stays valid until the next call at least.
 */
const char *
nm_demangle(const char *name)
{
	const char *c;
	char *res;

	if (run.next < run.n && run.name[run.next] == name)
		return run.res[run.next++];
	if ((c = cache_find(name)) != NULL)
		return c == none ? NULL : c;
	res = demangle(name);
	free(spare);
	spare = res;
	return res;
}

static char *
arena_copy(const char *s, size_t n)
{
	char *p;

	if (n + 1 > arena_left) {
		arena_left = n + 1 > ARENA_BLOCK ? n + 1 : ARENA_BLOCK;
		arena = xmalloc(arena_left);
	}
	p = arena;
	memcpy(p, s, n);
	p[n] = '\0';
	arena += n + 1;
	arena_left -= n + 1;
	return p;
}

static char *
demangle(const char *name)
{
	const char *p = name, *at;
	char *core, *res, *full;
	size_t pre, len;

	while (*p == '.' || *p == '$')
		p++;
	pre = (size_t)(p - name);
	at = strchr(p, '@');
	if (pre == 0 && at == NULL)
		return cplus_demangle(name, DMGL_PARAMS | DMGL_ANSI);
	len = at != NULL ? (size_t)(at - p) : strlen(p);
	core = xstrndup(p, len);
	res = cplus_demangle(core, DMGL_PARAMS | DMGL_ANSI);
	free(core);
	if (res == NULL)
		return NULL;
	if (at == NULL)
		at = "";
	full = xmalloc(pre + strlen(res) + strlen(at) + 1);
	memcpy(full, name, pre);
	strcpy(full + pre, res);
	strcat(full + pre, at);
	free(res);
	return full;
}
