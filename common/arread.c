/*
 * arread: the archive reader shared by ar, nm, size, readelf, strip and ld.
 *
 * Layout (man/ar.5): an 8-byte magic, then members, each a 60-byte header
 *	name[16] date[12] uid[6] gid[6] mode[8] size[10] "`\n"
 * followed by size bytes of data and a '\n' pad to an even offset.  GNU
 * names end in '/', longer ones are "/N", an offset into the "//" member;
 * BSD names longer than 16 bytes or with spaces are "#1/N", and the N name
 * bytes start the data.  The first member may be the symbol index: "/" or
 * "/SYM64/" (GNU) or "__.SYMDEF[_64][ SORTED]" (BSD).  Thin archives
 * ("!<thin>\n") hold only headers; a member's bytes are in the file its
 * name gives, relative to the archive's directory.  The Jaguar variant
 * has 58-byte headers: name[16] size[12] date[12] mode[8] uid[4] gid[4]
 * "\r\n".
 *
 * Model: elftoolchain ar/read.c and mold's archive-file.cc; every number
 * in a header is checked against the mapped size before it is used.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arread.h"
#include "xalloc.h"

#define HDR_SIZE	60
#define JAG_HDR_SIZE	58

struct rawhdr {
	const unsigned char *name;	/* 16 bytes */
	uint64_t	 size, mtime, uid, gid, mode;
	uint64_t	 hdrlen;
};

static int fail(struct arread *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
static int number(const unsigned char *, size_t, int, uint64_t *);
static int read_header(struct arread *, uint64_t, struct rawhdr *);
static int decode_name(struct arread *, struct rawhdr *, uint64_t,
    const char **, uint64_t *);
static int setname(struct arread *, const unsigned char *, size_t);
static int special(const char *);
static int member_at(struct arread *, uint64_t, struct armember *,
    uint64_t *);
static int map_external(struct arread *, struct armember *);

static int
fail(struct arread *ar, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ar->err, sizeof(ar->err), fmt, ap);
	va_end(ap);
	return -1;
}

/* A decimal (or octal) field padded with spaces; empty is 0. */
static int
number(const unsigned char *p, size_t len, int base, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;

	while (i < len && p[i] == ' ')
		i++;
	for (; i < len && p[i] >= '0' && p[i] < '0' + base; i++) {
		if (v > (UINT64_MAX - 9) / (uint64_t)base)
			return -1;
		v = v * (uint64_t)base + (uint64_t)(p[i] - '0');
	}
	for (; i < len; i++)
		if (p[i] != ' ' && p[i] != '\0')
			return -1;
	*out = v;
	return 0;
}

static int
read_header(struct arread *ar, uint64_t off, struct rawhdr *h)
{
	const unsigned char *p;
	int bad = 0;

	if (ar->kind == FT_AR_JAGUAR) {
		if ((p = span_range(ar->whole, off, JAG_HDR_SIZE)) == NULL)
			return fail(ar, "truncated member header at offset %ju",
			    (uintmax_t)off);
		h->hdrlen = JAG_HDR_SIZE;
		h->name = p;
		bad |= number(p + 16, 12, 10, &h->size);
		bad |= number(p + 28, 12, 10, &h->mtime);
		bad |= number(p + 40, 8, 8, &h->mode);
		bad |= number(p + 48, 4, 10, &h->uid);
		bad |= number(p + 52, 4, 10, &h->gid);
		if (bad || p[56] != '\r' || p[57] != '\n')
			return fail(ar, "bad member header at offset %ju",
			    (uintmax_t)off);
		return 0;
	}
	if ((p = span_range(ar->whole, off, HDR_SIZE)) == NULL)
		return fail(ar, "truncated member header at offset %ju",
		    (uintmax_t)off);
	h->hdrlen = HDR_SIZE;
	h->name = p;
	bad |= number(p + 16, 12, 10, &h->mtime);
	bad |= number(p + 28, 6, 10, &h->uid);
	bad |= number(p + 34, 6, 10, &h->gid);
	bad |= number(p + 40, 8, 8, &h->mode);
	bad |= number(p + 48, 10, 10, &h->size);
	if (bad || p[58] != '`' || p[59] != '\n')
		return fail(ar, "bad member header at offset %ju",
		    (uintmax_t)off);
	return 0;
}

static int
setname(struct arread *ar, const unsigned char *s, size_t len)
{
	if (len + 1 > ar->namecap) {
		ar->namecap = len + 64;
		ar->namebuf = xreallocarray(ar->namebuf, ar->namecap, 1);
	}
	memcpy(ar->namebuf, s, len);
	ar->namebuf[len] = '\0';
	return 0;
}

/*
 * The member's name, and how many bytes of its data the name takes (BSD
 * "#1/N" names are stored at the start of the data).
 */
static int
decode_name(struct arread *ar, struct rawhdr *h, uint64_t dataoff,
    const char **name, uint64_t *skip)
{
	const unsigned char *n = h->name, *p;
	uint64_t v;
	size_t len;

	*skip = 0;
	if (n[0] == '/' && n[1] >= '0' && n[1] <= '9') {
		/* GNU long name: "/offset" into the "//" table. */
		if (number(n + 1, 15, 10, &v) == -1)
			return fail(ar, "bad long name reference");
		if (ar->names.data == NULL)
			return fail(ar, "long name reference without a name "
			    "table");
		if (v >= ar->names.size)
			return fail(ar, "long name offset %ju past the name "
			    "table", (uintmax_t)v);
		p = ar->names.data + v;
		for (len = 0; v + len < ar->names.size; len++)
			if (p[len] == '\n' || p[len] == '\0')
				break;
		if (v + len == ar->names.size)
			return fail(ar, "unterminated long name at offset %ju",
			    (uintmax_t)v);
		if (len > 0 && p[len - 1] == '/')
			len--;
		setname(ar, p, len);
	} else if (memcmp(n, "#1/", 3) == 0) {
		/* BSD long name: N bytes at the start of the data. */
		if (number(n + 3, 13, 10, &v) == -1)
			return fail(ar, "bad BSD long name length");
		if (v > h->size)
			return fail(ar, "BSD long name longer than the member");
		if ((p = span_range(ar->whole, dataoff, v)) == NULL)
			return fail(ar, "BSD long name past the end of file");
		for (len = 0; len < v && p[len] != '\0'; len++)
			;
		setname(ar, p, len);
		*skip = v;
	} else {
		/* Short name: GNU ends it with '/', BSD pads with spaces. */
		len = 16;
		while (len > 0 && (n[len - 1] == ' ' || n[len - 1] == '\0'))
			len--;
		if (len > 1 && n[len - 1] == '/' &&
		    !(len == 2 && n[0] == '/') &&
		    !(len == 7 && memcmp(n, "/SYM64/", 7) == 0))
			len--;
		setname(ar, n, len);
	}
	*name = ar->namebuf;
	return 0;
}

/* Which special member a name is: index or name table, or 0. */
static int
special(const char *name)
{
	if (strcmp(name, "/") == 0)
		return ARIDX_GNU;
	if (strcmp(name, "/SYM64/") == 0)
		return ARIDX_GNU64;
	if (strcmp(name, "__.SYMDEF") == 0)
		return ARIDX_BSD;
	if (strcmp(name, "__.SYMDEF SORTED") == 0)
		return ARIDX_BSD_SORTED;
	if (strcmp(name, "__.SYMDEF_64") == 0)
		return ARIDX_BSD64;
	if (strcmp(name, "__.SYMDEF_64 SORTED") == 0)
		return ARIDX_BSD64_SORTED;
	if (strcmp(name, "//") == 0)
		return -1;
	return 0;
}

/*
 * Parse the member whose header is at off; *next is where the following
 * header starts.  For thin archives the data is left empty here.
 */
static int
member_at(struct arread *ar, uint64_t off, struct armember *m,
    uint64_t *next)
{
	struct rawhdr h;
	uint64_t dataoff, skip = 0, stored;
	const char *name = NULL;

	memset(&h, 0, sizeof(h));
	if (read_header(ar, off, &h) == -1)
		return -1;
	dataoff = off + h.hdrlen;
	if (decode_name(ar, &h, dataoff, &name, &skip) == -1)
		return -1;
	/* A thin archive stores the data only of its index and name table. */
	stored = h.size;
	if (ar->kind == FT_AR_THIN && special(name) == 0)
		stored = 0;
	if (span_range(ar->whole, dataoff, stored) == NULL)
		return fail(ar, "member %s at offset %ju: size %ju runs past "
		    "the end of the file", name, (uintmax_t)off,
		    (uintmax_t)h.size);
	memset(m, 0, sizeof(*m));
	m->name = name;
	m->hdroff = off;
	m->mtime = h.mtime;
	m->uid = h.uid;
	m->gid = h.gid;
	m->mode = h.mode;
	if (stored != 0 || ar->kind != FT_AR_THIN) {
		m->dataoff = dataoff + skip;
		m->data.data = ar->whole.data + dataoff + skip;
		m->data.size = h.size - skip;
	} else {
		m->external = true;
		m->data.size = h.size;
	}
	*next = dataoff + stored;
	if (*next & 1)
		(*next)++;
	return 0;
}

/* Thin archives: map the member's own file, relative to the archive. */
static int
map_external(struct arread *ar, struct armember *m)
{
	const char *slash;
	char *path;
	size_t dlen;
	int r;

	if (ar->ext_open) {
		mapfile_close(&ar->ext);
		ar->ext_open = false;
	}
	slash = strrchr(ar->path, '/');
	if (m->name[0] == '/' || slash == NULL) {
		path = xstrdup(m->name);
	} else {
		dlen = (size_t)(slash - ar->path) + 1;
		path = xmalloc(dlen + strlen(m->name) + 1);
		memcpy(path, ar->path, dlen);
		strcpy(path + dlen, m->name);
	}
	r = mapfile_open(&ar->ext, path);
	if (r == -1) {
		fail(ar, "%s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	/* mapfile keeps the pointer; the path lives until the next member. */
	ar->ext.path = NULL;
	free(path);
	ar->ext_open = true;
	m->data = mapfile_span(&ar->ext);
	return 0;
}

int
arread_open(struct arread *ar, const char *path, struct span s)
{
	struct armember m;
	uint64_t next;
	int kind, i;

	memset(ar, 0, sizeof(*ar));
	ar->path = path;
	ar->whole = s;
	ar->kind = filetype_detect(s);
	switch (ar->kind) {
	case FT_AR:
	case FT_AR_THIN:
		ar->first = 8;
		break;
	case FT_AR_JAGUAR:
		ar->first = 20;
		break;
	default:
		return fail(ar, "not an archive");
	}
	ar->pos = ar->first;
	/* The index, then the name table, may open the archive. */
	for (i = 0; i < 3 && ar->pos < s.size; i++) {
		if (member_at(ar, ar->pos, &m, &next) == -1)
			return -1;
		kind = special(m.name);
		if (kind == -1 && ar->names.data == NULL) {
			ar->names = m.data;
		} else if (kind > 0 && ar->index_kind == ARIDX_NONE) {
			ar->index = m.data;
			ar->index_kind = (enum arindex_kind)kind;
		} else if (kind == ARIDX_GNU64 || kind == ARIDX_GNU) {
			/* A second index (GNU64 after GNU): skip it too. */
		} else {
			break;
		}
		ar->pos = next;
	}
	return 0;
}

void
arread_close(struct arread *ar)
{
	if (ar->ext_open)
		mapfile_close(&ar->ext);
	free(ar->namebuf);
	ar->namebuf = NULL;
	ar->ext_open = false;
}

int
arread_next(struct arread *ar, struct armember *m)
{
	uint64_t next;

	if (ar->pos >= ar->whole.size)
		return 0;
	if (member_at(ar, ar->pos, m, &next) == -1) {
		ar->pos = ar->whole.size;	/* stop after an error */
		return -1;
	}
	ar->pos = next;
	if (m->external && map_external(ar, m) == -1)
		return -1;
	return 1;
}

int
arread_member_at(struct arread *ar, uint64_t off, struct armember *m)
{
	uint64_t next;

	if (off < ar->first || off >= ar->whole.size)
		return fail(ar, "index points at offset %ju, outside the "
		    "archive", (uintmax_t)off);
	if (member_at(ar, off, m, &next) == -1)
		return -1;
	if (m->external && map_external(ar, m) == -1)
		return -1;
	return 1;
}

const char *
arread_index_name(enum arindex_kind k)
{
	switch (k) {
	case ARIDX_GNU:		return "/";
	case ARIDX_GNU64:	return "/SYM64/";
	case ARIDX_BSD:		return "__.SYMDEF";
	case ARIDX_BSD_SORTED:	return "__.SYMDEF SORTED";
	case ARIDX_BSD64:	return "__.SYMDEF_64";
	case ARIDX_BSD64_SORTED: return "__.SYMDEF_64 SORTED";
	default:		return "";
	}
}

/* GNU: count, count offsets, then count NUL-terminated names. */
static int
index_gnu(struct arread *ar, int w, struct arindex_sym **out, size_t *n)
{
	struct span ix = ar->index;
	struct arindex_sym *syms;
	const unsigned char *p, *end;
	uint64_t count, i;

	if (ix.size < (uint64_t)w)
		return fail(ar, "symbol index too short");
	count = w == 4 ? load32(ix.data, true) : load64(ix.data, true);
	if (count > (ix.size - (uint64_t)w) / (uint64_t)w)
		return fail(ar, "symbol index count %ju too large",
		    (uintmax_t)count);
	syms = xcalloc((size_t)count, sizeof(*syms));
	p = ix.data + w + count * (uint64_t)w;
	end = ix.data + ix.size;
	for (i = 0; i < count; i++) {
		const unsigned char *o = ix.data + w + i * (uint64_t)w;
		const unsigned char *nul = p < end ?
		    memchr(p, '\0', (size_t)(end - p)) : NULL;

		if (nul == NULL) {
			free(syms);
			return fail(ar, "symbol index string table truncated");
		}
		syms[i].name = (const char *)p;
		syms[i].offset = w == 4 ? load32(o, true) : load64(o, true);
		p = nul + 1;
	}
	*out = syms;
	*n = (size_t)count;
	return 0;
}

/*
 * BSD: a byte count of ranlib structs {strx, off}, the structs, a byte
 * count of strings, the strings.  The byte order is the target's; we take
 * the one in which the sizes fit the member.
 */
static int
index_bsd(struct arread *ar, int w, struct arindex_sym **out, size_t *n)
{
	struct span ix = ar->index;
	struct arindex_sym *syms;
	uint64_t tabsize = 0, strsize = 0, count, i, strx;
	const unsigned char *tab, *strs;
	int big, ok = 0;

	for (big = 0; big < 2 && !ok; big++) {
		if (ix.size < (uint64_t)w)
			break;
		tabsize = w == 4 ? load32(ix.data, big) : load64(ix.data, big);
		if (tabsize % (2 * (uint64_t)w) != 0 ||
		    tabsize > ix.size - (uint64_t)w ||
		    ix.size - (uint64_t)w - tabsize < (uint64_t)w)
			continue;
		strsize = w == 4 ? load32(ix.data + w + tabsize, big) :
		    load64(ix.data + w + tabsize, big);
		if (strsize > ix.size - 2 * (uint64_t)w - tabsize)
			continue;
		ok = 1;
		ar->index_big = big;
	}
	if (!ok)
		return fail(ar, "malformed %s", arread_index_name(
		    ar->index_kind));
	count = tabsize / (2 * (uint64_t)w);
	tab = ix.data + w;
	strs = ix.data + 2 * w + tabsize;
	syms = xcalloc((size_t)count, sizeof(*syms));
	for (i = 0; i < count; i++) {
		const unsigned char *e = tab + i * 2 * (uint64_t)w;

		strx = w == 4 ? load32(e, ar->index_big) :
		    load64(e, ar->index_big);
		if (strx >= strsize ||
		    memchr(strs + strx, '\0', (size_t)(strsize - strx)) == NULL) {
			free(syms);
			return fail(ar, "%s: string index %ju out of range",
			    arread_index_name(ar->index_kind), (uintmax_t)strx);
		}
		syms[i].name = (const char *)strs + strx;
		syms[i].offset = w == 4 ? load32(e + w, ar->index_big) :
		    load64(e + w, ar->index_big);
	}
	*out = syms;
	*n = (size_t)count;
	return 0;
}

int
arread_index(struct arread *ar, struct arindex_sym **syms, size_t *n)
{
	*syms = NULL;
	*n = 0;
	switch (ar->index_kind) {
	case ARIDX_NONE:
		return 0;
	case ARIDX_GNU:
		return index_gnu(ar, 4, syms, n);
	case ARIDX_GNU64:
		return index_gnu(ar, 8, syms, n);
	case ARIDX_BSD:
	case ARIDX_BSD_SORTED:
		return index_bsd(ar, 4, syms, n);
	case ARIDX_BSD64:
	case ARIDX_BSD64_SORTED:
		return index_bsd(ar, 8, syms, n);
	}
	return 0;
}
