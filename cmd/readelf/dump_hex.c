/*
 * -x, -p and -R: section contents as hex and ASCII, as strings, or as hex
 * after applying the relocations against the section (relocatable files
 * only, and only the plain absolute and PC-relative types GNU applies:
 * x86-64, i386 and AArch64 here).  Requests name a section by number or
 * by name (every section of that name) and are served in section order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "diag.h"
#include "readelf.h"
#include "xalloc.h"

#define WANT_HEX	1
#define WANT_RELOC	2
#define WANT_STRING	4

static void	dump_bytes(struct relf *, size_t, bool);
static void	dump_strings(struct relf *, size_t);

void
dump_sections(struct relf *f)
{
	const struct readelf_opts *o = f->opts;
	unsigned *want = xcalloc(f->shnum + 1, sizeof(*want));
	bool *found = xcalloc(o->ndumps, sizeof(*found));
	size_t i, j;
	unsigned bit;

	for (j = 0; j < o->ndumps; j++) {
		bit = o->dumps[j].kind == DUMP_HEX ? WANT_HEX :
		    o->dumps[j].kind == DUMP_RELOC ? WANT_RELOC : WANT_STRING;
		if (o->dumps[j].name == NULL) {
			if (o->dumps[j].num < f->shnum) {
				want[o->dumps[j].num] |= bit;
				found[j] = true;
			}
			continue;
		}
		for (i = 0; i < f->shnum; i++)
			if (strcmp(relf_secname(f, i), o->dumps[j].name) == 0) {
				want[i] |= bit;
				found[j] = true;
			}
	}
	for (i = 0; i < f->shnum; i++) {
		if (want[i] & WANT_HEX)
			dump_bytes(f, i, false);
		if (want[i] & WANT_RELOC)
			dump_bytes(f, i, true);
		if (want[i] & WANT_STRING)
			dump_strings(f, i);
	}
	fflush(stdout);
	for (j = 0; j < o->ndumps; j++) {
		if (found[j])
			continue;
		if (o->dumps[j].name != NULL)
			diag_warn(f->name, "section '%s' was not dumped because "
			    "it does not exist", o->dumps[j].name);
		else
			diag_warn(f->name, "section %lu was not dumped because "
			    "it does not exist", o->dumps[j].num);
	}
	free(want);
	free(found);
}

/* The section's bytes, or NULL after "has no data to dump". */
static const unsigned char *
contents(struct relf *f, size_t idx, uint64_t *size)
{
	const unsigned char *p;

	if (f->sh[idx].sh_size == 0 || f->sh[idx].sh_type == SHT_NOBITS) {
		out("Section '%s' has no data to dump.\n",
		    secname_print(f, idx));
		return NULL;
	}
	p = relf_secdata(f, idx, size);
	return p;
}

/* Is any relocation section aimed at section idx? */
static bool
has_relocs(const struct relf *f, size_t idx)
{
	size_t i;

	for (i = 0; i < f->shnum; i++)
		if ((f->sh[i].sh_type == SHT_REL || f->sh[i].sh_type ==
		    SHT_RELA) && f->sh[i].sh_info == idx &&
		    f->sh[i].sh_size != 0 && f->sh[i].sh_link < f->eh.e_shnum)
			return true;
	return false;
}

static void
dump_bytes(struct relf *f, size_t idx, bool relocate)
{
	const unsigned char *p;
	unsigned char *copy = NULL;
	uint64_t size, addr = f->sh[idx].sh_addr, i;
	int j, n;

	if ((p = contents(f, idx, &size)) == NULL)
		return;
	out("\nHex dump of section '%s':\n", secname_print(f, idx));
	if (relocate && f->eh.e_type == ET_REL) {
		copy = xmalloc(size);
		memcpy(copy, p, size);
		reloc_apply(f, idx, copy, size);
		p = copy;
	} else if (!relocate && has_relocs(f, idx))
		out(" NOTE: This section has relocations against it, but these "
		    "have NOT been applied to this dump.\n");
	for (i = 0; i < size; i += 16, addr += 16) {
		n = size - i > 16 ? 16 : (int)(size - i);
		out("  0x%8.8jx ", (uintmax_t)addr);
		for (j = 0; j < 16; j++) {
			if (j < n)
				out("%2.2x", p[i + j]);
			else
				out("  ");
			if ((j & 3) == 3)
				out(" ");
		}
		for (j = 0; j < n; j++)
			putchar(p[i + j] >= ' ' && p[i + j] < 0x7f ? p[i + j] :
			    '.');
		out("\n");
	}
	out("\n");
	free(copy);
}

/*
 * A byte above 0x7f: GNU prints it and skips the rest of the character
 * it starts in the current locale.  Returns the bytes to skip.
 */
static size_t
print_multibyte(const unsigned char *p, const unsigned char *end,
    mbstate_t *st)
{
	size_t n;
	wchar_t w;

	putchar(*p);
	n = mbrtowc(&w, (const char *)p, MB_CUR_MAX, st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
		return 0;
	if (n - 1 > (size_t)(end - p - 1))
		return (size_t)(end - p - 1);
	return n - 1;
}

static void
dump_strings(struct relf *f, size_t idx)
{
	const unsigned char *p, *start, *end;
	bool shown = false, cont = false;
	uint64_t size;
	unsigned char c = 0;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	if ((start = contents(f, idx, &size)) == NULL)
		return;
	out("\nString dump of section '%s':\n", secname_print(f, idx));
	if (has_relocs(f, idx))
		out(" NOTE: This section has relocations against it, but these "
		    "have NOT been applied to this dump.\n");
	for (p = start, end = start + size; p < end; ) {
		while (p < end && !(*p >= 0x20 && *p < 0x7f))
			p++;
		if (p >= end)
			break;
		if (cont)
			out("            ");
		else
			out("  [%6tx]  ", p - start);
		cont = false;
		while (p < end) {
			c = *p++;
			if (c == 0)
				break;
			if (c == '\n') {
				out("\\n\n");
				if (p < end && *p != 0)
					cont = true;
				break;
			}
			if (c < 0x20 || c == 0x7f)
				out("^%c", (char)(c + 0x40));
			else if (c < 0x80)
				putchar(c);
			else
				p += print_multibyte(p - 1, end, &st);
		}
		if (c != '\n')
			out("\n");
		shown = true;
	}
	if (!shown)
		out("  No strings found in this section.");
	out("\n");
}

/*
 * The relocations GNU's -R applies, by machine: the plain absolute and
 * PC-relative data relocations (GNU's is_32bit_abs_reloc and friends);
 * any other type leaves the bytes as they are.
 */
static const struct rkind {
	uint16_t	 machine;
	uint16_t	 abs32, abs32b, pc32, abs64, abs64b, pc64;
} rkinds[] = {
	/* 0 means none: no machine here uses type 0 for these. */
	{ EM_386,	1, 0, 2, 0, 0, 0 },
	{ EM_X86_64,	10, 0, 2, 1, 0, 24 },
	{ EM_AARCH64,	258, 0, 261, 257, 0, 260 },
	{ EM_ARM,	2, 0, 3, 0, 0, 0 },
	{ EM_MIPS,	2, 0, 248, 18, 0, 0 },
	{ EM_PPC,	1, 0, 26, 0, 0, 0 },
	{ EM_PPC64,	1, 0, 26, 38, 0, 44 },
	{ EM_RISCV,	1, 0, 57, 2, 0, 0 },
	{ EM_S390,	4, 0, 5, 22, 0, 23 },
	{ EM_SPARC,	3, 23, 6, 32, 54, 46 },
	{ EM_SPARC32PLUS, 3, 23, 6, 32, 54, 46 },
	{ EM_SPARCV9,	3, 23, 6, 32, 54, 46 },
	{ 258,		1, 0, 99, 2, 0, 109 },	/* EM_LOONGARCH */
	{ EM_ALPHA,	1, 0, 10, 2, 0, 11 },
	{ EM_68K,	1, 0, 4, 0, 0, 0 },
	{ EM_SH,	1, 0, 2, 0, 0, 0 },
};

/* The size GNU applies a relocation of type t with (0: not at all). */
static int
reloc_kind(unsigned m, uint32_t t, bool *pc)
{
	const struct rkind *k;
	size_t i;

	*pc = false;
	for (i = 0; i < sizeof(rkinds) / sizeof(rkinds[0]); i++) {
		k = &rkinds[i];
		if (k->machine != m || t == 0)
			continue;
		if (t == k->abs32 || t == k->abs32b)
			return 4;
		if (t == k->abs64 || t == k->abs64b)
			return 8;
		*pc = t == k->pc32 || t == k->pc64;
		return t == k->pc32 ? 4 : t == k->pc64 ? 8 : 0;
	}
	return 0;
}

/*
 * RISC-V's in-place arithmetic: ADDn and SUBn add or subtract S + A to
 * the field, SETn store it, SUB6 and SET6 keep the byte's top two bits
 * (psABI "Relocations").  Returns whether the type is one of them.
 */
static bool
riscv_reloc(struct relf *f, unsigned char *d, uint64_t size, uint64_t off,
    uint32_t type, int64_t addend, const unsigned char *syms, uint64_t symi,
    size_t nsyms)
{
	static const signed char width[] = {	/* types 33 to 56 */
	    1, 2, 4, 8, 1, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
	    2, 4 };
	uint64_t sv, old, v;
	GElf_Sym s;
	int n;

	if (type < 33 || type > 56 || (n = width[type - 33]) == 0)
		return false;
	if (symi >= nsyms || off > size || size - off < (uint64_t)n)
		return true;
	relf_sym(f, syms + symi * (f->is64 ? 24 : 16), &s);
	sv = s.st_value + (uint64_t)addend;
	old = n == 1 ? d[off] : relf_word(f, d + off, n);
	if (type <= 36)
		v = old + sv;
	else if (type <= 40)
		v = old - sv;
	else if (type == 52)
		v = (old & 0xc0) | ((old - sv) & 0x3f);
	else if (type == 53)
		v = (old & 0xc0) | (sv & 0x3f);
	else
		v = sv;
	if (n == 1)
		d[off] = (unsigned char)v;
	else if (n == 2)
		store16(d + off, (uint16_t)v, f->big);
	else if (n == 4)
		store32(d + off, (uint32_t)v, f->big);
	else
		store64(d + off, v, f->big);
	return true;
}

static void
apply_one(struct relf *f, unsigned char *d, uint64_t size, uint64_t off,
    uint64_t info, int64_t addend, bool rela, const unsigned char *syms,
    size_t nsyms)
{
	uint64_t symi = f->is64 ? info >> 32 : info >> 8, v;
	uint32_t type = f->is64 ? (uint32_t)info : info & 0xff;
	GElf_Sym s;
	bool pc;
	int sz;

	/* MIPS64 r_info: a 32-bit symbol, then four one-byte fields. */
	if (f->is64 && f->eh.e_machine == EM_MIPS) {
		symi = f->big ? info >> 32 : info & 0xffffffff;
		type = f->big ? info & 0xff : (info >> 56) & 0xff;
	}
	if (f->eh.e_machine == EM_RISCV && riscv_reloc(f, d, size, off, type,
	    addend, syms, symi, nsyms))
		return;
	if ((sz = reloc_kind(f->eh.e_machine, type, &pc)) == 0)
		return;
	if (off > size || size - off < (uint64_t)sz || symi >= nsyms)
		return;
	relf_sym(f, syms + symi * (f->is64 ? 24 : 16), &s);
	/* GNU skips symbols of the types after STT_SECTION but COMMON. */
	if (symi != 0 && GELF_ST_TYPE(s.st_info) != STT_COMMON &&
	    GELF_ST_TYPE(s.st_info) > STT_SECTION)
		return;
	if (!rela)
		addend = (int64_t)relf_word(f, d + off, sz);
	v = (uint64_t)addend + s.st_value - (pc ? off : 0);
	if (sz == 2)
		store16(d + off, (uint16_t)v, f->big);
	else if (sz == 4)
		store32(d + off, (uint32_t)v, f->big);
	else
		store64(d + off, v, f->big);
}

void
reloc_apply(struct relf *f, size_t idx, unsigned char *d, uint64_t size)
{
	const unsigned char *r, *syms;
	uint64_t rsize, ssize, i;
	size_t k, esz, w = f->is64 ? 8 : 4;
	bool rela;

	for (k = 0; k < f->shnum; k++) {
		if ((f->sh[k].sh_type != SHT_REL && f->sh[k].sh_type !=
		    SHT_RELA) || f->sh[k].sh_info != idx ||
		    f->sh[k].sh_link >= f->shnum)
			continue;
		if (f->sh[f->sh[k].sh_link].sh_type != SHT_SYMTAB &&
		    f->sh[f->sh[k].sh_link].sh_type != SHT_DYNSYM)
			continue;
		rela = f->sh[k].sh_type == SHT_RELA;
		esz = w * (rela ? 3 : 2);
		if ((r = relf_secdata(f, k, &rsize)) == NULL ||
		    (syms = relf_secdata(f, f->sh[k].sh_link, &ssize)) == NULL)
			continue;
		for (i = 0; i + esz <= rsize; i += esz)
			apply_one(f, d, size, relf_word(f, r + i, (int)w),
			    relf_word(f, r + i + w, (int)w), rela ?
			    (f->is64 ? (int64_t)load64(r + i + 16, f->big) :
			    (int32_t)load32(r + i + 8, f->big)) : 0, rela, syms,
			    ssize / (f->is64 ? 24 : 16));
	}
}
