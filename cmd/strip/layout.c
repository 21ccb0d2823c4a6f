/*
 * layout: where each kept section goes in the output, and the writing.
 *
 * With program headers, the bytes from the start of the file to the end
 * of the last segment (and of the last loaded section) are copied as
 * they are, so every address, offset and byte the loader uses stays put;
 * sections inside that range keep their offsets.  Everything else (kept
 * non-loaded sections and those we rebuilt) follows in input order, each
 * at its sh_addralign, and the section header table comes last.  A file
 * without program headers (a relocatable object) is laid out afresh
 * behind its ELF header in the same way.
 */
#define _GNU_SOURCE		/* copy_file_range(2) */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strip.h"
#include "xalloc.h"

#define SHT_NOBITS	8
#define SHT_NOTE	7
#define SHT_RELA	4
#define SHT_REL		9
#define SHF_ALLOC	0x2
#define SHF_INFO_LINK	0x40
#define SHN_LORESERVE	0xff00
#define SHN_XINDEX	0xffff
#define MAXALIGN	((uint64_t)1 << 24)

static int find_fixed_end(struct eimg *);
static int place_rest(struct eimg *, uint64_t *);
static void emit_shdr(const struct eimg *, unsigned char *, size_t);
static void patch_ehdr(const struct eimg *, unsigned char *);
static int pwrite_all(int, const void *, uint64_t, uint64_t);
static int copy_file(int, uint64_t, int, uint64_t, uint64_t,
    const unsigned char *);

/* A loaded section patched without moving (.dynsym's st_shndx). */
static bool
in_place(const struct esect *s)
{
	return (s->flags & SHF_ALLOC) && s->buf != NULL &&
	    s->bufsize == s->size && s->type != SHT_NOBITS;
}

static uint64_t
secsize(const struct esect *s)
{
	if (s->buf != NULL)
		return s->bufsize;
	return s->type == SHT_NOBITS ? 0 : s->size;
}

int
layout_assign(struct eimg *img)
{
	const struct strtab *t = img->symstr_shared ? &img->symstr :
	    &img->shstr;
	struct esect *ns = &img->sec[img->shstrndx];
	uint64_t end = 0, a;

	free(ns->buf);
	ns->buf = xmalloc(t->len);
	memcpy(ns->buf, t->buf, t->len);
	ns->bufsize = t->len;
	if (find_fixed_end(img) == -1 || place_rest(img, &end) == -1)
		return -1;
	a = img->is64 ? 8 : 4;
	img->outshoff = (end + a - 1) / a * a;
	img->outsize = img->outshoff + (uint64_t)img->outshnum *
	    img->shentsize;
	return 0;
}

static int
find_fixed_end(struct eimg *img)
{
	uint64_t end = img->ehsize, off, fsz;
	const unsigned char *p;
	size_t i;

	if (img->phnum == 0) {
		img->fixed_end = end;
		return 0;
	}
	if (img->phoff + (uint64_t)img->phnum * img->phentsize > end)
		end = img->phoff + (uint64_t)img->phnum * img->phentsize;
	for (i = 0; i < img->phnum; i++) {
		p = img->in.data + img->phoff + i * img->phentsize;
		off = elfin_word(img, p + (img->is64 ? 8 : 4), img->is64 ?
		    8 : 4);
		fsz = elfin_word(img, p + (img->is64 ? 32 : 16), img->is64 ?
		    8 : 4);
		if (span_range(img->in, off, fsz) == NULL)
			return elfin_fail(img, "program header %zu: segment "
			    "past end of file", i);
		if (off + fsz > end)
			end = off + fsz;
	}
	/*
	 * A debug-only file keeps the headers and the notes where they
	 * were, so that PT_NOTE still finds them; the segments' other
	 * contents are gone.
	 */
	if (img->debug_only) {
		end = img->phoff + (uint64_t)img->phnum * img->phentsize;
		if (end < img->ehsize)
			end = img->ehsize;
	}
	for (i = 1; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->remove || !(s->flags & SHF_ALLOC))
			continue;
		if (img->debug_only && s->type != SHT_NOTE)
			continue;
		if (s->buf != NULL && !in_place(s))
			return elfin_fail(img, "section %s: loaded at run time "
			    "and would need rewriting", s->sname);
		if (s->type != SHT_NOBITS && s->off + s->size > end)
			end = s->off + s->size;
	}
	img->fixed_end = end;
	return 0;
}

static int
by_offset(const void *a, const void *b)
{
	const struct esect *x = *(const struct esect *const *)a;
	const struct esect *y = *(const struct esect *const *)b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int
place_rest(struct eimg *img, uint64_t *endp)
{
	struct esect **v = xcalloc(img->shnum, sizeof(*v));
	uint64_t cur = img->fixed_end, a;
	size_t i, n = 0;

	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		if (s->remove)
			continue;
		if (img->phnum > 0 && (s->buf == NULL || in_place(s)) &&
		    (((s->flags & SHF_ALLOC) && s->type == SHT_NOBITS) ||
		    s->off + secsize(s) <= img->fixed_end)) {
			s->fixed = true;
			s->newoff = s->off;
			continue;
		}
		v[n++] = s;
	}
	qsort(v, n, sizeof(*v), by_offset);
	for (i = 0; i < n; i++) {
		a = v[i]->align > 1 ? v[i]->align : 1;
		if (a > MAXALIGN) {
			elfin_fail(img, "section %s: alignment %llu too large",
			    v[i]->sname, (unsigned long long)a);
			free(v);
			return -1;
		}
		cur = (cur + a - 1) / a * a;
		v[i]->newoff = cur;
		cur += secsize(v[i]);
	}
	free(v);
	*endp = cur;
	return 0;
}

/* The ELF header's section header fields, for the output. */
static void
patch_ehdr(const struct eimg *img, unsigned char *e)
{
	if (img->is64) {
		elfin_put(img, e + 40, 8, img->outshoff);
		e += 58;
	} else {
		elfin_put(img, e + 32, 4, img->outshoff);
		e += 46;
	}
	elfin_put(img, e + 2, 2, img->outshnum < SHN_LORESERVE ?
	    img->outshnum : 0);
	elfin_put(img, e + 4, 2, img->outshstrndx < SHN_LORESERVE ?
	    img->outshstrndx : SHN_XINDEX);
}

/* The whole output image into out (outsize bytes, zeroed). */
void
layout_emit(const struct eimg *img, unsigned char *out)
{
	size_t i;

	memcpy(out, img->in.data, (size_t)img->fixed_end);
	patch_ehdr(img, out);
	for (i = 0; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->remove)
			continue;
		if (i != 0 && (!s->fixed || s->buf != NULL) && secsize(s) > 0)
			memcpy(out + s->newoff, s->buf != NULL ? s->buf :
			    img->in.data + s->off, (size_t)secsize(s));
		emit_shdr(img, out + img->outshoff + s->newidx *
		    img->shentsize, i);
	}
}

static int
pwrite_all(int fd, const void *buf, uint64_t len, uint64_t off)
{
	const unsigned char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = pwrite(fd, p, len > ((size_t)1 << 30) ? ((size_t)1 << 30) :
		    (size_t)len, (off_t)off);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		off += (uint64_t)n;
		len -= (uint64_t)n;
	}
	return 0;
}

static int
copy_file(int in, uint64_t off, int out, uint64_t outoff, uint64_t len,
    const unsigned char *map)
{
	loff_t ioff = (loff_t)off, ooff = (loff_t)outoff;
	ssize_t n;

	while (len > 0 && in != -1) {
		n = copy_file_range(in, &ioff, out, &ooff, (size_t)(len >
		    ((uint64_t)1 << 30) ? (1u << 30) : len), 0);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == -1 && (errno == ENOSPC || errno == EIO ||
			    errno == EDQUOT || errno == EFBIG))
				return -1;
			break;		/* not supported here: write it */
		}
		len -= (uint64_t)n;
	}
	off = (uint64_t)ioff;
	outoff = (uint64_t)ooff;
	return pwrite_all(out, map + off, len, outoff);
}

/*
 * The output written to fd: what layout_emit builds in memory, but with
 * the big unchanged runs copied file to file (in: the input's
 * descriptor, or -1 when the input is not a whole file).
 */
int
layout_write(const struct eimg *img, int in, uint64_t inbase, int fd)
{
	unsigned char *hdrs, ehdr[64];
	size_t i;
	int rc = -1;

	if (ftruncate(fd, (off_t)img->outsize) == -1)
		return -1;
	if (copy_file(in, inbase, fd, 0, img->fixed_end, img->in.data -
	    inbase) == -1)
		return -1;
	memcpy(ehdr, img->in.data, img->ehsize);
	patch_ehdr(img, ehdr);
	if (pwrite_all(fd, ehdr, img->ehsize, 0) == -1)
		return -1;
	hdrs = xcalloc(img->outshnum, img->shentsize);
	for (i = 0; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->remove)
			continue;
		emit_shdr(img, hdrs + s->newidx * img->shentsize, i);
		if (i == 0 || (s->fixed && s->buf == NULL) || secsize(s) == 0)
			continue;
		if (s->buf != NULL ? pwrite_all(fd, s->buf, s->bufsize,
		    s->newoff) == -1 : copy_file(in, inbase + s->off, fd,
		    s->newoff, s->size, img->in.data - inbase) == -1)
			goto out;
	}
	if (pwrite_all(fd, hdrs, (uint64_t)img->outshnum * img->shentsize,
	    img->outshoff) == -1)
		goto out;
	rc = 0;
out:
	free(hdrs);
	return rc;
}

static void
emit_shdr(const struct eimg *img, unsigned char *p, size_t i)
{
	const struct esect *s = &img->sec[i];
	int w = img->is64 ? 8 : 4;
	uint64_t link = s->link, info = s->info, size = s->size;
	uint64_t off = s->newoff, flags = s->flags;

	if (i == 0) {
		size = img->outshnum >= SHN_LORESERVE ? img->outshnum : 0;
		link = img->outshstrndx >= SHN_LORESERVE ?
		    img->outshstrndx : 0;
		off = s->off;
	} else {
		link = link != 0 ? img->sec[link].newidx : 0;
		if ((s->type == SHT_REL || s->type == SHT_RELA ||
		    (s->flags & SHF_INFO_LINK)) && info != 0 &&
		    info < img->shnum)
			info = img->sec[info].newidx;
		/* sh_info of a relocation section names a section: say so,
		   as GNU strip does. */
		if ((s->type == SHT_REL || s->type == SHT_RELA) && info != 0)
			flags |= SHF_INFO_LINK;
		if (s->buf != NULL)
			size = s->bufsize;
	}
	elfin_put(img, p, 4, s->newname);
	elfin_put(img, p + 4, 4, s->type);
	elfin_put(img, p + 8, w, flags);
	p += 8 + w;
	elfin_put(img, p, w, s->addr);
	elfin_put(img, p + w, w, off);
	elfin_put(img, p + 2 * w, w, size);
	p += 3 * w;
	elfin_put(img, p, 4, link);
	elfin_put(img, p + 4, 4, info);
	elfin_put(img, p + 8, w, s->align);
	elfin_put(img, p + 8 + w, w, s->entsize);
}
