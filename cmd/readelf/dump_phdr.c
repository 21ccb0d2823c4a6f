/*
 * -l: the program header table (gABI chapter 5, "Program Header") and
 * the section to segment mapping, as GNU readelf prints them.
 */
#include <stdio.h>
#include <string.h>

#include "readelf.h"

static void	print_segment(struct relf *, const GElf_Phdr *);
static void	print_interp(struct relf *, const GElf_Phdr *);
static void	print_mapping(struct relf *);
static bool	tbss_special(const GElf_Shdr *, const GElf_Phdr *);

void
dump_phdr(struct relf *f)
{
	char buf[64];
	size_t i;

	if (f->eh.e_phnum == 0 || f->eh.e_phoff == 0) {
		if (f->eh.e_phoff == 0)
			out("\nThere are no program headers in this file.\n");
		return;
	}
	if (!f->opts->file_header) {
		out("\nElf file type is %s\n", f->eh.e_type == ET_DYN &&
		    relf_is_pie(f) ? "DYN (Position-Independent Executable "
		    "file)" : names_etype(f->eh.e_type, buf, sizeof(buf)));
		out("Entry point 0x%jx\n", (uintmax_t)f->eh.e_entry);
		out("There %s %zu program header%s, starting at offset %ju\n",
		    f->phnum == 1 ? "is" : "are", f->phnum,
		    f->phnum == 1 ? "" : "s", (uintmax_t)f->eh.e_phoff);
	}
	if (f->ph == NULL)
		return;
	out(f->phnum > 1 ? "\nProgram Headers:\n" : "\nProgram Header:\n");
	if (!f->is64)
		out("  Type           Offset   VirtAddr   PhysAddr   FileSiz "
		    "MemSiz  Flg Align\n");
	else if (f->opts->wide)
		out("  Type           Offset   VirtAddr           PhysAddr      "
		    "     FileSiz  MemSiz   Flg Align\n");
	else
		out("  Type           Offset             VirtAddr           "
		    "PhysAddr\n                 FileSiz            MemSiz      "
		    "        Flags  Align\n");
	for (i = 0; i < f->phnum; i++) {
		print_segment(f, &f->ph[i]);
		explain_segment(f, &f->ph[i]);
	}
	if (f->sh != NULL && f->shstr.data != NULL)
		print_mapping(f);
}

static void
print_segment(struct relf *f, const GElf_Phdr *ph)
{
	char r = ph->p_flags & PF_R ? 'R' : ' ';
	char w = ph->p_flags & PF_W ? 'W' : ' ';
	char e = ph->p_flags & PF_X ? 'E' : ' ';

	out("  %-14.14s ", names_ptype(f, ph->p_type));
	if (!f->is64)
		out("0x%6.6jx 0x%8.8jx 0x%8.8jx 0x%5.5jx 0x%5.5jx %c%c%c %#jx",
		    (uintmax_t)ph->p_offset, (uintmax_t)ph->p_vaddr,
		    (uintmax_t)ph->p_paddr, (uintmax_t)ph->p_filesz,
		    (uintmax_t)ph->p_memsz, r, w, e, (uintmax_t)ph->p_align);
	else if (f->opts->wide)
		out("0x%6.6jx 0x%16.16jx 0x%16.16jx 0x%6.6jx 0x%6.6jx %c%c%c "
		    "%#jx", (uintmax_t)ph->p_offset, (uintmax_t)ph->p_vaddr,
		    (uintmax_t)ph->p_paddr, (uintmax_t)ph->p_filesz,
		    (uintmax_t)ph->p_memsz, r, w, e, (uintmax_t)ph->p_align);
	else
		out("0x%16.16jx 0x%16.16jx 0x%16.16jx\n                 "
		    "0x%16.16jx 0x%16.16jx  %c%c%c    0x%jx",
		    (uintmax_t)ph->p_offset, (uintmax_t)ph->p_vaddr,
		    (uintmax_t)ph->p_paddr, (uintmax_t)ph->p_filesz,
		    (uintmax_t)ph->p_memsz, r, w, e, (uintmax_t)ph->p_align);
	out("\n");
	if (ph->p_type == PT_INTERP)
		print_interp(f, ph);
}

static void
print_interp(struct relf *f, const GElf_Phdr *ph)
{
	const char *p;

	if (ph->p_filesz == 0)
		return;
	p = span_range(f->img, ph->p_offset, ph->p_filesz);
	if (p == NULL) {
		relf_error(f, "PT_INTERP: offset %#jx size %#jx past end of "
		    "file", (uintmax_t)ph->p_offset, (uintmax_t)ph->p_filesz);
		return;
	}
	out("      [Requesting program interpreter: %.*s]\n",
	    (int)strnlen(p, ph->p_filesz > 4095 ? 4095 : ph->p_filesz), p);
}

/* A .tbss section takes no room except in the PT_TLS segment. */
static bool
tbss_special(const GElf_Shdr *sh, const GElf_Phdr *ph)
{
	return (sh->sh_flags & SHF_TLS) != 0 && sh->sh_type == SHT_NOBITS &&
	    ph->p_type != PT_TLS;
}

/*
 * Does the section lie inside the segment?  The rule is binutils'
 * (ELF_SECTION_IN_SEGMENT_STRICT): TLS sections only in TLS, LOAD and
 * RELRO segments; non-ALLOC sections never in LOAD-like segments; file
 * and memory ranges inside the segment's; no empty section at either
 * end of PT_DYNAMIC or PT_NOTE.
 */
bool
section_in_segment(const GElf_Shdr *sh, const GElf_Phdr *ph)
{
	bool tls = (sh->sh_flags & SHF_TLS) != 0;
	bool alloc = (sh->sh_flags & SHF_ALLOC) != 0;
	uint64_t size = tbss_special(sh, ph) ? 0 : sh->sh_size;
	uint32_t t = ph->p_type;

	if (tls && !(t == PT_TLS || t == PT_GNU_RELRO || t == PT_LOAD))
		return false;
	if (!tls && (t == PT_TLS || t == PT_PHDR))
		return false;
	if (!alloc && (t == PT_LOAD || t == PT_DYNAMIC ||
	    t == PT_GNU_EH_FRAME || t == PT_GNU_STACK || t == PT_GNU_RELRO ||
	    t == 0x6474e554 || (t >= 0x6474e555 && t <= 0x6474f554)))
		return false;
	if (sh->sh_type != SHT_NOBITS && (sh->sh_offset < ph->p_offset ||
	    sh->sh_offset - ph->p_offset > ph->p_filesz - 1 ||
	    sh->sh_offset - ph->p_offset + size > ph->p_filesz))
		return false;
	if (alloc && (sh->sh_addr < ph->p_vaddr ||
	    sh->sh_addr - ph->p_vaddr > ph->p_memsz - 1 ||
	    sh->sh_addr - ph->p_vaddr + size > ph->p_memsz))
		return false;
	if ((t == PT_DYNAMIC || t == PT_NOTE) && sh->sh_size == 0 &&
	    ph->p_memsz != 0 &&
	    !((sh->sh_type == SHT_NOBITS || (sh->sh_offset > ph->p_offset &&
	    sh->sh_offset - ph->p_offset < ph->p_filesz)) &&
	    (!alloc || (sh->sh_addr > ph->p_vaddr &&
	    sh->sh_addr - ph->p_vaddr < ph->p_memsz))))
		return false;
	return true;
}

static void
print_mapping(struct relf *f)
{
	size_t i, j;

	out("\n Section to Segment mapping:\n  Segment Sections...\n");
	for (i = 0; i < f->phnum; i++) {
		out("   %2.2zu     ", i);
		for (j = 1; j < f->shnum; j++)
			if (!tbss_special(&f->sh[j], &f->ph[i]) &&
			    section_in_segment(&f->sh[j], &f->ph[i]))
				out("%s ", secname_print(f, j));
		out("\n");
	}
}
