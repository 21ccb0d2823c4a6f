/*
 * ld.h: the data model of the linker, shared by its passes.
 *
 * The link is one struct link; each pass in main.c is a function on it and
 * lives in the file named after it (STYLE.md section 8).  Inputs are
 * mapped and read in place: names are views into mapped string tables,
 * section contents are copied once, straight into the mapped output.
 *
 * x86-64 ELF relocatable objects, archives of them and shared libraries
 * are read; static and dynamic executables (ET_EXEC, or ET_DYN for PIE)
 * and shared libraries are written.
 */
#ifndef LD_H
#define LD_H

#include <elf.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "arread.h"
#include "hash.h"
#include "mapfile.h"
#include "outfile.h"
#include "pool.h"

#define PAGE_SIZE	0x1000
#define IMAGE_BASE	0x400000

/*
 * An archive member starts at an even offset only (ar(5)), and its ELF
 * structures are read where they lie rather than copied: through these
 * types, of alignment 1.  C lowers a type's alignment only in a typedef,
 * hence the exception to style(9); on x86-64 the loads are the same
 * instructions, and UBSan checks against these alignments.
 */
typedef Elf64_Ehdr	Elf64u_Ehdr __attribute__((aligned(1)));
typedef Elf64_Shdr	Elf64u_Shdr __attribute__((aligned(1)));
typedef Elf64_Sym	Elf64u_Sym __attribute__((aligned(1)));
typedef Elf64_Rela	Elf64u_Rela __attribute__((aligned(1)));
typedef Elf64_Word	Elf64u_Word __attribute__((aligned(1)));

struct link;
struct input_file;
struct output_section;
struct shared_file;
struct strtab;
struct verscript;
struct symtab_part;
struct spec;

/* How a symbol is known so far; the order is the order of strength. */
enum sym_kind {
	SYM_UNDEF,	/* referenced, no definition seen */
	SYM_LAZY,	/* an archive member defines it; not loaded */
	SYM_SHARED,	/* a shared library defines it (shlib.c) */
	SYM_COMMON,	/* tentative definition: size and alignment only */
	SYM_DEFINED,	/* defined in a live input section, or absolute */
	SYM_SYNTHETIC,	/* defined by the linker (_end, __start_X, ...) */
};

/* Symbol flags. */
#define SF_REFSTRONG	0x10	/* a non-weak reference exists */
#define SF_NOTED	0x20	/* "DSO missing" said (needed.c) */
#define SF_SHLIBREF	0x40	/* a named library's non-weak reference */
#define SF_EMITTED	0x80	/* written to .symtab (symtab.c) */

/*
 * One symbol per global name, and one for a local symbol only when a
 * relocation needs a GOT or PLT slot for it.  Symbols are allocated in
 * blocks and never move, so a pointer always sees the current resolution.
 * For SYM_DEFINED, file and shndx name the defining section (shndx may be
 * SHN_ABS); for SYM_LAZY, file is the archive and member the member
 * index; for SYM_SYNTHETIC, osec (or NULL: absolute) and value give it.
 */
struct symbol {
	const char		*name;
	size_t			 namelen;
	struct input_file	*file;
	struct output_section	*osec;		/* SYM_SYNTHETIC only */
	struct archive		*ar;		/* SYM_LAZY only */
	struct input_file	*ref;		/* first file referencing it */
	uint64_t		 value;
	uint64_t		 size;
	uint64_t		 align;		/* SYM_COMMON */
	uint32_t		 shndx;
	uint32_t		 member;	/* SYM_LAZY: archive member */
	int32_t			 got;		/* GOT slot, or -1 */
	int32_t			 gottp;		/* GOT slot for the TP offset */
	int32_t			 iplt;		/* IPLT entry, or -1 */
	uint32_t		 outidx;	/* index in the output .symtab */
	uint8_t			 kind;
	uint8_t			 bind;
	uint8_t			 type;
	uint8_t			 visibility;
	uint8_t			 flags;
	bool			 weakdef;	/* defined by a weak symbol */
	bool			 common;	/* was common, now in .bss */
	/* Dynamic linking (shlib.c, dynamic.c, dynreloc.c). */
	uint8_t			 dflags;	/* SD_* */
	uint16_t		 ver;		/* SYM_SHARED: version index in
						   dso; else version node */
	uint16_t		 outver;	/* .gnu.version entry */
	uint32_t		 dynidx;	/* index in .dynsym, 0: none */
	int32_t			 gotgd;		/* TLSGD pair of GOT slots */
	int32_t			 gotdesc;	/* TLS descriptor GOT pair */
	struct shared_file	*dso;		/* SYM_SHARED only */
	uint64_t		 copyoff;	/* SD_COPY: offset in .dynbss */
};

/* Dynamic symbol flags (struct symbol dflags). */
#define SD_PREEMPT	0x01	/* may be bound elsewhere at run time */
#define SD_EXPORT	0x02	/* in .dynsym */
#define SD_COPY		0x04	/* copy relocation into .dynbss */
#define SD_CANON	0x08	/* canonical PLT: its address is the PLT's */
#define SD_DYNREF	0x10	/* a shared library refers to it */
#define SD_LOCALIZED	0x20	/* made local by a version script */
#define SD_NEEDREF	0x40	/* a relocation needs it in .dynsym */
#define SD_ALIAS	0x80	/* SD_COPY through another name's copy */

/* A string or constant of an SHF_MERGE section (merge.c). */
struct merge_piece {
	struct input_section	*owner;		/* the section writing it */
	uint32_t		 inoff;		/* offset in this section */
	uint32_t		 len;
	uint32_t		 outoff;	/* offset in owner's place */
};

/*
 * A record of a split .eh_frame input section (ehmerge.c).  A CIE's
 * leader is the first CIE of the output with its contents (itself if
 * none came before); an FDE's cie indexes its CIE among the same
 * section's records.  Only live records are written, at outoff in their
 * section's place.
 */
enum { EH_CIE, EH_FDE, EH_END };
struct eh_rec {
	struct input_section	*is;
	struct eh_rec		*leader;	/* CIE */
	uint32_t		 inoff, size, outoff;
	uint32_t		 rel0, nrel;	/* its relocations */
	int32_t			 cie;		/* FDE */
	uint8_t			 kind;		/* EH_* */
	uint8_t			 hdr;		/* 4, or 12: 64-bit length */
	bool			 live;
};

/*
 * An input section.  osec is NULL when the section is not copied to the
 * output (discarded COMDAT member, garbage, or a kind we drop).
 */
struct input_section {
	struct input_file	*file;
	const Elf64u_Shdr	*shdr;
	const char		*name;
	struct output_section	*osec;
	uint64_t		 offset;	/* within osec */
	const Elf64u_Rela	*relas;
	size_t			 nrelas;
	uint32_t		 shndx;
	uint32_t		 priority;	/* .init_array.N: N; else 65536 */
	struct merge_piece	*pieces;	/* merged: its pieces, or NULL */
	size_t			 npieces;
	uint64_t		 mergesize;	/* bytes of pieces it owns, or
						   of the records it keeps */
	struct eh_rec		*ehrecs;	/* split .eh_frame, or NULL */
	size_t			 nehrecs;
	bool			 live;		/* kept by COMDAT and GC */
	bool			 visited;	/* GC mark */
	bool			 reverse;	/* .ctors in .init_array */
	/*
	 * Its R_X86_64_64 relocations that become .rela.dyn entries,
	 * counted by scan_relocations: RELATIVE ones and symbolic ones.
	 * Each section gets a range of .rela.dyn of its own (reladyn_ranges)
	 * and fills it through its own cursors, so that threads can write
	 * sections in any order.
	 */
	uint32_t		 ndynrel[2];
	uint32_t		 dyncur[2], dynend[2];
};

/* An archive named on the command line. */
struct archive {
	struct arread		 ar;
	struct mapfile		 map;
	uint64_t		*members;	/* unique member offsets, sorted */
	bool			*loaded;	/* per member */
	size_t			 nmembers;
	uint32_t		 order;		/* command-line position */
	uint32_t		 num;		/* in ctx->archives */
	/* Members parsed ahead by the speculating thread (spec.c). */
	_Atomic unsigned char	*spec;		/* per member: SPEC_* */
	struct input_file	**pre;		/* per member, when SPEC_DONE */
};

/*
 * A relocatable object: a file named on the command line or a member
 * pulled out of an archive.  syms/nsyms are its ELF symbol table;
 * symbols[i] is the struct symbol of global i (i >= first_global) and,
 * for a local, NULL unless scan_relocations made one.
 */
struct input_file {
	const char		*name;		/* "a.o" or "lib.a(m.o)" */
	struct span		 data;
	const Elf64u_Ehdr	*ehdr;
	const Elf64u_Shdr	*shdrs;
	size_t			 nsecs;
	const char		*shstrtab;
	uint64_t		 shstrsz;
	const Elf64u_Sym		*syms;
	size_t			 nsyms;
	size_t			 first_global;
	const char		*strtab;
	uint64_t		 strsz;
	const Elf64u_Word	*symshndx;	/* SHT_SYMTAB_SHNDX, or NULL */
	struct input_section	*secs;		/* nsecs entries */
	struct symbol		**symbols;	/* nsyms entries */
	uint64_t		 order;		/* sort key for the layout */
	bool			 live;
	/* Global i's name: length and hash_bytes at [i - first_global],
	   until resolve_symbols has added the file; then NULL. */
	uint32_t		*namelen;
	uint64_t		*namehash;
	size_t			 nundef;	/* undefined globals among them */
	bool			 quiet;		/* errors only set bad */
	bool			 bad;		/* an error was found */
};

/* What a GOT slot holds. */
enum got_kind {
	GOT_ADDR,	/* the symbol's address */
	GOT_TPOFF,	/* its offset from the thread pointer */
	GOT_DTPMOD,	/* its TLS module id (sym NULL: this module's) */
	GOT_DTPOFF,	/* its offset in its module's TLS block */
	GOT_TLSDESC,	/* a TLS descriptor (two slots, this the first) */
	GOT_TLSDESC_ARG, /* its second slot, set by the loader */
};

/*
 * A shared library input (shlib.c).  Only its dynamic symbol table, its
 * version definitions and its dynamic tags are read.  An implicit one
 * (needed.c) is not on the command line: it only resolves the undefined
 * symbols of the libraries that need it, and never gets a DT_NEEDED.  vername[i] is the name
 * of version definition i (NULL if none), and verout[i] its index in our
 * .gnu.version_r once a symbol needs it (0 before).
 */
struct shared_file {
	const char		*name;
	const char		*soname;
	struct span		 data;
	const Elf64u_Sym		*syms;
	size_t			 nsyms;
	const char		*strtab;
	uint64_t		 strsz;
	const uint16_t		*versym;	/* nsyms entries, or NULL */
	const char		**vername;
	uint16_t		*verout;
	size_t			 nver;
	uint32_t		 order;
	uint32_t		 sonamestr;	/* offset in .dynstr */
	bool			 as_needed;
	bool			 needed;	/* gets a DT_NEEDED */
	/* Its own dependencies (needed.c). */
	const char		**needed_names;	/* its DT_NEEDED entries */
	size_t			 nneeded;
	const char		*runpath;	/* DT_RUNPATH, else DT_RPATH */
	struct shared_file	*by;		/* implicit: who needs it */
	struct mapfile		*map;		/* implicit: its mapping */
	bool			 implicit;	/* loaded for another's
						   DT_NEEDED, not named */
	bool			 deps_done;	/* its DT_NEEDED looked for */
};

struct got_entry {
	struct symbol	*sym;
	int		 kind;
};

/* Output section kinds: copied from inputs, or built by the linker. */
enum osec_kind {
	OS_REGULAR,
	OS_GOT,
	OS_GOTPLT,
	OS_IPLT,
	OS_RELAIPLT,
	OS_BUILDID,
	OS_EHFRAMEHDR,
	OS_SYMTAB,
	OS_STRTAB,
	OS_SHSTRTAB,
	OS_INTERP,	/* dynamic linking, dynamic.c */
	OS_DYNSYM,
	OS_DYNSTR,
	OS_HASH,
	OS_GNUHASH,
	OS_VERSYM,
	OS_VERNEED,
	OS_VERDEF,
	OS_RELADYN,
	OS_DYNAMIC,
	OS_DYNBSS,
};

/*
 * An output section: a run of bytes in the output.  Its inputs are in
 * layout order; their offsets are assigned by assign_addresses.
 */
struct output_section {
	const char		*name;
	enum osec_kind		 kind;
	uint32_t		 type;
	uint64_t		 flags;
	uint64_t		 align;
	uint64_t		 entsize;
	uint32_t		 link, info;
	int			 rank;		/* place in the layout */
	struct input_section	**in;
	size_t			 nin, capin;
	uint64_t		 addr;
	uint64_t		 offset;
	uint64_t		 size;
	uint32_t		 index;		/* section header index */
	uint32_t		 namestr;	/* offset in .shstrtab */
	bool			 omit;		/* empty and synthetic: no header */
	int			 segment;	/* 0 R, 1 RX, 2 R, 3 RW, 4 none */
};

/*
 * --unresolved-symbols=, -z defs, --allow-shlib-undefined: whether the
 * undefined symbols of objects, or of shared libraries, are reported.
 * UNRES_UNSET until an option sets it; parse_args then gives GNU's
 * defaults (reported when linking an executable, not in -shared).
 */
enum { UNRES_UNSET, UNRES_IGNORE, UNRES_REPORT };

/* One option per long option name (STYLE.md section 4). */
struct ld_opts {
	const char	*output;
	const char	*entry;
	const char	*map_file;
	const char	*build_id;	/* NULL: none; "sha1", "md5", ... */
	bool		 gc_sections;
	bool		 print_gc_sections;
	bool		 print_map;
	bool		 strip_all;
	bool		 strip_debug;
	bool		 eh_frame_hdr;
	bool		 relro;
	bool		 separate_code;	/* -z separate-code (default) */
	int		 exec_stack;	/* -z [no]execstack: 1, -1; 0: inputs */
	bool		 verbose;
	bool		 fatal_warnings;
	bool		 stats;		/* --stats: time of each pass */
	unsigned	 threads;	/* --threads=N; 0: one per CPU */
	/* Dynamic linking. */
	bool		 pie;
	bool		 shared;
	bool		 static_pie;
	bool		 now;		/* -z now */
	int		 unresolved_objs;	/* UNRES_*: objects' undefined */
	int		 unresolved_shlibs;	/* and shared libraries' */
	bool		 warn_unresolved;	/* warnings, not errors */
	bool		 z_nodelete;
	bool		 z_origin;
	bool		 z_text;
	bool		 bsymbolic;
	bool		 bsymbolic_functions;
	bool		 export_dynamic;
	bool		 new_dtags;	/* RUNPATH rather than RPATH */
	bool		 hash_sysv;	/* --hash-style=sysv or both */
	bool		 hash_gnu;
	bool		 no_dynamic_linker;
	const char	*soname;
	const char	*dynamic_linker;
	const char	*rpath;		/* the -rpath values joined by ':' */
	const char	*rpath_link;	/* the -rpath-link values */
	bool		 rpath_from_env; /* rpath is LD_RUN_PATH */
	const char	*version_script;
	const char	*dynamic_list;
	/* --sysroot: "" when none; sysroot_real is its realpath(3). */
	const char	*sysroot;
	const char	*sysroot_real;
};

/* An input named on the command line, after library search. */
struct input_arg {
	const char	*path;
	int		 group;		/* group number, 0: none */
	bool		 whole_archive;
	bool		 as_needed;	/* --as-needed, AS_NEEDED ( ) */
	bool		 bstatic;	/* -Bstatic: no shared libraries */
	bool		 searched;	/* found by -l in the -L directories */
	struct mapfile	 map;
	bool		 opened;	/* map is open */
	struct input_file *pre;		/* checked, not yet added */
	struct input_file *obj;		/* set by read_input_files */
	struct archive	*archive;	/* or this */
	struct shared_file *dso;	/* or this */
	struct arindex_sym *archive_syms; /* its index */
	size_t		 narchive_syms;
};

/*
 * The link.  Every pass reads and writes only this (no globals).
 */
struct link {
	struct ld_opts		 opts;
	struct arena		 arena;		/* the input files' arrays */
	struct spec		*spec;		/* spec.c's thread, or NULL */
	struct pool		*pool;		/* --threads */
	double			 lapwall, lapcpu; /* --stats: last lap */
	struct input_arg	*args;
	size_t			 nargs, capargs;
	const char		**libdirs;
	size_t			 nlibdirs, caplibdirs;
	char			**rspargv;	/* argv after @FILE expansion */
	const char		*undefs[64];	/* -u SYMBOL */
	size_t			 nundefs;

	struct input_file	**files;	/* every loaded object */
	size_t			 nfiles, capfiles;
	size_t			 nresolved;	/* files whose symbols are in */
	struct archive		**archives;
	size_t			 narchives, caparchives;

	struct strmap		 symtab;	/* name -> struct symbol */
	struct symbol		*symblock;	/* current allocation block */
	size_t			 symused;
	struct strmap		 comdat;	/* signature -> owning file */
	struct symbol		*entry;

	struct output_section	**osecs;	/* in layout order */
	size_t			 nosecs, caposecs;
	struct output_section	*got, *gotplt, *iplt, *relaiplt;
	struct output_section	*buildid, *ehframehdr, *ehframe;
	struct output_section	*symtab_sec, *strtab_sec, *shstrtab_sec;
	struct output_section	*bss;		/* for commons */
	struct got_entry	*gotents;
	uint32_t		 ngot, capgot;
	struct symbol		**ipltsyms;
	uint32_t		 niplt, capiplt;

	Elf64_Phdr		 phdrs[16];
	size_t			 nphdrs;
	uint64_t		 tls_addr, tls_memsz, tls_align;
	uint64_t		 filesize;
	uint64_t		 shoff;
	uint64_t		 etext, edata, end;
	uint64_t		 entry_addr;
	uint64_t		 gotbase;	/* _GLOBAL_OFFSET_TABLE_ */
	char			*shstrbuf;
	uint64_t		 shstrsize;
	uint32_t		 nshdrs;
	uint32_t		 nlocals;	/* .symtab sh_info */
	struct symtab_part	*symparts;	/* per file (symtab.c) */
	size_t			 nfdes;		/* .eh_frame_hdr entries */
	size_t			*fdestart;	/* per .eh_frame input */

	struct outfile		 out;
	unsigned char		*buf;		/* the mapped output */
	/* Relocation errors while threads write: flagged, reported later. */
	bool			 quiet_relocs;
	atomic_bool		 reloc_failed;

	/* Dynamic linking (shlib.c, dynamic.c, dynreloc.c). */
	bool			 dynamic;	/* has .dynamic */
	bool			 pic;		/* PIE or shared: ET_DYN */
	bool			 textrel;
	bool			 static_tls;
	uint64_t		 image_base;
	struct shared_file	**dsos;
	size_t			 ndsos, capdsos;
	struct output_section	*interp, *dynsym, *dynstr, *hash, *gnuhash;
	struct output_section	*versym, *verneed, *verdef, *reladyn;
	struct output_section	*dynamic_sec, *dynbss;
	struct symbol		**dynsyms;	/* .dynsym order, [0] NULL */
	uint32_t		 ndynsyms;
	uint32_t		 dynsymoff;	/* first hashed symbol */
	uint32_t		 gnubuckets, gnubloom;
	uint32_t		*dynhashes;	/* GNU hash of each hashed one */
	struct strtab		*dynstrtab;
	uint32_t		 nverneed;	/* Verneed entries */
	uint32_t		 nvernaux;
	uint32_t		 nverdef;
	uint32_t		 nrelative;	/* .rela.dyn RELATIVE entries */
	uint32_t		 nreladyn;	/* all .rela.dyn entries */
	uint32_t		 relcur, symcur; /* write cursors */
	uint32_t		 ndyntags;
	uint32_t		 plt0;		/* bytes before PLT entry 0 */
	int32_t			 tlsld_got;	/* module slot for TLSLD */
	struct symbol		**copysyms;
	uint32_t		 ncopy, capcopy;
	struct verscript	*vs;		/* --version-script */
	struct verscript	*dynlist;	/* --dynamic-list */

	/* --wrap and --defsym (wrap.c). */
	const char		**wraps;	/* SYM, __wrap_SYM, __real_SYM */
	size_t			 nwraps;
	const char		**defsyms;	/* SYM, EXPR */
	size_t			 ndefsyms;
};

/* main.c */
void	checkpoint(struct link *);

/* stats.c */
double	stats_now(void);
void	stats_lap(struct link *, const char *);

/* options.c */
void	parse_args(struct link *, int, char **);

struct input_arg *insert_input(struct link *, size_t, const char *, int);
const char *find_library(struct link *, const char *, bool);
const char *sysroot_path(const struct link *, const char *);
bool	in_sysroot(const struct link *, const char *);

/* script.c */
/*
 * A lexer over a mapped script (lex.c).  p moves from the start to end;
 * punct lists the one-character tokens; path and err are for the
 * caller's diagnostics.
 */
struct lexer {
	const char	*p, *end;
	const char	*punct;
	const char	*path;
	bool		 hash_comments;	/* '#' starts a comment */
	bool		 cxx_words;	/* "::" inside a word (C++ names) */
	bool		 quoted;	/* the last token was "quoted" */
	bool		 err;
	char		 tok[4096];
};

/* lex.c */
bool	lexer_next(struct lexer *);

bool	read_script(struct link *, size_t, struct span);

/* input.c */
void	read_input_files(struct link *);
struct input_file *load_member(struct link *, struct archive *, uint32_t);
struct input_file *check_member(struct link *, struct archive *,
	    struct arread *, uint32_t, bool);
void	spec_start(struct link *);
void	spec_stop(struct link *);
void	spec_at(struct link *, const struct archive *, uint32_t);
bool	spec_take(struct link *, struct archive *, uint32_t,
	    struct input_file **);
uint32_t archive_member_index(const struct archive *, uint64_t);
const char *sym_name(const struct input_file *, const Elf64u_Sym *);
uint32_t sym_shndx(const struct input_file *, size_t);

/* resolve.c */
void	resolve_symbols(struct link *);
void	add_file_symbols(struct link *, struct input_file *);
struct symbol *symbol_intern(struct link *, const char *, size_t);
struct symbol *symbol_intern_hashed(struct link *, const char *, size_t,
	    uint64_t);
struct symbol *symbol_new(struct link *);
void	check_symbols(struct link *);

/* gc.c */
void	gc_sections(struct link *);

/* sections.c */
void	bin_sections(struct link *);
void	create_synthetic_sections(struct link *);
struct output_section *osec_new(struct link *, const char *, uint32_t,
	    uint64_t);
void	osec_add(struct output_section *, struct input_section *);

/* ctors.c */
const char *ctors_array(struct input_section *);
void	ctors_reverse(unsigned char *, uint64_t);

/* tlsdesc.c */
bool	relax_tlsdesc(unsigned char *, uint64_t, uint64_t, uint32_t, int32_t);
bool	relax_tlsdesc_ie(unsigned char *, uint64_t, uint64_t);

/* stack.c */
bool	stack_executable(struct link *);

/* merge.c */
void	merge_sections(struct link *);
uint64_t merge_offset(const struct input_section *, uint64_t);
void	merge_write(const struct input_section *, unsigned char *);

/* scan.c */
void	scan_relocations(struct link *);
void	iplt_add(struct link *, struct symbol *);
struct symbol *reloc_symbol(struct link *, struct input_file *, uint32_t,
	    bool);
bool	gotpcrelx_relaxable(struct input_file *, struct input_section *,
	    const Elf64u_Rela *);
bool	gottpoff_relaxable(struct input_file *, struct input_section *,
	    const Elf64u_Rela *);

/* layout.c */
void	assign_addresses(struct link *);
void	fix_synthetic_symbols(struct link *);
uint64_t symbol_address(struct link *, const struct symbol *);
uint64_t tp_offset(struct link *, uint64_t);
uint64_t resolver_address(struct link *, const struct symbol *);

/* reloc.c */
void	apply_relocations(struct link *, struct input_section *,
	    unsigned char *);
/* Whether an error is only flagged now (threads are writing); sets it. */
bool	reloc_quiet(struct link *);
bool	section_is_dropped(const struct input_file *, uint32_t);

/* output.c */
void	write_output(struct link *);

/* symtab.c */
void	size_symtab(struct link *);
void	write_symtab(struct link *);

/* buildid.c */
void	write_build_id(struct link *);
uint64_t build_id_size(const char *);

/* ehmerge.c */
void	merge_eh_frames(struct link *);
uint64_t eh_frame_offset(const struct input_section *, uint64_t);
void	eh_frame_write(struct link *, struct input_section *,
	    unsigned char *);

/* ehframe.c */
void	size_eh_frame_hdr(struct link *);
void	write_eh_frame_hdr(struct link *);

/* map.c */
void	write_map(struct link *);

/* shlib.c */
struct shared_file *read_shared_file(struct link *, struct input_arg *,
	    struct span, uint32_t);
void	add_shared_symbols(struct link *, struct shared_file *);
size_t	dso_find_version(const struct shared_file *, const char *, size_t,
	    const char *);
void	resolve_dynamic(struct link *);
bool	sym_preemptible(const struct link *, const struct symbol *);

/* dynamic.c */
void	setup_dynamic(struct link *);
bool	dynamic_export_root(struct link *, const struct symbol *);
void	dynamic_shdr(struct link *, const struct output_section *,
	    Elf64u_Shdr *);
void	create_dynamic_sections(struct link *);
void	size_dynamic_sections(struct link *);
void	write_dynamic_section(struct link *, struct output_section *);

/* dynreloc.c */
void	scan_dynamic_reloc(struct link *, struct input_section *, size_t *);
void	size_dynamic_relocs(struct link *);
int	apply_dynamic_reloc(struct link *, struct input_section *,
	    const Elf64u_Rela *, unsigned char *, uint64_t, uint64_t,
	    struct symbol *, int64_t);
void	write_dynamic_got(struct link *, unsigned char *);
void	write_plt(struct link *, struct output_section *);
void	reladyn_add(struct link *, struct input_section *, uint64_t, uint32_t,
	    uint32_t, int64_t);
void	reladyn_ranges(struct link *);
int	eh_record(const unsigned char *, uint64_t, uint64_t, uint64_t *,
	    uint64_t *);
uint64_t shared_symbol_address(struct link *, const struct symbol *);

/* needed.c */
void	load_needed_libraries(struct link *);
void	check_shlib_undefined(struct link *);
void	note_missing_dso(struct link *, struct symbol *, struct input_file *);

/* wrap.c */
void	add_wrap(struct link *, const char *);
void	add_defsym(struct link *, const char *);
const char *wrap_name(struct link *, const char *);
void	apply_defsyms(struct link *);

/* verscript.c */
bool	read_dynamic_list(struct link *, const char *);
bool	dynlist_match(const struct link *, const struct symbol *);
bool	read_version_script(struct link *, const char *);
void	apply_version_script(struct link *);
size_t	version_node_symbols(struct link *, struct symbol **);
void	size_version_definitions(struct link *);
void	write_version_definitions(struct link *, unsigned char *);

#endif
