/*
 * unwind: what the -u decoders share (dump_unwind.c: ARM and the
 * dispatch; dump_unwind_hppa.c: PA-RISC).
 */
#ifndef READELF_UNWIND_H
#define READELF_UNWIND_H

#include "readelf.h"

/* One section whose words are read, with the relocations that apply. */
struct usec {
	size_t		 idx;		/* section index, 0 if none yet */
	const unsigned char *data;
	uint64_t	 size;
	const unsigned char *rel;	/* SHT_REL or SHT_RELA entries */
	uint64_t	 nrel, relsz;
	bool		 rela;
	uint64_t	 next;		/* GNU's cyclic "next relocation" */
};

/* Where a relocated word points: a symbol's section and offset. */
struct uaddr {
	uint64_t	 sec;		/* SHN_UNDEF when not relocated */
	uint64_t	 off;
};

struct unw {
	struct relf	*f;
	const unsigned char *syms;	/* the SHT_SYMTAB section */
	uint64_t	 nsyms;
	struct span	 strs;
	GElf_Sym	*fun;		/* STT_FUNC symbols sorted by value */
	size_t		 nfun;
	bool		 thumb;		/* ARM: bit 0 of addresses is not */
	bool		 c6x;		/* TI C6000: halfword offsets, own opcodes */
	struct usec	 exidx, extab;
};

/* The symbol table and its sorted function symbols; see dump_unwind.c. */
bool	 unwind_load_funs(struct unw *, struct relf *, uint32_t unwtype,
	    size_t *last);
/* The function symbol at or below addr, within 1 MiB as GNU looks. */
void	 unwind_find_fn(struct unw *, struct uaddr, const char **name,
	    uint64_t *off);
void	 hppa_unwind(struct relf *);

#endif
