/*
 * arsym: the symbols an archive index lists for one member.
 *
 * The rule is GNU ar's (bfd/archive.c, _bfd_compute_and_write_armap, on
 * the symbols elf_slurp_symbol_table makes): from the first SHT_SYMTAB of
 * an ELF object (not a core file), every symbol after entry 0 that is
 * global, weak or GNU_UNIQUE, or common of any binding, and not
 * undefined.  Symbols come in symbol-table order.  a.out members list
 * their N_EXT symbols that are not undefined (or are commons).
 *
 * ELF is read in place, any class, byte order and machine: no libelf
 * conversion and no allocation per symbol.  Names are views into the
 * member's bytes, which must stay mapped while the list is used.
 */
#ifndef OBJKIT_ARSYM_H
#define OBJKIT_ARSYM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

struct arsym {
	const char	*name;		/* not NUL-terminated: see len */
	uint32_t	 len;
	uint32_t	 member;	/* index of the member in the archive */
};

/* A growing array; one allocation per doubling. */
struct arsym_list {
	struct arsym	*syms;
	size_t		 count, cap;
	uint64_t	 strsize;	/* sum of len + 1 */
};

/* What arsym_scan learnt about the member. */
struct arsym_info {
	bool		 object;	/* an object GNU ar would index */
	bool		 big;		/* its byte order (for BSD indexes) */
	char		 err[160];	/* why a broken object was skipped */
};

void	 arsym_init(struct arsym_list *);
void	 arsym_free(struct arsym_list *);
/*
 * Append the index symbols of the member with bytes s.  Returns 1 for an
 * object, 0 for anything else, -1 when the tables are broken (info->err
 * says why; nothing is appended).  info->object says whether GNU ar
 * would count the member as an object: an ELF file with a complete
 * header, even if what follows is broken.
 */
int	 arsym_scan(struct arsym_list *, uint32_t member, struct span s,
	    struct arsym_info *info);

#endif
