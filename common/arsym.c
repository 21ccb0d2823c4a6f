/*
 * arsym: collect the symbols an archive index names, reading ELF symbol
 * tables in place (gABI "Object Files": the ELF header, section headers
 * and symbol table entries, in either class and byte order).
 *
 * Which symbols GNU ar lists is decided in two places in BFD: the ELF
 * reader gives each symbol flags (STB_GLOBAL defined outside SHN_COMMON
 * is "global", STB_WEAK "weak", STB_GNU_UNIQUE "unique") and a section
 * (SHN_UNDEF the undefined section, SHN_COMMON and a few processor
 * commons the common section); the archive writer keeps a symbol when it
 * has one of those flags or is common, unless it is undefined.  So a
 * local symbol in SHN_COMMON is listed, and a global undefined one is
 * not.  What BFD refuses as an ELF object (a wrong e_shentsize, a symbol
 * table with a wrong sh_entsize, a core file) is not indexed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arsym.h"
#include "aout.h"
#include "filetype.h"
#include "xalloc.h"

#define SHT_SYMTAB_		2
#define SHN_UNDEF_		0
#define SHN_COMMON_		0xfff2
#define SHN_X86_64_LCOMMON_	0xff02
#define SHN_MIPS_SCOMMON_	0xff03
#define SHN_MIPS_SUNDEFINED_	0xff04
#define EM_MIPS_		8
#define EM_X86_64_		62
#define ET_CORE_		4

/* The parts of an ELF file the scan needs, in host terms. */
struct elfview {
	struct span	 f;
	bool		 is64, big;
	unsigned	 machine;
	uint64_t	 shoff, shnum, shentsize;
};

struct secview {
	uint32_t	 type, link;
	uint64_t	 offset, size, entsize;
};

static int fail(struct arsym_info *, const char *);
static int elf_header(struct elfview *, struct arsym_info *);
static int elf_section(const struct elfview *, uint64_t, struct secview *);
static int elf_symbols(struct arsym_list *, uint32_t, const struct elfview *,
    struct arsym_info *);
static void push(struct arsym_list *, const char *, size_t, uint32_t);
static int wanted(const struct elfview *, unsigned, unsigned);
static int aout_symbols(struct arsym_list *, uint32_t, struct span,
    struct arsym_info *);

void
arsym_init(struct arsym_list *l)
{
	memset(l, 0, sizeof(*l));
}

void
arsym_free(struct arsym_list *l)
{
	free(l->syms);
	memset(l, 0, sizeof(*l));
}

static int
fail(struct arsym_info *info, const char *msg)
{
	snprintf(info->err, sizeof(info->err), "%s", msg);
	return -1;
}

static void
push(struct arsym_list *l, const char *name, size_t len, uint32_t member)
{
	if (l->count == l->cap) {
		l->cap = l->cap == 0 ? 1024 : l->cap * 2;
		l->syms = xreallocarray(l->syms, l->cap, sizeof(*l->syms));
	}
	l->syms[l->count].name = name;
	l->syms[l->count].len = (uint32_t)len;
	l->syms[l->count].member = member;
	l->count++;
	l->strsize += len + 1;
}

static int
elf_header(struct elfview *v, struct arsym_info *info)
{
	const unsigned char *p = v->f.data;
	uint64_t need;

	if (v->f.size < 16 || (p[4] != 1 && p[4] != 2) ||
	    (p[5] != 1 && p[5] != 2))
		return fail(info, "bad ELF identification");
	v->is64 = p[4] == 2;
	v->big = p[5] == 2;
	need = v->is64 ? 64 : 52;
	if (v->f.size < need)
		return fail(info, "truncated ELF header");
	if (load16(p + 16, v->big) == ET_CORE_)
		return 0;
	/* BFD takes any complete ELF header as an object, even when the
	   tables behind it are broken (it then just finds no symbols). */
	info->object = true;
	v->machine = load16(p + 18, v->big);
	if (v->is64) {
		v->shoff = load64(p + 40, v->big);
		v->shentsize = load16(p + 58, v->big);
		v->shnum = load16(p + 60, v->big);
	} else {
		v->shoff = load32(p + 32, v->big);
		v->shentsize = load16(p + 46, v->big);
		v->shnum = load16(p + 48, v->big);
	}
	if (v->shoff == 0) {
		v->shnum = 0;
		return 1;
	}
	if (v->shentsize != (v->is64 ? 64u : 40u))
		return fail(info, "bad section header size");
	if (span_range(v->f, v->shoff, v->shentsize) == NULL)
		return fail(info, "section headers past the end of the file");
	if (v->shnum == 0) {
		/* More than 0xff00 sections: the count is in section 0. */
		p = v->f.data + v->shoff;
		v->shnum = v->is64 ? load64(p + 32, v->big) :
		    load32(p + 20, v->big);
	}
	if (v->shnum > (v->f.size - v->shoff) / v->shentsize)
		return fail(info, "section headers past the end of the file");
	return 1;
}

static int
elf_section(const struct elfview *v, uint64_t i, struct secview *s)
{
	const unsigned char *p;

	if (i >= v->shnum)
		return -1;
	p = v->f.data + v->shoff + i * v->shentsize;
	s->type = load32(p + 4, v->big);
	if (v->is64) {
		s->offset = load64(p + 24, v->big);
		s->size = load64(p + 32, v->big);
		s->link = load32(p + 40, v->big);
		s->entsize = load64(p + 56, v->big);
	} else {
		s->offset = load32(p + 16, v->big);
		s->size = load32(p + 20, v->big);
		s->link = load32(p + 24, v->big);
		s->entsize = load32(p + 36, v->big);
	}
	return 0;
}

/* Does a symbol of this binding in section shndx go in the index? */
static int
wanted(const struct elfview *v, unsigned bind, unsigned shndx)
{
	bool common = shndx == SHN_COMMON_ ||
	    (v->machine == EM_X86_64_ && shndx == SHN_X86_64_LCOMMON_) ||
	    (v->machine == EM_MIPS_ && shndx == SHN_MIPS_SCOMMON_);

	if (shndx == SHN_UNDEF_ ||
	    (v->machine == EM_MIPS_ && shndx == SHN_MIPS_SUNDEFINED_))
		return 0;
	/* STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE. */
	return common || bind == 1 || bind == 2 || bind == 10;
}

static int
elf_symbols(struct arsym_list *l, uint32_t member, const struct elfview *v,
    struct arsym_info *info)
{
	struct secview sym, str, sec;
	const unsigned char *tab, *e;
	uint64_t i, n, esz = v->is64 ? 24 : 16, symidx = 0;
	size_t before = l->count;
	uint64_t strbefore = l->strsize;
	unsigned shndx, bind;
	uint32_t name;

	for (i = 1; i < v->shnum; i++) {
		elf_section(v, i, &sec);
		if (sec.type == SHT_SYMTAB_) {
			symidx = i;
			sym = sec;
			break;
		}
	}
	if (symidx == 0)
		return 1;
	if (sym.entsize != esz)
		return fail(info, "bad symbol table entry size");
	if ((tab = span_range(v->f, sym.offset, sym.size)) == NULL)
		return fail(info, "symbol table past the end of the file");
	if (elf_section(v, sym.link, &str) == -1 ||
	    span_range(v->f, str.offset, str.size) == NULL)
		return fail(info, "bad symbol string table");
	n = sym.size / esz;
	for (i = 1; i < n; i++) {
		e = tab + i * esz;
		name = load32(e, v->big);
		bind = e[v->is64 ? 4 : 12] >> 4;
		shndx = load16(e + (v->is64 ? 6 : 14), v->big);
		/* SHN_XINDEX: a real section, so defined; which one is moot. */
		if (!wanted(v, bind, shndx))
			continue;
		if (name >= str.size) {
			l->count = before;
			l->strsize = strbefore;
			return fail(info, "symbol name outside the string table");
		}
		{
			const char *s = (const char *)v->f.data + str.offset +
			    name;
			const char *z = memchr(s, '\0', str.size - name);

			if (z == NULL) {
				l->count = before;
				l->strsize = strbefore;
				return fail(info, "unterminated symbol name");
			}
			push(l, s, (size_t)(z - s), member);
		}
	}
	return 1;
}

/*
 * a.out (../shared/spec/a.out.md): external symbols that are defined, or
 * common (undefined with a size), not debugging entries; what BSD ranlib
 * put in __.SYMDEF.
 */
static int
aout_symbols(struct arsym_list *l, uint32_t member, struct span s,
    struct arsym_info *info)
{
	struct aout a;
	struct aout_sym sym;
	size_t i, before = l->count;
	uint64_t strbefore = l->strsize;
	const char *name;
	size_t len;

	if (aout_parse(&a, s) == -1)
		return 0;
	info->object = true;
	info->big = a.big;
	for (i = 0; i < a.nsyms; i++) {
		if (aout_sym(&a, i, &sym) == -1) {
			l->count = before;
			l->strsize = strbefore;
			return fail(info, a.err);
		}
		if (!(sym.type & AOUT_N_EXT) || (sym.type & AOUT_N_STAB) ||
		    ((sym.type & AOUT_N_TYPE) == AOUT_N_UNDF &&
		    sym.value == 0))
			continue;
		name = sym.name;
		if (a.family == AOUT_PDP11) {
			/* The name was copied out; use the 8 bytes in place. */
			name = (const char *)s.data + a.symoff +
			    i * a.nlistsize;
			for (len = 0; len < 8 && name[len] != '\0'; len++)
				;
		} else {
			len = strlen(name);
		}
		push(l, name, len, member);
	}
	return 1;
}

int
arsym_scan(struct arsym_list *l, uint32_t member, struct span s,
    struct arsym_info *info)
{
	struct elfview v;
	int r;

	memset(info, 0, sizeof(*info));
	if (filetype_detect(s) == FT_AOUT)
		return aout_symbols(l, member, s, info);
	if (s.size < 4 || memcmp(s.data, "\177ELF", 4) != 0)
		return 0;
	memset(&v, 0, sizeof(v));
	v.f = s;
	r = elf_header(&v, info);
	info->big = v.big;
	if (r <= 0)
		return r;
	return elf_symbols(l, member, &v, info);
}
