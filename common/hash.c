/*
 * hash: ELF's two symbol hash functions (as in the SysV gABI and in musl's
 * ldso/dynlink.c), a fast general hash for in-memory tables, and strmap.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "hash.h"
#include "xalloc.h"

uint32_t
hash_sysv(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t h = 0, g;

	while (*p != '\0') {
		h = (h << 4) + *p++;
		g = h & 0xf0000000;
		h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

uint32_t
hash_gnu(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t h = 5381;

	while (*p != '\0')
		h = h * 33 + *p++;
	return h;
}

static uint64_t
mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

/* Eight bytes at a time, folded with a 64x64->128 multiply. */
uint64_t
hash_bytes(const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	while (len >= 8) {
		memcpy(&w, p, 8);
		h = mix(h ^ w, 0xa0761d6478bd642fULL);
		p += 8;
		len -= 8;
	}
	w = 0;
	memcpy(&w, p, len);
	return mix(h ^ w, 0xe7037ed1a0b428dbULL);
}

void
strmap_init(struct strmap *m, size_t expected)
{
	size_t cap = 16;

	while (cap < expected + expected / 3 + 1)
		cap <<= 1;
	m->ents = big_alloc(cap, sizeof(*m->ents));
	m->cap = cap;
	m->count = 0;
}

void
strmap_free(struct strmap *m)
{
	big_free(m->ents, m->cap, sizeof(*m->ents));
	m->ents = NULL;
	m->cap = m->count = 0;
}

static void
grow(struct strmap *m)
{
	struct strmap_ent *old = m->ents, *e;
	size_t oldcap = m->cap, i, j;

	m->cap *= 2;
	m->ents = big_alloc(m->cap, sizeof(*m->ents));
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
			e = &m->ents[j];
			if (e->key == NULL) {
				*e = old[i];
				break;
			}
		}
	}
	big_free(old, oldcap, sizeof(*old));
}

void **
strmap_insert(struct strmap *m, const char *key, size_t len, bool *isnew)
{
	return strmap_insert_hashed(m, key, len, hash_bytes(key, len), isnew);
}

void **
strmap_insert_hashed(struct strmap *m, const char *key, size_t len,
    uint64_t h, bool *isnew)
{
	struct strmap_ent *e;
	size_t i;

	if ((m->count + 1) * 4 > m->cap * 3)
		grow(m);
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		e = &m->ents[i];
		if (e->key == NULL)
			break;
		if (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0) {
			if (isnew != NULL)
				*isnew = false;
			return &e->val;
		}
	}
	e->key = key;
	e->len = len;
	e->hash = h;
	e->val = NULL;
	m->count++;
	if (isnew != NULL)
		*isnew = true;
	return &e->val;
}

void *
strmap_find(const struct strmap *m, const char *key, size_t len)
{
	uint64_t h = hash_bytes(key, len);
	const struct strmap_ent *e;
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		e = &m->ents[i];
		if (e->key == NULL)
			return NULL;
		if (e->hash == h && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			return e->val;
	}
}
