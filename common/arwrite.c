/*
 * arwrite: lay out and write an archive (man/ar.5).
 *
 * STYLE.md points at libarchive for the member stream, as elftoolchain's
 * ar/write.c does.  We write the headers ourselves instead: libarchive's
 * ar writer pads and fills header fields its own way (it puts the mode in
 * every header of the name table, has no "/SYM64/" and no thin archives),
 * and the point of this module is to be byte-identical with GNU ar.  The
 * index is still built the elftoolchain way, in two passes: collect the
 * symbols with their member numbers, then, once every member's size is
 * known, turn member numbers into header offsets.
 *
 * The whole archive is sized first.  The index and name table are built
 * in memory; the members go out with writev straight from where they
 * already are (the old archive's mapping, or the buffer a file was read
 * into), a thousand pieces per call: the kernel makes the only copy.
 * Before writing, the planned archive is compared with the old one; when
 * they are the same bytes (ranlib on an archive whose index is current),
 * nothing is written at all.
 */
#include <sys/uio.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsym.h"
#include "arwrite.h"
#include "diag.h"
#include "xalloc.h"

#define HDR	60

/* The layout, computed before anything is written. */
struct layout {
	const struct arwrite_member *m;
	size_t		 n;
	const struct arwrite_opts *o;
	struct arsym_list syms;
	bool		 hasobjects;	/* an index is written only then */
	bool		 big;		/* first object's byte order (BSD) */
	bool		 sym64;		/* "/SYM64/" */
	uint64_t	*nameoff;	/* GNU: offset in "//", or UINT64_MAX */
	uint64_t	*extra;		/* BSD: padded length of "#1/" name */
	uint64_t	*hdroff;	/* each member's header offset */
	uint64_t	 elength;	/* "//" contents, unpadded */
	uint64_t	 mapsize;	/* index contents, padded */
	uint64_t	 total;
};

static void scan_symbols(struct layout *);
static void plan_names(struct layout *);
static void plan_offsets(struct layout *);
static int put_field(char *, size_t, int, uint64_t);
static int put_header(unsigned char *, const char *, size_t, const uint64_t *,
    uint64_t);
static unsigned char *write_index(struct layout *, unsigned char *);
static unsigned char *write_names(struct layout *, unsigned char *);
static int member_headers(struct layout *, unsigned char *);
static bool unchanged(struct layout *, const unsigned char *, size_t,
    const unsigned char *);
static int write_out(struct layout *, struct outfile *,
    const unsigned char *, size_t, const unsigned char *);

static void
scan_symbols(struct layout *L)
{
	struct arsym_info info;
	char where[512];
	size_t i;
	int r;

	arsym_init(&L->syms);
	if (!L->o->symtab)
		return;
	for (i = 0; i < L->n; i++) {
		r = arsym_scan(&L->syms, (uint32_t)i, L->m[i].data, &info);
		if (r == -1)
			diag_warn(diag_name(where, sizeof(where), L->o->path,
			    L->m[i].name), "%s, not indexed", info.err);
		if (!info.object)
			continue;
		if (!L->hasobjects)
			L->big = info.big;
		L->hasobjects = true;
	}
}

/* Which names go to the "//" table (GNU) or become "#1/N" (BSD). */
static void
plan_names(struct layout *L)
{
	size_t i, len;

	L->nameoff = xcalloc(L->n + 1, sizeof(*L->nameoff));
	L->extra = xcalloc(L->n + 1, sizeof(*L->extra));
	L->elength = 0;
	for (i = 0; i < L->n; i++) {
		len = strlen(L->m[i].name);
		L->nameoff[i] = UINT64_MAX;
		if (L->o->format == ARW_BSD) {
			if (len > 16 || strchr(L->m[i].name, ' ') != NULL)
				L->extra[i] = (len + 3) & ~(uint64_t)3;
		} else if (len > 15 || L->o->thin ||
		    strchr(L->m[i].name, '/') != NULL) {
			/* A '/' would end a short name early (GNU ar P
			   writes it there anyway, and reads back "sub"). */
			L->nameoff[i] = L->elength;
			L->elength += len + 2;		/* "name/\n" */
		}
	}
}

static uint64_t
index_size(const struct layout *L)
{
	uint64_t n = L->syms.count, s = L->syms.strsize, sz;

	if (!L->o->symtab || !L->hasobjects)
		return 0;
	if (L->o->format == ARW_BSD)
		return 8 + 8 * n + s + (s & 1);
	if (L->sym64) {
		sz = 8 + 8 * n + s;
		return (sz + 7) & ~(uint64_t)7;
	}
	sz = 4 + 4 * n + s;
	return sz + (sz & 1);
}

static void
plan_offsets(struct layout *L)
{
	uint64_t off, size;
	size_t i;

	L->hdroff = xcalloc(L->n + 1, sizeof(*L->hdroff));
	for (;;) {
		L->mapsize = index_size(L);
		off = 8;
		if (L->o->symtab && L->hasobjects)
			off += HDR + L->mapsize;
		if (L->elength != 0)
			off += HDR + L->elength + (L->elength & 1);
		for (i = 0; i < L->n; i++) {
			L->hdroff[i] = off;
			size = L->m[i].data.size + L->extra[i];
			off += HDR;
			if (!L->o->thin)
				off += size + (size & 1);
		}
		L->total = off;
		if (L->sym64 || L->o->format == ARW_BSD)
			break;
		/* An offset past 4 GiB needs the 64-bit index (GNU does it
		   only for offsets the index actually holds). */
		for (i = 0; i < L->syms.count; i++)
			if (L->hdroff[L->syms.syms[i].member] > UINT32_MAX)
				break;
		if (i == L->syms.count)
			break;
		L->sym64 = true;
	}
}

/* A header field: v in base 8 or 10, space padded; -1 if it won't fit. */
static int
put_field(char *dst, size_t w, int base, uint64_t v)
{
	char buf[32];
	int len = snprintf(buf, sizeof(buf), base == 8 ? "%llo" : "%llu",
	    (unsigned long long)v);

	if (len < 0 || (size_t)len > w)
		return -1;
	memcpy(dst, buf, (size_t)len);
	return 0;
}

/*
 * A member header.  f holds date, uid, gid and mode; UINT64_MAX leaves a
 * field blank (the "//" header, the BSD index mode).
 */
static int
put_header(unsigned char *h, const char *name, size_t namelen,
    const uint64_t *f, uint64_t size)
{
	char *p = (char *)h;
	int bad = 0;

	memset(p, ' ', HDR);
	memcpy(p, name, namelen > 16 ? 16 : namelen);
	if (f[0] != UINT64_MAX)
		bad |= put_field(p + 16, 12, 10, f[0]);
	if (f[1] != UINT64_MAX)
		bad |= put_field(p + 28, 6, 10, f[1]);
	if (f[2] != UINT64_MAX)
		bad |= put_field(p + 34, 6, 10, f[2]);
	if (f[3] != UINT64_MAX)
		bad |= put_field(p + 40, 8, 8, f[3]);
	bad |= put_field(p + 48, 10, 10, size);
	p[58] = '`';
	p[59] = '\n';
	return bad ? -1 : 0;
}

static unsigned char *
write_index(struct layout *L, unsigned char *p)
{
	uint64_t f[4] = { L->o->index_time, 0, 0, 0 };
	const struct arsym *s = L->syms.syms;
	size_t i, n = L->syms.count;
	unsigned char *start = p + HDR;
	int w = L->sym64 ? 8 : 4;

	if (L->o->format == ARW_BSD) {
		uint64_t strx = 0;

		f[3] = UINT64_MAX;
		put_header(p, "__.SYMDEF", 9, f, L->mapsize);
		p += HDR;
		store32(p, (uint32_t)(8 * n), L->big);
		p += 4;
		for (i = 0; i < n; i++, p += 8) {
			store32(p, (uint32_t)strx, L->big);
			store32(p + 4, (uint32_t)L->hdroff[s[i].member],
			    L->big);
			strx += s[i].len + 1;
		}
		store32(p, (uint32_t)(L->syms.strsize +
		    (L->syms.strsize & 1)), L->big);
		p += 4;
	} else {
		if (L->sym64)
			put_header(p, "/SYM64/", 7, f, L->mapsize);
		else
			put_header(p, "/", 1, f, L->mapsize);
		p += HDR;
		if (w == 8)
			store64(p, n, true);
		else
			store32(p, (uint32_t)n, true);
		p += w;
		for (i = 0; i < n; i++, p += w)
			if (w == 8)
				store64(p, L->hdroff[s[i].member], true);
			else
				store32(p, (uint32_t)L->hdroff[s[i].member],
				    true);
	}
	for (i = 0; i < n; i++) {
		memcpy(p, s[i].name, s[i].len);
		p += s[i].len;
		*p++ = '\0';
	}
	/* Pad with NULs up to the size in the header. */
	while ((uint64_t)(p - start) < L->mapsize)
		*p++ = '\0';
	return p;
}

static unsigned char *
write_names(struct layout *L, unsigned char *p)
{
	uint64_t blank[4] = { UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX };
	size_t i, len;

	put_header(p, "//", 2, blank, L->elength + (L->elength & 1));
	p += HDR;
	for (i = 0; i < L->n; i++) {
		if (L->nameoff[i] == UINT64_MAX)
			continue;
		len = strlen(L->m[i].name);
		memcpy(p, L->m[i].name, len);
		p += len;
		*p++ = '/';
		*p++ = '\n';
	}
	if (L->elength & 1)
		*p++ = '\n';
	return p;
}

/* The name a member's header carries ("name/", "/N", "#1/N", "name"). */
static void
header_name(const struct layout *L, size_t i, char *name, size_t len)
{
	if (L->nameoff[i] != UINT64_MAX)
		snprintf(name, len, "/%llu",
		    (unsigned long long)L->nameoff[i]);
	else if (L->extra[i] != 0)
		snprintf(name, len, "#1/%llu", (unsigned long long)L->extra[i]);
	else if (L->o->format == ARW_BSD)
		snprintf(name, len, "%s", L->m[i].name);
	else
		snprintf(name, len, "%s/", L->m[i].name);
}

/* Every member's header, HDR bytes each, into h. */
static int
member_headers(struct layout *L, unsigned char *h)
{
	const struct arwrite_member *m;
	char name[24], where[512];
	uint64_t f[4];
	size_t i;

	for (i = 0; i < L->n; i++, h += HDR) {
		m = &L->m[i];
		f[0] = m->mtime;
		f[1] = m->uid;
		f[2] = m->gid;
		f[3] = m->mode;
		header_name(L, i, name, sizeof(name));
		if (put_header(h, name, strlen(name), f,
		    m->data.size + L->extra[i]) == -1) {
			diag_error(diag_name(where, sizeof(where), L->o->path,
			    m->name), "member header field too large");
			return -1;
		}
	}
	return 0;
}

/*
 * Would the planned archive be byte for byte the old one?  The offsets
 * were all computed from sizes that sum to L->total, so once the sizes
 * agree every access below is inside old.  A member still in the old
 * mapping at its own place is the same without looking at it.
 */
static bool
unchanged(struct layout *L, const unsigned char *prefix, size_t plen,
    const unsigned char *hdrs)
{
	const unsigned char *q, *old = L->o->old.data;
	const struct arwrite_member *m;
	uint64_t size;
	size_t i, len;

	if (old == NULL || L->o->old.size != L->total || plen > L->total ||
	    memcmp(old, prefix, plen) != 0)
		return false;
	for (i = 0; i < L->n; i++) {
		m = &L->m[i];
		q = old + L->hdroff[i];
		if (memcmp(q, hdrs + i * HDR, HDR) != 0)
			return false;
		if (L->o->thin)
			continue;
		q += HDR;
		if (L->extra[i] != 0) {
			len = strlen(m->name);
			if (memcmp(q, m->name, len) != 0)
				return false;
			for (size = len; size < L->extra[i]; size++)
				if (q[size] != '\0')
					return false;
			q += L->extra[i];
		}
		if (m->data.size != 0 && m->data.data != q &&
		    memcmp(q, m->data.data, m->data.size) != 0)
			return false;
		size = m->data.size + L->extra[i];
		if ((size & 1) && q[m->data.size] != '\n')
			return false;
	}
	return true;
}

/* Pieces of the output, written a batch at a time. */
#define SINK_MAX 1024

struct sink {
	struct outfile	*of;
	struct iovec	 v[SINK_MAX];
	int		 n;
	int		 err;
};

static void
sink_flush(struct sink *s)
{
	if (s->n != 0 && s->err == 0 &&
	    outfile_writev(s->of, s->v, s->n) == -1)
		s->err = errno != 0 ? errno : EIO;
	s->n = 0;
}

static void
sink_put(struct sink *s, const void *p, size_t len)
{
	if (len == 0)
		return;
	if (s->n == SINK_MAX)
		sink_flush(s);
	s->v[s->n].iov_base = (void *)p;
	s->v[s->n].iov_len = len;
	s->n++;
}

static int
write_out(struct layout *L, struct outfile *of, const unsigned char *prefix,
    size_t plen, const unsigned char *hdrs)
{
	static const unsigned char nl = '\n';
	const struct arwrite_member *m;
	struct sink *s = xmalloc(sizeof(*s));
	unsigned char *names = NULL, *np = NULL;
	uint64_t size, nsize = 0;
	size_t i;
	int e;

	for (i = 0; i < L->n; i++)
		nsize += L->extra[i];
	if (nsize != 0)
		names = np = xcalloc(1, (size_t)nsize);
	s->of = of;
	s->n = 0;
	s->err = 0;
	sink_put(s, prefix, plen);
	for (i = 0; i < L->n; i++) {
		m = &L->m[i];
		sink_put(s, hdrs + i * HDR, HDR);
		if (L->o->thin)
			continue;
		if (L->extra[i] != 0) {
			memcpy(np, m->name, strlen(m->name));
			sink_put(s, np, (size_t)L->extra[i]);
			np += L->extra[i];
		}
		sink_put(s, m->data.data, (size_t)m->data.size);
		size = m->data.size + L->extra[i];
		if (size & 1)
			sink_put(s, &nl, 1);
	}
	sink_flush(s);
	e = s->err;
	free(s);
	free(names);
	if (e != 0) {
		errno = e;
		diag_errno(L->o->path, "cannot write");
		return -1;
	}
	return 0;
}

int
arwrite_write(struct outfile *of, const struct arwrite_member *m, size_t n,
    const struct arwrite_opts *o)
{
	struct layout L;
	unsigned char *prefix = NULL, *hdrs = NULL, *p;
	size_t plen;
	int r = -1;

	memset(&L, 0, sizeof(L));
	L.m = m;
	L.n = n;
	L.o = o;
	scan_symbols(&L);
	plan_names(&L);
	plan_offsets(&L);
	plen = (size_t)(n != 0 ? L.hdroff[0] : L.total);
	prefix = xmalloc(plen);
	memcpy(prefix, o->thin ? "!<thin>\n" : "!<arch>\n", 8);
	p = prefix + 8;
	if (o->symtab && L.hasobjects)
		p = write_index(&L, p);
	if (L.elength != 0)
		p = write_names(&L, p);
	hdrs = xmalloc(n * HDR + 1);
	if (member_headers(&L, hdrs) == -1)
		goto out;
	if (unchanged(&L, prefix, plen, hdrs)) {
		r = 1;
		goto out;
	}
	r = write_out(&L, of, prefix, plen, hdrs);
out:
	free(prefix);
	free(hdrs);
	arsym_free(&L.syms);
	free(L.nameoff);
	free(L.extra);
	free(L.hdroff);
	return r;
}
