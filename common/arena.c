/*
 * arena: see arena.h.  Chunks are mmapped; a chunk's header sits at its
 * start.  A request bigger than a quarter of the chunk size gets a chunk
 * of its own, so the free tail of the current chunk is not wasted on it.
 */
#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "xalloc.h"

/*
 * Under AddressSanitizer each allocation is a calloc of its own, so that
 * ASan sees the bounds of every array and LeakSanitizer the pointers
 * kept in them (it does not scan memory we map ourselves).
 */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_MALLOC	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_MALLOC	1
#endif
#endif
#ifdef ARENA_MALLOC
#define BIG_MALLOC	1	/* big_alloc too */
#else
#define BIG_MALLOC	0
#endif

#define HUGE		((size_t)2 << 20)	/* an x86-64 huge page */
#define FIRST_CHUNK	((size_t)1 << 20)
#define CHUNK		((size_t)32 << 20)
#define BIG		((size_t)4 << 20)	/* big_alloc: huge pages from here */

/*
 * size bytes of fresh zero memory; with huge set, 2 MiB-aligned and
 * advised for huge pages (an advice only: a kernel without them gives
 * ordinary pages).  *map and *mapsize say what to unmap.
 */
static void *
map_zero(size_t size, int huge, void **map, size_t *mapsize)
{
	unsigned char *p, *q;
	size_t total = size + (huge ? HUGE : 0);

	if (total < size)
		diag_fatal("out of memory");
	p = mmap(NULL, total, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		diag_fatal("out of memory");
	q = p;
	if (huge) {
		q = (unsigned char *)(((uintptr_t)p + HUGE - 1) & ~(HUGE - 1));
#ifdef MADV_HUGEPAGE
		(void)madvise(q, size, MADV_HUGEPAGE);
#endif
	}
	*map = p;
	*mapsize = total;
	return q;
}

void
arena_init(struct arena *a)
{
	memset(a, 0, sizeof(*a));
	pthread_mutex_init(&a->lock, NULL);
}

#ifdef ARENA_MALLOC
struct arena_chunk {
	struct arena_chunk	*next;
	unsigned char		 pad[8];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c;

	if (n > SIZE_MAX - sizeof(*c))
		diag_fatal("out of memory");
	c = xcalloc(1, sizeof(*c) + n);
	pthread_mutex_lock(&a->lock);
	c->next = a->chunks;
	a->chunks = c;
	pthread_mutex_unlock(&a->lock);
	return c + 1;
}

void
arena_release(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
}
#else
struct arena_chunk {
	struct arena_chunk	*next;
	void			*map;		/* what to munmap */
	size_t			 mapsize;
	unsigned char		 pad[8];	/* the data is 16-byte aligned */
};

static struct arena_chunk *
new_chunk(struct arena *a, size_t need)
{
	struct arena_chunk *c;
	size_t size = a->nchunks == 0 ? FIRST_CHUNK : CHUNK;
	void *map;
	size_t mapsize;

	need += sizeof(*c);
	if (need < sizeof(*c))
		diag_fatal("out of memory");
	if (size < need)
		size = (need + HUGE - 1) & ~(HUGE - 1);
	c = map_zero(size, a->nchunks > 0 || size > FIRST_CHUNK, &map,
	    &mapsize);
	c->map = map;
	c->mapsize = mapsize;
	c->next = a->chunks;
	a->chunks = c;
	a->nchunks++;
	a->cur = (unsigned char *)(c + 1);
	a->end = (unsigned char *)c + size;
	return c;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c, *top;
	unsigned char *p;

	if (n > SIZE_MAX - 15)
		diag_fatal("out of memory");
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	pthread_mutex_lock(&a->lock);
	if ((size_t)(a->end - a->cur) >= n) {
		p = a->cur;
		a->cur += n;
	} else if (n > CHUNK / 4) {
		/* A chunk of its own, behind the current one. */
		unsigned char *cur = a->cur, *end = a->end;
		top = a->chunks;
		c = new_chunk(a, n);
		p = (unsigned char *)(c + 1);
		if (top != NULL) {
			a->chunks = top;
			c->next = top->next;
			top->next = c;
			a->cur = cur;
			a->end = end;
		} else
			a->cur = p + n;	/* the first chunk: the rest is free */
	} else {
		new_chunk(a, n);
		p = a->cur;
		a->cur += n;
	}
	pthread_mutex_unlock(&a->lock);
	return p;
}

void
arena_release(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		munmap(c->map, c->mapsize);
	}
	a->chunks = NULL;
	a->cur = a->end = NULL;
	a->nchunks = 0;
}
#endif

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		diag_fatal("out of memory");
	return arena_alloc(a, n * size);
}

/*
 * A big block is exactly its own mapping (the alignment slack is given
 * back at once), so big_free needs only the size; a small one is
 * xcalloc's.
 */
void *
big_alloc(size_t n, size_t size)
{
	void *map, *p;
	size_t mapsize;

	if (size != 0 && n > SIZE_MAX / size)
		diag_fatal("out of memory");
	if (n * size < BIG || BIG_MALLOC)
		return xcalloc(n, size);
	p = map_zero(n * size, 1, &map, &mapsize);
	/* Unmap the alignment slack now; the rest is p .. p + n * size. */
	if ((unsigned char *)p > (unsigned char *)map)
		munmap(map, (size_t)((unsigned char *)p - (unsigned char *)map));
	if ((unsigned char *)map + mapsize > (unsigned char *)p + n * size)
		munmap((unsigned char *)p + n * size, (size_t)((unsigned char *)
		    map + mapsize - ((unsigned char *)p + n * size)));
	return p;
}

void
big_free(void *p, size_t n, size_t size)
{
	if (p == NULL)
		return;
	if (n * size < BIG || BIG_MALLOC)
		free(p);
	else
		munmap(p, n * size);
}
