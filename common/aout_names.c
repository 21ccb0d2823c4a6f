/*
 * aout_names: the names of a.out magics, families, machines, symbol types
 * and stab codes (../shared/spec/a.out.md sections 3, 4, 8, 9 and 10),
 * and GNU nm's letter for a symbol.  The stab list is GNU's stab.def plus
 * the pseudo-stabs bfd_get_stab_name knows (SETA..SETV, INDR, WARNING),
 * which is what GNU nm prints in its stab column.
 */
#include <stdio.h>
#include <string.h>

#include "aout.h"

struct code_name {
	unsigned	 code;
	const char	*name;
};

/* First name wins where two share a code (BSLINE/BROWS, EHDECL/MOD2). */
static const struct code_name stabs[] = {
	{ 0x0a, "INDR" }, { 0x14, "SETA" }, { 0x16, "SETT" },
	{ 0x18, "SETD" }, { 0x1a, "SETB" }, { 0x1c, "SETV" },
	{ 0x1e, "WARNING" },
	{ 0x20, "GSYM" }, { 0x22, "FNAME" }, { 0x24, "FUN" },
	{ 0x26, "STSYM" }, { 0x28, "LCSYM" }, { 0x2a, "MAIN" },
	{ 0x2c, "ROSYM" }, { 0x2e, "BNSYM" }, { 0x30, "PC" },
	{ 0x32, "NSYMS" }, { 0x34, "NOMAP" }, { 0x36, "MAC_DEFINE" },
	{ 0x38, "OBJ" }, { 0x3a, "MAC_UNDEF" }, { 0x3c, "OPT" },
	{ 0x40, "RSYM" }, { 0x42, "M2C" }, { 0x44, "SLINE" },
	{ 0x46, "DSLINE" }, { 0x48, "BSLINE" }, { 0x4a, "DEFD" },
	{ 0x4c, "FLINE" }, { 0x4e, "ENSYM" }, { 0x50, "EHDECL" },
	{ 0x54, "CATCH" }, { 0x60, "SSYM" }, { 0x62, "ENDM" },
	{ 0x64, "SO" }, { 0x66, "OSO" }, { 0x6c, "ALIAS" },
	{ 0x80, "LSYM" }, { 0x82, "BINCL" }, { 0x84, "SOL" },
	{ 0xa0, "PSYM" }, { 0xa2, "EINCL" }, { 0xa4, "ENTRY" },
	{ 0xc0, "LBRAC" }, { 0xc2, "EXCL" }, { 0xc4, "SCOPE" },
	{ 0xd0, "PATCH" }, { 0xe0, "RBRAC" }, { 0xe2, "BCOMM" },
	{ 0xe4, "ECOMM" }, { 0xe8, "ECOML" }, { 0xea, "WITH" },
	{ 0xf0, "NBTEXT" }, { 0xf2, "NBDATA" }, { 0xf4, "NBBSS" },
	{ 0xf6, "NBSTS" }, { 0xf8, "NBLCS" }, { 0xfe, "LENG" },
};

/* BSD MIDs (section 4.2); collisions name every reading. */
static const struct code_name mids[] = {
	{ 0, "unknown" }, { 1, "m68010" }, { 2, "m68020" },
	{ 100, "i386 (PC)" }, { 104, "romp" }, { 134, "i386" },
	{ 135, "m68k" }, { 136, "m68k (4K pages)" }, { 137, "ns32532" },
	{ 138, "sparc" }, { 139, "pmax" }, { 140, "vax (1K pages)" },
	{ 141, "alpha" }, { 142, "mips (big-endian)" }, { 143, "arm6" },
	{ 144, "m68000 (2K pages)" }, { 145, "sh3" }, { 149, "powerpc" },
	{ 150, "vax" }, { 151, "sparc64 or mips1" },
	{ 152, "x86-64 (NetBSD) or mips2" }, { 153, "m88k" },
	{ 154, "hppa" }, { 156, "sparc64" }, { 157, "x86-64 (OpenBSD)" },
	{ 200, "hp200" }, { 300, "hp300" }, { 0x20b, "hpux800" },
	{ 0x20c, "hpux" },
};

static const char *sparc_relocs[] = {
	"RELOC_8", "RELOC_16", "RELOC_32", "RELOC_DISP8", "RELOC_DISP16",
	"RELOC_DISP32", "RELOC_WDISP30", "RELOC_WDISP22", "RELOC_HI22",
	"RELOC_22", "RELOC_13", "RELOC_LO10", "RELOC_SFA_BASE",
	"RELOC_SFA_OFF13", "RELOC_BASE10", "RELOC_BASE13", "RELOC_BASE22",
	"RELOC_PC10", "RELOC_PC22", "RELOC_JMP_TBL", "RELOC_SEGOFF16",
	"RELOC_GLOB_DAT", "RELOC_JMP_SLOT", "RELOC_RELATIVE",
	"RELOC_COPY_DAT", "RELOC_WDISP2_14", "RELOC_WDISP19", "RELOC_HHI22",
	"RELOC_HLO10",
};

static const char *lookup(const struct code_name *, size_t, unsigned);

static const char *
lookup(const struct code_name *t, size_t n, unsigned code)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].name;
	return NULL;
}

const char *
aout_stab_name(unsigned type)
{
	return lookup(stabs, sizeof stabs / sizeof stabs[0], type & 0xff);
}

const char *
aout_magic_name(unsigned magic)
{
	switch (magic) {
	case AOUT_OMAGIC:	return "OMAGIC";
	case AOUT_NMAGIC:	return "NMAGIC";
	case AOUT_ZMAGIC:	return "ZMAGIC";
	case AOUT_QMAGIC:	return "QMAGIC";
	case AOUT_IMAGIC:	return "IMAGIC";
	case AOUT_OVMAGIC:	return "OVMAGIC";
	default:		return "unknown";
	}
}

const char *
aout_family_name(enum aout_family f)
{
	switch (f) {
	case AOUT_RAW:		return "raw";
	case AOUT_NETBSD:	return "netbsd";
	case AOUT_FREEBSD:	return "freebsd";
	case AOUT_SUNOS:	return "sunos";
	case AOUT_LINUX:	return "linux";
	case AOUT_PDP11:	return "pdp11";
	default:		return "unknown";
	}
}

const char *
aout_machine_name(const struct aout *a)
{
	const char *n;

	switch (a->family) {
	case AOUT_SUNOS:
		switch (a->mid) {
		case 0:		return "m68000 (old sun2)";
		case 1:		return "m68010";
		case 2:		return "m68020";
		default:	return "sparc";
		}
	case AOUT_LINUX:
		return "i386";
	case AOUT_PDP11:
		return "pdp11";
	case AOUT_RAW:
		return "unknown";
	default:
		n = lookup(mids, sizeof mids / sizeof mids[0], a->mid);
		return n != NULL ? n : "unknown";
	}
}

int
aout_addr_bits(const struct aout *a)
{
	return a->family == AOUT_PDP11 ? 16 : 32;
}

const char *
aout_sparc_reloc_name(unsigned type)
{
	if (type < sizeof sparc_relocs / sizeof sparc_relocs[0])
		return sparc_relocs[type];
	return NULL;
}

bool
aout_sym_is_debug(const struct aout_sym *s)
{
	unsigned t = s->type;

	return (t & AOUT_N_STAB) != 0 || t == AOUT_N_FN ||
	    t == AOUT_N_WARNING || (t & ~1u) == AOUT_N_INDR;
}

/*
 * GNU nm's letter (spec section 10): BFD maps each type to a section and
 * flags, then bfd_decode_symclass names it; a.out's get_symbol_info turns
 * the '?' of stabs and set elements into '-'.
 */
char
aout_nm_letter(const struct aout_sym *s)
{
	unsigned t = s->type;
	bool ext = (t & AOUT_N_EXT) != 0;
	char c;

	if ((t & AOUT_N_STAB) != 0)
		return '-';
	switch (t) {
	case AOUT_N_UNDF | AOUT_N_EXT:
		return s->value != 0 ? 'C' : 'U';
	case AOUT_N_INDR: case AOUT_N_INDR | AOUT_N_EXT:
		return 'I';
	case AOUT_N_FN: case AOUT_N_WARNING:
		return '-';
	case 0x0d:			/* N_WEAKU */
		return 'w';
	case 0x0e: case 0x0f: case 0x10: case 0x11:
		return 'W';		/* N_WEAKA, T, D, B */
	}
	switch (t & AOUT_N_TYPE) {
	case AOUT_N_TEXT:	c = 't'; break;
	case AOUT_N_DATA:	c = 'd'; break;
	case AOUT_N_BSS:	c = 'b'; break;
	case AOUT_N_SETA: case AOUT_N_SETT: case AOUT_N_SETD:
	case AOUT_N_SETB:
		return '-';
	case AOUT_N_SETV:	c = 'd'; break;
	default:		c = 'a'; break;
	}
	return ext ? (char)(c - 'a' + 'A') : c;
}

/* "N_TEXT|N_EXT", "N_SETA", "N_SO" ...; unknown types in hex. */
const char *
aout_type_name(unsigned type, char *buf, size_t len)
{
	static const char *base[16] = {
		"N_UNDF", "N_ABS", "N_TEXT", "N_DATA", "N_BSS", "N_INDR",
		"N_SIZE", "N_WEAKA", "N_WEAKD", "N_COMM", "N_SETA", "N_SETT",
		"N_SETD", "N_SETB", "N_SETV", "N_WARNING",
	};
	const char *n;

	type &= 0xff;
	if ((type & AOUT_N_STAB) != 0) {
		n = aout_stab_name(type);
		if (n != NULL)
			snprintf(buf, len, "N_%s", n);
		else
			snprintf(buf, len, "stab 0x%02x", type);
		return buf;
	}
	switch (type) {
	case AOUT_N_FN:
		return "N_FN";
	case 0x0d:
		return "N_SIZE|N_EXT";
	case 0x0f:
		return "N_WEAKT";
	case 0x11:
		return "N_WEAKB";
	}
	snprintf(buf, len, "%s%s", base[type >> 1],
	    (type & AOUT_N_EXT) != 0 ? "|N_EXT" : "");
	return buf;
}
