/*
 * symtab: the shared symbol model.  An ELF symbol is described the way
 * GNU BFD sees it, because nm's type letters, size's section classes and
 * ar's choice of indexed symbols are all defined in those terms: each
 * section gets BFD-like flags (code, data, read-only, contents, debugging,
 * small data) from its header and name, and each symbol a kind (undefined,
 * absolute, common, in a section), BFD-like binding flags and a letter.
 *
 * Reference: the gABI "Object Files" chapter for the fields; the letter
 * table is documented in nm(1) and implemented by binutils' bfd/syms.c
 * (decode_symclass), whose behaviour we reproduce.
 */
#ifndef OBJKIT_SYMTAB_H
#define OBJKIT_SYMTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "elfobj.h"

/* Section flags, as BFD derives them from an ELF section header. */
#define SEC_F_CONTENTS	0x001	/* not SHT_NOBITS */
#define SEC_F_ALLOC	0x002
#define SEC_F_LOAD	0x004	/* allocated and has contents */
#define SEC_F_READONLY	0x008	/* not SHF_WRITE */
#define SEC_F_CODE	0x010	/* SHF_EXECINSTR */
#define SEC_F_DATA	0x020	/* loaded, not code */
#define SEC_F_DEBUG	0x040	/* .debug*, .zdebug*, .stab*, .line ... */
#define SEC_F_SMALL	0x080	/* small data (MIPS GP-relative) */
#define SEC_F_TLS	0x100
#define SEC_F_BFD	0x200	/* BFD makes a section of it */

/*
 * One section of an ELF file, as symbol classification needs it.
 * Invariant: name is never NULL ("" when unreadable).
 */
struct symtab_sec {
	const char	*name;
	uint64_t	 addr;
	uint64_t	 size;
	uint32_t	 type;		/* sh_type */
	unsigned	 flags;		/* SEC_F_* */
};

enum sym_kind {
	SYM_UNDEF,
	SYM_DEFINED,		/* in a section */
	SYM_ABS,
	SYM_COMMON,
};

/* BFD's symbol flags, the subset nm needs. */
#define SYM_F_LOCAL	0x001
#define SYM_F_GLOBAL	0x002	/* defined STB_GLOBAL */
#define SYM_F_WEAK	0x004
#define SYM_F_UNIQUE	0x008	/* STB_GNU_UNIQUE */
#define SYM_F_DEBUG	0x010	/* STT_SECTION, STT_FILE */
#define SYM_F_SECTION	0x020
#define SYM_F_FILE	0x040
#define SYM_F_OBJECT	0x080	/* STT_OBJECT or STT_COMMON */
#define SYM_F_IFUNC	0x100
#define SYM_F_SMALLCOM	0x200	/* small common (MIPS .scommon) */

/* A classified symbol. */
struct symtab_class {
	enum sym_kind	 kind;
	unsigned	 flags;		/* SYM_F_* */
	size_t		 shndx;		/* section when kind is SYM_DEFINED */
	const char	*secname;	/* "*UND*", "*ABS*", "*COM*", ".text" */
	uint64_t	 value;		/* address as nm prints it */
	char		 letter;	/* GNU nm's type letter */
};

/*
 * The sections of o, indexed by section number (malloced, o->shnum
 * entries).  Returns NULL only when there are no sections.
 */
struct symtab_sec *symtab_sections(struct elfobj *o);
/* Classify symbol sym (its real section index is shndx). */
void	 symtab_classify(const struct elfobj *o, const struct symtab_sec *,
	    const GElf_Sym *sym, size_t shndx, struct symtab_class *);
/* The BFD letter of a symbol given its kind, flags and section flags. */
char	 symtab_letter(enum sym_kind, unsigned symflags, const char *secname,
	    unsigned secflags);
/* Is this a target's "special" symbol (ARM/AArch64 mapping symbols...)? */
bool	 symtab_special(const struct elfobj *o, const char *name);
/* GNU nm's sysv name for an ELF symbol type ("FUNC", "<OS specific>: 10"). */
const char *symtab_type_name(unsigned type, char *buf, size_t len);
const char *symtab_bind_name(unsigned bind, char *buf, size_t len);

#endif
