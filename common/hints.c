/*
 * hints.c: reading the BSD hints files; see hints.h for what is checked
 * and ../shared/spec/ld.so.hints.md (sections 2, 3, 5 and appendix A)
 * for the layout.
 *
 * An a.out hints file is a dump of C structs: a header of C longs (4 or
 * 8 bytes, the writer's byte order), then hh_nbucket buckets of twelve
 * 32-bit ints, then the string table.  The word size shows in the
 * magic: an LP64 header has a zero half next to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hints.h"
#include "xalloc.h"

/*
 * MSG is always one of the literals below, each taking at most two
 * %llu/%llx/%llo conversions.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int
fail(struct hints *h, const char *msg, uint64_t a, uint64_t b)
{
	snprintf(h->err, sizeof(h->err), msg, (unsigned long long)a,
	    (unsigned long long)b);
	free(h->v);
	h->v = NULL;
	return -1;
}
#pragma GCC diagnostic pop

static uint64_t
word_at(const struct hints *h, const unsigned char *p, int i)
{
	if (h->word == 8)
		return load64(p + 8 * i, h->big);
	return load32(p + 4 * i, h->big);
}

/* The string at strtab offset IDX, if it lies inside and ends there. */
static const char *
strtab_str(const struct hints *h, struct span f, uint64_t idx)
{
	const unsigned char *s;

	if (idx >= h->strtab_sz)
		return NULL;
	s = f.data + h->strtab + idx;
	if (memchr(s, 0, h->strtab_sz - idx) == NULL)
		return NULL;
	return (const char *)s;
}

uint32_t
hints_hash(const char *name, int major, int minor, int version)
{
	uint32_t k = 0;
	const signed char *p;

	/* x86's char is signed: a byte >= 0x80 hashes sign-extended. */
	for (p = (const signed char *)name; *p != '\0'; p++)
		k = (((k << 1) + (k >> 14)) ^ (uint32_t)(int32_t)*p) & 0x3fff;
	k = (((k << 1) + (k >> 14)) ^ ((uint32_t)major * 257u)) & 0x3fff;
	if (version == 1)
		k = (((k << 1) + (k >> 14)) ^ ((uint32_t)minor * 167u)) &
		    0x3fff;
	return k;
}

static int
read_elf(struct hints *h, struct span f)
{
	uint64_t strtab, strsize, dirlist, dirlistlen;

	h->kind = HINTS_ELF;
	h->word = 4;
	if (f.size < HINTS_ELF_HDR_SIZE)
		return fail(h, "file too small for a header (%llu bytes)",
		    f.size, 0);
	h->version = (int)load32(f.data + 4, h->big);
	if (load32(f.data + 4, h->big) != 1)
		return fail(h, "unsupported version: %llu",
		    load32(f.data + 4, h->big), 0);
	strtab = load32(f.data + 8, h->big);
	strsize = load32(f.data + 12, h->big);
	dirlist = load32(f.data + 16, h->big);
	dirlistlen = load32(f.data + 20, h->big);
	if (span_range(f, strtab, strsize) == NULL)
		return fail(h, "string table at 0x%llx runs past the end of "
		    "the file (size 0x%llx)", strtab, strsize);
	if (dirlist >= strsize || dirlistlen >= strsize - dirlist)
		return fail(h, "directory list at 0x%llx (length %llu) is "
		    "outside the string table", dirlist, dirlistlen);
	if (f.data[strtab + dirlist + dirlistlen] != '\0' ||
	    memchr(f.data + strtab + dirlist, 0, dirlistlen) != NULL)
		return fail(h, "directory list is not %llu bytes and a NUL",
		    dirlistlen, 0);
	h->strtab = strtab;
	h->strtab_sz = strsize;
	h->ehints = f.size;
	h->dirlist = (const char *)f.data + strtab + dirlist;
	return 0;
}

/* The buckets: indices, deweys, and chains that are lists. */
static int
read_buckets(struct hints *h, struct span f)
{
	const unsigned char *b;
	unsigned char *indeg;
	uint64_t i, j, reached = 0;
	int32_t k;

	h->v = xcalloc(h->nbucket + 1, sizeof(*h->v));
	for (i = 0; i < h->nbucket; i++) {
		struct hints_entry *e = &h->v[i];
		uint32_t namex, pathx;

		b = f.data + h->hashtab + HINTS_BUCKET_SIZE * i;
		namex = load32(b, h->big);
		pathx = load32(b + 4, h->big);
		if ((e->name = strtab_str(h, f, namex)) == NULL)
			return fail(h, "bucket %llu: bad name index: %#llx",
			    i, namex);
		if ((e->path = strtab_str(h, f, pathx)) == NULL)
			return fail(h, "bucket %llu: bad path index: %#llx",
			    i, pathx);
		for (j = 0; j < HINTS_MAXDEWEY; j++)
			e->dewey[j] = (int32_t)load32(b + 8 + 4 * j, h->big);
		e->ndewey = (int32_t)load32(b + 40, h->big);
		e->next = (int32_t)load32(b + 44, h->big);
		if (e->ndewey < 0 || e->ndewey > HINTS_MAXDEWEY)
			return fail(h, "bucket %llu: bad version count %llu",
			    i, (uint32_t)e->ndewey);
		if (e->next < -1 || (e->next >= 0 &&
		    (uint64_t)e->next >= h->nbucket))
			return fail(h, "bucket %llu: bad next index %#llx", i,
			    (uint32_t)e->next);
	}
	/* Chains are disjoint lists: in-degree at most one, no cycle. */
	indeg = xcalloc(h->nbucket + 1, 1);
	for (i = 0; i < h->nbucket; i++)
		if (h->v[i].next >= 0 && indeg[h->v[i].next]++ != 0) {
			free(indeg);
			return fail(h, "bucket %llu: two chains lead to it",
			    (uint64_t)h->v[i].next, 0);
		}
	for (i = 0; i < h->nbucket; i++)
		if (indeg[i] == 0)
			for (k = (int32_t)i; k >= 0; k = h->v[k].next)
				reached++;
	free(indeg);
	if (reached != h->nbucket)
		return fail(h, "bucket chains loop (%llu of %llu buckets on "
		    "lists)", reached, h->nbucket);
	return 0;
}

static int
read_aout(struct hints *h, struct span f)
{
	uint64_t hdrsize, dirx = 0;
	int nfields;

	h->kind = HINTS_AOUT;
	if (f.size < 8)
		return fail(h, "file too small for a header (%llu bytes)",
		    f.size, 0);
	/* LP64: the magic's other half is zero. */
	if (h->big)
		h->word = load32(f.data, true) == 0 ? 8 : 4;
	else
		h->word = load32(f.data + 4, false) == 0 ? 8 : 4;
	if (f.size < 2u * h->word)
		return fail(h, "file too small for a header (%llu bytes)",
		    f.size, 0);
	h->version = (int)word_at(h, f.data, 1);
	if (word_at(h, f.data, 1) != 1 && word_at(h, f.data, 1) != 2)
		return fail(h, "unsupported version: %llu",
		    word_at(h, f.data, 1), 0);
	nfields = h->version == 1 ? 7 : 8;
	hdrsize = (uint64_t)nfields * h->word;
	if (f.size < hdrsize)
		return fail(h, "file too small for a header (%llu bytes)",
		    f.size, 0);
	h->hashtab = word_at(h, f.data, 2);
	h->nbucket = word_at(h, f.data, 3);
	h->strtab = word_at(h, f.data, 4);
	h->strtab_sz = word_at(h, f.data, 5);
	h->ehints = word_at(h, f.data, 6);
	if (h->version == 2)
		dirx = word_at(h, f.data, 7);
	if (h->ehints > f.size)
		return fail(h, "hintsize greater than filesize: 0x%llx > "
		    "0x%llx", h->ehints, f.size);
	if (h->hashtab < hdrsize || h->nbucket > f.size ||
	    span_range(f, h->hashtab, h->nbucket * HINTS_BUCKET_SIZE) == NULL)
		return fail(h, "bucket table at 0x%llx (%llu buckets) is "
		    "outside the file", h->hashtab, h->nbucket);
	if (span_range(f, h->strtab, h->strtab_sz) == NULL ||
	    h->strtab + h->strtab_sz > h->ehints)
		return fail(h, "string table at 0x%llx (0x%llx bytes) is "
		    "outside the file", h->strtab, h->strtab_sz);
	if (h->version == 2 &&
	    (h->dirlist = strtab_str(h, f, dirx)) == NULL)
		return fail(h, "bad directory list index: %#llx", dirx, 0);
	return read_buckets(h, f);
}

int
hints_read(struct hints *h, struct span f)
{
	memset(h, 0, sizeof(*h));
	if (f.size > HINTS_MAX_SIZE)
		return fail(h, "file too large (%llu bytes)", f.size, 0);
	if (f.size < 8)
		return fail(h, "file too small for a header (%llu bytes)",
		    f.size, 0);
	if (load32(f.data, false) == HINTS_MAGIC ||
	    (load32(f.data, false) == 0 &&
	    load32(f.data + 4, true) == HINTS_MAGIC) ||
	    load32(f.data, true) == HINTS_MAGIC) {
		h->big = load32(f.data, false) != HINTS_MAGIC;
		return read_aout(h, f);
	}
	if (load32(f.data, false) == HINTS_ELF_MAGIC ||
	    load32(f.data, true) == HINTS_ELF_MAGIC) {
		h->big = load32(f.data, false) != HINTS_ELF_MAGIC;
		return read_elf(h, f);
	}
	return fail(h, "bad magic: %llo", load32(f.data, false), 0);
}

void
hints_free(struct hints *h)
{
	free(h->v);
	h->v = NULL;
}
