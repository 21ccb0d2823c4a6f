/*
 * strtab: build an ELF-style string table (NUL-terminated strings, offset
 * 0 is the empty string), each distinct string stored once.
 */
#ifndef OBJKIT_STRTAB_H
#define OBJKIT_STRTAB_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"

struct strtab {
	char		*buf;
	size_t		 len, cap;
	struct strmap	 seen;		/* string -> offset + 1 */
};

void	 strtab_init(struct strtab *, size_t expected);
void	 strtab_free(struct strtab *);
/* The offset of s (len bytes, no NUL needed) in the table. */
uint64_t strtab_add(struct strtab *, const char *s, size_t len);
uint64_t strtab_add_str(struct strtab *, const char *s);

#endif
