/*
 * arena: zeroed memory for the many arrays a program keeps until it
 * exits, handed out from a few large mappings and released all at once.
 *
 * A big link allocates hundreds of megabytes in a few thousand arrays and
 * never frees them before the end.  From malloc, each 4 KiB page of them
 * costs a page fault and most arrays a memset; here the chunks after the
 * first are 2 MiB-aligned and advised for transparent huge pages, so the
 * same memory costs a few hundred faults and no memset (fresh mappings
 * are zero).  Small programs stay in the first chunk, of ordinary pages.
 *
 * arena_alloc is thread-safe: the threads checking input files allocate
 * from the same arena.
 */
#ifndef OBJKIT_ARENA_H
#define OBJKIT_ARENA_H

#include <pthread.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	pthread_mutex_t		 lock;
	unsigned char		*cur, *end;	/* free part of the last chunk */
	struct arena_chunk	*chunks;	/* newest first */
	size_t			 nchunks;
};

void	 arena_init(struct arena *);
/* n bytes, zeroed, 16-byte aligned; exits on out of memory. */
void	*arena_alloc(struct arena *, size_t n);
/* An array of n elements of size bytes, with the multiplication checked. */
void	*arena_array(struct arena *, size_t n, size_t size);
/* Give back every chunk; the arena is then empty and usable again. */
void	 arena_release(struct arena *);

/*
 * One large zeroed block of its own (a hash table), on huge pages when it
 * is big enough to use them; big_free needs the size it was given.
 */
void	*big_alloc(size_t n, size_t size);
void	 big_free(void *, size_t n, size_t size);

#endif
