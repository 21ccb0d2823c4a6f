/*
 * size: section sizes of object files, in GNU size 2.40's Berkeley,
 * SysV and GNU formats.  main.c reads the options and walks the
 * operands (archives member by member); sections.c turns an ELF or
 * a.out file into a list of sections with BFD's flags; print.c prints.
 */
#ifndef SIZE_SIZE_H
#define SIZE_SIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mapfile.h"

enum size_format {
	SIZE_BERKELEY,
	SIZE_SYSV,
	SIZE_GNU,
};

struct size_opts {
	bool		 common;		/* --common */
	bool		 totals;		/* -t */
	enum size_format format;
	int		 radix;			/* 8, 10, 16 */
};

/* A section as BFD sees it (only those BFD makes sections of). */
struct size_sec {
	const char	*name;
	uint64_t	 size;
	uint64_t	 addr;
	unsigned	 flags;		/* SEC_F_* from common/symtab.h */
};

struct size_obj {
	struct size_sec	*secs;
	size_t		 n;
	uint64_t	 common;	/* sum of common symbols' sizes */
};

/* sections.c: 0, or -1 with err set. */
int	 size_read(const struct size_opts *, struct span, struct size_obj *,
	    char *err, size_t errlen);
void	 size_obj_free(struct size_obj *);

/* print.c */
void	 size_print(const struct size_opts *, const struct size_obj *,
	    const char *file, const char *archive);
void	 size_print_totals(const struct size_opts *);

#endif
