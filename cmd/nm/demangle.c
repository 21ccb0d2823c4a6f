/*
 * demangle: -C, with each name's demangling remembered.
 *
 * GNU demangles as bfd_demangle does: leading dots and dollars and a
 * trailing "@VERSION" are set aside, the rest goes to libiberty's
 * cplus_demangle.  That call is most of what nm -C costs, and in an
 * archive the same names come back member after member (every member
 * that calls llvm::errs() lists it as undefined; libLLVMCodeGen.a has
 * 33k symbol lines and 13k distinct names), so the results are kept in
 * a string map for the whole run.  Keys and results are copied into an
 * arena of large blocks: the names themselves live in mappings that are
 * closed after each operand, and nothing is malloced per name.
 */
#include <demangle.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "nm.h"
#include "xalloc.h"

#define ARENA_BLOCK	(1 << 16)
#define CACHE_MAX	(1 << 20)	/* names remembered, at most */

static char	*demangle(const char *);
static char	*arena_copy(const char *, size_t);

/* Invariant: every key and non-empty value points into the arena. */
static struct strmap cache;
static bool	 cache_ready;
static char	*arena;
static size_t	 arena_left;
static char	*spare;		/* the last uncached result (map full) */
static const char none[] = "";	/* value for "not a mangled name" */

/*
 * name demangled, or NULL when it is not a mangled name.  The result
 * stays valid until the next call at least.
 */
const char *
nm_demangle(const char *name)
{
	size_t len = strlen(name);
	void **slot;
	char *res;

	if (!cache_ready) {
		strmap_init(&cache, 4096);
		cache_ready = true;
	}
	if ((res = strmap_find(&cache, name, len)) != NULL)
		return res == none ? NULL : res;
	res = demangle(name);
	if (cache.count >= CACHE_MAX) {
		free(spare);
		spare = res;
		return res;
	}
	slot = strmap_insert(&cache, arena_copy(name, len), len, NULL);
	if (res == NULL) {
		*slot = (void *)none;
		return NULL;
	}
	*slot = arena_copy(res, strlen(res));
	free(res);
	return *slot;
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
	len = at != NULL ? (size_t)(at - p) : strlen(p);
	core = xstrndup(p, len);
	res = cplus_demangle(core, DMGL_PARAMS | DMGL_ANSI);
	free(core);
	if (res == NULL || (pre == 0 && at == NULL))
		return res;
	if (at == NULL)
		at = "";
	full = xmalloc(pre + strlen(res) + strlen(at) + 1);
	memcpy(full, name, pre);
	strcpy(full + pre, res);
	strcat(full + pre, at);
	free(res);
	return full;
}
