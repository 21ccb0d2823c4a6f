/*
 * aout: decode the exec header of every a.out family we know and find
 * the parts of the file (../shared/spec/a.out.md sections 2 to 7).
 *
 * Word 0 alone rarely says which family wrote a file: a NetBSD midmag is
 * big-endian whatever the CPU, FreeBSD's is little-endian, 386BSD and the
 * VAX store the bare magic, and a PDP-11 header is eight 16-bit words that
 * can look like a FreeBSD one (text size 134 reads as MID 134).  So we
 * list every family the magic allows (section 7), lay the file out as
 * each would (section 6), and keep the candidate whose parts fit the file
 * best.  A file no candidate fits still parses, as the most likely one,
 * with a->truncated set and a->err saying what runs past the end: readelf
 * prints what it can, then the error.
 *
 * Every size in the header is attacker-controlled.  Fields are at most
 * 32 bits and we add at most eight of them in 64-bit arithmetic, so sums
 * cannot wrap; every read goes through span_range.
 */
#include <stdio.h>
#include <string.h>

#include "aout.h"

/* One way of reading the header. */
struct cand {
	enum aout_family family;
	bool		 big;
	unsigned	 magic, mid, flags;
	unsigned	 page;		/* for raw ZMAGIC: 1024 or 4096 */
	int		 score;		/* higher is a better fit */
	bool		 fits;		/* every part inside the file */
};

#define NCAND	12

static bool	magic_ok(unsigned);
static int	mid_order(unsigned);
static unsigned	mid_page(unsigned);
static size_t	list_cands(struct span, struct cand *);
static void	add_cand(struct cand *, size_t *, enum aout_family, bool,
		    unsigned, unsigned, unsigned, unsigned);
static void	layout(struct aout *, const struct cand *);
static void	layout_v7(struct aout *, const struct cand *);
static void	layout_bsd(struct aout *, const struct cand *);
static void	layout_sun(struct aout *, const struct cand *);
static int	fit(struct aout *, const struct cand *);
static uint64_t	roundup_p(uint64_t, uint64_t);
static void	aout_check(struct aout *);
static uint64_t	str_avail(const struct aout *);
static int	part_check(struct aout *, const char *, uint64_t, uint64_t);

static bool
magic_ok(unsigned m)
{
	return m == AOUT_OMAGIC || m == AOUT_NMAGIC || m == AOUT_ZMAGIC ||
	    m == AOUT_QMAGIC;
}

/* Byte order of a BSD MID: 1 big, 0 little, -1 unknown (section 4.2). */
static int
mid_order(unsigned mid)
{
	switch (mid) {
	case 1: case 2: case 135: case 136: case 138: case 142: case 144:
	case 149: case 151: case 153: case 154: case 156: case 200:
	case 300: case 0x20b: case 0x20c:
		return 1;
	case 100: case 134: case 137: case 139: case 140: case 141:
	case 143: case 150: case 152: case 157:
		return 0;
	default:
		return -1;
	}
}

static unsigned
mid_page(unsigned mid)
{
	switch (mid) {
	case 1: case 2: case 135: case 138:
		return 8192;
	case 140:
		return 1024;
	case 144:
		return 2048;
	default:
		return 4096;
	}
}

static uint64_t
roundup_p(uint64_t x, uint64_t p)
{
	return (x + p - 1) / p * p;
}

static void
add_cand(struct cand *c, size_t *n, enum aout_family f, bool big,
    unsigned magic, unsigned mid, unsigned flags, unsigned page)
{
	if (*n >= NCAND)
		return;
	memset(&c[*n], 0, sizeof c[*n]);
	c[*n].family = f;
	c[*n].big = big;
	c[*n].magic = magic;
	c[*n].mid = mid;
	c[*n].flags = flags;
	c[*n].page = page;
	(*n)++;
}

/* Every reading the first bytes allow, most likely first (section 7). */
static size_t
list_cands(struct span s, struct cand *c)
{
	const unsigned char *b = s.data;
	uint32_t be = load32(b, true), le = load32(b, false);
	unsigned mid;
	size_t n = 0;
	int o;

	if (s.size >= 32 && magic_ok(be & 0xffff)) {
		/* Mid 0 is far more often a raw big-endian header (m68k
		 * cross tools) than a pre-3.0 Sun-2: try raw first. */
		if ((be >> 16) == 0)
			add_cand(c, &n, AOUT_RAW, true, be, 0, 0, 8192);
		if (b[1] <= 3 && (b[0] & 0x7f) <= 1)
			add_cand(c, &n, AOUT_SUNOS, true, be & 0xffff, b[1],
			    b[0] >> 7, b[1] == 0 ? 2048 : 8192);
		mid = (be >> 16) & 0x3ff;
		if (mid >= 100 || mid == 1 || mid == 2) {
			o = mid_order(mid);
			if (o != 0)
				add_cand(c, &n, AOUT_NETBSD, true,
				    be & 0xffff, mid, be >> 26, mid_page(mid));
			if (o != 1)
				add_cand(c, &n, AOUT_NETBSD, false,
				    be & 0xffff, mid, be >> 26, mid_page(mid));
		}
		if (be == AOUT_ZMAGIC)
			add_cand(c, &n, AOUT_RAW, true, be, 0, 0, 4096);
	}
	if (s.size >= 32 && magic_ok(le & 0xffff)) {
		if ((le >> 16) == 0) {
			add_cand(c, &n, AOUT_RAW, false, le, 0, 0, 4096);
			if (le == AOUT_ZMAGIC || le == AOUT_NMAGIC)
				add_cand(c, &n, AOUT_RAW, false, le, 0, 0,
				    1024);
		}
		if (((le >> 16) & 0x3ff) == 134)
			add_cand(c, &n, AOUT_FREEBSD, false, le & 0xffff, 134,
			    le >> 26, 4096);
		if (((le >> 16) & 0xff) == 100 && (le >> 24) == 0)
			add_cand(c, &n, AOUT_LINUX, false, le & 0xffff, 100,
			    le >> 24, 4096);
	}
	mid = load16(b, false);
	/* A raw 32-bit header has zero in bytes 2-3, where V7 has a_text. */
	if ((le >> 16) == 0 && magic_ok(le))
		return n;
	if (s.size >= 16 && (mid == AOUT_OMAGIC || mid == AOUT_NMAGIC ||
	    mid == AOUT_IMAGIC || mid == AOUT_OVMAGIC))
		add_cand(c, &n, AOUT_PDP11, false, mid, 0, 0, 8192);
	return n;
}

/* PDP-11 V7: header, text, data, relocation words, symbols (2.6). */
static void
layout_v7(struct aout *a, const struct cand *c)
{
	const unsigned char *b = a->file.data;
	uint64_t rel;

	a->hdrsize = 16;
	a->text = load16(b + 2, false);
	a->data = load16(b + 4, false);
	a->bss = load16(b + 6, false);
	a->syms = load16(b + 8, false);
	a->entry = load16(b + 10, false);
	a->v7flag = load16(b + 14, false);
	a->nlistsize = 12;
	a->relsize = 2;
	rel = a->v7flag == 0 ? a->text + a->data : 0;
	a->trsize = a->v7flag == 0 ? a->text : 0;
	a->drsize = a->v7flag == 0 ? a->data : 0;
	a->txtoff = 16;
	a->datoff = 16 + a->text;
	a->treloff = a->datoff + a->data;
	a->dreloff = a->treloff + a->trsize;
	a->symoff = a->treloff + rel;
	a->stroff = a->symoff + a->syms;
	a->txtaddr = 0;
	if (c->magic == AOUT_NMAGIC)
		a->dataddr = roundup_p(a->text, 8192);
	else if (c->magic == AOUT_IMAGIC)
		a->dataddr = 0;
	else
		a->dataddr = a->text;
	a->pagesize = 8192;
	a->isobj = a->v7flag == 0;
}

/* SunOS 4 (section 6): header in text for ZMAGIC, segments of SEGSIZ. */
static void
layout_sun(struct aout *a, const struct cand *c)
{
	uint64_t p = c->page, seg;

	seg = c->mid == 0 ? 0x8000 : c->mid == 3 ? 0x2000 : 0x20000;
	a->txtaddr = c->mid == 0 ? 0x8000 : p;
	if (c->magic == AOUT_ZMAGIC) {
		a->txtoff = c->mid == 0 ? 0x800 : 0;
		a->hdr_in_text = c->mid != 0;
		if (a->entry < p && c->mid != 0)
			a->txtaddr = 0;		/* shared library */
		a->datoff = a->txtoff + a->text;
	} else {
		a->txtoff = 32;
		a->datoff = 32 + a->text;
		if (a->isobj)
			a->txtaddr = 0;
	}
	if (c->magic == AOUT_OMAGIC)
		a->dataddr = a->txtaddr + a->text;
	else
		a->dataddr = roundup_p(a->txtaddr + a->text, seg);
}

/* The BSD, FreeBSD, Linux and raw families (section 6 table). */
static void
layout_bsd(struct aout *a, const struct cand *c)
{
	uint64_t p = c->page, t = a->text;
	bool hdrtext = c->magic == AOUT_QMAGIC ||
	    (c->magic == AOUT_ZMAGIC && c->family == AOUT_NETBSD);

	a->hdr_in_text = hdrtext;
	if (hdrtext) {
		a->txtoff = 0;
		a->txtaddr = p;
		a->datoff = c->family == AOUT_LINUX ? t : roundup_p(t, p);
		a->dataddr = roundup_p(p + t, p);
		return;
	}
	if (c->magic == AOUT_ZMAGIC) {
		/* Header alone in the first page (or 1 KiB block). */
		a->txtoff = p;
		a->txtaddr = 0;
		if (c->family == AOUT_LINUX || p == 1024) {
			a->txtoff = 1024;
			a->datoff = 1024 + t;
		} else if (c->family == AOUT_FREEBSD)
			a->datoff = roundup_p(p + t, p);
		else
			a->datoff = p + roundup_p(t, p);
		a->dataddr = roundup_p(t, c->family == AOUT_LINUX ? 4096 : p);
		return;
	}
	a->txtoff = 32;
	a->datoff = 32 + t;
	a->txtaddr = 0;
	if (c->family == AOUT_NETBSD && !a->isobj)
		a->txtaddr = p;
	if (c->magic == AOUT_NMAGIC && c->family != AOUT_FREEBSD)
		a->dataddr = roundup_p(a->txtaddr + t, p);
	else
		a->dataddr = a->txtaddr + t;
}

/* Decode words 1..7 and lay the file out as candidate c says. */
static void
layout(struct aout *a, const struct cand *c)
{
	const unsigned char *b = a->file.data;
	uint64_t tr;

	a->family = c->family;
	a->big = c->big;
	a->magic = c->magic;
	a->mid = c->mid;
	a->flags = c->flags;
	a->pagesize = c->page;
	a->word0 = load32(b, true);
	a->hdr_in_text = false;
	a->exact = false;
	if (c->family == AOUT_PDP11) {
		layout_v7(a, c);
		return;
	}
	a->hdrsize = 32;
	a->text = load32(b + 4, c->big);
	a->data = load32(b + 8, c->big);
	a->bss = load32(b + 12, c->big);
	a->syms = load32(b + 16, c->big);
	a->entry = load32(b + 20, c->big);
	a->trsize = load32(b + 24, c->big);
	a->drsize = load32(b + 28, c->big);
	a->nlistsize = 12;
	a->sparc = (c->family == AOUT_SUNOS && c->mid == 3) ||
	    (c->family == AOUT_NETBSD && c->mid == 138);
	a->relsize = a->sparc ? 12 : 8;
	a->isobj = c->magic == AOUT_OMAGIC &&
	    (a->trsize != 0 || a->drsize != 0 || a->entry == 0);
	a->dynamic = (c->flags & 0x20) != 0 ||
	    (c->family == AOUT_SUNOS && c->flags != 0);
	if (c->family == AOUT_SUNOS) {
		a->toolversion = b[0] & 0x7f;
		layout_sun(a, c);
	} else
		layout_bsd(a, c);
	tr = a->datoff + a->data;
	if (c->family == AOUT_FREEBSD && (c->magic == AOUT_ZMAGIC ||
	    c->magic == AOUT_QMAGIC))
		tr = roundup_p(tr, c->page);
	a->treloff = tr;
	a->dreloff = a->treloff + a->trsize;
	a->symoff = a->dreloff + a->drsize;
	a->stroff = a->symoff + a->syms;
}

/*
 * How well the layout fits the file: negative when a part runs past the
 * end or a size is not a whole number of entries.
 */
static int
fit(struct aout *a, const struct cand *c)
{
	uint64_t size = a->file.size, end;
	const unsigned char *p;
	int score = 0;

	a->strsize = 0;
	if (a->syms % a->nlistsize != 0 || a->trsize % a->relsize != 0 ||
	    a->drsize % a->relsize != 0)
		score -= 100;
	if (a->family == AOUT_PDP11) {
		/*
		 * No string table, so nothing inside the file confirms a V7
		 * reading but an exact end: prefer any 32-bit reading, even
		 * a broken one, unless the sizes add up to the file size.
		 */
		end = a->stroff;
		if (end > size)
			return score - 2000;
		if (end < size)
			return score - 1500;
		return score + 20;
	}
	if (a->datoff + a->data > size)
		score -= 1000;
	if (a->stroff > size)
		return score - 1000;
	p = span_range(a->file, a->stroff, 4);
	if (p == NULL) {
		/* No string table: fine only without symbols. */
		if (a->syms != 0)
			return score - 500;
		if (a->stroff == size)
			score += 20;
	} else {
		a->strsize = load32(p, a->big);
		if (a->strsize < 4 || a->strsize > size - a->stroff)
			score -= 500;
		else if (a->stroff + a->strsize == size) {
			score += 20;
			a->exact = true;
		} else if (roundup_p(a->stroff + a->strsize, 2) == size)
			score += 10;
	}
	if (c->family == AOUT_NETBSD || c->family == AOUT_FREEBSD)
		score += mid_order(c->mid) >= 0 ? 5 : 0;
	else if (c->family == AOUT_SUNOS && c->mid != 0)
		score += 6;	/* Sun machtype beats MID_SUN010/020 */
	if ((c->magic == AOUT_ZMAGIC || c->magic == AOUT_QMAGIC) &&
	    a->text % c->page == 0)
		score += 2;
	return score;
}

bool
aout_probe(struct span s)
{
	struct cand c[NCAND];

	return s.size >= 16 && list_cands(s, c) > 0;
}

int
aout_parse(struct aout *a, struct span s)
{
	struct cand c[NCAND];
	size_t n, i, best = 0;
	uint64_t end;

	memset(a, 0, sizeof *a);
	a->file = s;
	if (s.size < 16) {
		snprintf(a->err, sizeof a->err,
		    "file too short for an a.out header (%llu bytes)",
		    (unsigned long long)s.size);
		return -1;
	}
	n = list_cands(s, c);
	if (n == 0) {
		snprintf(a->err, sizeof a->err, s.size < 32 ?
		    "file too short for an a.out header (%llu bytes)" :
		    "not an a.out file: unknown magic number",
		    (unsigned long long)s.size);
		return -1;
	}
	for (i = 0; i < n; i++) {
		layout(a, &c[i]);
		c[i].score = fit(a, &c[i]);
		if (c[i].score > c[best].score)
			best = i;
	}
	layout(a, &c[best]);
	fit(a, &c[best]);
	a->nsyms_claimed = (unsigned)(a->syms / a->nlistsize);
	end = a->symoff + a->syms;
	if (a->symoff >= s.size)
		a->nsyms = 0;
	else if (end > s.size)
		a->nsyms = (s.size - a->symoff) / a->nlistsize;
	else
		a->nsyms = a->syms / a->nlistsize;
	aout_check(a);
	return 0;
}

/* Note the first part past the end of the file in a->err. */
static int
part_check(struct aout *a, const char *what, uint64_t off, uint64_t len)
{
	if (len == 0 || span_range(a->file, off, len) != NULL)
		return 0;
	a->truncated = true;
	snprintf(a->err, sizeof a->err, "%s runs past end of file "
	    "(offset %llu, size %llu, file size %llu)", what,
	    (unsigned long long)off, (unsigned long long)len,
	    (unsigned long long)a->file.size);
	return -1;
}

static void
aout_check(struct aout *a)
{
	uint64_t left;

	if (a->syms % a->nlistsize != 0) {
		a->truncated = true;
		snprintf(a->err, sizeof a->err, "symbol table size %llu is "
		    "not a multiple of %u", (unsigned long long)a->syms,
		    a->nlistsize);
		return;
	}
	if (part_check(a, "text", a->txtoff, a->hdr_in_text ?
	    (a->text > 32 ? a->text - 32 : 0) : a->text) != 0 ||
	    part_check(a, "data", a->datoff, a->data) != 0 ||
	    part_check(a, "text relocations", a->treloff, a->trsize) != 0 ||
	    part_check(a, "data relocations", a->dreloff, a->drsize) != 0 ||
	    part_check(a, "symbol table", a->symoff, a->syms) != 0)
		return;
	if (a->family == AOUT_PDP11)
		return;
	left = a->stroff <= a->file.size ? a->file.size - a->stroff : 0;
	if (left < 4) {
		if (a->syms != 0) {
			a->truncated = true;
			snprintf(a->err, sizeof a->err, "string table missing "
			    "(offset %llu, file size %llu)",
			    (unsigned long long)a->stroff,
			    (unsigned long long)a->file.size);
		}
		return;
	}
	if (a->strsize < 4 || a->strsize > left) {
		a->truncated = true;
		snprintf(a->err, sizeof a->err, "bad string table size %llu "
		    "(%llu bytes after offset %llu)",
		    (unsigned long long)a->strsize, (unsigned long long)left,
		    (unsigned long long)a->stroff);
	}
}

/* Usable bytes of the string table: what the prefix claims and exists. */
static uint64_t
str_avail(const struct aout *a)
{
	uint64_t left;

	if (a->stroff >= a->file.size)
		return 0;
	left = a->file.size - a->stroff;
	return a->strsize < left ? a->strsize : left;
}

int
aout_sym(struct aout *a, size_t i, struct aout_sym *sym)
{
	const unsigned char *p, *q;
	uint64_t strx, avail;

	memset(sym, 0, sizeof *sym);
	sym->name = "";
	if (i >= a->nsyms || (p = span_range(a->file, a->symoff +
	    (uint64_t)i * a->nlistsize, a->nlistsize)) == NULL) {
		snprintf(a->err, sizeof a->err, "symbol %zu: past end of "
		    "symbol table", i);
		return -1;
	}
	if (a->family == AOUT_PDP11) {
		unsigned t = load16(p + 8, false);

		memcpy(sym->pdpname, p, 8);
		sym->pdpname[8] = '\0';
		sym->name = sym->pdpname;
		/* V7 types: 0 undf, 1 abs, 2 text, 3 data, 4 bss, 037 fn. */
		sym->type = (uint8_t)((t & 037) << 1 | (t & 040 ? 1 : 0));
		if ((t & 037) == 037)
			sym->type = AOUT_N_FN;
		else if ((t & 037) == 024 || (t & 037) > 4)
			/* N_REG and unknown types: register numbers. */
			sym->type = (uint8_t)(AOUT_N_ABS | (t & 040 ? 1 : 0));
		sym->desc = (int16_t)t;
		sym->value = load16(p + 10, false);
		return 0;
	}
	strx = load32(p, a->big);
	sym->type = p[4];
	sym->other = (int8_t)p[5];
	sym->desc = (int16_t)load16(p + 6, a->big);
	sym->value = load32(p + 8, a->big);
	if (strx == 0)
		return 0;
	avail = str_avail(a);
	if (strx < 4 || strx >= avail) {
		snprintf(a->err, sizeof a->err, "symbol %zu: string index "
		    "%llu out of range (string table size %llu)", i,
		    (unsigned long long)strx, (unsigned long long)a->strsize);
		sym->name = "<corrupt>";
		return -1;
	}
	q = a->file.data + a->stroff + strx;
	if (memchr(q, '\0', avail - strx) == NULL) {
		snprintf(a->err, sizeof a->err, "symbol %zu: name at string "
		    "index %llu is not terminated", i,
		    (unsigned long long)strx);
		sym->name = "<corrupt>";
		return -1;
	}
	sym->name = (const char *)q;
	return 0;
}
