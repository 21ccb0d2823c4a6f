/*
 * symbols: filter the static symbol table (.symtab) and rewrite what
 * refers to it by index: relocation sections (r_info's symbol field),
 * section groups (the signature in sh_info) and the extended section
 * index table (SHT_SYMTAB_SHNDX).  The dynamic symbol table is never
 * touched.  Entry layouts are the gABI's Elf32_Sym/Elf64_Sym and
 * Elf32_Rel(a)/Elf64_Rel(a); MIPS64 little-endian keeps r_sym in the low
 * word of r_info (the MIPS64 ELF supplement), which we honour.
 *
 * A symbol that a kept relocation or group uses is always kept: it is
 * the one thing that makes a stripped object still link.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strip.h"
#include "xalloc.h"

#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_RELA	4
#define SHT_REL		9
#define SHT_GROUP	17
#define SHT_SYMTAB_SHNDX 18
#define SHT_LLVM_ADDRSIG 0x6fff4c03
#define SHN_LORESERVE	0xff00
#define SHN_XINDEX	0xffff
#define STB_LOCAL	0
#define STT_SECTION	3
#define STT_FILE	4
#define ET_REL		1
#define EM_MIPS		8

/* The decoded fields of one symbol that the decisions need. */
struct symv {
	uint64_t	 name;
	unsigned	 bind, type;
	uint64_t	 rawshndx, shndx;	/* shndx: XINDEX resolved */
	const char	*str;
};

static int find_tables(struct eimg *);
static int mark_needed(struct eimg *);
static int read_sym(struct eimg *, size_t, struct symv *);
static bool keep_sym(struct eimg *, const struct strip_opts *,
    const struct symv *, size_t);
static void drop_symtab_if_empty(struct eimg *);
static int rewrite_rel(struct eimg *, struct esect *);
static void rewrite_group(struct eimg *, struct esect *, bool);
static void encode_symtab(struct eimg *);
static int rewrite_addrsig(struct eimg *, struct esect *);

static const unsigned char *
sym_at(const struct eimg *img, size_t i)
{
	return img->in.data + img->sec[img->symtab].off + i * img->symsize;
}

static bool
is_rel(const struct esect *s)
{
	return s->type == SHT_REL || s->type == SHT_RELA;
}

/* Local labels that -X removes: gas's ".L" and its relatives. */
static bool
is_local_label(const char *name)
{
	return strncmp(name, ".L", 2) == 0 || strncmp(name, "..", 2) == 0 ||
	    strncmp(name, "_.L_", 4) == 0;
}

int
symbols_filter(struct eimg *img, const struct strip_opts *o)
{
	struct symv v;
	size_t i, n = 1;

	if (find_tables(img) == -1)
		return -1;
	if (img->symtab == 0)
		return 0;
	if (mark_needed(img) == -1)
		return -1;
	img->symmap = xreallocarray(NULL, img->nsyms, sizeof(uint32_t));
	img->symname = xcalloc(img->nsyms, sizeof(uint64_t));
	img->symstr_shared = img->sec[img->symtab].link == img->shstrndx;
	strtab_init(&img->symstr, img->nsyms);
	img->symmap[0] = 0;
	for (i = 1; i < img->nsyms; i++) {
		img->symmap[i] = NOSYM;
		if (read_sym(img, i, &v) == -1)
			return -1;
		if (!keep_sym(img, o, &v, i))
			continue;
		if (v.shndx != 0 && v.shndx < img->shnum &&
		    img->sec[v.shndx].remove)
			return elfin_fail(img, "symbol %s is needed by "
			    "relocations but its section %s is removed",
			    v.str, img->sec[v.shndx].sname);
		img->symname[n] = strtab_add_str(&img->symstr, v.str);
		img->symmap[i] = (uint32_t)n++;
	}
	img->newnsyms = n;
	drop_symtab_if_empty(img);
	return 0;
}

/* The one SHT_SYMTAB that is kept, its strings and extended indexes. */
static int
find_tables(struct eimg *img)
{
	const struct esect *st, *x;
	size_t i;

	for (i = 1; i < img->shnum; i++) {
		if (img->sec[i].remove || img->sec[i].type != SHT_SYMTAB)
			continue;
		if (img->symtab != 0)
			return elfin_fail(img, "more than one symbol table");
		img->symtab = i;
	}
	if (img->symtab == 0)
		return 0;
	st = &img->sec[img->symtab];
	if (st->entsize != img->symsize || st->size % img->symsize != 0 ||
	    st->size == 0)
		return elfin_fail(img, "section %s: bad symbol table size",
		    st->sname);
	img->nsyms = (size_t)(st->size / img->symsize);
	x = &img->sec[st->link];
	if (x->type != SHT_STRTAB || x->size == 0 ||
	    img->in.data[x->off + x->size - 1] != '\0')
		return elfin_fail(img, "section %s: bad string table",
		    st->sname);
	for (i = 1; i < img->shnum; i++) {
		x = &img->sec[i];
		if (x->remove || x->type != SHT_SYMTAB_SHNDX ||
		    x->link != img->symtab)
			continue;
		if (x->size / 4 < img->nsyms)
			return elfin_fail(img, "section %s: too small",
			    x->sname);
		img->symshndx = i;
	}
	return 0;
}

static uint64_t
rel_sym(const struct eimg *img, const unsigned char *r)
{
	uint64_t info;

	if (!img->is64)
		return elfin_word(img, r + 4, 4) >> 8;
	info = elfin_word(img, r + 8, 8);
	if (img->machine == EM_MIPS && !img->big)
		return info & 0xffffffffu;
	return info >> 32;
}

static int
check_rel(struct eimg *img, const struct esect *s)
{
	uint64_t want = s->type == SHT_RELA ? (img->is64 ? 24 : 12) :
	    (img->is64 ? 16 : 8);

	if (s->entsize != want || s->size % want != 0)
		return elfin_fail(img, "section %s: bad relocation entry size",
		    s->sname);
	return 0;
}

static int
mark_needed(struct eimg *img)
{
	size_t i, j, n;

	img->needed = xcalloc(img->nsyms, sizeof(bool));
	for (i = 1; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (s->remove || s->link != img->symtab)
			continue;
		if (s->type == SHT_GROUP) {
			if (s->info >= img->nsyms)
				return elfin_fail(img, "section %s: signature "
				    "symbol out of range", s->sname);
			img->needed[s->info] = true;
			continue;
		}
		if (!is_rel(s))
			continue;
		if (check_rel(img, s) == -1)
			return -1;
		n = (size_t)(s->size / s->entsize);
		for (j = 0; j < n; j++) {
			uint64_t k = rel_sym(img,
			    img->in.data + s->off + j * s->entsize);

			if (k >= img->nsyms)
				return elfin_fail(img, "section %s: relocation "
				    "%zu: symbol index %llu out of range",
				    s->sname, j, (unsigned long long)k);
			img->needed[k] = true;
		}
	}
	return 0;
}

static int
read_sym(struct eimg *img, size_t i, struct symv *v)
{
	const unsigned char *p = sym_at(img, i);
	const struct esect *st = &img->sec[img->sec[img->symtab].link];
	unsigned info;

	v->name = elfin_word(img, p, 4);
	if (img->is64) {
		info = p[4];
		v->rawshndx = elfin_word(img, p + 6, 2);
	} else {
		info = p[12];
		v->rawshndx = elfin_word(img, p + 14, 2);
	}
	v->bind = info >> 4;
	v->type = info & 0xf;
	v->shndx = v->rawshndx;
	if (v->rawshndx == SHN_XINDEX && img->symshndx != 0)
		v->shndx = elfin_word(img, img->in.data +
		    img->sec[img->symshndx].off + 4 * i, 4);
	else if (v->rawshndx >= SHN_LORESERVE)
		v->shndx = 0;		/* ABS, COMMON and friends */
	if (v->shndx >= img->shnum)
		return elfin_fail(img, "symbol %zu: section index %llu out of "
		    "range", i, (unsigned long long)v->shndx);
	if (v->name >= st->size)
		return elfin_fail(img, "symbol %zu: name offset out of range",
		    i);
	v->str = (const char *)img->in.data + st->off + v->name;
	return 0;
}

/* The rules of GNU strip's filter_symbols, in the order they apply. */
static bool
keep_sym(struct eimg *img, const struct strip_opts *o,
    const struct symv *v, size_t i)
{
	bool rel = img->type == ET_REL;
	bool all = o->strip_all && !rel;
	bool unneeded = o->strip_unneeded || (o->strip_all && rel);
	bool gone = v->shndx != 0 && img->sec[v->shndx].remove;

	if (plan_match(&o->keep_symbol, v->str, o->wildcard) && !gone)
		return true;
	if (plan_match(&o->strip_symbol, v->str, o->wildcard)) {
		if (!img->needed[i])
			return false;
		diag_warn(img->where, "not stripping symbol %s: a relocation "
		    "uses it", v->str);
		return true;
	}
	if (img->needed[i])
		return true;
	if (gone || all)
		return false;
	if (v->type == STT_FILE)
		return o->keep_file_symbols ||
		    !(o->strip_debug || unneeded);
	if (v->type == STT_SECTION)
		return !unneeded;
	if (v->bind == STB_LOCAL) {
		if (unneeded || o->discard_all)
			return false;
		return !(o->discard_locals && is_local_label(v->str));
	}
	if (unneeded)
		return rel && v->rawshndx != 0;
	return true;
}

/* With nothing but the null symbol left and no user, .symtab goes. */
static void
drop_symtab_if_empty(struct eimg *img)
{
	size_t i;

	if (img->newnsyms > 1)
		return;
	for (i = 1; i < img->shnum; i++) {
		const struct esect *s = &img->sec[i];

		if (!s->remove && s->link == img->symtab &&
		    s->type != SHT_SYMTAB_SHNDX && i != img->symtab)
			return;
	}
	img->sec[img->symtab].remove = true;
	if (img->symshndx != 0)
		img->sec[img->symshndx].remove = true;
	img->symtab = img->symshndx = 0;
	img->symstr_shared = false;
}

int
symbols_rewrite_refs(struct eimg *img)
{
	size_t i;

	if (img->symtab != 0)
		encode_symtab(img);
	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];
		bool mine = img->symtab != 0 && s->link == img->symtab;

		if (s->remove)
			continue;
		if (is_rel(s) && mine && rewrite_rel(img, s) == -1)
			return -1;
		if (s->type == SHT_GROUP)
			rewrite_group(img, s, mine);
		if (s->type == SHT_LLVM_ADDRSIG && mine &&
		    rewrite_addrsig(img, s) == -1)
			return -1;
	}
	return 0;
}

/* The new section index a symbol's st_shndx (and extension) gets. */
static void
new_shndx(const struct eimg *img, const struct symv *v, uint64_t *raw,
    uint64_t *ext)
{
	uint64_t n;

	*ext = 0;
	*raw = v->rawshndx;
	if (v->rawshndx == 0 || (v->rawshndx >= SHN_LORESERVE &&
	    v->rawshndx != SHN_XINDEX))
		return;
	n = img->sec[v->shndx].newidx;
	if (n >= SHN_LORESERVE) {
		*raw = SHN_XINDEX;
		*ext = n;
	} else
		*raw = n;
}

static void
encode_symtab(struct eimg *img)
{
	struct esect *st = &img->sec[img->symtab];
	struct esect *xs = img->symshndx ? &img->sec[img->symshndx] : NULL;
	unsigned char *out, *q;
	uint64_t raw, ext, firstglobal = 0;
	struct symv v;
	size_t i;

	st->bufsize = (uint64_t)img->newnsyms * img->symsize;
	st->buf = out = xcalloc(img->newnsyms, img->symsize);
	if (xs != NULL) {
		xs->bufsize = (uint64_t)img->newnsyms * 4;
		xs->buf = xcalloc(img->newnsyms, 4);
	}
	memcpy(out, sym_at(img, 0), img->symsize);
	for (i = 1; i < img->nsyms; i++) {
		uint32_t n = img->symmap[i];

		if (n == NOSYM)
			continue;
		(void)read_sym(img, i, &v);	/* checked in the filter */
		q = out + (size_t)n * img->symsize;
		memcpy(q, sym_at(img, i), img->symsize);
		elfin_put(img, q, 4, img->symname[n]);
		new_shndx(img, &v, &raw, &ext);
		elfin_put(img, q + (img->is64 ? 6 : 14), 2, raw);
		if (xs != NULL)
			elfin_put(img, xs->buf + 4 * (size_t)n, 4, ext);
		if (v.bind != STB_LOCAL && firstglobal == 0)
			firstglobal = n;
	}
	st->info = firstglobal != 0 ? firstglobal : img->newnsyms;
	if (!img->symstr_shared) {
		struct esect *ss = &img->sec[st->link];

		ss->bufsize = img->symstr.len;
		ss->buf = xmalloc(img->symstr.len);
		memcpy(ss->buf, img->symstr.buf, img->symstr.len);
	}
}

static int
rewrite_rel(struct eimg *img, struct esect *s)
{
	size_t j, n = (size_t)(s->size / s->entsize);
	unsigned char *r;
	uint64_t k, info;

	s->bufsize = s->size;
	s->buf = xmalloc(s->size ? (size_t)s->size : 1);
	memcpy(s->buf, img->in.data + s->off, (size_t)s->size);
	for (j = 0; j < n; j++) {
		r = s->buf + j * s->entsize;
		k = img->symmap[rel_sym(img, r)];
		if (!img->is64) {
			info = elfin_word(img, r + 4, 4);
			elfin_put(img, r + 4, 4, (info & 0xff) | k << 8);
		} else if (img->machine == EM_MIPS && !img->big) {
			info = elfin_word(img, r + 8, 8);
			elfin_put(img, r + 8, 8,
			    (info & ~(uint64_t)0xffffffffu) | k);
		} else {
			info = elfin_word(img, r + 8, 8);
			elfin_put(img, r + 8, 8, (info & 0xffffffffu) | k << 32);
		}
	}
	return 0;
}

static void
rewrite_group(struct eimg *img, struct esect *s, bool mine)
{
	const unsigned char *p = img->in.data + s->off;
	size_t j, n = (size_t)(s->size / 4), k = 1;
	uint64_t m;

	s->buf = xmalloc((size_t)s->size);
	memcpy(s->buf, p, 4);
	for (j = 1; j < n; j++) {
		m = elfin_word(img, p + 4 * j, 4);
		if (!img->sec[m].remove)
			elfin_put(img, s->buf + 4 * k++, 4,
			    img->sec[m].newidx);
	}
	s->bufsize = 4 * (uint64_t)k;
	if (mine)
		s->info = img->symmap[s->info];
}

/*
 * LLVM's address-significance table is a list of ULEB128 symbol
 * indexes: renumber it, leaving out symbols that are gone.  (GNU strip
 * zeroes its sh_link instead, which makes linkers ignore it.)
 */
static int
rewrite_addrsig(struct eimg *img, struct esect *s)
{
	const unsigned char *p = img->in.data + s->off, *end = p + s->size;
	unsigned char *q;
	uint64_t v, n;
	unsigned shift;

	s->buf = q = xmalloc(s->size > 0 ? (size_t)s->size : 1);
	while (p < end) {
		for (v = 0, shift = 0; p < end; shift += 7) {
			if (shift > 63)
				return elfin_fail(img, "section %s: bad ULEB128",
				    s->sname);
			v |= (uint64_t)(*p & 0x7f) << shift;
			if (!(*p++ & 0x80))
				break;
		}
		if (p[-1] & 0x80)
			return elfin_fail(img, "section %s: truncated ULEB128",
			    s->sname);
		if (v >= img->nsyms)
			return elfin_fail(img, "section %s: symbol index %llu "
			    "out of range", s->sname, (unsigned long long)v);
		if ((n = img->symmap[v]) == NOSYM)
			continue;
		do {
			*q++ = (unsigned char)((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
			n >>= 7;
		} while (n != 0);
	}
	s->bufsize = (uint64_t)(q - s->buf);
	return 0;
}

/*
 * When a loaded section's header is removed, the sections after it are
 * renumbered, and .dynsym's st_shndx fields must follow.  The table is
 * patched in place (same size, same offset): the loader only tells
 * defined from undefined, which does not change.
 */
int
symbols_patch_dynsym(struct eimg *img)
{
	bool shifted = false, gap = false;
	size_t i, j, n;

	for (i = 1; i < img->shnum && !shifted; i++) {
		if (img->sec[i].remove)
			gap = true;
		else if (gap)
			shifted = true;
	}
	if (!shifted)
		return 0;
	for (i = 1; i < img->shnum; i++) {
		struct esect *s = &img->sec[i];

		if (s->remove || s->type != 11 || s->buf != NULL)
			continue;
		if (s->entsize != img->symsize || s->size % img->symsize != 0)
			return elfin_fail(img, "section %s: bad symbol table "
			    "size", s->sname);
		n = (size_t)(s->size / img->symsize);
		s->buf = xmalloc(s->size ? (size_t)s->size : 1);
		s->bufsize = s->size;
		memcpy(s->buf, img->in.data + s->off, (size_t)s->size);
		for (j = 1; j < n; j++) {
			unsigned char *q = s->buf + j * img->symsize +
			    (img->is64 ? 6 : 14);
			uint64_t k = elfin_word(img, q, 2);

			if (k == 0 || k >= SHN_LORESERVE)
				continue;
			if (k >= img->shnum || img->sec[k].remove)
				return elfin_fail(img, "dynamic symbol %zu is "
				    "defined in a removed or missing section", j);
			elfin_put(img, q, 2, img->sec[k].newidx);
		}
	}
	return 0;
}
