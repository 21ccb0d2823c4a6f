/*
 * -h: the ELF header (gABI chapter 4, "ELF Header"), as GNU readelf
 * prints it, with --explain lines for a first-time reader.
 */
#include <stdio.h>

#include "readelf.h"

static void	print_ident(struct relf *);
static void	print_counts(struct relf *);

void
out_explain(const struct relf *f, const char *text)
{
	if (f->opts->explain)
		out("      # %s\n", text);
}

void
dump_ehdr(struct relf *f)
{
	const GElf_Ehdr *e = &f->eh;
	char buf[128], flags[256];
	const char *s;

	print_ident(f);
	s = e->e_type == ET_DYN && relf_is_pie(f) ?
	    "DYN (Position-Independent Executable file)" :
	    names_etype(e->e_type, buf, sizeof(buf));
	out("  Type:                              %s\n", s);
	out_explain(f, e->e_type == ET_REL ? "an object for the linker: "
	    "sections and relocations, no segments yet" :
	    e->e_type == ET_EXEC ? "a program loaded at the fixed "
	    "addresses in its program headers" :
	    e->e_type == ET_DYN ? "position independent: a shared library, "
	    "or a PIE the loader places at a random base" :
	    "what kind of file this is");
	s = names_machine(e->e_machine);
	if (s == NULL) {
		snprintf(buf, sizeof(buf), "<unknown>: 0x%x", e->e_machine);
		s = buf;
	}
	out("  Machine:                           %s\n", s);
	out_explain(f, "the processor the code is for; it also decides the "
	    "meaning of relocation types and flags");
	out("  Version:                           0x%x\n", e->e_version);
	out("  Entry point address:               0x%jx\n",
	    (uintmax_t)e->e_entry);
	out_explain(f, "where execution starts (usually _start); 0 in "
	    "objects and most libraries");
	out("  Start of program headers:          %ju (bytes into file)\n",
	    (uintmax_t)e->e_phoff);
	out_explain(f, "the segment table the loader reads to map the file");
	out("  Start of section headers:          %ju (bytes into file)\n",
	    (uintmax_t)e->e_shoff);
	out_explain(f, "the section table the linker and tools read; the "
	    "loader ignores it");
	names_eflags(f, flags, sizeof(flags));
	out("  Flags:                             0x%x%s\n", e->e_flags,
	    flags);
	out_explain(f, "processor-specific options (ABI variant, float "
	    "convention...)");
	print_counts(f);
}

static void
print_ident(struct relf *f)
{
	const unsigned char *id = f->eh.e_ident;
	const char *s;
	int i;

	out("ELF Header:\n  Magic:   ");
	for (i = 0; i < EI_NIDENT; i++)
		out("%2.2x ", id[i]);
	out("\n");
	out_explain(f, "\\177ELF identifies the file; then class, byte "
	    "order, version, OS/ABI");
	out("  Class:                             %s\n",
	    id[EI_CLASS] == ELFCLASS32 ? "ELF32" : "ELF64");
	out_explain(f, id[EI_CLASS] == ELFCLASS32 ? "32-bit file: "
	    "addresses and offsets are 4 bytes" : "64-bit file: addresses "
	    "and offsets are 8 bytes");
	if (id[EI_DATA] == ELFDATA2LSB)
		out("  Data:                              2's complement, "
		    "little endian\n");
	else if (id[EI_DATA] == ELFDATA2MSB)
		out("  Data:                              2's complement, "
		    "big endian\n");
	else if (id[EI_DATA] == ELFDATANONE)
		out("  Data:                              none\n");
	else
		out("  Data:                              <unknown: %x>\n",
		    id[EI_DATA]);
	out_explain(f, "byte order of every multi-byte field in the file");
	out("  Version:                           %d %s\n", id[EI_VERSION],
	    id[EI_VERSION] == EV_CURRENT ? "(current)" :
	    id[EI_VERSION] != EV_NONE ? "<unknown>" : "");
	s = names_osabi(id[EI_OSABI]);
	if (id[EI_OSABI] == 97 && f->eh.e_machine == EM_ARM)
		s = "ARM";
	else if (id[EI_OSABI] == 65 && f->eh.e_machine == EM_ARM)
		s = "ARM FDPIC";
	if (s != NULL)
		out("  OS/ABI:                            %s\n", s);
	else
		out("  OS/ABI:                            <unknown: %x>\n",
		    id[EI_OSABI]);
	out_explain(f, "operating system conventions; 0 (System V) is the "
	    "generic ABI, GNU marks GNU extensions such as IFUNC");
	out("  ABI Version:                       %d\n", id[EI_ABIVERSION]);
}

static void
print_counts(struct relf *f)
{
	const GElf_Ehdr *e = &f->eh;
	uintmax_t idx, n;

	out("  Size of this header:               %u (bytes)\n", e->e_ehsize);
	out("  Size of program headers:           %u (bytes)\n",
	    e->e_phentsize);
	out("  Number of program headers:         %u", e->e_phnum);
	if (f->sh != NULL && e->e_phnum == PN_XNUM && f->sh[0].sh_info != 0)
		out(" (%u)", f->sh[0].sh_info);
	out("\n");
	out_explain(f, "segments: the parts of the file the loader maps");
	out("  Size of section headers:           %u (bytes)\n",
	    e->e_shentsize);
	out("  Number of section headers:         %u", e->e_shnum);
	if (f->sh != NULL && e->e_shnum == 0)
		out(" (%ju)", (uintmax_t)f->sh[0].sh_size);
	out("\n");
	out_explain(f, "sections: the named pieces the linker works with");
	out("  Section header string table index: %u", e->e_shstrndx);
	idx = e->e_shstrndx;
	if (f->sh != NULL && e->e_shstrndx == SHN_XINDEX) {
		idx = f->sh[0].sh_link;
		out(" (%ju)", idx);
	}
	n = f->sh != NULL && e->e_shnum == 0 ? f->sh[0].sh_size : e->e_shnum;
	if (idx != 0 && idx >= n)
		out(" <corrupt: out of range>");
	out("\n");
	out_explain(f, "the section holding the section names");
}
