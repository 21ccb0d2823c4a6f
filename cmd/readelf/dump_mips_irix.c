/*
 * -A on MIPS, the dynamic tables of the SGI (IRIX) toolchain that GNU
 * readelf 2.40 prints before the GOT: the library list (DT_MIPS_LIBLIST,
 * DT_MIPS_LIBLISTNO entries of Elf32_Lib: name, time stamp, checksum,
 * version, flags; only with -d as well), the option records of
 * DT_MIPS_OPTIONS (Elf_Options: kind u8, size u8, section u16, info u32,
 * then size - 8 bytes of data, sized by the SHT_MIPS_OPTIONS section) and
 * the conflict list (DT_MIPS_CONFLICT, DT_MIPS_CONFLICTNO dynamic symbol
 * indexes of the class's word size).  The layouts are those of the MIPS
 * ABI supplement's IRIX extensions as binutils' include/elf/mips.h has
 * them.  GNU ld and lld write none of these.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "readelf.h"

#define DT_MIPS_CONFLICT	0x70000008
#define DT_MIPS_LIBLIST		0x70000009
#define DT_MIPS_CONFLICTNO	0x7000000b
#define DT_MIPS_LIBLISTNO	0x70000010
#define DT_MIPS_OPTIONS		0x70000029

static void	mips_liblist(struct relf *, uint64_t, uint64_t);
static bool	mips_options(struct relf *, uint64_t);
static bool	mips_conflicts(struct relf *, uint64_t, uint64_t,
		    const unsigned char *, uint64_t);
static void	option_record(struct relf *, const unsigned char *, bool *);
static struct span irix_strings(const struct relf *);
static void	fpe_mask(unsigned);
static void	bit_names(uint32_t, const char *const *, size_t);

/*
 * The file offset of vma as GNU's offset_from_vma finds it: in a PT_LOAD
 * (from its start rounded down to its alignment) that holds size bytes
 * from there, else the address itself, with a warning.
 */
static uint64_t
vma_offset(struct relf *f, uint64_t vma, uint64_t size)
{
	const GElf_Phdr *ph;
	size_t i;

	if (f->phnum == 0) {
		relf_warn(f, "cannot interpret virtual addresses without "
		    "program headers");
		return vma;
	}
	for (i = 0; i < f->phnum; i++) {
		ph = &f->ph[i];
		if (ph->p_type == PT_LOAD && vma >= (ph->p_vaddr &
		    -ph->p_align) && vma + size <= ph->p_vaddr + ph->p_filesz)
			return vma - ph->p_vaddr + ph->p_offset;
	}
	relf_warn(f, "virtual address %#jx not located in any PT_LOAD segment",
	    (uintmax_t)vma);
	return vma;
}

/* Note one dynamic tag; the offsets are found when the tag is seen. */
void
mips_irix_tag(struct relf *f, struct mips_irix_tags *t, int64_t tag,
    uint64_t val)
{
	switch (tag) {
	case DT_MIPS_LIBLIST:
		t->liblist = vma_offset(f, val, t->liblistno * 20);
		break;
	case DT_MIPS_LIBLISTNO:
		t->liblistno = val;
		break;
	case DT_MIPS_OPTIONS:
		t->options = vma_offset(f, val, 0);
		break;
	case DT_MIPS_CONFLICT:
		t->conflict = vma_offset(f, val, t->conflictno * 4);
		break;
	case DT_MIPS_CONFLICTNO:
		t->conflictno = val;
		break;
	}
}

/*
 * The dynamic string table as GNU has it here: the .dynstr section when
 * the section headers name one, else DT_STRTAB for DT_STRSZ bytes.
 */
static struct span
irix_strings(const struct relf *f)
{
	size_t i;

	for (i = 1; i < f->shnum; i++)
		if (f->sh[i].sh_type == SHT_STRTAB &&
		    strcmp(relf_secname(f, i), ".dynstr") == 0)
			return span_sub(f->img, f->sh[i].sh_offset,
			    f->sh[i].sh_size);
	return dyn_strings(f);
}

/* n entries of esz bytes at off, or NULL after an error. */
static const unsigned char *
table(struct relf *f, uint64_t off, uint64_t n, uint64_t esz, const char *what)
{
	const unsigned char *p;

	if (n > UINT64_MAX / esz || (p = span_range(f->img, off, n * esz)) ==
	    NULL) {
		relf_error(f, "%s: %ju entries at offset %#jx extend past end "
		    "of file", what, (uintmax_t)n, (uintmax_t)off);
		return NULL;
	}
	return p;
}

static void
mips_liblist(struct relf *f, uint64_t off, uint64_t n)
{
	static const char *const flags[] = { " EXACT_MATCH",
	    " IGNORE_INT_VER", " REQUIRE_MINOR", " EXPORTS", " DELAY_LOAD",
	    " DELTA" };
	struct span strs = irix_strings(f);
	const unsigned char *p, *e;
	const char *name;
	uint32_t fl;
	time_t t;
	struct tm tm;
	uint64_t i;

	if ((p = table(f, off, n, 20, "liblist")) == NULL)
		return;
	out("\nSection '.liblist' contains %ju %s:\n", (uintmax_t)n,
	    n == 1 ? "entry" : "entries");
	out("     Library              Time Stamp          Checksum   "
	    "Version Flags\n");
	for (i = 0; i < n; i++) {
		e = p + i * 20;
		out("%3ju: ", (uintmax_t)i);
		if ((name = relf_string_span(strs, load32(e, f->big))) != NULL)
			out_symbol(f, 20, name);
		else
			out("<corrupt: %9ld>", (long)load32(e, f->big));
		t = (time_t)load32(e + 4, f->big);
		gmtime_r(&t, &tm);
		out(" %04u-%02u-%02uT%02u:%02u:%02u %#10jx %-7ld",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, (uintmax_t)load32(e + 8, f->big),
		    (long)load32(e + 12, f->big));
		if ((fl = load32(e + 16, f->big)) == 0) {
			out(" NONE\n");
			continue;
		}
		bit_names(fl, flags, 6);
		out("\n");
	}
}

/* The names of the set bits below 1 << n, then any others in hex. */
static void
bit_names(uint32_t v, const char *const *names, size_t n)
{
	size_t b;

	for (b = 0; b < n; b++)
		if (v & (1u << b)) {
			out("%s", names[b]);
			v &= ~(1u << b);
		}
	if (v != 0)
		out(" %#x", v);
}

/*
 * The option records; false when they are malformed, after which GNU
 * prints nothing more of -A.
 */
static bool
mips_options(struct relf *f, uint64_t off)
{
	const unsigned char *p;
	uint64_t size = 0, o;
	size_t k, cnt = 0;
	unsigned rsz;
	bool more = true;

	for (k = 1; k < f->shnum; k++)
		if (f->sh[k].sh_type == SHT_MIPS_OPTIONS)
			break;
	if (k >= f->shnum) {
		relf_error(f, "no MIPS_OPTIONS header found");
		return false;
	}
	size = f->sh[k].sh_size;
	if (size < 8) {
		relf_error(f, "the MIPS options section is too small");
		return false;
	}
	if ((p = span_range(f->img, off, size)) == NULL) {
		relf_error(f, "MIPS options: %#jx bytes at offset %#jx extend "
		    "past end of file", (uintmax_t)size, (uintmax_t)off);
		return true;
	}
	for (o = 0; o <= size - 8; o += rsz, cnt++) {
		rsz = p[o + 1];
		if (rsz < 8 || rsz > size - o) {
			relf_error(f, "invalid size (%u) for MIPS option", rsz);
			return false;
		}
	}
	out("\nSection '%s' contains %zu %s:\n", secname_print(f, k), cnt,
	    cnt == 1 ? "entry" : "entries");
	for (o = 0; more && cnt-- > 0; o += p[o + 1])
		option_record(f, p + o, &more);
	return true;
}

/* One option record; rec holds at least its size byte's worth. */
static void
option_record(struct relf *f, const unsigned char *rec, bool *more)
{
	static const char *const pad[] = { " PREFIX", " POSTFIX", " SYMBOL" };
	static const char *const hwp[] = { " R4KEOP", " R8KPFETCH",
	    " R5KEOP", " R5KCVTL" };
	static const char *const hwa[] = { " R4KEOP_CHECKED",
	    " R4KEOP_CLEAN" };
	unsigned kind = rec[0], size = rec[1], i;
	unsigned sec = load16(rec + 2, f->big);
	uint32_t info = load32(rec + 4, f->big);
	const unsigned char *r = rec + 8;

	switch (kind) {
	case 0:
		out(" NULL       %u %x", sec, info);
		break;
	case 1:		/* REGINFO: Elf32_RegInfo or Elf64_Internal_RegInfo */
		out(" REGINFO    ");
		if (f->eh.e_machine == EM_MIPS ? size < 32 : size < 48) {
			/* GNU shows the bytes, then no more records. */
			out("<corrupt>\n");
			relf_warn(f, "truncated MIPS REGINFO option");
			*more = false;
			break;
		}
		if (f->eh.e_machine == EM_MIPS)
			out("GPR %08x  GP 0x%jx\n", load32(r, f->big),
			    (uintmax_t)load32(r + 20, f->big));
		else
			out("GPR %08x  GP 0x%016jx\n", load32(r, f->big),
			    (uintmax_t)load64(r + 24, f->big));
		if (f->eh.e_machine != EM_MIPS)
			r += 4;
		out("            CPR0 %08x  CPR1 %08x  CPR2 %08x  CPR3 %08x\n",
		    load32(r + 4, f->big), load32(r + 8, f->big),
		    load32(r + 12, f->big), load32(r + 16, f->big));
		return;
	case 2:
		out(" EXCEPTIONS fpe_min(");
		fpe_mask(info & 0x1f);
		out(") fpe_max(");
		fpe_mask((info & 0x1f00) >> 8);
		out(")");
		if (info & 0x10000)
			out(" PAGE0");
		if (info & 0x20000)
			out(" SMM");
		if (info & 0x40000)
			out(" FPDBUG");
		if (info & 0x80000)
			out(" DISMISS");
		break;
	case 3:
		out(" PAD       ");
		for (i = 0; i < 3; i++)
			if (info & (1u << i))
				out("%s", pad[i]);
		break;
	case 4:
		out(" HWPATCH   ");
		for (i = 0; i < 4; i++)
			if (info & (1u << i))
				out("%s", hwp[i]);
		break;
	case 5:
		out(" FILL       ");
		break;
	case 6:
		out(" TAGS       ");
		break;
	case 7:
	case 8:
		out(kind == 7 ? " HWAND     " : " HWOR      ");
		for (i = 0; i < 2; i++)
			if (info & (1u << i))
				out("%s", hwa[i]);
		break;
	case 9:
	case 10:
		out(kind == 9 ? " GP_GROUP  %#06x  self-contained %#06x" :
		    " IDENT     %#06x  self-contained %#06x", info & 0xffff,
		    info >> 16);
		break;
	default:
		out(" %3u ???     %u %x", kind, sec, info);
		break;
	}
	for (i = 8; i < size; i++)
		if (rec[i] >= ' ' && rec[i] < 0x7f)
			putchar(rec[i]);
		else
			out("\\%03o", rec[i]);
	out("\n");
}

static void
fpe_mask(unsigned m)
{
	static const char *const n[] = { "INEX", "UFLO", "OFLO", "DIV0",
	    "INVAL" };
	bool first = true;
	unsigned b;

	if (m == 0) {
		out("0");
		return;
	}
	for (b = 0; b < 5; b++)
		if (m & (1u << b)) {
			out("%s%s", first ? "" : "|", n[b]);
			first = false;
		}
}

/*
 * The conflict list: dynamic symbol indexes, one word each; false when it
 * cannot be shown, after which GNU prints nothing more of -A.
 */
static bool
mips_conflicts(struct relf *f, uint64_t off, uint64_t n,
    const unsigned char *dynsym, uint64_t nsyms)
{
	struct span strs = irix_strings(f);
	unsigned w = f->is64 ? 8 : 4;
	const unsigned char *p;
	const char *name;
	uint64_t i, idx;
	GElf_Sym s;

	if (dynsym == NULL) {
		relf_error(f, "conflict list found without a dynamic symbol "
		    "table");
		return false;
	}
	if ((p = table(f, off, n, w, "conflict list")) == NULL)
		return false;
	out("\nSection '.conflict' contains %ju %s:\n", (uintmax_t)n,
	    n == 1 ? "entry" : "entries");
	out("  Num:    Index       Value  Name\n");
	for (i = 0; i < n; i++) {
		idx = relf_word(f, p + i * w, (int)w);
		out("%5ju: %8ju  ", (uintmax_t)i, (uintmax_t)idx);
		if (idx >= nsyms) {
			out("<corrupt symbol index>\n");
			continue;
		}
		relf_sym(f, dynsym + idx * (f->is64 ? 24 : 16), &s);
		out("0x");
		out_hexfield(f, s.st_value);
		out(" ");
		if ((name = relf_string_span(strs, s.st_name)) != NULL)
			out_symbol(f, 25, name);
		else
			out("<corrupt: %14ld>", (long)s.st_name);
		out("\n");
	}
	return true;
}

/* Called by dump_mips with the tags of the dynamic section. */
bool
mips_irix(struct relf *f, const struct mips_irix_tags *t,
    const unsigned char *dynsym, uint64_t nsyms)
{
	if (t->liblist != 0 && t->liblistno != 0 && f->opts->dynamic)
		mips_liblist(f, t->liblist, t->liblistno);
	if (t->options != 0 && !mips_options(f, t->options))
		return false;
	if (t->conflict != 0 && t->conflictno != 0 && !mips_conflicts(f,
	    t->conflict, t->conflictno, dynsym, nsyms))
		return false;
	return true;
}
