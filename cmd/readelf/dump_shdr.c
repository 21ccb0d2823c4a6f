/*
 * -S and -t: the section header table (gABI chapter 4, "Sections"), in
 * GNU readelf's three layouts: 32-bit, 64-bit on two lines, and -W; -t
 * adds the flags spelled out.
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

static void	print_heading(struct relf *);
static void	print_row(struct relf *, size_t);
static void	print_row_details(struct relf *, size_t);
static void	print_key(struct relf *);

void
dump_shdr(struct relf *f)
{
	size_t i;

	if (f->eh.e_shnum == 0 && f->sh == NULL) {
		if (f->eh.e_shoff == 0)
			out("\nThere are no sections in this file.\n");
		return;
	}
	if (!f->opts->file_header)
		out("There %s %u section header%s, starting at offset 0x%jx:\n",
		    f->eh.e_shnum == 1 ? "is" : "are", f->eh.e_shnum,
		    f->eh.e_shnum == 1 ? "" : "s", (uintmax_t)f->eh.e_shoff);
	if (f->sh == NULL)
		return;
	print_heading(f);
	for (i = 0; i < f->shnum; i++) {
		if (f->opts->section_details)
			print_row_details(f, i);
		else
			print_row(f, i);
		explain_section(f, i);
	}
	if (!f->opts->section_details)
		print_key(f);
}

static void
print_heading(struct relf *f)
{
	bool d = f->opts->section_details;

	out(f->eh.e_shnum > 1 ? "\nSection Headers:\n" :
	    "\nSection Header:\n");
	if (d)
		out("  [Nr] Name\n");
	if (!f->is64)
		out(d ? "       Type            Addr     Off    Size   ES   Lk "
		    "Inf Al\n" : "  [Nr] Name              Type            "
		    "Addr     Off    Size   ES Flg Lk Inf Al\n");
	else if (f->opts->wide)
		out(d ? "       Type            Address          Off    Size   "
		    "ES   Lk Inf Al\n" : "  [Nr] Name              Type      "
		    "      Address          Off    Size   ES Flg Lk Inf Al\n");
	else if (d)
		out("       Type              Address          Offset          "
		    "  Link\n       Size              EntSize          Info   "
		    "           Align\n");
	else
		out("  [Nr] Name              Type             Address         "
		    "  Offset\n       Size              EntSize          Flags "
		    " Link  Info  Align\n");
	if (d)
		out("       Flags\n");
}

/* The flag letters of -S, in bit order, as GNU chooses them. */
const char *
shdr_flag_letters(const struct relf *f, uint64_t fl, char *buf)
{
	unsigned m = f->eh.e_machine, abi = f->eh.e_ident[EI_OSABI];
	uint64_t bit;
	char *p = buf;
	static const char gen[] = "WAX\0MSILOGTC";

	while (fl != 0) {
		bit = fl & -fl;
		fl &= ~bit;
		if (bit <= SHF_COMPRESSED && gen[__builtin_ctzll(bit)] != 0)
			*p++ = gen[__builtin_ctzll(bit)];
		else if (bit == SHF_EXCLUDE)
			*p++ = 'E';
		else if ((m == EM_X86_64 || m == 180 || m == 181) &&
		    bit == 0x10000000)
			*p++ = 'l';
		else if (m == EM_ARM && bit == 0x20000000)
			*p++ = 'y';
		else if (m == EM_PPC && bit == 0x10000000)
			*p++ = 'v';
		else if (bit & SHF_MASKOS) {
			if ((abi == ELFOSABI_GNU || abi == ELFOSABI_FREEBSD) &&
			    bit == 0x200000)
				*p++ = 'R';
			else if ((abi == ELFOSABI_GNU || abi == ELFOSABI_FREEBSD ||
			    abi == ELFOSABI_NONE) && bit == 0x01000000)
				*p++ = 'D';
			else {
				*p++ = 'o';
				fl &= ~(uint64_t)SHF_MASKOS;
			}
		} else if (bit & SHF_MASKPROC) {
			*p++ = 'p';
			fl &= ~(uint64_t)SHF_MASKPROC;
		} else
			*p++ = 'x';
	}
	*p = '\0';
	return buf;
}

static void
print_row(struct relf *f, size_t i)
{
	const GElf_Shdr *sh = &f->sh[i];
	char fl[80];

	out("  [%2zu] ", i);
	out_symbol(f, -17, secname_print(f, i));
	out(f->opts->wide ? " %-15s " : " %-15.15s ",
	    names_shtype(f, sh->sh_type));
	shdr_flag_letters(f, sh->sh_flags, fl);
	if (!f->is64) {
		out("%8.8jx %6.6jx %6.6jx %2.2jx %3s %2u %3u %2ju\n",
		    (uintmax_t)sh->sh_addr, (uintmax_t)sh->sh_offset,
		    (uintmax_t)sh->sh_size, (uintmax_t)sh->sh_entsize, fl,
		    sh->sh_link, sh->sh_info, (uintmax_t)sh->sh_addralign);
	} else if (f->opts->wide) {
		out("%16.16jx %6.6jx %6.6jx %2.2jx %3s %2u %3u %2ju\n",
		    (uintmax_t)sh->sh_addr, (uintmax_t)sh->sh_offset,
		    (uintmax_t)sh->sh_size, (uintmax_t)sh->sh_entsize, fl,
		    sh->sh_link, sh->sh_info, (uintmax_t)sh->sh_addralign);
	} else {
		out(" %16.16jx  %8.8jx\n       %16.16jx  %16.16jx %3s      "
		    "%2u   %3u     %ju\n", (uintmax_t)sh->sh_addr,
		    (uintmax_t)sh->sh_offset, (uintmax_t)sh->sh_size,
		    (uintmax_t)sh->sh_entsize, fl, sh->sh_link, sh->sh_info,
		    (uintmax_t)sh->sh_addralign);
	}
}

/* -t: the flags as words; OS, processor and unknown bits collected. */
static void
print_flag_words(const struct relf *f, uint64_t fl)
{
	static const char *gen[] = { "WRITE", "ALLOC", "EXEC", NULL, "MERGE",
	    "STRINGS", "INFO LINK", "LINK ORDER", "OS NONCONF", "GROUP",
	    "TLS", "COMPRESSED" };
	unsigned abi = f->eh.e_ident[EI_OSABI];
	uint64_t bit, os = 0, proc = 0, unk = 0;
	int w = f->is64 ? 16 : 8;
	const char *sep = "";

	out("       [%*.*jx]: ", w, w, (uintmax_t)fl);
	while (fl != 0) {
		bit = fl & -fl;
		fl &= ~bit;
		if (bit <= SHF_COMPRESSED && gen[__builtin_ctzll(bit)] != NULL)
			out("%s%s", sep, gen[__builtin_ctzll(bit)]);
		else if (bit == SHF_EXCLUDE)
			out("%sEXCLUDE", sep);
		else if ((abi == ELFOSABI_GNU || abi == ELFOSABI_FREEBSD) &&
		    bit == 0x200000)
			out("%sGNU_RETAIN", sep);
		else if (bit == 0x01000000 && (abi == ELFOSABI_GNU ||
		    abi == ELFOSABI_FREEBSD || abi == ELFOSABI_NONE))
			out("%sGNU_MBIND", sep);
		else {
			if (bit & SHF_MASKOS)
				os |= bit;
			else if (bit & SHF_MASKPROC)
				proc |= bit;
			else
				unk |= bit;
			continue;
		}
		sep = ", ";
	}
	if (os != 0)
		out("%sOS (%*.*jx)", sep, w, w, (uintmax_t)os), sep = ", ";
	if (proc != 0)
		out("%sPROC (%*.*jx)", sep, w, w, (uintmax_t)proc), sep = ", ";
	if (unk != 0)
		out("%sUNKNOWN (%*.*jx)", sep, w, w, (uintmax_t)unk);
	out("\n");
}

static void
print_row_details(struct relf *f, size_t i)
{
	const GElf_Shdr *sh = &f->sh[i];

	out("  [%2zu] %s\n       ", i, secname_short(f, i));
	out(f->opts->wide ? "%-15s " : "%-15.15s ",
	    names_shtype(f, sh->sh_type));
	if (!f->is64)
		out("%8.8jx %6.6jx %6.6jx %2.2jx  %2u %3u %2ju\n",
		    (uintmax_t)sh->sh_addr, (uintmax_t)sh->sh_offset,
		    (uintmax_t)sh->sh_size, (uintmax_t)sh->sh_entsize,
		    sh->sh_link, sh->sh_info, (uintmax_t)sh->sh_addralign);
	else if (f->opts->wide)
		out("%16.16jx %6.6jx %6.6jx %2.2jx  %2u %3u %2ju\n",
		    (uintmax_t)sh->sh_addr, (uintmax_t)sh->sh_offset,
		    (uintmax_t)sh->sh_size, (uintmax_t)sh->sh_entsize,
		    sh->sh_link, sh->sh_info, (uintmax_t)sh->sh_addralign);
	else
		out(" %16.16jx  %16.16jx  %u\n       %16.16jx %16.16jx  "
		    "%-16u  %ju\n", (uintmax_t)sh->sh_addr,
		    (uintmax_t)sh->sh_offset, sh->sh_link,
		    (uintmax_t)sh->sh_size, (uintmax_t)sh->sh_entsize,
		    sh->sh_info, (uintmax_t)sh->sh_addralign);
	print_flag_words(f, sh->sh_flags);
}

static void
print_key(struct relf *f)
{
	unsigned m = f->eh.e_machine, abi = f->eh.e_ident[EI_OSABI];

	out("Key to Flags:\n"
	    "  W (write), A (alloc), X (execute), M (merge), S (strings), "
	    "I (info),\n"
	    "  L (link order), O (extra OS processing required), G (group), "
	    "T (TLS),\n"
	    "  C (compressed), x (unknown), o (OS specific), E (exclude),\n"
	    "  ");
	if (abi == ELFOSABI_GNU || abi == ELFOSABI_FREEBSD)
		out("R (retain), ");
	if (abi == ELFOSABI_GNU || abi == ELFOSABI_FREEBSD ||
	    abi == ELFOSABI_NONE)
		out("D (mbind), ");
	if (m == EM_X86_64 || m == 180 || m == 181)
		out("l (large), ");
	else if (m == EM_ARM)
		out("y (purecode), ");
	else if (m == EM_PPC)
		out("v (VLE), ");
	out("p (processor specific)\n");
}
