/*
 * elfobj: an ELF file (or archive member) opened through libelf, with the
 * checks libelf leaves to its callers: section offsets and sizes inside
 * the file, string indexes inside their table, sh_link and sh_entsize
 * sane.  Any class, any byte order, any machine.
 *
 * Errors are returned as -1 (or NULL) with obj->err set to a message of
 * the form "section 7: offset past end of file"; the caller prefixes the
 * file name (diag).
 */
#ifndef OBJKIT_ELFOBJ_H
#define OBJKIT_ELFOBJ_H

#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

struct elfobj {
	const char	*name;		/* for messages */
	Elf		*elf;
	struct span	 image;
	GElf_Ehdr	 ehdr;
	int		 elfclass;	/* ELFCLASS32 or ELFCLASS64 */
	bool		 big;		/* ELFDATA2MSB */
	size_t		 shnum;		/* 0 when there are no sections */
	size_t		 shstrndx;
	size_t		 phnum;
	char		 err[200];
};

/* A symbol table with what it needs: strings, extended indexes, versions. */
struct elfobj_symtab {
	size_t		 scn;		/* its section index; 0: none */
	GElf_Shdr	 shdr;
	Elf_Data	*data;
	size_t		 count;		/* number of entries */
	Elf_Data	*strs;		/* the linked string table */
	Elf_Data	*shndx;		/* SHT_SYMTAB_SHNDX, or NULL */
	Elf_Data	*versym;	/* SHT_GNU_versym for .dynsym, or NULL */
};

/* Call once before anything else (elf_version). */
void	 elfobj_init(void);
int	 elfobj_open(struct elfobj *, const char *name, struct span);
void	 elfobj_close(struct elfobj *);

int	 elfobj_shdr(struct elfobj *, size_t idx, GElf_Shdr *);
/* The section's name, or NULL (and err set) if it cannot be had. */
const char *elfobj_section_name(struct elfobj *, size_t idx);
/*
 * The section's contents, converted to host order by libelf; NULL with
 * err set if they lie outside the file.  SHT_NOBITS gives an empty Elf_Data.
 */
Elf_Data *elfobj_data(struct elfobj *, size_t idx);
/* The raw bytes of a section, as in the file (no conversion). */
int	 elfobj_raw(struct elfobj *, size_t idx, struct span *);
/* The string at off in string-table data, or NULL if out of range. */
const char *elfobj_string(Elf_Data *strs, uint64_t off);
/*
 * The first section of the given type (SHT_SYMTAB or SHT_DYNSYM), with
 * its strings and companions.  Returns 1 found, 0 absent, -1 malformed.
 */
int	 elfobj_symtab(struct elfobj *, uint32_t type,
	    struct elfobj_symtab *);
/* Symbol i, with its name ("" when the name index is bad: see *badname). */
int	 elfobj_sym(struct elfobj *, const struct elfobj_symtab *, size_t i,
	    GElf_Sym *, const char **name);
/* The real section index of a symbol, resolving SHN_XINDEX. */
size_t	 elfobj_sym_shndx(const struct elfobj_symtab *, size_t i,
	    const GElf_Sym *);

#endif
