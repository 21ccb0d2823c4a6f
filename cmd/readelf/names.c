/*
 * names: numbers in an ELF file to the words GNU readelf prints for them.
 * The long lists are the tables in names_tab.c; what is computed here is
 * the fallback wording for values no table names (LOOS+0x..., "<unknown>:
 * ...") and the e_flags decoding of each processor supplement.
 */
#include <stdio.h>
#include <string.h>

#include "names_tab.h"
#include "readelf.h"

static const char *lookup(const struct name_ent *, size_t, uint32_t);
static const char *mlookup(const struct mname_ent *, size_t, unsigned,
		    uint32_t);
static void	flags_arm(uint32_t, char *, size_t);
static void	flags_mips(uint32_t, char *, size_t);
static void	flags_misc(unsigned, uint32_t, char *, size_t);
static void	cat(char *, size_t, const char *);

/* Binary search of a table sorted by value. */
static const char *
lookup(const struct name_ent *t, size_t n, uint32_t v)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (t[mid].val == v)
			return t[mid].name;
		if (t[mid].val < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A machine's own row wins over the generic (mach 0) one. */
static const char *
mlookup(const struct mname_ent *t, size_t n, unsigned mach, uint32_t v)
{
	const char *generic = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].val != v)
			continue;
		if (t[i].mach == mach)
			return t[i].name;
		if (t[i].mach == 0)
			generic = t[i].name;
	}
	return generic;
}

static void
cat(char *buf, size_t len, const char *s)
{
	size_t have = strlen(buf);

	if (have < len)
		snprintf(buf + have, len - have, "%s", s);
}

const char *
names_osabi(unsigned v)
{
	return lookup(tab_osabi, tab_osabi_len, v);
}

const char *
names_machine(unsigned v)
{
	return lookup(tab_machine, tab_machine_len, v);
}

const char *
names_etype(unsigned t, char *buf, size_t len)
{
	switch (t) {
	case ET_NONE:	return "NONE (None)";
	case ET_REL:	return "REL (Relocatable file)";
	case ET_EXEC:	return "EXEC (Executable file)";
	case ET_DYN:	return "DYN (Shared object file)";
	case ET_CORE:	return "CORE (Core file)";
	}
	if (t >= ET_LOPROC)
		snprintf(buf, len, "Processor Specific: (%x)", t);
	else if (t >= ET_LOOS)
		snprintf(buf, len, "OS Specific: (%x)", t);
	else
		snprintf(buf, len, "<unknown>: %x", t);
	return buf;
}

/* Section type; the fallback text lives in a static buffer. */
const char *
names_shtype(const struct relf *f, uint32_t t)
{
	static char buf[40];
	const char *s;

	s = mlookup(tab_shtype, tab_shtype_len, f->eh.e_machine, t);
	if (s != NULL)
		return s;
	if (t >= SHT_LOPROC && t <= SHT_HIPROC)
		snprintf(buf, sizeof(buf), "LOPROC+%#x", t - SHT_LOPROC);
	else if (t >= SHT_LOOS && t <= SHT_HIOS)
		snprintf(buf, sizeof(buf), "LOOS+%#x", t - SHT_LOOS);
	else if (t >= SHT_LOUSER)
		snprintf(buf, sizeof(buf), "LOUSER+%#x", t - SHT_LOUSER);
	else
		snprintf(buf, sizeof(buf), "%08x: <unknown>", t);
	return buf;
}

const char *
names_ptype(const struct relf *f, uint32_t t)
{
	static char buf[40];
	const char *s;

	s = mlookup(tab_ptype, tab_ptype_len, f->eh.e_machine, t);
	if (s != NULL)
		return s;
	if (t >= PT_LOPROC && t <= PT_HIPROC)
		snprintf(buf, sizeof(buf), "LOPROC+%#x", t - PT_LOPROC);
	else if (t >= PT_LOOS && t <= PT_HIOS)
		snprintf(buf, sizeof(buf), "LOOS+%#x", t - PT_LOOS);
	else
		snprintf(buf, sizeof(buf), "<unknown>: %x", t);
	return buf;
}

const char *
names_dtag(const struct relf *f, uint64_t tag)
{
	static char buf[48];
	const char *s = NULL;

	if (tag == DT_NULL)
		return "NULL";
	if (tag <= UINT32_MAX)
		s = mlookup(tab_dtag, tab_dtag_len, f->eh.e_machine,
		    (uint32_t)tag);
	if (s != NULL)
		return s;
	if (tag >= DT_LOPROC && tag <= DT_HIPROC)
		snprintf(buf, sizeof(buf), "Processor Specific: %jx",
		    (uintmax_t)tag);
	else if (tag >= DT_LOOS && tag <= DT_HIOS)
		snprintf(buf, sizeof(buf), "Operating System specific: %jx",
		    (uintmax_t)tag);
	else
		snprintf(buf, sizeof(buf), "<unknown>: %jx", (uintmax_t)tag);
	return buf;
}

const char *
names_reloc(unsigned machine, uint32_t type)
{
	switch (machine) {
	case EM_386:
	case EM_IAMCU:
		return lookup(tab_reloc_i386, tab_reloc_i386_len, type);
	case EM_X86_64:
	case 180:	/* EM_L1OM */
	case 181:	/* EM_K1OM */
		return lookup(tab_reloc_x86_64, tab_reloc_x86_64_len, type);
	case EM_ARM:
		return lookup(tab_reloc_arm, tab_reloc_arm_len, type);
	case EM_AARCH64:
		return lookup(tab_reloc_aarch64, tab_reloc_aarch64_len, type);
	case EM_RISCV:
		return lookup(tab_reloc_riscv, tab_reloc_riscv_len, type);
	case EM_MIPS:
	case EM_MIPS_RS3_LE:
		return lookup(tab_reloc_mips, tab_reloc_mips_len, type);
	case EM_PPC:
		return lookup(tab_reloc_ppc, tab_reloc_ppc_len, type);
	case EM_PPC64:
		return lookup(tab_reloc_ppc64, tab_reloc_ppc64_len, type);
	case EM_S390:
	case 0xa390:	/* old S/390 number */
		return lookup(tab_reloc_s390, tab_reloc_s390_len, type);
	case EM_SPARC:
	case EM_SPARC32PLUS:
	case EM_SPARCV9:
		return lookup(tab_reloc_sparc, tab_reloc_sparc_len,
		    type & 0xff);
	case EM_LOONGARCH:
		return lookup(tab_reloc_loongarch, tab_reloc_loongarch_len,
		    type);
	case EM_68K:
		return lookup(tab_reloc_m68k, tab_reloc_m68k_len, type);
	case EM_SH:
		return lookup(tab_reloc_sh, tab_reloc_sh_len, type);
	case EM_ALPHA:
		return lookup(tab_reloc_alpha, tab_reloc_alpha_len, type);
	case EM_PARISC:
		return lookup(tab_reloc_parisc, tab_reloc_parisc_len, type);
	case EM_IA_64:
		return lookup(tab_reloc_ia64, tab_reloc_ia64_len, type);
	}
	return NULL;
}

/* The words after "0x5000200" on the Flags line. */
void
names_eflags(const struct relf *f, char *buf, size_t len)
{
	uint32_t fl = f->eh.e_flags;

	buf[0] = '\0';
	if (fl == 0)
		return;
	switch (f->eh.e_machine) {
	case EM_ARM:
		flags_arm(fl, buf, len);
		break;
	case EM_MIPS:
	case EM_MIPS_RS3_LE:
		flags_mips(fl, buf, len);
		break;
	default:
		flags_misc(f->eh.e_machine, fl, buf, len);
		break;
	}
}

static void
flags_arm(uint32_t fl, char *buf, size_t len)
{
	static const struct { uint32_t bit; const char *w; } gnu[] = {
		{ 0x04, ", interworking enabled" }, { 0x08, ", uses APCS/26" },
		{ 0x10, ", uses APCS/float" }, { 0x20, ", position independent" },
		{ 0x40, ", 8 bit structure alignment" },
		{ 0x80, ", uses new ABI" }, { 0x100, ", uses old ABI" },
		{ 0x200, ", software FP" }, { 0x400, ", VFP" },
		{ 0x800, ", Maverick FP" },
	};
	uint32_t eabi = fl & 0xff000000, bit;
	bool unknown = false;
	size_t i;

	fl &= ~0xff000000u;
	if (fl & 0x01) {
		cat(buf, len, ", relocatable executable");
		fl &= ~0x01u;
	}
	if (eabi != 0 && (fl & 0x20)) {
		cat(buf, len, ", position independent");
		fl &= ~0x20u;
	}
	switch (eabi) {
	case 0:
		cat(buf, len, ", GNU EABI");
		for (i = 0; i < sizeof(gnu) / sizeof(gnu[0]); i++)
			if (fl & gnu[i].bit) {
				cat(buf, len, gnu[i].w);
				fl &= ~gnu[i].bit;
			}
		unknown = fl != 0;
		break;
	case 0x01000000:
		cat(buf, len, ", Version1 EABI");
		if (fl & 0x04)
			cat(buf, len, ", sorted symbol tables");
		unknown = (fl & ~0x04u) != 0;
		break;
	case 0x02000000:
		cat(buf, len, ", Version2 EABI");
		if (fl & 0x04)
			cat(buf, len, ", sorted symbol tables");
		if (fl & 0x08)
			cat(buf, len, ", dynamic symbols use segment index");
		if (fl & 0x10)
			cat(buf, len, ", mapping symbols precede others");
		unknown = (fl & ~0x1cu) != 0;
		break;
	case 0x03000000:
		cat(buf, len, ", Version3 EABI");
		break;
	case 0x04000000:
	case 0x05000000:
		cat(buf, len, eabi == 0x04000000 ? ", Version4 EABI" :
		    ", Version5 EABI");
		while (fl != 0) {
			bit = fl & -fl;
			fl &= ~bit;
			if (bit == 0x800000)
				cat(buf, len, ", BE8");
			else if (bit == 0x400000)
				cat(buf, len, ", LE8");
			else if (bit == 0x200 && eabi == 0x05000000)
				cat(buf, len, ", soft-float ABI");
			else if (bit == 0x400 && eabi == 0x05000000)
				cat(buf, len, ", hard-float ABI");
			else
				unknown = true;
		}
		break;
	default:
		cat(buf, len, ", <unrecognized EABI>");
		unknown = fl != 0;
		break;
	}
	if (unknown)
		cat(buf, len, ", <unknown>");
}

static void
flags_mips(uint32_t fl, char *buf, size_t len)
{
	static const struct { uint32_t v; const char *w; } bits[] = {
		{ 0x1, ", noreorder" }, { 0x2, ", pic" }, { 0x4, ", cpic" },
		{ 0x10, ", ugen_reserved" }, { 0x20, ", abi2" },
		{ 0x80, ", odk first" }, { 0x100, ", 32bitmode" },
		{ 0x200, ", fp64" }, { 0x400, ", nan2008" },
	}, mach[] = {
		{ 0x810000, ", 3900" }, { 0x820000, ", 4010" },
		{ 0x830000, ", 4100" }, { 0x880000, ", 4111" },
		{ 0x870000, ", 4120" }, { 0x850000, ", 4650" },
		{ 0x910000, ", 5400" }, { 0x980000, ", 5500" },
		{ 0x920000, ", 5900" }, { 0x8a0000, ", sb1" },
		{ 0x990000, ", 9000" }, { 0xa00000, ", loongson-2e" },
		{ 0xa10000, ", loongson-2f" }, { 0xa20000, ", gs464" },
		{ 0xa30000, ", gs464e" }, { 0xa40000, ", gs264e" },
		{ 0x8b0000, ", octeon" }, { 0x8d0000, ", octeon2" },
		{ 0x8e0000, ", octeon3" }, { 0x8c0000, ", xlr" },
	}, isa[] = {
		{ 0x00000000, ", mips1" }, { 0x10000000, ", mips2" },
		{ 0x20000000, ", mips3" }, { 0x30000000, ", mips4" },
		{ 0x40000000, ", mips5" }, { 0x50000000, ", mips32" },
		{ 0x70000000, ", mips32r2" }, { 0x90000000, ", mips32r6" },
		{ 0x60000000, ", mips64" }, { 0x80000000, ", mips64r2" },
		{ 0xa0000000, ", mips64r6" },
	};
	static const char *abi[] = { "", ", o32", ", o64", ", eabi32",
	    ", eabi64" };
	const char *w;
	size_t i;

	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (fl & bits[i].v)
			cat(buf, len, bits[i].w);
	if ((fl & 0xff0000) != 0) {
		w = ", unknown CPU";
		for (i = 0; i < sizeof(mach) / sizeof(mach[0]); i++)
			if ((fl & 0xff0000) == mach[i].v)
				w = mach[i].w;
		cat(buf, len, w);
	}
	cat(buf, len, ((fl >> 12) & 0xf) <= 4 ? abi[(fl >> 12) & 0xf] :
	    ", unknown ABI");
	if (fl & 0x08000000)
		cat(buf, len, ", mdmx");
	if (fl & 0x04000000)
		cat(buf, len, ", mips16");
	if (fl & 0x02000000)
		cat(buf, len, ", micromips");
	w = ", unknown ISA";
	for (i = 0; i < sizeof(isa) / sizeof(isa[0]); i++)
		if ((fl & 0xf0000000) == isa[i].v)
			w = isa[i].w;
	cat(buf, len, w);
}

static void
flags_misc(unsigned machine, uint32_t fl, char *buf, size_t len)
{
	static const char *rvabi[] = { ", soft-float ABI",
	    ", single-float ABI", ", double-float ABI", ", quad-float ABI" };
	char abi[] = ", abiv0";

	switch (machine) {
	case EM_RISCV:
		if (fl & 0x1)
			cat(buf, len, ", RVC");
		if (fl & 0x8)
			cat(buf, len, ", RVE");
		if (fl & 0x10)
			cat(buf, len, ", TSO");
		cat(buf, len, rvabi[(fl >> 1) & 3]);
		break;
	case EM_PPC64:
		if (fl & 3) {
			abi[6] += fl & 3;
			cat(buf, len, abi);
		}
		break;
	case EM_PPC:
		if (fl & 0x80000000)
			cat(buf, len, ", emb");
		if (fl & 0x10000)
			cat(buf, len, ", relocatable");
		if (fl & 0x8000)
			cat(buf, len, ", relocatable-lib");
		break;
	case EM_S390:
	case 0xa390:	/* old S/390 number */
		if (fl & 1)
			cat(buf, len, ", highgprs");
		break;
	case EM_SPARCV9:
		if (fl & 0x100)
			cat(buf, len, ", v8+");
		if (fl & 0x200)
			cat(buf, len, ", ultrasparcI");
		if (fl & 0x800)
			cat(buf, len, ", ultrasparcIII");
		if (fl & 0x400)
			cat(buf, len, ", halr1");
		if (fl & 0x800000)
			cat(buf, len, ", ledata");
		cat(buf, len, (fl & 3) == 0 ? ", tso" : (fl & 3) == 1 ?
		    ", pso" : (fl & 3) == 2 ? ", rmo" : "");
		break;
	case EM_LOONGARCH:
		if ((fl & 7) == 1)
			cat(buf, len, ", SOFT-FLOAT");
		else if ((fl & 7) == 2)
			cat(buf, len, ", SINGLE-FLOAT");
		else if ((fl & 7) == 3)
			cat(buf, len, ", DOUBLE-FLOAT");
		if ((fl & 0xc0) == 0)
			cat(buf, len, ", OBJ-v0");
		else if ((fl & 0xc0) == 0x40)
			cat(buf, len, ", OBJ-v1");
		break;
	}
}

const char *
names_symtype(const struct relf *f, unsigned t, char *buf, size_t len)
{
	static const char *gen[] = { "NOTYPE", "OBJECT", "FUNC", "SECTION",
	    "FILE", "COMMON", "TLS" };
	unsigned m = f->eh.e_machine, abi = f->eh.e_ident[EI_OSABI];

	if (t < sizeof(gen) / sizeof(gen[0]))
		return gen[t];
	if (t >= STT_LOPROC && t <= STT_HIPROC) {
		if (m == EM_ARM && t == 13)
			return "THUMB_FUNC";
		if ((m == EM_SPARCV9 || m == EM_SPARC || m == EM_SPARC32PLUS) &&
		    t == 13)
			return "REGISTER";
		if (m == EM_PARISC && t == 13)
			return "PARISC_MILLI";
		snprintf(buf, len, "<processor specific>: %u", t);
	} else if (t >= STT_LOOS && t <= STT_HIOS) {
		if (t == STT_GNU_IFUNC && (abi == ELFOSABI_GNU ||
		    abi == ELFOSABI_FREEBSD))
			return "IFUNC";
		snprintf(buf, len, "<OS specific>: %u", t);
	} else
		snprintf(buf, len, "<unknown>: %u", t);
	return buf;
}

const char *
names_symbind(const struct relf *f, unsigned b, char *buf, size_t len)
{
	unsigned abi = f->eh.e_ident[EI_OSABI];

	switch (b) {
	case STB_LOCAL:		return "LOCAL";
	case STB_GLOBAL:	return "GLOBAL";
	case STB_WEAK:		return "WEAK";
	}
	if (b >= STB_LOPROC && b <= STB_HIPROC)
		snprintf(buf, len, "<processor specific>: %u", b);
	else if (b >= STB_LOOS && b <= STB_HIOS) {
		if (b == STB_GNU_UNIQUE && (abi == ELFOSABI_GNU ||
		    abi == ELFOSABI_FREEBSD))
			return "UNIQUE";
		snprintf(buf, len, "<OS specific>: %u", b);
	} else
		snprintf(buf, len, "<unknown>: %u", b);
	return buf;
}

const char *
names_shndx(const struct relf *f, uint64_t x, char *buf, size_t len)
{
	unsigned m = f->eh.e_machine;

	switch (x) {
	case SHN_UNDEF:		return "UND";
	case SHN_ABS:		return "ABS";
	case SHN_COMMON:	return "COM";
	}
	if ((m == EM_X86_64 || m == 180 || m == 181) && x == 0xff02)
		return "LARGE_COM";
	if ((m == EM_MIPS && x == 0xff03) || (m == EM_TI_C6000 && x == 0xff00))
		return "SCOM";
	if (m == EM_MIPS && x == 0xff04)
		return "SUND";
	if (x >= SHN_LOPROC && x <= SHN_HIPROC)
		snprintf(buf, len, "PRC[0x%04jx]", (uintmax_t)(x & 0xffff));
	else if (x >= SHN_LOOS && x <= SHN_HIOS)
		snprintf(buf, len, "OS [0x%04jx]", (uintmax_t)(x & 0xffff));
	else if (x >= SHN_LORESERVE && x <= 0xffff)
		snprintf(buf, len, "RSV[0x%04jx]", (uintmax_t)(x & 0xffff));
	else if (f->eh.e_shnum != 0 && x >= f->eh.e_shnum)
		snprintf(buf, len, "bad section index[%3ju]", (uintmax_t)x);
	else
		snprintf(buf, len, "%3ju", (uintmax_t)x);
	return buf;
}
