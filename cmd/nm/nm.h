/*
 * nm: list the symbols of object files, archives and shared libraries,
 * in GNU nm 2.40's formats (byte-identical for ELF), plus a JSON format.
 *
 * The pieces: main.c (options, operands), file.c (what an operand is:
 * ELF, archive, a.out), elf.c (an ELF symbol table into an array of
 * struct nm_sym), sort.c (GNU's orders and their tie-breaks), print.c
 * (bsd, sysv, posix, just-symbols), demangle.c (-C), json.c, aout.c,
 * out.c (the output buffer).
 */
#ifndef NM_NM_H
#define NM_NM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum nm_format {
	NM_BSD,
	NM_SYSV,
	NM_POSIX,
	NM_JUST,
	NM_JSON,
};

enum nm_sort {
	NM_SORT_NAME,
	NM_SORT_NUMERIC,
	NM_SORT_NONE,
	NM_SORT_SIZE,
};

struct nm_opts {
	bool		 debug_syms;		/* -a */
	bool		 print_file_name;	/* -A, -o */
	bool		 demangle;		/* -C */
	bool		 dynamic;		/* -D */
	bool		 extern_only;		/* -g */
	bool		 reverse_sort;		/* -r */
	bool		 print_size;		/* -S */
	bool		 print_armap;		/* -s */
	bool		 special_syms;
	bool		 undefined_only;	/* -u */
	bool		 defined_only;		/* -U */
	bool		 no_weak;		/* -W */
	bool		 without_symbol_versions;
	bool		 quiet;
	bool		 size_sort;		/* --size-sort */
	bool		 file_headings;		/* more than one operand */
	enum nm_format	 format;
	enum nm_sort	 sort;
	int		 radix;			/* 8, 10 or 16 */
};

/* Flags of struct nm_sym. */
#define NMS_UNDEF	0x01	/* 'U', 'w' or 'v': no value printed */
#define NMS_SECTION	0x02	/* a section symbol: no ELF details */
#define NMS_FILE	0x04
#define NMS_HASELF	0x08	/* type/bind/section fields are meaningful */
#define NMS_STAB	0x10	/* a.out debugging symbol: type is n_type */
#define NMS_VERAT	0x20	/* version follows a single '@' */

/*
 * One symbol to print.  Names point into the mapped file or into the
 * name arena (versioned names); nothing here is malloced per symbol.
 */
struct nm_sym {
	const char	*name;
	const char	*secname;
	uint64_t	 value;
	uint64_t	 size;		/* st_size, or --size-sort's size */
	uint64_t	 secaddr;	/* its section's address (size sort) */
	uint64_t	 secend;	/* section address + size (size sort) */
	uint32_t	 index;		/* position in the symbol table */
	uint16_t	 secidx;	/* BFD section identity for size sort */
	uint8_t		 type;		/* STT_* */
	uint8_t		 bind;		/* STB_* */
	uint8_t		 flags;		/* NMS_* */
	char		 letter;
	int8_t		 other;		/* a.out stabs: n_other */
	int16_t		 desc;		/* a.out stabs: n_desc */
	const char	*version;	/* dynamic symbol's version, or NULL */
};

/* The symbols of one object, ready to sort and print. */
struct nm_list {
	struct nm_sym	*syms;
	size_t		 n, cap;
	int		 width;		/* 32 or 64: address digits */
	const char	*file;		/* operand */
	const char	*member;	/* archive member, or NULL */
};

/* file.c */
int	 nm_file(const struct nm_opts *, const char *path);

/* elf.c: 1 symbols listed, 0 none ("no symbols"), -1 error (err set). */
struct elfobj;
int	 nm_elf_collect(const struct nm_opts *, struct elfobj *,
	    struct nm_list *, char *err, size_t errlen);
void	 nm_list_free(struct nm_list *);
char	*nm_arena_dup(const char *a, const char *b, const char *c);
void	 nm_arena_reset(void);

/* aout.c */
struct span;
int	 nm_aout_collect(const struct nm_opts *, struct span,
	    struct nm_list *, char *err, size_t errlen);

/* sort.c */
void	 nm_sort(const struct nm_opts *, struct nm_list *);

/* demangle.c: -C (NULL: not a mangled name), prefetched by runs. */
#define NM_DEMANGLE_CHUNK	2048
const char *nm_demangle(const char *);
void	 nm_demangle_prefetch(const struct nm_sym *, size_t, bool keep);

/* print.c */
void	 nm_print_object_heading(const struct nm_opts *, const char *file,
	    const char *member, int width);
void	 nm_print_archive_heading(const struct nm_opts *, const char *file);
void	 nm_print_list(const struct nm_opts *, const struct nm_list *);

/* json.c: the document is opened by the first symbol, closed at exit. */
void	 nm_json_list(const struct nm_opts *, const struct nm_list *);
void	 nm_json_finish(void);

/* out.c: buffered standard output. */
void	 out_str(const char *);
void	 out_mem(const char *, size_t);
void	 out_chr(char);
void	 out_hex(uint64_t, int digits);
void	 out_flush(void);

#endif
