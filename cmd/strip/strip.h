/*
 * strip: private interface between main.c (options, operands, output),
 * the ELF stripper (elfin.c reads, plan.c decides, symbols.c rewrites the
 * symbol table and what points into it, layout.c places and writes) and
 * archive.c (strips each member and writes the archive back).
 *
 * The ELF stripper works on raw bytes, never through libelf's writer: it
 * decides the output layout itself, so that everything the loader sees
 * (the ELF header's identity, program headers, every byte a segment
 * covers) is copied unchanged, and only what lies outside the segments
 * (.symtab, .strtab, debugging sections, the section header table) moves.
 */
#ifndef STRIP_H
#define STRIP_H

#include <sys/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"
#include "strtab.h"

/* A list of names or fnmatch(3) patterns given on the command line. */
struct patlist {
	const char	**v;
	size_t		 n, cap;
};

struct strip_opts {
	bool		 strip_all;		/* -s (the default) */
	bool		 strip_debug;		/* -g -S -d */
	bool		 strip_unneeded;
	bool		 discard_all;		/* -x */
	bool		 discard_locals;	/* -X */
	bool		 only_keep_debug;
	bool		 keep_file_symbols;
	bool		 wildcard;		/* -w: -K/-N are patterns */
	bool		 preserve_dates;	/* -p */
	bool		 deterministic;		/* -D (default); -U clears */
	bool		 verbose;		/* -v */
	const char	*output;		/* -o */
	struct patlist	 remove_section;	/* -R */
	struct patlist	 keep_section;
	struct patlist	 keep_symbol;		/* -K */
	struct patlist	 strip_symbol;		/* -N */
};

/* One input section, as read, and what becomes of it. */
struct esect {
	uint64_t	 name, type, flags, addr, off, size;
	uint64_t	 link, info, align, entsize;
	const char	*sname;		/* its name, inside the input */
	bool		 remove;
	bool		 fixed;		/* stays at its input offset */
	unsigned char	*buf;		/* new contents (malloced), or NULL */
	uint64_t	 bufsize;
	uint64_t	 newidx, newoff, newname;
};

/*
 * An ELF image being stripped.  Invariants after elfin_parse: every
 * section that is not SHT_NOBITS lies inside in; sh_link of every
 * section is < shnum; the program headers lie inside in.
 */
struct eimg {
	const char	*where;		/* "file" or "lib.a(m.o)" */
	struct span	 in;
	bool		 is64, big;
	unsigned	 type, machine;
	uint64_t	 phoff, shoff;
	size_t		 phnum, shnum, shstrndx;
	unsigned	 ehsize, phentsize, shentsize, symsize;
	struct esect	*sec;
	size_t		 symtab;	/* the SHT_SYMTAB section, or 0 */
	size_t		 symshndx;	/* its SHT_SYMTAB_SHNDX, or 0 */
	uint32_t	*symmap;	/* old symbol index -> new, or NOSYM */
	size_t		 nsyms;
	bool		*needed;	/* per symbol: a relocation or group
					   uses it */
	uint64_t	*symname;	/* per kept symbol: new st_name */
	size_t		 newnsyms;
	struct strtab	 shstr;		/* new section names */
	struct strtab	 symstr;	/* new symbol names */
	bool		 symstr_shared;	/* .strtab is .shstrtab */
	uint64_t	 fixed_end;	/* bytes copied as they are */
	bool		 debug_only;	/* --only-keep-debug emptied sections */
	uint64_t	 outsize, outshoff;
	size_t		 outshnum, outshstrndx;
	char		 err[240];
};

#define NOSYM	UINT32_MAX

/* elfin.c */
int	 elfin_parse(struct eimg *, const char *where, struct span);
void	 elfin_free(struct eimg *);
uint64_t elfin_word(const struct eimg *, const unsigned char *, int size);
void	 elfin_put(const struct eimg *, unsigned char *, int size,
	    uint64_t);
int	 elfin_fail(struct eimg *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
bool	 elfin_is_debug(const char *name);

/* plan.c: decide, then lay out.  Returns 0, or -1 with img->err set. */
int	 plan_strip(struct eimg *, const struct strip_opts *);
bool	 plan_match(const struct patlist *, const char *, bool wildcard);

/* symbols.c */
int	 symbols_filter(struct eimg *, const struct strip_opts *);
int	 symbols_rewrite_refs(struct eimg *);
int	 symbols_patch_dynsym(struct eimg *);

/* layout.c */
int	 layout_assign(struct eimg *);
void	 layout_emit(const struct eimg *, unsigned char *out);
int	 layout_write(const struct eimg *, int in, uint64_t inbase, int fd);

struct stat;

/* main.c: plan the stripped image; 0, or -1 after reporting the error. */
int	 strip_elf_plan(const struct strip_opts *, const char *where,
	    struct span in, struct eimg *);
/* main.c: put a finished image in place as target (outfile). */
int	 strip_write_file(const struct strip_opts *, const char *path,
	    const char *target, const struct stat *, const unsigned char *,
	    uint64_t size);

/* archive.c: strip every member of an archive; write to target. */
int	 archive_strip(const struct strip_opts *, const char *path,
	    struct span in, int kind, const char *target,
	    const struct stat *);

/* aoutstrip.c: strip an a.out file; write to target, or to memory. */
int	 aout_strip_mem(const struct strip_opts *, const char *where,
	    struct span in, unsigned char **img, uint64_t *size);
int	 aout_strip(const struct strip_opts *, const char *path,
	    struct span in, const char *target, const struct stat *);

#endif
