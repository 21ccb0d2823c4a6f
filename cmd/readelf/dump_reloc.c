/*
 * -r: the relocation sections (gABI chapter 4, "Relocation"): REL and
 * RELA entries of either class, with the symbol each one refers to.
 * MIPS64 little-endian objects keep a 32-bit symbol index followed by
 * four one-byte fields in r_info; it is rearranged as GNU does before
 * printing, and its second and third types get their own lines.
 */
#include <stdio.h>
#include <string.h>

#include "line.h"
#include "readelf.h"

struct relctx {
	const unsigned char *syms;	/* the linked symbol table, or NULL */
	size_t		 nsyms;
	struct span	 strs;
	bool		 dynsym;
	struct symver	 ver;
	bool		 have_type;	/* type_name is names_reloc(type) */
	uint64_t	 type;
	const char	*type_name;
};

static void	dump_section(struct relf *, size_t);
static void	print_rel(struct relf *, struct relctx *, uint64_t, uint64_t,
		    int64_t, bool);
static void	print_symref(struct relf *, struct relctx *, uint64_t,
		    int64_t, bool);
static void	print_type(struct relf *, uint64_t, const char *, int);
static const char *reloc_symname(struct relf *, struct relctx *, uint64_t);
static void	dump_relr(struct relf *, size_t);
static size_t	relr_walk(struct relf *, const unsigned char *, uint64_t,
		    bool);

void
dump_reloc(struct relf *f)
{
	bool found = false;
	uint64_t off, size, val;
	int64_t tag;
	size_t i;

	for (i = 0; i < f->shnum; i++) {
		if ((f->sh[i].sh_type != SHT_REL && f->sh[i].sh_type !=
		    SHT_RELA && f->sh[i].sh_type != SHT_RELR) ||
		    f->sh[i].sh_size == 0)
			continue;
		if (f->sh[i].sh_type == SHT_RELR)
			dump_relr(f, i);
		else
			dump_section(f, i);
		found = true;
	}
	if (found)
		return;
	if (relf_dynamic(f, &off, &size) == 0) {
		for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0;
		    i++) {
			if (tag == DT_NULL)
				break;
			if ((tag == DT_RELSZ || tag == DT_RELASZ ||
			    tag == DT_PLTRELSZ || tag == DT_RELRSZ) && val != 0) {
				out("\nThere are no static relocations in this "
				    "file.\nTo see the dynamic relocations add "
				    "--use-dynamic to the command line.\n");
				return;
			}
		}
	}
	out("\nThere are no relocations in this file.\n");
}

static void
load_symbols(struct relf *f, size_t symsec, struct relctx *c)
{
	const GElf_Shdr *sh = &f->sh[symsec];
	size_t esz = f->is64 ? 24 : 16;
	uint64_t size;

	if (sh->sh_entsize == 0 || sh->sh_size == 0)
		return;
	c->syms = relf_secdata(f, symsec, &size);
	if (c->syms == NULL)
		return;
	c->nsyms = sh->sh_size / sh->sh_entsize;
	if (c->nsyms > size / esz)
		c->nsyms = size / esz;
	if (sh->sh_link != 0 && sh->sh_link < f->shnum &&
	    f->sh[sh->sh_link].sh_type != SHT_NOBITS)
		c->strs = span_sub(f->img, f->sh[sh->sh_link].sh_offset,
		    f->sh[sh->sh_link].sh_size);
	c->dynsym = sh->sh_type == SHT_DYNSYM;
}

static void
dump_section(struct relf *f, size_t idx)
{
	const GElf_Shdr *sh = &f->sh[idx];
	bool rela = sh->sh_type == SHT_RELA, w = f->opts->wide;
	size_t esz = (f->is64 ? 8 : 4) * (rela ? 3 : 2), n, i;
	const unsigned char *p;
	struct relctx c;
	uint64_t size;
	int bytes = f->is64 ? 8 : 4;

	memset(&c, 0, sizeof(c));
	n = sh->sh_size / (sh->sh_entsize != 0 ? sh->sh_entsize : esz);
	if (f->shstr.data == NULL)
		out("\nRelocation section %u", sh->sh_name);
	else
		out("\nRelocation section '%s'", secname_short(f, idx));
	out(" at offset 0x%jx contains %zu entr%s:\n",
	    (uintmax_t)sh->sh_offset, n, n == 1 ? "y" : "ies");
	if (sh->sh_link != 0 && sh->sh_link < f->eh.e_shnum &&
	    sh->sh_link < f->shnum) {
		if (f->sh[sh->sh_link].sh_type != SHT_SYMTAB &&
		    f->sh[sh->sh_link].sh_type != SHT_DYNSYM)
			return;
		load_symbols(f, sh->sh_link, &c);
		if (c.syms == NULL)
			return;
	}
	if (!f->is64)
		out(w ? " Offset     Info    Type                Sym. Value  "
		    "Symbol's Name%s\n" : " Offset     Info    Type            "
		    "Sym.Value  Sym. Name%s\n", rela ? " + Addend" : "");
	else if (w)
		out("    Offset             Info             Type               "
		    "Symbol's Value  Symbol's Name%s\n", rela ? " + Addend" : "");
	else
		out("  Offset          Info           Type           Sym. Value  "
		    "  Sym. Name%s\n", rela ? " + Addend" : "");
	if ((p = relf_secdata(f, idx, &size)) == NULL)
		return;
	if (c.dynsym)
		symver_load(f, &c.ver);
	for (i = 0; i < size / esz; i++, p += esz)
		print_rel(f, &c, relf_word(f, p, bytes),
		    relf_word(f, p + bytes, bytes), !rela ? 0 : f->is64 ?
		    (int64_t)load64(p + 16, f->big) :
		    (int32_t)load32(p + 8, f->big), rela);
	line_end();
	symver_free(&c.ver);
}

/*
 * One relocation.  -r on a shared library prints 10^5 to 10^6 of these,
 * so the line is assembled with line.h's fields (the printf conversion
 * each stands for is in the comment beside it) and handed to stdio whole.
 */
static void
print_rel(struct relf *f, struct relctx *c, uint64_t off, uint64_t info,
    int64_t addend, bool rela)
{
	uint64_t type, symi;
	const char *name;
	unsigned m = f->eh.e_machine;

	if (f->is64 && m == EM_MIPS && !f->big)
		info = (info & 0xffffffff) << 32 | (info >> 56 & 0xff) |
		    (info >> 40 & 0xff00) | (info >> 24 & 0xff0000) |
		    (info >> 8 & 0xff000000);
	if (!f->is64) {
		type = info & 0xff;
		symi = info >> 8;
		line_hex(off, 8);		/* "%8.8jx  %8.8jx " */
		line_mem("  ", 2);
		line_hex(info, 8);
	} else {
		type = m == EM_MIPS || m == EM_SPARCV9 ? info & 0xff :
		    info & 0xffffffff;
		symi = info >> 32;
		line_hex(off, f->opts->wide ? 16 : 12);
		line_mem("  ", 2);		/* "%16.16jx  %16.16jx " */
		line_hex(info, f->opts->wide ? 16 : 12);
	}
	line_chr(' ');
	/* Relocations come in runs of one type: look its name up once. */
	if (!c->have_type || type != c->type) {
		c->type = type;
		c->type_name = names_reloc(m, (uint32_t)type);
		c->have_type = true;
	}
	name = c->type_name;
	print_type(f, type, name, f->opts->wide ? 22 : -17);
	if (symi != 0)
		print_symref(f, c, symi, addend, rela);
	else if (rela) {			/* "%*c%s%jx" */
		line_spaces(!f->is64 ? 12 : 20);
		if (addend < 0)
			line_chr('-');
		line_hex(addend < 0 ? -(uint64_t)addend : (uint64_t)addend, 0);
	}
	if (m == EM_SPARCV9 && name != NULL && strcmp(name,
	    "R_SPARC_OLO10") == 0) {
		line_mem(" + ", 3);		/* " + %jx" */
		line_hex(info >> 8 & 0xffffff, 0);
	}
	line_chr('\n');
	if (f->is64 && m == EM_MIPS) {
		line_str("                    Type2: ");
		print_type(f, info >> 8 & 0xff, names_reloc(m,
		    (uint32_t)(info >> 8 & 0xff)), -17);
		line_str("\n                    Type3: ");
		print_type(f, info >> 16 & 0xff, names_reloc(m,
		    (uint32_t)(info >> 16 & 0xff)), -17);
		line_chr('\n');
	}
	if (f->opts->explain) {
		line_end();
		explain_reloc(f, name, reloc_symname(f, c, symi));
	} else
		line_next();
}

/* The name of the symbol a relocation refers to, for --explain. */
static const char *
reloc_symname(struct relf *f, struct relctx *c, uint64_t symi)
{
	GElf_Sym s;

	if (symi == 0 || c->syms == NULL || symi >= c->nsyms)
		return NULL;
	relf_sym(f, c->syms + symi * (f->is64 ? 24 : 16), &s);
	if (s.st_name == 0 && GELF_ST_TYPE(s.st_info) == STT_SECTION)
		return secname_print(f, s.st_shndx);
	return relf_string_span(c->strs, s.st_name);
}

/*
 * The type column: name padded to width ("%-22s"), or when width is
 * negative padded and cut to -width ("%-17.17s").
 */
static void
print_type(struct relf *f, uint64_t type, const char *name, int width)
{
	size_t n;

	if (name == NULL) {			/* "unrecognized: %-7jx" */
		line_str("unrecognized: ");
		n = line.len;
		line_hex(type & 0xffffffff, 0);
		if (line.len - n < 7)
			line_spaces(7 - (line.len - n));
	} else if (width >= 0)
		line_lpad(name, width);
	else {
		n = strlen(name);
		if (n > (size_t)-width)
			n = (size_t)-width;
		line_mem(name, n);
		line_spaces((size_t)-width - n);
	}
}

/* The symbol part: value (or "name()" for IFUNC), name, addend. */
static void
print_symref(struct relf *f, struct relctx *c, uint64_t symi,
    int64_t addend, bool rela)
{
	const char *name, *ver = NULL;
	unsigned other, width = f->is64 ? 14 : 8;
	int kind = 0, len;
	char buf[40];
	size_t n;
	GElf_Sym s;

	if (c->syms == NULL || symi >= c->nsyms) {
		line_end();
		relf_error(f, "bad symbol index %08jx in relocation",
		    (uintmax_t)symi);
		return;
	}
	relf_sym(f, c->syms + symi * (f->is64 ? 24 : 16), &s);
	if (c->dynsym)
		ver = symver_name(f, &c->ver, c->strs, symi, &s, &kind, &other);
	line_chr(' ');
	if (GELF_ST_TYPE(s.st_info) == STT_GNU_IFUNC) {
		name = s.st_name == 0 ? NULL : relf_string_span(c->strs,
		    s.st_name);
		if (name == NULL)
			name = "";
		len = line_symbol(f, (int)width, name, strlen(name));
		if (ver != NULL) {		/* "@@%s" or "@%s" */
			line_mem("@@", kind == 'p' ? 2 : 1);
			line_str(ver);
		}
		line_mem("()", 2);		/* "()%-*s" of " " */
		line_spaces(len <= (int)width ? width + 1 - (unsigned)len : 1);
	} else {
		line_hex(s.st_value, f->is64 ? 16 : 8);
		line_mem("   ", f->is64 ? 1 : 3);
	}
	if (s.st_name == 0) {
		name = "<null>";
		if (GELF_ST_TYPE(s.st_info) == STT_SECTION) {
			if (s.st_shndx < f->eh.e_shnum && f->sh != NULL)
				name = secname_print(f, s.st_shndx);
			else if (s.st_shndx == SHN_ABS)
				name = "ABS";
			else if (s.st_shndx == SHN_COMMON)
				name = "COMMON";
			else {
				snprintf(buf, sizeof(buf), "<section 0x%x>",
				    (unsigned)s.st_shndx);
				name = buf;
			}
		}
		line_symbol(f, 22, name, strlen(name));
	} else if (c->strs.data == NULL) {	/* "<string table index: %3u>" */
		line_str("<string table index: ");
		line_dec(s.st_name, 3);
		line_chr('>');
	} else if ((name = relf_string_len(c->strs, s.st_name, &n)) ==
	    NULL) {
		line_end();
		relf_error(f, "corrupt string table index %u", s.st_name);
	} else {
		line_symbol(f, 22, name, n);
		if (ver != NULL) {
			line_mem("@@", kind == 'p' ? 2 : 1);
			line_str(ver);
		}
	}
	if (rela) {				/* " - %jx" or " + %jx" */
		line_mem(addend < 0 ? " - " : " + ", 3);
		line_hex(addend < 0 ? -(uint64_t)addend : (uint64_t)addend, 0);
	}
}

/*
 * SHT_RELR: relative relocations packed as an address followed by
 * bitmaps of the words after it (odd entries); GNU 2.40 lists the
 * offsets they stand for.
 */
static void
dump_relr(struct relf *f, size_t idx)
{
	const GElf_Shdr *sh = &f->sh[idx];
	size_t esz = f->is64 ? 8 : 4, n;
	const unsigned char *p;
	uint64_t size;

	n = sh->sh_size / (sh->sh_entsize != 0 ? sh->sh_entsize : esz);
	out("\nRelocation section '%s' at offset 0x%jx contains %zu entr%s:\n",
	    secname_short(f, idx), (uintmax_t)sh->sh_offset, n,
	    n == 1 ? "y" : "ies");
	if ((p = relf_secdata(f, idx, &size)) == NULL)
		return;
	out("  %zu offset%s\n", relr_walk(f, p, size, false),
	    relr_walk(f, p, size, false) == 1 ? "" : "s");
	relr_walk(f, p, size, true);
}

static size_t
relr_walk(struct relf *f, const unsigned char *p, uint64_t size, bool print)
{
	int bytes = f->is64 ? 8 : 4, bits = bytes * 8 - 1, i;
	uint64_t where = 0, e, j;
	size_t n = 0;

	for (j = 0; j + bytes <= size; j += bytes) {
		e = relf_word(f, p + j, bytes);
		if ((e & 1) == 0) {
			if (print)
				out(f->is64 ? "%16.16jx\n" : "%8.8jx\n",
				    (uintmax_t)e);
			n++;
			where = e + bytes;
			continue;
		}
		for (i = 0; i < bits; i++) {
			if ((e >> (i + 1) & 1) == 0)
				continue;
			if (print)
				out(f->is64 ? "%16.16jx\n" : "%8.8jx\n",
				    (uintmax_t)(where + (uint64_t)i * bytes));
			n++;
		}
		where += (uint64_t)bits * bytes;
	}
	return n;
}
