/*
 * archive: strip every ELF member of an archive and write the archive
 * back in the System V / GNU format (man/ar.5): "!<arch>\n", the symbol
 * index "/" (rebuilt from the stripped members, when the input had
 * one), the long-name table "//", then the members, each padded to an
 * even offset.  Members that are not ELF are copied unchanged.
 *
 * With -D (the default) member times, owners and modes are written as
 * 0, 0, 0 and 644, as GNU strip does; -U keeps the input's.  A thin
 * archive's members belong to other files, so it is only read, and only
 * when -o names a new (ordinary) archive to write.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arread.h"
#include "diag.h"
#include "filetype.h"
#include "strip.h"
#include "xalloc.h"

#define SHN_LORESERVE	0xff00
#define STB_LOCAL	0

struct amem {
	char		*name;
	unsigned char	*data;		/* malloced copy or stripped image */
	uint64_t	 size;
	uint64_t	 mtime, uid, gid, mode;
	uint64_t	 nameoff;	/* in "//", or UINT64_MAX: short */
	uint64_t	 hdroff;
};

struct abuild {
	struct amem	*m;
	size_t		 n, cap;
	char		*names;		/* index names, NUL-terminated, in
					   index order (duplicates kept) */
	size_t		 nameslen, namescap;
	uint32_t	*symmem;	/* member of each index name */
	size_t		 nsyms, symcap;
	char		*longnames;
	size_t		 longlen;
};

static int add_member(const struct strip_opts *, struct abuild *,
    struct arread *, const struct armember *);
static void index_member(struct abuild *, size_t);
static unsigned char *serialize(const struct strip_opts *, struct abuild *,
    bool, uint64_t *);
static void free_build(struct abuild *);
static void appendname(struct abuild *, const char *, uint64_t);

int
archive_strip(const struct strip_opts *o, const char *path, struct span in,
    int kind, const char *target, const struct stat *st)
{
	struct abuild b;
	struct armember m;
	struct arread ar;
	unsigned char *img;
	uint64_t size;
	int r, rc = -1;

	if (kind == FT_AR_THIN && o->output == NULL) {
		diag_error(path, "thin archive: its members belong to other "
		    "files; use -o to write a stripped copy");
		return -1;
	}
	if (arread_open(&ar, path, in) == -1) {
		diag_error(path, "%s", ar.err);
		return -1;
	}
	if (ar.index_kind != ARIDX_NONE && ar.index_kind != ARIDX_GNU &&
	    ar.index_kind != ARIDX_GNU64) {
		/* We would have to write its index back in the same form. */
		diag_error(path, "cannot rewrite an archive with a %s index",
		    arread_index_name(ar.index_kind));
		arread_close(&ar);
		return -1;
	}
	memset(&b, 0, sizeof(b));
	while ((r = arread_next(&ar, &m)) == 1)
		if (add_member(o, &b, &ar, &m) == -1)
			goto out;
	if (r == -1) {
		diag_error(path, "%s", ar.err);
		goto out;
	}
	img = serialize(o, &b, ar.index_kind != ARIDX_NONE, &size);
	if (img == NULL)
		diag_error(path, "archive too large for a 32-bit symbol index");
	else
		rc = strip_write_file(o, path, target, st, img, size);
	free(img);
out:
	arread_close(&ar);
	free_build(&b);
	return rc;
}

static int
add_member(const struct strip_opts *o, struct abuild *b, struct arread *ar,
    const struct armember *m)
{
	char where[1024];
	struct amem *a;
	struct eimg img;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->m = xreallocarray(b->m, b->cap, sizeof(*b->m));
	}
	a = &b->m[b->n];
	memset(a, 0, sizeof(*a));
	diag_name(where, sizeof(where), ar->path, m->name);
	if (filetype_detect(m->data) == FT_ELF) {
		if (strip_elf_plan(o, where, m->data, &img) == -1)
			return -1;
		a->size = img.outsize;
		a->data = xcalloc(1, (size_t)img.outsize);
		layout_emit(&img, a->data);
		elfin_free(&img);
	} else if (filetype_detect(m->data) == FT_AOUT) {
		if (aout_strip_mem(o, where, m->data, &a->data, &a->size) == -1)
			return -1;
	} else {
		a->size = m->data.size;
		a->data = xmalloc(a->size ? (size_t)a->size : 1);
		memcpy(a->data, m->data.data, (size_t)a->size);
	}
	a->name = xstrdup(m->name);
	a->mtime = m->mtime;
	a->uid = m->uid;
	a->gid = m->gid;
	a->mode = m->mode;
	b->n++;
	index_member(b, b->n - 1);
	return 0;
}

/* Add the global symbols member k defines to the index. */
static void
index_member(struct abuild *b, size_t k)
{
	struct amem *a = &b->m[k];
	struct span s = { a->data, a->size };
	const struct esect *st, *ss;
	const unsigned char *p;
	struct eimg img;
	uint64_t name, shndx;
	size_t i, n;

	if (filetype_detect(s) != FT_ELF || elfin_parse(&img, a->name, s) == -1)
		return;
	for (i = 1; i < img.shnum; i++)
		if (img.sec[i].type == 2)
			break;
	if (i == img.shnum || img.sec[i].entsize != img.symsize) {
		elfin_free(&img);
		return;
	}
	st = &img.sec[i];
	ss = &img.sec[st->link];
	n = (size_t)(st->size / img.symsize);
	for (i = 1; i < n; i++) {
		p = img.in.data + st->off + i * img.symsize;
		name = elfin_word(&img, p, 4);
		shndx = elfin_word(&img, p + (img.is64 ? 6 : 14), 2);
		if ((p[img.is64 ? 4 : 12] >> 4) == STB_LOCAL || shndx == 0 ||
		    name >= ss->size || name == 0)
			continue;
		if (b->nsyms == b->symcap) {
			b->symcap = b->symcap ? 2 * b->symcap : 256;
			b->symmem = xreallocarray(b->symmem, b->symcap,
			    sizeof(*b->symmem));
		}
		/* The index keeps duplicates: append without merging. */
		b->symmem[b->nsyms++] = (uint32_t)k;
		appendname(b, (const char *)img.in.data + ss->off + name,
		    ss->size - name);
	}
	elfin_free(&img);
}

static void
appendname(struct abuild *b, const char *s, uint64_t max)
{
	size_t len = strnlen(s, (size_t)max);

	if (len == (size_t)max) {
		b->nsyms--;		/* no terminator: not indexed */
		return;
	}
	while (b->nameslen + len + 1 > b->namescap) {
		b->namescap = b->namescap ? 2 * b->namescap : 4096;
		b->names = xreallocarray(b->names, b->namescap, 1);
	}
	memcpy(b->names + b->nameslen, s, len + 1);
	b->nameslen += len + 1;
}

/* A space-padded decimal or octal field; a value too wide becomes 0. */
static void
put_field(unsigned char *p, size_t width, uint64_t v, bool octal)
{
	char tmp[32];
	int n;

	n = snprintf(tmp, sizeof(tmp), octal ? "%llo" : "%llu",
	    (unsigned long long)v);
	if (n < 0 || (size_t)n > width)
		n = snprintf(tmp, sizeof(tmp), "0");
	memset(p, ' ', width);
	memcpy(p, tmp, (size_t)n);
}

/* The 60-byte member header (ar.5), fields space-padded. */
static void
put_header(unsigned char *p, const char *name, uint64_t mtime, uint64_t uid,
    uint64_t gid, uint64_t mode, uint64_t size)
{
	size_t len = strlen(name);

	memset(p, ' ', 16);
	memcpy(p, name, len < 16 ? len : 16);
	put_field(p + 16, 12, mtime, false);
	put_field(p + 28, 6, uid, false);
	put_field(p + 34, 6, gid, false);
	put_field(p + 40, 8, mode, true);
	put_field(p + 48, 10, size, false);
	memcpy(p + 58, "`\n", 2);
}

/* Long names go in "//" as "name/\n"; short ones are "name/". */
static void
assign_names(struct abuild *b)
{
	size_t i, len;

	for (i = 0; i < b->n; i++) {
		struct amem *a = &b->m[i];

		len = strlen(a->name);
		a->nameoff = UINT64_MAX;
		if (len <= 15 && strchr(a->name, '/') == NULL)
			continue;
		b->longnames = xreallocarray(b->longnames, b->longlen + len + 3,
		    1);
		a->nameoff = b->longlen;
		memcpy(b->longnames + b->longlen, a->name, len);
		memcpy(b->longnames + b->longlen + len, "/\n", 2);
		b->longlen += len + 2;
	}
}

static unsigned char *
serialize(const struct strip_opts *o, struct abuild *b, bool want_index,
    uint64_t *sizep)
{
	uint64_t off, idxsize = 0, total;
	unsigned char *img, *p;
	char name[32];
	size_t i;

	assign_names(b);
	if (want_index) {
		idxsize = 4 + 4 * (uint64_t)b->nsyms + b->nameslen;
		idxsize += idxsize & 1;
	}
	off = 8 + (want_index ? 60 + idxsize : 0);
	if (b->longlen > 0)
		off += 60 + b->longlen + (b->longlen & 1);
	for (i = 0; i < b->n; i++) {
		b->m[i].hdroff = off;
		off += 60 + b->m[i].size + (b->m[i].size & 1);
	}
	total = off;
	if (want_index && total > UINT32_MAX)
		return NULL;
	p = img = xcalloc(1, (size_t)total);
	memcpy(p, "!<arch>\n", 8);
	p += 8;
	if (want_index) {
		put_header(p, "/", 0, 0, 0, 0, idxsize);
		p += 60;
		store32(p, (uint32_t)b->nsyms, true);
		for (i = 0; i < b->nsyms; i++)
			store32(p + 4 + 4 * i,
			    (uint32_t)b->m[b->symmem[i]].hdroff, true);
		if (b->nameslen > 0)
			memcpy(p + 4 + 4 * b->nsyms, b->names, b->nameslen);
		p += idxsize;
	}
	if (b->longlen > 0) {
		put_header(p, "//", 0, 0, 0, 0, b->longlen);
		/* The "//" header has no date, owner or mode fields. */
		memset(p + 16, ' ', 32);
		memcpy(p + 60, b->longnames, b->longlen);
		p += 60 + b->longlen;
		if (b->longlen & 1)
			*p++ = '\n';
	}
	for (i = 0; i < b->n; i++) {
		struct amem *a = &b->m[i];

		if (a->nameoff != UINT64_MAX)
			snprintf(name, sizeof(name), "/%llu",
			    (unsigned long long)a->nameoff);
		else
			snprintf(name, sizeof(name), "%s/", a->name);
		if (o->deterministic)
			put_header(p, name, 0, 0, 0, 0644, a->size);
		else
			put_header(p, name, a->mtime, a->uid, a->gid, a->mode,
			    a->size);
		memcpy(p + 60, a->data, (size_t)a->size);
		p += 60 + a->size;
		if (a->size & 1)
			*p++ = '\n';
	}
	*sizep = total;
	return img;
}

static void
free_build(struct abuild *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->m[i].name);
		free(b->m[i].data);
	}
	free(b->m);
	free(b->symmem);
	free(b->names);
	free(b->longnames);
}
