/*
 * hash: the ELF hash functions and one string-keyed table.
 *
 * strmap is open addressing with linear probing, sized once from the
 * expected count (it still grows if that was too low).  Keys are views
 * (pointer, length) into memory the caller keeps alive, typically a mapped
 * string table: nothing is copied and nothing is malloced per entry.
 */
#ifndef OBJKIT_HASH_H
#define OBJKIT_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

uint32_t hash_sysv(const char *);		/* DT_HASH (SysV ABI) */
uint32_t hash_gnu(const char *);		/* DT_GNU_HASH (djb, 33) */
uint64_t hash_bytes(const void *, size_t);	/* table hashing */

struct strmap_ent {
	const char	*key;		/* NULL: slot is free */
	size_t		 len;
	uint64_t	 hash;
	void		*val;
};

struct strmap {
	struct strmap_ent *ents;
	size_t		 cap;		/* power of two */
	size_t		 count;
};

void	 strmap_init(struct strmap *, size_t expected);
void	 strmap_free(struct strmap *);
/*
 * The value slot for key, created (with *val NULL) if absent; *isnew says
 * which.  isnew may be NULL.
 */
void	**strmap_insert(struct strmap *, const char *key, size_t len,
	    bool *isnew);
void	*strmap_find(const struct strmap *, const char *key, size_t len);
/*
 * strmap_insert with the key's hash_bytes already known.  A caller with
 * many keys hashes them first and prefetches each key's slot a few keys
 * ahead (strmap_prefetch), so the cache misses of a big table overlap.
 */
void	**strmap_insert_hashed(struct strmap *, const char *key, size_t len,
	    uint64_t hash, bool *isnew);

static inline void
strmap_prefetch(const struct strmap *m, uint64_t hash)
{
	if (m->cap > 0)
		__builtin_prefetch(&m->ents[hash & (m->cap - 1)], 1);
}

#endif
