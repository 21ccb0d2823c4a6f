/*
 * -A on MIPS, as GNU readelf 2.40 prints it: the GNU attributes, the
 * .MIPS.abiflags section (Elf_External_ABIFlags_v0 of the MIPS O32 FPXX
 * and ABI flags proposal: version u16, isa_level, isa_rev, gpr_size,
 * cpr1_size, cpr2_size, fp_abi u8, isa_ext, ases, flags1, flags2 u32),
 * then the global offset table as the MIPS psABI lays it out (System V
 * ABI MIPS supplement, "Global Offset Table": DT_MIPS_LOCAL_GOTNO local
 * entries, the first one or two reserved, then one entry per dynamic
 * symbol from DT_MIPS_GOTSYM to DT_MIPS_SYMTABNO) and the PLT GOT of the
 * non-PIC ABI extension (DT_MIPS_PLTGOT, one entry per DT_JMPREL
 * relocation after two reserved ones).  A file without a dynamic
 * section shows its static .got instead.
 *
 * Before the GOT come the IRIX tables of DT_MIPS_LIBLIST, DT_MIPS_OPTIONS
 * and DT_MIPS_CONFLICT (dump_mips_irix.c).
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

#define DT_MIPS_LOCAL_GOTNO	0x7000000a
#define DT_MIPS_SYMTABNO	0x70000011
#define DT_MIPS_GOTSYM		0x70000013
#define DT_MIPS_PLTGOT		0x70000032

/* What the GOT dumps need to know of the file. */
struct mipsgot {
	struct relf	*f;
	int		 asz;		/* address size: 4 or 8 */
	const unsigned char *dynsym;	/* the SHT_DYNSYM section, or NULL */
	uint64_t	 nsyms;
	struct span	 strs;		/* DT_STRTAB */
};

static void	abiflags(struct relf *);
static void	static_got(struct mipsgot *);
static void	primary_got(struct mipsgot *, uint64_t, uint64_t, uint64_t,
		    uint64_t);
static void	plt_got(struct mipsgot *, uint64_t, uint64_t, uint64_t,
		    uint64_t);
static const unsigned char *vma_data(struct relf *, uint64_t, uint64_t);
static int64_t	got_entry(const struct mipsgot *, const unsigned char *,
		    uint64_t, uint64_t, uint64_t);
static void	got_symbol(const struct mipsgot *, uint64_t, int);
static int	reg_size(unsigned);
static void	isa_ext(unsigned);
static void	ases(uint32_t);

void
dump_mips(struct relf *f)
{
	struct mipsgot g;
	uint64_t off, size, val, pltgot = 0, local = 0, gotsym = 0;
	uint64_t symtabno = 0, mpltgot = 0, jmprel = 0, pltrel = 0;
	uint64_t pltrelsz = 0;
	struct mips_irix_tags irix;
	int64_t tag;
	size_t i;

	dump_attrs(f, NULL, SHT_GNU_ATTRIBUTES);
	abiflags(f);
	memset(&g, 0, sizeof(g));
	g.f = f;
	g.asz = f->is64 ? 8 : 4;
	if (relf_dynamic(f, &off, &size) == -1) {
		static_got(&g);
		return;
	}
	memset(&irix, 0, sizeof(irix));
	for (i = 0; relf_dynent(f, off, size, i, &tag, &val) == 0; i++) {
		if (tag == DT_NULL)
			break;
		mips_irix_tag(f, &irix, tag, val);
		switch (tag) {
		case DT_PLTGOT: pltgot = val; break;
		case DT_MIPS_LOCAL_GOTNO: local = val; break;
		case DT_MIPS_GOTSYM: gotsym = val; break;
		case DT_MIPS_SYMTABNO: symtabno = val; break;
		case DT_MIPS_PLTGOT: mpltgot = val; break;
		case DT_PLTREL: pltrel = val; break;
		case DT_PLTRELSZ: pltrelsz = val; break;
		case DT_JMPREL: jmprel = val; break;
		}
	}
	for (i = 1; i < f->shnum; i++)
		if (f->sh[i].sh_type == SHT_DYNSYM) {
			g.dynsym = span_range(f->img, f->sh[i].sh_offset,
			    f->sh[i].sh_size);
			if (g.dynsym != NULL)
				g.nsyms = f->sh[i].sh_size / (f->is64 ? 24 : 16);
			break;
		}
	g.strs = dyn_strings(f);
	if (!mips_irix(f, &irix, g.dynsym, g.nsyms))
		return;
	if (pltgot != 0 && local != 0)
		primary_got(&g, pltgot, local, gotsym, symtabno);
	if (mpltgot != 0 && jmprel != 0 && pltrel != 0 && pltrelsz != 0)
		plt_got(&g, mpltgot, jmprel, pltrel, pltrelsz);
}

static int
reg_size(unsigned v)
{
	return v == 0 ? 0 : v == 1 ? 32 : v == 2 ? 64 : v == 3 ? 128 : -1;
}

static void
isa_ext(unsigned v)
{
	/* AFL_EXT_* of include/elf/mips.h; 4 is no longer assigned. */
	static const char *const names[] = { "None", "RMI XLR",
	    "Cavium Networks Octeon2", "Cavium Networks OcteonP", NULL,
	    "Cavium Networks Octeon", "Toshiba R5900", "MIPS R4650",
	    "LSI R4010", "NEC VR4100", "Toshiba R3900", "MIPS R10000",
	    "Broadcom SB-1", "NEC VR4111/VR4181", "NEC VR4120", "NEC VR5400",
	    "NEC VR5500", "ST Microelectronics Loongson 2E",
	    "ST Microelectronics Loongson 2F", "Cavium Networks Octeon3",
	    "Imagination interAptiv MR2" };

	if (v < sizeof(names) / sizeof(names[0]) && names[v] != NULL)
		fputs(names[v], stdout);
	else
		out("Unknown (%d)", (int)v);
}

static void
ases(uint32_t m)
{
	static const char *const names[] = { "DSP ASE", "DSP R2 ASE",
	    "Enhanced VA Scheme", "MCU (MicroController) ASE", "MDMX ASE",
	    "MIPS-3D ASE", "MT ASE", "SmartMIPS ASE", "VZ ASE", "MSA ASE",
	    "MIPS16 ASE", "MICROMIPS ASE", "XPA ASE", "DSP R3 ASE",
	    "MIPS16e2 ASE", "CRC ASE", NULL, "GINV ASE", "Loongson MMI ASE",
	    "Loongson CAM ASE", "Loongson EXT ASE", "Loongson EXT2 ASE" };
	/* GNU's order: DSP R3 comes third. */
	static const int order[] = { 0, 1, 13, 2, 3, 4, 5, 6, 7, 8, 9, 10,
	    11, 12, 14, 15, 17, 18, 19, 20, 21 };
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (m & (1u << order[i]))
			out("\n\t%s", names[order[i]]);
	if (m == 0)
		out("\n\tNone");
	else if ((m & ~0x3effffu) != 0)
		out("\n\tUnknown (%x)", m & ~0x3effffu);
}

static void
abiflags(struct relf *f)
{
	const unsigned char *p;
	size_t i;

	for (i = 1; i < f->shnum; i++)
		if (strcmp(relf_secname(f, i), ".MIPS.abiflags") == 0)
			break;
	if (i >= f->shnum)
		return;
	if (f->sh[i].sh_size != 24) {
		relf_error(f, "corrupt MIPS ABI Flags section");
		return;
	}
	if ((p = span_range(f->img, f->sh[i].sh_offset, 24)) == NULL) {
		relf_error(f, "MIPS ABI Flags section past end of file");
		return;
	}
	out("\nMIPS ABI Flags Version: %d\n", load16(p, f->big));
	out("\nISA: MIPS%d", p[2]);
	if (p[3] > 1)
		out("r%d", p[3]);
	out("\nGPR size: %d", reg_size(p[4]));
	out("\nCPR1 size: %d", reg_size(p[5]));
	out("\nCPR2 size: %d", reg_size(p[6]));
	fputs("\nFP ABI: ", stdout);
	mips_fp_abi(p[7]);
	fputs("ISA Extension: ", stdout);
	isa_ext(load32(p + 8, f->big));
	fputs("\nASEs:", stdout);
	ases(load32(p + 12, f->big));
	out("\nFLAGS 1: %8.8x", load32(p + 16, f->big));
	out("\nFLAGS 2: %8.8x", load32(p + 20, f->big));
	putchar('\n');
}

/*
 * The size bytes at address vma, found as GNU's offset_from_vma finds
 * them (a PT_LOAD holding all of them, else the address taken as an
 * offset), or NULL when they are not in the file.
 */
static const unsigned char *
vma_data(struct relf *f, uint64_t vma, uint64_t size)
{
	const GElf_Phdr *ph;
	uint64_t off = vma;
	size_t i;

	for (i = 0; i < f->phnum; i++) {
		ph = &f->ph[i];
		if (ph->p_type == PT_LOAD && vma >= ph->p_vaddr &&
		    size <= ph->p_filesz && vma - ph->p_vaddr <=
		    ph->p_filesz - size) {
			off = vma - ph->p_vaddr + ph->p_offset;
			break;
		}
	}
	if (size == 0)
		return NULL;
	return span_range(f->img, off, size);
}

static void
hexaddr(const struct mipsgot *g, uint64_t v)
{
	out_hexfield(g->f, v);
}

/*
 * One GOT entry: address, gp-relative access, initial value.  data holds
 * the table from pltgot to dend.  Returns the next address, or -1 when
 * the entry is outside the data.
 */
static int64_t
got_entry(const struct mipsgot *g, const unsigned char *data, uint64_t pltgot,
    uint64_t addr, uint64_t dlen)
{
	out("  ");
	hexaddr(g, addr);
	putchar(' ');
	if (addr < pltgot + 0xfff0)
		out("%6d(gp)", (int)(addr - pltgot - 0x7ff0));
	else
		out("%10s", "");
	putchar(' ');
	if (data == NULL)
		out("%*s", g->asz * 2, "<unknown>");
	else if (addr - pltgot > dlen || dlen - (addr - pltgot) <
	    (uint64_t)g->asz) {
		out("%*s", g->asz * 2, "<corrupt>");
		relf_error(g->f, "MIPS GOT entry extends beyond the end of "
		    "available data");
		return -1;
	} else
		hexaddr(g, relf_word(g->f, data + (addr - pltgot), g->asz));
	return (int64_t)(addr + g->asz);
}

/* Sym.Val., Type, Ndx and Name of dynamic symbol i. */
static void
got_symbol(const struct mipsgot *g, uint64_t i, int width)
{
	char tb[48], nb[48];
	const char *name;
	GElf_Sym s;

	relf_sym(g->f, g->dynsym + i * (g->f->is64 ? 24 : 16), &s);
	hexaddr(g, s.st_value);
	out(" %-7s %3s ", names_symtype(g->f, GELF_ST_TYPE(s.st_info), tb,
	    sizeof(tb)), names_shndx(g->f, s.st_shndx, nb, sizeof(nb)));
	if ((name = relf_string_span(g->strs, s.st_name)) != NULL)
		out_symbol(g->f, width, name);
	else
		out("<corrupt: %14ld>", (long)s.st_name);
}

static void
static_got(struct mipsgot *g)
{
	struct relf *f = g->f;
	const unsigned char *data;
	uint64_t pltgot, ent, end, size;
	int64_t r;
	size_t i;

	for (i = 1; i < f->shnum; i++)
		if (strcmp(relf_secname(f, i), ".got") == 0)
			break;
	if (i >= f->shnum)
		return;
	pltgot = ent = f->sh[i].sh_addr;
	size = f->sh[i].sh_size;
	end = pltgot + size;
	data = size == 0 ? NULL : span_range(f->img, f->sh[i].sh_offset,
	    size);
	out("\nStatic GOT:\n Canonical gp value: ");
	hexaddr(g, ent + 0x7ff0);
	out("\n\n");
	if (data != NULL && size >= (uint64_t)g->asz &&
	    relf_word(f, data, g->asz) == 0) {
		out(" Reserved entries:\n");
		out("  %*s %10s %*s\n", g->asz * 2, "Address", "Access",
		    g->asz * 2, "Value");
		if ((r = got_entry(g, data, pltgot, ent, size)) == -1)
			return;
		ent = (uint64_t)r;
		out("\n");
		if (ent - pltgot <= size && size - (ent - pltgot) >=
		    (uint64_t)g->asz && relf_word(f, data + (ent - pltgot),
		    g->asz) >> (g->asz * 8 - 1) != 0) {
			if ((r = got_entry(g, data, pltgot, ent, size)) == -1)
				return;
			ent = (uint64_t)r;
			out("\n");
		}
		out("\n");
	}
	if (data != NULL && ent < end) {
		out(" Local entries:\n");
		out("  %*s %10s %*s\n", g->asz * 2, "Address", "Access",
		    g->asz * 2, "Value");
		while (ent < end) {
			if ((r = got_entry(g, data, pltgot, ent, size)) == -1)
				return;
			ent = (uint64_t)r;
			out("\n");
		}
		out("\n");
	}
}

static void
primary_got(struct mipsgot *g, uint64_t pltgot, uint64_t local,
    uint64_t gotsym, uint64_t symtabno)
{
	struct relf *f = g->f;
	const unsigned char *data;
	uint64_t ent = pltgot, lend, gend, len, i;
	int64_t r;
	int w;

	if (local > f->img.size / (uint64_t)g->asz) {
		relf_error(f, "too many local GOT entries: %ju",
		    (uintmax_t)local);
		return;
	}
	lend = pltgot + local * g->asz;
	if (symtabno < gotsym) {
		relf_error(f, "the GOT symbol offset (%ju) is greater than "
		    "the symbol table size (%ju)", (uintmax_t)gotsym,
		    (uintmax_t)symtabno);
		return;
	}
	if (symtabno - gotsym > f->img.size / (uint64_t)g->asz ||
	    (gend = lend + (symtabno - gotsym) * g->asz) < lend) {
		relf_error(f, "too many GOT symbols: %ju",
		    (uintmax_t)symtabno);
		return;
	}
	len = gend - pltgot;
	data = vma_data(f, pltgot, len);
	out("\nPrimary GOT:\n Canonical gp value: ");
	hexaddr(g, pltgot + 0x7ff0);
	out("\n\n Reserved entries:\n");
	out("  %*s %10s %*s Purpose\n", g->asz * 2, "Address", "Access",
	    g->asz * 2, "Initial");
	r = got_entry(g, data, pltgot, ent, len);
	out(" Lazy resolver\n");
	if (r == -1)
		return;
	ent = (uint64_t)r;
	if (data != NULL && ent - pltgot <= len && len - (ent - pltgot) >=
	    (uint64_t)g->asz && relf_word(f, data + (ent - pltgot), g->asz) >>
	    (g->asz * 8 - 1) != 0) {
		r = got_entry(g, data, pltgot, ent, len);
		out(" Module pointer (GNU extension)\n");
		if (r == -1)
			return;
		ent = (uint64_t)r;
	}
	out("\n");
	if (data != NULL && ent < lend) {
		out(" Local entries:\n");
		out("  %*s %10s %*s\n", g->asz * 2, "Address", "Access",
		    g->asz * 2, "Initial");
		while (ent < lend) {
			if ((r = got_entry(g, data, pltgot, ent, len)) == -1)
				return;
			ent = (uint64_t)r;
			out("\n");
		}
		out("\n");
	}
	if (data == NULL || gotsym >= symtabno)
		return;
	out(" Global entries:\n");
	out("  %*s %10s %*s %*s %-7s %3s %s\n", g->asz * 2, "Address",
	    "Access", g->asz * 2, "Initial", g->asz * 2, "Sym.Val.", "Type",
	    "Ndx", "Name");
	w = (f->is64 ? 160 : 80) - 28 - g->asz * 6 - 1;
	for (i = gotsym; i < symtabno; i++) {
		r = got_entry(g, data, pltgot, ent, len);
		putchar(' ');
		if (g->dynsym == NULL)
			out("<no dynamic symbols>");
		else if (i < g->nsyms)
			got_symbol(g, i, w);
		else
			out("<symbol index %ju exceeds number of dynamic "
			    "symbols>", (uintmax_t)i);
		out("\n");
		if (r == -1)
			break;
		ent = (uint64_t)r;
	}
	out("\n");
}

static void
plt_got(struct mipsgot *g, uint64_t pltgot, uint64_t jmprel, uint64_t pltrel,
    uint64_t pltrelsz)
{
	struct relf *f = g->f;
	const unsigned char *rels, *data;
	uint64_t esz, count, i, ent = pltgot, len, idx;
	int w;

	esz = (f->is64 ? 8 : 4) * (pltrel == DT_RELA ? 3 : 2);
	if ((rels = vma_data(f, jmprel, pltrelsz)) == NULL) {
		relf_error(f, "PLT relocations past end of file");
		return;
	}
	count = pltrelsz / esz;
	if (count > f->img.size / (uint64_t)g->asz) {
		relf_error(f, "too many PLT relocations");
		return;
	}
	len = (2 + count) * g->asz;
	if ((data = vma_data(f, pltgot, len)) == NULL) {
		relf_error(f, "PLT GOT past end of file");
		return;
	}
	out("\nPLT GOT:\n\n Reserved entries:\n");
	out("  %*s %*s Purpose\n", g->asz * 2, "Address", g->asz * 2,
	    "Initial");
	for (i = 0; i < 2; i++, ent += g->asz) {
		out("  ");
		hexaddr(g, ent);
		putchar(' ');
		hexaddr(g, relf_word(f, data + i * g->asz, g->asz));
		out(i == 0 ? " PLT lazy resolver\n" : " Module pointer\n");
	}
	out("\n Entries:\n");
	out("  %*s %*s %*s %-7s %3s %s\n", g->asz * 2, "Address", g->asz * 2,
	    "Initial", g->asz * 2, "Sym.Val.", "Type", "Ndx", "Name");
	w = (f->is64 ? 160 : 80) - 17 - g->asz * 6 - 1;
	for (i = 0; i < count; i++, ent += g->asz) {
		/*
		 * The symbol index: r_info's high half, or on MIPS64 its
		 * first four bytes, which is the same in both byte orders.
		 */
		if (f->is64)
			idx = load32(rels + i * esz + 8, f->big);
		else
			idx = load32(rels + i * esz + 4, f->big) >> 8;
		out("  ");
		hexaddr(g, ent);
		putchar(' ');
		hexaddr(g, relf_word(f, data + (2 + i) * g->asz, g->asz));
		putchar(' ');
		if (g->dynsym == NULL || idx >= g->nsyms)
			out("<corrupt symbol index: %ju>", (uintmax_t)idx);
		else
			got_symbol(g, idx, w);
		out("\n");
	}
	out("\n");
}
