/*
 * -s and --dyn-syms: the symbol tables (gABI chapter 4, "Symbol Table"),
 * one line per symbol, with GNU versions on dynamic symbols; -I follows
 * (dump_histogram), since GNU prints it as part of the same step.
 */
#include <stdio.h>
#include <string.h>

#include "line.h"
#include "readelf.h"

static void	dump_table(struct relf *, size_t, const struct symver *);
static void	print_sym(struct relf *, const GElf_Shdr *, struct span,
		    const struct symver *, size_t, const GElf_Sym *);
static void	print_size(const struct relf *, uint64_t);
static void	print_shndx(const struct relf *, unsigned);
static const char *sym_other(const struct relf *, unsigned, char *,
		    size_t);

void
dump_syms(struct relf *f, bool dynamic_only)
{
	struct symver v;
	size_t i;

	if (f->opts->syms || f->opts->dyn_syms) {
		if (f->sh == NULL) {
			if (f->opts->syms)
				out("\nDynamic symbol information is not "
				    "available for displaying symbols.\n");
		} else {
			symver_load(f, &v);
			for (i = 0; i < f->shnum; i++) {
				if (f->sh[i].sh_type == SHT_DYNSYM ||
				    (f->sh[i].sh_type == SHT_SYMTAB &&
				    !dynamic_only))
					dump_table(f, i, &v);
			}
			symver_free(&v);
		}
	}
	if (f->opts->histogram)
		dump_histogram(f);
}

/* Decode symbol i of a table at p (already bounds checked). */
void
relf_sym(const struct relf *f, const unsigned char *p, GElf_Sym *s)
{
	s->st_name = load32(p, f->big);
	if (f->is64) {
		s->st_info = p[4];
		s->st_other = p[5];
		s->st_shndx = load16(p + 6, f->big);
		s->st_value = load64(p + 8, f->big);
		s->st_size = load64(p + 16, f->big);
	} else {
		s->st_value = load32(p + 4, f->big);
		s->st_size = load32(p + 8, f->big);
		s->st_info = p[12];
		s->st_other = p[13];
		s->st_shndx = load16(p + 14, f->big);
	}
}

/* The SHT_SYMTAB_SHNDX section for symbol table idx, or 0. */
size_t
relf_shndx_sec(const struct relf *f, size_t idx)
{
	size_t i;

	for (i = 1; i < f->shnum; i++)
		if (f->sh[i].sh_type == SHT_SYMTAB_SHNDX &&
		    f->sh[i].sh_link == idx)
			return i;
	return 0;
}

static void
dump_table(struct relf *f, size_t idx, const struct symver *v)
{
	const GElf_Shdr *sh = &f->sh[idx];
	size_t esz = f->is64 ? 24 : 16, n, i, xsec;
	const unsigned char *p, *x = NULL;
	struct span strs = { NULL, 0 };
	uint64_t xsize = 0;
	GElf_Sym sym;

	if (sh->sh_entsize == 0) {
		out("\nSymbol table '%s' has a sh_entsize of zero!\n",
		    secname_print(f, idx));
		return;
	}
	n = sh->sh_size / sh->sh_entsize;
	out("\nSymbol table '%s' contains %zu entr%s:\n",
	    secname_print(f, idx), n, n == 1 ? "y" : "ies");
	out(f->is64 ? "   Num:    Value          Size Type    Bind   Vis      "
	    "Ndx Name\n" : "   Num:    Value  Size Type    Bind   Vis      "
	    "Ndx Name\n");
	if (sh->sh_size == 0)
		return;
	if (sh->sh_entsize > sh->sh_size || n * esz > sh->sh_size + 1) {
		relf_error(f, "section %zu: bad symbol entry size %#jx", idx,
		    (uintmax_t)sh->sh_entsize);
		return;
	}
	if ((p = relf_secdata(f, idx, &xsize)) == NULL)
		return;
	if (sh->sh_link < f->shnum && f->sh[sh->sh_link].sh_type != SHT_NOBITS)
		strs = span_sub(f->img, f->sh[sh->sh_link].sh_offset,
		    f->sh[sh->sh_link].sh_size);
	if ((xsec = relf_shndx_sec(f, idx)) != 0)
		x = relf_secdata(f, xsec, &xsize);
	for (i = 0; i < n && (i + 1) * esz <= sh->sh_size; i++) {
		relf_sym(f, p + i * esz, &sym);
		if (sym.st_shndx == SHN_XINDEX && x != NULL &&
		    (i + 1) * 4 <= xsize)
			sym.st_shndx = load32(x + i * 4, f->big);
		print_sym(f, sh, strs, v, i, &sym);
	}
	line_end();
}

/*
 * One line of the table.  This is the loop -s spends its time in (a
 * shared library has 10^4 to 10^5 dynamic symbols), so the line is
 * assembled with line.h's fields; each comment names the printf
 * conversion a field stands for.
 */
static void
print_sym(struct relf *f, const GElf_Shdr *sh, struct span strs,
    const struct symver *v, size_t si, const GElf_Sym *s)
{
	unsigned vis = GELF_ST_VISIBILITY(s->st_other), other = 0;
	const char *name, *ver = NULL;
	char b1[64], b2[64];
	int avail = 21, kind = 0;
	size_t len;

	line_dec(si, 6);			/* "%6zu: " */
	line_mem(": ", 2);
	line_hex(s->st_value, f->is64 ? 16 : 8);
	line_chr(' ');
	print_size(f, s->st_size);
	line_chr(' ');				/* " %-7s" */
	line_lpad(names_symtype(f, GELF_ST_TYPE(s->st_info), b1,
	    sizeof(b1)), 7);
	line_chr(' ');				/* " %-6s" */
	line_lpad(names_symbind(f, GELF_ST_BIND(s->st_info), b2,
	    sizeof(b2)), 6);
	line_chr(' ');				/* " %-7s" */
	line_lpad(vis == STV_DEFAULT ? "DEFAULT" : vis == STV_INTERNAL ?
	    "INTERNAL" : vis == STV_HIDDEN ? "HIDDEN" : "PROTECTED", 7);
	if (s->st_other ^ vis) {		/* " [%s] " */
		line_mem(" [", 2);
		line_str(sym_other(f, s->st_other ^ vis, b1, sizeof(b1)));
		line_mem("] ", 2);
	}
	line_chr(' ');				/* " %4s " */
	print_shndx(f, s->st_shndx);
	line_chr(' ');
	if (GELF_ST_TYPE(s->st_info) == STT_SECTION &&
	    s->st_shndx < f->eh.e_shnum && f->sh != NULL && s->st_name == 0) {
		name = secname_print(f, s->st_shndx);
		len = strlen(name);
	} else if ((name = relf_string_len(strs, s->st_name, &len)) == NULL) {
		name = "<corrupt>";
		len = strlen(name);
	}
	if (sh->sh_type == SHT_DYNSYM)
		ver = symver_name(f, v, strs, si, s, &kind, &other);
	if (!f->opts->wide && ver != NULL) {
		avail -= 1 + (int)strlen(ver);
		if (kind == 'u')
			avail -= snprintf(b1, sizeof(b1), " (%u)", other);
		else if (kind != 'h')
			avail -= 1;
	}
	line_symbol(f, avail, name, len);
	if (ver != NULL) {
		if (kind == 'u') {		/* "@%s (%u)" */
			line_chr('@');
			line_str(ver);
			line_mem(" (", 2);
			line_dec(other, 0);
			line_chr(')');
		} else {			/* "@%s" or "@@%s" */
			line_mem("@@", kind == 'h' ? 1 : 2);
			line_str(ver);
		}
	}
	line_chr('\n');
	if (f->opts->explain) {
		line_end();
		explain_symbol(f, s);
	} else
		line_next();
}

/* The section index, as GNU's "%4s" of "%3u" or of a reserved name. */
static void
print_shndx(const struct relf *f, unsigned x)
{
	char b[64];

	if (x != SHN_UNDEF && x < SHN_LORESERVE &&
	    (f->eh.e_shnum == 0 || x < f->eh.e_shnum))
		line_dec(x, 4);
	else
		line_rpad(names_shndx(f, x, b, sizeof(b)), 4);
}

static void
print_size(const struct relf *f, uint64_t v)
{
	char b[32];

	switch (f->opts->sym_base) {
	case 8:
		snprintf(b, sizeof(b), "%5jo", (uintmax_t)v);
		line_str(b);
		break;
	case 16:				/* "0x%5.5jx" */
		line_mem("0x", 2);
		line_hex(v, 5);
		break;
	case 10:				/* "%5ju" */
		line_dec(v, 5);
		break;
	default:
		if (v <= 99999)
			line_dec(v, 5);
		else {				/* "0x%jx" */
			line_mem("0x", 2);
			line_hex(v, 0);
		}
		break;
	}
}

/* st_other bits beyond the visibility, by machine. */
static const char *
sym_other(const struct relf *f, unsigned o, char *buf, size_t len)
{
	unsigned m = f->eh.e_machine, le;

	if (m == EM_AARCH64 && o == 0x80)
		return "VARIANT_PCS";
	if (m == EM_RISCV && o == 0x80)
		return "VARIANT_CC";
	if (m == EM_PPC64 && (o & ~0xe0u) == 0 && (o >> 5) <= 6) {
		le = o >> 5;
		if (le >= 2)
			le = ((1u << le) >> 2) << 2;
		snprintf(buf, len, "<localentry>: %u", le);
		return buf;
	}
	if (m == EM_MIPS && o == 0xf0)
		return "MIPS16";
	if (m == EM_MIPS && o == 0x80)
		return "MICROMIPS";
	if (m == EM_MIPS && o == 0x08)
		return "OPTIONAL";
	if (m == EM_MIPS && o == 0x10)
		return "PLT";
	snprintf(buf, len, "<other>: %x", o);
	return buf;
}
