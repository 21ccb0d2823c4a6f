/*
 * elfin: read an ELF file's headers from raw bytes, for any class and
 * byte order, and check everything the stripper will later rely on (the
 * invariants listed with struct eimg in strip.h).  The layout of the
 * headers is the System V gABI's ("Object Files", chapter 4): the ELF
 * header, the program header table and the section header table.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strip.h"
#include "xalloc.h"

#define SHN_LORESERVE	0xff00
#define SHN_XINDEX	0xffff
#define PN_XNUM		0xffff
#define SHT_NOBITS	8

static int parse_ehdr(struct eimg *);
static int parse_shdrs(struct eimg *);
static int parse_phdrs(struct eimg *);
static int parse_names(struct eimg *);

int
elfin_fail(struct eimg *img, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(img->err, sizeof(img->err), fmt, ap);
	va_end(ap);
	return -1;
}

/* A field of size 1, 2, 4 or 8 bytes in the file's byte order. */
uint64_t
elfin_word(const struct eimg *img, const unsigned char *p, int size)
{
	switch (size) {
	case 1:
		return p[0];
	case 2:
		return load16(p, img->big);
	case 4:
		return load32(p, img->big);
	default:
		return load64(p, img->big);
	}
}

void
elfin_put(const struct eimg *img, unsigned char *p, int size, uint64_t v)
{
	switch (size) {
	case 1:
		p[0] = (unsigned char)v;
		break;
	case 2:
		store16(p, (uint16_t)v, img->big);
		break;
	case 4:
		store32(p, (uint32_t)v, img->big);
		break;
	default:
		store64(p, v, img->big);
		break;
	}
}

/*
 * Debugging sections as GNU tools classify them by name: DWARF (also
 * compressed and LTO copies), stabs, the old .line and the gdb index.
 */
bool
elfin_is_debug(const char *name)
{
	static const char *const prefix[] = { ".debug", ".zdebug",
	    ".gnu.debuglto_.debug", ".gnu.linkonce.wi.", ".line", ".stab" };
	size_t i;

	for (i = 0; i < sizeof(prefix) / sizeof(prefix[0]); i++)
		if (strncmp(name, prefix[i], strlen(prefix[i])) == 0)
			return true;
	return strcmp(name, ".gdb_index") == 0;
}

int
elfin_parse(struct eimg *img, const char *where, struct span in)
{
	memset(img, 0, sizeof(*img));
	img->where = where;
	img->in = in;
	if (parse_ehdr(img) == -1 || parse_phdrs(img) == -1 ||
	    parse_shdrs(img) == -1 || parse_names(img) == -1)
		return -1;
	return 0;
}

void
elfin_free(struct eimg *img)
{
	size_t i;

	if (img->sec != NULL)
		for (i = 0; i < img->shnum; i++)
			free(img->sec[i].buf);
	free(img->sec);
	free(img->symmap);
	free(img->needed);
	free(img->symname);
	img->symname = NULL;
	if (img->shstr.buf != NULL)
		strtab_free(&img->shstr);
	if (img->symstr.buf != NULL)
		strtab_free(&img->symstr);
	img->sec = NULL;
	img->symmap = NULL;
	img->needed = NULL;
}

static int
parse_ehdr(struct eimg *img)
{
	const unsigned char *e = img->in.data;

	if (img->in.size < 16 || memcmp(e, "\177ELF", 4) != 0)
		return elfin_fail(img, "not an ELF file");
	if (e[4] != 1 && e[4] != 2)
		return elfin_fail(img, "unknown ELF class %u", e[4]);
	if (e[5] != 1 && e[5] != 2)
		return elfin_fail(img, "unknown ELF data encoding %u", e[5]);
	img->is64 = e[4] == 2;
	img->big = e[5] == 2;
	img->ehsize = img->is64 ? 64 : 52;
	if (img->in.size < img->ehsize)
		return elfin_fail(img, "ELF header past end of file");
	img->symsize = img->is64 ? 24 : 16;
	img->type = (unsigned)elfin_word(img, e + 16, 2);
	img->machine = (unsigned)elfin_word(img, e + 18, 2);
	if (img->is64) {
		img->phoff = elfin_word(img, e + 32, 8);
		img->shoff = elfin_word(img, e + 40, 8);
		e += 54;
	} else {
		img->phoff = elfin_word(img, e + 28, 4);
		img->shoff = elfin_word(img, e + 32, 4);
		e += 42;
	}
	img->phentsize = (unsigned)elfin_word(img, e, 2);
	img->phnum = (size_t)elfin_word(img, e + 2, 2);
	img->shentsize = (unsigned)elfin_word(img, e + 4, 2);
	img->shnum = (size_t)elfin_word(img, e + 6, 2);
	img->shstrndx = (size_t)elfin_word(img, e + 8, 2);
	if (img->shoff == 0)
		return elfin_fail(img, "no section headers");
	if (img->shentsize != (img->is64 ? 64u : 40u))
		return elfin_fail(img, "bad section header size %u",
		    img->shentsize);
	return 0;
}

/* Decode section header i from p. */
static void
decode_shdr(const struct eimg *img, const unsigned char *p,
    struct esect *s)
{
	int w = img->is64 ? 8 : 4;

	s->name = elfin_word(img, p, 4);
	s->type = elfin_word(img, p + 4, 4);
	s->flags = elfin_word(img, p + 8, w);
	p += 8 + w;
	s->addr = elfin_word(img, p, w);
	s->off = elfin_word(img, p + w, w);
	s->size = elfin_word(img, p + 2 * w, w);
	p += 3 * w;
	s->link = elfin_word(img, p, 4);
	s->info = elfin_word(img, p + 4, 4);
	s->align = elfin_word(img, p + 8, w);
	s->entsize = elfin_word(img, p + 8 + w, w);
}

static int
parse_shdrs(struct eimg *img)
{
	struct esect s0;
	const unsigned char *p;
	size_t i;

	if (span_range(img->in, img->shoff, img->shentsize) == NULL)
		return elfin_fail(img, "section headers past end of file");
	decode_shdr(img, img->in.data + img->shoff, &s0);
	if (img->shnum == 0)
		img->shnum = (size_t)s0.size;
	if (img->shstrndx == SHN_XINDEX)
		img->shstrndx = (size_t)s0.link;
	if (img->shnum == 0 || img->shnum > (img->in.size - img->shoff) /
	    img->shentsize)
		return elfin_fail(img, "section headers past end of file");
	if (img->phnum == PN_XNUM)
		return elfin_fail(img, "more than 65534 program headers "
		    "are not supported");
	/* One spare entry: plan.c may add a .shstrtab of its own. */
	img->sec = xcalloc(img->shnum + 1, sizeof(*img->sec));
	for (i = 0; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		p = img->in.data + img->shoff + i * img->shentsize;
		decode_shdr(img, p, s);
		if (i == 0)
			continue;
		if (s->type != SHT_NOBITS &&
		    span_range(img->in, s->off, s->size) == NULL)
			return elfin_fail(img, "section %zu: contents past "
			    "end of file", i);
		if (s->link >= img->shnum)
			return elfin_fail(img, "section %zu: sh_link %llu "
			    "out of range", i, (unsigned long long)s->link);
	}
	if (img->shstrndx == 0 || img->shstrndx >= img->shnum)
		return elfin_fail(img, "no section name table");
	return 0;
}

static int
parse_phdrs(struct eimg *img)
{
	uint64_t len;

	if (img->phnum == 0)
		return 0;
	if (img->phentsize != (img->is64 ? 56u : 32u))
		return elfin_fail(img, "bad program header size %u",
		    img->phentsize);
	len = (uint64_t)img->phnum * img->phentsize;
	if (span_range(img->in, img->phoff, len) == NULL)
		return elfin_fail(img, "program headers past end of file");
	return 0;
}

static int
parse_names(struct eimg *img)
{
	const struct esect *st = &img->sec[img->shstrndx];
	const char *tab = (const char *)img->in.data + st->off;
	size_t i;

	if (st->type == SHT_NOBITS || st->size == 0 ||
	    tab[st->size - 1] != '\0')
		return elfin_fail(img, "section %zu: bad section name table",
		    img->shstrndx);
	for (i = 0; i < img->shnum; i++) {
		if (img->sec[i].name >= st->size)
			return elfin_fail(img, "section %zu: name offset out "
			    "of range", i);
		img->sec[i].sname = tab + img->sec[i].name;
	}
	return 0;
}
