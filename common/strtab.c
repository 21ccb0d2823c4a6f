/*
 * strtab: a deduplicating string-table builder, after elftoolchain's
 * libelftc/elftc_string_table.c.  Keys in the map point into our own
 * buffer, which moves when it grows, so they are stored as offsets and
 * the map is rebuilt from them on growth.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strtab.h"
#include "xalloc.h"

void
strtab_init(struct strtab *t, size_t expected)
{
	t->cap = expected * 16 + 64;
	t->buf = xmalloc(t->cap);
	t->buf[0] = '\0';
	t->len = 1;
	strmap_init(&t->seen, expected);
}

void
strtab_free(struct strtab *t)
{
	free(t->buf);
	strmap_free(&t->seen);
	memset(t, 0, sizeof(*t));
}

static void
rekey(struct strtab *t, const char *oldbuf)
{
	size_t i;

	for (i = 0; i < t->seen.cap; i++)
		if (t->seen.ents[i].key != NULL)
			t->seen.ents[i].key = t->buf +
			    (t->seen.ents[i].key - oldbuf);
}

uint64_t
strtab_add(struct strtab *t, const char *s, size_t len)
{
	void **slot;
	char *old;
	bool isnew;
	size_t off;

	if (len == 0)
		return 0;
	if (t->len + len + 1 > t->cap) {
		old = t->buf;
		while (t->len + len + 1 > t->cap)
			t->cap *= 2;
		t->buf = xreallocarray(t->buf, t->cap, 1);
		if (t->buf != old)
			rekey(t, old);
	}
	/* Look up with the caller's bytes, then key the entry by our copy. */
	slot = strmap_insert(&t->seen, s, len, &isnew);
	if (!isnew)
		return (uint64_t)(uintptr_t)*slot - 1;
	off = t->len;
	memcpy(t->buf + off, s, len);
	t->buf[off + len] = '\0';
	t->len += len + 1;
	*slot = (void *)(uintptr_t)(off + 1);
	/* Re-point the key at our own copy of the string. */
	{
		struct strmap_ent *e = (struct strmap_ent *)
		    ((char *)slot - offsetof(struct strmap_ent, val));
		e->key = t->buf + off;
	}
	return off;
}

uint64_t
strtab_add_str(struct strtab *t, const char *s)
{
	return strtab_add(t, s, strlen(s));
}
