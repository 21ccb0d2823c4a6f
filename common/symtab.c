/*
 * symtab: classify ELF symbols the way GNU BFD does, so that nm prints
 * the same letters as GNU nm and ar indexes the same symbols.
 *
 * BFD turns each ELF section into a "section" with flags derived from
 * sh_type, sh_flags and, for debugging sections, the name (bfd/elf.c,
 * _bfd_elf_make_section_from_shdr).  Some ELF sections get no BFD
 * section at all (symbol and string tables, relocations that apply to
 * another section in a relocatable file); a symbol defined in one of
 * those is shown as absolute.  The letter then follows from the symbol's
 * section and binding (bfd/syms.c, bfd_decode_symclass): common 'C',
 * undefined 'U' (weak: 'w'/'v'), ifunc 'i', weak 'W'/'V', unique 'u', and
 * otherwise a letter from the section flags, upper case when global.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symtab.h"
#include "xalloc.h"

/* Reserved section indexes some machines give a meaning. */
#define SHN_X86_64_LCOMMON_	0xff02
#define SHN_MIPS_ACOMMON_	0xff00
#define SHN_MIPS_TEXT_		0xff01
#define SHN_MIPS_DATA_		0xff02
#define SHN_MIPS_SCOMMON_	0xff03
#define SHN_MIPS_SUNDEFINED_	0xff04
#define SHF_MIPS_GPREL_		0x10000000

static bool	 has_prefix(const char *, const char *);
static unsigned	 section_flags(const struct elfobj *, const GElf_Shdr *,
		    const char *);
static bool	 section_is_bfd(const struct elfobj *, size_t,
		    const GElf_Shdr *, size_t);
static char	 coff_letter(const char *);
static char	 section_letter(unsigned);
static bool	 local_label(const char *);

static bool
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static unsigned
section_flags(const struct elfobj *o, const GElf_Shdr *sh, const char *name)
{
	unsigned f = 0;

	if (sh->sh_type != SHT_NOBITS)
		f |= SEC_F_CONTENTS;
	if (sh->sh_flags & SHF_ALLOC) {
		f |= SEC_F_ALLOC;
		if (sh->sh_type != SHT_NOBITS)
			f |= SEC_F_LOAD;
	}
	if ((sh->sh_flags & SHF_WRITE) == 0)
		f |= SEC_F_READONLY;
	if (sh->sh_flags & SHF_EXECINSTR)
		f |= SEC_F_CODE;
	else if (f & SEC_F_LOAD)
		f |= SEC_F_DATA;
	if (sh->sh_flags & SHF_TLS)
		f |= SEC_F_TLS;
	if (o->ehdr.e_machine == EM_MIPS && (sh->sh_flags & SHF_MIPS_GPREL_))
		f |= SEC_F_SMALL;
	/* Debugging sections are known by name only, and never allocated. */
	if ((f & SEC_F_ALLOC) == 0 && name[0] == '.' &&
	    (has_prefix(name, ".debug") ||
	    has_prefix(name, ".gnu.debuglto_.debug_") ||
	    has_prefix(name, ".gnu.linkonce.wi.") ||
	    has_prefix(name, ".zdebug") || has_prefix(name, ".line") ||
	    has_prefix(name, ".stab") || strcmp(name, ".gdb_index") == 0))
		f |= SEC_F_DEBUG;
	return f;
}

/*
 * Does BFD make a section of section i?  Not for the null section, the
 * symbol table, its string table, the section-name table, extended
 * index tables, or relocations that belong to another section of a
 * relocatable file.
 */
static bool
section_is_bfd(const struct elfobj *o, size_t i, const GElf_Shdr *sh,
    size_t symtab)
{
	switch (sh->sh_type) {
	case SHT_NULL:
	case SHT_SYMTAB_SHNDX:
		return false;
	case SHT_SYMTAB:
		return (sh->sh_flags & SHF_ALLOC) != 0 &&
		    o->ehdr.e_type == ET_DYN;
	case SHT_STRTAB:
		return i != o->shstrndx && (symtab == 0 || i != symtab);
	case SHT_REL:
	case SHT_RELA:
		return symtab == 0 || sh->sh_link != symtab ||
		    sh->sh_info == 0 || sh->sh_info >= o->shnum;
	default:
		return true;
	}
}

struct symtab_sec *
symtab_sections(struct elfobj *o)
{
	struct symtab_sec *secs;
	GElf_Shdr sh;
	size_t i, symtab = 0, symstr = 0;
	const char *name;

	if (o->shnum == 0)
		return NULL;
	secs = xcalloc(o->shnum, sizeof(*secs));
	for (i = 1; i < o->shnum; i++)
		if (elfobj_shdr(o, i, &sh) == 0 && sh.sh_type == SHT_SYMTAB) {
			symtab = i;
			symstr = sh.sh_link;
			break;
		}
	secs[0].name = "";
	for (i = 1; i < o->shnum; i++) {
		secs[i].name = "";
		if (elfobj_shdr(o, i, &sh) == -1)
			continue;
		if ((name = elfobj_section_name(o, i)) != NULL)
			secs[i].name = name;
		secs[i].addr = sh.sh_addr;
		secs[i].size = sh.sh_size;
		secs[i].type = sh.sh_type;
		secs[i].flags = section_flags(o, &sh, secs[i].name);
		if (section_is_bfd(o, i, &sh, symtab) &&
		    !(symstr != 0 && i == symstr && sh.sh_type == SHT_STRTAB))
			secs[i].flags |= SEC_F_BFD;
	}
	o->err[0] = '\0';
	return secs;
}

/* MSVC's section names, which BFD recognises in every format. */
static char
coff_letter(const char *s)
{
	static const struct {
		const char	*name;
		char		 letter;
	} tab[] = {
		{ ".drectve", 'i' }, { ".edata", 'e' }, { ".idata", 'i' },
		{ ".pdata", 'p' },
	};
	size_t i, n;

	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++) {
		n = strlen(tab[i].name);
		if (strncmp(s, tab[i].name, n) == 0 &&
		    (s[n] == '\0' || strchr(".$0123456789", s[n]) != NULL))
			return tab[i].letter;
	}
	return '?';
}

static char
section_letter(unsigned f)
{
	if (f & SEC_F_CODE)
		return 't';
	if (f & SEC_F_DATA) {
		if (f & SEC_F_READONLY)
			return 'r';
		return (f & SEC_F_SMALL) ? 'g' : 'd';
	}
	if ((f & SEC_F_CONTENTS) == 0)
		return (f & SEC_F_SMALL) ? 's' : 'b';
	if (f & SEC_F_DEBUG)
		return 'N';
	if (f & SEC_F_READONLY)
		return 'n';
	return '?';
}

char
symtab_letter(enum sym_kind kind, unsigned sf, const char *secname,
    unsigned secflags)
{
	char c;

	if (kind == SYM_COMMON)
		return (sf & SYM_F_SMALLCOM) ? 'c' : 'C';
	if (kind == SYM_UNDEF) {
		if (sf & SYM_F_WEAK)
			return (sf & SYM_F_OBJECT) ? 'v' : 'w';
		return 'U';
	}
	if (sf & SYM_F_IFUNC)
		return 'i';
	if (sf & SYM_F_WEAK)
		return (sf & SYM_F_OBJECT) ? 'V' : 'W';
	if (sf & SYM_F_UNIQUE)
		return 'u';
	if ((sf & (SYM_F_GLOBAL | SYM_F_LOCAL)) == 0)
		return '?';
	if (kind == SYM_ABS)
		c = 'a';
	else if ((c = coff_letter(secname)) == '?')
		c = section_letter(secflags);
	if ((sf & SYM_F_GLOBAL) && c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	return c;
}

static unsigned
symbol_flags(const GElf_Sym *sym, enum sym_kind kind)
{
	unsigned f = 0;

	switch (GELF_ST_BIND(sym->st_info)) {
	case STB_LOCAL:
		f |= SYM_F_LOCAL;
		break;
	case STB_GLOBAL:
		if (kind != SYM_UNDEF && kind != SYM_COMMON)
			f |= SYM_F_GLOBAL;
		break;
	case STB_WEAK:
		f |= SYM_F_WEAK;
		break;
	case STB_GNU_UNIQUE:
		f |= SYM_F_UNIQUE;
		break;
	}
	switch (GELF_ST_TYPE(sym->st_info)) {
	case STT_SECTION:
		f |= SYM_F_SECTION | SYM_F_DEBUG;
		break;
	case STT_FILE:
		f |= SYM_F_FILE | SYM_F_DEBUG;
		break;
	case STT_OBJECT:
	case STT_COMMON:
		f |= SYM_F_OBJECT;
		break;
	case STT_GNU_IFUNC:
		f |= SYM_F_IFUNC;
		break;
	}
	return f;
}

/* Machine-specific reserved indexes: x86-64 large common, MIPS. */
static bool
classify_reserved(const struct elfobj *o, size_t shndx,
    struct symtab_class *c)
{
	unsigned m = o->ehdr.e_machine;

	if (m == EM_X86_64 && shndx == SHN_X86_64_LCOMMON_) {
		c->kind = SYM_COMMON;
		c->secname = "LARGE_COMMON";
		return true;
	}
	if (m != EM_MIPS)
		return false;
	switch (shndx) {
	case SHN_MIPS_SCOMMON_:
		c->kind = SYM_COMMON;
		c->secname = ".scommon";
		return true;
	case SHN_MIPS_ACOMMON_:
		c->kind = SYM_COMMON;
		c->secname = ".acommon";
		return true;
	case SHN_MIPS_SUNDEFINED_:
		c->kind = SYM_UNDEF;
		c->secname = "*UND*";
		return true;
	}
	return false;
}

void
symtab_classify(const struct elfobj *o, const struct symtab_sec *secs,
    const GElf_Sym *sym, size_t shndx, struct symtab_class *c)
{
	unsigned secflags = 0;
	bool linked = o->ehdr.e_type == ET_EXEC || o->ehdr.e_type == ET_DYN;

	memset(c, 0, sizeof(*c));
	c->value = sym->st_value;
	if (sym->st_shndx == SHN_UNDEF) {
		c->kind = SYM_UNDEF;
		c->secname = "*UND*";
	} else if (sym->st_shndx == SHN_ABS) {
		c->kind = SYM_ABS;
		c->secname = "*ABS*";
	} else if (sym->st_shndx == SHN_COMMON) {
		c->kind = SYM_COMMON;
		c->secname = "*COM*";
	} else if (sym->st_shndx != SHN_XINDEX && shndx >= SHN_LORESERVE &&
	    classify_reserved(o, shndx, c)) {
		/* done */
	} else if (shndx < o->shnum && secs != NULL &&
	    (secs[shndx].flags & SEC_F_BFD)) {
		c->kind = SYM_DEFINED;
		c->shndx = shndx;
		c->secname = secs[shndx].name;
		secflags = secs[shndx].flags;
		/* In an unlinked file the value is relative to the section. */
		if (!linked)
			c->value += secs[shndx].addr;
	} else {
		/* BFD has no section for it: it shows as absolute. */
		c->kind = SYM_ABS;
		c->secname = "*ABS*";
	}
	if (c->kind == SYM_COMMON) {
		c->value = sym->st_size;
		if (strcmp(c->secname, ".scommon") == 0)
			c->flags |= SYM_F_SMALLCOM;
	}
	c->flags |= symbol_flags(sym, c->kind);
	c->letter = symtab_letter(c->kind, c->flags, c->secname, secflags);
}

/* BFD's generic ELF test for compiler-generated local labels. */
static bool
local_label(const char *name)
{
	const char *p;

	if (name[0] == '.' && (name[1] == 'L' || name[1] == '.'))
		return true;
	if (name[0] == '_' && name[1] == '.' && name[2] == 'L' &&
	    name[3] == '_')
		return true;
	if (name[0] == 'L' && name[1] >= '0' && name[1] <= '9') {
		/* "L<digits>\001...": an assembler's fake symbol. */
		for (p = name + 2; *p != '\0'; p++) {
			if (*p == 1 && p == name + 2)
				return true;
			if (*p < '0' || *p > '9')
				return false;
		}
	}
	return false;
}

bool
symtab_special(const struct elfobj *o, const char *name)
{
	switch (o->ehdr.e_machine) {
	case EM_ARM:
		/* Mapping and tagging symbols: "$a", "$t.foo", ... */
		return name[0] == '$' && name[1] >= 'a' && name[1] <= 'z' &&
		    (name[2] == '\0' || name[2] == '.');
	case EM_AARCH64:
		return name[0] == '$' && strchr("xdmfp", name[1]) != NULL &&
		    name[1] != '\0' && (name[2] == '\0' || name[2] == '.');
	case EM_RISCV:
		return name[0] == '\0' || local_label(name) ||
		    strcmp(name, "$d") == 0 || strcmp(name, "$x") == 0 ||
		    strncmp(name, "$xrv", 4) == 0;
	default:
		return false;
	}
}

const char *
symtab_type_name(unsigned type, char *buf, size_t len)
{
	static const char *const names[] = {
		"NOTYPE", "OBJECT", "FUNC", "SECTION", "FILE", "COMMON", "TLS",
	};

	if (type < sizeof(names) / sizeof(names[0]))
		return names[type];
	if (type >= STT_LOPROC && type <= STT_HIPROC)
		snprintf(buf, len, "<processor specific>: %u", type);
	else if (type >= STT_LOOS && type <= STT_HIOS)
		snprintf(buf, len, "<OS specific>: %u", type);
	else
		snprintf(buf, len, "<unknown>: %u", type);
	return buf;
}

const char *
symtab_bind_name(unsigned bind, char *buf, size_t len)
{
	switch (bind) {
	case STB_LOCAL:
		return "LOCAL";
	case STB_GLOBAL:
		return "GLOBAL";
	case STB_WEAK:
		return "WEAK";
	case STB_GNU_UNIQUE:
		return "UNIQUE";
	}
	snprintf(buf, len, "%u", bind);
	return buf;
}
