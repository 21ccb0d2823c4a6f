/*
 * aout_dyn: a.out relocations (../shared/spec/a.out.md section 11) and
 * the SunOS/BSD run-time linking structures of link(5) (section 12).
 *
 * The standard relocation_info packs its bit-fields in the order the
 * compiler allocates them, so the same field sits at the low end of
 * byte 7 on a little-endian target and at the high end on a big-endian
 * one.  SPARC has its own 12-byte form with an explicit addend.
 *
 * The dynamic structures are found without symbols: _dynamic is the
 * first thing in the data segment.  Its pointers are run-time addresses;
 * we turn them into file offsets per segment (section 12.4), including
 * SunOS's "text relative to 0" quirk for version 2/3 programs, and check
 * every one against the file before reading.
 */
#include <stdio.h>
#include <string.h>

#include "aout.h"

static void	reloc_std(const struct aout *, const unsigned char *,
		    struct aout_reloc *);
static void	reloc_sparc(const unsigned char *, struct aout_reloc *);
static int	dyn_sdt(struct aout *, struct aout_dynamic *);

size_t
aout_nrelocs(const struct aout *a, bool data)
{
	uint64_t off = data ? a->dreloff : a->treloff;
	uint64_t len = data ? a->drsize : a->trsize;

	if (a->relsize == 0 || off >= a->file.size)
		return 0;
	if (len > a->file.size - off)
		len = a->file.size - off;
	return (size_t)(len / a->relsize);
}

static void
reloc_std(const struct aout *a, const unsigned char *p, struct aout_reloc *r)
{
	unsigned b = p[7];

	r->address = load32(p, a->big);
	if (a->big) {
		r->symbolnum = (uint32_t)p[4] << 16 | p[5] << 8 | p[6];
		r->pcrel = b & 0x80;
		r->length = (b >> 5) & 3;
		r->external = b & 0x10;
		r->baserel = b & 0x08;
		r->jmptable = b & 0x04;
		r->relative = b & 0x02;
		r->copy = b & 0x01;
		return;
	}
	r->symbolnum = (uint32_t)p[6] << 16 | p[5] << 8 | p[4];
	r->pcrel = b & 0x01;
	r->length = (b >> 1) & 3;
	r->external = b & 0x08;
	if (a->family == AOUT_NETBSD && a->mid == 143) {
		/* ARM6: r_neg comes before the RRS bits. */
		r->neg = b & 0x10;
		r->baserel = b & 0x20;
		r->jmptable = b & 0x40;
		r->relative = b & 0x80;
		return;
	}
	r->baserel = b & 0x10;
	r->jmptable = b & 0x20;
	r->relative = b & 0x40;
	r->copy = b & 0x80;
}

static void
reloc_sparc(const unsigned char *p, struct aout_reloc *r)
{
	r->extended = true;
	r->address = load32(p, true);
	r->symbolnum = (uint32_t)p[4] << 16 | p[5] << 8 | p[6];
	r->external = p[7] & 0x80;
	r->type = p[7] & 0x1f;
	r->addend = (int32_t)load32(p + 8, true);
	r->pcrel = (r->type >= 3 && r->type <= 7) || (r->type >= 17 &&
	    r->type <= 19);
	r->baserel = r->type >= 14 && r->type <= 16;
	r->jmptable = r->type == 22;
	r->relative = r->type == 23;
	r->copy = r->type == 24;
}

int
aout_reloc(struct aout *a, bool data, size_t i, struct aout_reloc *r)
{
	uint64_t off = data ? a->dreloff : a->treloff;
	const unsigned char *p;

	memset(r, 0, sizeof *r);
	if (i >= aout_nrelocs(a, data) || (p = span_range(a->file,
	    off + (uint64_t)i * a->relsize, a->relsize)) == NULL) {
		snprintf(a->err, sizeof a->err, "%s relocation %zu: past "
		    "end of file", data ? "data" : "text", i);
		return -1;
	}
	if (a->family == AOUT_PDP11) {
		/* One word per word: bit 0 pc-rel, 3..1 segment, 15..4 sym. */
		r->v7 = true;
		r->v7word = load16(p, false);
		r->address = (uint64_t)i * 2;
		r->pcrel = r->v7word & 1;
		r->external = (r->v7word & 016) == 010;
		r->symbolnum = r->external ? r->v7word >> 4 :
		    (r->v7word & 016u) >> 1;
		r->length = 1;
		return 0;
	}
	if (a->sparc)
		reloc_sparc(p, r);
	else
		reloc_std(a, p, r);
	return 0;
}

int
aout_text_off(const struct aout *a, const struct aout_dynamic *d,
    uint32_t v, uint64_t *off)
{
	uint64_t base = a->txtaddr;

	if (d->sunquirk)
		base = 0;
	else if (d->library)
		base = a->txtaddr >= a->pagesize ? a->txtaddr - a->pagesize : 0;
	if ((uint64_t)v + a->txtoff < base)
		return -1;
	*off = (uint64_t)v + a->txtoff - base;
	return *off < a->file.size ? 0 : -1;
}

int
aout_data_off(const struct aout *a, const struct aout_dynamic *d,
    uint32_t v, uint64_t *off)
{
	uint64_t base = a->dataddr;

	if (d->library)
		base = a->dataddr >= a->pagesize ? a->dataddr - a->pagesize : 0;
	if ((uint64_t)v + a->datoff < base)
		return -1;
	*off = (uint64_t)v + a->datoff - base;
	return *off < a->file.size ? 0 : -1;
}

unsigned
aout_jmpslot_size(const struct aout *a)
{
	return a->sparc ? 12 : 8;
}

/* Read the 14 words of the dispatch table and derive the RRS parts. */
static int
dyn_sdt(struct aout *a, struct aout_dynamic *d)
{
	uint32_t w[14];
	const unsigned char *p;
	size_t i;

	if (aout_data_off(a, d, d->sdt, &d->sdtoff) != 0 ||
	    (p = span_range(a->file, d->sdtoff, 56)) == NULL) {
		snprintf(a->err, sizeof a->err, "link_dynamic_2 at 0x%x is "
		    "outside the file", d->sdt);
		return -1;
	}
	for (i = 0; i < 14; i++)
		w[i] = load32(p + 4 * i, a->big);
	d->loaded = w[0]; d->need = w[1]; d->rules = w[2]; d->got = w[3];
	d->plt = w[4]; d->rel = w[5]; d->hash = w[6]; d->nzlist = w[7];
	d->stab_hash = w[8]; d->buckets = w[9]; d->strings = w[10];
	d->str_sz = w[11]; d->text_sz = w[12]; d->plt_sz = w[13];
	if (d->strings >= d->nzlist && aout_text_off(a, d, d->nzlist,
	    &d->symoff) == 0)
		d->nsyms = (d->strings - d->nzlist) / d->symsize;
	if (d->hash >= d->rel && aout_text_off(a, d, d->rel,
	    &d->reloff) == 0)
		d->nrels = (d->hash - d->rel) / a->relsize;
	if (aout_text_off(a, d, d->strings, &d->stroff) == 0) {
		d->strsize = a->file.size - d->stroff;
		if (d->str_sz < d->strsize)
			d->strsize = d->str_sz;
	}
	(void)aout_text_off(a, d, d->hash, &d->hashoff);
	(void)aout_data_off(a, d, d->plt, &d->pltoff);
	(void)aout_data_off(a, d, d->got, &d->gotoff);
	/* Clip the counts to what the file holds. */
	if (d->nsyms > 0 && (d->symoff >= a->file.size ||
	    d->nsyms > (a->file.size - d->symoff) / d->symsize))
		d->nsyms = d->symoff >= a->file.size ? 0 :
		    (a->file.size - d->symoff) / d->symsize;
	if (d->nrels > 0 && (d->reloff >= a->file.size ||
	    d->nrels > (a->file.size - d->reloff) / a->relsize))
		d->nrels = d->reloff >= a->file.size ? 0 :
		    (a->file.size - d->reloff) / a->relsize;
	return 0;
}

int
aout_dynamic(struct aout *a, struct aout_dynamic *d)
{
	const unsigned char *p;

	memset(d, 0, sizeof *d);
	if (!a->dynamic || a->family == AOUT_PDP11)
		return 1;
	d->dynoff = a->datoff;
	if ((p = span_range(a->file, d->dynoff, 12)) == NULL) {
		snprintf(a->err, sizeof a->err, "_DYNAMIC at offset %llu is "
		    "past end of file", (unsigned long long)d->dynoff);
		return -1;
	}
	d->version = load32(p, a->big);
	d->debug = load32(p + 4, a->big);
	d->sdt = load32(p + 8, a->big);
	if ((p = span_range(a->file, d->dynoff + 12, 4)) != NULL &&
	    a->family != AOUT_SUNOS)
		d->entry = load32(p, a->big);
	if (d->version != 2 && d->version != 3 && d->version != 8) {
		snprintf(a->err, sizeof a->err, "unknown _DYNAMIC version %u",
		    d->version);
		return -1;
	}
	d->symsize = d->version >= 8 ? 16 : 12;
	d->library = a->entry < a->pagesize && a->txtaddr >= a->pagesize;
	if (a->family == AOUT_SUNOS && a->txtaddr == 0)
		d->library = false;	/* already based at 0 */
	d->sunquirk = d->version < 8 && !d->library && a->txtaddr != 0;
	return dyn_sdt(a, d);
}

const char *
aout_text_string(const struct aout *a, const struct aout_dynamic *d,
    uint32_t addr)
{
	uint64_t off;
	const unsigned char *p;

	if (aout_text_off(a, d, addr, &off) != 0)
		return NULL;
	p = a->file.data + off;
	if (memchr(p, '\0', a->file.size - off) == NULL)
		return NULL;
	return (const char *)p;
}

int
aout_sod(struct aout *a, const struct aout_dynamic *d, uint32_t addr,
    struct aout_sod *s)
{
	const unsigned char *p;
	uint64_t off;
	uint32_t w;

	memset(s, 0, sizeof *s);
	s->addr = addr;
	if (aout_text_off(a, d, addr, &off) != 0 ||
	    (p = span_range(a->file, off, 16)) == NULL) {
		snprintf(a->err, sizeof a->err, "link_object at 0x%x is "
		    "outside the file", addr);
		return -1;
	}
	w = load32(p + 4, a->big);
	s->library = a->big ? (w >> 31) != 0 : (w & 1) != 0;
	s->major = load16(p + 8, a->big);
	s->minor = load16(p + 10, a->big);
	s->next = load32(p + 12, a->big);
	s->name = aout_text_string(a, d, load32(p, a->big));
	if (s->name == NULL) {
		snprintf(a->err, sizeof a->err, "link_object at 0x%x: name "
		    "at 0x%x is outside the file", addr, load32(p, a->big));
		s->name = "<corrupt>";
		return -1;
	}
	return 0;
}

int
aout_dynsym(struct aout *a, const struct aout_dynamic *d, size_t i,
    struct aout_dynsym *ds)
{
	const unsigned char *p;
	uint32_t strx;

	memset(ds, 0, sizeof *ds);
	ds->sym.name = "";
	if (i >= d->nsyms || (p = span_range(a->file, d->symoff +
	    (uint64_t)i * d->symsize, d->symsize)) == NULL) {
		snprintf(a->err, sizeof a->err, "RRS symbol %zu: past end "
		    "of file", i);
		return -1;
	}
	strx = load32(p, a->big);
	ds->sym.type = p[4];
	ds->sym.other = (int8_t)p[5];
	ds->sym.desc = (int16_t)load16(p + 6, a->big);
	ds->sym.value = load32(p + 8, a->big);
	if (d->symsize == 16)
		ds->size = load32(p + 12, a->big);
	/* No size prefix here: index 0 is a real name (section 12.5). */
	if (strx >= d->strsize || memchr(a->file.data + d->stroff + strx,
	    '\0', d->strsize - strx) == NULL) {
		snprintf(a->err, sizeof a->err, "RRS symbol %zu: string index "
		    "%u out of range (size %u)", i, strx, d->str_sz);
		ds->sym.name = "<corrupt>";
		return -1;
	}
	ds->sym.name = (const char *)a->file.data + d->stroff + strx;
	return 0;
}

int
aout_dynreloc(struct aout *a, const struct aout_dynamic *d, size_t i,
    struct aout_reloc *r)
{
	const unsigned char *p;

	memset(r, 0, sizeof *r);
	if (i >= d->nrels || (p = span_range(a->file, d->reloff +
	    (uint64_t)i * a->relsize, a->relsize)) == NULL) {
		snprintf(a->err, sizeof a->err, "RRS relocation %zu: past "
		    "end of file", i);
		return -1;
	}
	if (a->sparc)
		reloc_sparc(p, r);
	else
		reloc_std(a, p, r);
	return 0;
}
