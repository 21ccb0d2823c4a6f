/*
 * readelf: the interface between main.c and the dump modules.
 *
 * The ELF side reads the file itself rather than through libelf: GNU
 * readelf, whose output we reproduce byte for byte, prints the headers of
 * files libelf refuses, and prints raw values that libelf would convert.
 * relf_load decodes the ELF header, the section headers and the program
 * headers of one file into host-order arrays (GElf_* types, the widest
 * form of each structure); every other access to the image goes through
 * span_range, so no offset, size or count read from the file is trusted.
 * The format is the System V gABI (https://www.sco.com/developers/gabi/)
 * with the processor supplements for the machine-specific parts.
 */
#ifndef READELF_READELF_H
#define READELF_READELF_H

#include <gelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mapfile.h"

/* Where -x, -p and -R apply: a section number or a section name. */
enum dumpkind { DUMP_HEX, DUMP_STRING, DUMP_RELOC };

struct dumpreq {
	enum dumpkind	 kind;
	const char	*name;		/* NULL when given by number */
	unsigned long	 num;
	bool		 used;		/* matched in the current file */
};

struct readelf_opts {
	bool	 file_header, program_headers, section_headers;
	bool	 section_groups, section_details, syms, dyn_syms;
	bool	 relocs, unwind, dynamic, version_info, arch_specific;
	bool	 histogram, notes, wide, demangle, silent_truncation;
	bool	 decompress, archive_index, use_dynamic;
	bool	 explain, json;
	int	 sym_base;		/* 0 (mixed), 8, 10 or 16 */
	struct dumpreq *dumps;		/* -x -p -R, in command-line order */
	size_t	 ndumps;
};

/*
 * One ELF file (or archive member) being dumped.  Invariants after a
 * successful relf_load: sh has shnum entries (0 if the section headers
 * are absent or unreadable), ph has phnum entries likewise; shstrndx is
 * an index below shnum or 0.
 */
struct relf {
	const char	*name;		/* "file" or "lib.a(m.o)" */
	struct span	 img;
	const struct readelf_opts *opts;
	bool		 is64, big;
	GElf_Ehdr	 eh;
	size_t		 shnum, phnum, shstrndx;
	GElf_Shdr	*sh;
	GElf_Phdr	*ph;
	struct span	 shstr;		/* section-name string table */
	int		 errors;	/* problems reported for this file */
};

/* relf.c: loading and bounds-checked access. */
int	 relf_load(struct relf *, const char *name, struct span,
	    const struct readelf_opts *);
void	 relf_free(struct relf *);
void	 relf_error(struct relf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A warning: reported in order with the output, not counted. */
void	 relf_warn(struct relf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
const char *relf_secname(const struct relf *, size_t idx);
/* The bytes of section idx (NULL, with an error reported, if outside). */
const unsigned char *relf_secdata(struct relf *, size_t idx, uint64_t *size);
/* The NUL-terminated string at off in the string section strndx. */
const char *relf_string(const struct relf *, size_t strndx, uint64_t off);
const char *relf_string_span(struct span, uint64_t off);
const char *relf_string_len(struct span, uint64_t off, size_t *len);
uint64_t relf_word(const struct relf *, const unsigned char *p, int bytes);
/* Translate a virtual address to a file offset through PT_LOAD. */
int	 relf_vaddr_off(const struct relf *, uint64_t vaddr, uint64_t *off);
int	 relf_dynamic(const struct relf *, uint64_t *off, uint64_t *size);
int	 relf_dynent(const struct relf *, uint64_t off, uint64_t size,
	    size_t i, int64_t *tag, uint64_t *val);
bool	 relf_is_pie(const struct relf *);
bool	 relf_interp_is(const struct relf *, const char *, size_t);
struct span dyn_strings(const struct relf *);

/* symver.c: GNU symbol versions of dynamic symbols. */
struct symver_def {
	bool		 set, name_ok;
	uint16_t	 flags;
	uint32_t	 name;		/* vda_name of the first Verdaux */
};
struct symver_need {
	bool		 set;
	uint16_t	 other;		/* vna_other */
	uint32_t	 name;		/* vna_name */
};
struct symver {
	bool		 have;		/* DT_VERSYM present */
	uint64_t	 versym;	/* file offset of the versym array */
	struct symver_def *def;		/* indexed by version, or NULL */
	struct symver_need *need;
};
void	 symver_load(struct relf *, struct symver *);
void	 symver_free(struct symver *);
const char *symver_name(struct relf *, const struct symver *, struct span,
	    size_t si, const GElf_Sym *, int *kind, unsigned *other);
uint64_t relf_addr_off(const struct relf *, uint64_t vaddr);
uint64_t relf_dyn_value(const struct relf *, int64_t tag, bool *found);

/* names.c: numbers to GNU readelf's words. */
const char *names_osabi(unsigned);
const char *names_machine(unsigned);
const char *names_etype(unsigned, char *, size_t);
const char *names_shtype(const struct relf *, uint32_t);
const char *names_ptype(const struct relf *, uint32_t);
void	 names_eflags(const struct relf *, char *, size_t);
const char *names_reloc(unsigned machine, uint32_t type);
const char *names_dtag(const struct relf *, uint64_t);
const char *names_symtype(const struct relf *, unsigned, char *, size_t);
const char *names_symbind(const struct relf *, unsigned, char *, size_t);
const char *names_shndx(const struct relf *, uint64_t, char *, size_t);
void	 relf_sym(const struct relf *, const unsigned char *, GElf_Sym *);
size_t	 relf_shndx_sec(const struct relf *, size_t symtab);

/* One function per option, chosen by main.c. */
void	 dump_ehdr(struct relf *);
void	 dump_shdr(struct relf *);
void	 dump_phdr(struct relf *);
void	 dump_groups(struct relf *);
void	 dump_syms(struct relf *, bool dynamic_only);
void	 dump_reloc(struct relf *);
void	 dump_dynamic(struct relf *);
void	 dump_version(struct relf *);
void	 dump_notes(struct relf *);
/*
 * One note of -n.  name holds namesz bytes and a NUL after them; raw is
 * where the name field starts, rawlen the bytes from there to the end of
 * the notes (GNU reads an empty name's bytes from there).
 */
struct note {
	uint32_t	 type;
	uint64_t	 namesz, descsz;
	char		*name;
	const unsigned char *raw;
	size_t		 rawlen;
	const unsigned char *desc;
};
/* dump_buildattr.c: annobin's build-attribute notes. */
bool	 buildattr_note(const struct note *);
void	 buildattr_name(struct relf *, const struct note *);
void	 buildattr_desc(struct relf *, const struct note *);
void	 buildattr_reset(void);
/* dump_core.c: the notes of core files. */
const char *core_note_type(uint32_t);
void	 core_note(struct relf *, uint32_t, const unsigned char *, uint64_t);
void	 dump_sections(struct relf *);	/* -x -p -R */
/* Apply the relocations against section idx to its copy d[0..size). */
void	 reloc_apply(struct relf *, size_t idx, unsigned char *d,
	    uint64_t size);
void	 dump_histogram(struct relf *);
void	 dump_arch(struct relf *);
/* dump_attrs.c: build attributes; dump_mips.c: the MIPS -A dump. */
void	 dump_attrs(struct relf *, const char *pubname, uint32_t proctype);
void	 mips_fp_abi(unsigned);
void	 dump_mips(struct relf *);
/* dump_mips_irix.c: the IRIX tables; file offsets, 0 when absent. */
struct mips_irix_tags {
	uint64_t	 liblist, liblistno, options, conflict, conflictno;
};
void	 mips_irix_tag(struct relf *, struct mips_irix_tags *, int64_t tag,
	    uint64_t val);
bool	 mips_irix(struct relf *, const struct mips_irix_tags *,
	    const unsigned char *dynsym, uint64_t nsyms);
void	 dump_unwind(struct relf *);
void	 json_dump(struct relf *);
void	 json_string(const char *);

/* Printing: one big stdout buffer; these are cheap wrappers. */
#define out(...)	fprintf(stdout, __VA_ARGS__)
void	 out_explain(const struct relf *, const char *text);
int	 out_symbol(const struct relf *, int width, const char *name);
void	 out_hexfield(const struct relf *, uint64_t);
const char *secname_print(const struct relf *, size_t idx);
const char *secname_short(const struct relf *, size_t idx);
const char *shdr_flag_letters(const struct relf *, uint64_t, char *buf);
bool	 section_in_segment(const GElf_Shdr *, const GElf_Phdr *);

/* explain.c: --explain lines for sections, segments, tags, relocs. */
void	 explain_section(const struct relf *, size_t idx);
void	 explain_segment(const struct relf *, const GElf_Phdr *);
void	 explain_dtag(const struct relf *, int64_t tag);
void	 explain_reloc(const struct relf *, const char *type,
	    const char *sym);
void	 explain_symbol(const struct relf *, const GElf_Sym *);

#endif
