/*
 * aout: the classic a.out format, every family in ../shared/spec/a.out.md:
 * OMAGIC/NMAGIC/ZMAGIC/QMAGIC; raw 4.3BSD/386BSD headers, NetBSD/OpenBSD
 * network-order midmag, FreeBSD host-order midmag, SunOS 4 (dynamic bit,
 * toolversion, machtype), Linux/GNU a_info, and the 16-bit V7 PDP-11
 * header; both byte orders.  The symbol table (struct nlist, 12 bytes;
 * PDP-11: name[8], type, value), the string table, relocations and the
 * SunOS/BSD run-time linking structures (link(5)) are read through here.
 *
 * aout_parse never trusts a size: a header whose parts run past the end
 * of the file still parses (readelf shows what it can) but sets
 * a->truncated, and every accessor checks its own range.
 */
#ifndef OBJKIT_AOUT_H
#define OBJKIT_AOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

enum aout_family {
	AOUT_RAW,	/* magic alone in word 0 (4.3BSD VAX, 386BSD, old NetBSD) */
	AOUT_NETBSD,	/* flags<<26 | mid<<16 | magic, big-endian word */
	AOUT_FREEBSD,	/* the same fields, host (little-endian) order */
	AOUT_SUNOS,	/* dynamic:1 toolversion:7 machtype:8 magic:16, BE */
	AOUT_LINUX,	/* a_info: flags:8 machtype:8 magic:16, host order */
	AOUT_PDP11,	/* V7: eight 16-bit little-endian words */
};

/* Magic numbers (octal as the manuals give them). */
#define AOUT_OMAGIC	0407
#define AOUT_NMAGIC	0410
#define AOUT_ZMAGIC	0413
#define AOUT_QMAGIC	0314
#define AOUT_IMAGIC	0411	/* PDP-11 separate I and D */
#define AOUT_OVMAGIC	0405	/* PDP-11 overlay */

/* nlist n_type bits. */
#define AOUT_N_UNDF	0x00
#define AOUT_N_ABS	0x02
#define AOUT_N_TEXT	0x04
#define AOUT_N_DATA	0x06
#define AOUT_N_BSS	0x08
#define AOUT_N_INDR	0x0a
#define AOUT_N_SIZE	0x0c
#define AOUT_N_COMM	0x12
#define AOUT_N_SETA	0x14
#define AOUT_N_SETT	0x16
#define AOUT_N_SETD	0x18
#define AOUT_N_SETB	0x1a
#define AOUT_N_SETV	0x1c
#define AOUT_N_WARNING	0x1e
#define AOUT_N_FN	0x1f
#define AOUT_N_EXT	0x01
#define AOUT_N_TYPE	0x1e
#define AOUT_N_STAB	0xe0

struct aout {
	struct span	 file;
	enum aout_family family;
	bool		 big;		/* byte order of words 1..7, nlist */
	unsigned	 magic;		/* AOUT_OMAGIC ... */
	unsigned	 mid;		/* machine id in the family's numbering */
	unsigned	 flags;		/* family's flag bits (EX_DYNAMIC ...) */
	bool		 dynamic;	/* EX_DYNAMIC or SunOS a_dynamic */
	unsigned	 hdrsize;	/* 32, or 16 for PDP-11 */
	uint64_t	 text, data, bss, syms, entry, trsize, drsize;
	/* Derived file offsets of each part (spec/a.out.md section 3). */
	uint64_t	 txtoff, datoff, treloff, dreloff, symoff, stroff;
	uint64_t	 strsize;	/* first word of the string table, or 0 */
	uint64_t	 txtaddr, dataddr, bssaddr;
	unsigned	 nlistsize;	/* bytes per symbol entry */
	size_t		 nsyms;		/* entries that fit in the file */
	bool		 truncated;	/* some part runs past the end */
	char		 err[160];
	/* Added for readelf and strip; the fields above are the contract. */
	uint32_t	 word0;		/* word 0 as stored, read big-endian */
	unsigned	 toolversion;	/* SunOS a_toolversion */
	unsigned	 v7flag;	/* PDP-11 a_flag (1: no relocations) */
	unsigned	 pagesize;	/* the family's page (LDPGSZ) */
	unsigned	 relsize;	/* 8, 12 (SPARC) or 2 (PDP-11 words) */
	bool		 hdr_in_text;	/* a_text counts the header */
	bool		 isobj;		/* relocatable: text based at 0 */
	bool		 sparc;		/* extended SPARC relocations */
	bool		 exact;		/* string table ends at end of file */
	unsigned	 nsyms_claimed;	/* a_syms / nlistsize, not clipped */
};

/* Relocation entry, either form (spec/a.out.md section 11). */
struct aout_reloc {
	uint64_t	 address;	/* r_address */
	uint32_t	 symbolnum;	/* r_symbolnum / r_index / V7 seg */
	unsigned	 length;	/* log2 width (standard form) */
	unsigned	 type;		/* SPARC r_type */
	int64_t		 addend;	/* SPARC r_addend */
	bool		 pcrel, external, baserel, jmptable, relative, copy;
	bool		 neg;		/* ARM6 r_neg */
	bool		 extended;	/* SPARC 12-byte form */
	bool		 v7;		/* PDP-11 relocation word */
	uint16_t	 v7word;	/* the raw PDP-11 word */
};

/* The link(5) structures (section 12): _dynamic + dispatch table. */
struct aout_dynamic {
	uint64_t	 dynoff;	/* file offset of _dynamic */
	uint32_t	 version, debug, sdt, entry;
	uint64_t	 sdtoff;	/* file offset of the dispatch table */
	uint32_t	 loaded, need, rules, got, plt, rel, hash, nzlist;
	uint32_t	 stab_hash, buckets, strings, str_sz, text_sz, plt_sz;
	bool		 library;	/* based at 0 (a_entry < page) */
	bool		 sunquirk;	/* v2/3 program: text values = offsets */
	unsigned	 symsize;	/* 16 (nzlist, v8) or 12 */
	size_t		 nsyms;		/* RRS symbols */
	size_t		 nrels;		/* RRS relocations */
	uint64_t	 symoff, stroff, reloff, hashoff, pltoff, gotoff;
	uint64_t	 strsize;	/* bytes of RRS strings in the file */
};

/* A needed object (link_object / sod). */
struct aout_sod {
	uint32_t	 addr;		/* where this descriptor lives */
	const char	*name;		/* points into the file */
	bool		 library;	/* search with the -l rules */
	unsigned	 major, minor;
	uint32_t	 next;
};


struct aout_sym {
	const char	*name;		/* NUL-terminated; PDP-11: copied */
	uint8_t		 type;		/* n_type */
	int8_t		 other;		/* n_other */
	int16_t		 desc;		/* n_desc */
	uint64_t	 value;
	char		 pdpname[9];	/* storage for PDP-11 names */
};

struct aout_dynsym {
	struct aout_sym	 sym;
	uint32_t	 size;		/* nz_size (version 8), else 0 */
};

/* Is s plausibly an a.out file?  (filetype_detect says FT_AOUT.) */
bool	 aout_probe(struct span s);
/* Decode the header.  Returns 0, or -1 with a->err set. */
int	 aout_parse(struct aout *, struct span s);
/* Symbol i; -1 with a->err set when it or its name is out of range. */
int	 aout_sym(struct aout *, size_t i, struct aout_sym *);
/* GNU nm's letter for a symbol ('T', 't', 'U', 'C', '-' for stabs ...). */
char	 aout_nm_letter(const struct aout_sym *);
/* The stab name of a debugging type ("SO", "FUN" ...), or NULL. */
const char *aout_stab_name(unsigned type);
const char *aout_magic_name(unsigned magic);	/* "OMAGIC" ... */
const char *aout_family_name(enum aout_family);
const char *aout_machine_name(const struct aout *);	/* "i386" ... */
/* Bits in an address for this machine: 16 for PDP-11, else 32. */
int	 aout_addr_bits(const struct aout *);
/* Symbols GNU nm hides without -a: stabs, N_FN, N_WARNING, N_INDR. */
bool	 aout_sym_is_debug(const struct aout_sym *);
/* The n_type name: "N_TEXT|N_EXT", "N_SETA", or a stab's "N_SO". */
const char *aout_type_name(unsigned type, char *buf, size_t len);

/* Relocations: data selects the data table.  Count that fits the file. */
size_t	 aout_nrelocs(const struct aout *, bool data);
int	 aout_reloc(struct aout *, bool data, size_t i, struct aout_reloc *);
const char *aout_sparc_reloc_name(unsigned type);

/*
 * The run-time linking structures.  Returns 1 when the file is not
 * dynamic (no EX_DYNAMIC), 0 with d filled in, -1 with a->err set.
 */
int	 aout_dynamic(struct aout *, struct aout_dynamic *);
/* File offset of a text- or data-resident RRS address; -1 if outside. */
int	 aout_text_off(const struct aout *, const struct aout_dynamic *,
	    uint32_t addr, uint64_t *off);
int	 aout_data_off(const struct aout *, const struct aout_dynamic *,
	    uint32_t addr, uint64_t *off);
/* The needed object at addr; -1 with a->err set when out of range. */
int	 aout_sod(struct aout *, const struct aout_dynamic *, uint32_t addr,
	    struct aout_sod *);
/* The string at a text-resident address, or NULL. */
const char *aout_text_string(const struct aout *,
	    const struct aout_dynamic *, uint32_t addr);
int	 aout_dynsym(struct aout *, const struct aout_dynamic *, size_t i,
	    struct aout_dynsym *);
int	 aout_dynreloc(struct aout *, const struct aout_dynamic *, size_t i,
	    struct aout_reloc *);
/* Bytes per PLT slot (jmpslot) for this machine: 8 or 12. */
unsigned aout_jmpslot_size(const struct aout *);

#endif
