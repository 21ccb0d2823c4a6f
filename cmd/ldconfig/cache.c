/*
 * cache.c: laying out and writing glibc's ld.so.cache (spec
 * ld.so.cache.md sections 2-5, 7 and 8), byte for byte as glibc 2.36's
 * ldconfig does for the same entries.
 *
 * Entries are sorted by soname, descending in _dl_cache_libcmp order (the
 * loader binary-searches them), then flags descending, glibc-hwcaps
 * entries first and by name, then legacy hwcap; ties keep the order the
 * directories were scanned in.  All strings go into one table sorted by
 * their reversed bytes, so that a soname shares the tail of its path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mapfile.h"
#include "outfile.h"
#include "xalloc.h"
#include "ldconfig.h"

#define NEW_HDR		48
#define NEW_ENTRY	24
#define OLD_HDR		16
#define OLD_ENTRY	12
#define EXT_MAGIC	0xeaa42174u
#define HWCAP_EXT	(1ULL << 62)
#define CACHE_MAX	(1ULL << 31)	/* a sane cap; offsets are 32-bit */

/* One string reference to place: where its offset goes. */
struct sref {
	const char	*s;
	size_t		 len;
	uint32_t	*out;
};

static int
isdig(int c)
{
	return c >= '0' && c <= '9';
}

/*
 * glibc's _dl_cache_libcmp: digit runs compare as numbers (in C int,
 * wrapping as glibc's does), a digit sorts after any other byte, other
 * bytes compare as (signed, on x86) char.
 */
int
libcmp(const char *p1, const char *p2)
{
	unsigned v1, v2;

	while (*p1 != '\0') {
		if (isdig(*p1)) {
			if (!isdig(*p2))
				return 1;
			v1 = *p1++ - '0';
			v2 = *p2++ - '0';
			while (isdig(*p1))
				v1 = v1 * 10 + (*p1++ - '0');
			while (isdig(*p2))
				v2 = v2 * 10 + (*p2++ - '0');
			if (v1 != v2)
				return (int)(v1 - v2);
		} else if (isdig(*p2))
			return -1;
		else if (*p1 != *p2)
			return (signed char)*p1 - (signed char)*p2;
		else {
			p1++;
			p2++;
		}
	}
	return -(signed char)*p2;
}

/* The index of glibc-hwcaps subdirectory NAME, interned on first sight. */
int
cache_hwcaps_name(struct cache *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nhw; i++)
		if (strcmp(c->hwnames[i], name) == 0)
			return (int)i;
	c->hwnames = xreallocarray(c->hwnames, c->nhw + 1, sizeof(char *));
	c->hwused = xreallocarray(c->hwused, c->nhw + 1, sizeof(bool));
	c->hwnames[c->nhw] = xstrdup(name);
	c->hwused[c->nhw] = false;
	return (int)c->nhw++;
}

void
cache_add(struct cache *c, const char *dir, const char *file,
    const char *soname, int flags, uint32_t isa_level, uint64_t hwcap,
    int hwcaps)
{
	struct cache_entry *e;
	uint64_t h;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->v = xreallocarray(c->v, c->cap, sizeof(*c->v));
	}
	e = &c->v[c->n];
	memset(e, 0, sizeof(*e));
	e->path = xmalloc(strlen(dir) + strlen(file) + 2);
	sprintf(e->path, "%s/%s", dir, file);
	e->soname = xstrdup(soname);
	e->flags = flags;
	e->isa_level = isa_level;
	e->hwcap = hwcap;
	e->hwcaps = hwcaps;
	e->seq = c->n++;
	for (h = hwcap; h != 0; h &= h - 1)
		e->bits_hwcap++;
	if (hwcaps >= 0)
		c->hwused[hwcaps] = true;
}

/* The names of the hwcaps table, for the comparison below. */
static char **cmp_hwnames;

static int
entry_cmp(const void *a, const void *b)
{
	const struct cache_entry *e1 = a, *e2 = b;
	int res;

	if ((res = libcmp(e2->soname, e1->soname)) != 0)
		return res;
	if (e1->flags != e2->flags)
		return e1->flags < e2->flags ? 1 : -1;
	if ((e1->hwcaps >= 0) != (e2->hwcaps >= 0))
		return e1->hwcaps >= 0 ? -1 : 1;
	if (e1->hwcaps >= 0 && (res = strcmp(cmp_hwnames[e1->hwcaps],
	    cmp_hwnames[e2->hwcaps])) != 0)
		return res;
	if (e1->bits_hwcap != e2->bits_hwcap)
		return e1->bits_hwcap < e2->bits_hwcap ? 1 : -1;
	if (e1->hwcap != e2->hwcap)
		return e1->hwcap < e2->hwcap ? 1 : -1;
	return e1->seq < e2->seq ? -1 : e1->seq > e2->seq;
}

/* Descending by reversed bytes; a string sorts after its longer tails. */
static int
sref_cmp(const void *a, const void *b)
{
	const struct sref *l = a, *r = b;
	size_t i = 1;
	unsigned char cl, cr;

	while (i <= l->len && i <= r->len &&
	    l->s[l->len - i] == r->s[r->len - i])
		i++;
	if (i > l->len)
		return i > r->len ? 0 : 1;
	if (i > r->len)
		return -1;
	cl = l->s[l->len - i];
	cr = r->s[r->len - i];
	return cl < cr ? 1 : -1;
}

/* Place the strings, sharing tails; returns the table size. */
static uint32_t
strtab_layout(struct sref *v, size_t n, uint32_t base)
{
	uint64_t off = 0;
	size_t i;

	qsort(v, n, sizeof(*v), sref_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && v[i - 1].len >= v[i].len &&
		    memcmp(v[i - 1].s + v[i - 1].len - v[i].len, v[i].s,
		    v[i].len) == 0) {
			*v[i].out = *v[i - 1].out + v[i - 1].len - v[i].len;
			continue;
		}
		*v[i].out = base + off;
		off += v[i].len + 1;
	}
	return (uint32_t)off;
}

static void
strtab_fill(unsigned char *dst, const struct sref *v, size_t n,
    uint32_t base)
{
	size_t i;

	for (i = 0; i < n; i++)
		memcpy(dst + (*v[i].out - base), v[i].s, v[i].len + 1);
}

/* The extension directory: generator, then glibc-hwcaps if used. */
static uint64_t
ext_size(const struct cache *c, size_t nused)
{
	(void)c;
	return 8 + 16 * (nused ? 2 : 1) + 4 * nused + strlen(opts.generator);
}

static void
ext_write(unsigned char *p, uint64_t off, const uint32_t *hwoff,
    size_t nused)
{
	uint64_t hw = off + 40, gen = nused ? hw + 4 * nused : hw - 16;
	size_t i, glen = strlen(opts.generator);

	store32(p + off, EXT_MAGIC, false);
	store32(p + off + 4, nused ? 2 : 1, false);
	store32(p + off + 8, 0, false);
	store32(p + off + 12, 0, false);
	store32(p + off + 16, (uint32_t)gen, false);
	store32(p + off + 20, (uint32_t)glen, false);
	if (nused) {
		store32(p + off + 24, 1, false);
		store32(p + off + 28, 0, false);
		store32(p + off + 32, (uint32_t)hw, false);
		store32(p + off + 36, 4 * nused, false);
		for (i = 0; i < nused; i++)
			store32(p + hw + 4 * i, hwoff[i], false);
	}
	memcpy(p + gen, opts.generator, glen);
}

static int
hw_name_cmp(const void *a, const void *b)
{
	return strcmp(cmp_hwnames[*(const int *)a], cmp_hwnames[*(const int *)b]);
}

int
cache_save(struct cache *c, const char *file)
{
	struct sref *refs;
	struct outfile of;
	uint32_t *hwoff, len_strings, base;
	int *hwsec, *order;
	size_t i, nrefs = 0, nused = 0, nold = 0, nold_w = 0;
	uint64_t newstart, strpos, extoff = 0, size;
	unsigned char *p, *e;
	int fmt = opts.format;

	cmp_hwnames = c->hwnames;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), entry_cmp);

	/* The used glibc-hwcaps names, in name order, give the indices. */
	order = xcalloc(c->nhw + 1, sizeof(int));
	hwsec = xcalloc(c->nhw + 1, sizeof(int));
	for (i = 0; i < c->nhw; i++)
		if (c->hwused[i])
			order[nused++] = (int)i;
	qsort(order, nused, sizeof(int), hw_name_cmp);
	for (i = 0; i < nused; i++)
		hwsec[order[i]] = (int)i;
	for (i = 0; i < c->n; i++)
		if (c->v[i].hwcap == 0)
			nold++;
	nold_w = fmt == 1 ? (nold + 1) & ~(size_t)1 : nold;

	refs = xcalloc(2 * c->n + c->nhw + 1, sizeof(*refs));
	hwoff = xcalloc(c->nhw + 1, sizeof(uint32_t));
	for (i = 0; i < c->n; i++) {
		refs[nrefs++] = (struct sref){ c->v[i].soname,
		    strlen(c->v[i].soname), &c->v[i].key };
		refs[nrefs++] = (struct sref){ c->v[i].path,
		    strlen(c->v[i].path), &c->v[i].value };
	}
	for (i = 0; i < c->nhw; i++)
		refs[nrefs++] = (struct sref){ c->hwnames[i],
		    strlen(c->hwnames[i]), &hwoff[i] };

	newstart = fmt == 0 ? 0 : (fmt == 1 ? OLD_HDR + OLD_ENTRY * nold_w : 0);
	base = fmt == 0 ? 0 : NEW_HDR + NEW_ENTRY * c->n;
	len_strings = strtab_layout(refs, nrefs, base);
	if (fmt == 0)
		strpos = OLD_HDR + OLD_ENTRY * nold;
	else
		strpos = newstart + base;
	size = strpos + len_strings;
	if (fmt != 0) {
		extoff = (size + 3) & ~3ULL;
		size = extoff + ext_size(c, nused);
	}
	if (size > CACHE_MAX || c->n > UINT32_MAX / NEW_ENTRY) {
		diag_error(file, "cache would be too large");
		goto fail;
	}
	p = xcalloc(1, size);
	if (fmt != 2) {
		size_t k = 0;

		memcpy(p, "ld.so-1.7.0", 11);
		store32(p + 12, (uint32_t)nold_w, false);
		for (i = 0; i < c->n; i++) {
			if (c->v[i].hwcap != 0)
				continue;
			e = p + OLD_HDR + OLD_ENTRY * k++;
			store32(e, c->v[i].flags, false);
			store32(e + 4, c->v[i].key, false);
			store32(e + 8, c->v[i].value, false);
		}
		if (k < nold_w && k > 0)
			memcpy(p + OLD_HDR + OLD_ENTRY * k,
			    p + OLD_HDR + OLD_ENTRY * (k - 1), OLD_ENTRY);
	}
	if (fmt != 0) {
		unsigned char *h = p + newstart;

		memcpy(h, "glibc-ld.so.cache1.1", 20);
		store32(h + 20, (uint32_t)c->n, false);
		store32(h + 24, len_strings, false);
		h[28] = 2;	/* little endian */
		store32(h + 32, (uint32_t)extoff, false);
		for (i = 0; i < c->n; i++) {
			const struct cache_entry *ce = &c->v[i];
			uint64_t hw = ce->hwcap;

			if (ce->hwcaps >= 0) {
				if (ce->isa_level > 1023)
					diag_fatal("%s: ISA level is too high "
					    "(%u > 1023)", ce->path,
					    ce->isa_level);
				hw = HWCAP_EXT | (uint64_t)ce->isa_level << 32 |
				    (uint32_t)hwsec[ce->hwcaps];
			}
			e = h + NEW_HDR + NEW_ENTRY * i;
			store32(e, ce->flags, false);
			store32(e + 4, ce->key, false);
			store32(e + 8, ce->value, false);
			store64(e + 16, hw, false);
		}
	}
	strtab_fill(p + strpos, refs, nrefs, base);
	if (fmt != 0) {
		uint32_t *sec = xcalloc(nused + 1, sizeof(uint32_t));

		for (i = 0; i < nused; i++)
			sec[i] = hwoff[order[i]];
		ext_write(p, extoff, sec, nused);
		free(sec);
	}

	if (outfile_open(&of, file, 0444) != 0) {
		diag_errno(file, "cannot create temporary cache file");
		free(p);
		goto fail;
	}
	if (outfile_write(&of, p, size) != 0 ||
	    outfile_commit(&of, OUTFILE_FSYNC) != 0) {
		diag_errno(file, "writing of cache data failed");
		outfile_abort(&of);
		free(p);
		goto fail;
	}
	free(p);
	free(refs);
	free(hwoff);
	free(order);
	free(hwsec);
	return 0;
fail:
	free(refs);
	free(hwoff);
	free(order);
	free(hwsec);
	return 1;
}

void
cache_free(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		free((char *)c->v[i].soname);
	}
	for (i = 0; i < c->nhw; i++)
		free(c->hwnames[i]);
	free(c->v);
	free(c->hwnames);
	free(c->hwused);
	memset(c, 0, sizeof(*c));
}
